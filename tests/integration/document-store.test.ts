import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseDocument, DocumentFile } from '../../src/api';
import { backupDatabase, backupStoreDir, restoreDatabase } from '../../src/db/backup';
import { checkStore, getDocumentFile, storeDir, storePath } from '../../src/db/document-store';
import { verifyChain } from '../../src/db/audit-chain';
import { selectStoredHashes } from '../../src/db/queries/documents';
import { openDatabase } from '../../src/db/open';
import { dispatch, dispatchAsync } from '../../src/services';
import { issueMany } from '../../src/services/documents';
import { type TestDb, openTestDb, tempDir, unwrap } from '../helpers/db';
import { IDS, sampleDraft } from '../helpers/fixtures';

/** Issue 13 item 3: issued files in an encrypted content-addressed store beside the database (decision 141). */
let t: TestDb | null = null;
afterEach(() => {
  t?.close();
  t = null;
});
const KEY = 'correct horse battery staple 2026';
const SECRETS = ['张三', '李四', IDS.zhangSan, IDS.liSi, '13800000000', '成都市温江区柳城街道'];
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function issued(tdb: TestDb): Promise<{ c: CaseDetail; doc: CaseDocument; at: ReturnType<TestDb['ctx']> }> {
  const clerk = tdb.user(`clerk${Math.floor(Math.random() * 1e6)}`, 'clerk');
  const at = { ...tdb.ctx(clerk), now: () => new Date('2026-11-02T04:00:00Z') };
  const d = unwrap<CaseDetail>(dispatch(at, 'cases.saveDraft', sampleDraft({ receivedDate: '2026-10-30' })));
  const c = unwrap<CaseDetail>(dispatch(at, 'cases.accept', { id: d.id, acceptanceDate: '2026-11-02' }));
  const doc = unwrap<CaseDocument>(await dispatchAsync(at, 'documents.issue', { caseId: c.id, kind: 'acceptance_notice', issuedDate: '2026-11-02' }));
  return { c, doc, at };
}
const fileOf = (tdb: TestDb, at: ReturnType<TestDb['ctx']>, id: string, format: 'pdf' | 'docx') => dispatch(at, 'documents.file', { documentId: id, format });

describe('document store', () => {
  it('issue → both files in the store, encrypted, not in the row; read back equals the register hash', async () => {
    t = await openTestDb({ key: KEY });
    const { doc, at } = await issued(t);
    const dir = storeDir(t.db)!;
    expect(dir).toBe(`${t.file}.documents`);
    const row = t.db.prepare('SELECT pdf, docx, pdf_sha256, docx_sha256 FROM case_documents WHERE id = ?').get(doc.id) as Record<string, unknown>;
    expect(row.pdf).toBeNull();
    expect(row.docx).toBeNull();
    for (const [h, format] of [[doc.pdfSha256!, 'pdf'], [doc.docxSha256!, 'docx']] as const) {
      const stored = fs.readFileSync(storePath(dir, h));
      // encrypted: no PDF header, no DOCX part name (stored uncompressed in a plain zip), no fixture string
      expect(stored.includes(Buffer.from('%PDF-'))).toBe(false);
      expect(stored.includes(Buffer.from('word/document.xml'))).toBe(false);
      expect(SECRETS.filter((s) => stored.includes(Buffer.from(s, 'utf8')))).toEqual([]);
      const f = unwrap<DocumentFile>(fileOf(t, at, doc.id, format));
      expect(sha(Buffer.from(f.base64, 'base64'))).toBe(h);
    }
    // the plaintext does hold what the check above looks for (the check can fail)
    const docx = Buffer.from(unwrap<DocumentFile>(fileOf(t, at, doc.id, 'docx')).base64, 'base64');
    expect(docx.includes(Buffer.from('word/document.xml'))).toBe(true);
    // the audit chain's entry for the issue holds the register row with both hashes
    // (the entry hashes the row in canonical form, which includes pdf_sha256 and docx_sha256; verifyChain recomputes it)
    const entry = t.db.prepare("SELECT entities FROM audit_log WHERE entities LIKE '%case_documents%' ORDER BY id DESC LIMIT 1").get() as { entities: string };
    expect(entry.entities).toContain(doc.id);
    expect(verifyChain(t.db).ok).toBe(true);
  });

  it('a plain database stores plain files (the encryption check above can fail)', async () => {
    t = await openTestDb();
    const { doc } = await issued(t);
    const stored = fs.readFileSync(storePath(storeDir(t.db)!, doc.pdfSha256!));
    expect(stored.includes(Buffer.from('%PDF-'))).toBe(true);
  });

  it('encrypting a plain database encrypts its store; a re-key stopped after the database leaves .next files that a read uses', async () => {
    t = await openTestDb();
    const { doc } = await issued(t);
    const file = t.file;
    const dir = storeDir(t.db)!;
    t.close();
    t = null;
    expect(fs.readFileSync(storePath(dir, doc.pdfSha256!)).includes(Buffer.from('%PDF-'))).toBe(true);
    const db = await openDatabase(file, { key: KEY });
    try {
      expect(fs.readFileSync(storePath(dir, doc.pdfSha256!)).includes(Buffer.from('%PDF-'))).toBe(false);
      expect(checkStore(db, selectStoredHashes(db))).toMatchObject({ ok: 2, missing: [], damaged: [], orphans: [] });
      // a re-key that stopped between the database re-key and the swap of the files
      const next = 'the next passphrase 2026';
      const { seal, unseal } = await import('../../src/db/document-store');
      const p = storePath(dir, doc.pdfSha256!);
      fs.writeFileSync(`${p}.next`, seal(unseal(fs.readFileSync(p), doc.pdfSha256!, KEY), doc.pdfSha256!, next));
      const { rekeyOpenDatabase } = await import('../../src/db/encryption');
      rekeyOpenDatabase(db, next);
      expect(sha(getDocumentFile(db, doc.pdfSha256!))).toBe(doc.pdfSha256);
      expect(fs.existsSync(`${p}.next`)).toBe(false);
      // the DOCX had no .next: it is refused as a file of another key, not served
      expect(() => getDocumentFile(db, doc.docxSha256!)).toThrow(/其他密钥/);
    } finally {
      db.close();
    }
  });

  it('a register row issued before the store (bytes in the row) is still served from the row, hash checked', async () => {
    t = await openTestDb({ key: KEY });
    const { doc, at } = await issued(t);
    const pdf = Buffer.from(unwrap<DocumentFile>(fileOf(t, at, doc.id, 'pdf')).base64, 'base64');
    const docx = Buffer.from(unwrap<DocumentFile>(fileOf(t, at, doc.id, 'docx')).base64, 'base64');
    // the row as issue 13 found it: the files in the row (a copy of the issued row under a new id)
    const row = t.db.prepare('SELECT * FROM case_documents WHERE id = ?').get(doc.id) as Record<string, unknown>;
    const legacy = { ...row, id: 'abcdef00000000000000000000000001', series_id: 'abcdef00000000000000000000000001', pdf, docx };
    const cols = Object.keys(legacy);
    t.db.prepare(`INSERT INTO case_documents (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((k) => (legacy as Record<string, unknown>)[k]));
    fs.rmSync(`${t.file}.documents`, { recursive: true });
    expect(sha(Buffer.from(unwrap<DocumentFile>(fileOf(t, at, legacy.id, 'pdf')).base64, 'base64'))).toBe(doc.pdfSha256);
    // the store-backed row, whose files were just removed, is refused
    expect(fileOf(t, at, doc.id, 'pdf')).toMatchObject({ ok: false, error: { message: expect.stringContaining('文书文件缺失') } });
  });

  it('a changed byte or a deleted file is refused in Chinese, never served; db check reports it', async () => {
    t = await openTestDb({ key: KEY });
    const { doc, at } = await issued(t);
    const dir = storeDir(t.db)!;
    const p = storePath(dir, doc.pdfSha256!);
    const b = fs.readFileSync(p);
    b[b.length - 40] = b[b.length - 40]! ^ 1;
    fs.writeFileSync(p, b);
    expect(fileOf(t, at, doc.id, 'pdf')).toMatchObject({ ok: false, error: { message: expect.stringContaining('文书文件已损坏或被改动') } });
    fs.rmSync(storePath(dir, doc.docxSha256!));
    expect(fileOf(t, at, doc.id, 'docx')).toMatchObject({ ok: false, error: { message: expect.stringContaining('文书文件缺失') } });
    const check = checkStore(t.db, selectStoredHashes(t.db));
    expect(check).toMatchObject({ ok: 0, damaged: [doc.pdfSha256], missing: [doc.docxSha256], orphans: [] });
  });

  it('a crash between the file write and the commit leaves only an orphan file, which db check lists', async () => {
    t = await openTestDb({ key: KEY });
    const { at } = await issued(t);
    const d = unwrap<CaseDetail>(dispatch(at, 'cases.saveDraft', sampleDraft({ receivedDate: '2026-10-31' })));
    const c = unwrap<CaseDetail>(dispatch(at, 'cases.accept', { id: d.id, acceptanceDate: '2026-11-02' }));
    const before = t.db.prepare('SELECT count(*) AS n FROM case_documents').get();
    await expect(issueMany(at, [{ caseId: c.id, kind: 'acceptance_notice', issuedDate: '2026-11-02', title: '受理通知书（再）' }], () => {
      throw new Error('power cut');
    })).rejects.toThrow();
    expect(t.db.prepare('SELECT count(*) AS n FROM case_documents').get()).toEqual(before);
    const check = checkStore(t.db, selectStoredHashes(t.db));
    expect(check.ok).toBe(2);
    expect(check.missing).toEqual([]);
    expect(check.orphans.length).toBeGreaterThanOrEqual(1);
  });

  it('backup copies the store incrementally; restore brings the files back and they read intact', async () => {
    t = await openTestDb({ key: KEY });
    const { doc, at } = await issued(t);
    const usb = path.join(tempDir(), 'usb');
    const first = await backupDatabase(t.db, usb, new Date('2026-11-02T04:00:00Z'));
    expect(first.documents).toEqual({ copied: 2, present: 0, bytes: expect.any(Number) });
    const second = await backupDatabase(t.db, usb, new Date('2026-11-02T05:00:00Z'));
    expect(second.documents).toMatchObject({ copied: 0, present: 2 });
    expect(fs.existsSync(storePath(backupStoreDir(usb, KEY), doc.pdfSha256!))).toBe(true);
    const file = t.file;
    const pdf = unwrap<DocumentFile>(fileOf(t, at, doc.id, 'pdf')).base64;
    t.close();
    t = null;
    fs.rmSync(`${file}.documents`, { recursive: true });
    const r = restoreDatabase(first.file, file, new Date('2026-11-03T04:00:00Z'), KEY);
    expect(r.counts.case_documents).toBe(1);
    const db = await openDatabase(file, { key: KEY });
    try {
      expect(checkStore(db, selectStoredHashes(db))).toMatchObject({ ok: 2, missing: [], damaged: [], orphans: [] });
    } finally {
      db.close();
    }
    // a backup folder without the files: the restore is refused and changes nothing
    fs.rmSync(path.join(usb, 'desk-documents'), { recursive: true });
    fs.rmSync(`${file}.documents`, { recursive: true });
    expect(() => restoreDatabase(second.file, file, new Date('2026-11-04T04:00:00Z'), KEY)).toThrow(/缺少该备份的文书文件/);
    expect(pdf.length).toBeGreaterThan(0);
  });

  it('desk db check reports missing files and orphans; desk db rekey re-encrypts the store', async () => {
    t = await openTestDb({ key: KEY });
    const { doc } = await issued(t);
    const file = t.file;
    t.close();
    t = null;
    const keyFile = path.join(tempDir(), 'key.txt');
    fs.writeFileSync(keyFile, KEY);
    const desk = (...args: string[]) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('src/cli/main.ts'), '--db', file, '--passphrase-file', keyFile, ...args], { encoding: 'utf8', env: { ...process.env, DESK_PASSWORD: '' } });
      return { code: r.status, out: r.stdout + r.stderr };
    };
    const dir = `${file}.documents`;
    fs.writeFileSync(path.join(dir, doc.pdfSha256!.slice(0, 2), `${'0'.repeat(64)}`), 'x');
    const ok = desk('db', 'check');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out.slice(ok.out.indexOf('{')))).toMatchObject({ ok: true, documentStore: { ok: 2, orphans: [expect.stringContaining('0000')] } });
    const newKeyFile = path.join(tempDir(), 'new.txt');
    fs.writeFileSync(newKeyFile, 'another passphrase of 2026');
    expect(desk('db', 'rekey', '--new-passphrase-file', newKeyFile).code).toBe(0);
    const db = await openDatabase(file, { key: 'another passphrase of 2026' });
    try {
      expect(checkStore(db, selectStoredHashes(db))).toMatchObject({ ok: 2, missing: [], damaged: [] });
    } finally {
      db.close();
    }
    fs.rmSync(path.join(dir, doc.pdfSha256!.slice(0, 2), doc.pdfSha256!));
    fs.writeFileSync(keyFile, 'another passphrase of 2026');
    const bad = desk('db', 'check');
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain('文书存放处检查未通过');
  });
});

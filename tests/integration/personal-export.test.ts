import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConsultationView, ExportFile } from '../../src/api';
import { openDatabase } from '../../src/db/open';
import { SYSTEM_USER, dispatch } from '../../src/services';
import { openTestDb, tempDir, unwrap } from '../helpers/db';
import { IDS, sampleDraft } from '../helpers/fixtures';

/**
 * Issue 12 item 2, the access request (个人信息保护法 Art 45, unverified): every record about one person, by ID number,
 * as JSON — through the operation (administrator only) and `desk personal export --id-number-file F --out FILE`, the ID
 * number never on the command line nor in the audit log.
 */
type PersonFile = { idNumber: string; counts: Record<string, number>; records: Record<string, Record<string, unknown>[]> };
const read = (f: ExportFile) => JSON.parse(Buffer.from(f.base64, 'base64').toString('utf8')) as PersonFile;

describe('personal.export', () => {
  it('gathers the cases as party, consultations, legal-aid applications and mediations of one person, and nobody else\'s', async () => {
    const t = await openTestDb();
    const clerk = t.user('clerk1', 'clerk');
    const window1 = t.user('window1', 'window');
    const at = (day: string, u = clerk) => ({ ...t.ctx(u), now: () => new Date(`${day}T04:00:00Z`) });
    const c = unwrap<ConsultationView>(dispatch(at('2026-11-02', window1), 'consultations.create', { window: 'migrant', personName: '张三', personIdNumber: IDS.zhangSan, personPhone: '13800000000', disputeType: 'wages', summary: '欠薪三个月' }));
    unwrap(dispatch(at('2026-11-02', window1), 'aid.apply', { consultationId: c.id, matter: 'labour_remuneration', eligibility: 'pledge', receivedDate: '2026-11-02' }));
    unwrap(dispatch(at('2026-11-02', window1), 'consultations.create', { window: 'migrant', personName: '王五', personIdNumber: IDS.wangWu, disputeType: 'wages', summary: '欠薪' }));
    unwrap(dispatch(at('2026-11-03'), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-11-03', consultationId: c.id })));
    unwrap(dispatch(at('2026-11-03', window1), 'mediation.create', { consultationId: c.id, stage: 'pre_arbitration', organisation: '温江区劳动争议调解中心', applicantName: '张三', respondentName: '成都信达电子有限公司', workerCount: 1, receivedDate: '2026-11-03' }));

    expect(dispatch(t.ctx(clerk), 'personal.export', { idNumber: IDS.zhangSan })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch(t.ctx(t.admin), 'personal.export', { idNumber: '110105194912310021' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const f = unwrap<ExportFile>(dispatch(at('2026-11-04', t.admin), 'personal.export', { idNumber: IDS.zhangSan.toLowerCase() }));
    const doc = read(f);
    expect(doc.idNumber).toBe(IDS.zhangSan);
    expect(doc.counts).toEqual({ parties: 1, consultations: 1, aid: 1, mediations: 1, rosters: 0 });
    expect(doc.records['案件当事人']![0]).toMatchObject({ name: '张三', role: 'applicant', phone: '13800000000', id_number: IDS.zhangSan });
    expect((doc.records['案件当事人']![0]!.claims as unknown[]).length).toBe(3);
    expect(doc.records['咨询登记']![0]).toMatchObject({ person_name: '张三', summary: '欠薪三个月' });
    expect(JSON.stringify(doc)).not.toContain(IDS.wangWu);
    const log = t.db.prepare("SELECT detail FROM audit_log WHERE action = 'personal.export'").all() as { detail: string }[];
    expect(log).toHaveLength(1);
    expect(JSON.stringify(log)).not.toContain(IDS.zhangSan);
    t.close();
  });

  it('desk personal export reads the ID number from a file and writes the JSON, owner-only', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'cli.sqlite');
    const db = await openDatabase(dbFile);
    unwrap(dispatch({ db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() }, 'cases.saveDraft', sampleDraft()));
    db.close();
    const idFile = path.join(dir, 'id.txt');
    fs.writeFileSync(idFile, `${IDS.liSi}\n`);
    const out = path.join(dir, 'person.json');
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('src/cli/main.ts'), '--db', dbFile, 'personal', 'export', '--id-number-file', idFile, '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ file: out, records: 1 });
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as PersonFile;
    expect(doc.records['案件当事人']![0]).toMatchObject({ name: '李四', id_number: IDS.liSi });
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const missing = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('src/cli/main.ts'), '--db', dbFile, 'personal', 'export', '--out', out], { encoding: 'utf8' });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('--id-number-file');
  });
});

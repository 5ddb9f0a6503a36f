import { createHash } from 'node:crypto';
import { putDocumentFile } from '../../src/db/document-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AidApplicationView, CaseDetail, CaseDocument, ChainVerifyView, ConsultationView, DocumentFile, Outcomes, Proceedings, UserView } from '../../src/api';
import { dispatch, dispatchAsync } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { flat, pdfText } from '../helpers/documents';
import { sampleDraft } from '../helpers/fixtures';

/**
 * Issue 10: a record that cannot be quietly rewritten. Each reproduction from the issue is a test here, against a real
 * temporary SQLite file through the real operations.
 */
const ROOM1 = '0000000000000000000000000000a001';
let t: TestDb;
let arb: UserView;
let clerk: UserView;
beforeEach(async () => {
  t = await openTestDb();
  arb = t.user('arb1', 'arbitrator');
  clerk = t.user('clerk1', 'clerk');
});
afterEach(() => t.close());

const at = (today: string, user = clerk) => ({ ...t.ctx(user), now: () => new Date(`${today}T04:00:00Z`) });
function accepted(received = '2026-10-30', acceptance = '2026-11-02') {
  const d = unwrap<CaseDetail>(dispatch(at(acceptance), 'cases.saveDraft', sampleDraft({ receivedDate: received })));
  const c = unwrap<CaseDetail>(dispatch(at(acceptance), 'cases.accept', { id: d.id, acceptanceDate: acceptance }));
  unwrap(dispatch(at(acceptance), 'cases.compose', { id: c.id, mode: 'sole', presidingId: arb.id, memberIds: [], clerkId: clerk.id, composedDate: acceptance }));
  return c;
}
const verify = () => unwrap<ChainVerifyView>(dispatch(at('2026-12-20', t.admin), 'audit.verify', {}));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const fileOf = (id: string) => Buffer.from(unwrap<DocumentFile>(dispatch(at('2026-12-20'), 'documents.file', { documentId: id, format: 'pdf' })).base64, 'base64');
const docs = (id: string) => unwrap<Proceedings>(dispatch(at('2026-12-20'), 'cases.proceedings', { id })).documents;

async function decideAll(c: CaseDetail, day: string, wagesFen = 1_000_000) {
  const [wages, comp, confirm] = c.claims;
  const a = at(day, arb);
  unwrap(dispatch(a, 'claims.decide', { claimId: wages!.id, result: 'supported', amountFen: wagesFen, order: '被申请人支付申请人工资', reasoning: '应当足额支付劳动报酬。', articles: '《中华人民共和国劳动合同法》第三十条', finalityType: 'wages', decidedDate: day }));
  unwrap(dispatch(a, 'claims.decide', { claimId: comp!.id, result: 'partly', amountFen: 600_000, order: '被申请人支付经济补偿', reasoning: '工作年限一年。', articles: '《中华人民共和国劳动合同法》第四十七条', finalityType: 'economic-compensation', decidedDate: day }));
  unwrap(dispatch(a, 'claims.decide', { claimId: confirm!.id, result: 'rejected', amountFen: null, order: '', reasoning: '证据不足。', articles: '《中华人民共和国劳动争议调解仲裁法》第六条', finalityType: 'confirm-employment', decidedDate: day }));
  unwrap(dispatch(a, 'award.saveDraft', { caseId: c.id, procedure: 'ordinary', appearance: '双方到庭。', applicantStatement: '拖欠工资。', respondentDefence: '不同意。', factsFound: '查明事实。', reasoning: '本委认为。' }));
}

/** Issues an award on the papers for the sample case, returns the outcome. */
async function awarded(c: CaseDetail, day = '2026-11-20') {
  await decideAll(c, day);
  unwrap(dispatch(at(day, arb), 'cases.paperReview', { caseId: c.id, decidedDate: day, reason: '双方同意书面审理' }));
  return unwrap<Outcomes>(await dispatchAsync(at(day, arb), 'award.issue', { caseId: c.id, awardDate: day }));
}

describe('immutable means immutable (item 1)', () => {
  it('refuses UPDATE, DELETE, INSERT OR REPLACE and UPSERT on every sealed table, row by row, statement by statement', async () => {
    const c = accepted();
    const out = await awarded(c);
    const award = docs(c.id).find((d) => d.kind === 'award')!;
    unwrap(dispatch(at('2026-11-21', arb), 'hearingRecords.create', { caseId: c.id, recordDate: '2026-11-20', attendees: '双方', statements: '陈述', evidence: '', questions: '', finalStatements: '', mediationAttempt: '调解不成' }));
    const rec = t.db.prepare('SELECT id FROM hearing_records WHERE case_id = ?').get(c.id) as { id: string };
    unwrap(dispatch(at('2026-11-21', arb), 'hearingRecords.correct', { recordId: rec.id, requestedBy: '张三', text: '第二页“三月”应为“四月”' }));
    unwrap(dispatch(at('2026-11-21'), 'parties.correct', { caseId: c.id, partyId: c.applicants[0]!.id, changes: { domicile: '成都市温江区新址' }, reason: '当事人申请更正住址', correctedDate: '2026-11-21' }));
    expect(out.decisions.every((d) => d.decision?.locked)).toBe(true);
    const db = t.db;
    const one = <T>(sql: string) => db.prepare(sql).get() as T;
    // Each sealed table with one of its rows (key, a column to change).
    const targets: { table: string; where: string; col: string; key: string[] }[] = [
      { table: 'case_documents', where: `id = '${award.id}'`, col: 'title', key: ['id'] },
      { table: 'hearing_records', where: `id = '${rec.id}'`, col: 'statements', key: ['id'] },
      { table: 'hearing_record_corrections', where: `record_id = '${rec.id}'`, col: 'text', key: ['id'] },
      { table: 'case_events', where: `case_id = '${c.id}'`, col: 'summary', key: ['id'] },
      { table: 'audit_log', where: 'hash IS NOT NULL', col: 'action', key: ['id'] },
      { table: 'claim_decisions', where: `case_id = '${c.id}'`, col: 'order_text', key: ['claim_id'] },
      { table: 'party_corrections', where: `case_id = '${c.id}'`, col: 'new_value', key: ['id'] },
      { table: 'case_paper_reviews', where: `case_id = '${c.id}'`, col: 'reason', key: ['case_id'] },
    ];
    // a closure too
    for (const p of [...c.applicants, ...c.respondents]) {
      for (const d of docs(c.id).filter((x) => x.kind === 'award' && !x.supersededBy)) {
        unwrap(dispatch(at('2026-11-22'), 'documents.serve', { documentId: d.id, partyId: p.id, method: 'direct', sentDate: '2026-11-22', receiptDate: '2026-11-22' }));
      }
    }
    unwrap(dispatch(at('2026-11-23'), 'cases.close', { caseId: c.id, method: 'award', closedDate: '2026-11-23' }));
    targets.push({ table: 'case_closures', where: `case_id = '${c.id}'`, col: 'method', key: ['case_id'] });
    for (const { table, where, col, key } of targets) {
      const row = one<Record<string, unknown>>(`SELECT * FROM ${table} WHERE ${where} LIMIT 1`);
      expect(row, table).toBeTruthy();
      const cols = Object.keys(row);
      const forged = { ...row, [col]: typeof row[col] === 'string' ? `${row[col]}（篡改）` : 'x' };
      const placeholders = cols.map(() => '?').join(', ');
      const values = cols.map((k) => forged[k]);
      const keyWhere = key.map((k) => `${k} = ?`).join(' AND ');
      const keyValues = key.map((k) => row[k]);
      const attempts: [string, () => unknown][] = [
        ['UPDATE', () => db.prepare(`UPDATE ${table} SET ${col} = ? WHERE ${keyWhere}`).run(forged[col], ...keyValues)],
        ['DELETE', () => db.prepare(`DELETE FROM ${table} WHERE ${keyWhere}`).run(...keyValues)],
        ['INSERT OR REPLACE', () => db.prepare(`INSERT OR REPLACE INTO ${table} (${cols.join(', ')}) VALUES (${placeholders})`).run(...values)],
        ['REPLACE', () => db.prepare(`REPLACE INTO ${table} (${cols.join(', ')}) VALUES (${placeholders})`).run(...values)],
        ['UPSERT', () => db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${placeholders}) ON CONFLICT DO UPDATE SET ${col} = excluded.${col}`).run(...values)],
        ['INSERT OR IGNORE', () => db.prepare(`INSERT OR IGNORE INTO ${table} (${cols.join(', ')}) VALUES (${placeholders})`).run(...values)],
      ];
      for (const [label, attempt] of attempts) {
        expect(attempt, `${label} on ${table}`).toThrow();
        expect(one<Record<string, unknown>>(`SELECT * FROM ${table} WHERE ${keyWhere.replace(/\?/g, () => `'${String(keyValues.shift() ?? '')}'`)}`) ?? row, `${label} on ${table} left the row`).toEqual(row);
        keyValues.splice(0, keyValues.length, ...key.map((k) => row[k]));
      }
    }
    expect(verify()).toMatchObject({ ok: true, broken: null });
  });
});

describe('a verifiable audit chain (items 2 and 3)', () => {
  it('every write appends one chained entry with its actor and the rows it touched; verify walks it', async () => {
    const before = (t.db.prepare('SELECT count(*) AS n FROM audit_log WHERE hash IS NOT NULL').get() as { n: number }).n;
    const c = accepted();
    const entries = t.db.prepare('SELECT action, actor_name, entities, prev_hash, hash FROM audit_log WHERE hash IS NOT NULL ORDER BY id').all() as Record<string, string>[];
    const mine = entries.slice(before);
    expect(mine.map((e) => e.action)).toEqual(['cases.saveDraft', 'cases.accept', 'cases.compose']);
    expect(mine.every((e) => e.actor_name === 'clerk1-name')).toBe(true);
    expect(JSON.parse(mine[1]!.entities!).map((e: { t: string }) => e.t)).toEqual(expect.arrayContaining(['cases', 'case_events', 'case_number_seq']));
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prev_hash).toBe(entries[i - 1]!.hash);
    // reads append nothing
    const n = entries.length;
    dispatch(at('2026-11-02'), 'cases.get', { id: c.id });
    dispatch(at('2026-11-02'), 'cases.list', {});
    expect((t.db.prepare('SELECT count(*) AS n FROM audit_log WHERE hash IS NOT NULL').get() as { n: number }).n).toBe(n);
    const v = verify();
    expect(v).toMatchObject({ ok: true, broken: null });
    expect(v.head.count).toBe(n);
    expect(unwrap<{ short: string }>(dispatch(at('2026-11-02'), 'audit.head', {})).short).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
  });

  it('an issued PDF rewritten with its SHA-256 recomputed (INSERT OR REPLACE with the triggers dropped) is found by verify, which names the row', async () => {
    const c = accepted();
    const n = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-03'), 'documents.issue', { caseId: c.id, kind: 'acceptance_notice', issuedDate: '2026-11-03' }));
    expect(verify().ok).toBe(true);
    // The attack from the issue, made possible by dropping every guard first.
    for (const tr of t.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'case_documents'").all() as { name: string }[]) t.db.exec(`DROP TRIGGER ${tr.name}`);
    const row = t.db.prepare('SELECT * FROM case_documents WHERE id = ?').get(n.id) as Record<string, unknown>;
    // the PDF is in the document store (decision 141): the forger writes a changed file there and points the row at it
    expect(row.pdf).toBeNull();
    const issuedPdf = Buffer.from(unwrap<{ base64: string }>(dispatch(at('2026-11-03'), 'documents.file', { documentId: n.id, format: 'pdf' })).base64, 'base64');
    const forged = Buffer.from(issuedPdf.toString('latin1').replace('2026', '2025'), 'latin1');
    expect(putDocumentFile(t.db, forged)).toBe(sha(forged));
    const cols = Object.keys(row);
    t.db.prepare(`INSERT OR REPLACE INTO case_documents (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...cols.map((k) => (k === 'pdf_sha256' ? sha(forged) : k === 'title' ? '受理通知书（改）' : row[k])));
    const v = verify();
    expect(v.ok).toBe(false);
    expect(v.broken!.entity).toBe(`已签发文书（case_documents）${n.id}`);
    expect(v.broken!.reason).toMatch(/被改写/);
    expect(v.broken!.entryId).not.toBeNull();
  });

  it('an audit entry edited with its triggers dropped breaks the chain at that entry; a deleted case event is found too', () => {
    const c = accepted();
    t.db.exec('DROP TRIGGER audit_log_no_update');
    const id = (t.db.prepare("SELECT id FROM audit_log WHERE action = 'cases.accept'").get() as { id: number }).id;
    t.db.prepare("UPDATE audit_log SET actor_name = '他人' WHERE id = ?").run(id);
    expect(verify().broken).toMatchObject({ entryId: id, entity: `审计记录（audit_log）${id}` });
    t.db.prepare("UPDATE audit_log SET actor_name = 'clerk1-name' WHERE id = ?").run(id);
    expect(verify().ok).toBe(true);
    t.db.exec('DROP TRIGGER case_events_no_delete');
    const ev = (t.db.prepare("SELECT id FROM case_events WHERE case_id = ? AND kind = 'accepted'").get(c.id) as { id: number }).id;
    t.db.prepare('DELETE FROM case_events WHERE id = ?').run(ev);
    expect(verify().broken).toMatchObject({ entity: `案件日志（case_events）${ev}`, reason: expect.stringMatching(/被删除/) });
  });

  it('attributes legal-aid steps, consultation edits (earlier text kept), account creation and logins, failed ones included', () => {
    const lawyer = t.user('lawyer1', 'lawyer');
    const win = t.user('window1', 'window');
    const centre = t.user('centre1', 'aid_centre');
    const c = unwrap<ConsultationView>(dispatch(at('2026-11-20', win), 'consultations.create', { window: 'migrant', personName: '张伟', disputeType: 'wages', summary: '欠薪', advice: '先行协商' }));
    unwrap(dispatch(at('2026-11-20', lawyer), 'consultations.update', { id: c.id, advice: '申请法律援助' }));
    const edited = unwrap<ConsultationView>(dispatch(at('2026-11-20', lawyer), 'consultations.get', { id: c.id }));
    expect(edited.advice).toBe('申请法律援助');
    expect(edited.versions).toMatchObject([{ advice: '先行协商', byName: 'window1-name' }]);
    const aid = unwrap<AidApplicationView>(dispatch(at('2026-11-20', lawyer), 'aid.apply', { consultationId: c.id, matter: 'labour_remuneration', eligibility: 'exempt_check', receivedDate: '2026-11-20' }));
    unwrap(dispatch(at('2026-11-21', centre), 'aid.decide', { id: aid.id, decision: 'approved', decisionDate: '2026-11-21' }));
    unwrap(dispatch(at('2026-11-21', centre), 'aid.assign', { id: aid.id, lawyer: '王律师', firm: '某律师事务所', assignedDate: '2026-11-21' }));
    unwrap(dispatch(at('2026-11-25', lawyer), 'aid.close', { id: aid.id, closedDate: '2026-11-25', report: '已调解结案' }));
    expect(dispatch(at('2026-11-26', lawyer), 'aid.close', { id: aid.id, closedDate: '2026-11-26', report: '改写' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const done = unwrap<ConsultationView>(dispatch(at('2026-11-26', lawyer), 'consultations.get', { id: c.id })).aid[0]!;
    expect(done.closingReport).toBe('已调解结案');
    expect(done.history.map((h) => [h.action, h.actorName])).toEqual([
      ['aid.apply', 'lawyer1-name'], ['aid.decide', 'centre1-name'], ['aid.assign', 'centre1-name'], ['aid.close', 'lawyer1-name'],
    ]);
    const actions = (t.db.prepare('SELECT action, actor_name FROM audit_log WHERE hash IS NOT NULL ORDER BY id').all() as { action: string; actor_name: string }[]);
    expect(actions).toEqual(expect.arrayContaining([
      { action: 'users.create', actor_name: '管理员' }, { action: 'aid.decide', actor_name: 'centre1-name' }, { action: 'aid.assign', actor_name: 'centre1-name' },
      { action: 'aid.close', actor_name: 'lawyer1-name' }, { action: 'consultations.update', actor_name: 'lawyer1-name' },
    ]));
    // logins, successful and failed
    const anon = t.ctx(null);
    expect(dispatch(anon, 'auth.login', { username: 'clerk1', password: 'wrong-pass' }).ok).toBe(false);
    expect(dispatch(anon, 'auth.login', { username: 'nobody', password: 'wrong-pass' }).ok).toBe(false);
    unwrap(dispatch(anon, 'auth.login', { username: 'clerk1', password: 'password-1' }));
    const logins = t.db.prepare("SELECT action, detail FROM audit_log WHERE action LIKE 'auth.%' ORDER BY id").all() as { action: string; detail: string }[];
    expect(logins.map((l) => l.action)).toEqual(['auth.loginFailed', 'auth.loginFailed', 'auth.login']);
    expect(logins[0]!.detail).toContain('clerk1');
    expect(logins.map((l) => l.detail).join('')).not.toContain('wrong-pass');
    expect(verify().ok).toBe(true);
  });
});

describe('one write path (item 4)', () => {
  it('deciding a claim at ¥5,000 while the award with ¥10,000 renders: the award is refused with CONFLICT and nothing is stored', async () => {
    const c = accepted();
    await decideAll(c, '2026-11-20', 1_000_000);
    unwrap(dispatch(at('2026-11-20', arb), 'cases.paperReview', { caseId: c.id, decidedDate: '2026-11-20', reason: '书面审理' }));
    const issuing = dispatchAsync(at('2026-11-20', arb), 'award.issue', { caseId: c.id, awardDate: '2026-11-20' });
    // The award is rendering (outside the transaction); the decision changes meanwhile.
    unwrap(dispatch(at('2026-11-20', arb), 'claims.decide', { claimId: c.claims[0]!.id, result: 'partly', amountFen: 500_000, order: '被申请人支付申请人工资', reasoning: '部分支持。', articles: '《中华人民共和国劳动合同法》第三十条', finalityType: 'wages', decidedDate: '2026-11-20' }));
    const r = await issuing;
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(docs(c.id).filter((d) => d.kind === 'award')).toHaveLength(0);
    expect((t.db.prepare('SELECT amount_fen, locked_by FROM claim_decisions WHERE claim_id = ?').get(c.claims[0]!.id) as { amount_fen: number; locked_by: string | null })).toEqual({ amount_fen: 500_000, locked_by: null });
    // Issued again, the PDF says what the locked decision says.
    unwrap(await dispatchAsync(at('2026-11-20', arb), 'award.issue', { caseId: c.id, awardDate: '2026-11-20' }));
    const award = docs(c.id).find((d) => d.kind === 'award')!;
    const text = flat(pdfText(fileOf(award.id)));
    expect(text).toContain('5,000.00');
    expect(text).not.toContain('10,000.00');
  });

  it('moving a hearing and re-issuing its notices is one transaction: if a notice cannot be rendered, the hearing stays and the old notice stays current', async () => {
    const c = accepted();
    const p = unwrap<Proceedings>(dispatch(at('2026-11-03'), 'hearings.schedule', { caseId: c.id, date: '2026-11-20', startTime: '09:00', endTime: '11:00', roomId: ROOM1 }));
    const h = p.hearings[0]!;
    const notice = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-03'), 'documents.issue', { caseId: c.id, kind: 'hearing_notice', issuedDate: '2026-11-03', hearingId: h.id }));
    // A party's name that no face can print (written around the program, as an old database might hold it).
    t.db.prepare('UPDATE parties SET name = ? WHERE id = ?').run('𠮷野', c.applicants[0]!.id);
    const r = await dispatchAsync(at('2026-11-05'), 'hearings.move', { hearingId: h.id, date: '2026-11-27', startTime: '09:00', endTime: '11:00', roomId: ROOM1, reason: '当事人申请' });
    expect(r.ok).toBe(false);
    const after = unwrap<Proceedings>(dispatch(at('2026-11-05'), 'cases.proceedings', { id: c.id }));
    expect(after.hearings.map((x) => [x.date, x.status])).toEqual([['2026-11-20', 'scheduled']]);
    expect(after.documents.filter((d) => d.kind === 'hearing_notice').map((d) => [d.id, d.supersededBy])).toEqual([[notice.id, null]]);
    // Fixed, the move goes through with its notice in the same commit.
    t.db.prepare('UPDATE parties SET name = ? WHERE id = ?').run('吉野', c.applicants[0]!.id);
    unwrap(await dispatchAsync(at('2026-11-05'), 'hearings.move', { hearingId: h.id, date: '2026-11-27', startTime: '09:00', endTime: '11:00', roomId: ROOM1, reason: '当事人申请' }));
    const moved = unwrap<Proceedings>(dispatch(at('2026-11-05'), 'cases.proceedings', { id: c.id }));
    // the moved hearing's paper is a 延期开庭通知书, the next version of the notice's series (issue 11 item 6)
    const notices = moved.documents.filter((d) => d.kind === 'hearing_notice' || d.kind === 'postponement_notice');
    expect(notices.map((d) => [d.kind, d.version])).toEqual([['hearing_notice', 1], ['postponement_notice', 2]]);
    expect(notices[0]!.supersededBy).toBe(notices[1]!.id);
    expect(notices[1]!.hearingId).toBe(moved.hearings.find((x) => x.status === 'scheduled')!.id);
    const entry = t.db.prepare("SELECT entities FROM audit_log WHERE action = 'hearings.move'").get() as { entities: string };
    expect(JSON.parse(entry.entities).map((e: { t: string }) => e.t)).toEqual(expect.arrayContaining(['hearings', 'case_documents']));
  });
});

describe('case guards (item 5)', () => {
  it('a closed case refuses suspension, scheduling and recusal, but still takes service of issued documents', async () => {
    const c = accepted();
    await awarded(c);
    const award = docs(c.id).filter((d) => d.kind === 'award' && !d.supersededBy);
    const parties = [...c.applicants, ...c.respondents];
    for (const d of award) for (const p of parties.slice(1)) unwrap(dispatch(at('2026-11-22'), 'documents.serve', { documentId: d.id, partyId: p.id, method: 'direct', sentDate: '2026-11-22', receiptDate: '2026-11-22' }));
    expect(dispatch(at('2026-11-23'), 'cases.close', { caseId: c.id, method: 'award', closedDate: '2026-11-23' }).ok).toBe(false);
    for (const d of award) unwrap(dispatch(at('2026-11-23'), 'documents.serve', { documentId: d.id, partyId: parties[0]!.id, method: 'direct', sentDate: '2026-11-23', receiptDate: '2026-11-23' }));
    unwrap(dispatch(at('2026-11-23'), 'cases.close', { caseId: c.id, method: 'award', closedDate: '2026-11-23' }));
    const closed = /本案已于2026-11-23结案，不能再/;
    expect(dispatch(at('2026-11-24'), 'cases.suspend', { id: c.id, startDate: '2026-11-24', reason: '等待工伤认定' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(closed) } });
    expect(dispatch(at('2026-11-24'), 'hearings.schedule', { caseId: c.id, date: '2026-12-10', startTime: '09:00', endTime: '11:00', roomId: ROOM1 })).toMatchObject({ ok: false, error: { message: expect.stringMatching(closed) } });
    expect(dispatch(at('2026-11-24'), 'cases.recuse', { id: c.id, userId: arb.id, decidedDate: '2026-11-24', reason: '近亲属' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(closed) } });
    expect(await dispatchAsync(at('2026-11-24'), 'documents.issue', { caseId: c.id, kind: 'acceptance_notice', issuedDate: '2026-11-24' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(closed) } });
    // What the law still allows: a 决定书 correcting a clerical error in the award, and its service.
    const fix = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-24', arb), 'documents.issue', {
      caseId: c.id, kind: 'decision', issuedDate: '2026-11-24',
      payload: { decision: { subject: 'correction', cause: '裁决书补正', facts: '裁决书第二页申请人住所有笔误', basisAndDecision: '将“柳城街道”补正为“柳城街道办事处”' } },
    }));
    unwrap(dispatch(at('2026-11-24'), 'documents.serve', { documentId: fix.id, partyId: parties[0]!.id, method: 'direct', sentDate: '2026-11-24', receiptDate: '2026-11-24' }));
    expect(dispatch(at('2026-11-24'), 'parties.correct', { caseId: c.id, partyId: c.applicants[0]!.id, changes: { domicile: '新址' }, reason: '更正', correctedDate: '2026-11-24' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(closed) } });
    // the dashboard no longer walks the closed case
    const dash = unwrap<{ overdue: { caseId: string }[]; thisWeek: { caseId: string }[] }>(dispatch(at('2026-12-30'), 'dashboard.get', { scope: 'all' }));
    expect([...dash.overdue, ...dash.thisWeek].some((x) => x.caseId === c.id)).toBe(false);
  });

  it('an award needs the hearing held or a decision to decide on the papers; issuing it cancels hearings still scheduled', async () => {
    const c = accepted();
    unwrap(dispatch(at('2026-11-03'), 'hearings.schedule', { caseId: c.id, date: '2026-12-14', startTime: '09:00', endTime: '11:00', roomId: ROOM1 }));
    await decideAll(c, '2026-11-30');
    const r = await dispatchAsync(at('2026-11-30', arb), 'award.issue', { caseId: c.id, awardDate: '2026-11-30' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/尚未开庭审理/) } });
    expect(docs(c.id).filter((d) => d.kind === 'award')).toHaveLength(0);
    unwrap(dispatch(at('2026-11-30', arb), 'cases.paperReview', { caseId: c.id, decidedDate: '2026-11-30', reason: '被申请人书面认可全部请求，双方同意书面审理' }));
    unwrap(await dispatchAsync(at('2026-11-30', arb), 'award.issue', { caseId: c.id, awardDate: '2026-11-30' }));
    const p = unwrap<Proceedings>(dispatch(at('2026-11-30'), 'cases.proceedings', { id: c.id }));
    expect(p.hearings.map((h) => h.status)).toEqual(['cancelled']);
    expect(unwrap<CaseDetail>(dispatch(at('2026-11-30'), 'cases.get', { id: c.id })).timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['paper_review', 'hearing.cancelled', 'award.issued']));
  });
});

describe('corrections with a trail (item 6)', () => {
  it('corrects a party\'s name after acceptance: the issued notice keeps the old text, a new one uses the new name, the timeline shows it', async () => {
    const c = accepted();
    const first = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-03'), 'documents.issue', { caseId: c.id, kind: 'acceptance_notice', issuedDate: '2026-11-03' }));
    const bad = dispatch(at('2026-11-04'), 'parties.correct', { caseId: c.id, partyId: c.applicants[0]!.id, changes: { idNumber: '110105194912310021' }, reason: '更正', correctedDate: '2026-11-04' });
    expect(bad).toMatchObject({ ok: false, error: { issues: [{ path: 'changes.idNumber' }] } });
    const fixed = unwrap<CaseDetail>(dispatch(at('2026-11-04'), 'parties.correct', { caseId: c.id, partyId: c.applicants[0]!.id, changes: { name: '张叁' }, reason: '身份证载明姓名为“张叁”', correctedDate: '2026-11-04' }));
    expect(fixed.applicants[0]!.name).toBe('张叁');
    expect(fixed.corrections).toMatchObject([{ fieldLabel: '姓名或名称', oldValue: '张三', newValue: '张叁', reason: '身份证载明姓名为“张叁”', createdBy: 'clerk1-name' }]);
    expect(fixed.timeline.at(-1)!.summary).toMatch(/更正当事人张三的姓名或名称/);
    expect(flat(pdfText(fileOf(first.id)))).toContain('张三');
    const second = unwrap<CaseDocument>(await dispatchAsync(at('2026-11-04'), 'documents.reissue', { documentId: first.id, reason: '当事人姓名更正', issuedDate: '2026-11-04' }));
    const text = flat(pdfText(fileOf(second.id)));
    expect(text).toContain('张叁');
    expect(verify().ok).toBe(true);
  });
});

describe('text hygiene at every entry point (item 7)', () => {
  it('refuses NUL, a bidi override, a lone surrogate and U+FFFD naming the field, normalises to NFC, and writes nothing', () => {
    const cases = () => (t.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    const n0 = cases();
    const bad: [string, RegExp][] = [['张\u0000三', /控制字符（U\+0000）/], ['张\u202E三', /改变文字显示方向.*U\+202E/], ['张\uD800三', /不成对的代理码元/], ['张\uFFFD三', /U\+FFFD/], ['张\n三', /不能包含换行/]];
    for (const [name, msg] of bad) {
      const d = sampleDraft({ receivedDate: '2026-10-30' });
      d.applicants[0] = { ...d.applicants[0]!, name } as (typeof d.applicants)[number];
      const r = dispatch(at('2026-11-02'), 'cases.saveDraft', d);
      expect(r, JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'applicants.0.name' }] } });
      if (!r.ok) expect(r.error.message).toMatch(/“申请人第1项姓名或名称”/);
      if (!r.ok) expect(r.error.message).toMatch(msg);
    }
    expect(cases()).toBe(n0);
    // line breaks are fine in long text; decomposed characters are stored composed (NFC)
    const d = sampleDraft({ receivedDate: '2026-10-30', note: '第一行\n第二行' });
    d.applicants[0] = { ...d.applicants[0]!, name: 'Ame\u0301lie' } as (typeof d.applicants)[number];
    const saved = unwrap<CaseDetail>(dispatch(at('2026-11-02'), 'cases.saveDraft', d));
    expect(saved.applicants[0]!.name).toBe('Am\u00e9lie');
    expect(saved.note).toBe('第一行\n第二行');
  });
});

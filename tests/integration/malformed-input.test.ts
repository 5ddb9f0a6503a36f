import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type OperationName, operations } from '../../src/api';
import { dispatch } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { sampleDraft } from '../helpers/fixtures';

/**
 * Malformed input to every operation: wrong types, missing fields, huge strings, negative or fractional fen, unknown enum
 * values, and arbitrary JSON. Each must come back as a typed VALIDATION error with a Chinese message, and the database
 * file must be byte-for-byte what it was.
 */
let t: TestDb;
let caseId: string;
const ZH = /[\u4e00-\u9fff]/;

/** A valid input per operation; the mutations below break it in one way each. */
function validInputs(): Record<OperationName, Record<string, unknown>> {
  return {
    'setup.status': {}, 'setup.createAdmin': { username: 'admin9', displayName: '甲', role: 'admin', password: 'password-1' },
    'auth.login': { username: 'clerk1', password: 'password-1' }, 'auth.logout': {}, 'auth.me': {},
    'users.list': {}, 'users.create': { username: 'newuser', displayName: '乙', role: 'clerk', password: 'password-1' },
    'users.setActive': { id: caseId, active: true }, 'settings.get': {}, 'settings.update': { commissionName: '丙' },
    'venues.list': {}, 'venues.create': { name: '丁巡回庭', kind: 'circuit' },
    'cases.saveDraft': sampleDraft() as Record<string, unknown>, 'cases.discardDraft': { id: caseId }, 'cases.related': { id: caseId },
    'cases.accept': { id: caseId, acceptanceDate: '2026-11-21' },
    'cases.notAccept': { id: caseId, decisionDate: '2026-11-21', reasonCode: 'other', reasonText: '理由' },
    'cases.get': { id: caseId }, 'cases.list': { query: '张' }, 'cases.export': { status: 'accepted', columns: ['caseNumber', 'applicants'] }, 'staff.list': {},
    'calendar.years': {}, 'calendar.importYear': { year: 2027, notice: '通知', published: '2026-11-20', source: '新华社', rest: [['2027-01-01', '2027-01-01']], work: [] },
    'calendar.setDay': { date: '2026-12-31', kind: 'rest', reason: '调整' }, 'deadlines.rules': {},
    'deadlines.compute': { rule: 'award', from: '2026-08-20', suspended: ['2026-09-01..2026-09-20'], extensionDays: 0 },
    'cases.clock': { id: caseId }, 'cases.suspend': { id: caseId, startDate: '2026-11-25', reason: '等待工伤认定' },
    'cases.resume': { id: caseId, resumeDate: '2026-11-26' },
    'cases.extend': { id: caseId, days: 10, approvedBy: '主任', approvalDate: '2026-11-25', reason: '案情复杂' },
    'rooms.list': {}, 'rooms.create': { venueId: '0000000000000000000000000000c001', name: '第三仲裁庭' },
    'cases.proceedings': { id: caseId },
    'cases.compose': { id: caseId, mode: 'sole', presidingId: caseId, memberIds: [], clerkId: caseId, composedDate: '2026-11-25' },
    'cases.recuse': { id: caseId, userId: caseId, decidedDate: '2026-11-25', reason: '近亲属' },
    'hearings.schedule': { caseId, date: '2026-12-10', startTime: '09:00', endTime: '11:00', roomId: caseId },
    'hearings.move': { hearingId: caseId, date: '2026-12-11', startTime: '09:00', endTime: '11:00', roomId: caseId, reason: '当事人申请' },
    'hearings.rollCall': { hearingId: caseId, outcome: 'present' },
    'hearings.list': { from: '2026-12-01', to: '2026-12-07' },
    'documents.kinds': { id: caseId },
    'documents.preview': { caseId, kind: 'correction_notice', issuedDate: '2026-11-25', payload: { correction: { items: ['身份证复印件'], days: 5 } } },
    'documents.issue': { caseId, kind: 'hearing_notice', issuedDate: '2026-11-25', hearingId: caseId },
    'documents.reissue': { documentId: caseId, reason: '笔误', issuedDate: '2026-11-25', payload: { decision: { subject: 'correction', cause: '补正', facts: '笔误', basisAndDecision: '予以补正' } } },
    'documents.file': { documentId: caseId, format: 'pdf' },
    'documents.serve': { documentId: caseId, partyId: caseId, method: 'post', sentDate: '2026-11-25', receiptDate: '2026-11-27' },
    'dashboard.get': { scope: 'all' },
    'cases.outcomes': { id: caseId },
    'mediation.create': { caseId, stage: 'in_arbitration', organisation: '仲裁庭', workerCount: 1, receivedDate: '2026-11-25' },
    'mediation.addSession': { mediationId: caseId, date: '2026-11-25', mediator: '甲', attendees: '双方', notes: '调解' },
    'mediation.conclude': { mediationId: caseId, outcome: 'failure', outcomeDate: '2026-11-25' },
    'mediation.issueStatement': { mediationId: caseId, issuedDate: '2026-11-25' },
    'mediation.stats': { from: '2026-01-01', to: '2026-12-31' },
    'hearingRecords.create': { caseId, recordDate: '2026-11-25', attendees: '双方', statements: '陈述', evidence: '', questions: '', finalStatements: '', mediationAttempt: '调解不成' },
    'hearingRecords.correct': { recordId: caseId, requestedBy: '张三', text: '更正' },
    'hearingRecords.print': { recordId: caseId, issuedDate: '2026-11-25' },
    'claims.decide': { claimId: caseId, result: 'rejected', reasoning: '证据不足', articles: '第六条', finalityType: 'wages', decidedDate: '2026-11-25' },
    'award.saveDraft': { caseId, procedure: 'ordinary', appearance: '到庭', applicantStatement: '', respondentDefence: '', factsFound: '查明', reasoning: '认为' },
    'award.issue': { caseId, awardDate: '2026-11-25' },
    'cases.close': { caseId, method: 'award', closedDate: '2026-11-25' },
    'duty.get': { date: '2026-11-25' }, 'duty.candidates': {}, 'duty.list': { from: '2026-11-01', to: '2026-11-30' },
    'duty.set': { date: '2026-11-25', lawyerId: caseId, staffId: caseId, lawFirm: '某律师事务所' },
    'consultations.create': { window: 'migrant', personName: '张伟', disputeType: 'wages', summary: '欠薪' },
    'consultations.update': { id: caseId, outcome: 'advice_only' }, 'consultations.get': { id: caseId },
    'consultations.list': { date: '2026-11-25' }, 'conflicts.check': { personName: '张伟' },
    'aid.eligibility': { consultationId: caseId, matter: 'labour_remuneration' },
    'aid.apply': { consultationId: caseId, matter: 'labour_remuneration', eligibility: 'exempt_check', receivedDate: '2026-11-25' },
    'aid.decide': { id: caseId, decision: 'approved', decisionDate: '2026-11-25' },
    'aid.assign': { id: caseId, lawyer: '王律师', firm: '某所', assignedDate: '2026-11-25' },
    'aid.object': { id: caseId, objectionDate: '2026-11-25', note: '异议' },
    'aid.close': { id: caseId, closedDate: '2026-11-25', report: '报告' },
    'aid.document': { id: caseId, kind: 'aid_application', format: 'pdf' },
    'calculators.list': {}, 'calculators.run': { name: 'overtime', input: { monthlyWageFen: 1, weekdayHours: 1, restDayHours: 0, holidayHours: 0 } },
  };
}

const fileHash = () => {
  t.db.pragma('wal_checkpoint(TRUNCATE)');
  const h = createHash('sha256').update(fs.readFileSync(t.file));
  const wal = `${t.file}-wal`;
  if (fs.existsSync(wal)) h.update(fs.readFileSync(wal));
  return h.digest('hex');
};

beforeAll(async () => {
  t = await openTestDb();
  t.user('clerk1', 'clerk');
  caseId = unwrap<{ id: string }>(dispatch(t.ctx(t.user('arb1', 'arbitrator')), 'cases.saveDraft', sampleDraft())).id;
});
afterAll(() => t.close());

const HUGE = 'x'.repeat(100_000);
type Mutation = { name: string; apply: (v: Record<string, unknown>) => unknown };
const mutations: Mutation[] = [
  { name: 'not an object (number)', apply: () => 42 },
  { name: 'not an object (string)', apply: () => 'cases' },
  { name: 'an array', apply: (v) => [v] },
  { name: 'null', apply: () => null },
  { name: 'unknown extra field', apply: (v) => ({ ...v, __proto_pollution: { admin: true } }) },
  ...['id', 'username', 'password', 'name', 'venueId', 'receivedDate', 'acceptanceDate', 'decisionDate', 'reasonText', 'applicants', 'claims', 'role', 'kind', 'active', 'commissionName', 'query', 'displayName', 'year', 'notice', 'rest', 'work', 'date', 'rule', 'from', 'suspended', 'extensionDays', 'startDate', 'resumeDate', 'days', 'approvedBy', 'approvalDate', 'mode', 'presidingId', 'memberIds', 'clerkId', 'composedDate', 'userId', 'caseId', 'startTime', 'endTime', 'roomId', 'hearingId', 'outcome', 'issuedDate', 'documentId', 'partyId', 'method', 'sentDate', 'receiptDate', 'scope', 'to', 'reason', 'format', 'payload', 'stage', 'organisation', 'mediationId', 'outcomeDate', 'recordDate', 'statements', 'recordId', 'claimId', 'result', 'finalityType', 'awardDate', 'closedDate', 'window', 'personName', 'disputeType', 'summary', 'matter', 'eligibility', 'decision', 'lawyerId', 'lawyer']
    .flatMap((field): Mutation[] => [
      { name: `${field}: missing`, apply: (v) => (field in v ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== field)) : { ...v, [field]: undefined, __missing: 1 }) },
      { name: `${field}: wrong type`, apply: (v) => ({ ...v, [field]: typeof v[field] === 'number' ? 'seven' : 7 }) },
      { name: `${field}: huge string`, apply: (v) => ({ ...v, [field]: HUGE }) },
      { name: `${field}: unknown enum value`, apply: (v) => ({ ...v, [field]: 'no-such-value-∅' }) },
    ]),
  { name: 'claim: negative fen', apply: (v) => ({ ...v, claims: [{ type: 'wages', amountFen: -1, text: '工资' }], acceptanceDate: -1, active: -1 }) },
  { name: 'claim: fractional fen', apply: (v) => ({ ...v, claims: [{ type: 'wages', amountFen: 100.5, text: '工资' }], acceptanceDate: 1.5, active: 0.5 }) },
  { name: 'claim: fen beyond range', apply: (v) => ({ ...v, claims: [{ type: 'wages', amountFen: 1e20, text: '工资' }], acceptanceDate: 1e20, active: 1e20 }) },
  { name: 'claim: unknown type', apply: (v) => ({ ...v, claims: [{ type: 'bonus', amountFen: 1, text: '奖金' }], reasonCode: 'bonus', role: 'superuser', active: 'yes' }) },
  { name: 'party: unknown kind', apply: (v) => ({ ...v, applicants: [{ kind: 'robot', name: '甲' }], kind: 'robot', id: 'ZZ', active: null }) },
  { name: 'date: impossible', apply: (v) => ({ ...v, receivedDate: '2026-02-30', acceptanceDate: '2026-02-30', decisionDate: '2026-13-01', id: '../../etc', active: [] }) },
];

/** Whether a mutation really breaks this operation's input; a mutation that happens to leave it valid is not a malformed input. */
const isInvalid = (name: OperationName, input: unknown) => !operations[name].input.safeParse(input === undefined ? {} : input).success;

describe('malformed input to every operation', () => {
  it('gets a typed VALIDATION error with a Chinese message for each listed kind of damage, and writes nothing', () => {
    const before = fileHash();
    const valid = validInputs();
    let checked = 0;
    for (const name of Object.keys(operations) as OperationName[]) {
      const admin = t.ctx(t.admin);
      for (const m of mutations) {
        const input = m.apply(structuredClone(valid[name]));
        if (!isInvalid(name, input)) continue;
        const r = dispatch(admin, name, input);
        expect(r.ok, `${name} / ${m.name}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code, `${name} / ${m.name}`).toBe('VALIDATION');
          expect(r.error.message, `${name} / ${m.name}`).toMatch(ZH);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(fileHash()).toBe(before);
  });

  it('never throws and never writes for arbitrary JSON values sent to any operation (property test)', () => {
    const before = fileHash();
    const names = Object.keys(operations) as OperationName[];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (name, input, loggedIn) => {
        fc.pre(isInvalid(name, input));
        const r = dispatch(t.ctx(loggedIn ? t.admin : null), name, input);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(ERROR_CODES).toContain(r.error.code);
          expect(r.error.code).toBe('VALIDATION');
          expect(r.error.message).toMatch(ZH);
        }
      }),
      { numRuns: 3000, seed: 20261128 },
    );
    expect(fileHash()).toBe(before);
  });

  it('answers an unknown operation name with a typed error', () => {
    expect(dispatch(t.ctx(t.admin), 'cases.dropAll', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(dispatch(t.ctx(t.admin), '__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(dispatch(t.ctx(t.admin), 'toString', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });
});

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type OperationName, operations } from '../../src/api';
import { dispatch } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { sampleDraft } from '../helpers/fixtures';
import { validInputs } from '../helpers/valid-inputs';

/**
 * Malformed input to every operation: wrong types, missing fields, huge strings, negative or fractional fen, unknown enum
 * values, and arbitrary JSON. Each must come back as a typed VALIDATION error with a Chinese message, and the database
 * file must be byte-for-byte what it was.
 */
let t: TestDb;
let caseId: string;
const ZH = /[\u4e00-\u9fff]/;

/** A valid input per operation (tests/helpers/valid-inputs.ts); the mutations below break it in one way each. */
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
    const valid = validInputs(caseId);
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

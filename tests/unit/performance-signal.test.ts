import { describe, expect, it } from 'vitest';
import { type PerformanceRecord, DEFAULT_GRADE_RULES, NO_SIGNALS, computeGrade, unpaidInstruments } from '../../src/domain';

/**
 * Issue 16: the grade signal "awards or agreements not paid" on hand-built performance records, at its boundaries
 * (《劳动争议调解仲裁法》第五十一条: perform within the period; after it, enforcement may be applied for).
 */
const rec = (over: Partial<PerformanceRecord>): PerformanceRecord => ({ caseId: 'A', dueDate: '2026-06-10', status: 'unpaid', asOf: '2026-06-11', enforcementDate: null, ...over });

describe('unpaidInstruments', () => {
  it('no record: nothing unpaid', () => {
    expect(unpaidInstruments([], '2026-12-01')).toEqual([]);
  });
  it('not paid: counted from the day after the due date, not on the due date itself', () => {
    const r = [rec({ status: 'partial', asOf: '2026-06-01' })];
    expect(unpaidInstruments(r, '2026-06-10')).toEqual([]);
    expect(unpaidInstruments(r, '2026-06-11')).toEqual(['A']);
  });
  it('a record dated after the day graded does not apply yet', () => {
    expect(unpaidInstruments([rec({ asOf: '2026-06-12' })], '2026-06-11')).toEqual([]);
    expect(unpaidInstruments([rec({ asOf: '2026-06-12' })], '2026-06-12')).toEqual(['A']);
  });
  it('partial payment after the due date is a default; so is an application for enforcement', () => {
    expect(unpaidInstruments([rec({ status: 'partial' })], '2026-07-01')).toEqual(['A']);
    expect(unpaidInstruments([rec({ enforcementDate: '2026-06-20', asOf: '2026-06-20' })], '2026-07-01')).toEqual(['A']);
  });
  it('the latest record is the state: paid in full after a default ends it from its date on', () => {
    const r = [rec({}), rec({ status: 'paid', asOf: '2026-08-01' })];
    expect(unpaidInstruments(r, '2026-07-31')).toEqual(['A']);
    expect(unpaidInstruments(r, '2026-08-01')).toEqual([]);
  });
  it('two records on the same date: the one written last wins', () => {
    expect(unpaidInstruments([rec({ status: 'paid', asOf: '2026-07-01' }), rec({ status: 'unpaid', asOf: '2026-07-01' })], '2026-07-02')).toEqual(['A']);
    expect(unpaidInstruments([rec({ status: 'unpaid', asOf: '2026-07-01' }), rec({ status: 'paid', asOf: '2026-07-01' })], '2026-07-02')).toEqual([]);
  });
  it('each case counts once however many records it has', () => {
    const r = [rec({}), rec({ asOf: '2026-06-20' }), rec({ caseId: 'B', dueDate: '2026-05-01', asOf: '2026-05-02' }), rec({ caseId: 'C', status: 'paid', asOf: '2026-06-01' })];
    expect(unpaidInstruments(r, '2026-07-01').sort()).toEqual(['A', 'B']);
  });
});

describe('the unpaid signal in the default grade rules', () => {
  it('one unpaid award makes the employer 隐患 with its reason; none leaves it 一般', () => {
    expect(computeGrade({ ...NO_SIGNALS, unpaid: unpaidInstruments([rec({})], '2026-06-10').length }, DEFAULT_GRADE_RULES).grade).toBe('general');
    const g = computeGrade({ ...NO_SIGNALS, unpaid: unpaidInstruments([rec({})], '2026-06-11').length }, DEFAULT_GRADE_RULES);
    expect(g.grade).toBe('hazard');
    expect(g.reasons[0]).toBe('现有裁决或调解协议逾期未履行1件（达到1件）');
  });
});

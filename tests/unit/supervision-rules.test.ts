import { describe, expect, it } from 'vitest';
import {
  type ArrearsEvent, type EmployerSignals, DEFAULT_BLACKLIST_RULES, DEFAULT_GRADE_RULES, DEFAULT_WARNING_RULES, NO_SIGNALS,
  addMonths, computeGrade, evaluateWarnings, inForce, listingEnd, earlyRemovalFrom, nextVisitDue,
} from '../../src/domain';

/** Every grade and warning rule on hand-built signals, at its boundaries (issue 16 "How it is checked"). */
const s = (over: Partial<EmployerSignals>): EmployerSignals => ({ ...NO_SIGNALS, ...over });
const grade = (over: Partial<EmployerSignals>) => computeGrade(s(over), DEFAULT_GRADE_RULES);

describe('grades 一般 / 重点 / 隐患', () => {
  it('no signal: 一般, with the reason and the basis', () => {
    const g = grade({});
    expect(g.grade).toBe('general');
    expect(g.reasons).toEqual(['365日内未达到重点企业或隐患企业的任一标准', expect.stringMatching(/^依据：本委劳动保障监察差别化监管工作制度.*2020-01-01起施行/)]);
  });
  it.each([
    ['disputes', { cases: 1, consultations: 1 }, { cases: 2, consultations: 1 }, '365日内案件及咨询3件（达到3件）'],
    ['arrearsClaims', { arrearsClaims: 1 }, { arrearsClaims: 2 }, '365日内欠薪诉求2件（达到2件）'],
    ['arrearsWorkers', { arrearsWorkers: 4 }, { arrearsWorkers: 5 }, '365日内涉及欠薪劳动者5人（达到5人）'],
    ['arrearsFen', { arrearsFen: 4_999_999 }, { arrearsFen: 5_000_000 }, '365日内涉及欠薪金额50000.00元（达到50000.00元）'],
    ['openFindings', { openFindings: 0 }, { openFindings: 1 }, '现有责令整改未完成1项（达到1项）'],
  ] as const)('重点 by %s: one below stays 一般, at the threshold becomes 重点 with its reason', (_k, below, at, reason) => {
    expect(grade(below).grade).toBe('general');
    const g = grade(at);
    expect(g.grade).toBe('key');
    expect(g.reasons[0]).toBe(reason);
  });
  it.each([
    ['arrearsClaims', { arrearsClaims: 4 }, { arrearsClaims: 5 }, '365日内欠薪诉求5件（达到5件）'],
    ['arrearsWorkers', { arrearsWorkers: 9 }, { arrearsWorkers: 10 }, '365日内涉及欠薪劳动者10人（达到10人）'],
    ['arrearsFen', { arrearsFen: 19_999_999 }, { arrearsFen: 20_000_000 }, '365日内涉及欠薪金额200000.00元（达到200000.00元）'],
    ['collective', { collective: 0 }, { collective: 1 }, '365日内集体争议1件（达到1件）'],
    ['unpaid', { unpaid: 0 }, { unpaid: 1 }, '现有裁决或调解协议逾期未履行1件（达到1件）'],
    ['overdueFindings', { overdueFindings: 0, openFindings: 1 }, { overdueFindings: 1, openFindings: 1 }, '现有逾期未整改1项（达到1项）'],
  ] as const)('隐患 by %s: one below is not 隐患, at the threshold is, with its reason', (_k, below, at, reason) => {
    expect(grade(below).grade).not.toBe('hazard');
    const g = grade(at);
    expect(g.grade).toBe('hazard');
    expect(g.reasons).toContain(reason);
  });
  it('lists every reason reached, hazard reasons only when hazard', () => {
    const g = grade({ arrearsClaims: 5, arrearsWorkers: 12, cases: 5 });
    expect(g.grade).toBe('hazard');
    expect(g.reasons.filter((r) => !r.startsWith('依据'))).toEqual(['365日内欠薪诉求5件（达到5件）', '365日内涉及欠薪劳动者12人（达到10人）']);
  });
  it('visit frequency per grade; never visited is due now', () => {
    const r = DEFAULT_GRADE_RULES.value;
    expect(nextVisitDue('general', '2026-01-01', r, '2026-06-01')).toBe('2027-01-01');
    expect(nextVisitDue('key', '2026-01-01', r, '2026-06-01')).toBe('2026-06-30');
    expect(nextVisitDue('hazard', '2026-01-01', r, '2026-06-01')).toBe('2026-04-01');
    expect(nextVisitDue('hazard', null, r, '2026-06-01')).toBe('2026-06-01');
  });
  it('the rule in force on a date is the latest valid_from on or before it', () => {
    const later = { ...DEFAULT_GRADE_RULES, validFrom: '2026-07-01', basis: '新制度' };
    expect(inForce([later, DEFAULT_GRADE_RULES], '2026-06-30').basis).toBe(DEFAULT_GRADE_RULES.basis);
    expect(inForce([later, DEFAULT_GRADE_RULES], '2026-07-01').basis).toBe('新制度');
  });
});

const ev = (date: string, workers = 1, fen = 500_000, collective = false): ArrearsEvent => ({ date, workers, fen, collective, source: '咨询' });
const warn = (events: ArrearsEvent[], today: string, sector: 'construction' | 'other' | null = 'other') => evaluateWarnings(events, sector, DEFAULT_WARNING_RULES, today);

describe('warning rules', () => {
  it('cluster: 3 workers within 7 days (the 7th day back counts, the 8th does not)', () => {
    expect(warn([ev('2026-11-14'), ev('2026-11-18'), ev('2026-11-20')], '2026-11-20').map((w) => w.rule)).toEqual(['cluster']);
    expect(warn([ev('2026-11-13'), ev('2026-11-18'), ev('2026-11-20')], '2026-11-20')).toEqual([]);
    expect(warn([ev('2026-11-19'), ev('2026-11-20', 2)], '2026-11-20')[0]).toEqual({ rule: 'cluster', signals: ['7日内3名劳动者反映欠薪（2件；预警标准3人）'] });
    expect(warn([ev('2026-11-19'), ev('2026-11-20')], '2026-11-20')).toEqual([]);
  });
  it('collective: 10 workers (办案规则 Art 62) or marked collective; 9 is not', () => {
    expect(warn([ev('2026-01-05', 9)], '2026-11-20').map((w) => w.rule)).toEqual([]);
    expect(warn([ev('2026-01-05', 10)], '2026-11-20').map((w) => w.rule)).toEqual(['collective']);
    expect(warn([ev('2026-01-05', 3, 1, true)], '2026-11-20').map((w) => w.rule)).toEqual(['collective']);
  });
  it('amount: 100,000 yuan within 30 days; one fen less is not', () => {
    expect(warn([ev('2026-11-01', 1, 5_000_000), ev('2026-11-20', 1, 4_999_999)], '2026-11-20')).toEqual([]);
    expect(warn([ev('2026-11-01', 1, 5_000_000), ev('2026-11-20', 1, 5_000_000)], '2026-11-20')).toEqual([
      { rule: 'amount', signals: ['30日内反映欠薪金额100000.00元（预警标准100000.00元）'] },
    ]);
    expect(warn([ev('2026-10-21', 1, 5_000_000), ev('2026-11-20', 1, 5_000_000)], '2026-11-20')).toEqual([]);
  });
  it('festival: construction only, within 60 days before the Spring Festival', () => {
    // 2027 Spring Festival is 2027-02-06; 60 days before is 2026-12-08
    expect(warn([ev('2026-12-08')], '2026-12-08', 'construction').map((w) => w.rule)).toEqual(['festival']);
    expect(warn([ev('2026-12-07')], '2026-12-07', 'construction')).toEqual([]);
    expect(warn([ev('2026-12-08')], '2026-12-08', 'other')).toEqual([]);
    expect(warn([ev('2027-01-10')], '2027-01-10', 'construction')[0]!.signals[0]).toBe('建设领域，距春节（2027-02-06）27日，节前60日内欠薪反映1件');
  });
});

describe('blacklist periods', () => {
  const r = DEFAULT_BLACKLIST_RULES.value;
  it('listing ends the day before the third anniversary; early removal from six months after payment', () => {
    expect(listingEnd('2026-03-15', r)).toBe('2029-03-14');
    expect(listingEnd('2024-02-29', r)).toBe('2027-02-27');
    expect(earlyRemovalFrom('2026-08-31', r)).toBe('2027-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });
});

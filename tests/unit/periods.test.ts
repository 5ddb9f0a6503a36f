import { describe, expect, it } from 'vitest';
import shipped from '../../resources/data/holiday-calendar.json' with { type: 'json' };
import { type CalendarYear, WorkCalendar, checkCalendarYear, computePeriod, findDeadlineRule, limitationExpiry } from '../../src/domain';

const cal = new WorkCalendar(shipped.years as CalendarYear[]);
const period = (from: string, days: number, kind: 'working' | 'calendar', more: object = {}) => computePeriod(cal, { from, days, kind, ...more });

describe('working-day calendar from the official schedules', () => {
  it('ships valid 2025 and 2026 schedules', () => {
    for (const y of shipped.years as CalendarYear[]) expect(checkCalendarYear(y)).toEqual([]);
  });
  it('treats a make-up Saturday (调休) as a working day and a holiday weekday as a rest day', () => {
    expect(cal.day('2026-05-09')).toMatchObject({ working: true, reason: 'make-up-workday', provisional: false });
    expect(cal.day('2026-05-04')).toMatchObject({ working: false, reason: 'holiday' });
    expect(cal.day('2026-05-10')).toMatchObject({ working: false, reason: 'weekend' });
  });
  it('marks a year without a loaded notice provisional, knowing only weekends and fixed-date holidays', () => {
    expect(cal.day('2027-10-01')).toMatchObject({ working: false, provisional: true, reason: 'fixed-holiday' });
    expect(cal.day('2027-02-08')).toMatchObject({ working: true, provisional: true });
  });
  it('rejects a schedule whose make-up day is not a weekend or lies in the wrong year', () => {
    const bad: CalendarYear = { year: 2027, notice: 'x', published: '2026-11-01', source: 'x', rest: [['2027-01-01', '2026-12-31']], work: ['2027-01-05', '2026-12-26'] };
    const problems = checkCalendarYear(bad);
    expect(problems.join('\n')).toMatch(/不是 2027 年的有效日期/);
    expect(problems.join('\n')).toMatch(/2027-01-05 不是周末/);
  });
});

describe('period engine (CPL Art 85 via Rules Art 19; Rules Art 79)', () => {
  it('decides an application received on 2026-04-30 by 2026-05-11: 1–5 May are holidays and 9 May is a working Saturday', () => {
    const r = period('2026-04-30', 5, 'working');
    expect(r.dueDate).toBe('2026-05-11');
    expect(r.provisional).toBe(false);
    expect(r.basis[0]).toContain('起算日 2026-04-30 不计入');
  });
  it('ends the 45-day award period from acceptance on 2026-08-20 on 2026-10-08: day 45 (4 October) falls in the National Day holiday', () => {
    const r = period('2026-08-20', 45, 'calendar');
    expect(r.rolledFrom).toBe('2026-10-04');
    expect(r.dueDate).toBe('2026-10-08');
    expect(r.basis.join('\n')).toContain('期间届满日 2026-10-04 为法定节假日，顺延至其后第一个工作日 2026-10-08');
  });
  it('does not count the start day: 5 calendar days from a Monday end on Saturday, rolled to Monday', () => {
    expect(period('2026-03-02', 5, 'calendar')).toMatchObject({ rolledFrom: '2026-03-07', dueDate: '2026-03-09' });
  });
  it('keeps a calendar period that ends on a weekday as it is', () => {
    expect(period('2026-03-02', 3, 'calendar')).toMatchObject({ rolledFrom: null, dueDate: '2026-03-05' });
  });
  it('skips a weekend inside a working-day period', () => {
    expect(period('2026-03-05', 3, 'working').dueDate).toBe('2026-03-10');
  });
  it('crosses a month end (28 February 2026 is a make-up working Saturday)', () => {
    expect(period('2026-02-26', 2, 'working').dueDate).toBe('2026-02-28');
  });
  it('crosses the Spring Festival holiday in a 10-working-day defence period', () => {
    // Start 13 Feb (Fri). 14 Feb (make-up Sat) = 1; 15–23 Feb holiday; 24–27 Feb = 2–5; 28 Feb (make-up Sat) = 6; 2–5 Mar = 7–10.
    expect(period('2026-02-13', 10, 'working').dueDate).toBe('2026-03-05');
  });
  it('crosses a year end into a loaded year without a provisional flag (2025 → 2026)', () => {
    const r = period('2025-12-29', 5, 'working');
    expect(r.dueDate).toBe('2026-01-06');
    expect(r.provisional).toBe(false);
  });
  it('flags a period running into 2027 as provisional and says why', () => {
    const r = period('2026-12-10', 45, 'calendar');
    expect(r.provisional).toBe(true);
    expect(r.provisionalYears).toEqual([2027]);
    expect(r.dueDate).toBe('2027-01-25');
    expect(r.basis.at(-1)).toContain('2027年放假安排尚未载入');
  });
  it('clears the provisional flag once the 2027 schedule is loaded', () => {
    const with2027 = new WorkCalendar([...(shipped.years as CalendarYear[]), { year: 2027, notice: 'test', published: '2026-11-20', source: 'test', rest: [['2027-01-01', '2027-01-03']], work: [] }]);
    expect(computePeriod(with2027, { from: '2026-12-10', days: 45, kind: 'calendar' }).provisional).toBe(false);
  });
  it('excludes a 20-day suspension: the award deadline moves by exactly 20 days', () => {
    const plain = period('2026-03-02', 45, 'calendar');
    const suspended = period('2026-03-02', 45, 'calendar', { suspensions: [{ start: '2026-03-10', end: '2026-03-29' }] });
    expect(plain.dueDate).toBe('2026-04-16');
    expect(suspended.dueDate).toBe('2026-05-06');
    expect(suspended.excludedDays).toBe(20);
    expect(suspended.basis.join('\n')).toContain('中止期间 2026-03-10 至 2026-03-29 共 20 日不计入（《办案规则》第四十六条）');
  });
  it('adds an approved extension of up to 15 days (LDMAL Art 43)', () => {
    const r = period('2026-03-02', 45, 'calendar', { extensionDays: 15 });
    expect(r.dueDate).toBe('2026-05-06'); // day 60 is 1 May (holiday) → 6 May
    expect(r.basis.join('\n')).toContain('经批准延长 15 日');
  });
  it('counts a hearing notice backwards: 5 working days before a hearing on Monday 2026-03-16 is Monday 2026-03-09', () => {
    expect(period('2026-03-16', 5, 'working', { direction: 'before' }).dueDate).toBe('2026-03-09');
  });
  it('counts a hearing notice backwards over the May holiday to a working day', () => {
    // 9 May (make-up Sat) = 1, 8/7/6 May = 2–4, 1–5 May holiday, 30 Apr = 5.
    expect(period('2026-05-11', 5, 'working', { direction: 'before' }).dueDate).toBe('2026-04-30');
  });
  it('has a rule for every period the case engine needs, with its article', () => {
    for (const name of ['acceptance-decision', 'serve-application', 'composition-notice', 'defence', 'hearing-notice', 'postponement-request', 'award', 'court-final-employer', 'legal-aid-decision']) {
      expect(findDeadlineRule(name)?.basis, name).toMatch(/第.+条/);
    }
  });
});

describe('limitation period (LDMAL Art 27) — indicative', () => {
  it('runs one year from the day the worker knew, rolled off a rest day', () => {
    // 2025-05-03 + 1 year = 2026-05-03, a holiday → 2026-05-06
    const r = limitationExpiry(cal, { knewDate: '2025-05-03' }, '2026-01-01');
    expect(r.expiry).toBe('2026-05-06');
    expect(r.basis[0]).toContain('第二十七条第一款');
  });
  it('restarts the year from the last interruption', () => {
    expect(limitationExpiry(cal, { knewDate: '2025-03-02', interruptions: ['2025-06-10'] }, '2026-01-01').expiry).toBe('2026-06-10');
  });
  it('adds suspended days', () => {
    expect(limitationExpiry(cal, { knewDate: '2025-03-02', suspensions: [{ start: '2025-04-01', end: '2025-04-10' }] }, '2026-01-01').expiry).toBe('2026-03-12');
  });
  it('does not run for wages unpaid while employment continues, and runs a year from its end afterwards', () => {
    expect(limitationExpiry(cal, { knewDate: '2024-01-01', wageArrearsDuringEmployment: true }, '2026-01-01').expiry).toBeNull();
    const ended = limitationExpiry(cal, { knewDate: '2020-01-01', wageArrearsDuringEmployment: true, employmentEndDate: '2025-09-15' }, '2026-01-01');
    expect(ended.expiry).toBe('2026-09-15');
    expect(ended.basis[0]).toContain('第二十七条第四款');
  });
  it('says when the period has already run out, without refusing anything', () => {
    expect(limitationExpiry(cal, { knewDate: '2024-03-04' }, '2026-11-28').basis.join('\n')).toContain('时效已于 2025-03-04 届满');
  });
});

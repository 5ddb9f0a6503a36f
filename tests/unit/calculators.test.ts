import { describe, expect, it } from 'vitest';
import { annualLeave, compensation, disability, divRound, doubleWage, finality, maternityLeave, minimumWageOn, overtime } from '../../src/domain';

const base = { cityAverageMonthlyWageFen: 1_200_000, minimumMonthlyWageFen: 233_000 };

describe('economic compensation N and damages 2N (LCL Arts 47, 48, 87)', () => {
  it('2019-01-01 to 2026-07-31 at 6,000 yuan: 7 years 7 months count as 8 months, N = 4,800,000 fen, 2N = 9,600,000 fen', () => {
    const n = compensation({ startDate: '2019-01-01', endDate: '2026-07-31', averageMonthlyWageFen: 600_000, ...base, multiplier: 1 });
    expect(n).toMatchObject({ amountFen: 4_800_000, months: 8, baseMonthlyWageFen: 600_000 });
    expect(n.basis[0]).toContain('第四十七条第一款');
    const d = compensation({ startDate: '2019-01-01', endDate: '2026-07-31', averageMonthlyWageFen: 600_000, ...base, multiplier: 2 });
    expect(d.amountFen).toBe(9_600_000);
    expect(d.basis.at(-1)).toContain('第八十七条');
  });
  it('a remainder under six months is half a month (Art 47(1))', () => {
    expect(compensation({ startDate: '2024-01-01', endDate: '2025-03-31', averageMonthlyWageFen: 500_000, ...base, multiplier: 1 })).toMatchObject({ months: 1.5, amountFen: 750_000 });
  });
  it('exact whole years add nothing', () => {
    expect(compensation({ startDate: '2023-03-01', endDate: '2025-02-28', averageMonthlyWageFen: 500_000, ...base, multiplier: 1 })).toMatchObject({ months: 2, amountFen: 1_000_000 });
  });
  it('floors the base at the minimum wage (Regulations Art 27)', () => {
    expect(compensation({ startDate: '2024-01-01', endDate: '2024-12-31', averageMonthlyWageFen: 150_000, ...base, multiplier: 1 })).toMatchObject({ baseMonthlyWageFen: 233_000, amountFen: 233_000 });
  });
  it('caps a high earner at 3 × the city average and at 12 years (Art 47(2))', () => {
    const r = compensation({ startDate: '2010-01-01', endDate: '2024-12-31', averageMonthlyWageFen: 5_000_000, ...base, multiplier: 1 });
    expect(r).toMatchObject({ baseMonthlyWageFen: 3_600_000, months: 12, amountFen: 43_200_000 });
    expect(r.basis.join()).toContain('第四十七条第二款');
  });
  it('warns about service before 2008 (LCL Art 97)', () => {
    expect(compensation({ startDate: '2005-01-01', endDate: '2024-12-31', averageMonthlyWageFen: 500_000, ...base, multiplier: 1 }).basis.join()).toContain('第九十七条');
  });
});

describe('double wages for no written contract (LCL Art 82; Regulations Arts 6–7)', () => {
  it('runs from the day after the first month to the day before the anniversary: at most 11 months', () => {
    const r = doubleWage({ hireDate: '2025-03-10', contractSignedDate: null, endDate: '2026-06-30', monthlyWageFen: 400_000 });
    expect(r).toMatchObject({ months: 11, amountFen: 4_400_000, period: { from: '2025-04-10', to: '2026-03-09' } });
    expect(r.basis.join()).toContain('无固定期限劳动合同');
  });
  it('stops the day before signing, with a part month pro rata', () => {
    expect(doubleWage({ hireDate: '2025-03-10', contractSignedDate: '2025-06-25', endDate: '2026-06-30', monthlyWageFen: 400_000 })).toMatchObject({ months: 2.5, amountFen: 1_000_000, period: { to: '2025-06-24' } });
  });
  it('is nothing when the contract was signed within the first month', () => {
    expect(doubleWage({ hireDate: '2025-03-10', contractSignedDate: '2025-03-20', endDate: '2026-06-30', monthlyWageFen: 400_000 })).toMatchObject({ amountFen: 0, months: 0 });
  });
});

describe('overtime and annual leave (Labour Law Art 44; 劳社部发〔2008〕3号; 年休假条例 Art 5)', () => {
  it('4,350 yuan a month is 25 yuan an hour: 10 h weekday, 8 h rest day, 8 h holiday = 1,375 yuan', () => {
    expect(overtime({ monthlyWageFen: 435_000, weekdayHours: 10, restDayHours: 8, holidayHours: 8 })).toMatchObject({ amountFen: 137_500, hourlyWageFen: 2_500 });
  });
  it('rounds once, half up, in fen', () => {
    expect(overtime({ monthlyWageFen: 300_001, weekdayHours: 1, restDayHours: 0, holidayHours: 0 }).amountFen).toBe(divRound(300_001n * 300n, 34_800n));
    expect(divRound(5n, 2n)).toBe(3);
  });
  it('5 unused days at 4,350 yuan: the extra 200 % of 200 yuan a day = 2,000 yuan', () => {
    const r = annualLeave({ monthlyWageFen: 435_000, unusedDays: 5 });
    expect(r.amountFen).toBe(200_000);
    expect(r.basis[0]).toContain('第五条');
  });
});

describe('work-injury disability (工伤保险条例 Arts 35–37, 64)', () => {
  it('grade 9: 9 months of own wage, floored at 60 % of the area average; no monthly allowance', () => {
    expect(disability({ grade: 9, ownMonthlyWageFen: 300_000, areaAverageMonthlyWageFen: 800_000 })).toMatchObject({ amountFen: 4_320_000, months: 9, monthlyAllowanceFen: null, ownWageBaseFen: 480_000 });
  });
  it('grade 5: 18 months and a 70 % monthly allowance', () => {
    expect(disability({ grade: 5, ownMonthlyWageFen: 1_000_000, areaAverageMonthlyWageFen: 800_000 })).toMatchObject({ amountFen: 18_000_000, monthlyAllowanceFen: 700_000 });
  });
  it('grade 1: own wage capped at 300 % of the area average; 27 months and 90 %', () => {
    expect(disability({ grade: 1, ownMonthlyWageFen: 3_000_000, areaAverageMonthlyWageFen: 800_000 })).toMatchObject({ ownWageBaseFen: 2_400_000, amountFen: 64_800_000, monthlyAllowanceFen: 2_160_000 });
  });
});

describe('maternity leave (女职工劳动保护特别规定 Art 7; Sichuan as dated data)', () => {
  it('98 days for one baby, and the Sichuan extra 60 days separately', () => {
    expect(maternityLeave({ babies: 1, difficultBirth: false })).toMatchObject({ days: 98, provincialExtraDays: 60 });
  });
  it('twins with a difficult birth: 98 + 15 + 15 = 128 days', () => {
    expect(maternityLeave({ babies: 2, difficultBirth: true }).days).toBe(128);
  });
  it('miscarriage: 15 days under 4 months, 42 days from 4 months', () => {
    expect(maternityLeave({ babies: 1, difficultBirth: false, miscarriageWeeks: 10 }).days).toBe(15);
    expect(maternityLeave({ babies: 1, difficultBirth: false, miscarriageWeeks: 20 }).days).toBe(42);
  });
});

describe('final awards (LDMAL Art 47; SPC Interpretation (I) Arts 19–20)', () => {
  it('uses the minimum wage in force on the award date: 2,330 yuan from 2025-01-01 (川府规〔2024〕4号), 2,100 before', () => {
    expect(minimumWageOn('2026-06-01')).toMatchObject({ monthlyFen: 233_000, source: expect.stringContaining('川府规〔2024〕4号') });
    expect(minimumWageOn('2024-06-01')?.monthlyFen).toBe(210_000);
  });
  it('on 2026-06-01 a wage item of 2,796,000 fen is final, 2,796,001 is not, and an award with both is mixed', () => {
    const r = finality({ decisionDate: '2026-06-01', items: [{ type: 'wages', amountFen: 2_796_000 }, { type: 'wages', amountFen: 2_796_001 }] });
    expect(r).toMatchObject({ thresholdFen: 2_796_000, award: 'mixed' });
    expect((r.items as { final: boolean }[]).map((x) => x.final)).toEqual([true, false]);
    expect(r.basis.join()).toContain('第二十条');
  });
  it('working time, rest and leave, and social insurance are final whatever the amount; confirming employment is not', () => {
    const r = finality({ decisionDate: '2026-06-01', items: [{ type: 'social-insurance', amountFen: 99_000_000 }, { type: 'working-time', amountFen: null }] });
    expect(r.award).toBe('final');
    expect(finality({ decisionDate: '2026-06-01', items: [{ type: 'confirm-employment', amountFen: null }] }).award).toBe('non-final');
  });
});

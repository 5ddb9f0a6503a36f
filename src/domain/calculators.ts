import wageData from '../../resources/data/wage-parameters.json' with { type: 'json' };
import { addDays } from './calendar';
import { provisionalSource } from './case-terms';

/**
 * The amounts arbitrators compute, in integer fen, exact (BigInt) and rounded once, half up. Every result carries the
 * articles and the dated parameters it used. Formulas: domain-rules §6; parameters: resources/data/wage-parameters.json.
 */

export interface CalcResult {
  amountFen: number | null;
  basis: string[];
  [extra: string]: unknown;
}

/** round(num / den), half up, for non-negative integers. */
export function divRound(num: bigint, den: bigint): number {
  return Number((2n * num + den) / (2n * den));
}

const yuan = (fen: number) => `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}元`;

export interface MinimumWage { region: string; label: string; monthlyFen: number; hourlyFen: number; effective: string; source: string; status: string }

/** The minimum wage in force on a date for a region (the latest effective on or before the date). */
export function minimumWageOn(date: string, region = wageData.defaultRegion): MinimumWage | null {
  return (wageData.minimumWage as MinimumWage[]).filter((m) => m.region === region && m.effective <= date).sort((a, b) => b.effective.localeCompare(a.effective))[0] ?? null;
}

/** Whole months from `from` to `to` (exclusive end), and the days left over. */
function monthsAndDays(from: string, toExclusive: string): { months: number; days: number } {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = toExclusive.split('-').map(Number) as [number, number, number];
  let months = (y2 - y1) * 12 + (m2 - m1);
  let days = d2 - d1;
  if (days < 0) {
    months -= 1;
    const anchor = new Date(Date.UTC(y1, m1 - 1 + months, d1));
    days = Math.round((Date.parse(`${toExclusive}T00:00:00Z`) - anchor.getTime()) / 86_400_000);
  }
  return { months, days };
}

/** Economic compensation N (LCL Art 47) and damages 2N (LCL Arts 48, 87). */
export function compensation(i: { startDate: string; endDate: string; averageMonthlyWageFen: number; cityAverageMonthlyWageFen: number; minimumMonthlyWageFen: number; multiplier: 1 | 2 }): CalcResult {
  const { months: total, days } = monthsAndDays(i.startDate, addDays(i.endDate, 1));
  const years = Math.floor(total / 12);
  const rem = total % 12;
  const remainder = rem >= 6 ? 1 : rem > 0 || days > 0 ? 0.5 : 0;
  let wageMonths = years + remainder;
  const basis = [
    `工作年限：${i.startDate} 至 ${i.endDate}，共 ${years} 年 ${rem} 个月${days ? ` ${days} 日` : ''}；每满一年支付一个月工资，六个月以上不满一年的按一年计算，不满六个月的支付半个月工资（《劳动合同法》第四十七条第一款）`,
  ];
  let base = i.averageMonthlyWageFen;
  if (base < i.minimumMonthlyWageFen) {
    base = i.minimumMonthlyWageFen;
    basis.push(`月平均工资低于当地最低工资标准，按最低工资 ${yuan(i.minimumMonthlyWageFen)} 计算（《劳动合同法实施条例》第二十七条）`);
  }
  const cap = 3 * i.cityAverageMonthlyWageFen;
  if (base > cap) {
    base = cap;
    basis.push(`月工资高于设区的市上年度职工月平均工资三倍，按三倍 ${yuan(cap)} 计算，年限最高不超过十二年（《劳动合同法》第四十七条第二款）`);
    if (wageMonths > 12) wageMonths = 12;
  }
  if (i.startDate < '2008-01-01') basis.push('2008年1月1日前的工作年限应依当时有关规定计算（《劳动合同法》第九十七条第三款），本计算未作区分，请仲裁庭核对');
  const halves = BigInt(Math.round(wageMonths * 2));
  const amountFen = divRound(BigInt(base) * halves * BigInt(i.multiplier), 2n);
  basis.push(`${i.multiplier === 2 ? '违法解除赔偿金 = 2 × 经济补偿标准（《劳动合同法》第四十八条、第八十七条）：' : '经济补偿 = '}${yuan(base)} × ${wageMonths} 个月${i.multiplier === 2 ? ' × 2' : ''} = ${yuan(amountFen)}`);
  return { amountFen, months: wageMonths, baseMonthlyWageFen: base, basis };
}

/** The extra wage for working without a written contract (LCL Art 82; Regulations Arts 6–7). */
export function doubleWage(i: { hireDate: string; contractSignedDate: string | null; endDate: string; monthlyWageFen: number }): CalcResult {
  const [y, m, d] = i.hireDate.split('-').map(Number) as [number, number, number];
  const firstMonthEnd = new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10); // day after one full month
  const anniversary = new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
  const candidates = [addDays(anniversary, -1), i.endDate, ...(i.contractSignedDate ? [addDays(i.contractSignedDate, -1)] : [])];
  const last = candidates.sort()[0]!;
  const basis = ['用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资（《劳动合同法》第八十二条；《劳动合同法实施条例》第六条、第七条）'];
  if (last < firstMonthEnd) {
    basis.push('自用工之日起一个月内已订立书面合同或劳动关系已终止，不支付二倍工资');
    return { amountFen: 0, months: 0, period: null, basis };
  }
  const { months, days } = monthsAndDays(firstMonthEnd, addDays(last, 1));
  // A part month counts as days ÷ the length of that month.
  let len = 1;
  if (days > 0) {
    const partStart = new Date(Date.UTC(Number(firstMonthEnd.slice(0, 4)), Number(firstMonthEnd.slice(5, 7)) - 1 + months, Number(firstMonthEnd.slice(8, 10))));
    const partEnd = new Date(Date.UTC(partStart.getUTCFullYear(), partStart.getUTCMonth() + 1, partStart.getUTCDate()));
    len = Math.round((partEnd.getTime() - partStart.getTime()) / 86_400_000);
  }
  const exact = months + days / len;
  const capped = exact >= 11;
  const amountFen = capped ? i.monthlyWageFen * 11 : divRound(BigInt(i.monthlyWageFen) * BigInt(months * len + days), BigInt(len));
  const partialNote = days > 0 ? `，不足一个月的 ${days} 日按当月 ${len} 日折算（折算方法为本系统约定，仲裁庭可调整）` : '';
  const shown = capped ? 11 : Number(exact.toFixed(4));
  basis.push(`二倍工资期间：${firstMonthEnd} 至 ${last}，共 ${months} 个月${days ? ` ${days} 日` : ''}${partialNote}${exact > 11 ? '；最多计算十一个月' : ''}`);
  basis.push(`应另行支付的一倍工资 = ${yuan(i.monthlyWageFen)} × ${shown} 个月 = ${yuan(amountFen)}`);
  if (!i.contractSignedDate && i.endDate >= anniversary) basis.push(`满一年未订立书面劳动合同的，视为自 ${anniversary} 起已订立无固定期限劳动合同（《劳动合同法》第十四条第三款；《实施条例》第七条）`);
  return { amountFen, months: shown, period: { from: firstMonthEnd, to: last }, basis };
}

/** Hundredths of an hour, so 1.5 hours is 150. */
const hundredths = (h: number) => BigInt(Math.round(h * 100));

/** Overtime: 150 % on working days, 200 % on rest days, 300 % on statutory holidays; hourly wage = monthly ÷ 21.75 ÷ 8. */
export function overtime(i: { monthlyWageFen: number; weekdayHours: number; restDayHours: number; holidayHours: number }): CalcResult {
  // amount = monthly × (1.5 wd + 2 rd + 3 hol) / 174 = monthly × (3 wd + 4 rd + 6 hol) / 348
  const weighted = 3n * hundredths(i.weekdayHours) + 4n * hundredths(i.restDayHours) + 6n * hundredths(i.holidayHours);
  const amountFen = divRound(BigInt(i.monthlyWageFen) * weighted, 34_800n);
  const hourly = divRound(BigInt(i.monthlyWageFen) * 100n, 17_400n);
  return {
    amountFen,
    hourlyWageFen: hourly,
    basis: [
      '小时工资 = 月工资 ÷ 21.75 ÷ 8（劳社部发〔2008〕3号）',
      '延长工作时间按150%、休息日工作且未安排补休按200%、法定休假日工作按300%支付（《劳动法》第四十四条；《工资支付暂行规定》第十三条）',
      `${yuan(i.monthlyWageFen)} ÷ 174 × (1.5 × ${i.weekdayHours} + 2 × ${i.restDayHours} + 3 × ${i.holidayHours}) 小时 = ${yuan(amountFen)}（小时工资约 ${yuan(hourly)}）`,
    ],
  };
}

/** Unused annual leave: the extra 200 % of the daily wage (monthly ÷ 21.75) per day. */
export function annualLeave(i: { monthlyWageFen: number; unusedDays: number }): CalcResult {
  // 2 × monthly / 21.75 × days = monthly × days × 8 / 87
  const amountFen = divRound(BigInt(i.monthlyWageFen) * BigInt(i.unusedDays) * 8n, 87n);
  return {
    amountFen,
    basis: [
      '未休年休假按日工资收入的300%支付，其中包含正常工作期间的工资收入，应另行支付200%（《职工带薪年休假条例》第五条；《企业职工带薪年休假实施办法》第十条）',
      '日工资 = 月工资（前12个月剔除加班工资后的平均）÷ 21.75（《实施办法》第十一条）',
      `${yuan(i.monthlyWageFen)} ÷ 21.75 × 200% × ${i.unusedDays} 日 = ${yuan(amountFen)}`,
    ],
  };
}

const DISABILITY_MONTHS = [27, 25, 23, 21, 18, 16, 13, 11, 9, 7] as const;
const ALLOWANCE_PERCENT = [90, 85, 80, 75, 70, 60] as const;

/** Work-injury one-time disability subsidy and the monthly allowance for grades 1–6 (工伤保险条例 Arts 35–37, 64). */
export function disability(i: { grade: number; ownMonthlyWageFen: number; areaAverageMonthlyWageFen: number }): CalcResult {
  const floor = divRound(BigInt(i.areaAverageMonthlyWageFen) * 60n, 100n);
  const cap = i.areaAverageMonthlyWageFen * 3;
  const basis: string[] = [];
  let base = i.ownMonthlyWageFen;
  if (base < floor) { base = floor; basis.push(`本人工资低于统筹地区职工平均工资的60%，按60% ${yuan(floor)} 计算（《工伤保险条例》第六十四条）`); }
  if (base > cap) { base = cap; basis.push(`本人工资高于统筹地区职工平均工资的300%，按300% ${yuan(cap)} 计算（《工伤保险条例》第六十四条）`); }
  const months = DISABILITY_MONTHS[i.grade - 1]!;
  const amountFen = base * months;
  const article = i.grade <= 4 ? '第三十五条' : i.grade <= 6 ? '第三十六条' : '第三十七条';
  basis.push(`一次性伤残补助金：${i.grade}级伤残为 ${months} 个月的本人工资（《工伤保险条例》${article}）= ${yuan(base)} × ${months} = ${yuan(amountFen)}`);
  let monthlyAllowanceFen: number | null = null;
  if (i.grade <= 6) {
    const pct = ALLOWANCE_PERCENT[i.grade - 1]!;
    monthlyAllowanceFen = divRound(BigInt(base) * BigInt(pct), 100n);
    basis.push(`伤残津贴：按月支付本人工资的 ${pct}% = ${yuan(monthlyAllowanceFen)}${i.grade >= 5 ? '（五、六级：用人单位难以安排工作的，由用人单位按月发给）' : '（一至四级：从工伤保险基金按月支付）'}；低于当地最低工资标准的，补足差额`);
  }
  return { amountFen, months, ownWageBaseFen: base, monthlyAllowanceFen, basis };
}

/** Maternity leave days (女职工劳动保护特别规定 Art 7) and the Sichuan extra days as dated data. */
export function maternityLeave(i: { babies: number; difficultBirth: boolean; miscarriageWeeks?: number; date?: string }): CalcResult {
  const sichuan = wageData.sichuanMaternity.filter((p) => p.effective <= (i.date ?? '9999-12-31')).sort((a, b) => b.effective.localeCompare(a.effective))[0] ?? null;
  if (i.miscarriageWeeks !== undefined) {
    const under4 = i.miscarriageWeeks < 16;
    return {
      amountFen: null,
      days: under4 ? 15 : 42,
      provincialExtraDays: 0,
      basis: [`怀孕未满4个月流产的，享受15天产假；怀孕满4个月流产的，享受42天产假（《女职工劳动保护特别规定》第七条第二款）。孕周 ${i.miscarriageWeeks} 周${under4 ? '不满' : '已满'}4个月（按16周换算，换算方法为本系统约定）`],
    };
  }
  const days = 98 + (i.difficultBirth ? 15 : 0) + 15 * (i.babies - 1);
  const basis = [`产假98天${i.difficultBirth ? '，难产增加15天' : ''}${i.babies > 1 ? `，多胞胎生育每多生育1个婴儿增加15天（共 ${i.babies - 1} 个）` : ''}，合计 ${days} 天（《女职工劳动保护特别规定》第七条第一款）`];
  if (sichuan) basis.push(`四川省另给予生育假 ${sichuan.childbirthLeaveDays} 天、男方护理假 ${sichuan.paternityLeaveDays} 天（自 ${sichuan.effective} 起；${provisionalSource(sichuan.source)}）`);
  return { amountFen: null, days, provincialExtraDays: sichuan?.childbirthLeaveDays ?? 0, provincialBasis: sichuan?.source ?? null, basis };
}

export const FINALITY_TYPES = ['wages', 'work-injury-medical', 'economic-compensation', 'damages', 'working-time', 'rest-leave', 'social-insurance', 'confirm-employment', 'other'] as const;
export type FinalityType = (typeof FINALITY_TYPES)[number];

/** Final awards (LDMAL Art 47; SPC Interpretation (I) Arts 18–20): per item, and for the award as a whole. */
export function finality(i: { decisionDate: string; items: { type: FinalityType; amountFen: number | null }[] }): CalcResult {
  const mw = minimumWageOn(i.decisionDate);
  const threshold = mw ? mw.monthlyFen * 12 : null;
  const basis = [mw
    ? `终局裁决限额：裁决作出之日（${i.decisionDate}）施行的当地月最低工资标准 ${yuan(mw.monthlyFen)} × 12 = ${yuan(threshold!)}（《劳动争议调解仲裁法》第四十七条第一项；最高人民法院劳动争议司法解释（一）第十九条按每项分别认定；最低工资标准自 ${mw.effective} 起施行；${provisionalSource(mw.source)}）`
    : `未载入 ${i.decisionDate} 施行的最低工资标准，金额类请求无法认定终局`];
  const items = i.items.map((it) => {
    if (['working-time', 'rest-leave', 'social-insurance'].includes(it.type)) {
      return { final: true, reason: '因执行国家的劳动标准在工作时间、休息休假、社会保险等方面发生的争议，为终局裁决（第四十七条第二项）' };
    }
    if (['wages', 'work-injury-medical', 'economic-compensation', 'damages'].includes(it.type)) {
      if (threshold === null || it.amountFen === null) return { final: false, reason: '金额不明或最低工资标准未载入，按非终局处理' };
      return it.amountFen <= threshold
        ? { final: true, reason: `金额 ${yuan(it.amountFen)} 不超过 ${yuan(threshold)}，为终局裁决（第四十七条第一项）` }
        : { final: false, reason: `金额 ${yuan(it.amountFen)} 超过 ${yuan(threshold)}，为非终局裁决` };
    }
    return { final: false, reason: '不属于《劳动争议调解仲裁法》第四十七条规定的终局裁决事项' };
  });
  const finals = items.filter((x) => x.final).length;
  const award = finals === items.length ? 'final' : finals === 0 ? 'non-final' : 'mixed';
  if (award === 'mixed') basis.push('同一裁决同时包含终局和非终局事项：应分别制作裁决书（《办案规则》第五十条）；当事人起诉的，人民法院按非终局裁决处理（司法解释（一）第二十条）');
  return { amountFen: null, thresholdFen: threshold, items, award, basis };
}

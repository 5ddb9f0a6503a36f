import {
  CONSULTATION_CHANNELS, GROUP_FLAG_LABELS, OFFICIAL_RATES, OFFICIAL_ROWS, WINDOWS, STATISTICS_DEFINITIONS, STAT_CAUSES, STAT_MANNERS, STAT_RESULTS, countChange, percent, rateChange,
  type StatCause, type StatManner, type StatResult,
} from '../domain';
import type { Db } from '../db/open';
import {
  type CountRow, type DrillRow, type OfficialFigures, selectAidCounts, selectConsultationCounts, selectMediationCounts, selectSatisfactionCounts, selectWageArrearsBySector, type Period, selectOfficialBreakdown, selectOfficialDrill, AID_MEASURES, MEDIATION_MEASURES, type IndicatorDrillRow, selectAidDrill, selectConsultationDrill, selectMediationDrill, selectSatisfactionDrill, selectWageArrearsDrill, selectOfficialFigures, selectOfficialFiguresByVenue,
} from '../db/queries/stats';
import { selectVenues } from '../db/queries/venues';
import { AppError, type DeskIndicators, type DrillCaseView, type ExportFile, type IndicatorDrillView, type OfficialDrill, type OfficialReport } from '../api';
import type { ServiceContext } from './context';
import { addSheet, newWorkbook, workbookFile } from './xlsx';

const UNIT = { count: '件', workers: '人', amount: '元' } as const;

/** Amounts leave the statistics in yuan (integer fen / 100). */
const shown = (key: string, v: number): number => (OFFICIAL_ROWS.find((r) => r.key === key)!.measure === 'amount' ? v / 100 : v);
const averageDays = (f: OfficialFigures): number | null => (f['closed'] ? Math.round((f.closedDays! / f['closed']) * 10) / 10 : null);
const rate = (f: OfficialFigures, r: (typeof OFFICIAL_RATES)[number]): number | null =>
  percent(f[r.numerator]!, r.denominator.reduce((s, k) => s + f[k]!, 0));

/** The calendar months overlapping [from, to], each cut to the period. */
export function monthsOf(from: string, to: string): { month: string; from: string; to: string }[] {
  const out: { month: string; from: string; to: string }[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to.slice(0, 7)) break;
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const start = `${month}-01`;
    const end = `${month}-${String(last).padStart(2, '0')}`;
    out.push({ month, from: start < from ? from : start, to: end > to ? to : end });
    m += 1;
    if (m === 13) { m = 1; y += 1; }
  }
  return out;
}

function checkPeriod(p: Period, label: string): void {
  if (p.from > p.to) throw new AppError('VALIDATION', `${label}的截止日不能早于开始日`);
}

/** 劳动人事争议处理情况 for a period, optionally beside a comparison period; by venue and by month. */
export function officialReport(db: Db, input: { from: string; to: string; compareFrom?: string; compareTo?: string }): OfficialReport {
  const p = { from: input.from, to: input.to };
  checkPeriod(p, '统计期间');
  const cmp = input.compareFrom && input.compareTo ? { from: input.compareFrom, to: input.compareTo } : null;
  if (cmp) checkPeriod(cmp, '对比期间');
  // one breakdown gives the total, the venues and the months (three passes over the stored facts, issue 15 item 8)
  const b = selectOfficialBreakdown(db, p, monthsOf(p.from, p.to));
  const f = b.total;
  const g = cmp ? selectOfficialFigures(db, cmp) : null;
  const venues = selectVenues(db);
  const byVenueRows = new Map(b.byVenue.map((r) => [r.venue_id, r]));
  const pick = (x: OfficialFigures | undefined) => Object.fromEntries(OFFICIAL_ROWS.map((r) => [r.key, shown(r.key, x?.[r.key] ?? 0)]));
  return {
    from: p.from, to: p.to, compareFrom: cmp?.from ?? null, compareTo: cmp?.to ?? null,
    rows: OFFICIAL_ROWS.map((r) => ({
      key: r.key, label: r.label, level: r.level, unit: UNIT[r.measure], note: r.note ?? null,
      value: shown(r.key, f[r.key]!), compare: g ? shown(r.key, g[r.key]!) : null,
      change: g ? countChange(f[r.key]!, g[r.key]!).text : null,
    })),
    rates: OFFICIAL_RATES.map((r) => {
      const v = rate(f, r);
      const c = g ? rate(g, r) : null;
      return { key: r.key, label: r.label, note: r.note, value: v, compare: c, change: g ? rateChange(v, c).text : null, numerator: r.numerator, denominator: [...r.denominator] };
    }),
    averageDays: averageDays(f),
    compareAverageDays: g ? averageDays(g) : null,
    byVenue: venues.map((v) => ({ venueId: v.id, venueName: v.name, rows: pick(byVenueRows.get(v.id)) })),
    byMonth: b.byMonth.map((m) => ({ month: m.month, rows: pick(m) })),
  };
}

/** The cases one figure counts (optionally one venue's column): the same predicate as the figure. */
export function officialDrill(db: Db, input: { from: string; to: string; key: string; venueId?: string; viewer?: string | null }): OfficialDrill {
  checkPeriod(input, '统计期间');
  const row = OFFICIAL_ROWS.find((r) => r.key === input.key);
  if (!row) throw new AppError('VALIDATION', '没有这一统计项');
  const venues = new Map(selectVenues(db).map((v) => [v.id, v.name]));
  return {
    key: row.key, label: row.label,
    cases: selectOfficialDrill(db, input, input.key, input.venueId, input.viewer ?? null).map((r: DrillRow) => ({
      caseId: r.case_id, caseNumber: r.case_number, venueName: venues.get(r.venue_id) ?? '', acceptanceDate: r.accepted, closedDate: r.closed,
      workers: r.workers, amountYuan: r.amount_fen / 100, cause: STAT_CAUSES[r.cause as StatCause] ?? r.cause,
      manner: r.manner ? STAT_MANNERS[r.manner as StatManner] : null, result: r.result ? STAT_RESULTS[r.result as StatResult] : null,
      finalAward: r.final_award === 1, dueDate: r.due_date,
    })),
  };
}

/** The report as a workbook: 处理情况 (with the comparison), 分场所, 分月份, and 口径说明. */
export async function exportOfficialReport(ctx: ServiceContext, input: { from: string; to: string; compareFrom?: string; compareTo?: string }): Promise<ExportFile> {
  const r = officialReport(ctx.db, input);
  const wb = newWorkbook();
  const cmp = r.compareFrom !== null;
  const valueKind = (unit: string) => (unit === '元' ? 'yuan' : 'int') as 'yuan' | 'int';
  const indent = (label: string, level: number) => `${'　'.repeat(level)}${label}`;
  // Amount rows hold yuan; counts are integers: one column per period, formatted per row.
  const ws = addSheet(wb, {
    name: '处理情况',
    title: ['劳动人事争议处理情况', `统计期间：${r.from} 至 ${r.to}${cmp ? `；对比期间：${r.compareFrom} 至 ${r.compareTo}` : ''}`],
    columns: [
      { header: '项目', key: 'label', width: 30 }, { header: '单位', key: 'unit', width: 6 }, { header: '本期', key: 'value', width: 16 },
      ...(cmp ? [{ header: '对比期', key: 'compare', width: 16 }, { header: '变化', key: 'change', width: 18 }] : []),
      { header: '口径', key: 'note', width: 50 },
    ],
    rows: [
      ...r.rows.map((x) => ({ label: indent(x.label, x.level), unit: x.unit, value: x.value, compare: x.compare, change: x.change, note: x.note })),
      ...r.rates.map((x) => ({ label: x.label, unit: '%', value: x.value, compare: x.compare, change: x.change, note: x.note })),
      { label: '平均结案天数', unit: '日', value: r.averageDays, compare: r.compareAverageDays, change: null, note: '本期结案案件自受理至结案的平均日数' },
    ],
  });
  // per-row number formats (counts, yuan, percentages)
  const top = 3;
  r.rows.forEach((x, i) => {
    for (const col of cmp ? [3, 4] : [3]) ws.getCell(top + 1 + i, col).numFmt = valueKind(x.unit) === 'yuan' ? '#,##0.00' : '0';
  });
  r.rates.forEach((_x, i) => {
    for (const col of cmp ? [3, 4] : [3]) ws.getCell(top + 1 + r.rows.length + i, col).numFmt = '0.0';
  });
  const figureColumns = OFFICIAL_ROWS.map((x) => ({ header: `${x.label.replace(/^#/, '其中：')}（${UNIT[x.measure]}）`, key: x.key, width: 14, kind: x.measure === 'amount' ? 'yuan' as const : 'int' as const }));
  addSheet(wb, {
    name: '分场所', title: ['劳动人事争议处理情况（分办案场所）', `统计期间：${r.from} 至 ${r.to}`],
    columns: [{ header: '办案场所', key: 'name', width: 24 }, ...figureColumns],
    rows: r.byVenue.map((v) => ({ name: v.venueName, ...v.rows })),
  });
  addSheet(wb, {
    name: '分月份', title: ['劳动人事争议处理情况（分月份）', `统计期间：${r.from} 至 ${r.to}`],
    columns: [{ header: '月份', key: 'month', width: 10 }, ...figureColumns],
    rows: r.byMonth.map((m) => ({ month: m.month, ...m.rows })),
  });
  addSheet(wb, {
    name: '口径说明', columns: [{ header: '项目', key: 'a', width: 30 }, { header: '口径', key: 'b', width: 100 }],
    rows: STATISTICS_DEFINITIONS.map(([a, b]) => ({ a, b })),
  });
  return workbookFile(wb, `劳动人事争议处理情况-${r.from}至${r.to}.xlsx`, r.rows.length);
}

/**
 * The desk's own indicators (issue 15 item 2). 满意率 = (满意 + 基本满意) ÷ answers; mediation rate = succeeded ÷ invited.
 * Circuit tribunals' figures are the official table's by-venue figures (same predicates).
 */
export function deskIndicators(db: Db, input: { from: string; to: string }): DeskIndicators {
  checkPeriod(input, '统计期间');
  const p = { from: input.from, to: input.to };
  const { start, end } = instants(p);
  const c = selectConsultationCounts(db, start, end);
  const lab = (labels: Record<string, string | { label: string }>) => (r: CountRow) => {
    const l = labels[r.key ?? ''];
    return { key: r.key ?? '', label: typeof l === 'string' ? l : (l?.label ?? r.key ?? '（未填）'), count: r.n, people: r.people };
  };
  const med = selectMediationCounts(db, p);
  const invited = med.reduce((s, m) => s + m.invited, 0);
  const succeeded = med.reduce((s, m) => s + m.succeeded, 0);
  const venues = selectVenues(db);
  const byVenue = new Map(selectOfficialFiguresByVenue(db, p).map((r) => [r.venue_id, r]));
  const sectors = selectWageArrearsBySector(db, p);
  const sector = (s: 'construction' | 'other' | 'unknown', label: string) => {
    const r = sectors.find((x) => x.sector === s);
    return { sector: s, label, cases: r?.n ?? 0, workers: r?.workers ?? 0, amountYuan: (r?.amount_fen ?? 0) / 100 };
  };
  const aid = selectAidCounts(db, p);
  const sat = selectSatisfactionCounts(db, p);
  const satisfaction = (['case', 'consultation'] as const).map((subject) => {
    const n = (rating: string) => sat.find((x) => x.subject === subject && x.rating === rating)?.n ?? 0;
    const total = n('satisfied') + n('basic') + n('unsatisfied');
    return { subject, label: subject === 'case' ? '案件（结案时）' : '咨询接访', satisfied: n('satisfied'), basic: n('basic'), unsatisfied: n('unsatisfied'), total, rate: percent(n('satisfied') + n('basic'), total) };
  });
  return {
    from: p.from, to: p.to,
    consultations: {
      total: c.byWindow.reduce((s, r) => s + r.n, 0),
      byWindow: c.byWindow.map(lab(WINDOWS)), byChannel: c.byChannel.map(lab(CONSULTATION_CHANNELS)), byGroup: c.byGroup.map(lab(GROUP_FLAG_LABELS)),
    },
    mediations: med.map((m) => ({ organisation: m.organisation, invited: m.invited, succeeded: m.succeeded, failed: m.failed, rate: percent(m.succeeded, m.invited), workers: m.workers, claimedYuan: m.claimed_fen / 100 })),
    mediationTotal: { invited, succeeded, rate: percent(succeeded, invited) },
    circuits: venues.filter((v) => v.kind === 'circuit').map((v) => {
      const f = byVenue.get(v.id);
      return { venueId: v.id, venueName: v.name, cases: f?.['accepted'] ?? 0, workers: f?.['workers'] ?? 0, amountYuan: (f?.['amount'] ?? 0) / 100 };
    }),
    wageArrears: [sector('construction', '建筑业'), sector('other', '其他行业'), sector('unknown', '未标注行业')],
    legalAid: { received: aid.received, approved: aid.approved, refused: aid.refused, pending: aid.pending, averageDecisionDays: aid.decision_days === null ? null : Math.round(aid.decision_days * 10) / 10 },
    satisfaction,
  };
}

/** A period's Shanghai days as UTC instants [start, end) (consultations are stamped with their arrival instant). */
function instants(p: Period): { start: string; end: string } {
  const start = new Date(`${p.from}T00:00:00+08:00`).toISOString();
  const end = new Date(Date.parse(`${p.to}T00:00:00+08:00`) + 86_400_000).toISOString();
  return { start, end };
}

/**
 * The records one indicator figure counts (issue 15 item 4), selected by the same condition as the figure
 * (src/db/queries/stats.ts): consultations (all, or a window / channel / group), a mediation organisation's invited,
 * succeeded or failed mediations (all organisations without a key), a sector's wage-arrears cases, the legal-aid
 * applications received / approved / refused / pending, and the satisfaction answers of a subject (of one rating).
 * The circuit tribunals' figures are the official table's by venue: stats.drill with the venue.
 */
export function indicatorDrill(db: Db, input: { from: string; to: string; indicator: string; dimension?: string; key?: string }): IndicatorDrillView {
  checkPeriod(input, '统计期间');
  const p = { from: input.from, to: input.to };
  const key = input.key ?? null;
  const bad = () => new AppError('VALIDATION', '没有这一工作指标');
  // the query's kind is "code/code" (window/channel, organisation/outcome, decision/date, rating/entered by): shown in Chinese
  const label = (v: string | { label: string } | undefined, code: string) => (typeof v === 'string' ? v : (v?.label ?? code));
  const KIND: Record<string, (a: string, b: string) => string> = {
    consultations: (a, b) => `${label(WINDOWS[a as keyof typeof WINDOWS], a)}·${label(CONSULTATION_CHANNELS[b as keyof typeof CONSULTATION_CHANNELS], b)}`,
    mediations: (a, b) => `${a}·${{ pending: '未结', success: '调解成功', failure: '调解不成', withdrawn: '撤回' }[b] ?? b}`,
    legalAid: (a, b) => `${{ pending: '待决定', approved: '给予援助', refused: '不予援助' }[a] ?? a}${b ? `（${b}）` : ''}`,
    satisfaction: (a, b) => `${{ satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' }[a] ?? a}·${{ staff: '工作人员录入', party: '当事人自评', ledger: '历史导入' }[b] ?? b}`,
  };
  const kind = (k: string) => { const i = k.lastIndexOf('/'); return i < 0 ? k : KIND[input.indicator]!(k.slice(0, i), k.slice(i + 1)); };
  const rows = (xs: IndicatorDrillRow[]) => xs.map((r) => ({ id: r.id, date: r.date, subject: r.subject, kind: kind(r.kind), people: r.people, amountYuan: r.amount_fen === null ? null : r.amount_fen / 100, caseId: r.case_id }));
  switch (input.indicator) {
    case 'consultations': {
      const dim = (input.dimension ?? 'all') as 'all' | 'window' | 'channel' | 'group';
      if (!['all', 'window', 'channel', 'group'].includes(dim) || (dim !== 'all' && !key)) throw bad();
      const labels: Record<string, string | { label: string }> = { ...WINDOWS, ...CONSULTATION_CHANNELS, ...GROUP_FLAG_LABELS };
      const l = key ? labels[key] : null;
      const name = typeof l === 'string' ? l : (l?.label ?? key);
      const { start, end } = instants(p);
      return { label: `咨询接访${name ? `（${name}）` : ''}`, rows: rows(selectConsultationDrill(db, start, end, dim, key)) };
    }
    case 'mediations': {
      const m = (input.dimension ?? 'invited') as keyof typeof MEDIATION_MEASURES;
      if (!(m in MEDIATION_MEASURES)) throw bad();
      return { label: `仲裁前调解${{ invited: '受理', succeeded: '调解成功', failed: '调解不成' }[m]}${key ? `（${key}）` : ''}`, rows: rows(selectMediationDrill(db, p, m, key)) };
    }
    case 'wageArrears': {
      if (!key || !['construction', 'other', 'unknown'].includes(key)) throw bad();
      const venues = new Map(selectVenues(db).map((v) => [v.id, v.name]));
      return {
        label: `欠薪案件（${{ construction: '建筑业', other: '其他行业', unknown: '未标注行业' }[key]}）`,
        rows: selectWageArrearsDrill(db, p, key).map((r) => ({ id: r.case_id, date: r.accepted, subject: r.case_number, kind: venues.get(r.venue_id) ?? '', people: r.workers, amountYuan: r.amount_fen / 100, caseId: r.case_id })),
      };
    }
    case 'legalAid': {
      const m = (input.dimension ?? 'received') as keyof typeof AID_MEASURES;
      if (!(m in AID_MEASURES)) throw bad();
      return { label: `法律援助${{ received: '受理申请', approved: '给予援助', refused: '不予援助', pending: '待决定' }[m]}`, rows: rows(selectAidDrill(db, p, m)) };
    }
    case 'satisfaction': {
      const subject = input.dimension as 'case' | 'consultation';
      if (subject !== 'case' && subject !== 'consultation') throw bad();
      if (key && !['satisfied', 'basic', 'unsatisfied'].includes(key)) throw bad();
      const rating = key ? { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' }[key] : '全部评价';
      return { label: `满意度：${subject === 'case' ? '案件' : '咨询接访'}（${rating}）`, rows: rows(selectSatisfactionDrill(db, p, subject, key)) };
    }
    default:
      throw bad();
  }
}

import {
  CONSULTATION_CHANNELS, GROUP_FLAG_LABELS, OFFICIAL_RATES, OFFICIAL_ROWS, WINDOWS, STATISTICS_DEFINITIONS, STAT_CAUSES, STAT_MANNERS, STAT_RESULTS, countChange, percent, rateChange,
  type StatCause, type StatManner, type StatResult,
} from '../domain';
import type { Db } from '../db/open';
import {
  type CountRow, type DrillRow, type OfficialFigures, selectAidCounts, selectConsultationCounts, selectMediationCounts, selectSatisfactionCounts, selectWageArrearsBySector, type Period, selectOfficialDrill, selectOfficialFigures, selectOfficialFiguresByMonth, selectOfficialFiguresByVenue,
} from '../db/queries/stats';
import { selectVenues } from '../db/queries/venues';
import { AppError, type DeskIndicators, type DrillCaseView, type ExportFile, type OfficialDrill, type OfficialReport } from '../api';
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
  const f = selectOfficialFigures(db, p);
  const g = cmp ? selectOfficialFigures(db, cmp) : null;
  const venues = selectVenues(db);
  const byVenueRows = new Map(selectOfficialFiguresByVenue(db, p).map((r) => [r.venue_id, r]));
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
    byMonth: selectOfficialFiguresByMonth(db, p, monthsOf(p.from, p.to)).map((m) => ({ month: m.month, rows: pick(m) })),
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
  const start = new Date(`${p.from}T00:00:00+08:00`).toISOString();
  const end = new Date(Date.parse(new Date(`${p.to}T00:00:00+08:00`).toISOString()) + 86_400_000).toISOString();
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
    const r = sectors.find((x) => (x.sector ?? 'unknown') === s);
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

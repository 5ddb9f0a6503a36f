import type { DeskIndicators, OfficialReport } from './stats-views';

/**
 * The statistics charts (issue 15 item 5) as ECharts options, built from the report the screen and the PDF show — one
 * place for both: the statistics page draws them with ECharts' SVG renderer in the browser, the 月报/年报 PDF renders
 * the same options server-side to SVG (src/documents/stats-report.ts). Every bar carries its figure as a label, so a
 * printed chart can be read without the table, and the tests compare the labels to the table.
 *
 * The options are plain JSON (no functions): they cross the IPC boundary and are rendered identically in Node.
 */

export interface StatsChart {
  key: 'trend' | 'cause' | 'venue' | 'mediation' | 'windows' | 'groups';
  title: string;
  /** ECharts option (JSON only). */
  option: Record<string, unknown>;
  /** The figures drawn, in series order, for tests and for a text equivalent: series name → category → value. */
  figures: { series: string; values: { category: string; value: number }[] }[];
}

/** The chart face: the app's web font on screen; the PDF maps any family to the bundled CJK sans face. */
export const CHART_FONT = "'Desk Noto Sans SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
/** Print-friendly colours (distinct in greyscale too). */
const COLOURS = ['#1f4e99', '#c0504d', '#7f7f7f', '#e6a23c', '#2e7d32'];

/** Value labels without ECharts' default white halo (a stroke under the fill, which PDF text cannot put under). */
const label = { show: true, position: 'top', fontSize: 11, textBorderColor: 'transparent' } as const;

function bars(title: string, categories: string[], series: { name: string; data: number[] }[], opts: { rotate?: number; horizontal?: boolean; percent?: boolean } = {}): Pick<StatsChart, 'option' | 'figures'> {
  const cat = { type: 'category', data: categories, axisLabel: { interval: 0, rotate: opts.rotate ?? 0, fontSize: 11 } };
  const val = { type: 'value', minInterval: 1, ...(opts.percent ? { max: 100, axisLabel: { formatter: '{value}%' } } : {}) };
  return {
    option: {
      animation: false,
      color: COLOURS,
      textStyle: { fontFamily: CHART_FONT },
      title: { text: title, left: 'center', top: 4, ...(categories.length ? {} : { subtext: '（本期无记录）', subtextStyle: { fontFamily: CHART_FONT } }), textStyle: { fontSize: 15, fontWeight: 'normal', fontFamily: CHART_FONT } },
      legend: series.length > 1 ? { top: 28, textStyle: { fontFamily: CHART_FONT } } : undefined,
      grid: { left: opts.horizontal ? 150 : 56, right: 36, top: series.length > 1 ? 64 : 44, bottom: opts.rotate ? 72 : 36 },
      xAxis: opts.horizontal ? val : cat,
      yAxis: opts.horizontal ? { ...cat, inverse: true, axisLabel: { fontSize: 11 } } : val,
      series: series.map((s) => ({
        type: 'bar', name: s.name, data: s.data, barMaxWidth: 36,
        label: opts.horizontal ? { ...label, position: 'right' } : opts.percent ? { ...label, formatter: '{c}%' } : label,
      })),
    },
    figures: series.map((s) => ({ series: s.name, values: categories.map((c, i) => ({ category: c, value: s.data[i]! })) })),
  };
}

const CAUSE_KEYS = ['cause_pay', 'cause_social_insurance', 'cause_contract_end', 'cause_work_injury', 'cause_employment', 'cause_other'] as const;

/** The charts of a report and (optionally) the desk's indicators for the same period. */
export function statsCharts(r: OfficialReport, ind: DeskIndicators | null): StatsChart[] {
  const row = (key: string) => r.rows.find((x) => x.key === key);
  const cmp = r.compareFrom !== null;
  const period = `${r.from}至${r.to}`;
  const out: StatsChart[] = [];
  const months = r.byMonth.map((m) => `${Number(m.month.slice(5, 7))}月`);
  const sameYear = new Set(r.byMonth.map((m) => m.month.slice(0, 4))).size <= 1;
  const monthLabels = sameYear ? months : r.byMonth.map((m) => m.month);
  out.push({
    key: 'trend', title: '月度受理、结案趋势',
    ...bars(`月度受理、结案趋势（${period}）`, monthLabels, [
      { name: '受理', data: r.byMonth.map((m) => m.rows['accepted'] ?? 0) },
      { name: '结案', data: r.byMonth.map((m) => m.rows['closed'] ?? 0) },
    ], { rotate: monthLabels.length > 12 ? 45 : 0 }),
  });
  const causes = CAUSE_KEYS.map((k) => row(k)!).filter(Boolean);
  out.push({
    key: 'cause', title: '当期受理案件按争议原因',
    ...bars('当期受理案件按争议原因（件）', causes.map((c) => c.label.replace(/^#/, '')), [
      { name: '本期', data: causes.map((c) => c.value) },
      ...(cmp ? [{ name: '对比期', data: causes.map((c) => c.compare ?? 0) }] : []),
    ], { horizontal: true }),
  });
  out.push({
    key: 'venue', title: '分办案场所受理、结案',
    ...bars('分办案场所受理、结案（件）', r.byVenue.map((v) => v.venueName), [
      { name: '受理', data: r.byVenue.map((v) => v.rows['accepted'] ?? 0) },
      { name: '结案', data: r.byVenue.map((v) => v.rows['closed'] ?? 0) },
    ], { rotate: r.byVenue.length > 4 ? 30 : 0 }),
  });
  if (ind) {
    const orgs = [...ind.mediations.map((m) => ({ name: m.organisation, rate: m.rate ?? 0 })), { name: '合计', rate: ind.mediationTotal.rate ?? 0 }];
    const mediationRate = r.rates.find((x) => x.key === 'mediationRate');
    out.push({
      key: 'mediation', title: '仲裁前调解成功率',
      ...bars(`仲裁前调解成功率（调解成功 ÷ 受理）${mediationRate?.value != null ? `；仲裁调解结案率${mediationRate.value}%` : ''}`, orgs.map((o) => o.name), [
        { name: '调解成功率', data: orgs.map((o) => o.rate) },
      ], { percent: true, rotate: orgs.length > 4 ? 30 : 0 }),
    });
    out.push({
      key: 'windows', title: '咨询接访按窗口',
      ...bars('咨询接访按窗口（人次）', ind.consultations.byWindow.map((w) => w.label), [
        { name: '人次', data: ind.consultations.byWindow.map((w) => w.count) },
      ], { rotate: ind.consultations.byWindow.length > 4 ? 30 : 0 }),
    });
    out.push({
      key: 'groups', title: '咨询接访按群体',
      ...bars('咨询接访按群体（人次）', ind.consultations.byGroup.map((w) => w.label), [
        { name: '人次', data: ind.consultations.byGroup.map((w) => w.count) },
      ], { rotate: ind.consultations.byGroup.length > 4 ? 30 : 0 }),
    });
  }
  return out;
}

import type { DeskIndicators, OfficialReport, StatsChart } from '../api';
import { STATISTICS_DEFINITIONS, chineseDate, plainChineseDate } from '../domain';
import { chartSvg } from './charts';
import { type Block, type DocumentModel, type Text, fixed, heading, para, t } from './model';
import { LINE_PITCH_PT, TEXT_WIDTH_MM, mm } from './layout';

/**
 * The 月报 / 年报 (issue 15 item 6): the official table 劳动人事争议处理情况 with the comparison written as people read it,
 * the desk's indicators and the charts, through the document engine (same faces, GB/T 9704 page) as a PDF.
 * A period that is one calendar month is a 月报, one calendar year a 年报, anything else a 统计报告.
 */
export interface StatsReportData {
  issuer: string;
  report: OfficialReport;
  indicators: DeskIndicators;
  charts: StatsChart[];
  /** The day the report is printed (Shanghai date). */
  date: string;
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** 月报 for one calendar month, 年报 for one calendar year, else 统计报告; with the period as people name it. */
export function reportKind(from: string, to: string): { kind: 'month' | 'year' | 'period'; title: string; period: string } {
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7));
  if (from === `${y}-01-01` && to === `${y}-12-31`) return { kind: 'year', title: '劳动人事争议处理情况年报', period: `${y}年度` };
  if (from.endsWith('-01') && to === `${from.slice(0, 8)}${String(lastDay(y, m)).padStart(2, '0')}`) return { kind: 'month', title: '劳动人事争议处理情况月报', period: `${y}年${m}月` };
  return { kind: 'period', title: '劳动人事争议处理情况统计报告', period: `${plainChineseDate(from)}至${plainChineseDate(to)}` };
}

const yuan = (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const figure = (unit: string, v: number | null) => (v === null ? '—' : unit === '元' ? yuan(v) : String(v));
const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
const cell = (s: string, field: string): Text[] => [t(s, field)];
/** Tables in 五号 (10.5 pt): the figures and the changes fit one line a row. */
const TABLE_PT = 10.5;
/** Chart height on the page in lines of the grid (10 × 28.9 pt ≈ 102 mm). */
const CHART_LINES = 10;

/** "受理案件2419件，比上年同期（1687件）上升43.4%" — a count beside the other period, with its change. */
function compared(label: string, unit: string, v: number, c: number | null, change: string | null): string {
  if (c === null || change === null) return `${label}${figure(unit, v)}${unit}`;
  return `${label}${figure(unit, v)}${unit}，对比期${figure(unit, c)}${unit}，${change}`;
}

export function statsReportDocument(d: StatsReportData): DocumentModel {
  const r = d.report;
  const k = reportKind(r.from, r.to);
  const cmp = r.compareFrom !== null && r.compareTo !== null;
  const row = (key: string) => r.rows.find((x) => x.key === key)!;
  const rate = (key: string) => r.rates.find((x) => x.key === key)!;
  const say = (key: string, label: string) => { const x = row(key); return compared(label, x.unit, x.value, x.compare, x.change); };
  const sayRate = (key: string, label: string) => {
    const x = rate(key);
    return cmp ? `${label}${pct(x.value)}，对比期${pct(x.compare)}，${x.change}` : `${label}${pct(x.value)}`;
  };
  const blocks: Block[] = [];
  blocks.push(para(fixed(`统计期间：${plainChineseDate(r.from)}至${plainChineseDate(r.to)}${cmp ? `；对比期间：${plainChineseDate(r.compareFrom!)}至${plainChineseDate(r.compareTo!)}` : ''}。`)));
  blocks.push(para(t(`${[say('accepted', '当期受理案件'), say('closed', '结案'), say('pending', '期末未结案件')].join('；')}；${[sayRate('closingRate', '仲裁结案率'), sayRate('mediationRate', '调解结案率')].join('；')}。`, '统计数字')));

  blocks.push(heading('一、劳动人事争议处理情况'));
  const header = { cells: [[fixed('项目')], [fixed('单位')], [fixed('本期')], ...(cmp ? [[fixed('对比期')], [fixed('变化')]] : [])], header: true };
  blocks.push({
    type: 'table', size: TABLE_PT, repeatHeader: true, columns: cmp ? [8.5, 2.5, 5, 5, 7] : [14, 3, 11],
    rows: [
      header,
      ...r.rows.map((x) => ({
        cells: [cell(`${'　'.repeat(x.level)}${x.label.replace(/^#/, '其中：')}`, '统计项目'), cell(x.unit, '单位'), cell(figure(x.unit, x.value), x.label),
          ...(cmp ? [cell(figure(x.unit, x.compare), x.label), cell(x.change ?? '', '变化')] : [])],
      })),
      ...r.rates.map((x) => ({ cells: [cell(x.label, '统计项目'), cell('%', '单位'), cell(pct(x.value), x.label), ...(cmp ? [cell(pct(x.compare), x.label), cell(x.change ?? '', '变化')] : [])] })),
      { cells: [cell('平均结案天数', '统计项目'), cell('日', '单位'), cell(r.averageDays === null ? '—' : String(r.averageDays), '平均结案天数'), ...(cmp ? [cell(r.compareAverageDays === null ? '—' : String(r.compareAverageDays), '平均结案天数'), cell('', '变化')] : [])] },
    ],
  });
  blocks.push(para(fixed('件数、人数、金额的变化为百分比变化，比率的变化为百分点变化。')));

  blocks.push(heading('二、分办案场所'));
  const venueKeys = ['accepted', 'workers', 'amount', 'closed', 'closedMediation', 'pending'] as const;
  blocks.push({
    type: 'table', size: TABLE_PT, repeatHeader: true, columns: [7, 3, 3, 6, 3, 3, 3],
    rows: [
      { cells: [[fixed('办案场所')], [fixed('受理')], [fixed('人数')], [fixed('金额（元）')], [fixed('结案')], [fixed('调解')], [fixed('未结')]], header: true },
      ...r.byVenue.map((v) => ({ cells: [cell(v.venueName, '办案场所'), ...venueKeys.map((key) => cell(key === 'amount' ? yuan(v.rows[key] ?? 0) : String(v.rows[key] ?? 0), key))] })),
    ],
  });

  const i = d.indicators;
  blocks.push(heading('三、工作指标'));
  const win = i.consultations.byWindow.map((w) => `${w.label}${w.count}人次`).join('，');
  const grp = i.consultations.byGroup.map((w) => `${w.label}${w.count}人次`).join('，');
  blocks.push(para(t(`咨询接访共${i.consultations.total}人次${win ? `，其中${win}` : ''}${grp ? `；按群体：${grp}` : ''}。`, '咨询接访')));
  blocks.push(para(t(`仲裁前调解受理${i.mediationTotal.invited}件，调解成功${i.mediationTotal.succeeded}件，调解成功率${pct(i.mediationTotal.rate)}${i.mediations.length ? `（${i.mediations.map((m) => `${m.organisation}：受理${m.invited}件，成功${m.succeeded}件，成功率${pct(m.rate)}`).join('；')}）` : ''}。`, '仲裁前调解')));
  if (i.circuits.length) blocks.push(para(t(`巡回仲裁庭当期受理案件：${i.circuits.map((c) => `${c.venueName}${c.cases}件、劳动者${c.workers}人、涉及金额${yuan(c.amountYuan)}元`).join('；')}。`, '巡回仲裁庭')));
  blocks.push(para(t(`欠薪案件（争议原因为劳动报酬）：${i.wageArrears.map((w) => `${w.label}${w.cases}件、劳动者${w.workers}人、涉及金额${yuan(w.amountYuan)}元`).join('；')}。`, '欠薪案件')));
  blocks.push(para(t(`法律援助受理申请${i.legalAid.received}件，给予援助${i.legalAid.approved}件，不予援助${i.legalAid.refused}件，待决定${i.legalAid.pending}件，平均决定用时${i.legalAid.averageDecisionDays ?? '—'}日（《中华人民共和国法律援助法》第四十三条：七日内作出决定）。`, '法律援助')));
  blocks.push(para(t(`满意度（满意率 =（满意 + 基本满意）÷ 评价数）：${i.satisfaction.map((s) => `${s.label}评价${s.total}件，满意${s.satisfied}件，基本满意${s.basic}件，不满意${s.unsatisfied}件，满意率${pct(s.rate)}`).join('；')}。`, '满意度')));

  blocks.push(heading('四、统计图表'));
  const w = 560;
  const h = Math.round((CHART_LINES * LINE_PITCH_PT * w) / mm(TEXT_WIDTH_MM));
  d.charts.forEach((c, n) => {
    blocks.push({ type: 'figure', svg: chartSvg(c.option, w, h), lines: CHART_LINES, caption: fixed(`图${n + 1}　${c.title}`) });
  });

  blocks.push(heading('五、统计口径'));
  blocks.push({
    type: 'table', size: TABLE_PT, columns: [7, 21],
    rows: [{ cells: [[fixed('项目')], [fixed('口径')]], header: true }, ...STATISTICS_DEFINITIONS.map(([a, b]) => ({ cells: [[fixed(a)], [fixed(b)]] }))],
  });
  // a line of text before the signature: the closing block keeps with it, not with the tables and charts above
  blocks.push(para(fixed('本报告根据本委案件记录和历史台账统计生成，各项数字的口径以上表为准。')));
  blocks.push({ type: 'right', lines: [[t(d.issuer, '仲裁委员会名称')], [fixed(chineseDate(d.date))]], gapBefore: 1 });

  return {
    kind: `stats_${k.kind}`, issuer: t(d.issuer, '仲裁委员会名称'), title: k.title, caseNumber: t(k.period, '统计期间'),
    meta: { subject: `${k.title}（${k.period}）`, date: d.date },
    blocks,
  };
}

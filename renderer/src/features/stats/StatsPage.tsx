import { Alert, Button, Card, Drawer, Flex, Space, Table, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { DeskIndicators, IndicatorDrillView, LedgerImportReport, OfficialDrill, OfficialReport } from '../../../../src/api';
import { OFFICIAL_ROWS, STATISTICS_DEFINITIONS } from '../../../../src/domain';
import { DateField } from '../../components/DateField';
import { api } from '../../lib/api-client';
import { today } from '../../lib/dates';
import { base64ToBytes, printPdf, saveFile } from '../../lib/pdf';
import { StatsCharts } from './StatsCharts';
import { DrillLink, IndicatorDrillDrawer, type IndicatorRef } from './IndicatorDrill';

/**
 * 统计报表 (issue 15): the official table 劳动人事争议处理情况 for any period, beside a comparison period, by venue and by
 * month; every figure opens the list of exactly the cases it counts (stats.drill, same predicate as the figure).
 * The ledger import (台账导入) checks a file first and imports it only when every row passes.
 */
type Period = { from: string; to: string; compareFrom?: string; compareTo?: string };

const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const shown = (unit: string, v: number | null) => (v === null ? '—' : unit === '元' ? yuan(v) : String(v));

/** 1 January of this year to today, against the same days of last year. */
function yearToDate(): Period {
  const t = today();
  const y = Number(t.slice(0, 4));
  const md = t.slice(5);
  const lastMd = md === '02-29' ? '02-28' : md;
  return { from: `${y}-01-01`, to: t, compareFrom: `${y - 1}-01-01`, compareTo: `${y - 1}-${lastMd}` };
}

export function StatsPage() {
  const [period, setPeriod] = useState<Period>(yearToDate);
  const [report, setReport] = useState<OfficialReport | null>(null);
  const [indicators, setIndicators] = useState<DeskIndicators | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<(OfficialDrill & { venueName?: string; month?: string }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [indicatorDrill, setIndicatorDrill] = useState<IndicatorDrillView | null>(null);
  const openIndicator = async (to: IndicatorRef) => {
    if (!indicators) return;
    const r = await api('stats.indicatorDrill', { from: indicators.from, to: indicators.to, ...to });
    if (!r.ok) return setError(r.error.message);
    setIndicatorDrill(r.value);
  };

  const load = useCallback(async (p: Period) => {
    setError(null);
    const r = await api('stats.official', p);
    if (!r.ok) { setReport(null); return setError(r.error.issues?.[0]?.message ?? r.error.message); }
    setReport(r.value);
    const i = await api('stats.indicators', { from: p.from, to: p.to });
    setIndicators(i.ok ? i.value : null);
  }, []);
  useEffect(() => void load(period), []); // eslint-disable-line react-hooks/exhaustive-deps

  const open = async (key: string, extra: { venueId?: string; venueName?: string; month?: { month: string; from: string; to: string } } = {}) => {
    if (!report) return;
    const p = extra.month ? { from: extra.month.from, to: extra.month.to } : { from: report.from, to: report.to };
    const r = await api('stats.drill', { ...p, key, ...(extra.venueId ? { venueId: extra.venueId } : {}) });
    if (!r.ok) return setError(r.error.message);
    setDrill({ ...r.value, venueName: extra.venueName, month: extra.month?.month });
  };
  const exportXlsx = async () => {
    setBusy(true);
    const r = await api('stats.export', period);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    saveFile(base64ToBytes(r.value.base64), r.value.fileName, r.value.mimeType);
  };
  // issue 15 item 6: the 月报/年报 (table, comparison, indicators, charts) as PDF — saved, or printed through pdf.js
  const reportPdf = async (then: 'save' | 'print') => {
    setBusy(true);
    const r = await api('stats.pdf', period);
    setBusy(false);
    if (!r.ok) return setError(r.error.issues?.[0]?.message ?? r.error.message);
    const bytes = base64ToBytes(r.value.base64);
    if (then === 'save') saveFile(bytes, r.value.fileName, r.value.mimeType);
    else await printPdf(bytes);
  };
  const set = (k: keyof Period) => (v: string | undefined) => setPeriod((p) => ({ ...p, [k]: v || undefined }));
  const cmp = report?.compareFrom !== null && report?.compareFrom !== undefined;
  const monthBounds = (m: string) => {
    const last = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate();
    const f = `${m}-01`;
    const t = `${m}-${String(last).padStart(2, '0')}`;
    return { month: m, from: report && f < report.from ? report.from : f, to: report && t > report.to ? report.to : t };
  };
  const figureColumns = (extra: (row: Record<string, unknown>) => { venueId?: string; venueName?: string; month?: { month: string; from: string; to: string } }) =>
    OFFICIAL_ROWS.filter((r) => ['carried', 'accepted', 'acceptedCollective', 'workers', 'amount', 'closed', 'closedMediation', 'closedAward', 'pending', 'overdue'].includes(r.key)).map((r) => ({
      title: r.label.replace(/^#/, '其中：'), key: r.key, align: 'right' as const,
      render: (_: unknown, row: { rows: Record<string, number> } & Record<string, unknown>) => (
        <Typography.Link onClick={() => void open(r.key, extra(row))}>{r.measure === 'amount' ? yuan(row.rows[r.key] ?? 0) : row.rows[r.key]}</Typography.Link>
      ),
    }));

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>统计报表</h1>
        <Space>
          <Button loading={busy} disabled={!report} onClick={() => void exportXlsx()}>导出 Excel</Button>
          <Button loading={busy} disabled={!report} onClick={() => void reportPdf('save')}>导出 PDF（含图表）</Button>
          <Button loading={busy} disabled={!report} onClick={() => void reportPdf('print')}>打印</Button>
        </Space>
      </Flex>
      <Card size="small" style={{ marginBottom: 12 }} className="no-print">
        <Flex gap={12} align="center" wrap>
          <span>统计期间</span>
          <DateField value={period.from} onChange={set('from')} aria-label="统计开始日" style={{ width: 150 }} data-testid="stats-from" />
          <span>至</span>
          <DateField value={period.to} onChange={set('to')} aria-label="统计截止日" style={{ width: 150 }} data-testid="stats-to" />
          <span style={{ marginLeft: 12 }}>对比期间</span>
          <DateField value={period.compareFrom ?? ''} onChange={set('compareFrom')} aria-label="对比期间开始日" style={{ width: 150 }} data-testid="stats-compare-from" />
          <span>至</span>
          <DateField value={period.compareTo ?? ''} onChange={set('compareTo')} aria-label="对比期间截止日" style={{ width: 150 }} data-testid="stats-compare-to" />
          <Button type="primary" onClick={() => void load(period)}>统计</Button>
          <Button onClick={() => { const p = yearToDate(); setPeriod(p); void load(p); }}>本年累计与上年同期对比</Button>
        </Flex>
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {report && (
        <Tabs items={[
          {
            key: 'table', label: '劳动人事争议处理情况',
            children: (
              <>
                <Typography.Paragraph>统计期间：{report.from} 至 {report.to}{cmp ? `；对比期间：${report.compareFrom} 至 ${report.compareTo}` : ''}。点击数字可查看所统计的案件。</Typography.Paragraph>
                <Table
                  size="small" pagination={false} rowKey="key" data-testid="official-table"
                  dataSource={report.rows}
                  columns={[
                    { title: '项目', key: 'label', render: (_, r) => <span style={{ paddingLeft: r.level * 20 }}>{r.label}</span> },
                    { title: '单位', dataIndex: 'unit', width: 60 },
                    { title: '本期', key: 'value', align: 'right', render: (_, r) => <Typography.Link data-testid={`figure-${r.key}`} onClick={() => void open(r.key)}>{shown(r.unit, r.value)}</Typography.Link> },
                    ...(cmp ? [
                      { title: '对比期', key: 'compare', align: 'right' as const, render: (_: unknown, r: OfficialReport['rows'][number]) => <span data-testid={`compare-${r.key}`}>{shown(r.unit, r.compare)}</span> },
                      { title: '变化', key: 'change', render: (_: unknown, r: OfficialReport['rows'][number]) => <span data-testid={`change-${r.key}`}>{r.change}</span> },
                    ] : []),
                    { title: '口径', dataIndex: 'note', className: 'muted' },
                  ]}
                />
                <Table
                  size="small" pagination={false} rowKey="key" style={{ marginTop: 12 }} data-testid="rates-table"
                  dataSource={[...report.rates.map((r) => ({ ...r, text: r.value === null ? '—' : `${r.value}%`, ctext: r.compare === null ? '—' : `${r.compare}%` })),
                    { key: 'averageDays', label: '平均结案天数', note: '本期结案案件自受理至结案的平均日数', text: report.averageDays === null ? '—' : `${report.averageDays}日`, ctext: report.compareAverageDays === null ? '—' : `${report.compareAverageDays}日`, change: null }]}
                  columns={[
                    { title: '比率', dataIndex: 'label' },
                    { title: '本期', key: 'v', align: 'right', render: (_, r) => <span data-testid={`rate-${r.key}`}>{r.text}</span> },
                    ...(cmp ? [{ title: '对比期', dataIndex: 'ctext', align: 'right' as const }, { title: '变化', key: 'c', render: (_: unknown, r: { key: string; change: string | null }) => <span data-testid={`rate-change-${r.key}`}>{r.change}</span> }] : []),
                    { title: '口径', dataIndex: 'note', className: 'muted' },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'venue', label: '分办案场所',
            children: <Table size="small" pagination={false} rowKey="venueId" data-testid="venue-table" dataSource={report.byVenue} scroll={{ x: true }}
              columns={[{ title: '办案场所', dataIndex: 'venueName', fixed: 'left' }, ...figureColumns((r) => ({ venueId: r.venueId as string, venueName: r.venueName as string }))]} />,
          },
          {
            key: 'month', label: '分月份',
            children: <Table size="small" pagination={false} rowKey="month" data-testid="month-table" dataSource={report.byMonth} scroll={{ x: true }}
              columns={[{ title: '月份', dataIndex: 'month', fixed: 'left' }, ...figureColumns((r) => ({ month: monthBounds(r.month as string) }))]} />,
          },
          {
            key: 'defs', label: '统计口径',
            children: <Table size="small" pagination={false} rowKey={(r) => r[0]} dataSource={[...STATISTICS_DEFINITIONS]} columns={[{ title: '项目', render: (_, r) => r[0], width: 160 }, { title: '口径', render: (_, r) => r[1] }]} />,
          },
          { key: 'charts', label: '统计图表', children: <StatsCharts report={report} indicators={indicators} /> },
          { key: 'indicators', label: '工作指标', children: indicators ? <Indicators d={indicators} onDrill={(to) => void openIndicator(to)} onVenue={(venueId, venueName) => void open('accepted', { venueId, venueName })} /> : null },
          { key: 'ledger', label: '台账导入', children: <LedgerImport onImported={() => void load(period)} /> },
        ]} />
      )}
      <IndicatorDrillDrawer drill={indicatorDrill} onClose={() => setIndicatorDrill(null)} />
      <Drawer open={!!drill} onClose={() => setDrill(null)} size={1000} title={drill ? `${drill.label}${drill.venueName ? `（${drill.venueName}）` : ''}${drill.month ? `（${drill.month}）` : ''}：${drill.cases.length} 件` : ''}>
        {drill && (
          <Table size="small" rowKey="caseId" data-testid="drill-table" dataSource={drill.cases} pagination={{ pageSize: 50 }}
            columns={[
              { title: '案号', dataIndex: 'caseNumber', render: (v: string, r) => <a href={`#cases/${r.caseId}`}>{v}</a> },
              { title: '场所', dataIndex: 'venueName' },
              { title: '受理日期', dataIndex: 'acceptanceDate', onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
              { title: '结案日期', dataIndex: 'closedDate', onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
              { title: '劳动者', dataIndex: 'workers', align: 'right' },
              { title: '请求金额（元）', dataIndex: 'amountYuan', align: 'right', render: (v: number) => yuan(v) },
              { title: '争议原因', dataIndex: 'cause' },
              { title: '结案方式', dataIndex: 'manner' },
              { title: '结果', dataIndex: 'result' },
            ]} />
        )}
      </Drawer>
    </div>
  );
}

/** 台账导入: template download, then check → import (all or nothing). */
function LedgerImport({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<{ name: string; format: 'xlsx' | 'jsonl'; base64: string } | null>(null);
  const [checked, setChecked] = useState<LedgerImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<LedgerImportReport | null>(null);
  const template = async () => {
    const r = await api('ledger.template', {});
    if (!r.ok) return setError(r.error.message);
    saveFile(base64ToBytes(r.value.base64), r.value.fileName, r.value.mimeType);
  };
  const choose = async (f: File | undefined) => {
    setChecked(null); setDone(null); setError(null);
    if (!f) return setFile(null);
    const format = /\.xlsx$/i.test(f.name) ? 'xlsx' : /\.(jsonl|ndjson)$/i.test(f.name) ? 'jsonl' : null;
    if (!format) return setError('台账文件应为 .xlsx 或 .jsonl');
    const bytes = new Uint8Array(await f.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const next = { name: f.name, format, base64: btoa(bin) } as const;
    setFile(next);
    const r = await api('ledger.import', { fileName: next.name, format: next.format, contentBase64: next.base64, dryRun: true });
    if (!r.ok) return setError(r.error.message);
    setChecked(r.value);
  };
  const commit = async () => {
    if (!file) return;
    const r = await api('ledger.import', { fileName: file.name, format: file.format, contentBase64: file.base64, dryRun: false });
    if (!r.ok) return setError(r.error.message);
    setDone(r.value); setChecked(null); setFile(null);
    onImported();
  };
  return (
    <Card size="small">
      <Typography.Paragraph>把建库以前 Excel 台账中的案件、仲裁前调解和咨询登记记录导入本系统，用于统计。导入前逐行检查，有任何错误则整份台账不导入；导入的记录标记为“历史导入”，只读；再次导入相同的行不会重复写入。</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={() => void template()}>下载导入模板</Button>
        <input type="file" accept=".xlsx,.jsonl,.ndjson" aria-label="选择台账文件" data-testid="ledger-file" onChange={(e) => void choose(e.target.files?.[0])} />
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {checked && checked.issues.length > 0 && (
        <Alert type="error" showIcon data-testid="ledger-issues" title={`台账有 ${checked.issues.length} 处错误，不能导入，请修改后重新选择文件`}
          description={<ul style={{ margin: 0 }}>{checked.issues.map((i, n) => <li key={n}>{i.sheet ? `工作表“${i.sheet}”` : ''}第{i.row}行{i.column ? `【${i.column}】` : ''}：{i.message}</li>)}</ul>} />
      )}
      {checked && checked.issues.length === 0 && (
        <Alert type="success" showIcon data-testid="ledger-checked"
          title={`检查通过：将导入案件 ${checked.toImport.cases} 件、仲裁前调解 ${checked.toImport.mediations} 件、咨询登记 ${checked.toImport.consultations} 条；已导入且内容相同的 ${checked.unchanged} 行不作改动`}
          action={<Button type="primary" disabled={checked.toImport.cases + checked.toImport.mediations + checked.toImport.consultations === 0} onClick={() => void commit()}>导入</Button>} />
      )}
      {done && <Alert type="success" showIcon data-testid="ledger-done" title={`已导入案件 ${done.toImport.cases} 件、仲裁前调解 ${done.toImport.mediations} 件、咨询登记 ${done.toImport.consultations} 条`} />}
    </Card>
  );
}

/** The desk's own indicators for the period (stats.indicators). */
function Indicators({ d, onDrill, onVenue }: { d: DeskIndicators; onDrill: (to: IndicatorRef) => void; onVenue: (venueId: string, venueName: string) => void }) {
  const rate = (v: number | null) => (v === null ? '—' : `${v}%`);
  // every figure opens the records it counts (stats.indicatorDrill; circuit tribunals: the official table's drill-down)
  const link = (to: IndicatorRef, v: number, testId?: string) => <DrillLink to={to} onDrill={onDrill} testId={testId}>{v}</DrillLink>;
  return (
    <Flex vertical gap={12} data-testid="indicators">
      <Card size="small" title={<>咨询接访：{link({ indicator: 'consultations' }, d.consultations.total, 'consultations-total')} 人次</>}>
        <Flex gap={24} wrap>
          {([['按窗口', 'window', d.consultations.byWindow], ['按渠道', 'channel', d.consultations.byChannel], ['按群体', 'group', d.consultations.byGroup]] as const).map(([t, dim, rows]) => (
            <Table key={t} size="small" pagination={false} rowKey="key" title={() => t} dataSource={rows} data-testid={`consultations-${dim}`}
              columns={[{ title: '类别', dataIndex: 'label' }, { title: '人次', key: 'count', align: 'right', render: (_, r) => link({ indicator: 'consultations', dimension: dim, key: r.key }, r.count) }, { title: '涉及人数', dataIndex: 'people', align: 'right' }]} />
          ))}
        </Flex>
      </Card>
      <Card size="small" title={`仲裁前调解（约调）：受理 ${d.mediationTotal.invited} 件，调解成功 ${d.mediationTotal.succeeded} 件，调解成功率 ${rate(d.mediationTotal.rate)}`}>
        <Table size="small" pagination={false} rowKey="organisation" dataSource={d.mediations} data-testid="mediation-orgs"
          columns={[{ title: '调解组织', dataIndex: 'organisation' },
            ...(['invited', 'succeeded', 'failed'] as const).map((m) => ({ title: { invited: '受理', succeeded: '成功', failed: '不成' }[m], key: m, align: 'right' as const, render: (_: unknown, r: DeskIndicators['mediations'][number]) => link({ indicator: 'mediations', dimension: m, key: r.organisation }, r[m], `mediation-${m}-${r.organisation}`) })), { title: '成功率', key: 'r', align: 'right', render: (_, r) => rate(r.rate) },
            { title: '劳动者人数', dataIndex: 'workers', align: 'right' }, { title: '请求金额（元）', key: 'a', align: 'right', render: (_, r) => yuan(r.claimedYuan) }]} />
      </Card>
      <Card size="small" title="巡回仲裁庭（当期受理）">
        <Table size="small" pagination={false} rowKey="venueId" dataSource={d.circuits}
          columns={[{ title: '巡回仲裁庭', dataIndex: 'venueName' }, { title: '案件', key: 'cases', align: 'right', render: (_, r) => <Typography.Link onClick={() => onVenue(r.venueId, r.venueName)}>{r.cases}</Typography.Link> }, { title: '劳动者人数', dataIndex: 'workers', align: 'right' },
            { title: '涉及金额（元）', key: 'a', align: 'right', render: (_, r) => yuan(r.amountYuan) }]} />
      </Card>
      <Card size="small" title="欠薪案件（争议原因为劳动报酬，当期受理）分行业">
        <Table size="small" pagination={false} rowKey="sector" dataSource={d.wageArrears} data-testid="wage-arrears"
          columns={[{ title: '行业', dataIndex: 'label' }, { title: '案件', key: 'cases', align: 'right', render: (_, r) => link({ indicator: 'wageArrears', key: r.sector }, r.cases, `wage-arrears-${r.sector}`) }, { title: '劳动者人数', dataIndex: 'workers', align: 'right' },
            { title: '涉及金额（元）', key: 'a', align: 'right', render: (_, r) => yuan(r.amountYuan) }]} />
      </Card>
      <Card size="small" title="法律援助">
        受理申请 {link({ indicator: 'legalAid', dimension: 'received' }, d.legalAid.received)} 件，给予援助 {link({ indicator: 'legalAid', dimension: 'approved' }, d.legalAid.approved)} 件，不予援助 {link({ indicator: 'legalAid', dimension: 'refused' }, d.legalAid.refused)} 件，待决定 {link({ indicator: 'legalAid', dimension: 'pending' }, d.legalAid.pending)} 件；平均决定用时 {d.legalAid.averageDecisionDays ?? '—'} 日（《法律援助法》第四十三条：七日内作出决定）
      </Card>
      <Card size="small" title="满意度（满意率 =（满意 + 基本满意）÷ 评价数）">
        <Table size="small" pagination={false} rowKey="subject" dataSource={d.satisfaction} data-testid="satisfaction"
          columns={[{ title: '评价对象', dataIndex: 'label' },
            ...(['satisfied', 'basic', 'unsatisfied', 'total'] as const).map((k) => ({ title: { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意', total: '评价数' }[k], key: k, align: 'right' as const,
              render: (_: unknown, r: DeskIndicators['satisfaction'][number]) => link({ indicator: 'satisfaction', dimension: r.subject, ...(k === 'total' ? {} : { key: k }) }, r[k], `satisfaction-${r.subject}-${k}`) })), { title: '满意率', key: 'r', align: 'right', render: (_, r) => rate(r.rate) }]} />
      </Card>
    </Flex>
  );
}

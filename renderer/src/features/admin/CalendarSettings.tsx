import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, Modal, Row, Select } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type CalendarYearView, type DeadlineRuleView, inputIssues } from '../../../../src/api';
import { api } from '../../lib/api-client';
import { formatTime, today } from '../../lib/dates';
import { type CalendarYear, checkCalendarYear, daysBetween, weekdayOf, yearOf } from '../../../../src/domain';
import { DateItem } from '../../components/DateField';

/**
 * The working-day calendar: which years' official schedules are loaded, import of a new year's notice from a file,
 * single-day adjustments, and how each statutory period counts (working or calendar days).
 */
export function CalendarSettings({ isAdmin }: { isAdmin: boolean }) {
  const { message } = App.useApp();
  const [years, setYears] = useState<CalendarYearView[]>([]);
  const [rules, setRules] = useState<DeadlineRuleView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dayForm] = Form.useForm();
  const load = useCallback(async () => {
    const y = await api('calendar.years', {});
    if (y.ok) setYears(y.value);
    const r = await api('deadlines.rules', {});
    if (r.ok) setRules(r.value);
  }, []);
  useEffect(() => void load(), [load]);

  const [preview, setPreview] = useState<{ file: string; data: CalendarYear; problems: string[]; before?: CalendarYearView } | null>(null);
  /** A chosen file is only read and shown: nothing is replaced until the administrator confirms what it says. */
  const importFile = async (file: File) => {
    let data: CalendarYear;
    try {
      data = JSON.parse(await file.text()) as CalendarYear;
    } catch {
      setError(`文件 ${file.name} 不是有效的放假安排文件（无法读取其内容），请见下方“文件格式说明”`);
      return;
    }
    const issues = inputIssues('calendar.importYear', data).map((i) => i.message);
    const problems = issues.length ? [...new Set(issues)] : checkCalendarYear(data);
    setError(null);
    setPreview({ file: file.name, data, problems, before: issues.length ? undefined : years.find((y) => y.year === data.year) });
  };
  const confirmImport = async () => {
    if (!preview) return;
    const r = await api('calendar.importYear', preview.data as never);
    if (!r.ok) return setPreview({ ...preview, problems: [r.error.message] });
    setPreview(null);
    message.success(`已导入 ${r.value.year} 年放假安排`);
    void load();
  };
  const setDay = async (v: { date: string; kind: 'rest' | 'work' | 'normal'; reason: string }) => {
    const r = await api('calendar.setDay', { date: v.date, kind: v.kind, reason: v.reason });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    dayForm.resetFields();
    message.success('已调整');
    void load();
  };
  const setKind = async (rule: string, kind: 'working' | 'calendar') => {
    const current = await api('settings.get', {});
    if (!current.ok) return setError(current.error.message);
    const r = await api('settings.update', { periodKinds: { ...current.value.periodKinds, [rule]: kind } as never });
    if (!r.ok) return setError(r.error.message);
    void load();
  };

  const thisYear = yearOf(today());
  const missing = [thisYear, thisYear + 1].filter((y) => !years.some((x) => x.year === y));
  return (
    <Card size="small" title="工作日历与期间计算" style={{ marginTop: 12 }} data-testid="calendar-settings">
      {error && <Alert type="error" title={error} showIcon closable={{ onClose: () => setError(null) }} style={{ marginBottom: 8 }} />}
      {missing.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`${missing.join('、')}年放假安排尚未导入：落在这些年份的期限按周末及固定日期法定节假日临时推算，并标为“暂定”。`} />
      )}
      <table className="desk-table">
        <thead><tr><th>年份</th><th>依据</th><th>发布日期</th><th>放假</th><th>调休上班</th><th>更新</th></tr></thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.year} style={{ cursor: 'default' }}>
              <td>{y.year}</td><td>{y.notice}<div className="muted" style={{ fontSize: 12 }}>{y.source}</div></td><td>{y.published}</td>
              <td style={{ fontSize: 12 }}>{y.rest.map(([a, b]) => (a === b ? a.slice(5) : `${a.slice(5)}～${b.slice(5)}`)).join('、')}</td>
              <td style={{ fontSize: 12 }}>{y.work.map((d) => d.slice(5)).join('、')}</td>
              <td className="muted" style={{ fontSize: 12 }}>{y.updatedAt < '2000' ? '随系统预置' : `${formatTime(y.updatedAt)} ${y.updatedBy}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {isAdmin && (
        <>
          <Flex gap={8} align="center" style={{ margin: '12px 0' }}>
            <span>导入年度放假安排（先预览，确认后才替换）：</span>
            <input type="file" accept=".json,application/json" aria-label="导入放假安排文件" onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }} />
          </Flex>
          <details style={{ marginBottom: 12 }} data-testid="calendar-format">
            <summary style={{ cursor: 'pointer' }}>文件格式说明</summary>
            <div style={{ fontSize: 13, padding: '6px 12px', background: '#fafafa' }}>
              <p style={{ margin: '4px 0' }}>每年一个文件（文本文件，扩展名 .json），按国务院办公厅当年的放假通知填写：</p>
              <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
                <li><code>year</code>：年份，如 2027</li>
                <li><code>notice</code>：通知名称及文号，如“国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕×号）”</li>
                <li><code>published</code>：通知发布日期，如 "2026-11-20"</li>
                <li><code>source</code>：从何处取得，如“中国政府网”</li>
                <li><code>rest</code>：放假区间，每段写 [开始日, 结束日]，如 [["2027-01-01", "2027-01-03"]]</li>
                <li><code>work</code>：调休上班的周末日期，如 ["2027-10-09"]</li>
              </ul>
              <p style={{ margin: '4px 0' }}>安装目录 resources/data/examples 中有一个示例文件，仅用于说明格式，不能作为正式安排导入。详见《使用说明》“放假安排文件”一节。</p>
            </div>
          </details>
          <Form form={dayForm} layout="vertical" onFinish={setDay}>
            <Row gutter={12}>
              <Col span={5}><DateItem name="date" label="调整日期" requiredMessage="请选择日期" fieldProps={{ style: { width: '100%' } }} /></Col>
              <Col span={5}><Form.Item name="kind" label="调整为" rules={[{ required: true, message: '请选择' }]}><Select options={[{ value: 'rest', label: '放假' }, { value: 'work', label: '上班' }, { value: 'normal', label: '按常规（周末休息）' }]} /></Form.Item></Col>
              <Col span={10}><Form.Item name="reason" label="原因（记入审计日志）" rules={[{ required: true, message: '请填写原因' }]}><Input /></Form.Item></Col>
              <Col span={4} style={{ paddingTop: 30 }}><Button htmlType="submit">调整</Button></Col>
            </Row>
          </Form>
        </>
      )}
      <h4 style={{ margin: '8px 0' }}>期间计日方式（《办案规则》第七十九条；可按本委做法调整）</h4>
      <table className="desk-table">
        <thead><tr><th>期间</th><th>天数</th><th>计日方式</th><th>依据</th></tr></thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.name} style={{ cursor: 'default' }}>
              <td>{r.label}<div className="muted" style={{ fontSize: 12 }}>{r.trigger}{r.direction === 'before' ? '之前' : '后'}</div></td>
              <td>{r.days}</td>
              <td>
                <Select size="small" disabled={!isAdmin} value={r.kind} onChange={(k) => void setKind(r.name, k)} style={{ width: 110 }}
                  options={[{ value: 'working', label: '工作日' }, { value: 'calendar', label: '自然日' }]} aria-label={`${r.label}计日方式`} />
                {r.kindOverridden && <span className="muted" style={{ fontSize: 12 }}> 已调整</span>}
              </td>
              <td style={{ fontSize: 12 }}>{r.basis}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Modal
        open={!!preview}
        title={preview ? `导入放假安排：请核对 ${preview.file}` : ''}
        okText="确认导入"
        cancelText="取消"
        okButtonProps={{ disabled: !preview || preview.problems.length > 0 }}
        onOk={() => void confirmImport()}
        onCancel={() => setPreview(null)}
        width={720}
        destroyOnHidden
      >
        {preview && <CalendarPreview {...preview} />}
      </Modal>
    </Card>
  );
}

const WEEKDAYS = '日一二三四五六';
const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日（周${WEEKDAYS[weekdayOf(d)]}）`;

/** What the chosen file says, before it replaces anything: the problems, or every rest period and make-up working day. */
function CalendarPreview({ data, problems, before }: { data: CalendarYear; problems: string[]; before?: CalendarYearView }) {
  if (problems.length) {
    return <Alert type="error" showIcon data-testid="calendar-preview-problems" title="不能导入这个文件" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>} />;
  }
  return (
    <div data-testid="calendar-preview">
      {before && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`将替换现有的 ${before.year} 年放假安排（${before.notice}）`} />}
      <Descriptions size="small" column={1} bordered items={[
        { key: 'y', label: '年份', children: data.year },
        { key: 'n', label: '通知', children: data.notice },
        { key: 'p', label: '发布日期', children: data.published },
        { key: 's', label: '来源', children: data.source },
      ]} />
      <table className="desk-table" style={{ marginTop: 8 }}>
        <thead><tr><th>放假</th><th>天数</th></tr></thead>
        <tbody>
          {data.rest.map(([a, b]) => <tr key={a} style={{ cursor: 'default' }}><td>{a === b ? md(a) : `${md(a)} 至 ${md(b)}`}</td><td>{daysBetween(a, b) + 1} 天</td></tr>)}
        </tbody>
      </table>
      <div style={{ marginTop: 8 }}>调休上班：{data.work.length ? data.work.map(md).join('、') : '无'}</div>
    </div>
  );
}

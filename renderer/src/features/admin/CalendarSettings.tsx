import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Select } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CalendarYearView, DeadlineRuleView } from '../../../../src/api';
import { api } from '../../lib/api-client';
import { formatTime } from '../../lib/dates';
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

  const importFile = async (file: File) => {
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      setError(`文件 ${file.name} 不是有效的 JSON`);
      return;
    }
    const r = await api('calendar.importYear', data as never);
    if (!r.ok) return setError(`未导入：${r.error.message}`);
    setError(null);
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

  const thisYear = new Date().getFullYear();
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
              <td className="muted" style={{ fontSize: 12 }}>{formatTime(y.updatedAt)} {y.updatedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {isAdmin && (
        <>
          <Flex gap={8} align="center" style={{ margin: '12px 0' }}>
            <span>导入年度放假安排（JSON 文件，格式见 README）：</span>
            <input type="file" accept=".json,application/json" aria-label="导入放假安排文件" onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }} />
          </Flex>
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
      <h4 style={{ margin: '8px 0' }}>期间计日方式（《办案规则》第七十九条原文尚未核实，可按本委做法调整）</h4>
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
    </Card>
  );
}

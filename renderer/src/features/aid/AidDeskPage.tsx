import { Alert, Button, Card, Flex, Form, Input, Select, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ConsultationView, DutyView, MediationStats } from '../../../../src/api';
import { CONSULTATION_OUTCOMES, GROUP_FLAG_LABELS, WINDOWS, WINDOW_CODES, type WindowCode, deny, formatFen, isCalendarDate, shanghaiDateTime } from '../../../../src/domain';
import { api } from '../../lib/api-client';
import { go } from '../../lib/router';
import { useSession } from '../../lib/session';
import { today } from '../../lib/dates';
import { DateField } from '../../components/DateField';
import { ExportButton } from '../lists/ExportButton';
import { ImportedTag } from '../lists/ImportedTag';

/** 法律援助工作站: today's duty pair (1+1坐堂), a queue per window with waiting times, and the roster. */
export function AidDeskPage() {
  const { user } = useSession();
  const [day, setDay] = useState(today());
  const [dayText, setDayText] = useState<string | undefined>(day);
  const [windowCode, setWindow] = useState<WindowCode>('migrant');
  const [duty, setDuty] = useState<DutyView | null | undefined>(undefined);
  const [queue, setQueue] = useState<ConsultationView[]>([]);
  const [all, setAll] = useState<ConsultationView[]>([]);
  const [people, setPeople] = useState<{ id: string; displayName: string; role: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [stats, setStats] = useState<MediationStats | null>(null);
  const [form] = Form.useForm();
  const canManage = deny(user.role, 'aid.manage', { acceptanceReservedToArbitrators: false }) === null;
  const canSetDuty = deny(user.role, 'duty.manage', { acceptanceReservedToArbitrators: false }) === null;
  const date = day;
  const load = useCallback(async () => {
    const [d, q, a] = await Promise.all([api('duty.get', { date }), api('consultations.list', { date, window: windowCode }), api('consultations.list', { date })]);
    if (d.ok) setDuty(d.value);
    if (q.ok) setQueue(q.value);
    else setError(q.error.message);
    if (a.ok) setAll(a.value);
  }, [date, windowCode]);
  useEffect(() => void load(), [load]);
  useEffect(() => void api('duty.candidates', {}).then((r) => r.ok && setPeople(r.value)), []);
  useEffect(() => {
    void api('mediation.stats', { from: `${day.slice(0, 7)}-01`, to: `${day.slice(0, 7)}-31` }).then((r) => r.ok && setStats(r.value));
  }, [day]);
  const saveDuty = async (v: { lawyerId: string; staffId: string; lawFirm: string }) => {
    const r = await api('duty.set', { date, ...v });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setDuty(r.value);
  };
  const workers = all.reduce((s, c) => s + c.workerCount, 0);
  const claimed = all.reduce((s, c) => s + c.claimedFen, 0);

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>法律援助工作站</h1>
        <Flex gap={8} align="center">
          <DateField value={dayText} onChange={(d) => { setDayText(d); if (d && isCalendarDate(d)) setDay(d); }} showError aria-label="日期" />
          <ExportButton op="consultations.export" input={{ from: date, to: date, window: windowCode }} disabled={queue.length === 0} testId="consultations-export" />
          {canManage && <Button type="primary" onClick={() => go(`aid/new/${windowCode}`)}>登记咨询</Button>}
        </Flex>
      </Flex>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ marginBottom: 12 }} data-testid="duty">
        {duty === undefined ? null : duty ? (
          <span>值班（1+1坐堂）：律师 <strong>{duty.lawyerName}</strong>（{duty.lawFirm}），工作人员 <strong>{duty.staffName}</strong></span>
        ) : <span className="muted">{date} 尚未排班</span>}
        {canSetDuty && (
          <Form form={form} layout="inline" style={{ marginTop: 8 }} onFinish={(v) => void saveDuty(v)} initialValues={{ lawFirm: duty?.lawFirm }}>
            <Form.Item name="lawyerId" rules={[{ required: true, message: '请选择值班律师' }]}><Select style={{ width: 160 }} placeholder="值班律师" aria-label="值班律师" options={people.filter((p) => p.role === 'lawyer').map((p) => ({ value: p.id, label: p.displayName }))} /></Form.Item>
            <Form.Item name="staffId" rules={[{ required: true, message: '请选择值班工作人员' }]}><Select style={{ width: 160 }} placeholder="值班工作人员" aria-label="值班工作人员" options={people.filter((p) => p.role !== 'lawyer').map((p) => ({ value: p.id, label: p.displayName }))} /></Form.Item>
            <Form.Item name="lawFirm" rules={[{ required: true, message: '请填写律师事务所' }]}><Input placeholder="签约律师事务所" aria-label="律师事务所" /></Form.Item>
            <Button htmlType="submit">保存排班</Button>
          </Form>
        )}
      </Card>
      <div className="muted" style={{ marginBottom: 8 }} data-testid="desk-figures">当日咨询 {all.length} 件，涉及劳动者 {workers} 人，请求金额合计 {formatFen(claimed)}</div>
      {stats && (
        <div className="muted" style={{ marginBottom: 8, fontSize: 13 }} data-testid="mediation-stats">
          {`${day.slice(0, 4)}年${Number(day.slice(5, 7))}月`}调解：{stats.rows.map((r) => `${r.label} ${r.scheduled} 件，成功 ${r.succeeded} 件，涉及劳动者 ${r.workers} 人，协议金额 ${formatFen(r.agreedFen)}`).join('；')}
        </div>
      )}
      <Tabs activeKey={windowCode} onChange={(k) => setWindow(k as WindowCode)} items={WINDOW_CODES.map((w) => ({ key: w, label: WINDOWS[w].label }))} />
      <table className="desk-table" data-testid="queue">
        <thead><tr><th>到达</th><th>姓名</th><th>用人单位</th><th>帮扶群体</th><th>等候（分钟）</th><th>处理</th><th>值班</th></tr></thead>
        <tbody>
          {queue.length === 0 && <tr><td colSpan={7} className="muted">暂无</td></tr>}
          {queue.map((c) => (
            <tr key={c.id} onClick={() => go(`aid/consultations/${c.id}`)}>
              <td>{shanghaiDateTime(c.arrivedAt).slice(11)}</td>
              <td>{c.personName}{c.priority && <Tag color="red" style={{ marginLeft: 6 }}>优先</Tag>}{c.imported && <ImportedTag />}</td>
              <td>{c.employerName ?? ''}</td>
              <td>{c.groupFlags.map((g) => <Tag key={g} color="blue">{GROUP_FLAG_LABELS[g]}</Tag>)}{c.collective && <Tag color="red">集体 {c.workerCount} 人</Tag>}</td>
              <td>{c.waitingMinutes}</td>
              <td>{CONSULTATION_OUTCOMES[c.outcome]}</td>
              <td className="muted">{c.lawyerName ?? ''}{c.staffName ? ` / ${c.staffName}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

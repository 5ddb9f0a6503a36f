import { Alert, Button, Card, Flex, Form, Input, InputNumber, Modal, Popover, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CaseClock, CaseDeadline } from '../../../../src/api';
import { deny } from '../../../../src/domain';
import { api } from '../../lib/api-client';
import { useSession } from '../../lib/session';
import { DateItem } from '../../components/DateField';
import { today } from '../../lib/dates';

const STATE_TAGS: Record<CaseDeadline['state'], { color: string; text: string }> = {
  open: { color: 'blue', text: '进行中' },
  done: { color: 'green', text: '已完成' },
  late: { color: 'orange', text: '已完成（逾期）' },
  overdue: { color: 'red', text: '已逾期' },
  paused: { color: 'purple', text: '中止中' },
  ended: { color: 'default', text: '期间已届满' },
};

type Dialog = 'suspend' | 'resume' | 'extend' | null;

/** Deadlines of a case with the reasons for each date; suspension, resumption and extension of the award period. */
/** `version` changes whenever the case records something new (its timeline length), so the deadlines are read again. */
export function CaseClockPanel({ caseId, version, accepted, onChange }: { caseId: string; version: number; accepted: boolean; onChange: () => void }) {
  const { user } = useSession();
  const [clock, setClock] = useState<CaseClock | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const load = useCallback(async () => {
    const r = await api('cases.clock', { id: caseId });
    if (r.ok) setClock(r.value);
    else setError(r.error.message);
  }, [caseId]);
  useEffect(() => void load(), [load, version]);
  if (!clock) return error ? <Alert type="error" title={error} showIcon /> : null;

  const canManage = accepted && deny(user.role, 'case.manage', { acceptanceReservedToArbitrators: false }) === null;
  const open = clock.suspensions.find((s) => !s.resumeDate);
  const submit = async (v: Record<string, unknown>) => {
    const date = (d: unknown) => d as string;
    const r =
      dialog === 'suspend' ? await api('cases.suspend', { id: caseId, startDate: date(v.startDate), reason: String(v.reason ?? '') })
      : dialog === 'resume' ? await api('cases.resume', { id: caseId, resumeDate: date(v.resumeDate) })
      : await api('cases.extend', { id: caseId, days: Number(v.days), approvedBy: String(v.approvedBy ?? ''), approvalDate: date(v.approvalDate), reason: String(v.reason ?? '') });
    if (!r.ok) {
      const fields = (r.error.issues ?? []).filter((i) => i.path && i.path !== 'id').map((i) => ({ name: i.path, errors: [i.message] }));
      if (fields.length) form.setFields(fields);
      else setError(r.error.message);
      return;
    }
    setClock(r.value);
    setDialog(null);
    onChange();
  };
  const openDialog = (d: Dialog) => {
    form.resetFields();
    form.setFieldsValue({ startDate: today(), resumeDate: today(), approvalDate: today(), days: 15 });
    setDialog(d);
  };

  return (
    <Card
      size="small"
      title="期限"
      style={{ marginBottom: 12 }}
      data-testid="case-clock"
      extra={canManage && (
        <Flex gap={8}>
          {open ? <Button size="small" onClick={() => openDialog('resume')}>恢复审理</Button> : <Button size="small" onClick={() => openDialog('suspend')}>中止审理</Button>}
          <Button size="small" onClick={() => openDialog('extend')}>延长审理期限</Button>
        </Flex>
      )}
    >
      {error && <Alert type="error" title={error} showIcon closable={{ onClose: () => setError(null) }} style={{ marginBottom: 8 }} />}
      {clock.notes.map((n) => <Alert key={n} type="info" showIcon title={n} style={{ marginBottom: 8 }} data-testid="clock-note" />)}
      <table className="desk-table" data-testid="deadline-table">
        <thead><tr><th>事项</th><th>起算</th><th>届满日</th><th>状态</th><th>应办事项</th></tr></thead>
        <tbody>
          {clock.deadlines.map((d) => (
            <tr key={d.rule ?? d.label} style={{ cursor: 'default' }} data-testid={`deadline-${d.rule}`}>
              <td>{d.label}<div className="muted" style={{ fontSize: 12 }}>{d.article}</div></td>
              <td>{d.direction === 'before' ? `${d.from} 前` : d.from}<div className="muted" style={{ fontSize: 12 }}>{d.days}{d.kind === 'working' ? '个工作日' : '日'}{d.extensionDays ? ` + 延长${d.extensionDays}日` : ''}</div></td>
              <td>
                <Popover title="为什么是这一天" content={<ol style={{ margin: 0, paddingLeft: 18, maxWidth: 520 }}>{d.basis.map((b) => <li key={b}>{b}</li>)}</ol>}>
                  <strong style={{ borderBottom: '1px dashed #999', cursor: 'help' }} data-testid="due-date">{d.dueDate}</strong>
                </Popover>
                {d.provisional && <Tag color="gold" style={{ marginLeft: 6 }}>暂定</Tag>}
              </td>
              <td><Tag color={STATE_TAGS[d.state].color}>{STATE_TAGS[d.state].text}</Tag>{d.doneDate && <div className="muted" style={{ fontSize: 12 }}>{d.doneDate}</div>}</td>
              <td>{d.todo}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(clock.suspensions.length > 0 || clock.extensions.length > 0) && (
        <ul style={{ margin: '8px 0 0', paddingLeft: 18 }} data-testid="clock-history">
          {clock.suspensions.map((s) => <li key={s.id}>中止 {s.startDate}{s.resumeDate ? ` 至 ${s.resumeDate} 恢复（${s.days} 日不计入）` : ' 起（尚未恢复）'}：{s.reason}</li>)}
          {clock.extensions.map((e) => <li key={e.id}>{e.approvalDate} 经{e.approvedBy}批准延长 {e.days} 日：{e.reason}</li>)}
        </ul>
      )}
      <Modal
        title={dialog === 'suspend' ? '中止审理（《办案规则》第四十七条）' : dialog === 'resume' ? '恢复审理' : '延长审理期限（《劳动争议调解仲裁法》第四十三条）'}
        open={dialog !== null}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText="确定"
        cancelText="取消"
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          {dialog === 'suspend' && (
            <>
              <DateItem name="startDate" label="中止日期" requiredMessage="请填写中止日期" />
              <Form.Item name="reason" label="中止原因" rules={[{ required: true, message: '请填写中止原因' }]}><Input.TextArea rows={2} placeholder="例如：等待工伤认定结论" /></Form.Item>
            </>
          )}
          {dialog === 'resume' && (
            <DateItem name="resumeDate" label="恢复审理日期" extra={open && `自 ${open.startDate} 起至恢复日前一日的天数不计入审理期限`} requiredMessage="请填写恢复审理日期" />
          )}
          {dialog === 'extend' && (
            <>
              <Form.Item name="days" label="延长天数（合计不超过15日）" rules={[{ required: true, message: '请填写延长天数' }]}><InputNumber min={1} max={15} /></Form.Item>
              <Form.Item name="approvedBy" label="批准人（仲裁委员会主任或其委托的仲裁院负责人）" rules={[{ required: true, message: '请填写批准人' }]}><Input /></Form.Item>
              <DateItem name="approvalDate" label="批准日期" requiredMessage="请填写批准日期" />
              <Form.Item name="reason" label="延期原因" rules={[{ required: true, message: '请填写延期原因' }]}><Input.TextArea rows={2} /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}

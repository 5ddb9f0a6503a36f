import { Alert, Button, Card, Flex, Form, Input, Modal, Radio, Select, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, DeadlineResult, Hearing, Proceedings, Result } from '../../../../src/api';
import {
  HEARING_OUTCOMES, HEARING_OUTCOME_CODES, deny, isCalendarDate,
} from '../../../../src/domain';
import { api } from '../../lib/api-client';
import { useSession } from '../../lib/session';
import { DateItem } from '../../components/DateField';
import { today, ymd } from '../../lib/dates';

const HEARING_STATUS = { scheduled: '待开庭', held: '已开庭', moved: '已改期', cancelled: '已取消' } as const;

type Dialog = { kind: 'compose' } | { kind: 'schedule' } | { kind: 'move'; hearing: Hearing } | { kind: 'recuse' } | null;

/** Tribunal and hearings for an accepted case (documents and service: DocumentsPanel). */
export function ProceedingsPanel({ caseId, venueId, accepted, onChange }: { caseId: string; venueId: string; accepted: boolean; onChange: () => void }) {
  const { user } = useSession();
  const [p, setP] = useState<Proceedings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const mode = Form.useWatch('mode', form) as 'sole' | 'panel' | undefined;
  const hearingDate = Form.useWatch('date', form) as string | undefined;
  // The notice of a hearing is due 5 days before it (LDMAL Art 35): closer than that, the dialog warns and asks for a reason.
  const [notice, setNotice] = useState<DeadlineResult | null>(null);
  const scheduling = dialog?.kind === 'schedule' || dialog?.kind === 'move';
  useEffect(() => {
    setNotice(null);
    if (!scheduling || !hearingDate || !isCalendarDate(hearingDate) || hearingDate < today()) return;
    void api('deadlines.compute', { rule: 'hearing-notice', from: hearingDate }).then((r) => r.ok && setNotice(r.value));
  }, [scheduling, hearingDate]);
  const shortNotice = notice !== null && notice.dueDate < today();
  const load = useCallback(async () => {
    const r = await api('cases.proceedings', { id: caseId });
    if (r.ok) setP(r.value);
    else setError(r.error.message);
  }, [caseId]);
  useEffect(() => void load(), [load]);
  if (!p || !accepted) return null;
  const canManage = deny(user.role, 'case.manage', { acceptanceReservedToArbitrators: false }) === null;
  const rosterLabel = (s: Proceedings['staff'][number]) => `${s.employment === 'part_time' ? '兼职' : '专职'}${s.venueName ? `·${s.venueName}` : ''}`;
  const arbitrators = p.staff.filter((s) => s.role === 'arbitrator').map((s) => ({ value: s.id, label: s.displayName, title: rosterLabel(s) }));
  const clerks = p.staff.filter((s) => s.role === 'clerk').map((s) => ({ value: s.id, label: s.displayName, title: rosterLabel(s) }));
  const withRoster = (o: { label: string; title: string }) => <span><span>{o.label}</span> <span className="muted">（{o.title}）</span></span>;
  const rooms = p.rooms.map((r) => ({ value: r.id, label: `${r.venueName} ${r.name}` }));

  const open = (d: Dialog, values: Record<string, unknown> = {}) => {
    form.resetFields();
    form.setFieldsValue(values);
    setError(null);
    setDialog(d);
  };
  const done = (r: Result<unknown>, fieldMap: Record<string, string> = {}) => {
    if (!r.ok) {
      showError(r.error, fieldMap);
      return false;
    }
    setDialog(null);
    void load();
    onChange();
    return true;
  };
  const showError = (e: ApiError, fieldMap: Record<string, string>) => {
    const fields = (e.issues ?? []).filter((i) => i.path && fieldMap[i.path] !== undefined).map((i) => ({ name: fieldMap[i.path]!, errors: [i.message] }));
    if (fields.length && dialog) form.setFields(fields);
    else setError(e.message);
  };
  const submit = async (v: Record<string, any>) => {
    if (!dialog) return;
    if (dialog.kind === 'compose') {
      done(await api('cases.compose', { id: caseId, mode: v.mode, presidingId: v.presidingId, memberIds: v.mode === 'panel' ? v.memberIds ?? [] : [], clerkId: v.clerkId, composedDate: ymd(v.composedDate), reason: v.reason || undefined }),
        { mode: 'mode', presidingId: 'presidingId', memberIds: 'memberIds', clerkId: 'clerkId', composedDate: 'composedDate' });
    } else if (dialog.kind === 'recuse') {
      done(await api('cases.recuse', { id: caseId, userId: v.userId, decidedDate: ymd(v.decidedDate), reason: v.reason ?? '' }), { userId: 'userId', decidedDate: 'decidedDate', reason: 'reason' });
    } else if (dialog.kind === 'schedule') {
      done(await api('hearings.schedule', { caseId, date: ymd(v.date), startTime: v.startTime, endTime: v.endTime, roomId: v.roomId, shortNoticeReason: v.shortNoticeReason || undefined }), { date: 'date', startTime: 'startTime', endTime: 'endTime', roomId: 'roomId', shortNoticeReason: 'shortNoticeReason' });
    } else if (dialog.kind === 'move') {
      done(await api('hearings.move', { hearingId: dialog.hearing.id, date: ymd(v.date), startTime: v.startTime, endTime: v.endTime, roomId: v.roomId, reason: v.reason ?? '', shortNoticeReason: v.shortNoticeReason || undefined }), { date: 'date', startTime: 'startTime', endTime: 'endTime', roomId: 'roomId', reason: 'reason', shortNoticeReason: 'shortNoticeReason' });
    }
  };
  const rollCall = async (h: Hearing, outcome: string) => {
    const r = await api('hearings.rollCall', { hearingId: h.id, outcome: outcome as never });
    if (!r.ok) return setError(r.error.message);
    void load();
    onChange();
  };
  const t = p.tribunal;
  const titles = {
    compose: '组成仲裁庭（《劳动争议调解仲裁法》第三十一条、第三十二条）', recuse: '回避（《劳动争议调解仲裁法》第三十三条）', schedule: '安排开庭',
    move: '开庭改期（已签发的开庭通知书将重新签发）',
  } as const;

  return (
    <Card size="small" title="仲裁庭与开庭" style={{ marginBottom: 12 }} data-testid="proceedings">
      {error && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} style={{ marginBottom: 8 }} data-testid="proceedings-error" />}
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <div data-testid="tribunal">
          <strong>仲裁庭：</strong>
          {t ? `${t.mode === 'sole' ? `独任仲裁员 ${t.presiding.displayName}` : `首席仲裁员 ${t.presiding.displayName}，仲裁员 ${t.members.map((m) => m.displayName).join('、')}`}；书记员 ${t.clerk.displayName}（${t.composedDate} 组庭）` : <span className="muted">尚未组庭</span>}
          {p.recusals.map((r) => <Tag key={r.id} color="orange" style={{ marginLeft: 6 }}>{r.user.displayName} 已回避</Tag>)}
        </div>
        {canManage && (
          <Flex gap={8}>
            <Button size="small" onClick={() => open({ kind: 'compose' }, { mode: t?.mode ?? 'sole', presidingId: t?.presiding.id, memberIds: t?.members.map((m) => m.id), clerkId: t?.clerk.id, composedDate: today() })}>{t ? '重新组庭' : '组庭'}</Button>
            <Button size="small" onClick={() => open({ kind: 'recuse' }, { decidedDate: today() })}>回避</Button>
          </Flex>
        )}
      </Flex>

      <Flex justify="space-between" align="center"><strong>开庭</strong>{canManage && <Button size="small" disabled={!t} onClick={() => open({ kind: 'schedule' }, { startTime: '09:00', endTime: '11:00', roomId: (p.rooms.find((r) => r.venueId === venueId) ?? p.rooms[0])?.id })}>安排开庭</Button>}</Flex>
      <table className="desk-table" style={{ margin: '6px 0 12px' }} data-testid="hearings">
        <thead><tr><th>日期</th><th>时间</th><th>地点</th><th>状态</th><th>操作</th></tr></thead>
        <tbody>
          {p.hearings.length === 0 && <tr><td colSpan={5} className="muted">尚未安排</td></tr>}
          {p.hearings.map((h) => (
            <tr key={h.id} style={{ cursor: 'default' }}>
              <td>{h.date}</td><td>{h.startTime}–{h.endTime}</td><td>{h.venueName} {h.roomName}</td>
              <td>{HEARING_STATUS[h.status]}{h.outcome && `：${HEARING_OUTCOMES[h.outcome]}`}</td>
              <td>
                {canManage && h.status === 'scheduled' && (
                  <Flex gap={6}>
                    <Select size="small" placeholder="点名结果" style={{ width: 120 }} aria-label="点名结果" options={HEARING_OUTCOME_CODES.map((o) => ({ value: o, label: HEARING_OUTCOMES[o] }))} onChange={(o) => void rollCall(h, o)} />
                    <Button size="small" onClick={() => open({ kind: 'move', hearing: h }, { date: h.date, startTime: h.startTime, endTime: h.endTime, roomId: h.roomId })}>改期</Button>
                  </Flex>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <Modal title={dialog ? titles[dialog.kind] : ''} open={dialog !== null} onCancel={() => setDialog(null)} onOk={() => form.submit()} okText="确定" cancelText="取消" forceRender>
        <Form form={form} layout="vertical" onFinish={submit}>
          {dialog?.kind === 'compose' && (
            <>
              <Form.Item name="mode" label="组庭方式"><Radio.Group options={[{ value: 'sole', label: '独任仲裁（简单案件）' }, { value: 'panel', label: '三名仲裁员（设首席仲裁员）' }]} /></Form.Item>
              <Form.Item name="presidingId" label={mode === 'panel' ? '首席仲裁员' : '独任仲裁员'} rules={[{ required: true, message: '请选择仲裁员' }]}><Select options={arbitrators} optionRender={(o) => withRoster(o.data)} /></Form.Item>
              {mode === 'panel' && <Form.Item name="memberIds" label="其他两名仲裁员" rules={[{ required: true, message: '请选择两名仲裁员' }]}><Select mode="multiple" maxCount={2} options={arbitrators} optionRender={(o) => withRoster(o.data)} /></Form.Item>}
              <Form.Item name="clerkId" label="书记员" rules={[{ required: true, message: '请选择书记员' }]}><Select options={clerks} optionRender={(o) => withRoster(o.data)} /></Form.Item>
              <DateItem name="composedDate" label="组庭日期" requiredMessage="请填写组庭日期" />
              <Form.Item name="reason" label="说明（重新组庭时填写原因）"><Input /></Form.Item>
            </>
          )}
          {dialog?.kind === 'recuse' && (
            <>
              <Form.Item name="userId" label="回避人员" rules={[{ required: true, message: '请选择回避人员' }]}><Select options={[...arbitrators, ...clerks]} /></Form.Item>
              <DateItem name="decidedDate" label="决定日期" requiredMessage="请填写决定日期" />
              <Form.Item name="reason" label="回避事由" rules={[{ required: true, message: '请填写回避事由' }]}><Input.TextArea rows={2} /></Form.Item>
            </>
          )}
          {(dialog?.kind === 'schedule' || dialog?.kind === 'move') && (
            <>
              <DateItem name="date" label="开庭日期" requiredMessage="请填写开庭日期" />
              <Flex gap={12}>
                <Form.Item name="startTime" label="开始时间" rules={[{ required: true, message: '请填写开始时间' }]}><Input placeholder="09:00" style={{ width: 100 }} /></Form.Item>
                <Form.Item name="endTime" label="结束时间" rules={[{ required: true, message: '请填写结束时间' }]}><Input placeholder="11:00" style={{ width: 100 }} /></Form.Item>
              </Flex>
              <Form.Item name="roomId" label="庭室" rules={[{ required: true, message: '请选择庭室' }]}><Select options={rooms} /></Form.Item>
              {dialog.kind === 'move' && <Form.Item name="reason" label="改期原因" rules={[{ required: true, message: '请填写改期原因' }]}><Input /></Form.Item>}
              {shortNotice && notice && (
                <>
                  <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="short-notice"
                    title={`开庭通知最迟应于 ${notice.dueDate} 送达，已来不及`}
                    description={`${notice.article}：仲裁庭应当在开庭${notice.days}日前将开庭日期、地点书面通知双方当事人（${notice.kind === 'working' ? '按工作日计算' : '按自然日计算'}）。确需在此日开庭的，请写明理由。`} />
                  <Form.Item name="shortNoticeReason" label="提前通知不足的理由" rules={[{ required: true, message: '请写明理由，如“双方当事人同意”' }]}><Input placeholder="如：双方当事人同意" /></Form.Item>
                </>
              )}
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}

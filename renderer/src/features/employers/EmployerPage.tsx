import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Timeline } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, EmployerSummary, EmployerView, StaffMember } from '../../../../src/api';
import { api } from '../../lib/api-client';
import { ymd } from '../../lib/dates';
import { base64ToBytes, saveFile } from '../../lib/pdf';
import { go } from '../../lib/router';
import { useSession } from '../../lib/session';
import { DateItem } from '../../components/DateField';
import { EmployerTags } from './EmployerFlag';

type Dialog =
  | { kind: 'edit' } | { kind: 'alias' } | { kind: 'override' } | { kind: 'inspection' } | { kind: 'confirm'; findingId: string }
  | { kind: 'assign'; id: string } | { kind: 'note'; id: string } | { kind: 'close'; id: string }
  | { kind: 'notice' } | { kind: 'decide'; id: string } | { kind: 'publish'; id: string } | { kind: 'remove'; id: string } | { kind: 'merge' };

const TITLES: Record<Dialog['kind'], string> = {
  edit: '修改单位信息', alias: '添加简称', override: '调整分级', inspection: '登记巡查', confirm: '确认整改', assign: '交办预警', note: '跟进记录', close: '办结预警',
  notice: '拟列入失信名单告知', decide: '作出决定', publish: '公布', remove: '移出名单', merge: '并入另一单位（合并重复记录）',
};

/** One employer: particulars, grade with its reasons, everything against it in time order, inspections, warnings, the list. */
export function EmployerPage({ id }: { id: string }) {
  const { message } = App.useApp();
  const { user } = useSession();
  const [e, setE] = useState<EmployerView | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [towns, setTowns] = useState<string[]>([]);
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [others, setOthers] = useState<EmployerSummary[]>([]);
  const [form] = Form.useForm();
  const load = useCallback(() => {
    void api('employers.get', { id }).then((r) => (r.ok ? (setE(r.value), r.value.id !== id && go(`employers/${r.value.id}`)) : setErr(r.error.message)));
  }, [id]);
  useEffect(load, [load]);
  useEffect(() => { void api('employers.towns', {}).then((r) => r.ok && setTowns(r.value)); }, []);
  const manage = user.role === 'arbitrator' || user.role === 'clerk';
  const supervise = user.role === 'arbitrator';
  if (err) return <Alert type="error" showIcon title={err} />;
  if (!e) return null;

  const open = (d: Dialog) => {
    setDialogError(null);
    form.resetFields();
    if (d.kind === 'edit') form.setFieldsValue({ name: e.name, creditCode: e.creditCode ?? '', sector: e.sector ?? undefined, industry: e.industry ?? '', town: e.town ?? undefined, size: e.size ?? '', contactName: e.contactName ?? '', contactPhone: e.contactPhone ?? '', address: e.address ?? '' });
    if (d.kind === 'inspection') form.setFieldsValue({ findings: [] });
    if (d.kind === 'assign') void api('staff.list', {}).then((r) => r.ok && setStaff(r.value));
    setDialog(d);
  };
  const submit = async () => {
    const v = await form.validateFields();
    let r: { ok: true } | { ok: false; error: ApiError };
    const d = dialog!;
    switch (d.kind) {
      case 'edit': r = await api('employers.update', { id: e.id, ...v, sector: v.sector ?? null }); break;
      case 'alias': r = await api('employers.addAlias', { id: e.id, alias: v.alias }); break;
      case 'override': r = await api('grades.override', { employerId: e.id, grade: v.grade, reason: v.reason }); break;
      case 'inspection': r = await api('inspections.create', {
        employerId: e.id, visitDate: ymd(v.visitDate), inspectors: v.inspectors, summary: v.summary,
        findings: (v.findings ?? []).map((f: { description: string; orderDate?: string; deadline?: string }) => ({ description: f.description, orderDate: ymd(f.orderDate) || undefined, deadline: ymd(f.deadline) || undefined })),
      }); break;
      case 'confirm': r = await api('inspections.confirm', { findingId: d.findingId, rectifiedDate: ymd(v.date), note: v.note }); break;
      case 'assign': r = await api('warnings.assign', { id: d.id, assigneeId: v.assigneeId, note: v.note || undefined }); break;
      case 'note': r = await api('warnings.note', { id: d.id, note: v.note }); break;
      case 'close': r = await api('warnings.close', { id: d.id, outcome: v.note, closedDate: ymd(v.date) }); break;
      case 'notice': r = await api('blacklist.notice', { employerId: e.id, grounds: v.grounds, arrearsFen: v.arrears ? Math.round(v.arrears * 100) : null, workers: v.workers ?? null, responsiblePersons: v.persons || undefined, noticeDate: ymd(v.date) }); break;
      case 'decide': r = await api('blacklist.decide', { id: d.id, decisionDate: ymd(v.date), list: v.list === 'yes', note: v.note }); break;
      case 'publish': r = await api('blacklist.publish', { id: d.id, publicationDate: ymd(v.date) }); break;
      case 'remove': r = await api('blacklist.remove', { id: d.id, removalDate: ymd(v.date), reason: v.reason, paidDate: ymd(v.paidDate) || undefined, note: v.note }); break;
      case 'merge': r = await api('employers.merge', { fromId: e.id, intoId: v.intoId, reason: v.reason }); break;
    }
    if (!r.ok) return setDialogError(r.error.message);
    setDialog(null);
    message.success('已保存');
    if (d.kind === 'merge') go(`employers/${v.intoId}`);
    else load();
  };
  const paper = async (entryId: string, step: 'notice' | 'decision' | 'removal') => {
    const r = await api('blacklist.document', { id: entryId, step, format: 'pdf' });
    if (r.ok) saveFile(base64ToBytes(r.value.base64), r.value.fileName, r.value.mimeType);
    else message.error(r.error.message);
  };

  return (
    <div style={{ maxWidth: 1200 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }} data-testid="employer-title">{e.name} <EmployerTags e={e} /></h1>
        <Space>
          {manage && <Button onClick={() => open({ kind: 'edit' })}>修改</Button>}
          {manage && <Button onClick={() => open({ kind: 'alias' })}>添加简称</Button>}
          {manage && <Button onClick={() => open({ kind: 'inspection' })}>登记巡查</Button>}
          {supervise && <Button onClick={() => open({ kind: 'override' })}>调整分级</Button>}
          {supervise && !e.blacklist.some((b) => b.status === 'noticed' || b.status === 'listed') && <Button danger onClick={() => open({ kind: 'notice' })}>拟列入失信名单</Button>}
          {user.role === 'admin' && <Button onClick={() => { void api('employers.list', { pageSize: 200 }).then((r) => r.ok && setOthers(r.value.rows.filter((x) => x.id !== e.id))); open({ kind: 'merge' }); }}>合并重复记录</Button>}
        </Space>
      </Flex>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={3} items={[
          { key: 'c', label: '统一社会信用代码', children: e.creditCode ?? '无' },
          { key: 's', label: '领域', children: `${e.sectorLabel}${e.industry ? `／${e.industry}` : ''}` },
          { key: 't', label: '镇（街道）', children: e.town ?? '' },
          { key: 'z', label: '规模', children: e.size ?? '' },
          { key: 'p', label: '联系人', children: `${e.contactName ?? ''} ${e.contactPhone ?? ''}` },
          { key: 'a', label: '简称', children: e.aliases.join('、') },
          { key: 'v', label: '上次巡查', children: e.lastVisit ?? '未巡查' },
          { key: 'n', label: '应巡查日期', children: e.nextVisitDue ?? '' },
          { key: 'm', label: '合并记录', children: e.mergedFrom.map((m) => `${m.name}（${m.date}并入：${m.reason}）`).join('；') },
        ]} />
      </Card>
      <Card size="small" title={<>分级：{e.gradeLabel}</>} style={{ marginBottom: 12 }}>
        <ol data-testid="grade-reasons" style={{ margin: 0 }}>{e.gradeReasons.map((r) => <li key={r}>{r}</li>)}</ol>
        <details style={{ marginTop: 8 }}><summary>分级变更记录（{e.gradeHistory.length}）</summary>
          <ul>{e.gradeHistory.map((g, i) => <li key={i}>{g.decidedDate} {g.gradeLabel}（{g.source === 'override' ? `人工调整，${g.byName ?? ''}：${g.overrideReason}` : '按规则计算'}）</li>)}</ul>
        </details>
      </Card>
      {e.warnings.length > 0 && (
        <Card size="small" title="欠薪预警" style={{ marginBottom: 12 }}>
          {e.warnings.map((w) => (
            <div key={w.id} style={{ marginBottom: 8 }} data-testid="employer-warning">
              <Tag color={w.status === 'closed' ? 'default' : 'red'}>{w.statusLabel}</Tag>{w.raisedDate} {w.ruleLabel}：{w.signals.join('；')} {w.bulletin && <Tag>{w.bulletin}</Tag>}
              {w.assigneeName && <span className="muted">（承办：{w.assigneeName}）</span>}
              {manage && w.status !== 'closed' && <Space size={4} style={{ marginLeft: 8 }}>
                <Button size="small" onClick={() => open({ kind: 'assign', id: w.id })}>交办</Button>
                <Button size="small" onClick={() => open({ kind: 'note', id: w.id })}>跟进</Button>
                <Button size="small" onClick={() => open({ kind: 'close', id: w.id })}>办结</Button>
              </Space>}
              <ul className="muted" style={{ margin: 0 }}>{w.notes.map((n, i) => <li key={i}>{n.at.slice(0, 10)} {n.byName}：{n.note}</li>)}</ul>
            </div>
          ))}
        </Card>
      )}
      {e.inspections.length > 0 && (
        <Card size="small" title="巡查与整改" style={{ marginBottom: 12 }}>
          <Table size="small" rowKey="id" pagination={false} dataSource={e.inspections.flatMap((i) => (i.findings.length ? i.findings : [null]).map((f, k) => ({ id: `${i.id}-${k}`, i, f })))}
            columns={[
              { title: '巡查日期', render: (_, r) => r.i.visitDate },
              { title: '巡查情况', render: (_, r) => `${r.i.inspectors}：${r.i.summary}` },
              { title: '隐患', render: (_, r) => r.f?.description ?? '未发现隐患' },
              { title: '责令整改', render: (_, r) => (r.f?.orderDate ? `${r.f.orderDate}，期限${r.f.deadline}` : '') },
              { title: '整改', render: (_, r) => r.f?.rectifiedDate ? `${r.f.rectifiedDate} ${r.f.rectifiedNote ?? ''}` : r.f?.orderDate ? <>{r.f.overdue && <Tag color="red">逾期</Tag>}{manage && <Button size="small" onClick={() => open({ kind: 'confirm', findingId: r.f!.id })}>确认整改</Button>}</> : '' },
            ]} />
        </Card>
      )}
      {e.blacklist.length > 0 && (
        <Card size="small" title="欠薪失信名单" style={{ marginBottom: 12 }}>
          {e.blacklist.map((b) => (
            <div key={b.id}>
              <Tag color={b.status === 'listed' ? '#a8071a' : 'default'}>{b.statusLabel}</Tag>{b.grounds}
              <ul style={{ margin: 0 }}>{b.steps.map((s, i) => <li key={i}>{s.date} {s.stepLabel}{s.note ? `：${s.note}` : ''}</li>)}</ul>
              <Space size={4}>
                <Button size="small" onClick={() => void paper(b.id, 'notice')}>告知书</Button>
                {b.decisionDate && b.status !== 'dropped' && <Button size="small" onClick={() => void paper(b.id, 'decision')}>列入决定书</Button>}
                {b.status === 'removed' && <Button size="small" onClick={() => void paper(b.id, 'removal')}>移出决定书</Button>}
                {supervise && b.status === 'noticed' && <Button size="small" onClick={() => open({ kind: 'decide', id: b.id })}>作出决定</Button>}
                {supervise && b.status === 'listed' && !b.publicationDate && <Button size="small" onClick={() => open({ kind: 'publish', id: b.id })}>公布</Button>}
                {supervise && b.status === 'listed' && <Button size="small" onClick={() => open({ kind: 'remove', id: b.id })}>移出</Button>}
              </Space>
            </div>
          ))}
        </Card>
      )}
      <Card size="small" title="全部记录（按时间）">
        <Timeline data-testid="employer-timeline" items={e.timeline.map((t, i) => ({
          key: i, children: <span><span className="muted">{t.date}</span> <Tag>{t.kindLabel}</Tag>{t.link ? <a href={`#/${t.link}`}>{t.text}</a> : t.text}</span>,
        }))} />
      </Card>
      <Modal title={dialog ? TITLES[dialog.kind] : ''} open={!!dialog} onOk={() => void submit()} okText="保存" cancelText="取消" onCancel={() => setDialog(null)} destroyOnHidden width={640}>
        {dialogError && <Alert type="error" showIcon title={dialogError} style={{ marginBottom: 12 }} data-testid="dialog-error" />}
        <Form form={form} layout="vertical">
          {dialog?.kind === 'edit' && <>
            <Form.Item name="name" label="单位名称" rules={[{ required: true, message: '请填写单位名称' }]}><Input /></Form.Item>
            <Form.Item name="creditCode" label="统一社会信用代码"><Input /></Form.Item>
            <Form.Item name="sector" label="领域"><Select allowClear options={[{ value: 'construction', label: '建设领域' }, { value: 'other', label: '非建领域' }]} /></Form.Item>
            <Form.Item name="industry" label="行业"><Input /></Form.Item>
            <Form.Item name="town" label="镇（街道）"><Select allowClear options={towns.map((t) => ({ value: t, label: t }))} /></Form.Item>
            <Form.Item name="size" label="规模"><Input /></Form.Item>
            <Form.Item name="contactName" label="联系人"><Input /></Form.Item>
            <Form.Item name="contactPhone" label="联系电话"><Input /></Form.Item>
            <Form.Item name="address" label="地址"><Input /></Form.Item>
          </>}
          {dialog?.kind === 'alias' && <Form.Item name="alias" label="简称" rules={[{ required: true, message: '请填写简称' }]}><Input /></Form.Item>}
          {dialog?.kind === 'override' && <>
            <Form.Item name="grade" label="分级" rules={[{ required: true, message: '请选择分级' }]}><Radio.Group options={[{ value: 'general', label: '一般企业' }, { value: 'key', label: '重点企业' }, { value: 'hazard', label: '隐患企业' }]} /></Form.Item>
            <Form.Item name="reason" label="调整理由" rules={[{ required: true, message: '请填写调整理由' }]}><Input.TextArea rows={2} /></Form.Item>
          </>}
          {dialog?.kind === 'inspection' && <>
            <DateItem name="visitDate" label="巡查日期" requiredMessage="请填写巡查日期" />
            <Form.Item name="inspectors" label="巡查人员" rules={[{ required: true, message: '请填写巡查人员' }]}><Input /></Form.Item>
            <Form.Item name="summary" label="巡查情况" rules={[{ required: true, message: '请填写巡查情况' }]}><Input.TextArea rows={2} /></Form.Item>
            <Form.List name="findings">{(fields, { add, remove }) => <>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={[f.name, 'description']} label={`隐患${i + 1}`} rules={[{ required: true, message: '请填写隐患情况' }]} style={{ flex: 2 }}><Input /></Form.Item>
                  <DateItem name={[f.name, 'orderDate']} label="责令整改日期" style={{ flex: 1 }} />
                  <DateItem name={[f.name, 'deadline']} label="整改期限" style={{ flex: 1 }} />
                  <Button style={{ marginTop: 30 }} onClick={() => remove(f.name)}>删除</Button>
                </Flex>
              ))}
              <Button onClick={() => add({})}>添加隐患</Button>
            </>}</Form.List>
          </>}
          {(dialog?.kind === 'confirm' || dialog?.kind === 'close') && <>
            <DateItem name="date" label={dialog.kind === 'confirm' ? '整改确认日期' : '办结日期'} requiredMessage="请填写日期" />
            <Form.Item name="note" label={dialog.kind === 'confirm' ? '整改情况' : '办结结果'} rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={2} /></Form.Item>
          </>}
          {dialog?.kind === 'assign' && <>
            <Form.Item name="assigneeId" label="承办人" rules={[{ required: true, message: '请选择承办人' }]}><Select options={staff.map((s) => ({ value: s.id, label: s.displayName }))} /></Form.Item>
            <Form.Item name="note" label="交办说明"><Input /></Form.Item>
          </>}
          {dialog?.kind === 'note' && <Form.Item name="note" label="跟进情况" rules={[{ required: true, message: '请填写跟进情况' }]}><Input.TextArea rows={2} /></Form.Item>}
          {dialog?.kind === 'notice' && <>
            <Form.Item name="grounds" label="列入事由" extra="接在“经查，你单位”之后；告知书另写“经责令限期支付，你单位逾期未支付”，此处不必重复" rules={[{ required: true, message: '请填写列入事由' }]}><Input.TextArea rows={2} placeholder="如：拖欠12名农民工工资" /></Form.Item>
            <Form.Item name="arrears" label="拖欠工资金额（元）"><InputNumber min={0} precision={2} style={{ width: 200 }} /></Form.Item>
            <Form.Item name="workers" label="涉及人数"><InputNumber min={1} precision={0} /></Form.Item>
            <Form.Item name="persons" label="法定代表人及直接责任人员"><Input /></Form.Item>
            <DateItem name="date" label="告知日期" requiredMessage="请填写告知日期" />
          </>}
          {dialog?.kind === 'decide' && <>
            <Form.Item name="list" label="决定" rules={[{ required: true, message: '请选择' }]}><Radio.Group options={[{ value: 'yes', label: '列入名单' }, { value: 'no', label: '不列入' }]} /></Form.Item>
            <DateItem name="date" label="决定日期" requiredMessage="请填写决定日期" />
            <Form.Item name="note" label="决定理由（含陈述申辩情况）" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={2} /></Form.Item>
          </>}
          {dialog?.kind === 'publish' && <DateItem name="date" label="公布日期" requiredMessage="请填写公布日期" />}
          {dialog?.kind === 'remove' && <>
            <Form.Item name="reason" label="移出方式" rules={[{ required: true, message: '请选择' }]}><Radio.Group options={[{ value: 'expired', label: '期满移出' }, { value: 'early', label: '清偿后申请提前移出' }]} /></Form.Item>
            <DateItem name="paidDate" label="清偿欠薪日期（提前移出时填写）" />
            <DateItem name="date" label="移出日期" requiredMessage="请填写移出日期" />
            <Form.Item name="note" label="说明（申请、信用承诺等）" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={2} /></Form.Item>
          </>}
          {dialog?.kind === 'merge' && <>
            <p>把“{e.name}”并入下列单位；本记录保留并注明已并入，其案件、咨询和巡查记录归入合并后的单位。</p>
            <Form.Item name="intoId" label="并入" rules={[{ required: true, message: '请选择' }]}><Select showSearch optionFilterProp="label" options={others.map((o) => ({ value: o.id, label: `${o.name}${o.creditCode ? `（${o.creditCode}）` : ''}` }))} /></Form.Item>
            <Form.Item name="reason" label="合并理由" rules={[{ required: true, message: '请填写合并理由' }]}><Input /></Form.Item>
          </>}
        </Form>
      </Modal>
    </div>
  );
}

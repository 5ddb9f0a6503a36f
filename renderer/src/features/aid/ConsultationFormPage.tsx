import { Alert, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { ConflictMatch, ConsultationView } from '../../../../src/api';
import {
  CLAIM_TYPES, CLAIM_TYPE_INFO, CONSULTATION_OUTCOMES, FEMALE_STAGES, GROUP_FLAGS, GROUP_FLAG_LABELS, WINDOWS, WINDOW_CODES, type WindowCode, checkYuanText, fenToYuanText, parseYuanToFen,
} from '../../../../src/domain';
import { EmployerHint } from '../employers/EmployerFlag';
import { api } from '../../lib/api-client';
import { formKeys, showAllErrors, useLeaveGuard, useSaveKeys } from '../../lib/form-work';
import { inputIssues } from '../../../../src/api';
import { go } from '../../lib/router';
import { ConflictPanel } from './ConflictPanel';
import { WindowGuide } from './WindowGuide';
import { DateItem } from '../../components/DateField';
import { optDate } from '../../lib/dates';

const FLAG_WINDOW: Record<string, WindowCode> = { migrant_worker: 'migrant', injured_worker: 'injured', three_period_female: 'female' };
const blank = (s?: string) => (s && s.trim() ? s.trim() : undefined);
/** An amount, when typed, must be one ("金额过大", "金额不能为负数" …). */
const amountRule = { validator: (_: unknown, v?: string) => {
  if (!blank(v)) return Promise.resolve();
  const r = checkYuanText(v!);
  return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
} };

/** The form's values for a consultation on file (修改登记 starts from what was registered). */
function formValues(c: ConsultationView): Record<string, unknown> {
  return {
    window: c.window, channel: c.channel, personName: c.personName, personSex: c.personSex ?? undefined, personIdNumber: c.personIdNumber ?? undefined,
    personPhone: c.personPhone ?? undefined, personAddress: c.personAddress ?? undefined, employerName: c.employerName ?? undefined,
    employerCreditCode: c.employerCreditCode ?? undefined, employerAlias: c.employerAlias ?? undefined, disputeType: c.disputeType, groupFlags: c.groupFlags,
    injuryDate: c.injuryDate ?? undefined, disabilityGrade: c.disabilityGrade ?? undefined, femaleStage: c.femaleStage ?? undefined,
    femaleStageStart: c.femaleStageStart ?? undefined, femaleStageEnd: c.femaleStageEnd ?? undefined, collective: c.collective, workerCount: c.workerCount,
    claims: c.claims.length ? c.claims.map((k) => ({ type: k.type, amount: k.amountFen !== null ? fenToYuanText(k.amountFen) : undefined, text: k.text })) : [{}],
    summary: c.summary,
  };
}

/**
 * 咨询登记: one record of the person, the employer, the group and the claims — typed once, used by every later step.
 * With `editId` it is 修改登记: the same form filled from the record, saved with a reason (the record before is kept).
 */
export function ConsultationFormPage({ window: initialWindow, editId }: { window?: string; editId?: string }) {
  const start = (WINDOW_CODES as readonly string[]).includes(initialWindow ?? '') ? (initialWindow as WindowCode) : 'general';
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflicts, setConflicts] = useState<ConflictMatch[] | null>(null);
  const win = (Form.useWatch('window', form) as WindowCode | undefined) ?? start;
  const flags = (Form.useWatch('groupFlags', form) as string[] | undefined) ?? [];
  const collective = Form.useWatch('collective', form) as boolean | undefined;
  const guides = [win, ...flags.map((f) => FLAG_WINDOW[f]).filter((w): w is WindowCode => !!w)];
  const [editing, setEditing] = useState<ConsultationView | null>(null);
  useEffect(() => {
    if (!editId) return;
    void api('consultations.get', { id: editId }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setEditing(r.value);
    });
  }, [editId]);
  // filled once the form is on screen (the Form mounts on the render after the record arrives)
  useEffect(() => { if (editing) form.setFieldsValue(formValues(editing)); }, [editing, form]);

  const check = async () => {
    const v = form.getFieldsValue();
    if (!blank(v.personName)) return;
    const r = await api('conflicts.check', { personName: v.personName, idNumber: blank(v.personIdNumber), employerName: blank(v.employerName), creditCode: blank(v.employerCreditCode), employerAlias: blank(v.employerAlias), ...(editId ? { excludeId: editId } : {}) });
    if (r.ok) setConflicts(r.value);
  };
  const guard = useLeaveGuard();
  const save = async () => {
    const v = form.getFieldsValue(true) as Record<string, any>;
    const input = {
      window: v.window, channel: v.channel, personName: v.personName ?? '', personSex: v.personSex, personIdNumber: blank(v.personIdNumber), personPhone: blank(v.personPhone),
      personAddress: blank(v.personAddress), employerName: blank(v.employerName), employerCreditCode: blank(v.employerCreditCode), employerAlias: blank(v.employerAlias),
      disputeType: v.disputeType, groupFlags: v.groupFlags ?? [], injuryDate: optDate(v.injuryDate), disabilityGrade: v.disabilityGrade ?? undefined,
      femaleStage: v.femaleStage, femaleStageStart: optDate(v.femaleStageStart), femaleStageEnd: optDate(v.femaleStageEnd), collective: Boolean(v.collective), workerCount: v.workerCount ?? 1,
      claims: (v.claims ?? []).map((c: any) => ({ type: c?.type ?? v.disputeType, amountFen: blank(c?.amount) ? parseYuanToFen(c.amount) ?? Number.NaN : null, text: c?.text ?? '' }))
        .filter((c: any) => c.text || c.amountFen !== null),
      summary: v.summary ?? '', ...(editId ? { id: editId, reason: v.reason ?? '' } : { advice: blank(v.advice), outcome: v.outcome }),
    };
    const op = editId ? 'consultations.edit' : 'consultations.create';
    // Claims left empty are dropped, so the schema's claim indexes are mapped back to the form's rows.
    const rows = (v.claims ?? []).map((c: any, i: number) => [c, i] as const).filter(([c]: any) => c && (blank(c.text) || blank(c.amount))).map(([, i]: any) => i as number);
    const issues = (found: { path: string; message: string }[]) => found.map((i) => ({ ...i, path: i.path.replace(/^claims\.(\d+)/, (_, n: string) => `claims.${rows[Number(n)] ?? n}`) }));
    const loose = await showAllErrors(form, 'consultation', issues(inputIssues(op, input)), { amountFen: 'amount' });
    if (loose) return setError(`未保存：请按红色提示修改后再保存${loose.length ? `（${loose.join('；')}）` : ''}`);
    setBusy(true);
    setError(null);
    const r = await api(op, input as never);
    setBusy(false);
    if (!r.ok) {
      await showAllErrors(form, 'consultation', issues(r.error.issues ?? []), { amountFen: 'amount' });
      return setError(`未保存：${r.error.message}`);
    }
    guard.saved();
    go(`aid/consultations/${r.value.id}`);
  };
  useSaveKeys(() => void save());
  if (editId && !editing) return error ? <Alert type="error" showIcon title={error} /> : null;

  return (
    <div style={{ maxWidth: 1200 }} onKeyDownCapture={formKeys()}>
      <h1 className="page-title">{editing ? `修改咨询登记：${editing.personName}` : '咨询登记'}</h1>
      {editing && editing.cases.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="此咨询已转为仲裁申请；修改咨询登记不改变案件中的当事人信息，案件信息请在案件中更正。" />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="consultation-error" />}
      <Row gutter={16}>
        <Col span={15}>
          <Form form={form} name="consultation" layout="vertical" onFinish={() => void save()} onValuesChange={guard.onValuesChange}
            initialValues={{ window: start, channel: 'walk_in', groupFlags: WINDOWS[start].flag ? [WINDOWS[start].flag] : [], disputeType: 'wages', workerCount: 1, outcome: 'pending', claims: [{}] }}>
            <Card size="small" title="来访" style={{ marginBottom: 12 }}>
              <Flex gap={12} wrap>
                <Form.Item name="window" label="窗口"><Select style={{ width: 180 }} options={WINDOW_CODES.map((w) => ({ value: w, label: WINDOWS[w].label }))} /></Form.Item>
                <Form.Item name="channel" label="方式"><Radio.Group options={[{ value: 'walk_in', label: '来访' }, { value: 'phone', label: '来电' }, { value: 'referral', label: '转介' }]} /></Form.Item>
              </Flex>
            </Card>
            <Card size="small" title="劳动者" style={{ marginBottom: 12 }}>
              <Flex gap={12} wrap>
                <Form.Item name="personName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]} style={{ width: 160 }}><Input onBlur={() => void check()} /></Form.Item>
                <Form.Item name="personSex" label="性别"><Radio.Group options={[{ value: 'male', label: '男' }, { value: 'female', label: '女' }]} /></Form.Item>
                <Form.Item name="personIdNumber" label="身份证号码" style={{ width: 220 }}><Input onBlur={() => void check()} /></Form.Item>
                <Form.Item name="personPhone" label="电话" style={{ width: 160 }}><Input /></Form.Item>
                <Form.Item name="personAddress" label="住址" style={{ flex: 1, minWidth: 200 }}><Input /></Form.Item>
              </Flex>
              <Form.Item name="groupFlags" label="帮扶群体"><Checkbox.Group options={GROUP_FLAGS.map((g) => ({ value: g, label: GROUP_FLAG_LABELS[g] }))} /></Form.Item>
              {flags.includes('injured_worker') && (
                <Flex gap={12}>
                  <DateItem name="injuryDate" label="受伤日期" />
                  <Form.Item name="disabilityGrade" label="伤残等级（已鉴定时填写）"><InputNumber min={1} max={10} /></Form.Item>
                </Flex>
              )}
              {flags.includes('three_period_female') && (
                <Flex gap={12}>
                  <Form.Item name="femaleStage" label="所处期间"><Select style={{ width: 140 }} options={Object.entries(FEMALE_STAGES).map(([value, label]) => ({ value, label }))} /></Form.Item>
                  <DateItem name="femaleStageStart" label="开始日期（怀孕、生育或哺乳开始）" />
                  <DateItem name="femaleStageEnd" label="预产期或结束日期" />
                </Flex>
              )}
              <Flex gap={12}>
                <Form.Item name="collective" valuePropName="checked" label="集体争议"><Checkbox>十人以上共同请求</Checkbox></Form.Item>
                {collective && <Form.Item name="workerCount" label="涉及劳动者人数"><InputNumber min={1} /></Form.Item>}
              </Flex>
            </Card>
            <Card size="small" title="用人单位" style={{ marginBottom: 12 }}>
              <Flex gap={12} wrap>
                <Form.Item name="employerName" label="单位名称" style={{ flex: 1, minWidth: 240 }}><Input onBlur={() => void check()} /></Form.Item>
                <Form.Item name="employerCreditCode" label="统一社会信用代码" style={{ width: 220 }}><Input onBlur={() => void check()} /></Form.Item>
                <Form.Item name="employerAlias" label="简称、别称或工地名称" style={{ width: 200 }}><Input /></Form.Item>
              </Flex>
              <EmployerHintFields />
            </Card>
            <Card size="small" title="争议与请求" style={{ marginBottom: 12 }}>
              <Form.Item name="disputeType" label="争议类型"><Select style={{ width: 240 }} options={CLAIM_TYPES.map((t) => ({ value: t, label: CLAIM_TYPE_INFO[t].label }))} /></Form.Item>
              <Form.List name="claims">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f, i) => (
                      <Flex key={f.key} gap={8} align="start" data-testid={`consult-claim-${i + 1}`}>
                        <Form.Item name={[f.name, 'type']} label={`请求${i + 1}类型`} style={{ width: 180 }}><Select options={CLAIM_TYPES.map((t) => ({ value: t, label: CLAIM_TYPE_INFO[t].label }))} /></Form.Item>
                        <Form.Item name={[f.name, 'amount']} label="金额（元）" style={{ width: 160 }} rules={[amountRule]}><Input inputMode="decimal" /></Form.Item>
                        <Form.Item name={[f.name, 'text']} label="请求内容" style={{ flex: 1 }}><Input /></Form.Item>
                        {fields.length > 1 && <Button size="small" style={{ marginTop: 30 }} onClick={() => remove(f.name)}>移除</Button>}
                      </Flex>
                    ))}
                    <Button size="small" onClick={() => add({})}>添加请求</Button>
                  </>
                )}
              </Form.List>
              <Form.Item name="summary" label="咨询内容（事实经过）" rules={[{ required: true, message: '请填写咨询内容' }]} style={{ marginTop: 8 }}><Input.TextArea rows={3} /></Form.Item>
              {!editId && <Form.Item name="advice" label="解答意见"><Input.TextArea rows={2} /></Form.Item>}
              {!editId && <Form.Item name="outcome" label="处理结果"><Select style={{ width: 200 }} options={Object.entries(CONSULTATION_OUTCOMES).map(([value, label]) => ({ value, label }))} /></Form.Item>}
            </Card>
            {editId && (
              <Card size="small" title="修改原因" style={{ marginBottom: 12 }}>
                <Form.Item name="reason" label="修改原因（记入修改记录，修改前的内容保留备查）" rules={[{ required: true, message: '请填写修改原因' }]}><Input.TextArea rows={2} /></Form.Item>
              </Card>
            )}
            <Flex gap={8}>
              <Button type="primary" onClick={() => void save()} loading={busy}>{editId ? '保存修改（Ctrl+S）' : '保存咨询登记（Ctrl+S）'}</Button>
              {editId && <Button onClick={() => go(`aid/consultations/${editId}`)}>返回</Button>}
              <Button onClick={() => void check()}>冲突检查</Button>
            </Flex>
          </Form>
        </Col>
        <Col span={9}>
          <div style={{ marginBottom: 12 }}><ConflictPanel matches={conflicts} /></div>
          <WindowGuide windows={guides} onAmount={(fen, summary) => {
            const claims = (form.getFieldValue('claims') as any[]) ?? [];
            const i = claims.findIndex((c) => !c?.amount);
            const at = i >= 0 ? i : claims.length;
            form.setFieldValue(['claims', at], { ...(claims[at] ?? {}), amount: fenToYuanText(fen), text: claims[at]?.text || summary });
          }} />
        </Col>
      </Row>
    </div>
  );
}

/** The registered employer the typed name or code will be linked to (issue 16: listed employers are flagged at intake). */
function EmployerHintFields() {
  const form = Form.useFormInstance();
  const name = Form.useWatch('employerName', form) as string | undefined;
  const creditCode = Form.useWatch('employerCreditCode', form) as string | undefined;
  return <EmployerHint name={name} creditCode={creditCode} />;
}

import { Alert, App, Button, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { MediationView, ReviewView, StaffMember } from '../../../../src/api';
import { REVIEW_REFUSAL_GROUNDS, type Role, deny } from '../../../../src/domain';
import { api } from '../../lib/api-client';
import { showFieldErrors } from '../../lib/form-errors';
import { base64ToBytes, printPdf, saveFile } from '../../lib/pdf';

type Step = 'conclude' | 'apply' | 'accept' | 'decide' | null;
const TITLES = { conclude: '调解结果（仲裁前调解）', apply: '登记仲裁审查申请（《劳动人事争议仲裁办案规则》第七十四条）', accept: '受理并指定审查仲裁员', decide: '审查结论（《劳动人事争议仲裁办案规则》第七十八条）' } as const;
const d = (v: Dayjs) => v.format('YYYY-MM-DD');

/**
 * A mediation before arbitration (issue 11 item 6): its result with the agreed terms, the 调解协议书 (LDMAL Art 14), and
 * the arbitral review of the agreement (Rules Arts 74–78): joint application, acceptance with the designated arbitrator,
 * then the arbitrator's 调解书 or refusal — each paper printed or saved from the records.
 */
export function MediationReviewPanel({ mediationId, role, userId, onChanged }: { mediationId: string; role: Role; userId: string; onChanged?: () => void }) {
  const { message } = App.useApp();
  const [m, setM] = useState<MediationView | null>(null);
  const [review, setReview] = useState<ReviewView | null>(null);
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [step, setStep] = useState<Step>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const outcome = Form.useWatch('outcome', form);
  const allowed = (a: Parameters<typeof deny>[1]) => deny(role, a, { acceptanceReservedToArbitrators: false }) === null;
  const load = () => {
    void api('review.get', { id: mediationId }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setM(r.value.mediation);
      setReview(r.value.review);
    });
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [mediationId]);
  useEffect(() => void api('staff.list', {}).then((r) => r.ok && setStaff(r.value.filter((s) => s.role === 'arbitrator'))), []);

  const paper = async (p: 'agreement' | 'statement' | 'refusal', how: 'print' | 'save') => {
    setError(null);
    const r = await api('review.paper', { mediationId, paper: p, format: 'pdf' });
    if (!r.ok) return setError(r.error.message);
    if (how === 'print') await printPdf(base64ToBytes(r.value.base64));
    else saveFile(base64ToBytes(r.value.base64), r.value.fileName, r.value.mimeType);
  };
  const submit = async (v: Record<string, any>) => {
    let r;
    if (step === 'conclude') {
      r = await api('mediation.conclude', {
        mediationId, outcome: v.outcome, outcomeDate: d(v.outcomeDate), closing: v.closing || null,
        items: v.outcome === 'success' ? (v.items ?? []).map((t: Record<string, any>) => ({ payer: t.payer ?? '', payee: t.payee ?? '', subject: t.subject ?? '', amountFen: Math.round(Number(t.amountYuan ?? 0) * 100), dueDate: t.dueDate ? d(t.dueDate) : null, method: t.method || null, instalments: [] })) : [],
      });
    } else if (step === 'apply') r = await api('review.apply', { mediationId, applicantDate: d(v.applicantDate), respondentDate: d(v.respondentDate) });
    else if (step === 'accept') r = await api('review.accept', { reviewId: review!.id, acceptedDate: d(v.acceptedDate), arbitratorId: v.arbitratorId });
    else r = await api('review.decide', { reviewId: review!.id, decidedDate: d(v.decidedDate), outcome: v.outcome, ...(v.outcome === 'refused' ? { ground: v.ground, reason: v.reason ?? '' } : {}) });
    if (!r.ok) {
      if (!showFieldErrors(form, r.error, { amountFen: 'amountYuan' })) message.error(r.error.message);
      setError(r.error.message);
      return;
    }
    setError(null);
    setStep(null);
    form.resetFields();
    load();
    onChanged?.();
  };
  const open = (s: Step, values: Record<string, unknown>) => {
    form.resetFields();
    form.setFieldsValue(values);
    setError(null);
    setStep(s);
  };
  if (!m) return null;
  const success = m.outcome === 'success';
  return (
    <div data-testid="mediation-review" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8, marginTop: 8 }}>
      <div><strong>调解：{m.organisation}</strong>（收到申请 {m.receivedDate}{m.outcomeDate ? `，${success ? '达成协议' : '结果'} ${m.outcomeDate}` : ''}）</div>
      {m.limitNote && <div className="muted">{m.limitNote}</div>}
      {error && <Alert type="error" showIcon title={error} style={{ margin: '6px 0' }} data-testid="review-error" />}
      <Space wrap style={{ marginTop: 6 }}>
        {m.outcome === 'pending' && allowed('mediation.manage') && <Button size="small" onClick={() => open('conclude', { outcome: 'success', outcomeDate: dayjs(), items: [{}] })}>调解结果</Button>}
        {success && <Button size="small" onClick={() => void paper('agreement', 'print')}>打印调解协议书</Button>}
        {success && <Button size="small" onClick={() => void paper('agreement', 'save')}>保存调解协议书 PDF</Button>}
        {success && !review && allowed('case.manage') && <Button size="small" onClick={() => open('apply', { applicantDate: dayjs(), respondentDate: dayjs() })}>登记仲裁审查申请</Button>}
        {review && !review.acceptedDate && allowed('case.decideAcceptance') && <Button size="small" onClick={() => open('accept', { acceptedDate: dayjs() })}>受理并指定仲裁员</Button>}
        {review?.acceptedDate && !review.outcome && review.arbitratorId === userId && <Button size="small" type="primary" onClick={() => open('decide', { decidedDate: dayjs(), outcome: 'statement' })}>作出审查结论</Button>}
        {review?.outcome === 'statement' && <Button size="small" type="primary" onClick={() => void paper('statement', 'print')} data-testid="print-review-statement">打印调解书</Button>}
        {review?.outcome === 'statement' && <Button size="small" onClick={() => void paper('statement', 'save')}>保存调解书 PDF</Button>}
        {review?.outcome === 'refused' && <Button size="small" onClick={() => void paper('refusal', 'print')}>打印决定书</Button>}
      </Space>
      {review && (
        <Descriptions size="small" column={2} style={{ marginTop: 6 }} data-testid="review-record"
          items={[
            { key: 'a', label: '申请日期', children: `申请人 ${review.applicantDate}，被申请人 ${review.respondentDate}（期限至 ${review.lastDay}）` },
            { key: 'b', label: '受理', children: review.acceptedDate ? `${review.acceptedDate}，审查仲裁员 ${review.arbitratorName}` : '待受理' },
            { key: 'c', label: '审查结论', children: review.outcome === 'statement' ? `${review.decidedDate} 出具调解书` : review.outcome === 'refused' ? `${review.decidedDate} 不予出具调解书（第七十八条第${review.ground}项：${review.groundLabel}）` : '待审查' },
          ]}
        />
      )}
      <Modal open={step !== null} title={step ? TITLES[step] : ''} onCancel={() => setStep(null)} onOk={() => form.submit()} okText="确定" cancelText="取消" width={640} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit}>
          {step === 'conclude' && (
            <>
              <Form.Item name="outcome" label="结果"><Radio.Group options={[{ value: 'success', label: '达成调解协议' }, { value: 'failure', label: '调解不成' }, { value: 'withdrawn', label: '撤回' }]} /></Form.Item>
              <Form.Item name="outcomeDate" label="日期（协议签署日）" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
              {outcome === 'success' && (
                <>
                  <Form.List name="items">
                    {(fields, { add, remove }) => (
                      <>
                        {fields.map((f, i) => (
                          <div key={f.key} data-testid="agreed-term" style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 10px', marginBottom: 8 }}>
                            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                              <strong>第{i + 1}项</strong>
                              {fields.length > 1 && <Button size="small" type="link" danger onClick={() => remove(f.name)}>删除此项</Button>}
                            </Space>
                            <Space wrap>
                              <Form.Item name={[f.name, 'payer']} label="付款方" rules={[{ required: true, message: '请填写付款方' }]}><Input aria-label={`第${i + 1}项付款方`} /></Form.Item>
                              <Form.Item name={[f.name, 'payee']} label="收款方" rules={[{ required: true, message: '请填写收款方' }]}><Input aria-label={`第${i + 1}项收款方`} /></Form.Item>
                              <Form.Item name={[f.name, 'method']} label="支付方式"><Input placeholder="例如：银行转账" aria-label={`第${i + 1}项支付方式`} /></Form.Item>
                            </Space>
                            <Space wrap>
                              <Form.Item name={[f.name, 'subject']} label="款项" rules={[{ required: true, message: '请填写款项' }]}><Input placeholder="例如：2026年8月至9月工资" aria-label={`第${i + 1}项款项`} /></Form.Item>
                              <Form.Item name={[f.name, 'amountYuan']} label="金额（元）" rules={[{ required: true, message: '请填写金额' }]}><InputNumber min={0} precision={2} aria-label={`第${i + 1}项金额`} /></Form.Item>
                              <Form.Item name={[f.name, 'dueDate']} label="支付期限"><DatePicker aria-label={`第${i + 1}项支付期限`} /></Form.Item>
                            </Space>
                          </div>
                        ))}
                        <Button size="small" onClick={() => add({})} style={{ marginBottom: 12 }} data-testid="add-term">增加一项协议内容</Button>
                      </>
                    )}
                  </Form.List>
                  <Form.Item name="closing" label="其他条款"><Input placeholder="例如：双方再无其他劳动争议" /></Form.Item>
                </>
              )}
            </>
          )}
          {step === 'apply' && (
            <>
              <p className="muted">双方当事人须自调解协议生效之日起十五日内共同申请（可以不在同一日），逾期不予受理。</p>
              <Form.Item name="applicantDate" label="申请人申请日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
              <Form.Item name="respondentDate" label="被申请人申请日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
            </>
          )}
          {step === 'accept' && (
            <>
              <Form.Item name="acceptedDate" label="受理日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
              <Form.Item name="arbitratorId" label="审查仲裁员" rules={[{ required: true, message: '请指定仲裁员' }]}><Select options={staff.map((s) => ({ value: s.id, label: s.displayName }))} /></Form.Item>
            </>
          )}
          {step === 'decide' && (
            <>
              <Form.Item name="decidedDate" label="结论日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
              <Form.Item name="outcome" label="结论"><Radio.Group options={[{ value: 'statement', label: '出具调解书' }, { value: 'refused', label: '不予出具调解书' }]} /></Form.Item>
              {outcome === 'refused' && (
                <>
                  <Form.Item name="ground" label="第七十八条规定的情形" rules={[{ required: true, message: '请选择情形' }]}>
                    <Select options={Object.entries(REVIEW_REFUSAL_GROUNDS).map(([k, label]) => ({ value: Number(k), label: `第${k}项：${label}` }))} />
                  </Form.Item>
                  <Form.Item name="reason" label="具体理由" rules={[{ required: true, message: '请写明理由' }]}><Input.TextArea rows={2} /></Form.Item>
                </>
              )}
            </>
          )}
        </Form>
      </Modal>
    </div>
  );
}

import { MediationReviewPanel } from './MediationReviewPanel';
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, Modal, Radio, Row, Select, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AidApplicationView, ConflictMatch, ConsultationView, DutyView, Result } from '../../../../src/api';
import {
  AID_ELIGIBILITY, AID_MATTERS, AID_MATTER_CODES, CASE_STATUS_LABELS, CLAIM_TYPE_INFO, CONSULTATION_OUTCOMES, FEMALE_STAGES, GROUP_FLAG_LABELS, MEDIATION_OUTCOMES,
  type WindowCode, deny, formatFen, parseYuanToFen,
} from '../../../../src/domain';
import { EmployerFlag } from '../employers/EmployerFlag';
import { api } from '../../lib/api-client';
import { base64ToBytes, saveFile } from '../../lib/pdf';
import { go } from '../../lib/router';
import { useSession } from '../../lib/session';
import { ConflictPanel } from './ConflictPanel';
import { WindowGuide } from './WindowGuide';
import { AidAssignLawyerFields, lawyerUserIdInput } from './AidAssignLawyer';
import { ImportedTag } from '../lists/ImportedTag';
import { SurveyButton } from '../survey/SurveyButton';
import { DateItem } from '../../components/DateField';
import { formatTime, today, ymd } from '../../lib/dates';

type Dialog = { kind: 'aid' } | { kind: 'decide'; a: AidApplicationView } | { kind: 'assign'; a: AidApplicationView } | { kind: 'close'; a: AidApplicationView } | { kind: 'object'; a: AidApplicationView } | { kind: 'mediation' } | { kind: 'outcome' } | null;
const TITLES = { aid: '申请法律援助', decide: '援助决定（《法律援助法》第四十三条）', assign: '指派法律援助人员', close: '援助结案（第五十条）', object: '异议（第四十九条）', mediation: '转调解（仲裁前调解）', outcome: '处理结果' } as const;
const FLAG_WINDOW: Record<string, WindowCode> = { migrant_worker: 'migrant', injured_worker: 'injured', three_period_female: 'female' };

/** One record from consultation to case: the person, conflicts, the window's checklist, and the next step in one action. */
export function ConsultationPage({ id }: { id: string }) {
  const { user } = useSession();
  const [c, setC] = useState<ConsultationView | null>(null);
  const [conflicts, setConflicts] = useState<ConflictMatch[] | null>(null);
  const [duty, setDuty] = useState<DutyView | null>(null);
  const [advice, setAdvice] = useState<{ meansTest: string; suggested: string; basis: string[] } | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const matter = Form.useWatch('matter', form) as string | undefined;
  const decision = Form.useWatch('decision', form) as string | undefined;
  const load = useCallback(async () => {
    const r = await api('consultations.get', { id });
    if (!r.ok) return setError(r.error.message);
    setC(r.value);
    const k = await api('conflicts.check', { personName: r.value.personName, idNumber: r.value.personIdNumber ?? undefined, employerName: r.value.employerName ?? undefined, creditCode: r.value.employerCreditCode ?? undefined, employerAlias: r.value.employerAlias ?? undefined, excludeId: id });
    if (k.ok) setConflicts(k.value);
  }, [id]);
  useEffect(() => void load(), [load]);
  useEffect(() => void api('duty.get', { date: today() }).then((r) => r.ok && setDuty(r.value)), []);
  useEffect(() => {
    if (dialog?.kind !== 'aid' || !matter) return;
    void api('aid.eligibility', { consultationId: id, matter: matter as never }).then((r) => {
      if (!r.ok) return;
      setAdvice(r.value);
      form.setFieldValue('eligibility', r.value.suggested);
    });
  }, [dialog, matter, id, form]);
  if (!c) return error ? <Alert type="error" showIcon title={error} /> : null;
  const canManage = deny(user.role, 'aid.manage', { acceptanceReservedToArbitrators: false }) === null;
  // Decisions and assignments are the legal-aid centre's (Legal Aid Law Art 43).
  const canDecide = deny(user.role, 'aid.decide', { acceptanceReservedToArbitrators: false }) === null;
  const canFile = deny(user.role, 'case.draft', { acceptanceReservedToArbitrators: false }) === null;
  const open = (d: Dialog, values: Record<string, unknown> = {}) => {
    form.resetFields();
    form.setFieldsValue(values);
    setError(null);
    setAdvice(null);
    setDialog(d);
  };
  const done = (r: Result<unknown>) => {
    if (!r.ok) {
      const fields = (r.error.issues ?? []).filter((i) => i.path && !i.path.includes('.')).map((i) => ({ name: i.path, errors: [i.message] }));
      if (fields.length) form.setFields(fields);
      return setError(r.error.message);
    }
    setDialog(null);
    setError(null);
    void load();
  };
  const submit = async (v: Record<string, any>) => {
    if (!dialog) return;
    if (dialog.kind === 'aid') return done(await api('aid.apply', { consultationId: id, matter: v.matter, eligibility: v.eligibility, eligibilityNote: v.eligibilityNote || undefined, receivedDate: ymd(v.receivedDate), ...(v.limitationExpiry ? { limitationExpiry: ymd(v.limitationExpiry) } : {}) }));
    if (dialog.kind === 'decide') return done(await api('aid.decide', { id: dialog.a.id, decision: v.decision, decisionDate: ymd(v.decisionDate), refusalReason: v.refusalReason || undefined }));
    if (dialog.kind === 'assign') return done(await api('aid.assign', { id: dialog.a.id, lawyer: v.lawyer ?? '', firm: v.firm ?? '', assignedDate: ymd(v.assignedDate), ...lawyerUserIdInput(v) }));
    if (dialog.kind === 'object') return done(await api('aid.object', { id: dialog.a.id, objectionDate: ymd(v.objectionDate), note: v.note ?? '' }));
    if (dialog.kind === 'close') return done(await api('aid.close', { id: dialog.a.id, closedDate: ymd(v.closedDate), report: v.report ?? '', recoveredFen: v.recovered ? parseYuanToFen(String(v.recovered)) ?? -1 : null }));
    if (dialog.kind === 'mediation') {
      return done(await api('mediation.create', { consultationId: id, stage: 'pre_arbitration', organisation: v.organisation ?? '', applicantName: c.personName, respondentName: c.employerName ?? '（未填写）', workerCount: c.workerCount, claimedFen: c.claimedFen || null, receivedDate: ymd(v.receivedDate) }));
    }
    if (dialog.kind === 'outcome') return done(await api('consultations.update', { id, outcome: v.outcome, advice: v.advice || undefined, recoveredFen: v.recovered ? parseYuanToFen(String(v.recovered)) ?? -1 : undefined }));
  };
  const paper = async (aidId: string, kind: 'aid_application' | 'aid_decision' | 'aid_assignment') => {
    const r = await api('aid.document', { id: aidId, kind, format: 'pdf' });
    if (!r.ok) return setError(r.error.message);
    saveFile(base64ToBytes(r.value.base64), r.value.fileName, r.value.mimeType);
  };
  const openAid = c.aid.find((a) => a.decision !== 'refused' && !a.closedDate);
  const guides = [c.window, ...c.groupFlags.map((f) => FLAG_WINDOW[f]).filter((w): w is WindowCode => !!w)];

  return (
    <div style={{ maxWidth: 1200 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>咨询登记：{c.personName}{c.priority && <Tag color="red" style={{ marginLeft: 8 }}>优先（绿色通道）</Tag>}{c.imported && <ImportedTag />}<EmployerFlag consultationId={c.id} /></h1>
        <Space>
          {canManage && !openAid && <Button onClick={() => open({ kind: 'aid' }, { matter: c.disputeType === 'work_injury' ? 'work_injury' : 'labour_remuneration', receivedDate: today() })}>申请法律援助</Button>}
          {canManage && <Button onClick={() => open({ kind: 'mediation' }, { organisation: '温江区劳动人事争议调解工作室', receivedDate: today() })}>转调解</Button>}
          {canFile && c.cases.length === 0 && <Button type="primary" onClick={() => go(`cases/new/from/${id}`)}>申请仲裁</Button>}
          {canManage && <Button onClick={() => open({ kind: 'outcome' }, { outcome: c.outcome, advice: c.advice })}>处理结果</Button>}
          {canManage && !c.imported && <Button onClick={() => go(`aid/consultations/${id}/edit`)} data-testid="consultation-edit">修改登记</Button>}
          {canManage && !c.imported && <SurveyButton consultationId={c.id} />}
        </Space>
      </Flex>
      {error && !dialog && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {c.cases.length > 0 && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="converted" title={<>已转为仲裁申请：{c.cases.map((k) => (
          <a key={k.id} onClick={() => go(`cases/${k.id}`)} style={{ marginRight: 8 }}>{k.caseNumber ?? '仲裁申请'}（{CASE_STATUS_LABELS[k.status]}）</a>
        ))}请在该申请中继续办理。</>} />
      )}
      <Row gutter={16}>
        <Col span={15}>
          <Card size="small" style={{ marginBottom: 12 }} data-testid="consultation">
            <Descriptions size="small" column={2} items={[
              { key: 'w', label: '窗口', children: `${c.windowLabel}（${formatTime(c.arrivedAt)}，等候 ${c.waitingMinutes} 分钟）` },
              { key: 'd', label: '值班', children: `${c.lawyerName ?? '—'} / ${c.staffName ?? '—'}` },
              { key: 'n', label: '姓名', children: c.personName },
              { key: 'i', label: '身份证号码', children: c.personIdNumber ?? '—' },
              { key: 'p', label: '电话', children: c.personPhone ?? '—' },
              { key: 'g', label: '帮扶群体', children: c.groupFlags.map((g) => GROUP_FLAG_LABELS[g]).join('、') || '—' },
              ...(c.femaleStage ? [{ key: 'f', label: '三期', children: `${FEMALE_STAGES[c.femaleStage]}（${c.femaleStageStart ?? ''}${c.femaleStageEnd ? ` 至 ${c.femaleStageEnd}` : ''}）` }] : []),
              ...(c.injuryDate ? [{ key: 'inj', label: '受伤', children: `${c.injuryDate}${c.disabilityGrade ? `，伤残${c.disabilityGrade}级` : '，尚未鉴定'}` }] : []),
              { key: 'e', label: '用人单位', children: `${c.employerName ?? '—'}${c.employerCreditCode ? `（${c.employerCreditCode}）` : ''}` },
              { key: 't', label: '争议类型', children: CLAIM_TYPE_INFO[c.disputeType].label },
              { key: 'c', label: '请求', span: 2, children: c.claims.map((k) => `${k.text}${k.amountFen !== null ? `（${formatFen(k.amountFen)}）` : ''}`).join('；') || '—' },
              { key: 's', label: '咨询内容', span: 2, children: c.summary },
              { key: 'a', label: '解答意见', span: 2, children: c.advice ?? '—' },
              { key: 'o', label: '处理结果', children: CONSULTATION_OUTCOMES[c.outcome] },
              { key: 'r', label: '追回金额', children: c.recoveredFen !== null ? formatFen(c.recoveredFen) : '—' },
            ]} />
            {c.versions.length > 0 && (
              <details style={{ marginTop: 8 }} data-testid="consultation-versions">
                <summary>修改记录（{c.versions.length} 次，修改前的内容保留备查）</summary>
                <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                  {c.versions.map((v, i) => v.edit ? (
                    <li key={i} data-testid="consultation-edit-version">
                      {formatTime(v.edit.at)} {v.edit.byName} 修改登记，原因：{v.edit.reason}
                      <ul style={{ paddingLeft: 18 }}>{v.edit.changed.map((x) => <li key={x.label}>{x.label}：“{x.before}” 改为 “{x.after}”</li>)}</ul>
                    </li>
                  ) : <li key={i}>{formatTime(v.at)} {v.byName}：解答意见“{v.advice ?? '—'}”，处理结果“{CONSULTATION_OUTCOMES[v.outcome as keyof typeof CONSULTATION_OUTCOMES] ?? v.outcome}”</li>)}
                </ul>
              </details>
            )}
          </Card>
          {c.aid.map((a) => (
            <Card key={a.id} size="small" title={`法律援助申请（${a.receivedDate}）`} style={{ marginBottom: 12 }} data-testid="aid"
              extra={canManage && (
                <Space>
                  {canDecide && a.decision === 'pending' && <Button size="small" type="primary" onClick={() => open({ kind: 'decide', a }, { decision: 'approved', decisionDate: today() })}>作出决定</Button>}
                  {canDecide && a.decision === 'approved' && !a.assignedDate && <Button size="small" type="primary" onClick={() => open({ kind: 'assign', a }, { lawyer: duty?.lawyerName, lawyerUserId: duty?.lawyerId, firm: duty?.lawFirm, assignedDate: today() })}>指派律师</Button>}
                  {a.decision === 'refused' && !a.objectionDate && <Button size="small" onClick={() => open({ kind: 'object', a }, { objectionDate: today() })}>登记异议</Button>}
                  {a.assignedDate && !a.closedDate && <Button size="small" onClick={() => open({ kind: 'close', a }, { closedDate: today() })}>结案报告</Button>}
                </Space>
              )}>
              <Space style={{ float: 'right' }}>
                <Button size="small" onClick={() => void paper(a.id, 'aid_application')}>申请表</Button>
                {a.decision !== 'pending' && <Button size="small" onClick={() => void paper(a.id, 'aid_decision')}>决定书</Button>}
                {a.assignedDate && <Button size="small" onClick={() => void paper(a.id, 'aid_assignment')}>指派通知书</Button>}
              </Space>
              <div>事项：{a.matterLabel}</div>
              <div data-testid="aid-eligibility">经济困难审查：{a.eligibilityLabel}</div>
              {a.urgent && <Tag color="red">先行提供法律援助（第四十四条）</Tag>}
              <div data-testid="aid-status">
                {a.decision === 'pending' && <span className={a.decisionOverdue ? 'overdue' : undefined}>待决定：应于 {a.decisionDue} 前作出决定{a.decisionOverdue ? '（已超期）' : ''}（《法律援助法》第四十三条）</span>}
                {a.decision === 'approved' && <span>已于 {a.decisionDate} 决定给予法律援助；{a.assignedDate ? `已指派 ${a.assignedLawyer}（${a.assignedFirm}，${a.assignedDate}）` : `应于 ${a.assignmentDue} 前指派法律援助人员${a.assignmentOverdue ? '（已超期）' : ''}`}</span>}
                {a.decision === 'refused' && <span>已于 {a.decisionDate} 决定不予法律援助：{a.refusalReason}{a.objectionDate && `；${a.objectionDate} 提出异议：${a.objectionNote}`}</span>}
                {a.closedDate && <div>已结案（{a.closedDate}）：{a.closingReport}</div>}
              </div>
              {a.history.length > 0 && (
                <ul className="muted" style={{ margin: '8px 0 0', paddingLeft: 18 }} data-testid="aid-history">
                  {a.history.map((h, i) => <li key={i}>{formatTime(h.at)} {h.summary} — {h.actorName}</li>)}
                </ul>
              )}
            </Card>
          ))}
          {(c.cases.length > 0 || c.mediations.length > 0) && (
            <Card size="small" title="由本咨询转入" style={{ marginBottom: 12 }} data-testid="linked">
              {c.cases.map((k) => <div key={k.id}><a onClick={() => go(`cases/${k.id}`)}>仲裁案件 {k.caseNumber ?? '（未受理）'}</a>（{CASE_STATUS_LABELS[k.status]}）</div>)}
              {c.mediations.map((m) => <div key={m.id}>调解：{m.organisation}（{MEDIATION_OUTCOMES[m.outcome]}）</div>)}
              {/* issue 11 item 6: the result, the 调解协议书 and the arbitral review of the agreement */}
              {c.mediations.map((m) => <MediationReviewPanel key={`review-${m.id}`} mediationId={m.id} role={user.role} userId={user.id} />)}
            </Card>
          )}
        </Col>
        <Col span={9}>
          <div style={{ marginBottom: 12 }}><ConflictPanel matches={conflicts} /></div>
          <WindowGuide windows={guides} />
        </Col>
      </Row>

      <Modal title={dialog ? TITLES[dialog.kind] : ''} open={dialog !== null} onCancel={() => setDialog(null)} onOk={() => form.submit()} okText="确定" cancelText="取消" forceRender width={620}>
        {error && dialog && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          {dialog?.kind === 'aid' && (
            <>
              <Form.Item name="matter" label="援助事项（《法律援助法》第三十一条）"><Select options={AID_MATTER_CODES.map((m) => ({ value: m, label: AID_MATTERS[m] }))} /></Form.Item>
              {advice && (
                <Alert type={advice.meansTest === 'required' ? 'info' : 'success'} showIcon style={{ marginBottom: 8 }} data-testid="eligibility-advice"
                  title={advice.meansTest === 'not_required' ? '无需经济困难审查' : advice.meansTest === 'exempt_check' ? '免予核查经济困难状况' : '须说明经济困难状况'}
                  description={<ul style={{ margin: 0, paddingLeft: 18 }}>{advice.basis.map((b) => <li key={b}>{b}</li>)}</ul>} />
              )}
              <Form.Item name="eligibility" label="经济困难审查方式"><Radio.Group options={Object.entries(AID_ELIGIBILITY).map(([value, label]) => ({ value, label }))} style={{ display: 'flex', flexDirection: 'column' }} /></Form.Item>
              <Form.Item name="eligibilityNote" label="审查说明（证明材料等）"><Input /></Form.Item>
              <Flex gap={12}>
                <DateItem name="receivedDate" label="收到申请日期" requiredMessage="请填写日期" />
                <DateItem name="limitationExpiry" label="仲裁时效届满日（如临近）" />
              </Flex>
            </>
          )}
          {dialog?.kind === 'decide' && (
            <>
              <Form.Item name="decision" label="决定"><Radio.Group options={[{ value: 'approved', label: '给予法律援助' }, { value: 'refused', label: '不予法律援助' }]} /></Form.Item>
              <DateItem name="decisionDate" label="决定日期" requiredMessage="请填写日期" />
              {decision === 'refused' && <Form.Item name="refusalReason" label="不予援助的理由（书面告知申请人）"><Input.TextArea rows={2} /></Form.Item>}
            </>
          )}
          {dialog?.kind === 'assign' && (
            <>
              <AidAssignLawyerFields />
              <Form.Item name="firm" label="律师事务所" rules={[{ required: true, message: '请填写律师事务所' }]}><Input /></Form.Item>
              <DateItem name="assignedDate" label="指派日期" requiredMessage="请填写日期" />
            </>
          )}
          {dialog?.kind === 'object' && (
            <>
              <DateItem name="objectionDate" label="异议日期" requiredMessage="请填写日期" />
              <Form.Item name="note" label="异议内容（司法行政部门自收到之日起五日内审查）" rules={[{ required: true, message: '请填写异议内容' }]}><Input.TextArea rows={2} /></Form.Item>
            </>
          )}
          {dialog?.kind === 'close' && (
            <>
              <DateItem name="closedDate" label="结案日期" requiredMessage="请填写日期" />
              <Form.Item name="report" label="结案报告" rules={[{ required: true, message: '请填写结案报告' }]}><Input.TextArea rows={3} /></Form.Item>
              <Form.Item name="recovered" label="追回金额（元）"><Input /></Form.Item>
            </>
          )}
          {dialog?.kind === 'mediation' && (
            <>
              <p className="muted">调解组织自收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁（《劳动争议调解仲裁法》第十四条）。</p>
              <Form.Item name="organisation" label="调解组织" rules={[{ required: true, message: '请填写调解组织' }]}><Input /></Form.Item>
              <DateItem name="receivedDate" label="收到调解申请日期" requiredMessage="请填写日期" />
            </>
          )}
          {dialog?.kind === 'outcome' && (
            <>
              <Form.Item name="outcome" label="处理结果"><Select options={Object.entries(CONSULTATION_OUTCOMES).map(([value, label]) => ({ value, label }))} /></Form.Item>
              <Form.Item name="advice" label="解答意见"><Input.TextArea rows={2} /></Form.Item>
              <Form.Item name="recovered" label="追回金额（元）"><Input /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </div>
  );
}

import { Alert, Button, Card, Divider, Drawer, Flex, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, ClaimDecisionView, MediationView, Outcomes, Result } from '../../../../src/api';
import {
  CLAIM_RESULTS, CLOSING_METHODS, CLOSING_METHOD_CODES, FINALITY_TYPE_LABELS, MEDIATION_OUTCOMES, MEDIATION_STAGES, deny, fenInWords, fenToYuanText, formatFen, parseYuanToFen,
} from '../../../../src/domain';
import { api } from '../../lib/api-client';
import { useSession } from '../../lib/session';
import { CalculatorPanel, MONEY_CALCULATORS } from '../calculators/CalculatorPanel';
import { DateItem } from '../../components/DateField';
import { today, ymd } from '../../lib/dates';

type Dialog =
  | { kind: 'mediation' } | { kind: 'session'; m: MediationView } | { kind: 'conclude'; m: MediationView } | { kind: 'statement'; m: MediationView }
  | { kind: 'record' } | { kind: 'correct'; recordId: string } | { kind: 'decide'; d: ClaimDecisionView } | { kind: 'draft' } | { kind: 'award' } | { kind: 'close' } | null;
const TITLES: Record<NonNullable<Dialog>['kind'], string> = {
  mediation: '登记调解', session: '记录调解过程', conclude: '调解结果', statement: '签发调解书', record: '庭审笔录（《劳动争议调解仲裁法》第四十条）', correct: '笔录补正',
  decide: '逐项裁决', draft: '裁决书：程序、陈述、查明事实与理由', award: '签发裁决书', close: '结案',
};

/** Mediation, the hearing record, the decision on each claim, the award and closing — the tribunal's work on a case. */
export function OutcomesPanel({ caseId, version, onChange }: { caseId: string; version: number; onChange: () => void }) {
  const { user } = useSession();
  const [o, setO] = useState<Outcomes | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [calcOpen, setCalcOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const result = Form.useWatch('result', form) as string | undefined;
  const method = Form.useWatch('method', form) as string | undefined;
  const load = useCallback(async () => {
    const r = await api('cases.outcomes', { id: caseId });
    if (r.ok) setO(r.value);
    else setError(r.error.message);
  }, [caseId]);
  useEffect(() => void load(), [load, version]);
  if (!o) return null;
  const can = (a: 'case.manage' | 'case.decide' | 'mediation.manage') => deny(user.role, a, { acceptanceReservedToArbitrators: false }) === null;
  const closed = o.closure !== null;

  const open = (d: Dialog, values: Record<string, unknown> = {}) => {
    form.resetFields();
    form.setFieldsValue(values);
    setError(null);
    setDialog(d);
  };
  const done = (r: Result<unknown>) => {
    setBusy(false);
    if (!r.ok) return fail(r.error);
    setDialog(null);
    void load();
    onChange();
  };
  const fail = (e: ApiError) => {
    const fields = (e.issues ?? []).filter((i) => i.path && form.getFieldInstance?.(i.path.split('.')[0]!) !== undefined).map((i) => ({ name: i.path.split('.')[0]!, errors: [i.message] }));
    if (fields.length) form.setFields(fields);
    setError(e.message);
  };
  const submit = async (v: Record<string, any>) => {
    if (!dialog) return;
    setBusy(true);
    switch (dialog.kind) {
      case 'mediation':
        return done(await api('mediation.create', { caseId, stage: 'in_arbitration', organisation: v.organisation, workerCount: v.workerCount ?? 1, receivedDate: ymd(v.receivedDate) }));
      case 'session':
        return done(await api('mediation.addSession', { mediationId: dialog.m.id, date: ymd(v.date), mediator: v.mediator ?? '', attendees: v.attendees ?? '', notes: v.notes ?? '' }));
      case 'conclude': {
        const items = v.outcome === 'success'
          ? (v.items ?? []).map((i: any) => {
              const amountFen = i.amount ? parseYuanToFen(String(i.amount)) : null;
              const instalments = String(i.instalments ?? '').split('\n').map((l: string) => l.trim()).filter(Boolean).map((l: string) => {
                const [date, amount] = l.split(/[\s,，]+/);
                return { dueDate: date ?? '', amountFen: parseYuanToFen(amount ?? '') ?? -1 };
              });
              return { payer: i.payer ?? '', payee: i.payee ?? '', subject: i.subject ?? '', amountFen, dueDate: i.dueDate ? ymd(i.dueDate) : null, method: i.method || null, instalments, ...(amountFen === null ? { text: i.subject } : {}) };
            })
          : [];
        return done(await api('mediation.conclude', { mediationId: dialog.m.id, outcome: v.outcome, outcomeDate: ymd(v.outcomeDate), note: v.note || undefined, items, closing: v.closing || null }));
      }
      case 'statement':
        return done(await api('mediation.issueStatement', { mediationId: dialog.m.id, issuedDate: ymd(v.issuedDate) }));
      case 'record':
        return done(await api('hearingRecords.create', { caseId, recordDate: ymd(v.recordDate), attendees: v.attendees ?? '', statements: v.statements ?? '', evidence: v.evidence ?? '', questions: v.questions ?? '', finalStatements: v.finalStatements ?? '', mediationAttempt: v.mediationAttempt ?? '' }));
      case 'correct':
        return done(await api('hearingRecords.correct', { recordId: dialog.recordId, requestedBy: v.requestedBy ?? '', text: v.text ?? '' }));
      case 'decide': {
        const amountFen = v.result === 'supported' || v.result === 'partly' ? (v.amount ? parseYuanToFen(String(v.amount)) ?? -1 : null) : null;
        return done(await api('claims.decide', { claimId: dialog.d.claimId, result: v.result, amountFen, order: v.order ?? '', reasoning: v.reasoning ?? '', articles: v.articles ?? '', finalityType: v.finalityType, provisionalExecution: Boolean(v.provisionalExecution), decidedDate: ymd(v.decidedDate) }));
      }
      case 'draft':
        return done(await api('award.saveDraft', { caseId, procedure: v.procedure, appearance: v.appearance ?? '', applicantStatement: v.applicantStatement ?? '', respondentDefence: v.respondentDefence ?? '', factsFound: v.factsFound ?? '', reasoning: v.reasoning ?? '' }));
      case 'award':
        return done(await api('award.issue', { caseId, awardDate: ymd(v.awardDate), ...(v.partial && v.claimIds?.length ? { claimIds: v.claimIds } : {}) }));
      case 'close':
        return done(await api('cases.close', { caseId, method: v.method, closedDate: ymd(v.closedDate), overrunReason: v.overrunReason || undefined, note: v.note || undefined }));
    }
  };
  const printRecord = async (recordId: string) => {
    const r = await api('hearingRecords.print', { recordId, issuedDate: today() });
    if (!r.ok) return setError(r.error.message);
    void load();
    onChange();
  };
  const undecided = o.decisions.filter((d) => !d.decision);
  const openDecisions = o.decisions.filter((d) => d.decision && !d.decision.locked);
  const defaultOrder = (d: ClaimDecisionView) =>
    `被申请人于本裁决书生效之日起十日内支付申请人${d.claimText.replace(/^(请求)?(裁决)?(被申请人)?(向申请人)?(支付|补发|赔偿)?/, '').replace(/[0-9.,]+元$/, '')}`;

  return (
    <Card size="small" title="调解与裁决" style={{ marginBottom: 12 }} data-testid="outcomes">
      {error && !dialog && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} style={{ marginBottom: 8 }} data-testid="outcomes-error" />}
      {o.closure && (
        <Alert type="success" showIcon style={{ marginBottom: 8 }} data-testid="closure"
          title={`已结案：${CLOSING_METHODS[o.closure.method].label}（${o.closure.closedDate}）${o.closure.overrunReason ? `；超过审理期限（届满日 ${o.closure.dueDate}），原因：${o.closure.overrunReason}` : ''}`} />
      )}

      <Flex justify="space-between" align="center"><strong>调解（《劳动争议调解仲裁法》第四十二条：裁决前应当先行调解）</strong>
        {can('mediation.manage') && !closed && <Button size="small" onClick={() => open({ kind: 'mediation' }, { organisation: '仲裁庭', workerCount: 1, receivedDate: today() })}>登记调解</Button>}
      </Flex>
      {o.mediations.length === 0 && <div className="muted" style={{ margin: '4px 0 8px' }}>尚未调解</div>}
      {o.mediations.map((m) => (
        <div key={m.id} className="outcome-block" data-testid="mediation">
          <Flex justify="space-between" align="center" wrap>
            <span>{MEDIATION_STAGES[m.stage]}（{m.organisation}，{m.receivedDate}）<Tag color={m.outcome === 'success' ? 'green' : m.outcome === 'pending' ? 'blue' : 'default'} style={{ marginLeft: 6 }}>{MEDIATION_OUTCOMES[m.outcome]}</Tag>
              {m.statementId && (m.effectiveDate
                ? <Tag color="green" data-testid="statement-state">调解书已生效（{m.effectiveDate} 双方签收完毕）</Tag>
                : <Tag color="orange" data-testid="statement-state">调解书待签收：{m.awaitingReceipt.join('、')}</Tag>)}
            </span>
            <Space>
              {m.outcome === 'pending' && can('mediation.manage') && <Button size="small" onClick={() => open({ kind: 'session', m }, { date: today(), mediator: user.displayName })}>记录调解过程</Button>}
              {m.outcome === 'pending' && can('mediation.manage') && <Button size="small" onClick={() => open({ kind: 'conclude', m }, { outcome: 'failure', outcomeDate: today(), items: [{}] })}>调解结果</Button>}
              {m.outcome === 'success' && !m.statementId && can('case.manage') && <Button size="small" type="primary" onClick={() => open({ kind: 'statement', m }, { issuedDate: today() })}>签发调解书</Button>}
            </Space>
          </Flex>
          {m.sessions.map((s) => <div key={s.id} className="muted" style={{ fontSize: 13 }}>{s.date} 调解员 {s.mediator}；参加：{s.attendees}；{s.notes}</div>)}
          {m.outcomeNote && <div className="muted" style={{ fontSize: 13 }}>结果说明：{m.outcomeNote}</div>}
          {m.items.length > 0 && (
            <ol style={{ margin: '4px 0', paddingLeft: 20 }} data-testid="agreement-items">
              {m.items.map((i, k) => (
                <li key={k}>{i.amountFen !== null ? `${i.payer}向${i.payee}支付${i.subject}${fenInWords(i.amountFen)}` : i.text ?? i.subject}
                  {i.instalments.length > 0 && `，分${i.instalments.length}期：${i.instalments.map((p) => `${p.dueDate}前${formatFen(p.amountFen)}`).join('；')}`}</li>
              ))}
            </ol>
          )}
          {m.limitNote && <div className="muted" style={{ fontSize: 12 }}>{m.limitNote}</div>}
        </div>
      ))}

      <Divider style={{ margin: '10px 0' }} />
      <Flex justify="space-between" align="center"><strong>庭审笔录</strong>{can('case.manage') && !closed && <Button size="small" onClick={() => open({ kind: 'record' }, { recordDate: today() })}>记录庭审</Button>}</Flex>
      {o.records.length === 0 && <div className="muted" style={{ margin: '4px 0 8px' }}>尚无庭审笔录</div>}
      {o.records.map((r) => (
        <div key={r.id} className="outcome-block" data-testid="hearing-record">
          <Flex justify="space-between"><span>{r.recordDate} 庭审；出庭：{r.attendees}</span>
            <Space>
              {can('case.manage') && <Button size="small" onClick={() => open({ kind: 'correct', recordId: r.id })}>补正</Button>}
              {can('case.manage') && <Button size="small" onClick={() => void printRecord(r.id)}>生成笔录供签名</Button>}
            </Space>
          </Flex>
          <div className="muted" style={{ fontSize: 13, whiteSpace: 'pre-wrap' }}>陈述：{r.statements}{r.mediationAttempt && `\n调解：${r.mediationAttempt}`}</div>
          {r.corrections.map((c) => <div key={c.id} style={{ fontSize: 13 }}>补正（{c.date}，应{c.requestedBy}申请）：{c.text}</div>)}
        </div>
      ))}

      <Divider style={{ margin: '10px 0' }} />
      <Flex justify="space-between" align="center"><strong>逐项裁决</strong>
        <Space>
          {can('case.decide') && !closed && <Button size="small" onClick={() => open({ kind: 'draft' }, o.awardDraft ?? { procedure: 'ordinary' })}>{o.awardDraft ? '修改查明事实与理由' : '填写查明事实与理由'}</Button>}
          {can('case.decide') && !closed && <Button size="small" type="primary" disabled={openDecisions.length === 0} onClick={() => open({ kind: 'award' }, { awardDate: today(), partial: false })}>签发裁决书</Button>}
        </Space>
      </Flex>
      <table className="desk-table" style={{ marginTop: 6 }} data-testid="decisions">
        <thead><tr><th>请求</th><th className="money">请求金额</th><th>裁决</th><th className="money">裁决金额</th><th>终局</th><th /></tr></thead>
        <tbody>
          {o.decisions.map((d) => {
            const fin = o.finalityPreview?.items.find((i) => i.claimSeq === d.seq);
            return (
              <tr key={d.claimId} style={{ cursor: 'default' }} data-testid={`decision-${d.seq}`}>
                <td>{d.seq}. {d.claimText}</td>
                <td className="money">{d.claimedFen !== null ? formatFen(d.claimedFen) : '—'}</td>
                <td>{d.decision ? <>{CLAIM_RESULTS[d.decision.result]}{d.decision.locked && <Tag style={{ marginLeft: 4 }}>已裁决</Tag>}{d.decision.provisionalExecution && <Tag color="purple">先予执行</Tag>}</> : <span className="muted">未裁决</span>}</td>
                <td className="money">{d.decision?.amountFen != null ? formatFen(d.decision.amountFen) : '—'}</td>
                <td title={d.decision?.issued?.reason ?? fin?.reason}>{d.decision?.issued ? `${d.decision.issued.final ? '终局' : '非终局'}（${d.decision.issued.document}）` : fin ? (fin.final ? '终局' : '非终局') : ''}</td>
                <td>{can('case.decide') && !closed && !d.decision?.locked && (
                  <Button size="small" onClick={() => open({ kind: 'decide', d }, d.decision
                    ? { ...d.decision, amount: d.decision.amountFen !== null ? fenToYuanText(d.decision.amountFen) : undefined, decidedDate: today() }
                    : { result: 'supported', amount: d.claimedFen !== null ? fenToYuanText(d.claimedFen) : undefined, order: defaultOrder(d), finalityType: d.defaultFinalityType, decidedDate: today() })}>裁决</Button>
                )}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {o.finalityPreview && (
        <div className="muted" style={{ fontSize: 12, marginTop: 4 }} data-testid="finality-preview">
          按今日（{o.finalityPreview.date}）作出裁决：{o.finalityPreview.award === 'final' ? '终局裁决' : o.finalityPreview.award === 'non-final' ? '非终局裁决' : '终局与非终局事项并存'}。{o.finalityPreview.basis.join('；')}
        </div>
      )}

      {!closed && (
        <>
          <Divider style={{ margin: '10px 0' }} />
          <Flex justify="space-between" align="center"><strong>结案</strong>{can('case.manage') && <Button size="small" onClick={() => open({ kind: 'close' }, { method: 'award', closedDate: today() })}>结案</Button>}</Flex>
        </>
      )}

      <Modal title={dialog ? TITLES[dialog.kind] : ''} open={dialog !== null} onCancel={() => setDialog(null)} onOk={() => form.submit()} okText="确定" cancelText="取消" confirmLoading={busy} width={dialog?.kind === 'decide' || dialog?.kind === 'conclude' || dialog?.kind === 'record' || dialog?.kind === 'draft' ? 760 : 520} forceRender>
        {error && dialog && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="dialog-error" />}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          {dialog?.kind === 'mediation' && (
            <>
              <Form.Item name="organisation" label="调解组织或主持人" rules={[{ required: true, message: '请填写调解组织' }]}><Input /></Form.Item>
              <Form.Item name="workerCount" label="涉及劳动者人数"><InputNumber min={1} /></Form.Item>
              <DateItem name="receivedDate" label="调解日期" requiredMessage="请填写调解日期" />
            </>
          )}
          {dialog?.kind === 'session' && (
            <>
              <DateItem name="date" label="调解日期" requiredMessage="请填写调解日期" />
              <Form.Item name="mediator" label="调解员" rules={[{ required: true, message: '请填写调解员' }]}><Input /></Form.Item>
              <Form.Item name="attendees" label="参加人员" rules={[{ required: true, message: '请填写参加人员' }]}><Input /></Form.Item>
              <Form.Item name="notes" label="调解情况" rules={[{ required: true, message: '请填写调解情况' }]}><Input.TextArea rows={3} /></Form.Item>
            </>
          )}
          {dialog?.kind === 'conclude' && (
            <>
              <Form.Item name="outcome" label="调解结果"><Radio.Group options={[{ value: 'success', label: '调解成功' }, { value: 'failure', label: '调解不成' }, { value: 'withdrawn', label: '撤回调解' }]} /></Form.Item>
              <DateItem name="outcomeDate" label="日期" requiredMessage="请填写日期" />
              {outcome === 'success' && (
                <Form.List name="items">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((f, k) => (
                        <div key={f.key} className="outcome-block" data-testid={`agreement-item-${k + 1}`}>
                          <Flex gap={8} wrap>
                            <Form.Item name={[f.name, 'payer']} label={`第${k + 1}项 付款人`} style={{ flex: 1 }}><Input placeholder="被申请人××公司" /></Form.Item>
                            <Form.Item name={[f.name, 'payee']} label="收款人" style={{ flex: 1 }}><Input placeholder="申请人×××" /></Form.Item>
                            <Form.Item name={[f.name, 'amount']} label="金额（元，非金钱条款不填）" style={{ width: 180 }}><Input inputMode="decimal" /></Form.Item>
                          </Flex>
                          <Form.Item name={[f.name, 'subject']} label="给付内容或协议条款" rules={[{ required: true, message: '请填写协议内容' }]}><Input placeholder="2026年6月至9月工资" /></Form.Item>
                          <Flex gap={8} wrap>
                            <DateItem name={[f.name, 'dueDate']} label="履行期限（一次付清时）" />
                            <Form.Item name={[f.name, 'method']} label="支付方式" style={{ width: 160 }}><Input placeholder="银行转账" /></Form.Item>
                            <Form.Item name={[f.name, 'instalments']} label="分期（每行：日期 金额，如 2026-12-31 4000）" style={{ flex: 1 }}><Input.TextArea rows={2} /></Form.Item>
                          </Flex>
                          {fields.length > 1 && <Button size="small" onClick={() => remove(f.name)}>删除此项</Button>}
                        </div>
                      ))}
                      <Button size="small" onClick={() => add({})}>增加一项</Button>
                    </>
                  )}
                </Form.List>
              )}
              {outcome === 'success' && <Form.Item name="closing" label="其他条款（如：双方就本案再无其他争议）" style={{ marginTop: 8 }}><Input /></Form.Item>}
              <Form.Item name="note" label="说明"><Input /></Form.Item>
            </>
          )}
          {dialog?.kind === 'statement' && (
            <>
              <p className="muted">调解书经双方当事人签收后发生法律效力（《劳动争议调解仲裁法》第四十二条），不适用留置送达和公告送达。</p>
              <DateItem name="issuedDate" label="调解书日期" requiredMessage="请填写日期" />
            </>
          )}
          {dialog?.kind === 'record' && (
            <>
              <DateItem name="recordDate" label="庭审日期" requiredMessage="请填写庭审日期" />
              <Form.Item name="attendees" label="出庭人员" rules={[{ required: true, message: '请填写出庭人员' }]}><Input /></Form.Item>
              <Form.Item name="statements" label="当事人陈述" rules={[{ required: true, message: '请填写当事人陈述' }]}><Input.TextArea rows={3} /></Form.Item>
              <Form.Item name="evidence" label="举证、质证"><Input.TextArea rows={2} /></Form.Item>
              <Form.Item name="questions" label="仲裁庭询问"><Input.TextArea rows={2} /></Form.Item>
              <Form.Item name="finalStatements" label="最后陈述"><Input.TextArea rows={2} /></Form.Item>
              <Form.Item name="mediationAttempt" label="调解情况（裁决前应当先行调解）" rules={[{ required: true, message: '请填写调解情况' }]}><Input /></Form.Item>
            </>
          )}
          {dialog?.kind === 'correct' && (
            <>
              <p className="muted">补正附在笔录之后，原记录不改动（《劳动争议调解仲裁法》第四十条）。</p>
              <Form.Item name="requestedBy" label="申请补正的人" rules={[{ required: true, message: '请填写申请补正的人' }]}><Input /></Form.Item>
              <Form.Item name="text" label="补正内容" rules={[{ required: true, message: '请填写补正内容' }]}><Input.TextArea rows={2} /></Form.Item>
            </>
          )}
          {dialog?.kind === 'decide' && (
            <>
              <p style={{ marginTop: 0 }}>第{dialog.d.seq}项：{dialog.d.claimText}{dialog.d.claimedFen !== null && `（请求 ${formatFen(dialog.d.claimedFen)}）`}</p>
              <Form.Item name="result" label="裁决结果"><Radio.Group options={Object.entries(CLAIM_RESULTS).map(([value, label]) => ({ value, label }))} /></Form.Item>
              {(result === 'supported' || result === 'partly') && (
                <Flex gap={8} align="end">
                  <Form.Item name="amount" label="裁决金额（元；非金钱请求不填）" style={{ flex: 1 }}><Input inputMode="decimal" /></Form.Item>
                  <Form.Item><Button onClick={() => setCalcOpen(true)}>计算器</Button></Form.Item>
                </Flex>
              )}
              {(result === 'supported' || result === 'partly') && <Form.Item name="order" label="裁决主文（金额自动附后，含大写）" rules={[{ required: true, message: '请填写裁决主文' }]}><Input.TextArea rows={2} /></Form.Item>}
              <Form.Item name="reasoning" label="理由" rules={[{ required: true, message: '请填写理由' }]}><Input.TextArea rows={2} /></Form.Item>
              <Form.Item name="articles" label="适用条文" rules={[{ required: true, message: '请填写适用条文' }]}><Input /></Form.Item>
              <Flex gap={12}>
                <Form.Item name="finalityType" label="终局认定类别（《劳动争议调解仲裁法》第四十七条）" style={{ flex: 1 }}><Select options={Object.entries(FINALITY_TYPE_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
                <Form.Item name="provisionalExecution" label="先予执行（第四十四条）" valuePropName="checked"><Switch /></Form.Item>
              </Flex>
              <DateItem name="decidedDate" label="裁决日期" requiredMessage="请填写日期" />
            </>
          )}
          {dialog?.kind === 'draft' && (
            <>
              <Form.Item name="procedure" label="程序"><Radio.Group options={[{ value: 'ordinary', label: '普通程序' }, { value: 'simple', label: '简易处理' }]} /></Form.Item>
              <Form.Item name="appearance" label="到庭情况" rules={[{ required: true, message: '请填写到庭情况' }]}><Input /></Form.Item>
              <Form.Item name="applicantStatement" label="申请人称"><Input.TextArea rows={2} /></Form.Item>
              <Form.Item name="respondentDefence" label="被申请人辩称"><Input.TextArea rows={2} /></Form.Item>
              <Form.Item name="factsFound" label="本委查明" rules={[{ required: true, message: '请填写查明事实' }]}><Input.TextArea rows={4} /></Form.Item>
              <Form.Item name="reasoning" label="本委认为" rules={[{ required: true, message: '请填写裁决理由' }]}><Input.TextArea rows={4} /></Form.Item>
            </>
          )}
          {dialog?.kind === 'award' && (
            <>
              {undecided.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={`第${undecided.map((d) => d.seq).join('、')}项尚未裁决：可选择先行裁决已查清的部分（第四十三条第二款）`} />}
              {o.finalityPreview && <p data-testid="award-finality">{o.finalityPreview.award === 'mixed' ? '终局与非终局事项并存：按设置分别制作终局裁决书和非终局裁决书。' : o.finalityPreview.award === 'final' ? '本裁决为终局裁决（第四十七条）。' : '本裁决为非终局裁决（第五十条）。'}</p>}
              <DateItem name="awardDate" label="裁决日期（终局限额按此日施行的最低工资标准认定）" requiredMessage="请填写裁决日期" />
              <Form.Item name="partial" label="先行裁决（只裁决部分请求）" valuePropName="checked"><Switch /></Form.Item>
              <Form.Item noStyle shouldUpdate>{() => form.getFieldValue('partial') && (
                <Form.Item name="claimIds" label="先行裁决的请求"><Select mode="multiple" options={openDecisions.map((d) => ({ value: d.claimId, label: `第${d.seq}项 ${d.claimText}` }))} /></Form.Item>
              )}</Form.Item>
              <p className="muted">签发后各项裁决即锁定，不得更改；裁决书送达后如有笔误，只能以补正决定书更正。</p>
            </>
          )}
          {dialog?.kind === 'close' && (
            <>
              <Form.Item name="method" label="结案方式"><Select options={CLOSING_METHOD_CODES.map((m) => ({ value: m, label: CLOSING_METHODS[m].label }))} /></Form.Item>
              {method && (o.closingBlockers[method as keyof typeof o.closingBlockers]?.length ?? 0) > 0 && (
                <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="closing-blockers" title="尚不能以此方式结案" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{o.closingBlockers[method as keyof typeof o.closingBlockers]!.map((b) => <li key={b}>{b}</li>)}</ul>} />
              )}
              <DateItem name="closedDate" label="结案日期" requiredMessage="请填写结案日期" />
              <Form.Item name="overrunReason" label="超期原因（结案晚于审理期限届满日时必填）"><Input /></Form.Item>
              <Form.Item name="note" label="备注"><Input /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
      <Drawer title="计算器" open={calcOpen} onClose={() => setCalcOpen(false)} size={560} destroyOnHidden>
        <CalculatorPanel only={MONEY_CALCULATORS} onUse={(fen, summary) => {
          form.setFieldValue('amount', fenToYuanText(fen));
          const r = form.getFieldValue('reasoning') as string | undefined;
          if (!r) form.setFieldValue('reasoning', `经计算，${summary}。`);
          setCalcOpen(false);
        }} />
      </Drawer>
    </Card>
  );
}

import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Popover, Select, Spin, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CaseDetail, RelatedCasesPage, StoredParty } from '../../../../src/api';
import {
  AGENT_KIND_LABELS, CASE_STATUS_LABELS, CLAIM_TYPE_INFO, GROUP_FLAG_LABELS, ID_TYPE_LABELS, NON_ACCEPTANCE_REASONS,
  NON_ACCEPTANCE_REASON_CODES, REPRESENTATIVE_KIND_LABELS, SEX_LABELS, deny, formatFen, isCalendarDate, partiesLabel,
} from '../../../../src/domain';
import { ImportedTag } from '../lists/ImportedTag';
import { SurveyButton } from '../survey/SurveyButton';
import { EmployerFlag } from '../employers/EmployerFlag';
import { api } from '../../lib/api-client';
import { formatTime, today } from '../../lib/dates';
import { go } from '../../lib/router';
import { useSession } from '../../lib/session';
import { CaseClockPanel } from './CaseClockPanel';
import { ProceedingsPanel } from './ProceedingsPanel';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { OutcomesPanel } from '../outcomes/OutcomesPanel';
import { RosterPanel } from './RosterPanel';
import { PerformancePanel } from './PerformancePanel';
import { RevealField } from './RevealButton';
import { CorrectionsBlock, PaperReviewBlock } from './CorrectionsCard';
import { EvidenceCard } from './EvidenceCard';
import { DateField, DateItem } from '../../components/DateField';

function PartyBlock({ p, label, masked }: { p: StoredParty; label: string; masked: boolean }) {
  // Issue 12 item 2: the server answers masked values; 显示完整 asks why and shows one, logged.
  const phone = p.phone && masked ? <RevealField masked={p.phone} partyId={p.id} field="phone" partyName={p.name} /> : (p.phone ?? '');
  const items =
    p.kind === 'person'
      ? [
          { label: '姓名', children: <strong>{p.name}</strong> },
          {
            label: ID_TYPE_LABELS[p.idType],
            children: p.idNumber && masked
              ? <RevealField masked={p.idNumber} partyId={p.id} field="idNumber" partyName={p.name} />
              : <span style={{ fontFamily: 'monospace' }}>{p.idNumber ?? '（未填写）'}</span>,
          },
          { label: '性别', children: p.sex ? SEX_LABELS[p.sex] : '' },
          { label: '出生日期', children: p.birthDate ?? '' },
          { label: '民族', children: p.ethnicity ?? '' },
          { label: '联系电话', children: phone },
          { label: '住所', children: p.domicile ?? '' },
          { label: '送达地址', children: p.serviceAddress ?? '' },
          ...(p.isRepresentative ? [{ label: '代表人', children: <Tag color="red">推举的代表人</Tag> }] : []),
        ]
      : [
          { label: '单位名称', children: <strong>{p.name}</strong> },
          { label: '统一社会信用代码', children: <span style={{ fontFamily: 'monospace' }}>{p.creditCode ?? '（未填写）'}</span> },
          { label: REPRESENTATIVE_KIND_LABELS[p.representativeKind], children: `${p.representativeName ?? ''} ${p.representativeTitle ?? ''}` },
          { label: '联系电话', children: phone },
          { label: '住所地', children: p.domicile ?? '' },
          { label: '送达地址', children: p.serviceAddress ?? '' },
        ];
  for (const a of p.agents) items.push({ label: '委托代理人', children: <>{a.name}（{AGENT_KIND_LABELS[a.kind]}{a.organisation ? `，${a.organisation}` : ''}）</> });
  return <Descriptions size="small" bordered column={3} title={label} items={items} style={{ marginBottom: 12 }} />;
}

/** Related cases shown at a time (issue 13, scale4). */
const RELATED_PAGE = 20;

/** The case page: parties, claims, evidence, timeline; for a draft the related-case check and the acceptance decision. */
export function CaseDetailPage({ caseId }: { caseId: string }) {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const [c, setC] = useState<CaseDetail | null>(null);
  const [related, setRelated] = useState<RelatedCasesPage | null>(null);
  const [moreLoading, setMoreLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [acceptDate, setAcceptDate] = useState<string | undefined>(today());
  const [refuseOpen, setRefuseOpen] = useState(false);
  const [reserved, setReserved] = useState(false);
  const [refuseForm] = Form.useForm();

  const load = useCallback(async () => {
    const r = await api('cases.get', { id: caseId });
    if (!r.ok) return setError(r.error.message);
    setC(r.value);
    const rel = await api('cases.related', { id: caseId, limit: RELATED_PAGE });
    if (rel.ok) setRelated(rel.value);
  }, [caseId]);
  // The next page of the related-case check, appended (issue 13: the busiest employer has thousands of cases).
  const moreRelated = async () => {
    if (!related) return;
    setMoreLoading(true);
    const rel = await api('cases.related', { id: caseId, limit: RELATED_PAGE, offset: related.items.length });
    setMoreLoading(false);
    if (!rel.ok) return void message.error(rel.error.message);
    setRelated({ total: rel.value.total, offset: 0, items: [...related.items, ...rel.value.items] });
  };
  useEffect(() => {
    void load();
    void api('settings.get', {}).then((s) => s.ok && setReserved(s.value.acceptanceReservedToArbitrators));
  }, [load]);

  useEffect(() => {
    if (!c) return;
    document.title = `${c.caseNumber ?? '仲裁申请'} ${partiesLabel(c.applicants.map((p) => p.name), c.respondents.map((p) => p.name))} - 劳动仲裁工作台`;
    return () => { document.title = '劳动仲裁工作台'; };
  }, [c]);

  if (error && !c) return <Alert type="error" title={error} showIcon />;
  if (!c) return <Spin />;
  const canDecide = deny(user.role, 'case.decideAcceptance', { acceptanceReservedToArbitrators: reserved }) === null;

  const accept = async () => {
    if (!acceptDate || !isCalendarDate(acceptDate)) return setError(acceptDate ? '受理日期不是有效日期，请按提示修改' : '请填写受理日期');
    const r = await api('cases.accept', { id: c.id, acceptanceDate: acceptDate });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setC(r.value);
    message.success(`已受理，案号：${r.value.caseNumber}`);
  };
  const refuse = async (v: { reasonCode: string; reasonText: string; decisionDate: string }) => {
    const r = await api('cases.notAccept', { id: c.id, reasonCode: v.reasonCode as never, reasonText: v.reasonText, decisionDate: v.decisionDate });
    if (!r.ok) return setError(r.error.message);
    setRefuseOpen(false);
    setC(r.value);
    message.success('已记录不予受理决定');
  };
  const discard = () =>
    modal.confirm({
      title: '删除这份草稿？',
      content: '删除后案件列表中不再显示，操作记录会保留。',
      okText: '删除', cancelText: '取消', okButtonProps: { danger: true },
      onOk: async () => {
        const r = await api('cases.discardDraft', { id: c.id });
        if (r.ok) go('cases');
        else setError(r.error.message);
      },
    });

  const total = c.claims.reduce((s, k) => s + (k.amountFen ?? 0), 0);
  return (
    <div style={{ maxWidth: 1200 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }} data-testid="case-title">
          {c.caseNumber ?? '仲裁申请（未受理）'} <span data-testid="case-parties">{partiesLabel(c.applicants.map((p) => p.name), c.respondents.map((p) => p.name))}</span> <Tag color={c.status === 'accepted' ? 'green' : c.status === 'draft' ? 'gold' : 'default'}>{CASE_STATUS_LABELS[c.status]}</Tag>{c.imported && <ImportedTag />}<EmployerFlag caseId={c.id} />
        </h1>
        <Flex gap={8}>
          {c.status === 'draft' && <Button onClick={() => go(`cases/${c.id}/edit`)}>修改草稿</Button>}
          {c.status === 'draft' && <Button danger onClick={discard}>删除草稿</Button>}
          {c.closedDate && !c.imported && !deny(user.role, 'case.manage', { acceptanceReservedToArbitrators: reserved }) && <SurveyButton caseId={c.id} />}
          <Button onClick={() => go('cases')}>返回列表</Button>
        </Flex>
      </Flex>
      {error && <Alert type="error" title={error} showIcon closable={{ onClose: () => setError(null) }} style={{ marginBottom: 12 }} data-testid="case-error" />}
      {c.closedDate && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="closed-banner"
          title={`本案已于 ${c.closedDate} 结案。结案后只能送达已签发的文书、以决定书补正裁决书中的笔误或归档。`} />
      )}

      {c.status === 'draft' && (
        <Card size="small" title="受理审查" style={{ marginBottom: 12 }} data-testid="acceptance-panel">
          <div style={{ marginBottom: 12 }} data-testid="related-cases">
            {related === null ? <Spin size="small" /> : related.total === 0 ? (
              <Alert type="success" showIcon title="关联案件检查：未发现同一当事人（身份证号、信用代码）或同一用人单位下同名申请人的其他案件" />
            ) : (
              <Alert
                type="warning"
                showIcon
                title={`关联案件检查：发现 ${related.total} 件可能相关的案件，请核对是否重复申请或应并案处理`}
                description={
                  <>
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {related.items.map((r) => (
                        <li key={r.caseId}>
                          <a href={`#/cases/${r.caseId}`}>{r.caseNumber ?? '未受理的申请'}</a>（{CASE_STATUS_LABELS[r.status]}，收件 {r.receivedDate}）
                          {r.applicantNames.join('、')} 诉 {r.respondentNames.join('、')} —— {r.reasons.join('；')}
                        </li>
                      ))}
                    </ul>
                    {related.total > related.items.length && (
                      <div style={{ marginTop: 8 }} data-testid="related-more">
                        <span className="muted">共 {related.total} 件，显示前 {related.items.length} 件（在办案件在前，收件日期由近及远）</span>{' '}
                        <Button size="small" loading={moreLoading} onClick={() => void moreRelated()}>再显示 {Math.min(RELATED_PAGE, related.total - related.items.length)} 件</Button>
                      </div>
                    )}
                  </>
                }
              />
            )}
          </div>
          {c.printProblems.length > 0 && (
            <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="print-problems"
              title="以下文字无法用文书字体打印，受理前请修改申请（可改用常用字，并在备注中说明原字）"
              description={<ul style={{ margin: 0, paddingLeft: 18 }}>{c.printProblems.map((p) => <li key={p.path}>{p.message}</li>)}</ul>} />
          )}
          {c.claims.some((k) => k.limitationCheck?.expired) && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="limitation-warning"
              title="部分请求按登记的日期推算可能已超过一年仲裁时效（《劳动争议调解仲裁法》第二十七条）。时效由仲裁庭审查认定，不影响受理。" />
          )}
          <p className="muted" style={{ marginTop: 0 }}>
            仲裁委员会应当自收到仲裁申请之日起五日内决定受理或不予受理（《劳动争议调解仲裁法》第二十九条；《办案规则》第三十条、第三十一条）。收件日期：{c.receivedDate}
          </p>
          {canDecide ? (
            <Flex gap={8} align="center">
              <span>受理日期</span>
              <DateField value={acceptDate} onChange={setAcceptDate} showError aria-label="受理日期" />
              <Button type="primary" onClick={accept}>受理并编号</Button>
              <Button onClick={() => { refuseForm.setFieldsValue({ decisionDate: today() }); setRefuseOpen(true); }}>不予受理</Button>
            </Flex>
          ) : (
            <Alert type="info" showIcon title={deny(user.role, 'case.decideAcceptance', { acceptanceReservedToArbitrators: reserved })} />
          )}
        </Card>
      )}
      {c.nonAcceptance && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`不予受理（${c.nonAcceptance.decisionDate}）：${NON_ACCEPTANCE_REASONS[c.nonAcceptance.reasonCode].label}`}
          description={<>{c.nonAcceptance.reasonText}{c.nonAcceptance.basis && <div className="muted">依据：{c.nonAcceptance.basis}</div>}</>}
        />
      )}

      {c.status !== 'discarded' && <CaseClockPanel caseId={c.id} version={c.timeline.length} accepted={c.status === 'accepted'} onChange={() => void load()} />}
      <ProceedingsPanel caseId={c.id} venueId={c.venueId} accepted={c.status === 'accepted'} onChange={() => void load()} />
      {c.status === 'accepted' && <PaperReviewBlock c={c} canDecide={!deny(user.role, 'case.decide', { acceptanceReservedToArbitrators: reserved })} onChange={() => void load()} />}
      {c.status === 'accepted' && c.collective && (
        <RosterPanel caseId={c.id} onChange={() => void load()} canManage={!c.closedDate && !deny(user.role, 'case.manage', { acceptanceReservedToArbitrators: reserved })}
          canDecide={!c.closedDate && !deny(user.role, 'case.decide', { acceptanceReservedToArbitrators: reserved })} />
      )}
      {c.status === 'accepted' && <EvidenceCard c={c} canManage={!c.closedDate && !deny(user.role, 'case.manage', { acceptanceReservedToArbitrators: reserved })} onChange={() => void load()} />}
      {c.status === 'accepted' && <OutcomesPanel caseId={c.id} version={c.timeline.length} onChange={() => void load()} />}
      {c.status === 'accepted' && c.closedDate && <PerformancePanel key={c.timeline.length} caseId={c.id} canManage={!deny(user.role, 'case.manage', { acceptanceReservedToArbitrators: reserved })} />}
      <DocumentsPanel caseId={c.id} status={c.status} version={c.timeline.length} onChange={() => void load()} />
      <Card size="small" title="案件信息" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={3}
          items={[
            { label: '办案场所', children: c.venueName },
            { label: '收件日期', children: c.receivedDate },
            { label: '受理日期', children: c.acceptanceDate ?? '—' },
            { label: '案由', children: c.cause ?? '' },
            { label: '集体争议', children: c.collective ? `是（劳动者 ${c.workerCount ?? c.applicants.length} 人）` : '否' },
            { label: '特殊群体', children: c.groupFlags.map((g) => <Tag key={g} color="blue">{GROUP_FLAG_LABELS[g]}</Tag>) },
            ...(c.consultationId ? [{ label: '来源', children: <a href={`#/aid/consultations/${c.consultationId}`} data-testid="consultation-link">法律援助工作站咨询登记（含援助档案）</a> }] : []),
          ]}
        />
      </Card>
      <Card size="small" title="当事人" style={{ marginBottom: 12 }}>
        {c.applicants.map((p, i) => <PartyBlock key={p.id} p={p} masked={!!c.personalMasked} label={`申请人${c.applicants.length > 1 ? i + 1 : ''}`} />)}
        {c.respondents.map((p, i) => <PartyBlock key={p.id} p={p} masked={!!c.personalMasked} label={`被申请人${c.respondents.length > 1 ? i + 1 : ''}`} />)}
        {c.thirdParties.map((p, i) => <PartyBlock key={p.id} p={p} masked={!!c.personalMasked} label={`第三人${c.thirdParties.length > 1 ? i + 1 : ''}`} />)}
        {c.status === 'accepted' && <CorrectionsBlock c={c} canCorrect={!c.closedDate && !deny(user.role, 'case.manage', { acceptanceReservedToArbitrators: reserved })} onChange={() => void load()} />}
      </Card>
      <Card size="small" title={`仲裁请求（${c.claims.length} 项，金额合计 ${formatFen(total)}）`} style={{ marginBottom: 12 }}>
        <table className="desk-table" data-testid="claims-table">
          <thead><tr><th>序号</th><th>类型</th><th>请求内容</th><th>期间</th><th style={{ textAlign: 'right' }}>金额</th><th>依据</th><th>仲裁时效（提示）</th></tr></thead>
          <tbody>
            {c.claims.map((k) => (
              <tr key={k.id} style={{ cursor: 'default' }}>
                <td>{k.seq + 1}</td><td>{CLAIM_TYPE_INFO[k.type].label}</td>
                <td>{k.text}{k.facts && <div className="muted">{k.facts}</div>}</td>
                <td>{k.periodStart || k.periodEnd ? `${k.periodStart ?? ''} 至 ${k.periodEnd ?? ''}` : ''}</td>
                <td className="money">{k.amountFen === null ? '—' : formatFen(k.amountFen)}</td><td>{k.basis ?? ''}</td>
                <td data-testid={`limitation-${k.seq}`}>
                  {k.limitationCheck ? (
                    <Popover title="时效推算依据" content={<ol style={{ margin: 0, paddingLeft: 18, maxWidth: 520 }}>{k.limitationCheck.basis.map((b) => <li key={b}>{b}</li>)}</ol>}>
                      {k.limitationCheck.expiry === null ? <Tag color="green">不受一年时效限制</Tag> : k.limitationCheck.expired ? <Tag color="red">可能已超过时效（{k.limitationCheck.expiry}届满）</Tag> : <Tag color="blue">{k.limitationCheck.expiry} 届满</Tag>}
                    </Popover>
                  ) : <span className="muted">未登记</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card size="small" title={`证据（${c.evidence.length} 项）`} style={{ marginBottom: 12 }}>
        {c.evidence.length === 0 ? <span className="muted">无</span> : (
          <ol style={{ margin: 0 }}>{c.evidence.map((e) => <li key={e.id}>{e.name}{e.source ? `（来源：${e.source}）` : ''}{e.purpose ? `；证明内容：${e.purpose}` : ''}，{e.copies}份</li>)}</ol>
        )}
      </Card>
      <Card size="small" title="办理记录" data-testid="timeline">
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {c.timeline.map((e) => <li key={e.id}><span className="muted">{formatTime(e.at)}</span> {e.summary} <span className="muted">— {e.actorName}</span></li>)}
        </ul>
      </Card>

      <Modal title="不予受理" open={refuseOpen} onCancel={() => setRefuseOpen(false)} onOk={() => refuseForm.submit()} okText="确定" cancelText="取消" destroyOnHidden>
        <Form form={refuseForm} layout="vertical" onFinish={refuse}>
          <DateItem name="decisionDate" label="决定日期" requiredMessage="请填写决定日期" />
          <Form.Item name="reasonCode" label="理由" rules={[{ required: true, message: '请选择不予受理理由' }]}>
            <Select options={NON_ACCEPTANCE_REASON_CODES.map((k) => ({ value: k, label: NON_ACCEPTANCE_REASONS[k].label }))} />
          </Form.Item>
          <Form.Item name="reasonText" label="具体理由（将写入不予受理通知书）" rules={[{ required: true, message: '请填写具体理由' }]}><Input.TextArea rows={4} /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

import { Alert, Button, Descriptions, Flex, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiError, CaseDocument, DocumentKindView, DocumentPreview, Hearing, MediationView, EvidenceSubmissionView, StoredParty } from '../../../../src/api';
import { DECISION_SUBJECTS, type Role, mayIssueKind } from '../../../../src/domain';
import { api } from '../../lib/api-client';
import { downloadDocument, printDocument } from './document-actions';
import { PdfView } from './PdfView';
import { DateItem } from '../../components/DateField';
import { today, ymd } from '../../lib/dates';

const REGISTER_ONLY = [
  { value: 'application_copy', label: '仲裁申请书副本（仅登记，外部文书）' },
  { value: 'composition_notice', label: '仲裁庭组成通知书（仅登记，外部文书）' },
  { value: 'other', label: '其他文书（仅登记，外部文书）' },
];

interface Props {
  caseId: string;
  /** The user's role: only the kinds it may issue are offered (src/domain/roles.ts mayIssueKind). */
  role: Role;
  open: boolean;
  accepted: boolean;
  hearings: Hearing[];
  documents: CaseDocument[];
  onClose: () => void;
  onIssued: (doc: CaseDocument) => void;
}

/** 生成文书: choose a kind that fits the case's stage, fill what it needs, preview the PDF, issue, then save or print. */
export function GenerateDocumentDialog({ caseId, role, open, accepted, hearings, documents, onClose, onIssued }: Props) {
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as string | undefined;
  const [kinds, setKinds] = useState<DocumentKindView[]>([]);
  const [preview, setPreview] = useState<DocumentPreview | null>(null);
  const [issued, setIssued] = useState<CaseDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'issue' | null>(null);
  const [confirming, setConfirming] = useState<{ title: string; issuedDate: string; preview: DocumentPreview | null } | null>(null);
  const scheduled = hearings.filter((h) => h.status === 'scheduled');
  /** The case's parties, for the forms pre-filled for one party (授权委托书, 法定代表人身份证明书, 送达地址确认书). */
  const [parties, setParties] = useState<StoredParty[]>([]);
  const ROLE_LABEL = { applicant: '申请人', respondent: '被申请人', third_party: '第三人' } as const;
  /** The case's mediations within arbitration with recorded sessions, for the 调解笔录. */
  const [mediations, setMediations] = useState<MediationView[]>([]);
  /** The evidence handed in after acceptance, for the 证据收据. */
  const [evidence, setEvidence] = useState<EvidenceSubmissionView[]>([]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ issuedDate: today(), days: 5, hearingId: scheduled[0]?.id, subject: 'withdrawal', layout: 'a4' });
    setPreview(null);
    setIssued(null);
    setConfirming(null);
    setError(null);
    // Kinds signed by the tribunal are not offered to a clerk: the service would refuse them (issue 12).
    void api('documents.kinds', { id: caseId }).then((r) => (r.ok ? setKinds(r.value.filter((k) => mayIssueKind(role, k.code))) : setError(r.error.message)));
    void api('cases.get', { id: caseId }).then((r) => r.ok && setParties([...r.value.applicants, ...r.value.respondents, ...r.value.thirdParties]));
    if (accepted) void api('evidence.list', { id: caseId }).then((r) => r.ok && setEvidence(r.value));
    if (accepted) void api('cases.outcomes', { id: caseId }).then((r) => r.ok && setMediations(r.value.mediations.filter((m) => m.stage === 'in_arbitration' && m.sessions.length > 0)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, caseId, role]);

  /** Forms pre-filled for one party (the registry's kinds that need 'party'; 'unit' ones for an organisation only). */
  const needs = (code: string | undefined, need: string) => !!kinds.find((k) => k.code === code)?.needs.includes(need);
  const input = (v: Record<string, any>) => {
    const payload: Record<string, unknown> = {};
    if (v.kind === 'correction_notice') payload.correction = { items: String(v.items ?? '').split('\n').map((s) => s.trim()).filter(Boolean), days: v.days };
    if (v.kind === 'response_notice' && v.evidenceDeadline) payload.evidenceDeadline = ymd(v.evidenceDeadline);
    if (v.kind === 'service_receipt') payload.servedDocumentIds = v.servedDocumentIds ?? [];
    if (needs(v.kind, 'party') && v.partyId) payload.partyId = v.partyId;
    if (v.kind === 'mediation_record' && v.mediationId) payload.mediationId = v.mediationId;
    if (v.kind === 'evidence_receipt' && v.submissionId) payload.submissionId = v.submissionId;
    if (v.kind === 'public_notice' && v.serviceId) payload.serviceId = v.serviceId;
    if (v.kind === 'hearing_notice' && v.layout) payload.layout = v.layout;
    if (v.kind === 'decision') payload.decision = { subject: v.subject, cause: v.cause ?? '', facts: v.facts ?? '', basisAndDecision: v.basisAndDecision ?? '' };
    return {
      caseId, kind: v.kind, issuedDate: ymd(v.issuedDate),
      ...(v.kind === 'hearing_notice' ? { hearingId: v.hearingId } : {}),
      ...(Object.keys(payload).length ? { payload } : {}),
    };
  };
  /** Server field issues beside the fields: "payload.correction.items.0" -> items, "payload.decision" -> cause. */
  const fail = (e: ApiError) => {
    const field = (path: string) =>
      ({ 'payload.correction': 'items', 'payload.decision': 'cause', 'payload.servedDocumentIds': 'servedDocumentIds', 'payload.partyId': 'partyId', 'payload.mediationId': 'mediationId', 'payload.submissionId': 'submissionId', 'payload.serviceId': 'serviceId' })[path] ??
      path.replace(/^payload\.(correction|decision)\./, '').replace(/^payload\./, '').split('.')[0]!;
    const fields = (e.issues ?? []).filter((i) => i.path).map((i) => ({ name: field(i.path), errors: [i.message] }));
    if (fields.length) form.setFields(fields);
    setError(e.message);
  };
  const doPreview = async () => {
    const v = await form.validateFields();
    setBusy('preview');
    setError(null);
    const r = await api('documents.preview', input(v) as never);
    setBusy(null);
    if (r.ok) setPreview(r.value);
    else fail(r.error);
  };
  /** 签发 first shows exactly what will be recorded (kind, addressee, version, number, date, pages); 确认签发 records it. */
  const askIssue = async () => {
    const v = await form.validateFields();
    setError(null);
    const kv = kinds.find((k) => k.code === v.kind);
    if (!kv) return setConfirming({ title: REGISTER_ONLY.find((o) => o.value === v.kind)?.label.replace(/（.*$/, '') ?? '文书', issuedDate: ymd(v.issuedDate), preview: null });
    setBusy('preview');
    const r = await api('documents.preview', input(v) as never);
    setBusy(null);
    if (!r.ok) return fail(r.error);
    setPreview(r.value);
    setConfirming({ title: r.value.title, issuedDate: ymd(v.issuedDate), preview: r.value });
  };
  const doIssue = async () => {
    const v = await form.validateFields();
    setBusy('issue');
    setError(null);
    const r = await api('documents.issue', input(v) as never);
    setBusy(null);
    setConfirming(null);
    if (!r.ok) return fail(r.error);
    setIssued(r.value);
    onIssued(r.value);
    // what was issued is shown from the register's stored file, not rendered again
    if (r.value.hasFiles) {
      const f = await api('documents.file', { documentId: r.value.id, format: 'pdf' });
      if (f.ok) setPreview({ kind: r.value.kind, title: r.value.title, text: '', pages: r.value.pages ?? 0, pdfBase64: f.value.base64, record: { addressee: null, version: r.value.version, number: r.value.caseNumber } });
      else setError(f.error.message);
    }
  };
  const act = async (f: () => Promise<{ message: string } | null>) => {
    const e = await f();
    if (e) setError(e.message);
  };
  const info = kinds.find((k) => k.code === kind);
  // grouped under the registry's headings (the service lists them group by group); register-only kinds last
  const groups: { label: string; title: string; options: { value: string; label: string; disabled?: boolean }[] }[] = [];
  for (const k of kinds) {
    if (groups.at(-1)?.label !== k.group) groups.push({ label: k.group, title: k.group, options: [] });
    groups.at(-1)!.options.push({ value: k.code, label: k.available ? k.label : `${k.label}（${k.unavailable}）`, disabled: !k.available });
  }
  const options = [...groups, ...(accepted ? [{ label: '仅登记（外部文书）', title: '仅登记（外部文书）', options: REGISTER_ONLY }] : [])];

  return (
    <Modal title="生成文书" open={open} onCancel={onClose} width={issued || preview ? 760 : 560} destroyOnHidden footer={null} data-testid="generate-document">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="generate-error" />}
      {issued ? (
        <div data-testid="issued-result">
          <Alert type="success" showIcon title={`已签发${issued.title}（第${issued.version}版${issued.pages ? `，${issued.pages} 页` : '，仅登记'}）`} style={{ marginBottom: 8 }} />
          {issued.hasFiles && (
            <>
              <Descriptions size="small" column={1} items={[{ key: 'sha', label: 'PDF 校验值（SHA-256）', children: <code style={{ fontSize: 11 }}>{issued.pdfSha256}</code> }]} />
              <Space style={{ margin: '8px 0' }}>
                <Button type="primary" onClick={() => void act(() => printDocument(issued.id))}>打印</Button>
                <Button onClick={() => void act(() => downloadDocument(issued.id, 'pdf'))}>保存 PDF</Button>
                <Button onClick={() => void act(() => downloadDocument(issued.id, 'docx'))}>保存 DOCX</Button>
                <Button onClick={onClose}>完成</Button>
              </Space>
            </>
          )}
          {!issued.hasFiles && <Button onClick={onClose}>完成</Button>}
        </div>
      ) : (
        <Form form={form} layout="vertical" onValuesChange={() => setConfirming(null)}>
          <Form.Item name="kind" label="文书种类" rules={[{ required: true, message: '请选择文书种类' }]} extra={info?.basis}>
            <Select virtual={false} options={options} placeholder="按案件所处阶段列出可生成的文书" onChange={() => setPreview(null)} />
          </Form.Item>
          {kind === 'hearing_notice' && (
            <>
              <Form.Item name="hearingId" label="对应的开庭" rules={[{ required: true, message: '请选择开庭安排' }]}>
                <Select options={scheduled.map((h) => ({ value: h.id, label: `${h.date} ${h.startTime} ${h.venueName}${h.roomName}` }))} />
              </Form.Item>
              <Form.Item name="layout" label="纸张">
                <Radio.Group options={[{ value: 'a4', label: 'A4（存根单独一页，沿虚线裁开）' }, { value: 'a3-stub', label: 'A3 横向（左存根、右通知，骑缝盖章）' }]} />
              </Form.Item>
            </>
          )}
          {kind === 'correction_notice' && (
            <Flex gap={12}>
              <Form.Item name="items" label="需要补正的材料（每行一项，一次性告知）" style={{ flex: 1 }} rules={[{ required: true, message: '请列出需要补正的材料' }]}><Input.TextArea rows={3} /></Form.Item>
              <Form.Item name="days" label="补正期限（日）" rules={[{ required: true, message: '请填写补正期限' }]}><InputNumber min={1} max={30} /></Form.Item>
            </Flex>
          )}
          {needs(kind, 'party') && (
            <Form.Item name="partyId" label="为哪一方当事人制作（按已登记的信息预填，由当事人签名或盖章）" rules={[{ required: true, message: '请选择当事人' }]}>
              <Select options={parties.filter((x) => !needs(kind, 'unit') || x.kind === 'org').map((x) => ({ value: x.id, label: `${ROLE_LABEL[x.role]}：${x.name}` }))} />
            </Form.Item>
          )}
          {kind === 'mediation_record' && (
            <Form.Item name="mediationId" label="对应的调解（按登记的调解过程制作笔录）" rules={[{ required: true, message: '请选择调解' }]}>
              <Select options={mediations.map((m) => ({ value: m.id, label: `${m.sessions.map((s) => s.date).join('、')} 调解员 ${[...new Set(m.sessions.map((s) => s.mediator))].join('、')}（${m.sessions.length} 次）` }))} />
            </Form.Item>
          )}
          {kind === 'evidence_receipt' && (
            <Form.Item name="submissionId" label="对应的证据提交（按登记的证据材料出具）" rules={[{ required: true, message: '请选择证据提交' }]}>
              <Select options={evidence.map((s) => ({ value: s.id, label: `${s.receivedDate} ${s.partyRole}${s.partyName}提交 ${s.items.length} 项` }))} />
            </Form.Item>
          )}
          {kind === 'public_notice' && (
            <Form.Item name="serviceId" label="对应的公告送达（按送达登记制作公告）" rules={[{ required: true, message: '请选择公告送达的登记' }]}>
              <Select options={documents.flatMap((d) => d.services.filter((s) => s.method === 'public_notice').map((s) => ({ value: s.id, label: `${d.title}：${s.partyName}（${s.sentDate} 发出，${s.servedDate} 视为送达）` })))} />
            </Form.Item>
          )}
          {kind === 'response_notice' && <DateItem name="evidenceDeadline" label="举证期限（可不填，由仲裁庭另行指定）" />}
          {kind === 'service_receipt' && (
            <Form.Item name="servedDocumentIds" label="送达的文书" rules={[{ required: true, message: '请选择要送达的文书' }]}>
              <Select mode="multiple" options={documents.filter((d) => !d.supersededBy && d.kind !== 'service_receipt').map((d) => ({ value: d.id, label: `${d.title}（${d.issuedDate}）` }))} />
            </Form.Item>
          )}
          {kind === 'decision' && (
            <>
              <Form.Item name="subject" label="决定事项"><Select options={Object.entries(DECISION_SUBJECTS).map(([value, label]) => ({ value, label: value === 'provisional_execution' ? `${label}（《劳动争议调解仲裁法》第四十四条，移送人民法院执行）` : label }))} /></Form.Item>
              <Form.Item name="cause" label="事由" rules={[{ required: true, message: '请填写事由' }]}><Input /></Form.Item>
              <Form.Item name="facts" label="查明事项" rules={[{ required: true, message: '请填写查明事项' }]}><Input.TextArea rows={3} /></Form.Item>
              <Form.Item name="basisAndDecision" label="适用依据及决定内容" rules={[{ required: true, message: '请填写适用依据及决定内容' }]}><Input.TextArea rows={3} /></Form.Item>
            </>
          )}
          <DateItem name="issuedDate" label="文书日期（签发日期）" requiredMessage="请填写签发日期" />
          <Space style={{ marginBottom: 8 }}>
            <Button onClick={() => void doPreview()} loading={busy === 'preview'} disabled={!info}>预览</Button>
            <Button type="primary" onClick={() => void askIssue()} loading={busy === 'issue'} disabled={confirming !== null}>签发</Button>
            <span className="muted">签发后文书存入登记簿，不可更改；如需更正，请重新签发新版本并说明理由。</span>
          </Space>
          {confirming && (
            <div data-testid="issue-confirm" style={{ border: '1px solid #faad14', background: '#fffbe6', padding: 12, marginBottom: 8 }}>
              <strong>请核对将记入文书登记簿的内容：</strong>
              <Descriptions
                size="small" column={1} style={{ marginTop: 6 }}
                items={[
                  { key: 'title', label: '文书', children: confirming.title },
                  { key: 'to', label: '受送达人', children: confirming.preview ? (confirming.preview.record.addressee ?? '（本文书无抬头，按送达记录送达各方）') : '（仅登记，无文件）' },
                  { key: 'version', label: '版本', children: `第${confirming.preview?.record.version ?? 1}版（新签发）` },
                  { key: 'number', label: '文号', children: confirming.preview?.record.number ?? '（本文书不编文号）' },
                  { key: 'date', label: '签发日期', children: confirming.issuedDate },
                  ...(confirming.preview ? [{ key: 'pages', label: '页数', children: `${confirming.preview.pages} 页（A4）` }] : []),
                ]}
              />
              <Space>
                <Button type="primary" danger onClick={() => void doIssue()} loading={busy === 'issue'}>确认签发</Button>
                <Button onClick={() => setConfirming(null)} disabled={busy === 'issue'}>返回修改</Button>
              </Space>
            </div>
          )}
        </Form>
      )}
      {preview && (
        <div data-testid="preview-block">
          <div className="muted" style={{ marginBottom: 4 }} data-testid="preview-pages">{preview.title}预览：共 {preview.pages} 页（A4）</div>
          <PdfView base64={preview.pdfBase64} width={issued ? 700 : 500} />
        </div>
      )}
    </Modal>
  );
}

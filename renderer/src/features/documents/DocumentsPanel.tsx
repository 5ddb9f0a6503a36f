import { Alert, Button, Card, Flex, Form, Input, Modal, Radio, Select, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CaseDocument, Proceedings } from '../../../../src/api';
import { SERVICE_METHODS, SERVICE_METHOD_INFO, type ServiceMethod, deny, mayIssueKind } from '../../../../src/domain';
import { api } from '../../lib/api-client';
import { useSession } from '../../lib/session';
import { downloadDocument, printDocument } from './document-actions';
import { GenerateDocumentDialog } from './GenerateDocumentDialog';
import { PdfView } from './PdfView';
import { DateItem } from '../../components/DateField';
import { today, ymd } from '../../lib/dates';

type Dialog = { kind: 'serve'; doc: CaseDocument } | { kind: 'reissue'; doc: CaseDocument } | null;

/** The case's document register: every issued version with its files, service on each party, re-issue with a reason. */
export function DocumentsPanel({ caseId, status, version, onChange }: { caseId: string; status: string; version: number; onChange: () => void }) {
  const { user } = useSession();
  const [p, setP] = useState<Proceedings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generating, setGenerating] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  /** An issued version as stored (documents.file: hash checked), viewed without issuing anything again. */
  const [viewing, setViewing] = useState<{ doc: CaseDocument; base64: string } | null>(null);
  const view = async (doc: CaseDocument) => {
    const r = await api('documents.file', { documentId: doc.id, format: 'pdf' });
    if (!r.ok) return setError(r.error.message);
    setViewing({ doc, base64: r.value.base64 });
  };
  const [form] = Form.useForm();
  const method = Form.useWatch('method', form) as ServiceMethod | undefined;
  const load = useCallback(async () => {
    const r = await api('cases.proceedings', { id: caseId });
    if (r.ok) setP(r.value);
    else setError(r.error.message);
  }, [caseId]);
  useEffect(() => void load(), [load, version]);
  if (!p || status === 'discarded') return null;
  const canManage = deny(user.role, 'case.manage', { acceptanceReservedToArbitrators: false }) === null;
  const act = async (f: () => Promise<{ message: string } | null>) => {
    const e = await f();
    if (e) setError(e.message);
  };
  const open = (d: Dialog, values: Record<string, unknown>) => {
    form.resetFields();
    form.setFieldsValue(values);
    setError(null);
    setDialog(d);
  };
  const submit = async (v: Record<string, any>) => {
    if (!dialog) return;
    const r = dialog.kind === 'serve'
      ? await api('documents.serve', {
          documentId: dialog.doc.id, partyId: v.partyId, method: v.method, sentDate: ymd(v.sentDate), receiptDate: v.receiptDate ? ymd(v.receiptDate) : null,
          consent: v.consent || undefined, witnesses: v.witnesses || undefined, recorded: Boolean(v.recorded), specialLeaving: Boolean(v.specialLeaving),
        })
      : await api('documents.reissue', { documentId: dialog.doc.id, reason: v.reason ?? '', issuedDate: ymd(v.issuedDate) });
    if (!r.ok) {
      const fields = (r.error.issues ?? []).filter((i) => ['partyId', 'method', 'sentDate', 'receiptDate', 'consent', 'witnesses', 'reason', 'issuedDate'].includes(i.path)).map((i) => ({ name: i.path, errors: [i.message] }));
      if (fields.length) form.setFields(fields);
      else setError(r.error.message);
      return;
    }
    setDialog(null);
    void load();
    onChange();
  };

  return (
    <Card
      size="small" title="文书与送达" style={{ marginBottom: 12 }} data-testid="documents-panel"
      extra={canManage && <Button size="small" type="primary" onClick={() => setGenerating(true)}>生成文书</Button>}
    >
      {error && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} style={{ marginBottom: 8 }} data-testid="documents-error" />}
      <table className="desk-table" data-testid="documents">
        <thead><tr><th>文书</th><th>版本</th><th>签发</th><th>送达情况</th><th>操作</th></tr></thead>
        <tbody>
          {p.documents.length === 0 && <tr><td colSpan={5} className="muted">尚无文书</td></tr>}
          {p.documents.map((d) => (
            <tr key={d.id} style={{ cursor: 'default' }} data-testid={`document-${d.kind}-v${d.version}`}>
              <td>
                {d.title}
                {d.documentNumber && <div className="muted" style={{ fontSize: 12 }} data-testid="document-number">{d.documentNumber}</div>}
                {d.supersededBy && <Tag style={{ marginLeft: 6 }}>已被新版本取代</Tag>}
                {!d.hasFiles && <Tag style={{ marginLeft: 6 }}>仅登记</Tag>}
                {d.hearingId && <div className="muted" style={{ fontSize: 12 }}>{p.hearings.find((h) => h.id === d.hearingId)?.date} 开庭</div>}
              </td>
              <td>
                第{d.version}版{d.pages ? `，${d.pages}页` : ''}
                {d.reissueReason && <div className="muted" style={{ fontSize: 12 }}>理由：{d.reissueReason}</div>}
                {d.pdfSha256 && <Tooltip title={`PDF SHA-256 ${d.pdfSha256}；DOCX SHA-256 ${d.docxSha256}`}><div className="muted" style={{ fontSize: 11 }}>校验值 {d.pdfSha256.slice(0, 12)}…</div></Tooltip>}
              </td>
              <td>{d.issuedDate}<div className="muted" style={{ fontSize: 12 }}>{d.createdBy}</div></td>
              <td>
                {d.services.map((s) => <div key={s.id}>{s.partyName}：{SERVICE_METHOD_INFO[s.method].label}，送达日期 <strong>{s.servedDate}</strong></div>)}
                {!d.supersededBy && d.unservedParties.length > 0 && <div className="muted">未送达：{d.unservedParties.map((x) => x.name).join('、')}</div>}
              </td>
              <td>
                <Flex gap={4} wrap>
                  {d.hasFiles && <Button size="small" onClick={() => void view(d)}>查看</Button>}
                  {d.hasFiles && <Button size="small" onClick={() => void act(() => printDocument(d.id))}>打印</Button>}
                  {d.hasFiles && <Button size="small" onClick={() => void act(() => downloadDocument(d.id, 'pdf'))}>PDF</Button>}
                  {d.hasFiles && <Button size="small" onClick={() => void act(() => downloadDocument(d.id, 'docx'))}>DOCX</Button>}
                  {canManage && !d.supersededBy && d.unservedParties.length > 0 && <Button size="small" onClick={() => open({ kind: 'serve', doc: d }, { partyId: d.unservedParties[0]!.id, method: 'direct', sentDate: today() })}>登记送达</Button>}
                  {canManage && !d.supersededBy && mayIssueKind(user.role, d.kind) && <Button size="small" onClick={() => open({ kind: 'reissue', doc: d }, { issuedDate: today() })}>重新签发</Button>}
                </Flex>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <Modal
        open={viewing !== null} onCancel={() => setViewing(null)} width={680} destroyOnHidden
        title={viewing ? `${viewing.doc.title}（第${viewing.doc.version}版，${viewing.doc.issuedDate} 签发${viewing.doc.supersededBy ? '，已被新版本取代' : ''}）` : ''}
        footer={viewing && (
          <Flex gap={8} justify="end">
            <Button onClick={() => void act(() => printDocument(viewing.doc.id))}>打印</Button>
            <Button onClick={() => void act(() => downloadDocument(viewing.doc.id, 'pdf'))}>保存 PDF</Button>
            <Button onClick={() => void act(() => downloadDocument(viewing.doc.id, 'docx'))}>保存 DOCX</Button>
            <Button type="primary" onClick={() => setViewing(null)}>关闭</Button>
          </Flex>
        )}
      >
        {viewing && <div data-testid="document-view"><PdfView base64={viewing.base64} width={600} /></div>}
      </Modal>
      <GenerateDocumentDialog
        caseId={caseId} role={user.role} open={generating} accepted={status === 'accepted'} hearings={p.hearings} documents={p.documents}
        onClose={() => setGenerating(false)} onIssued={() => { void load(); onChange(); }}
      />
      <Modal title={dialog?.kind === 'reissue' ? `重新签发${dialog.doc.title}（原版本保留备查）` : '登记送达'} open={dialog !== null} onCancel={() => setDialog(null)} onOk={() => form.submit()} okText="确定" cancelText="取消" forceRender>
        <Form form={form} layout="vertical" onFinish={submit}>
          {dialog?.kind === 'reissue' && (
            <>
              <p className="muted" style={{ marginTop: 0 }}>将按案件现有信息重新生成第{dialog.doc.version + 1}版；原第{dialog.doc.version}版及其文件保留，不再送达。更正已生效裁决书的内容应另行制作补正决定书。</p>
              <Form.Item name="reason" label="重新签发的理由" rules={[{ required: true, message: '请填写重新签发的理由' }]}><Input.TextArea rows={2} /></Form.Item>
              <DateItem name="issuedDate" label="签发日期" requiredMessage="请填写签发日期" />
            </>
          )}
          {dialog?.kind === 'serve' && (
            <>
              <p className="muted" style={{ marginTop: 0 }}>{dialog.doc.title}（{dialog.doc.issuedDate} 签发）</p>
              <Form.Item name="partyId" label="受送达人" rules={[{ required: true, message: '请选择受送达人' }]}><Select options={dialog.doc.unservedParties.map((x) => ({ value: x.id, label: x.name }))} /></Form.Item>
              <Form.Item name="method" label="送达方式" extra={method && SERVICE_METHOD_INFO[method].basis}><Select options={SERVICE_METHODS.map((m) => ({ value: m, label: SERVICE_METHOD_INFO[m].label }))} /></Form.Item>
              <DateItem name="sentDate" label={method === 'post' ? '交邮日期' : method === 'public_notice' ? '公告发出日期' : method === 'left_at_premises' ? '留置日期' : '发出日期'} requiredMessage="请填写日期" />
              {method && SERVICE_METHOD_INFO[method].needs === 'receipt' && (
                <DateItem name="receiptDate" label={method === 'post' ? '回执上的收件日期' : method === 'electronic' ? '到达受送达人系统的日期' : '签收日期'} />
              )}
              {method === 'electronic' && <Form.Item name="consent" label="受送达人同意电子送达的记录"><Input placeholder="例如：2026-11-20 在送达地址确认书上勾选同意，手机号…" /></Form.Item>}
              {method === 'left_at_premises' && (
                <>
                  <Form.Item name="witnesses" label="见证人（或勾选已拍照录像）"><Input /></Form.Item>
                  <Form.Item name="recorded" valuePropName="checked"><Radio.Group options={[{ value: true, label: '已拍照、录像记录' }, { value: false, label: '未录像' }]} /></Form.Item>
                </>
              )}
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}

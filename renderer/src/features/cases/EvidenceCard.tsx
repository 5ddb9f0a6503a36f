import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { CaseDetail, EvidenceSubmissionView } from '../../../../src/api';
import { PARTY_ROLE_LABELS } from '../../../../src/domain';
import { api } from '../../lib/api-client';
import { showFieldErrors } from '../../lib/form-errors';
import { printDocument } from '../documents/document-actions';

interface Values {
  partyId: string;
  receivedDate: Dayjs;
  note?: string;
  items: { name: string; source?: string; purpose: string; pages: number; original: boolean; copies: number }[];
}

/**
 * 证据材料 (issue 11 item 6): evidence a party hands in after acceptance, recorded once per handing-in with each item's
 * name, source, purpose, pages, copies and original or copy; the 证据收据 (with the list) is issued from the record.
 */
export function EvidenceCard({ c, canManage, onChange }: { c: CaseDetail; canManage: boolean; onChange: () => void }) {
  const { message } = App.useApp();
  const [list, setList] = useState<EvidenceSubmissionView[]>([]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const parties = [...c.applicants, ...c.respondents, ...c.thirdParties];
  const load = () => void api('evidence.list', { id: c.id }).then((r) => (r.ok ? setList(r.value) : setError(r.error.message)));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [c.id, c.timeline.length]);

  const submit = async (v: Values) => {
    const r = await api('evidence.submit', {
      caseId: c.id, partyId: v.partyId, receivedDate: v.receivedDate.format('YYYY-MM-DD'), ...(v.note ? { note: v.note } : {}),
      items: v.items.map((i) => ({ name: i.name ?? '', ...(i.source ? { source: i.source } : {}), purpose: i.purpose ?? '', pages: i.pages, original: i.original, copies: i.copies })),
    });
    if (!r.ok) {
      if (!showFieldErrors(form, r.error)) message.error(r.error.message);
      return;
    }
    message.success(`已登记${r.value.partyName}提交的证据材料${r.value.items.length}项`);
    setOpen(false);
    form.resetFields();
    onChange();
    load();
  };
  /** Issues the receipt from the record (or prints the one already issued). */
  const receipt = async (s: EvidenceSubmissionView) => {
    setBusy(s.id);
    setError(null);
    let id = s.receiptId;
    if (!id) {
      const r = await api('documents.issue', { caseId: c.id, kind: 'evidence_receipt', issuedDate: dayjs().format('YYYY-MM-DD'), payload: { submissionId: s.id } });
      if (!r.ok) {
        setBusy(null);
        return setError(r.error.message);
      }
      id = r.value.id;
      message.success('已签发证据收据');
      onChange();
      load();
    }
    const e = await printDocument(id);
    setBusy(null);
    if (e) setError(e.message);
  };

  return (
    <Card size="small" title="证据材料（受理后提交）" style={{ marginBottom: 12 }} data-testid="evidence-card">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {list.map((s) => (
        <div key={s.id} style={{ marginBottom: 8 }} data-testid="evidence-submission">
          <Space style={{ marginBottom: 4 }}>
            <strong>{s.partyRole} {s.partyName}</strong>
            <span className="muted">{s.receivedDate} 提交 {s.items.length} 项{s.note ? `；${s.note}` : ''}</span>
            {canManage && (
              <Button size="small" loading={busy === s.id} onClick={() => void receipt(s)}>{s.receiptId ? '打印证据收据' : '出具证据收据'}</Button>
            )}
          </Space>
          <Table
            size="small" pagination={false} rowKey="seq" dataSource={s.items}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 50 },
              { title: '证据名称', dataIndex: 'name' },
              { title: '来源', dataIndex: 'source', render: (v: string | null) => v ?? '' },
              { title: '证明目的', dataIndex: 'purpose' },
              { title: '页数', dataIndex: 'pages', width: 60 },
              { title: '份数', dataIndex: 'copies', width: 60 },
              { title: '原件/复印件', dataIndex: 'original', width: 100, render: (v: boolean) => (v ? '原件' : '复印件') },
            ]}
          />
        </div>
      ))}
      {!list.length && <div className="muted" style={{ marginBottom: 8 }}>尚未登记受理后提交的证据材料。</div>}
      {canManage && (
        <Button onClick={() => { form.setFieldsValue({ receivedDate: dayjs(), items: [{ name: '', purpose: '', pages: 1, copies: 1, original: false }] }); setOpen(true); }}>
          登记证据材料
        </Button>
      )}
      <Modal open={open} title="登记证据材料" width={900} okText="确认登记" cancelText="取消" onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="登记后不可修改，据此出具证据收据；登记有误的，请另行登记并在备注中说明。" />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Space align="start">
            <Form.Item name="partyId" label="提交人" rules={[{ required: true, message: '请选择提交证据的当事人' }]} style={{ width: 300 }}>
              <Select options={parties.map((p) => ({ value: p.id, label: `${PARTY_ROLE_LABELS[p.role]} ${p.name}` }))} />
            </Form.Item>
            <Form.Item name="receivedDate" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}><DatePicker /></Form.Item>
            <Form.Item name="note" label="备注"><Input style={{ width: 260 }} /></Form.Item>
          </Space>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="start" data-testid="evidence-item">
                    <span style={{ lineHeight: '32px' }}>{i + 1}.</span>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写证据名称' }]}><Input placeholder="证据名称" style={{ width: 160 }} /></Form.Item>
                    <Form.Item name={[f.name, 'source']}><Input placeholder="来源" style={{ width: 110 }} /></Form.Item>
                    <Form.Item name={[f.name, 'purpose']} rules={[{ required: true, message: '请填写证明目的' }]}><Input placeholder="证明目的" style={{ width: 200 }} /></Form.Item>
                    <Form.Item name={[f.name, 'pages']} rules={[{ required: true, message: '请填写页数' }]}><InputNumber min={1} placeholder="页数" style={{ width: 70 }} /></Form.Item>
                    <Form.Item name={[f.name, 'copies']} rules={[{ required: true, message: '请填写份数' }]}><InputNumber min={1} placeholder="份数" style={{ width: 70 }} /></Form.Item>
                    <Form.Item name={[f.name, 'original']}><Select style={{ width: 90 }} options={[{ value: true, label: '原件' }, { value: false, label: '复印件' }]} /></Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(f.name)}>删除</Button>}
                  </Space>
                ))}
                <Button onClick={() => add({ name: '', purpose: '', pages: 1, copies: 1, original: false })}>增加一项</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}

import { Alert, Button, Form, Modal, Progress, Select, Space } from 'antd';
import { shanghaiDateTime } from '../../../../src/domain';
import JSZip from 'jszip';
import { useState } from 'react';
import type { CaseSummary } from '../../../../src/api';
import { api } from '../../lib/api-client';
import { base64ToBytes, saveFile } from '../../lib/pdf';
import { DateItem } from '../../components/DateField';
import { today } from '../../lib/dates';

/** Notices that need nothing beyond the case itself, so one choice serves many cases. */
const BATCH_KINDS = [
  { value: 'acceptance_notice', label: '受理通知书' },
  { value: 'response_notice', label: '应诉通知书（含举证通知）' },
  { value: 'receipt', label: '收件回执' },
  { value: 'application', label: '仲裁申请书' },
  { value: 'non_acceptance_notice', label: '不予受理通知书' },
] as const;

interface Outcome {
  caseId: string;
  label: string;
  documentId?: string;
  error?: string;
}

/** The same notice for many selected cases: issued one by one with a progress bar, then a summary of failures and a ZIP of the PDFs. */
export function BatchDialog({ cases, open, onClose }: { cases: CaseSummary[]; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState(0);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const [zipError, setZipError] = useState<string | null>(null);
  const reset = () => {
    setDone(0);
    setOutcomes(null);
    setZipError(null);
  };
  const run = async () => {
    const v = await form.validateFields();
    reset();
    setRunning(true);
    const results: Outcome[] = [];
    for (const c of cases) {
      const label = c.caseNumber ?? `${c.applicantNames.join('、')}（未受理，收件 ${c.receivedDate}）`;
      const r = await api('documents.issue', { caseId: c.id, kind: v.kind, issuedDate: v.issuedDate });
      results.push(r.ok ? { caseId: c.id, label, documentId: r.value.id } : { caseId: c.id, label, error: r.error.message });
      setDone(results.length);
    }
    setOutcomes(results);
    setRunning(false);
  };
  const zip = async () => {
    const z = new JSZip();
    for (const o of outcomes ?? []) {
      if (!o.documentId) continue;
      const f = await api('documents.file', { documentId: o.documentId, format: 'pdf' });
      if (!f.ok) return setZipError(f.error.message);
      z.file(f.value.fileName, base64ToBytes(f.value.base64));
    }
    const bytes = await z.generateAsync({ type: 'uint8array' });
    saveFile(bytes, `批量文书-${shanghaiDateTime(new Date()).replace(/[-: ]/g, '')}.zip`, 'application/zip');
  };
  const failed = outcomes?.filter((o) => o.error) ?? [];
  const ok = outcomes?.filter((o) => o.documentId) ?? [];

  return (
    <Modal title={`批量生成文书（${cases.length} 件）`} open={open} onCancel={() => !running && (reset(), onClose())} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ issuedDate: today(), kind: 'acceptance_notice' }}>
        <Form.Item name="kind" label="文书种类" rules={[{ required: true, message: '请选择文书种类' }]}><Select options={[...BATCH_KINDS]} disabled={running} /></Form.Item>
        <DateItem name="issuedDate" label="签发日期" requiredMessage="请填写签发日期" fieldProps={{ disabled: running }} />
      </Form>
      <Progress percent={Math.round((done / Math.max(1, cases.length)) * 100)} format={() => `${done} / ${cases.length}`} data-testid="batch-progress" />
      {outcomes && (
        <div data-testid="batch-summary" style={{ marginTop: 8 }}>
          <Alert type={failed.length ? 'warning' : 'success'} showIcon title={`成功 ${ok.length} 件，失败 ${failed.length} 件`} />
          {failed.length > 0 && (
            <ul style={{ marginTop: 8 }} data-testid="batch-failures">
              {failed.map((f) => <li key={f.caseId}><strong>{f.label}</strong>：{f.error}</li>)}
            </ul>
          )}
          {zipError && <Alert type="error" showIcon title={zipError} />}
        </div>
      )}
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" loading={running} onClick={() => void run()} disabled={!!outcomes}>开始生成并签发</Button>
        {ok.length > 0 && <Button onClick={() => void zip()}>下载全部 PDF（ZIP）</Button>}
        <Button disabled={running} onClick={() => { reset(); onClose(); }}>关闭</Button>
      </Space>
    </Modal>
  );
}

import { Alert, Button, Form, Modal, Progress, Select, Space } from 'antd';
import { shanghaiDateTime } from '../../../../src/domain';
import { useState } from 'react';
import type { CaseSummary } from '../../../../src/api';
import { api } from '../../lib/api-client';
import { base64ToBytes, printPdf, saveFile } from '../../lib/pdf';
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
  /** Already in the register before this run (not issued again). */
  existing?: boolean;
  error?: string;
}

/**
 * The same notice for many selected cases. What is already issued (a current version of the kind) is taken as it is;
 * only the missing ones are issued, one by one with a progress bar. Then a summary of failures, and the issued versions,
 * in the order of the cases, printed or saved as ONE PDF (documents.merged: the stored pages, unchanged).
 */
export function BatchDialog({ cases, open, onClose }: { cases: CaseSummary[]; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState(0);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'print' | 'save' | null>(null);
  const reset = () => {
    setDone(0);
    setOutcomes(null);
    setFileError(null);
  };
  const run = async () => {
    const v = await form.validateFields();
    reset();
    setRunning(true);
    const have = await api('documents.issued', { caseIds: cases.map((c) => c.id), kind: v.kind });
    if (!have.ok) {
      setRunning(false);
      return setFileError(have.error.message);
    }
    const results: Outcome[] = [];
    for (const c of cases) {
      const label = c.caseNumber ?? `${c.applicantNames.join('、')}（未受理，收件 ${c.receivedDate}）`;
      const existing = have.value.filter((d) => d.caseId === c.id);
      if (existing.length) results.push(...existing.map((d) => ({ caseId: c.id, label, documentId: d.documentId, existing: true })));
      else {
        const r = await api('documents.issue', { caseId: c.id, kind: v.kind, issuedDate: v.issuedDate });
        results.push(r.ok ? { caseId: c.id, label, documentId: r.value.id } : { caseId: c.id, label, error: r.error.message });
      }
      setDone((n) => n + 1);
    }
    setOutcomes(results);
    setRunning(false);
  };
  const merged = async (then: (bytes: Uint8Array, fileName: string) => Promise<void> | void, what: 'print' | 'save') => {
    setFileError(null);
    setBusy(what);
    const f = await api('documents.merged', { documentIds: ok.map((o) => o.documentId!) });
    if (!f.ok) {
      setBusy(null);
      return setFileError(f.error.message);
    }
    await then(base64ToBytes(f.value.base64), `批量文书-${shanghaiDateTime(new Date()).replace(/[-: ]/g, '')}.pdf`);
    setBusy(null);
  };
  const failed = outcomes?.filter((o) => o.error) ?? [];
  const ok = outcomes?.filter((o) => o.documentId) ?? [];
  const reused = ok.filter((o) => o.existing);

  return (
    <Modal title={`批量生成文书（${cases.length} 件）`} open={open} onCancel={() => !running && (reset(), onClose())} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ issuedDate: today(), kind: 'acceptance_notice' }}>
        <Form.Item name="kind" label="文书种类" rules={[{ required: true, message: '请选择文书种类' }]}><Select options={[...BATCH_KINDS]} disabled={running} /></Form.Item>
        <DateItem name="issuedDate" label="签发日期" requiredMessage="请填写签发日期" fieldProps={{ disabled: running }} />
      </Form>
      <Progress percent={Math.round((done / Math.max(1, cases.length)) * 100)} format={() => `${done} / ${cases.length}`} data-testid="batch-progress" />
      {outcomes && (
        <div data-testid="batch-summary" style={{ marginTop: 8 }}>
          <Alert
            type={failed.length ? 'warning' : 'success'} showIcon
            title={`成功 ${ok.length} 件（新签发 ${ok.length - reused.length} 件，此前已签发 ${reused.length} 件未重复签发），失败 ${failed.length} 件`}
          />
          {failed.length > 0 && (
            <ul style={{ marginTop: 8 }} data-testid="batch-failures">
              {failed.map((f) => <li key={f.caseId}><strong>{f.label}</strong>：{f.error}</li>)}
            </ul>
          )}
        </div>
      )}
      {fileError && <Alert type="error" showIcon title={fileError} style={{ marginTop: 8 }} data-testid="batch-error" />}
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" loading={running} onClick={() => void run()} disabled={!!outcomes}>开始生成并签发</Button>
        {ok.length > 0 && <Button loading={busy === 'print'} onClick={() => void merged((b) => printPdf(b), 'print')}>打印全部（{ok.length} 份，一次打印）</Button>}
        {ok.length > 0 && <Button loading={busy === 'save'} onClick={() => void merged((b, name) => saveFile(b, name, 'application/pdf'), 'save')}>保存为一个 PDF</Button>}
        <Button disabled={running} onClick={() => { reset(); onClose(); }}>关闭</Button>
      </Space>
    </Modal>
  );
}

import { Alert, Button, Card, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { PerformanceView } from '../../../../src/api';
import { checkYuanText, formatFen } from '../../../../src/domain';
import { DateItem } from '../../components/DateField';
import { api } from '../../lib/api-client';
import { today } from '../../lib/dates';
import { showFieldErrors } from '../../lib/form-errors';

/**
 * Performance (履行情况) of the award or 调解书 a case was closed with (issue 16): each record states, as of a date,
 * whether the employer paid in full, in part or not by the due date, and an application to the court for enforcement
 * (《劳动争议调解仲裁法》第五十一条). The latest record is the state; an unpaid one raises the employer's grade.
 */
export function PerformancePanel({ caseId, canManage }: { caseId: string; canManage: boolean }) {
  const [v, setV] = useState<PerformanceView | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const status = Form.useWatch('status', form) as string | undefined;
  const load = useCallback(async () => {
    const r = await api('performance.get', { caseId });
    setV(r.ok ? r.value : null); // a case not closed by award or mediation has no performance to record
  }, [caseId]);
  useEffect(() => void load(), [load]);
  if (!v) return null;

  const start = () => {
    setError(null);
    form.resetFields();
    form.setFieldsValue({ dueDate: v.current?.dueDate, asOf: today(), status: v.current?.status === 'paid' ? undefined : v.current?.status });
    setOpen(true);
  };
  const save = async () => {
    setError(null);
    let f: any;
    try { f = await form.validateFields(); } catch { return; }
    const paid = f.paid && String(f.paid).trim() ? (checkYuanText(String(f.paid)) as { fen: number }).fen : null;
    setBusy(true);
    const r = await api('performance.record', {
      caseId, dueDate: f.dueDate, status: f.status, asOf: f.asOf, paidFen: paid, enforcementDate: f.enforcementDate || null,
      enforcementCourt: f.enforcementCourt || undefined, note: f.note || undefined,
    });
    setBusy(false);
    if (!r.ok) { if (!showFieldErrors(form, r.error, { paidFen: 'paid' })) setError(r.error.message); return; }
    setV(r.value);
    setOpen(false);
  };
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="performance"
      title={<>{v.instrumentLabel}履行情况 {v.current && <Tag color={v.inDefault ? 'red' : v.current.status === 'paid' ? 'green' : 'orange'}>{v.inDefault ? '逾期未履行' : v.current.statusLabel}</Tag>}</>}
      extra={canManage && <Button size="small" onClick={start}>登记履行情况</Button>}>
      <p className="muted" style={{ marginTop: 0 }}>当事人应当依照规定的期限履行发生法律效力的调解书、裁决书；一方逾期不履行的，另一方可以向人民法院申请执行（{v.basis}）。未履行的记入用人单位分级。</p>
      {v.records.length === 0 ? <p className="muted">尚未登记。</p> : (
        <Table size="small" rowKey="id" pagination={false} dataSource={[...v.records].reverse()}
          columns={[
            { title: '核实日期', dataIndex: 'asOf', width: 110 },
            { title: '履行期限', dataIndex: 'dueDate', width: 110 },
            { title: '情况', dataIndex: 'statusLabel', width: 90 },
            { title: '已履行金额', dataIndex: 'paidFen', width: 130, render: (n: number | null) => (n === null ? '—' : formatFen(n)) },
            { title: '申请强制执行', render: (_, r) => (r.enforcementDate ? `${r.enforcementDate}，${r.enforcementCourt}` : '—') },
            { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '' },
            { title: '登记人', dataIndex: 'byName', width: 100 },
          ]} />
      )}
      <Modal open={open} title={`登记${v.instrumentLabel}履行情况`} onCancel={() => setOpen(false)} onOk={save} okText="保存" cancelText="取消" confirmLoading={busy} destroyOnHidden width={640}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
        <Form form={form} layout="vertical">
          <Flex gap={12}>
            <DateItem name="dueDate" label={`${v.instrumentLabel}规定的履行期限`} requiredMessage="请填写履行期限" />
            <DateItem name="asOf" label="情况核实日期" requiredMessage="请填写核实日期" />
            <Form.Item name="status" label="履行情况" rules={[{ required: true, message: '请选择履行情况' }]} style={{ flex: 1 }}>
              <Select aria-label="履行情况" options={[{ value: 'paid', label: '已全部履行' }, { value: 'partial', label: '部分履行' }, { value: 'unpaid', label: '未履行' }]} />
            </Form.Item>
          </Flex>
          {status === 'partial' && (
            <Form.Item name="paid" label="已履行金额（元）" rules={[{ required: true, message: '请填写已履行的金额' }, { validator: (_, x) => { const r = checkYuanText(String(x ?? '')); return !x || r.ok ? Promise.resolve() : Promise.reject(new Error(r.message)); } }]}>
              <Input style={{ width: 200 }} />
            </Form.Item>
          )}
          {status && status !== 'paid' && (
            <Flex gap={12}>
              <DateItem name="enforcementDate" label="申请强制执行日期（未申请不填）" />
              <Form.Item name="enforcementCourt" label="受理申请的人民法院" style={{ flex: 1 }}><Input /></Form.Item>
            </Flex>
          )}
          <Form.Item name="note" label="说明" rules={[{ max: 500, message: '说明不能超过500个字' }]}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

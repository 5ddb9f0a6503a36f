import { App, Button, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api-client';
import { showFieldErrors } from '../../lib/form-errors';

const REASONS = ['核对当事人身份', '制作或核对文书', '联系当事人', '送达'];
const FIELD_LABELS = { idNumber: '身份证件号码', phone: '联系电话' } as const;

/**
 * 显示完整 (issue 12 item 2): a masked ID number or phone, and a button that asks why and shows the full value; the
 * server writes a read-log entry (who, whose, which field, when, why) that the administrator reviews.
 */
export function RevealField({ masked, partyId, field, partyName }: { masked: string; partyId: string; field: 'idNumber' | 'phone'; partyName: string }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async (v: { reason: string }) => {
    const r = await api('personal.reveal', { partyId, field, reason: v.reason ?? '' });
    if (!r.ok) {
      if (!showFieldErrors(form, r.error)) message.error(r.error.message);
      return;
    }
    setValue(r.value.value ?? '（未填写）');
    setOpen(false);
    form.resetFields();
  };
  if (value !== null) return <span style={{ fontFamily: field === 'idNumber' ? 'monospace' : undefined }} data-testid={`revealed-${field}`}>{value}</span>;
  return (
    <Space size={4}>
      <span style={{ fontFamily: field === 'idNumber' ? 'monospace' : undefined }}>{masked}</span>
      <Button size="small" type="link" onClick={() => setOpen(true)} data-testid={`reveal-${field}`}>显示完整</Button>
      <Modal title={`显示${partyName}的完整${FIELD_LABELS[field]}`} open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="显示" destroyOnHidden>
        <p className="muted">查阅将记入个人信息查阅记录（查阅人、当事人、项目、时间和理由），由系统管理员审阅。</p>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="reason" label="查阅理由" rules={[{ required: true, message: '请填写查阅理由' }]}>
            <Input maxLength={200} aria-label="查阅理由" />
          </Form.Item>
          <Space wrap>
            {REASONS.map((r) => <Tag key={r} style={{ cursor: 'pointer' }} onClick={() => form.setFieldValue('reason', r)}>{r}</Tag>)}
          </Space>
        </Form>
      </Modal>
    </Space>
  );
}

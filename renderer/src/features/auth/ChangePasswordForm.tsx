import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { UserView } from '../../../../src/api';
import { api } from '../../lib/api-client';
import { showFieldErrors } from '../../lib/form-errors';

/** The user's own password change: the current password, then the new one twice. */
export function ChangePasswordForm({ onChanged, submitLabel = '修改密码' }: { onChanged: (u: UserView) => void; submitLabel?: string }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { currentPassword: string; newPassword: string }) => {
    setBusy(true);
    const r = await api('auth.changePassword', { currentPassword: v.currentPassword, newPassword: v.newPassword });
    setBusy(false);
    if (!r.ok) {
      if (!showFieldErrors(form, r.error)) setError(r.error.message);
      return;
    }
    form.resetFields();
    onChanged(r.value);
  };
  return (
    <Form form={form} name="changePassword" layout="vertical" onFinish={submit}>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请填写当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label="新密码（至少8位）" rules={[{ required: true, message: '请填写新密码' }, { min: 8, message: '新密码至少8位' }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="再次输入新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({ validator: (_r, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>{submitLabel}</Button>
    </Form>
  );
}

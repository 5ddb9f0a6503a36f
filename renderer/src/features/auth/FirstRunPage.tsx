import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import type { UserView } from '../../../../src/api';
import { api } from '../../lib/api-client';
import { showFieldErrors } from '../../lib/form-errors';

/** First start: create the administrator account. */
export function FirstRunPage({ commissionName, onDone }: { commissionName: string; onDone: (u: UserView) => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const submit = async (v: { username: string; displayName: string; password: string; confirm: string }) => {
    setBusy(true);
    const r = await api('setup.createAdmin', { username: v.username, displayName: v.displayName, password: v.password, role: 'admin' });
    setBusy(false);
    if (!r.ok) {
      if (!showFieldErrors(form, r.error)) message.error(r.error.message);
      return;
    }
    message.success('管理员账号已创建');
    onDone(r.value);
  };
  return (
    <div style={{ maxWidth: 460, margin: '60px auto' }}>
      <Card title={`劳动仲裁工作台 · 首次启动`}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${commissionName}`} description="请先创建系统管理员账号。管理员负责添加仲裁员、书记员等用户和维护设置，不办理案件。" />
        <Form form={form} layout="vertical" onFinish={submit} requiredMark>
          <Form.Item name="username" label="管理员用户名" rules={[{ required: true, message: '请填写用户名' }]}>
            <Input autoFocus autoComplete="off" placeholder="例如 admin" />
          </Form.Item>
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }, { min: 8, message: '密码至少8位' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="再次输入密码"
            dependencies={['password']}
            rules={[
              { required: true, message: '请再次输入密码' },
              ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            创建管理员并进入
          </Button>
        </Form>
      </Card>
    </div>
  );
}

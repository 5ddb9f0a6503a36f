import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { UserView } from '../../../../src/api';
import { api } from '../../lib/api-client';

/**
 * Shown over the page after the idle period (settings) or when the service reports the session locked. The page
 * underneath stays mounted, so unsaved form contents are kept; the mask is opaque so no personal data shows.
 */
export function LockScreen({ user, onUnlocked, onLogout }: { user: UserView; onUnlocked: () => void; onLogout: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ password: string }>();
  const submit = async (v: { password: string }) => {
    setBusy(true);
    const r = await api('auth.unlock', v);
    setBusy(false);
    form.resetFields();
    if (r.ok) return onUnlocked();
    if (r.error.code === 'UNAUTHENTICATED' || r.error.code === 'FORBIDDEN') {
      // Too many failures or the login expired: the session has ended.
      setError(r.error.message);
      window.setTimeout(onLogout, 2500);
      return;
    }
    setError(r.error.message);
  };
  return (
    <Modal
      open
      title="工作台已锁定"
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={null}
      styles={{ mask: { background: '#1f3a5f', backdropFilter: 'blur(8px)' } }}
      data-testid="lock-screen"
    >
      <p>长时间未操作，工作台已锁定。请输入 {user.displayName}（{user.username}）的密码解锁；未保存的填写内容会保留。</p>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      <Form form={form} name="unlock" layout="vertical" onFinish={submit}>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>解锁</Button>
        <Button style={{ marginLeft: 8 }} onClick={onLogout}>退出登录</Button>
      </Form>
    </Modal>
  );
}

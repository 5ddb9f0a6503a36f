import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import type { UserView } from '../../../../src/api';
import { api } from '../../lib/api-client';

export function LoginPage({ commissionName, onLogin }: { commissionName: string; onLogin: (u: UserView) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    const r = await api('auth.login', v);
    setBusy(false);
    if (r.ok) onLogin(r.value);
    else setError(r.error.message);
  };
  return (
    <div style={{ maxWidth: 400, margin: '80px auto' }}>
      <Card title="劳动仲裁工作台 · 登录">
        <p className="muted" style={{ marginTop: 0 }}>{commissionName}</p>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}

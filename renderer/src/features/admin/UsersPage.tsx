import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { UserView, Venue } from '../../../../src/api';
import { ROLES, ROLE_LABELS } from '../../../../src/domain';
import { api } from '../../lib/api-client';
import { showFieldErrors } from '../../lib/form-errors';

/** Local accounts: the administrator adds arbitrators, clerks, lawyers and window staff. */
export function UsersPage() {
  const [users, setUsers] = useState<UserView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [venues, setVenues] = useState<Venue[]>([]);
  const role = Form.useWatch('role', form) as string | undefined;
  const { message } = App.useApp();
  const load = useCallback(async () => {
    const r = await api('users.list', {});
    if (r.ok) setUsers(r.value);
    else setError(r.error.message);
  }, []);
  useEffect(() => void load(), [load]);
  useEffect(() => void api('venues.list', {}).then((r) => r.ok && setVenues(r.value)), []);

  const create = async (v: { username: string; displayName: string; role: (typeof ROLES)[number]; password: string; employment?: 'full_time' | 'part_time'; venueId?: string }) => {
    const staff = v.role === 'arbitrator' || v.role === 'clerk';
    const r = await api('users.create', { ...v, employment: staff ? v.employment : undefined, venueId: staff ? v.venueId : undefined });
    if (!r.ok) {
      if (!showFieldErrors(form, r.error)) setError(r.error.message);
      return;
    }
    message.success(`已添加用户 ${r.value.displayName}`);
    form.resetFields();
    void load();
  };
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [resetForm] = Form.useForm<{ password: string }>();
  const reset = async (v: { password: string }) => {
    if (!resetting) return;
    const r = await api('users.resetPassword', { id: resetting.id, password: v.password });
    if (!r.ok) {
      if (!showFieldErrors(resetForm, r.error)) setError(r.error.message);
      return;
    }
    message.success(`已重置 ${r.value.displayName} 的密码；其下次登录时须设置新密码`);
    setResetting(null);
    resetForm.resetFields();
    void load();
  };
  const toggle = async (u: UserView, active: boolean) => {
    const r = await api('users.setActive', { id: u.id, active });
    if (!r.ok) setError(r.error.message);
    void load();
  };

  return (
    <div style={{ maxWidth: 1000 }}>
      <h1 className="page-title">用户管理</h1>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      <Card size="small" title="添加用户" style={{ marginBottom: 12 }}>
        <Form form={form} layout="vertical" onFinish={create} initialValues={{ role: 'clerk' }}>
          <Row gutter={12}>
            <Col span={5}><Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}><Input autoComplete="off" /></Form.Item></Col>
            <Col span={5}><Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input /></Form.Item></Col>
            <Col span={5}><Form.Item name="role" label="角色"><Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} /></Form.Item></Col>
            <Col span={5}><Form.Item name="password" label="初始密码" rules={[{ required: true, message: '请填写密码' }, { min: 8, message: '密码至少8位' }]}><Input.Password autoComplete="new-password" /></Form.Item></Col>
            <Col span={4} style={{ paddingTop: 30 }}><Button type="primary" htmlType="submit">添加</Button></Col>
            {(role === 'arbitrator' || role === 'clerk') && (
              <>
                <Col span={5}><Form.Item name="employment" label="专职/兼职" initialValue="full_time"><Select options={[{ value: 'full_time', label: '专职' }, { value: 'part_time', label: '兼职' }]} /></Form.Item></Col>
                <Col span={10}><Form.Item name="venueId" label="常驻场所（本部或巡回庭）"><Select allowClear options={venues.map((x) => ({ value: x.id, label: x.name }))} /></Form.Item></Col>
              </>
            )}
          </Row>
        </Form>
      </Card>
      <table className="desk-table">
        <thead><tr><th>用户名</th><th>姓名</th><th>角色</th><th>名册</th><th>启用</th><th>密码</th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} style={{ cursor: 'default' }}>
              <td>{u.username}</td><td>{u.displayName}</td><td>{ROLE_LABELS[u.role]}</td>
              <td>{u.employment ? `${u.employment === 'full_time' ? '专职' : '兼职'}${u.venueId ? `，${venues.find((x) => x.id === u.venueId)?.name ?? ''}` : ''}` : ''}</td>
              <td><Switch checked={u.active} onChange={(v) => toggle(u, v)} aria-label={`启用 ${u.username}`} /></td>
              <td>
                <Button size="small" onClick={() => setResetting(u)} aria-label={`重置 ${u.username} 的密码`}>重置密码</Button>
                {u.mustChangePassword && <span className="muted">　待本人修改</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Modal title={resetting ? `重置 ${resetting.displayName}（${resetting.username}）的密码` : ''} open={resetting !== null} onCancel={() => setResetting(null)} onOk={() => resetForm.submit()} okText="重置" cancelText="取消" forceRender>
        <p>请设置一个临时密码并当面或电话告知本人；本人下次登录时必须改为只有自己知道的新密码。</p>
        <Form form={resetForm} name="resetPassword" layout="vertical" onFinish={reset}>
          <Form.Item name="password" label="临时密码（至少8位）" rules={[{ required: true, message: '请填写临时密码' }, { min: 8, message: '临时密码至少8位' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

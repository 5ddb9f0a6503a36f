import { Alert, Card, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { SetupStatus, UserView } from '../../src/api';
import { ChangePasswordForm } from './features/auth/ChangePasswordForm';
import { FirstRunPage } from './features/auth/FirstRunPage';
import { LockScreen } from './features/auth/LockScreen';
import { LoginPage } from './features/auth/LoginPage';
import { Shell } from './Shell';
import { LOCKED_EVENT, api } from './lib/api-client';
import { useIdle } from './lib/idle';

export function App() {
  const [status, setStatus] = useState<SetupStatus | null>(null);
  const [user, setUser] = useState<UserView | null>(null);
  const [locked, setLocked] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const s = await api('setup.status', {});
    if (!s.ok) return setError(s.error.message);
    setStatus(s.value);
    const me = await api('auth.me', {});
    if (me.ok) setUser(me.value);
  }, []);
  useEffect(() => void load(), [load]);

  // Idle lock (settings: idleLockMinutes); the service locks on its side too, and says so with LOCKED.
  const lock = useCallback(() => {
    setLocked(true);
    void api('auth.lock', {});
  }, []);
  useIdle(user && !locked && !user.mustChangePassword ? (status?.idleLockMinutes ?? null) : null, lock);
  useEffect(() => {
    const onLocked = () => setLocked(true);
    window.addEventListener(LOCKED_EVENT, onLocked);
    return () => window.removeEventListener(LOCKED_EVENT, onLocked);
  }, []);
  const logout = useCallback(async () => {
    await api('auth.logout', {});
    setLocked(false);
    setUser(null);
  }, []);

  if (error) return <Alert type="error" title="无法启动" description={error} showIcon style={{ margin: 40 }} />;
  if (!status) return <Spin size="large" style={{ display: 'block', marginTop: 120 }} />;
  if (status.needsAdmin && !user) {
    return <FirstRunPage commissionName={status.commissionName} onDone={(u) => { setStatus({ ...status, needsAdmin: false }); setUser(u); }} />;
  }
  if (!user) return <LoginPage commissionName={status.commissionName} onLogin={(u) => { setLocked(false); setUser(u); }} />;
  if (user.mustChangePassword) {
    return (
      <div style={{ maxWidth: 420, margin: '60px auto' }}>
        <Card title="请设置新密码">
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="系统管理员已重置您的密码。继续使用前，请输入管理员告知的临时密码，并设置只有您本人知道的新密码。" />
          <ChangePasswordForm submitLabel="设置新密码并继续" onChanged={setUser} />
        </Card>
      </div>
    );
  }
  return (
    <>
      <Shell user={user} commissionName={status.commissionName} onLogout={logout} />
      {locked && <LockScreen user={user} onUnlocked={() => setLocked(false)} onLogout={() => { window.location.hash = ''; void logout(); }} />}
    </>
  );
}

import { Alert, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { SetupStatus, UserView } from '../../src/api';
import { FirstRunPage } from './features/auth/FirstRunPage';
import { LoginPage } from './features/auth/LoginPage';
import { Shell } from './Shell';
import { api } from './lib/api-client';

export function App() {
  const [status, setStatus] = useState<SetupStatus | null>(null);
  const [user, setUser] = useState<UserView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const s = await api('setup.status', {});
    if (!s.ok) return setError(s.error.message);
    setStatus(s.value);
    const me = await api('auth.me', {});
    if (me.ok) setUser(me.value);
  }, []);
  useEffect(() => void load(), [load]);

  if (error) return <Alert type="error" title="无法启动" description={error} showIcon style={{ margin: 40 }} />;
  if (!status) return <Spin size="large" style={{ display: 'block', marginTop: 120 }} />;
  if (status.needsAdmin && !user) {
    return <FirstRunPage commissionName={status.commissionName} onDone={(u) => { setStatus({ ...status, needsAdmin: false }); setUser(u); }} />;
  }
  if (!user) return <LoginPage commissionName={status.commissionName} onLogin={setUser} />;
  return (
    <Shell
      user={user}
      commissionName={status.commissionName}
      onLogout={async () => {
        await api('auth.logout', {});
        setUser(null);
      }}
    />
  );
}

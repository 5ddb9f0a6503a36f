import { App, Button, Layout, Menu, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { ChangePasswordForm } from './features/auth/ChangePasswordForm';
import { HelpDrawer } from './features/help/HelpDrawer';
import type { UserView } from '../../src/api';
import { ROLE_LABELS } from '../../src/domain';
import { UsersPage } from './features/admin/UsersPage';
import { SettingsPage } from './features/admin/SettingsPage';
import { ReadLogPage } from './features/admin/ReadLogPage';
import { CaseDetailPage } from './features/cases/CaseDetailPage';
import { CaseFormPage } from './features/cases/CaseFormPage';
import { CaseListPage } from './features/cases/CaseListPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { HearingSchedulePage } from './features/hearings/HearingSchedulePage';
import { AidDeskPage } from './features/aid/AidDeskPage';
import { ConsultationFormPage } from './features/aid/ConsultationFormPage';
import { ConsultationPage } from './features/aid/ConsultationPage';
import { StatsPage } from './features/stats/StatsPage';
import { EmployerPage } from './features/employers/EmployerPage';
import { EmployersPage } from './features/employers/EmployersPage';
import { RecordListsPage } from './features/lists/RecordListsPage';
import { go, setLeaveConfirm, useHashRoute } from './lib/router';
import { SessionContext } from './lib/session';

export function Shell({ user, commissionName, onLogout }: { user: UserView; commissionName: string; onLogout: () => void }) {
  const route = useHashRoute();
  const [changing, setChanging] = useState(false);
  const { message, modal } = App.useApp();
  const deskFirst = user.role === 'lawyer' || user.role === 'window' || user.role === 'aid_centre';
  const centre = user.role === 'aid_centre';
  const [help, setHelp] = useState(false);
  useEffect(() => {
    setLeaveConfirm((content) => new Promise<boolean>((resolve) => {
      modal.confirm({ title: '离开本页？', content, okText: '离开，不保存', cancelText: '留在本页', onOk: () => resolve(true), onCancel: () => resolve(false) });
    }));
  }, [modal]);
  // Esc closes the topmost dialog or drawer. antd does so itself for most; some (a dialog rendered before it opened,
  // focus on the page behind) ignored the key, so if the dialog is still open and not closing a moment later, close it.
  useEffect(() => {
    const visible = (w: Element) => w.getClientRects().length > 0 && getComputedStyle(w).display !== 'none';
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      if (document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-picker-dropdown:not(.ant-picker-dropdown-hidden), .ant-popover:not(.ant-popover-hidden)')) return;
      const open = [...document.querySelectorAll('.ant-modal-wrap, .ant-drawer-content-wrapper')].filter(visible);
      const top = open[open.length - 1];
      if (!top) return;
      window.setTimeout(() => {
        const closing = top.querySelector('[class*="-leave"]') || (top.matches('[class*="-leave"]'));
        if (!visible(top) || closing) return;
        const close = top.querySelector<HTMLElement>('.ant-modal-close, .ant-drawer-close');
        close?.click();
      }, 60);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const [section = user.role === 'admin' ? 'users' : deskFirst ? 'aid' : 'dashboard', id, sub, extra] = route;
  const isAdmin = user.role === 'admin';
  const items = [
    ...(centre ? [{ key: 'aid', label: '法律援助工作站' }] : []),
    ...(isAdmin || centre ? [] : [{ key: 'dashboard', label: '工作台' }, { key: 'aid', label: '法律援助工作站' }, { key: 'cases', label: '案件列表' }, { key: 'cases/new', label: '新建仲裁申请' }, { key: 'hearings', label: '开庭排期' }, { key: 'employers', label: '用人单位' }, { key: 'stats', label: '统计报表' }]),
    ...(isAdmin ? [{ key: 'users', label: '用户管理' }, { key: 'privacy', label: '个人信息保护' }, { key: 'employers', label: '用人单位' }, { key: 'settings', label: '设置与办案场所' }] : [{ key: 'settings', label: '设置' }]),
  ];
  let page;
  if (section === 'cases' && id === 'new' && sub === 'from' && extra) page = <CaseFormPage key={`from-${extra}`} consultationId={extra} />;
  else if (section === 'cases' && id === 'new') page = <CaseFormPage key="new" />;
  else if (section === 'aid' && id === 'new') page = <ConsultationFormPage key={`new-${sub ?? ''}`} window={sub} />;
  else if (section === 'aid' && id === 'consultations' && sub && extra === 'edit') page = <ConsultationFormPage key={`edit-${sub}`} editId={sub} />;
  else if (section === 'aid' && id === 'consultations' && sub) page = <ConsultationPage key={sub} id={sub} />;
  else if (section === 'aid') page = <AidDeskPage />;
  else if (section === 'cases' && id && sub === 'edit') page = <CaseFormPage key={`edit-${id}`} caseId={id} />;
  else if (section === 'cases' && id) page = <CaseDetailPage key={id} caseId={id} />;
  else if (section === 'employers' && id === 'tab' && sub) page = <EmployersPage key={sub} tab={sub} />;
  else if (section === 'employers' && id) page = <EmployerPage key={id} id={id} />;
  else if (section === 'employers') page = <EmployersPage />;
  else if (section === 'users' && isAdmin) page = <UsersPage />;
  else if (section === 'privacy' && isAdmin) page = <ReadLogPage />;
  else if (section === 'settings') page = <SettingsPage />;
  else if (section === 'dashboard') page = <DashboardPage />;
  else if (section === 'hearings') page = <HearingSchedulePage />;
  else if (section === 'stats') page = <StatsPage />;
  else if (section === 'lists') page = <RecordListsPage key={id ?? ''} tab={id} />;
  else page = <CaseListPage />;
  const selected = section === 'cases' && id === 'new' ? 'cases/new' : section;

  return (
    <SessionContext.Provider value={{ user, logout: onLogout }}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#1f3a5f', paddingInline: 20 }}>
          <div style={{ color: '#fff', fontSize: 17, fontWeight: 600, whiteSpace: 'nowrap' }}>劳动仲裁工作台</div>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[selected]}
            items={items}
            onClick={(e) => go(e.key)}
            style={{ flex: 1, background: 'transparent', minWidth: 0 }}
          />
          <span style={{ color: '#dbe4f0', whiteSpace: 'nowrap' }} data-testid="current-user">
            {user.displayName}（{ROLE_LABELS[user.role]}）
          </span>
          <Button size="small" onClick={() => setChanging(true)}>修改密码</Button>
          <Button size="small" onClick={() => setHelp(true)}>使用说明</Button>
          <Button size="small" onClick={() => { window.location.hash = ''; onLogout(); }}>退出</Button>
        </Layout.Header>
        <Layout.Content style={{ padding: 20 }}>{page}</Layout.Content>
        <HelpDrawer page={selected === 'cases/new' || (section === 'cases' && sub === 'edit') ? 'cases/new' : section} open={help} onClose={() => setHelp(false)} />
        <Layout.Footer style={{ textAlign: 'center', padding: 8 }} className="muted">{commissionName}</Layout.Footer>
        <Modal title="修改密码" open={changing} onCancel={() => setChanging(false)} footer={null} destroyOnHidden>
          <ChangePasswordForm onChanged={() => { setChanging(false); message.success('密码已修改'); }} />
        </Modal>
      </Layout>
    </SessionContext.Provider>
  );
}

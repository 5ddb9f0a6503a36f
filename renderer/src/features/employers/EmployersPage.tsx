import { Alert, Button, Card, Checkbox, Flex, Form, Input, Modal, Select, Table, Tabs, Tag, App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BlacklistEntryView, BulletinView, EmployerListPage, VisitDueItem, WarningView } from '../../../../src/api';
import { api } from '../../lib/api-client';
import { today } from '../../lib/dates';
import { base64ToBytes, saveFile } from '../../lib/pdf';
import { go } from '../../lib/router';
import { useSession } from '../../lib/session';
import { EmployerTags } from './EmployerFlag';
import { RulesPanel } from './RulesPanel';

/** 用人单位: the register, employers due for a visit, early warnings with their bulletins, and the 欠薪失信名单 (issue 16). */
export function EmployersPage({ tab = 'register' }: { tab?: string }) {
  return (
    <div style={{ maxWidth: 1200 }}>
      <h1 className="page-title">用人单位与欠薪治理</h1>
      <Tabs activeKey={tab} onChange={(k) => go(`employers/tab/${k}`)} items={[
        { key: 'register', label: '用人单位名册', children: <Register /> },
        { key: 'visits', label: '应巡查企业', children: <Visits /> },
        { key: 'warnings', label: '欠薪预警', children: <Warnings /> },
        { key: 'blacklist', label: '欠薪失信名单', children: <Blacklist /> },
        { key: 'rules', label: '规则', children: <RulesPanel /> },
      ]} />
    </div>
  );
}

function Register() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<EmployerListPage | null>(null);
  useEffect(() => {
    void api('employers.list', { query: q || undefined, page, pageSize: 20 }).then((r) => r.ok && setData(r.value));
  }, [q, page]);
  return (
    <>
      <Input.Search allowClear placeholder="名称、简称或统一社会信用代码" style={{ width: 320, marginBottom: 12 }} onSearch={(v) => { setPage(1); setQ(v.trim()); }} aria-label="查找用人单位" />
      <Table size="small" rowKey="id" data-testid="employer-list" dataSource={data?.rows ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 家` }}
        onRow={(r) => ({ onClick: () => go(`employers/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '单位名称', dataIndex: 'name', render: (_, r) => <>{r.name} <EmployerTags e={r} /></> },
          { title: '统一社会信用代码', dataIndex: 'creditCode', render: (v) => v ?? <span className="muted">无</span> },
          { title: '领域', dataIndex: 'sectorLabel' },
          { title: '镇（街道）', dataIndex: 'town', render: (v) => v ?? '' },
          { title: '案件', dataIndex: 'cases' },
          { title: '咨询', dataIndex: 'consultations' },
        ]} />
    </>
  );
}

function Visits() {
  const [rows, setRows] = useState<VisitDueItem[]>([]);
  useEffect(() => { void api('grades.visitsDue', {}).then((r) => r.ok && setRows(r.value)); }, []);
  return (
    <Table size="small" rowKey="employerId" dataSource={rows} onRow={(r) => ({ onClick: () => go(`employers/${r.employerId}`), style: { cursor: 'pointer' } })}
      columns={[
        { title: '单位名称', dataIndex: 'name' },
        { title: '分级', dataIndex: 'gradeLabel' },
        { title: '镇（街道）', dataIndex: 'town' },
        { title: '上次巡查', dataIndex: 'lastVisit', render: (v) => v ?? <span className="muted">未巡查</span> },
        { title: '应巡查日期', dataIndex: 'due' },
      ]} />
  );
}

function Warnings() {
  const { message } = App.useApp();
  const { user } = useSession();
  const [rows, setRows] = useState<WarningView[]>([]);
  const [bulletins, setBulletins] = useState<BulletinView[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [issuing, setIssuing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const load = useCallback(() => {
    void api('warnings.list', {}).then((r) => r.ok && setRows(r.value));
    void api('bulletins.list', {}).then((r) => r.ok && setBulletins(r.value));
  }, []);
  useEffect(load, [load]);
  const issue = async () => {
    const v = await form.validateFields();
    const r = await api('bulletins.issue', { issuedDate: today(), summary: v.summary, items: selected.map((id) => ({ warningId: id, actions: v[`a_${id}`] })) });
    if (!r.ok) return setError(r.error.message);
    setIssuing(false);
    setSelected([]);
    message.success(`已发布${r.value.title}`);
    load();
  };
  const download = async (id: string) => {
    const r = await api('bulletins.document', { id, format: 'pdf' });
    if (r.ok) saveFile(base64ToBytes(r.value.base64), r.value.fileName, r.value.mimeType);
    else message.error(r.error.message);
  };
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        {user.role === 'arbitrator' && <Button type="primary" disabled={!selected.length} onClick={() => { setError(null); setIssuing(true); }}>发布欠薪预警信息（{selected.length}）</Button>}
      </Flex>
      <table className="desk-table" data-testid="warning-list">
        <thead><tr><th /><th>预警日期</th><th>用人单位</th><th>预警类型</th><th>预警信号</th><th>状态</th><th>预警信息</th></tr></thead>
        <tbody>
          {rows.map((w) => (
            <tr key={w.id}>
              <td><Checkbox aria-label={`选择 ${w.employerName} ${w.ruleLabel}`} disabled={w.status === 'closed'} checked={selected.includes(w.id)} onChange={(e) => setSelected(e.target.checked ? [...selected, w.id] : selected.filter((x) => x !== w.id))} /></td>
              <td>{w.raisedDate}</td>
              <td><a href={`#/employers/${w.employerId}`}>{w.employerName}</a></td>
              <td>{w.ruleLabel}</td>
              <td>{w.signals.join('；')}</td>
              <td><Tag color={w.status === 'closed' ? 'default' : 'red'}>{w.statusLabel}</Tag>{w.assigneeName && <span className="muted">{w.assigneeName}</span>}</td>
              <td>{w.bulletin ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Card size="small" title="已发布的欠薪预警信息" style={{ marginTop: 16 }}>
        <ul data-testid="bulletin-list" style={{ margin: 0 }}>
          {bulletins.map((b) => <li key={b.id}>{b.title}（{b.issuedDate}，{b.entries.length}家）<Button type="link" size="small" onClick={() => void download(b.id)}>下载 PDF</Button></li>)}
        </ul>
      </Card>
      <Modal title="发布欠薪预警信息" open={issuing} onOk={() => void issue()} okText="发布" cancelText="取消" onCancel={() => setIssuing(false)} destroyOnHidden width={720}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <Form.Item name="summary" label="预警概述" rules={[{ required: true, message: '请填写预警概述' }]}><Input.TextArea rows={3} /></Form.Item>
          {selected.map((id) => {
            const w = rows.find((x) => x.id === id)!;
            return <Form.Item key={id} name={`a_${id}`} label={`处置措施：${w.employerName}（${w.ruleLabel}）`} rules={[{ required: true, message: '请填写处置措施' }]}><Input /></Form.Item>;
          })}
        </Form>
      </Modal>
    </>
  );
}

function Blacklist() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<BlacklistEntryView['status'] | undefined>('listed');
  const [rows, setRows] = useState<BlacklistEntryView[]>([]);
  useEffect(() => { void api('blacklist.list', { status }).then((r) => r.ok && setRows(r.value)); }, [status]);
  const exportList = async () => {
    const r = await api('blacklist.export', {});
    if (r.ok) saveFile(base64ToBytes(r.value.base64), r.value.fileName, r.value.mimeType);
    else message.error(r.error.message);
  };
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Select value={status ?? 'all'} style={{ width: 180 }} onChange={(v) => setStatus(v === 'all' ? undefined : (v as BlacklistEntryView['status']))} aria-label="状态"
          options={[{ value: 'listed', label: '在名单中' }, { value: 'noticed', label: '已告知，待决定' }, { value: 'removed', label: '已移出' }, { value: 'dropped', label: '决定不列入' }, { value: 'all', label: '全部' }]} />
        <Button onClick={() => void exportList()}>导出当前名单（XLSX）</Button>
      </Flex>
      <Table size="small" rowKey="id" dataSource={rows} onRow={(r) => ({ onClick: () => go(`employers/${r.employerId}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '用人单位', dataIndex: 'employerName' },
          { title: '状态', dataIndex: 'statusLabel' },
          { title: '告知日期', dataIndex: 'noticeDate' },
          { title: '列入决定', dataIndex: 'decisionDate' },
          { title: '公布', dataIndex: 'publicationDate' },
          { title: '期限届满', dataIndex: 'periodEnd' },
        ]} />
    </>
  );
}

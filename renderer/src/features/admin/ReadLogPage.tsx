import { Alert, App, Button, Card, Input, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ErasableConsultation, PersonalReadPage, UserView } from '../../../../src/api';
import { CLAIM_TYPE_INFO, ROLE_LABELS, WINDOWS } from '../../../../src/domain';
import { DateField } from '../../components/DateField';
import { api } from '../../lib/api-client';
import { formatTime } from '../../lib/dates';
import { base64ToBytes, saveFile } from '../../lib/pdf';

const FIELD_LABELS = { idNumber: '身份证件号码', phone: '联系电话' } as const;
const PAGE_SIZE = 50;

/** Issue 12 item 2: the administrator reviews who showed whose full ID number or phone, when and why. */
export function ReadLogPage() {
  const [users, setUsers] = useState<UserView[]>([]);
  const [userId, setUserId] = useState<string | undefined>();
  const [from, setFrom] = useState<string | undefined>();
  const [to, setTo] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<PersonalReadPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void api('users.list', {}).then((r) => r.ok && setUsers(r.value)), []);
  const load = useCallback(async () => {
    const r = await api('personal.readLog', { userId, from, to, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    if (r.ok) { setData(r.value); setError(null); } else setError(r.error.message);
  }, [userId, from, to, page]);
  useEffect(() => void load(), [load]);
  const { message, modal } = App.useApp();
  const [erasable, setErasable] = useState<ErasableConsultation[]>([]);
  const loadErasable = useCallback(async () => {
    const r = await api('consultations.erasable', {});
    if (r.ok) setErasable(r.value); else setError(r.error.message);
  }, []);
  useEffect(() => void loadErasable(), [loadErasable]);
  const erase = (c: ErasableConsultation) => modal.confirm({
    title: '删除该咨询登记的个人信息？',
    content: `登记于${c.arrivedDate}，保存期限已于${c.retentionUntil}届满。删除后姓名、证件号码、电话、地址、健康和“三期”信息、诉求和情况摘要不可恢复；登记的日期、窗口和争议类型保留用于统计。`,
    okText: '删除', okButtonProps: { danger: true }, cancelText: '取消',
    onOk: async () => {
      const r = await api('consultations.erase', { id: c.id });
      if (!r.ok) { setError(r.error.message); return; }
      message.success('已删除个人信息');
      void loadErasable();
    },
  });
  const [idNumber, setIdNumber] = useState('');
  const exportPerson = async () => {
    const r = await api('personal.export', { idNumber });
    if (!r.ok) { setError(r.error.message); return; }
    saveFile(base64ToBytes(r.value.base64), r.value.fileName, r.value.mimeType);
    message.success(`已导出 ${r.value.rows} 条记录`);
    setIdNumber('');
  };

  return (
    <div style={{ maxWidth: 1100 }}>
      <h1 className="page-title">个人信息保护</h1>
      <p className="muted">工作人员在案件中点击“显示完整”查看当事人完整的身份证件号码或电话时，系统记录查阅人、当事人、项目、时间和理由（不记录号码本身）。</p>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      <Card size="small" title="个人信息查询复制" style={{ marginBottom: 12 }}>
        <p className="muted">当事人依《个人信息保护法》第四十五条申请查阅、复制本人信息时，按身份证号码导出其作为案件当事人、咨询、法律援助申请、调解和集体争议名册中的全部记录（JSON 文件）。导出记入审计日志，日志不含身份证号码。</p>
        <Space>
          <Input value={idNumber} onChange={(e) => setIdNumber(e.target.value)} placeholder="身份证号码" aria-label="导出的身份证号码" style={{ width: 220 }} />
          <Button onClick={() => void exportPerson()} disabled={!idNumber.trim()}>导出个人信息</Button>
        </Space>
      </Card>
      <Card size="small" title={`保存期限届满的咨询登记（${erasable.length}）`} style={{ marginBottom: 12 }} data-testid="erasable">
        <p className="muted">未转为仲裁案件、法律援助或调解的咨询登记，保存期限届满后可删除其中的个人信息。{erasable[0] ? `期限依据：${erasable[0].basis}` : ''}</p>
        <Table
          size="small" rowKey="id" dataSource={erasable} pagination={{ pageSize: 10 }}
          columns={[
            { title: '登记日期', dataIndex: 'arrivedDate' },
            { title: '窗口', dataIndex: 'window', render: (w: string) => (WINDOWS as Record<string, { label: string }>)[w]?.label ?? w },
            { title: '争议类型', dataIndex: 'disputeType', render: (d: string) => (CLAIM_TYPE_INFO as Record<string, { label: string }>)[d]?.label ?? d },
            { title: '保存期限届满', dataIndex: 'retentionUntil' },
            { title: '', render: (_, c) => <Button size="small" danger onClick={() => erase(c)}>删除个人信息</Button> },
          ]}
        />
      </Card>
      <h2 style={{ fontSize: 16 }}>显示完整的查阅记录</h2>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <span>查阅人</span>
          <Select
            allowClear placeholder="全部" style={{ width: 200 }} value={userId} aria-label="查阅人" data-testid="readlog-user"
            onChange={(v) => { setUserId(v); setPage(1); }}
            options={users.map((u) => ({ value: u.id, label: `${u.displayName}（${ROLE_LABELS[u.role]}）` }))}
          />
          <span>日期</span>
          <DateField value={from} onChange={(v) => { setFrom(v); setPage(1); }} aria-label="开始日期" style={{ width: 150 }} showError />
          <span>至</span>
          <DateField value={to} onChange={(v) => { setTo(v); setPage(1); }} aria-label="截止日期" style={{ width: 150 }} showError />
        </Space>
      </Card>
      <Table
        size="small" rowKey="id" dataSource={data?.items ?? []} data-testid="readlog-table"
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 条` }}
        columns={[
          { title: '时间', dataIndex: 'at', render: (v: string) => formatTime(v), width: 150 },
          { title: '查阅人', render: (_, e) => `${e.userName}（${e.userRole}）` },
          { title: '当事人', dataIndex: 'subjectName' },
          { title: '案件', render: (_, e) => e.caseNumber ?? (e.recordKind === 'consultation' ? '咨询登记' : '（未受理）') },
          { title: '项目', dataIndex: 'field', render: (f: 'idNumber' | 'phone') => FIELD_LABELS[f] },
          { title: '理由', dataIndex: 'reason' },
        ]}
      />
    </div>
  );
}

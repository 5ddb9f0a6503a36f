import { Alert, Card, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { PersonalReadPage, UserView } from '../../../../src/api';
import { ROLE_LABELS } from '../../../../src/domain';
import { DateField } from '../../components/DateField';
import { api } from '../../lib/api-client';
import { formatTime } from '../../lib/dates';

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

  return (
    <div style={{ maxWidth: 1100 }}>
      <h1 className="page-title">个人信息查阅记录</h1>
      <p className="muted">工作人员在案件中点击“显示完整”查看当事人完整的身份证件号码或电话时，系统记录查阅人、当事人、项目、时间和理由（不记录号码本身）。</p>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
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

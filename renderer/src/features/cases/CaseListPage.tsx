import { Alert, Button, Checkbox, Flex, Input, Pagination, Popover, Select, Tag } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { CASE_LIST_COLUMNS, type CaseListColumn, type CaseSummary, type StaffMember, type Venue } from '../../../../src/api';
import { CASE_STATUS_LABELS, GROUP_FLAGS, GROUP_FLAG_LABELS, LISTED_STATUSES, type GroupFlag, formatFen, isCalendarDate } from '../../../../src/domain';
import { DateField } from '../../components/DateField';
import { api } from '../../lib/api-client';
import { base64ToBytes, saveFile } from '../../lib/pdf';
import { go } from '../../lib/router';
import { BatchDialog } from '../documents/BatchDialog';

const STATUS_COLORS = { draft: 'gold', accepted: 'green', not_accepted: 'default', discarded: 'default' } as const;
const PAGE_SIZE = 50;
const COLUMNS_KEY = 'desk.caseList.columns';
type SortKey = 'caseNumber' | 'receivedDate' | 'acceptanceDate' | 'closedDate' | 'claimTotalFen' | 'venueName';
const SORTABLE: Partial<Record<CaseListColumn, SortKey>> = {
  caseNumber: 'caseNumber', claimTotalFen: 'claimTotalFen', venueName: 'venueName', receivedDate: 'receivedDate', acceptanceDate: 'acceptanceDate', closedDate: 'closedDate',
};

const CELLS: Record<CaseListColumn, (r: CaseSummary) => ReactNode> = {
  caseNumber: (r) => r.caseNumber || <span className="muted">（未受理）</span>,
  status: (r) => (r.closedDate ? <Tag>已结案</Tag> : <Tag color={STATUS_COLORS[r.status]}>{CASE_STATUS_LABELS[r.status]}</Tag>),
  applicants: (r) => <>{r.applicantNames.join('、')}<div className="muted" style={{ fontSize: 12, fontFamily: 'monospace' }}>{r.applicantIdsMasked.filter(Boolean).join(' ')}</div></>,
  respondents: (r) => r.respondentNames.join('、'),
  claimTotalFen: (r) => formatFen(r.claimTotalFen),
  venueName: (r) => r.venueName,
  receivedDate: (r) => r.receivedDate,
  acceptanceDate: (r) => r.acceptanceDate ?? '',
  closedDate: (r) => r.closedDate ?? '',
  flags: (r) => [...r.groupFlags.map((g) => GROUP_FLAG_LABELS[g]), ...(r.collective ? ['集体'] : []), ...(r.imported ? ['历史导入'] : [])]
    .map((t) => <Tag key={t} color={t === '集体' ? 'red' : t === '历史导入' ? 'purple' : 'blue'} data-testid={t === '历史导入' ? 'imported-tag' : undefined}>{t}</Tag>),
};

interface Filters {
  status?: (typeof LISTED_STATUSES)[number] | 'closed';
  venueId?: string;
  arbitratorId?: string;
  clerkId?: string;
  groupFlag?: GroupFlag;
  cause?: string;
  receivedFrom?: string; receivedTo?: string; acceptedFrom?: string; acceptedTo?: string; closedFrom?: string; closedTo?: string;
}
const RANGES = [['received', '收件日期'], ['accepted', '受理日期'], ['closed', '结案日期']] as const;

const savedColumns = (): CaseListColumn[] => {
  try {
    const v = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as CaseListColumn[] | null;
    if (Array.isArray(v) && v.length) return v.filter((k) => CASE_LIST_COLUMNS.some((c) => c.key === k));
  } catch { /* the default below */ }
  return CASE_LIST_COLUMNS.filter((c) => c.key !== 'closedDate').map((c) => c.key);
};

/** The case list for thousands: filters, sort and paging on the server, column choice, the current filter to XLSX. */
export function CaseListPage() {
  const [rows, setRows] = useState<CaseSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [venues, setVenues] = useState<Venue[]>([]);
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [filters, setFilters] = useState<Filters>({});
  const [dates, setDates] = useState<Record<string, string | undefined>>({});
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; order: 'asc' | 'desc' } | null>(null);
  const [page, setPage] = useState(1);
  const [columns, setColumns] = useState<CaseListColumn[]>(savedColumns);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [batch, setBatch] = useState(false);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    void api('venues.list', {}).then((r) => r.ok && setVenues(r.value));
    void api('staff.list', {}).then((r) => r.ok && setStaff(r.value));
  }, []);
  const request = { ...filters, query: query.trim() || undefined, ...(sort ? { sort: sort.key, order: sort.order } : {}) };
  const key = JSON.stringify(request);
  useEffect(() => setPage(1), [key]);
  useEffect(() => {
    const t = setTimeout(() => {
      void api('cases.list', { ...request, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }).then((r) => {
        if (!r.ok) return setError(r.error.message);
        setError(null);
        setRows(r.value.items);
        setTotal(r.value.total);
      });
    }, 200);
    return () => clearTimeout(t);
  }, [key, page]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const setDate = (field: string, v: string | undefined) => {
    setDates((d) => ({ ...d, [field]: v }));
    if (!v || isCalendarDate(v)) set({ [field]: v } as Partial<Filters>);
  };
  const chooseColumns = (next: CaseListColumn[]) => {
    const ordered = CASE_LIST_COLUMNS.map((c) => c.key).filter((k) => next.includes(k));
    if (!ordered.length) return;
    setColumns(ordered);
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(ordered));
  };
  const toggleSort = (k: SortKey) => setSort((s) => (s?.key !== k ? { key: k, order: 'desc' } : s.order === 'desc' ? { key: k, order: 'asc' } : null));
  const exportXlsx = async () => {
    setExporting(true);
    const r = await api('cases.export', { ...request, columns });
    setExporting(false);
    if (!r.ok) return setError(r.error.message);
    saveFile(base64ToBytes(r.value.base64), r.value.fileName, r.value.mimeType);
  };
  const shown = CASE_LIST_COLUMNS.filter((c) => columns.includes(c.key));

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>案件列表</h1>
        <Flex gap={8}>
          <Popover trigger="click" placement="bottomRight" title="显示的列" content={
            <Checkbox.Group value={columns} onChange={(v) => chooseColumns(v as CaseListColumn[])} style={{ display: 'grid', gap: 4 }} data-testid="column-choice"
              options={CASE_LIST_COLUMNS.map((c) => ({ value: c.key, label: c.label }))} />
          }><Button>列</Button></Popover>
          <Button loading={exporting} disabled={total === 0} onClick={() => void exportXlsx()}>导出 Excel（当前筛选 {total} 件）</Button>
          <Button onClick={() => go('lists/mediations')} data-testid="record-lists">调解与文书登记簿</Button>
          <Button disabled={selected.size === 0} onClick={() => setBatch(true)}>批量生成文书{selected.size ? `（${selected.size}）` : ''}</Button>
          <Button type="primary" onClick={() => go('cases/new')}>新建仲裁申请</Button>
        </Flex>
      </Flex>
      <Flex gap={8} style={{ marginBottom: 8 }} wrap>
        <Input.Search allowClear placeholder="搜索：当事人姓名、身份证号、用人单位、案号" value={query} onChange={(e) => setQuery(e.target.value)} style={{ width: 340 }} aria-label="搜索案件" />
        <Select allowClear placeholder="全部状态" value={filters.status} onChange={(v) => set({ status: v })} style={{ width: 150 }} aria-label="按状态筛选"
          options={[...LISTED_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] })), { value: 'closed' as const, label: '已结案' }]} />
        <Select allowClear placeholder="全部场所" value={filters.venueId} onChange={(v) => set({ venueId: v })} style={{ width: 200 }} options={venues.map((v) => ({ value: v.id, label: v.name }))} aria-label="按场所筛选" />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="仲裁员" value={filters.arbitratorId} onChange={(v) => set({ arbitratorId: v })} style={{ width: 140 }} aria-label="按仲裁员筛选"
          options={staff.filter((s) => s.role === 'arbitrator').map((s) => ({ value: s.id, label: s.displayName }))} />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="书记员" value={filters.clerkId} onChange={(v) => set({ clerkId: v })} style={{ width: 140 }} aria-label="按书记员筛选"
          options={staff.filter((s) => s.role === 'clerk').map((s) => ({ value: s.id, label: s.displayName }))} />
        <Select allowClear placeholder="帮扶群体" value={filters.groupFlag} onChange={(v) => set({ groupFlag: v })} style={{ width: 130 }} aria-label="按帮扶群体筛选"
          options={GROUP_FLAGS.map((g) => ({ value: g, label: GROUP_FLAG_LABELS[g] }))} />
        <Input allowClear placeholder="案由" value={filters.cause ?? ''} onChange={(e) => set({ cause: e.target.value || undefined })} style={{ width: 140 }} aria-label="按案由筛选" />
      </Flex>
      <Flex gap={16} style={{ marginBottom: 12 }} wrap align="start">
        {RANGES.map(([k, label]) => (
          <Flex key={k} gap={4} align="start">
            <span style={{ paddingTop: 5 }}>{label}</span>
            <DateField showError value={dates[`${k}From`]} onChange={(v) => setDate(`${k}From`, v)} style={{ width: 130 }} aria-label={`${label}起`} placeholder="起" />
            <span style={{ paddingTop: 5 }}>至</span>
            <DateField showError value={dates[`${k}To`]} onChange={(v) => setDate(`${k}To`, v)} style={{ width: 130 }} aria-label={`${label}止`} placeholder="止" />
          </Flex>
        ))}
        <span className="muted" style={{ paddingTop: 5 }} data-testid="case-count">共 {total} 件</span>
      </Flex>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      <table className="desk-table" data-testid="case-table">
        <thead>
          <tr>
            <th style={{ width: 32 }}>
              <Checkbox aria-label="全选" checked={rows.length > 0 && rows.every((r) => selected.has(r.id))} indeterminate={selected.size > 0 && !rows.every((r) => selected.has(r.id))}
                onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())} />
            </th>
            {shown.map((c) => {
              const sk = SORTABLE[c.key];
              const state = sk && sort?.key === sk ? sort.order : undefined;
              return (
                <th key={c.key} className={sk ? 'sortable' : undefined} onClick={sk ? () => toggleSort(sk) : undefined}
                  aria-sort={state === 'asc' ? 'ascending' : state === 'desc' ? 'descending' : undefined} title={sk ? '点击排序' : undefined}>
                  {c.label}{sk && <span className="muted" style={{ marginLeft: 4 }}>{state === 'asc' ? '▲' : state === 'desc' ? '▼' : '↕'}</span>}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} onClick={() => go(`cases/${r.id}`)} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && go(`cases/${r.id}`)}>
              <td onClick={(e) => e.stopPropagation()}>
                <Checkbox aria-label={`选择 ${r.caseNumber ?? r.applicantNames.join('、')}`} checked={selected.has(r.id)}
                  onChange={(e) => setSelected((prev) => { const next = new Set(prev); if (e.target.checked) next.add(r.id); else next.delete(r.id); return next; })} />
              </td>
              {shown.map((c) => <td key={c.key} className={c.key === 'claimTotalFen' ? 'money' : undefined}>{CELLS[c.key](r)}</td>)}
            </tr>
          ))}
          {rows.length === 0 && (
            <tr><td colSpan={shown.length + 1} className="muted" style={{ textAlign: 'center', padding: 24 }}>没有符合条件的案件</td></tr>
          )}
        </tbody>
      </table>
      {total > PAGE_SIZE && (
        <Pagination style={{ marginTop: 12, textAlign: 'right' }} current={page} pageSize={PAGE_SIZE} total={total} onChange={setPage} showSizeChanger={false} showTotal={(n) => `共 ${n} 件，每页 ${PAGE_SIZE} 件`} />
      )}
      <BatchDialog cases={rows.filter((r) => selected.has(r.id))} open={batch} onClose={() => setBatch(false)} />
    </div>
  );
}

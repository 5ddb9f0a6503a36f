import { createColumnHelper, createSortedRowModel, rowSortingFeature, sortFns, tableFeatures, useTable } from '@tanstack/react-table';
import { Alert, Button, Checkbox, Flex, Input, Select, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { CaseSummary, Venue } from '../../../../src/api';
import { CASE_STATUS_LABELS, GROUP_FLAG_LABELS, LISTED_STATUSES, formatFen } from '../../../../src/domain';
import { api } from '../../lib/api-client';
import { go } from '../../lib/router';
import { BatchDialog } from '../documents/BatchDialog';

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel(), sortFns });
const col = createColumnHelper<typeof features, CaseSummary>();
const STATUS_COLORS = { draft: 'gold', accepted: 'green', not_accepted: 'default', discarded: 'default' } as const;

const columns = col.columns([
  col.accessor((r) => r.caseNumber ?? '', { id: 'caseNumber', header: '案号', cell: (c) => c.getValue() || <span className="muted">（未受理）</span> }),
  col.accessor('status', {
    header: '状态',
    cell: (c) => (c.row.original.closedDate ? <Tag>已结案</Tag> : <Tag color={STATUS_COLORS[c.getValue()]}>{CASE_STATUS_LABELS[c.getValue()]}</Tag>),
  }),
  col.accessor((r) => r.applicantNames.join('、'), {
    id: 'applicants',
    header: '申请人',
    cell: (c) => (
      <>
        {c.getValue()}
        <div className="muted" style={{ fontSize: 12, fontFamily: 'monospace' }}>{c.row.original.applicantIdsMasked.filter(Boolean).join(' ')}</div>
      </>
    ),
  }),
  col.accessor((r) => r.respondentNames.join('、'), { id: 'respondents', header: '被申请人' }),
  col.accessor('claimTotalFen', { header: '请求金额', cell: (c) => formatFen(c.getValue()), meta: { money: true } }),
  col.accessor('venueName', { header: '办案场所' }),
  col.accessor('receivedDate', { header: '收件日期' }),
  col.accessor((r) => r.acceptanceDate ?? '', { id: 'acceptanceDate', header: '受理日期' }),
  col.accessor((r) => r.groupFlags.map((g) => GROUP_FLAG_LABELS[g]).join(' ') + (r.collective ? ' 集体' : ''), {
    id: 'flags',
    header: '标记',
    enableSorting: false,
    cell: (c) => c.getValue().split(' ').filter(Boolean).map((t) => <Tag key={t} color={t === '集体' ? 'red' : 'blue'}>{t}</Tag>),
  }),
]);

/** The case list: filter by status and venue, search by party name, ID number, employer or case number. */
export function CaseListPage() {
  const [rows, setRows] = useState<CaseSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [venues, setVenues] = useState<Venue[]>([]);
  const [status, setStatus] = useState<(typeof LISTED_STATUSES)[number] | undefined>();
  const [venueId, setVenueId] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [batch, setBatch] = useState(false);

  useEffect(() => void api('venues.list', {}).then((r) => r.ok && setVenues(r.value)), []);
  useEffect(() => {
    const t = setTimeout(() => {
      void api('cases.list', { status, venueId, query: query.trim() || undefined, limit: 500 }).then((r) => {
        if (!r.ok) return setError(r.error.message);
        setError(null);
        setRows(r.value.items);
        setTotal(r.value.total);
      });
    }, 200);
    return () => clearTimeout(t);
  }, [status, venueId, query]);

  const data = useMemo(() => rows, [rows]);
  const table = useTable({ features, columns, data, getRowId: (r) => r.id });

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>案件列表</h1>
        <Flex gap={8}>
          <Button disabled={selected.size === 0} onClick={() => setBatch(true)}>批量生成文书{selected.size ? `（${selected.size}）` : ''}</Button>
          <Button type="primary" onClick={() => go('cases/new')}>新建仲裁申请</Button>
        </Flex>
      </Flex>
      <Flex gap={8} style={{ marginBottom: 12 }} wrap>
        <Input.Search allowClear placeholder="搜索：当事人姓名、身份证号、用人单位、案号" value={query} onChange={(e) => setQuery(e.target.value)} style={{ width: 380 }} aria-label="搜索案件" />
        <Select allowClear placeholder="全部状态" value={status} onChange={setStatus} style={{ width: 160 }} options={LISTED_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))} aria-label="按状态筛选" />
        <Select allowClear placeholder="全部场所" value={venueId} onChange={setVenueId} style={{ width: 240 }} options={venues.map((v) => ({ value: v.id, label: v.name }))} aria-label="按场所筛选" />
        <span className="muted" style={{ alignSelf: 'center' }} data-testid="case-count">共 {total} 件</span>
      </Flex>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      <table className="desk-table" data-testid="case-table">
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              <th style={{ width: 32 }}>
                <Checkbox aria-label="全选" checked={rows.length > 0 && rows.every((r) => selected.has(r.id))} indeterminate={selected.size > 0 && !rows.every((r) => selected.has(r.id))}
                  onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())} />
              </th>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                return (
                  <th key={h.id} className={h.column.getCanSort() ? 'sortable' : undefined} onClick={h.column.getToggleSortingHandler()}>
                    <table.FlexRender header={h} />
                    {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} onClick={() => go(`cases/${row.original.id}`)} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && go(`cases/${row.original.id}`)}>
              <td onClick={(e) => e.stopPropagation()}>
                <Checkbox aria-label={`选择 ${row.original.caseNumber ?? row.original.applicantNames.join('、')}`} checked={selected.has(row.id)}
                  onChange={(e) => setSelected((prev) => { const next = new Set(prev); if (e.target.checked) next.add(row.id); else next.delete(row.id); return next; })} />
              </td>
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={(cell.column.columnDef.meta as { money?: boolean } | undefined)?.money ? 'money' : undefined}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
          {rows.length === 0 && (
            <tr><td colSpan={columns.length + 1} className="muted" style={{ textAlign: 'center', padding: 24 }}>没有符合条件的案件</td></tr>
          )}
        </tbody>
      </table>
      <BatchDialog cases={rows.filter((r) => selected.has(r.id))} open={batch} onClose={() => setBatch(false)} />
    </div>
  );
}

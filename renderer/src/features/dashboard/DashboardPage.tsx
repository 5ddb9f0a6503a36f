import type React from 'react';
import { Alert, Card, Flex, Input, Pagination, Popover, Segmented, Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { Dashboard, DashboardItem, DeadlineRuleView, StaffMember, Venue } from '../../../../src/api';
import { api } from '../../lib/api-client';
import { go } from '../../lib/router';
import { SupervisionCard } from '../employers/SupervisionCard';

const PAGE = 20;
type Section = 'overdue' | 'dueToday' | 'thisWeek';
const FIRST_PAGES: Record<Section, number> = { overdue: 1, dueToday: 1, thisWeek: 1 };
type Filters = { venueId?: string; arbitratorId?: string; clerkId?: string; rule?: string };

/** A page of a short list kept in the browser (today's hearings, legal-aid deadlines). */
function usePage<T>(items: T[]): { rows: T[]; pager: React.ReactElement | null } {
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [items.length]);
  const rows = items.slice((page - 1) * PAGE, page * PAGE);
  return { rows, pager: pagerFor(items.length, page, setPage) };
}

const pagerFor = (total: number, page: number, onChange: (p: number) => void) => (total > PAGE
  ? <Pagination size="small" style={{ marginTop: 8, textAlign: 'right' }} current={page} pageSize={PAGE} total={total} onChange={onChange} showSizeChanger={false} showTotal={(n) => `共 ${n} 项`} />
  : null);

/** One page of a deadline section, as the server sent it; a page change asks the server for the next rows. */
function Items({ items, testId, total, page, onPage }: { items: DashboardItem[]; testId: string; total: number; page: number; onPage: (p: number) => void }) {
  const rows = items;
  const pager = pagerFor(total, page, onPage);
  return (
    <>
    <table className="desk-table" data-testid={testId}>
      <thead><tr><th>届满日</th><th>案件</th><th>期限</th><th>应办事项</th></tr></thead>
      <tbody>
        {rows.map((i) => (
          <tr key={`${i.caseId}-${i.deadline.label}`} onClick={() => go(`cases/${i.caseId}`)}>
            <td>
              <Popover title="为什么是这一天" content={<ol style={{ margin: 0, paddingLeft: 18, maxWidth: 520 }}>{i.deadline.basis.map((b) => <li key={b}>{b}</li>)}</ol>}>
                <strong style={{ borderBottom: '1px dashed #999' }}>{i.deadline.dueDate}</strong>
              </Popover>
              {i.deadline.provisional && <Tag color="gold" style={{ marginLeft: 6 }}>暂定</Tag>}
            </td>
            <td>{i.caseNumber ?? <span className="muted">（未受理）</span>}<div className="muted" style={{ fontSize: 12 }}>{i.parties}</div></td>
            <td>{i.deadline.label}<div className="muted" style={{ fontSize: 12 }}>{i.deadline.article}</div></td>
            <td>{i.deadline.todo}</td>
          </tr>
        ))}
      </tbody>
    </table>
    {pager}
    </>
  );
}

/**
 * 工作台: the counts first; then each section that has something (empty ones collapse to one line). The deadline
 * sections are paged and filtered on the server (dashboard.get, issue 14); the counts are the server's, under the filter.
 */
export function DashboardPage() {
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const [d, setD] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const [paged, setPaged] = useState<{ key: string; pages: Record<Section, number> }>({ key: '', pages: FIRST_PAGES });
  const [venues, setVenues] = useState<Venue[]>([]);
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [rules, setRules] = useState<DeadlineRuleView[]>([]);
  useEffect(() => {
    void api('venues.list', {}).then((r) => r.ok && setVenues(r.value));
    void api('staff.list', {}).then((r) => r.ok && setStaff(r.value));
    void api('deadlines.rules', {}).then((r) => r.ok && setRules(r.value));
  }, []);
  const shownFilters = scope === 'all' ? filters : {};
  const key = JSON.stringify([scope, q.trim(), shownFilters]);
  // a new scope or filter starts every section at its first page
  const pages = paged.key === key ? paged.pages : FIRST_PAGES;
  useEffect(() => {
    let stale = false;
    void api('dashboard.get', { scope, pages, pageSize: PAGE, query: q.trim() || undefined, ...shownFilters })
      .then((r) => { if (!stale) (r.ok ? (setD(r.value), setError(null)) : setError(r.error.message)); });
    return () => { stale = true; };
  }, [key, JSON.stringify(pages)]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (patch: Filters) => setFilters((f) => ({ ...f, ...patch }));
  const onPage = (s: Section) => (p: number) => setPaged({ key, pages: { ...pages, [s]: p } });
  const counts = d?.counts ?? { overdue: 0, dueToday: 0, thisWeek: 0 };
  const aid = (d?.aid ?? []).filter((a) => !q.trim() || `${a.applicant} ${a.label}`.includes(q.trim()));
  const hearings = (d?.hearingsToday ?? []).filter((h) => !q.trim() || `${h.caseNumber ?? ''} ${h.parties}`.includes(q.trim()));
  const aidPage = usePage(aid);
  const sections = [
    { key: 'overdue', label: '已逾期', n: counts.overdue, danger: true },
    { key: 'today', label: '今日到期', n: counts.dueToday },
    { key: 'hearings', label: '今日开庭', n: hearings.length },
    { key: 'week', label: '本周到期', n: counts.thisWeek },
    { key: 'aid', label: '法律援助期限', n: aid.length },
  ];
  const filtered = !!q.trim() || Object.values(shownFilters).some(Boolean);
  const empty = sections.filter((x) => x.n === 0).map((x) => x.label);
  const card = (key: string, title: React.ReactNode, body: React.ReactNode) => (
    <Card size="small" id={`dash-section-${key}`} title={title} style={{ marginBottom: 12 }}>{body}</Card>
  );
  return (
    <div style={{ maxWidth: 1200 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>工作台{d && <span className="muted" style={{ fontSize: 14, marginLeft: 12 }}>今天 {d.today}</span>}</h1>
        <Flex gap={8}>
          <Input.Search allowClear placeholder="筛选：案号、当事人或期限" style={{ width: 260 }} onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} aria-label="筛选" />
          <Segmented value={scope} onChange={(v) => setScope(v as 'mine' | 'all')} options={[{ value: 'mine', label: '我的案件' }, { value: 'all', label: '全委' }]} />
        </Flex>
      </Flex>
      {scope === 'all' && (
        <Flex gap={8} style={{ marginBottom: 12 }} wrap>
          <Select allowClear placeholder="全部场所" value={filters.venueId} onChange={(v) => set({ venueId: v })} style={{ width: 200 }} aria-label="按场所筛选"
            options={venues.map((v) => ({ value: v.id, label: v.name }))} />
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="仲裁员" value={filters.arbitratorId} onChange={(v) => set({ arbitratorId: v })} style={{ width: 140 }} aria-label="按仲裁员筛选"
            options={staff.filter((x) => x.role === 'arbitrator').map((x) => ({ value: x.id, label: x.displayName }))} />
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="书记员" value={filters.clerkId} onChange={(v) => set({ clerkId: v })} style={{ width: 140 }} aria-label="按书记员筛选"
            options={staff.filter((x) => x.role === 'clerk').map((x) => ({ value: x.id, label: x.displayName }))} />
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="期限种类" value={filters.rule} onChange={(v) => set({ rule: v })} style={{ width: 180 }} aria-label="按期限种类筛选"
            options={rules.map((r) => ({ value: r.name, label: r.label }))} />
        </Flex>
      )}
      {error && <Alert type="error" showIcon title={error} />}
      {d && (
        <>
          <Flex gap={8} style={{ marginBottom: 12 }} data-testid="dash-counts">
            {sections.map((x) => (
              <a key={x.key} onClick={() => document.getElementById(`dash-section-${x.key}`)?.scrollIntoView({ block: 'start' })}
                style={{ flex: 1, background: '#fff', border: '1px solid #f0f0f0', borderRadius: 4, padding: '8px 12px', color: 'inherit', cursor: x.n ? 'pointer' : 'default' }}>
                <div className="muted" style={{ fontSize: 13 }}>{x.label}</div>
                <div style={{ fontSize: 22, fontWeight: 600, color: x.danger && x.n ? '#cf1322' : undefined }}>{x.n}</div>
              </a>
            ))}
          </Flex>
          {counts.overdue > 0 && card('overdue', <span style={{ color: '#cf1322' }}>已逾期（{counts.overdue}）</span>,
            <Items items={d.overdue} total={counts.overdue} page={pages.overdue} onPage={onPage('overdue')} testId="dash-overdue" />)}
          {counts.dueToday > 0 && card('today', `今日到期（${counts.dueToday}）`,
            <Items items={d.dueToday} total={counts.dueToday} page={pages.dueToday} onPage={onPage('dueToday')} testId="dash-today" />)}
          {hearings.length > 0 && card('hearings', `今日开庭（${hearings.length}）`, (
            <ul style={{ margin: 0 }}>{hearings.map((h) => <li key={h.id}><a href={`#/cases/${h.caseId}`}>{h.caseNumber}</a> {h.parties} {h.startTime}–{h.endTime} {h.venueName}{h.roomName}（{h.staff.join('，')}）</li>)}</ul>
          ))}
          {counts.thisWeek > 0 && card('week', `本周到期（${counts.thisWeek}，至本周日）`,
            <Items items={d.thisWeek} total={counts.thisWeek} page={pages.thisWeek} onPage={onPage('thisWeek')} testId="dash-week" />)}
          {aid.length > 0 && card('aid', `法律援助期限（${aid.length}）`, (
            <>
            <table className="desk-table" data-testid="dash-aid">
              <thead><tr><th>申请人</th><th>事项</th><th>期限</th><th>依据</th></tr></thead>
              <tbody>
                {aidPage.rows.map((a) => (
                  <tr key={a.aidId + a.label} onClick={() => { window.location.hash = `#/aid/consultations/${a.consultationId}`; }}>
                    <td>{a.applicant}{a.urgent && <span className="overdue">（先行援助）</span>}</td>
                    <td>{a.label}</td>
                    <td className={a.overdue ? 'overdue' : undefined}>{a.dueDate}{a.overdue ? `（已逾期 ${-a.daysLeft} 日）` : a.daysLeft === 0 ? '（今日到期）' : `（还有 ${a.daysLeft} 日）`}</td>
                    <td className="muted" style={{ fontSize: 12 }}>{a.basis}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {aidPage.pager}
            </>
          ))}
          <SupervisionCard />
          {empty.length > 0 && <div className="muted" data-testid="dash-empty">{filtered ? '筛选结果中无' : '暂无'}：{empty.join('、')}</div>}
        </>
      )}
    </div>
  );
}

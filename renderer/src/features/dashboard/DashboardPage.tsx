import type React from 'react';
import { Alert, Card, Flex, Input, Pagination, Popover, Segmented, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { Dashboard, DashboardItem } from '../../../../src/api';
import { api } from '../../lib/api-client';
import { go } from '../../lib/router';
import { SupervisionCard } from '../employers/SupervisionCard';

const PAGE = 20;

/** A page of a section's rows: the whole commission can have hundreds of overdue deadlines. */
function usePage<T>(items: T[]): { rows: T[]; pager: React.ReactElement | null } {
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [items.length]);
  const rows = items.slice((page - 1) * PAGE, page * PAGE);
  const pager = items.length > PAGE
    ? <Pagination size="small" style={{ marginTop: 8, textAlign: 'right' }} current={page} pageSize={PAGE} total={items.length} onChange={setPage} showSizeChanger={false} showTotal={(n) => `共 ${n} 项`} />
    : null;
  return { rows, pager };
}

function Items({ items, testId }: { items: DashboardItem[]; testId: string }) {
  const { rows, pager } = usePage(items);
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

/** 工作台: the counts first; then each section that has something (empty ones collapse to one line), paged, with a filter. */
export function DashboardPage() {
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const [d, setD] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [q, setQ] = useState('');
  useEffect(() => {
    void api('dashboard.get', { scope }).then((r) => (r.ok ? setD(r.value) : setError(r.error.message)));
  }, [scope]);
  const match = (i: DashboardItem) => !q.trim() || `${i.caseNumber ?? ''} ${i.parties} ${i.deadline.label}`.includes(q.trim());
  const overdue = (d?.overdue ?? []).filter(match);
  const dueToday = (d?.dueToday ?? []).filter(match);
  const thisWeek = (d?.thisWeek ?? []).filter(match);
  const aid = (d?.aid ?? []).filter((a) => !q.trim() || `${a.applicant} ${a.label}`.includes(q.trim()));
  const hearings = (d?.hearingsToday ?? []).filter((h) => !q.trim() || `${h.caseNumber ?? ''} ${h.parties}`.includes(q.trim()));
  const aidPage = usePage(aid);
  const sections = [
    { key: 'overdue', label: '已逾期', n: overdue.length, danger: true },
    { key: 'today', label: '今日到期', n: dueToday.length },
    { key: 'hearings', label: '今日开庭', n: hearings.length },
    { key: 'week', label: '本周到期', n: thisWeek.length },
    { key: 'aid', label: '法律援助期限', n: aid.length },
  ];
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
          {overdue.length > 0 && card('overdue', <span style={{ color: '#cf1322' }}>已逾期（{overdue.length}）</span>, <Items items={overdue} testId="dash-overdue" />)}
          {dueToday.length > 0 && card('today', `今日到期（${dueToday.length}）`, <Items items={dueToday} testId="dash-today" />)}
          {hearings.length > 0 && card('hearings', `今日开庭（${hearings.length}）`, (
            <ul style={{ margin: 0 }}>{hearings.map((h) => <li key={h.id}><a href={`#/cases/${h.caseId}`}>{h.caseNumber}</a> {h.parties} {h.startTime}–{h.endTime} {h.venueName}{h.roomName}（{h.staff.join('，')}）</li>)}</ul>
          ))}
          {thisWeek.length > 0 && card('week', `本周到期（${thisWeek.length}，至本周日）`, <Items items={thisWeek} testId="dash-week" />)}
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
          {empty.length > 0 && <div className="muted" data-testid="dash-empty">{q.trim() ? '筛选结果中无' : '暂无'}：{empty.join('、')}</div>}
        </>
      )}
    </div>
  );
}

import { Alert, Card, Empty, Flex, Popover, Segmented, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { Dashboard, DashboardItem } from '../../../../src/api';
import { api } from '../../lib/api-client';
import { go } from '../../lib/router';

function Items({ items, testId }: { items: DashboardItem[]; testId: string }) {
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />;
  return (
    <table className="desk-table" data-testid={testId}>
      <thead><tr><th>届满日</th><th>案件</th><th>期限</th><th>应办事项</th></tr></thead>
      <tbody>
        {items.map((i) => (
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
  );
}

/** 工作台: what is overdue, due today and due this week, for me or for the whole commission. */
export function DashboardPage() {
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const [d, setD] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api('dashboard.get', { scope }).then((r) => (r.ok ? setD(r.value) : setError(r.error.message)));
  }, [scope]);
  return (
    <div style={{ maxWidth: 1200 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>工作台{d && <span className="muted" style={{ fontSize: 14, marginLeft: 12 }}>今天 {d.today}</span>}</h1>
        <Segmented value={scope} onChange={(v) => setScope(v as 'mine' | 'all')} options={[{ value: 'mine', label: '我的案件' }, { value: 'all', label: '全委' }]} />
      </Flex>
      {error && <Alert type="error" showIcon title={error} />}
      {d && (
        <>
          <Card size="small" title={<span style={{ color: '#cf1322' }}>已逾期（{d.overdue.length}）</span>} style={{ marginBottom: 12 }}><Items items={d.overdue} testId="dash-overdue" /></Card>
          <Card size="small" title={`今日到期（${d.dueToday.length}）`} style={{ marginBottom: 12 }}><Items items={d.dueToday} testId="dash-today" /></Card>
          <Card size="small" title={`今日开庭（${d.hearingsToday.length}）`} style={{ marginBottom: 12 }}>
            {d.hearingsToday.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" /> : (
              <ul style={{ margin: 0 }}>{d.hearingsToday.map((h) => <li key={h.id}><a href={`#/cases/${h.caseId}`}>{h.caseNumber}</a> {h.startTime}–{h.endTime} {h.venueName}{h.roomName}（{h.staff.join('，')}）</li>)}</ul>
            )}
          </Card>
          <Card size="small" title={`本周到期（${d.thisWeek.length}）`} style={{ marginBottom: 12 }}><Items items={d.thisWeek} testId="dash-week" /></Card>
          <Card size="small" title={`法律援助期限（${d.aid.length}）`}>
            <table className="desk-table" data-testid="dash-aid">
              <thead><tr><th>申请人</th><th>事项</th><th>期限</th><th>依据</th></tr></thead>
              <tbody>
                {d.aid.length === 0 && <tr><td colSpan={4} className="muted">无</td></tr>}
                {d.aid.map((a) => (
                  <tr key={a.aidId + a.label} onClick={() => { window.location.hash = `#/aid/consultations/${a.consultationId}`; }}>
                    <td>{a.applicant}{a.urgent && <span className="overdue">（先行援助）</span>}</td>
                    <td>{a.label}</td>
                    <td className={a.overdue ? 'overdue' : undefined}>{a.dueDate}{a.overdue ? `（已逾期 ${-a.daysLeft} 日）` : a.daysLeft === 0 ? '（今日到期）' : `（还有 ${a.daysLeft} 日）`}</td>
                    <td className="muted" style={{ fontSize: 12 }}>{a.basis}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        </>
      )}
    </div>
  );
}

import { Card, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { SupervisionDashboard } from '../../../../src/api';
import { api } from '../../lib/api-client';

/** On the dashboard: open wage-arrears warnings and overdue orders to rectify (issue 16 items 3–4). */
export function SupervisionCard() {
  const [d, setD] = useState<SupervisionDashboard | null>(null);
  useEffect(() => { void api('supervision.dashboard', {}).then((r) => r.ok && setD(r.value)); }, []);
  if (!d || (!d.warnings.length && !d.overdueOrders.length)) return null;
  return (
    <Card size="small" id="dash-section-supervision" title={<span style={{ color: '#cf1322' }}>欠薪预警（{d.warnings.length}）与逾期整改（{d.overdueOrders.length}）</span>} style={{ marginBottom: 12 }}
      extra={<a href="#/employers/tab/warnings">全部预警</a>}>
      <table className="desk-table" data-testid="dash-warnings">
        <tbody>
          {d.warnings.map((w) => (
            <tr key={w.id} onClick={() => { window.location.hash = `#/employers/${w.employerId}`; }}>
              <td>{w.raisedDate}</td><td>{w.employerName}</td><td><Tag color="red">{w.ruleLabel}</Tag>{w.signals.join('；')}</td><td>{w.statusLabel}</td>
            </tr>
          ))}
          {d.overdueOrders.map((o) => (
            <tr key={o.findingId} onClick={() => { window.location.hash = `#/employers/${o.employerId}`; }}>
              <td>{o.deadline}</td><td>{o.employerName}</td><td><Tag color="volcano">逾期未整改</Tag>{o.description}</td><td>整改期限已过</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

import { Drawer, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { IndicatorDrillView } from '../../../../src/api';

/** 工作指标 drill-downs (issue 15 item 4): the records one indicator figure counts (stats.indicatorDrill). */
export type IndicatorRef = { indicator: 'consultations' | 'mediations' | 'wageArrears' | 'legalAid' | 'satisfaction'; dimension?: string; key?: string };

/** A figure that opens its records. */
export function DrillLink({ to, onDrill, testId, children }: { to: IndicatorRef; onDrill: (r: IndicatorRef) => void; testId?: string; children: ReactNode }) {
  return <Typography.Link data-testid={testId} onClick={() => onDrill(to)}>{children}</Typography.Link>;
}

const yuan = (n: number | null) => (n === null ? '' : n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

export function IndicatorDrillDrawer({ drill, onClose }: { drill: IndicatorDrillView | null; onClose: () => void }) {
  return (
    <Drawer open={!!drill} onClose={onClose} size={900} title={drill ? `${drill.label}：${drill.rows.length} 条` : ''}>
      {drill && (
        <Table size="small" rowKey="id" data-testid="indicator-drill-table" dataSource={drill.rows} pagination={{ pageSize: 50 }}
          columns={[
            { title: '日期', dataIndex: 'date', render: (v: string) => v.slice(0, 10), onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
            { title: '当事人 / 案号', dataIndex: 'subject', render: (v: string, r) => (r.caseId ? <a href={`#cases/${r.caseId}`}>{v}</a> : v) },
            { title: '类别', dataIndex: 'kind' },
            { title: '人数', dataIndex: 'people', align: 'right' },
            { title: '金额（元）', dataIndex: 'amountYuan', align: 'right', render: (v: number | null) => yuan(v) },
          ]} />
      )}
    </Drawer>
  );
}

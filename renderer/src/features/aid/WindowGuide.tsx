import { Button, Card, Drawer, Space } from 'antd';
import { useState } from 'react';
import { WINDOWS, type WindowCode } from '../../../../src/domain';
import { CalculatorPanel } from '../calculators/CalculatorPanel';

const CALC_LABELS: Record<string, string> = {
  compensation: '经济补偿/赔偿金', 'double-wage': '二倍工资', overtime: '加班费', 'annual-leave': '年休假工资', disability: '伤残补助金', 'maternity-leave': '产假天数',
};

/** A window's intake checklist — documents to bring, protections to check — and its calculators. */
export function WindowGuide({ windows, onAmount }: { windows: WindowCode[]; onAmount?: (fen: number, summary: string) => void }) {
  const [calc, setCalc] = useState<string | null>(null);
  const list = [...new Set(windows)];
  return (
    <Card size="small" title="窗口指引" data-testid="window-guide">
      {list.map((w) => (
        <div key={w} data-testid={`guide-${w}`}>
          <strong>{WINDOWS[w].label}</strong>
          <div className="muted" style={{ fontSize: 12, marginTop: 4 }}>请携带材料</div>
          <ul style={{ margin: '2px 0 6px', paddingLeft: 18 }}>{WINDOWS[w].documents.map((d) => <li key={d}>{d}</li>)}</ul>
          <div className="muted" style={{ fontSize: 12 }}>须核查的权益保护</div>
          <ul style={{ margin: '2px 0 6px', paddingLeft: 18 }} data-testid={`protections-${w}`}>{WINDOWS[w].protections.map((d) => <li key={d}>{d}</li>)}</ul>
          <Space wrap style={{ marginBottom: 8 }}>
            {WINDOWS[w].calculators.map((c) => <Button key={c} size="small" onClick={() => setCalc(c)}>{CALC_LABELS[c]}计算器</Button>)}
          </Space>
        </div>
      ))}
      <Drawer title="计算器" open={calc !== null} onClose={() => setCalc(null)} size={560} destroyOnHidden>
        {calc && <CalculatorPanel initial={calc} onUse={onAmount ? (fen, summary) => { onAmount(fen, summary); setCalc(null); } : undefined} />}
      </Drawer>
    </Card>
  );
}

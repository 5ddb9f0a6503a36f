import { Alert, Button, Descriptions, Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useState } from 'react';
import { formatFen, isCalendarDate, minimumWageOn, parseYuanToFen } from '../../../../src/domain';
import { DateField, dateRule } from '../../components/DateField';
import { api } from '../../lib/api-client';

/** What each calculator asks for; money fields are typed in yuan and sent as integer fen. */
type Field = { key: string; label: string; kind: 'date' | 'fen' | 'number' | 'bool' | 'multiplier'; optional?: boolean; min?: number; max?: number; step?: number };
const CALCS: Record<string, { label: string; fields: Field[] }> = {
  compensation: {
    label: '经济补偿（N）/ 违法解除赔偿金（2N）',
    fields: [
      { key: 'startDate', label: '入职日期', kind: 'date' },
      { key: 'endDate', label: '劳动关系终止日（最后工作日）', kind: 'date' },
      { key: 'averageMonthlyWageFen', label: '前十二个月平均工资（元）', kind: 'fen' },
      { key: 'cityAverageMonthlyWageFen', label: '设区的市上年度职工月平均工资（元）', kind: 'fen' },
      { key: 'minimumMonthlyWageFen', label: '当地月最低工资（元，按终止日自动带出）', kind: 'fen' },
      { key: 'multiplier', label: '类别', kind: 'multiplier' },
    ],
  },
  'double-wage': {
    label: '未订立书面劳动合同二倍工资差额',
    fields: [
      { key: 'hireDate', label: '用工之日', kind: 'date' },
      { key: 'contractSignedDate', label: '书面合同订立日（未订立则不填）', kind: 'date', optional: true },
      { key: 'endDate', label: '劳动关系终止日或计算截止日', kind: 'date' },
      { key: 'monthlyWageFen', label: '月工资（元）', kind: 'fen' },
    ],
  },
  overtime: {
    label: '加班费',
    fields: [
      { key: 'monthlyWageFen', label: '月工资（元）', kind: 'fen' },
      { key: 'weekdayHours', label: '工作日延长时数', kind: 'number', min: 0, step: 0.5 },
      { key: 'restDayHours', label: '休息日工作时数', kind: 'number', min: 0, step: 0.5 },
      { key: 'holidayHours', label: '法定休假日工作时数', kind: 'number', min: 0, step: 0.5 },
    ],
  },
  'annual-leave': {
    label: '未休年休假工资',
    fields: [{ key: 'monthlyWageFen', label: '月工资（元）', kind: 'fen' }, { key: 'unusedDays', label: '未休天数', kind: 'number', min: 0, max: 15 }],
  },
  disability: {
    label: '一次性伤残补助金与伤残津贴',
    fields: [
      { key: 'grade', label: '伤残等级（1–10级）', kind: 'number', min: 1, max: 10 },
      { key: 'ownMonthlyWageFen', label: '本人工资（元）', kind: 'fen' },
      { key: 'areaAverageMonthlyWageFen', label: '统筹地区职工月平均工资（元）', kind: 'fen' },
    ],
  },
  'maternity-leave': {
    label: '产假天数',
    fields: [
      { key: 'babies', label: '婴儿数', kind: 'number', min: 1, max: 9 },
      { key: 'difficultBirth', label: '难产', kind: 'bool' },
      { key: 'miscarriageWeeks', label: '流产时孕周（流产时填写）', kind: 'number', min: 1, max: 45, optional: true },
    ],
  },
};
export const MONEY_CALCULATORS = ['compensation', 'double-wage', 'overtime', 'annual-leave', 'disability'] as const;

interface Result {
  amountFen: number | null;
  basis: string[];
  article: string;
  [k: string]: unknown;
}

/**
 * A calculator as the arbitrator uses it: inputs, the result with its formula, article and the dated parameters used,
 * and — where there is an amount — "填入金额" to put it into the claim or decision being edited.
 */
export function CalculatorPanel({ initial = 'compensation', only, onUse }: { initial?: string; only?: readonly string[]; onUse?: (amountFen: number, summary: string) => void }) {
  const [name, setName] = useState(initial);
  const [form] = Form.useForm();
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const calc = CALCS[name]!;
  const run = async () => {
    const v = await form.validateFields();
    const input: Record<string, unknown> = {};
    for (const f of calc.fields) {
      const x = v[f.key];
      if (f.kind === 'date') input[f.key] = x ? (x as string) : f.optional ? null : undefined;
      else if (f.kind === 'fen') input[f.key] = parseYuanToFen(String(x ?? '')) ?? -1;
      else if (f.kind === 'bool') input[f.key] = Boolean(x);
      else if (f.kind === 'multiplier') input[f.key] = x ?? 1;
      else if (x !== undefined && x !== null) input[f.key] = x;
    }
    const r = await api('calculators.run', { name, input });
    if (!r.ok) {
      setResult(null);
      const fields = (r.error.issues ?? []).filter((i) => i.path.startsWith('input.')).map((i) => ({ name: i.path.slice(6), errors: [i.message] }));
      if (fields.length) form.setFields(fields);
      setError(r.error.message);
      return;
    }
    setError(null);
    setResult(r.value as Result);
  };
  const fillMinimum = (end: string | undefined) => {
    if (name !== 'compensation' || !end || !isCalendarDate(end)) return;
    const mw = minimumWageOn(end);
    if (mw) form.setFieldValue('minimumMonthlyWageFen', (mw.monthlyFen / 100).toFixed(2));
  };
  const extra = result
    ? Object.entries(result).filter(([k]) => !['amountFen', 'basis', 'article', 'calculator', 'items'].includes(k) && result[k] !== null && typeof result[k] !== 'object')
    : [];
  return (
    <div data-testid="calculator">
      <Select
        value={name} style={{ width: '100%', marginBottom: 12 }} aria-label="计算器"
        options={Object.entries(CALCS).filter(([k]) => !only || only.includes(k)).map(([value, c]) => ({ value, label: c.label }))}
        onChange={(n) => { setName(n); setResult(null); setError(null); form.resetFields(); }}
      />
      <Form form={form} layout="vertical" key={name} initialValues={{ multiplier: 1, babies: 1, weekdayHours: 0, restDayHours: 0, holidayHours: 0 }}>
        <Flex wrap gap={12}>
          {calc.fields.map((f) => (
            <Form.Item key={f.key} name={f.key} label={f.label} style={{ minWidth: 200, flex: '1 1 200px', marginBottom: 8 }} valuePropName={f.kind === 'bool' ? 'checked' : 'value'} validateTrigger={f.kind === 'date' ? 'onBlur' : 'onChange'}
              rules={[...(f.optional || f.kind === 'bool' ? [] : [{ required: true, message: `请填写${f.label.replace(/（.*）/, '')}` }]), ...(f.kind === 'date' ? [dateRule] : [])]}>
              {f.kind === 'date' ? <DateField style={{ width: '100%' }} onChange={f.key === 'endDate' ? fillMinimum : undefined} />
                : f.kind === 'fen' ? <Input inputMode="decimal" placeholder="0.00" />
                  : f.kind === 'bool' ? <Switch />
                    : f.kind === 'multiplier' ? <Select options={[{ value: 1, label: '经济补偿 N（第四十七条）' }, { value: 2, label: '违法解除赔偿金 2N（第八十七条）' }]} />
                      : <InputNumber min={f.min} max={f.max} step={f.step ?? 1} style={{ width: '100%' }} />}
            </Form.Item>
          ))}
        </Flex>
        <Button onClick={() => void run()}>计算</Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      {result && (
        <div style={{ marginTop: 12 }} data-testid="calculator-result">
          <Descriptions size="small" bordered column={1} items={[
            ...(result.amountFen !== null ? [{ key: 'a', label: '金额', children: <strong data-testid="calculator-amount">{formatFen(result.amountFen)}</strong> }] : []),
            ...extra.map(([k, v]) => ({ key: k, label: LABELS[k] ?? k, children: typeof v === 'number' && /Fen$/.test(k) ? formatFen(v) : String(v) })),
            { key: 'art', label: '依据', children: result.article },
          ]} />
          <ul className="muted" style={{ fontSize: 12, paddingLeft: 18, marginTop: 6 }} data-testid="calculator-basis">
            {result.basis.map((b) => <li key={b}>{b}</li>)}
          </ul>
          {onUse && result.amountFen !== null && (
            <Button type="primary" onClick={() => onUse(result.amountFen!, `${calc.label}：${formatFen(result.amountFen!)}（${result.article}）`)}>填入金额</Button>
          )}
        </div>
      )}
    </div>
  );
}

const LABELS: Record<string, string> = {
  months: '计算月数', baseMonthlyWageFen: '计算基数（月）', dailyWageFen: '日工资', hourlyWageFen: '小时工资', monthlyAllowanceFen: '伤残津贴（月）',
  days: '产假天数（国家规定）', provincialExtraDays: '四川省延长天数', thresholdFen: '终局限额',
};

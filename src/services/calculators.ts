import * as z from 'zod';
import { AppError, CALCULATORS, CALCULATOR_NAMES, type CalculatorName } from '../api';
import { annualLeave, compensation, disability, doubleWage, finality, maternityLeave, overtime } from '../domain';
import { zodIssues } from './dispatch';

const RUN: { [N in CalculatorName]: (input: z.output<(typeof CALCULATORS)[N]['input']>) => Record<string, unknown> } = {
  compensation: (i) => compensation(i),
  'double-wage': (i) => doubleWage(i),
  overtime: (i) => overtime(i),
  'annual-leave': (i) => annualLeave(i),
  disability: (i) => disability(i),
  'maternity-leave': (i) => maternityLeave(i),
  finality: (i) => finality(i),
};

export function listCalculators() {
  return CALCULATOR_NAMES.map((name) => ({ name, label: CALCULATORS[name].label, article: CALCULATORS[name].article, input: z.toJSONSchema(CALCULATORS[name].input, { unrepresentable: 'any' }) }));
}

/** Validates the calculator's own input (Chinese messages, with paths under "input") and runs it. */
export function runCalculator(name: string, input: unknown): Record<string, unknown> {
  if (!(CALCULATOR_NAMES as readonly string[]).includes(name)) throw new AppError('VALIDATION', `未知的计算器“${name}”，可用：${CALCULATOR_NAMES.join('、')}`, [{ path: 'name', message: '未知的计算器' }]);
  const n = name as CalculatorName;
  const parsed = CALCULATORS[n].input.safeParse(input);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error).map((i) => ({ path: i.path ? `input.${i.path}` : 'input', message: i.message }));
    throw new AppError('VALIDATION', issues[0]!.message, issues);
  }
  return { calculator: n, article: CALCULATORS[n].article, ...(RUN[n] as (i: unknown) => Record<string, unknown>)(parsed.data) };
}

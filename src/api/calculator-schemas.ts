import * as z from 'zod';
import { FINALITY_TYPES } from '../domain';
import { calendarDate, fen } from './schemas';

const hours = (label: string) => z.number({ error: `${label}应为数字` }).min(0, { error: `${label}不能为负数` }).max(10_000, { error: `${label}过大` }).multipleOf(0.01, { error: `${label}最多两位小数` });

/** Input of each calculator (the CLI's --list prints these as JSON Schema). */
export const CALCULATORS = {
  compensation: {
    label: '经济补偿（N）/ 违法解除赔偿金（2N）',
    article: '《劳动合同法》第四十七条、第四十八条、第八十七条',
    input: z.strictObject({
      startDate: calendarDate('入职日期'),
      endDate: calendarDate('劳动关系终止日（最后工作日）'),
      averageMonthlyWageFen: fen('前十二个月平均工资'),
      cityAverageMonthlyWageFen: fen('设区的市上年度职工月平均工资'),
      minimumMonthlyWageFen: fen('当地月最低工资'),
      multiplier: z.union([z.literal(1), z.literal(2)], { error: 'multiplier 应为 1（经济补偿）或 2（赔偿金）' }),
    }).refine((v) => v.endDate >= v.startDate, { error: '终止日不能早于入职日期', path: ['endDate'] }),
  },
  'double-wage': {
    label: '未订立书面劳动合同二倍工资差额',
    article: '《劳动合同法》第八十二条',
    input: z.strictObject({
      hireDate: calendarDate('用工之日'),
      contractSignedDate: calendarDate('书面合同订立日').nullable(),
      endDate: calendarDate('劳动关系终止日或计算截止日'),
      monthlyWageFen: fen('月工资'),
    }),
  },
  overtime: {
    label: '加班费',
    article: '《劳动法》第四十四条',
    input: z.strictObject({ monthlyWageFen: fen('月工资'), weekdayHours: hours('工作日延长时数'), restDayHours: hours('休息日工作时数'), holidayHours: hours('法定休假日工作时数') }),
  },
  'annual-leave': {
    label: '未休年休假工资',
    article: '《职工带薪年休假条例》第五条',
    input: z.strictObject({ monthlyWageFen: fen('月工资'), unusedDays: z.number({ error: '未休天数应为数字' }).int({ error: '未休天数应为整数（不足一天的部分不计）' }).min(0).max(15, { error: '每年年休假最多15天' }) }),
  },
  disability: {
    label: '一次性伤残补助金与伤残津贴',
    article: '《工伤保险条例》第三十五条至第三十七条、第六十四条',
    input: z.strictObject({
      grade: z.number({ error: '伤残等级应为数字' }).int().min(1, { error: '伤残等级为1至10级' }).max(10, { error: '伤残等级为1至10级' }),
      ownMonthlyWageFen: fen('本人工资'),
      areaAverageMonthlyWageFen: fen('统筹地区职工月平均工资'),
    }),
  },
  'maternity-leave': {
    label: '产假天数',
    article: '《女职工劳动保护特别规定》第七条',
    input: z.strictObject({
      babies: z.number({ error: '婴儿数应为数字' }).int().min(1).max(9),
      difficultBirth: z.boolean({ error: '难产应为 true 或 false' }),
      miscarriageWeeks: z.number({ error: '孕周应为数字' }).int().min(1).max(45).optional(),
    }),
  },
  finality: {
    label: '终局裁决认定',
    article: '《劳动争议调解仲裁法》第四十七条',
    input: z.strictObject({
      decisionDate: calendarDate('裁决日期'),
      items: z.array(z.strictObject({ type: z.enum(FINALITY_TYPES, { error: `类型应为 ${FINALITY_TYPES.join(' | ')}` }), amountFen: fen('金额').nullable() })).min(1, { error: '至少一项' }).max(50),
    }),
  },
} as const;

export type CalculatorName = keyof typeof CALCULATORS;
export const CALCULATOR_NAMES = Object.keys(CALCULATORS) as [CalculatorName, ...CalculatorName[]];

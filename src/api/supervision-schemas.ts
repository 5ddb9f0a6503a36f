import * as z from 'zod';
import { GRADES, PERFORMANCE_STATUSES, SUPERVISION_SETTING_KEYS, checkCreditCode } from '../domain';
import { calendarDate, fen } from './schemas';

/** Inputs of the employer register and supervision operations (issue 16). */

const text = (max: number, label: string) => z.string({ error: `${label}应为文字` }).trim().max(max, { error: `${label}不能超过${max}个字` });
const requiredText = (max: number, label: string) => text(max, label).min(1, { error: `请填写${label}` });
const optionalText = (max: number, label: string) => text(max, label).optional();
const id = z.string({ error: '编号应为文字' }).regex(/^[0-9a-f]{32}$/, { error: '编号格式无效' });
const phone = z.string({ error: '电话应为文字' }).trim().max(40, { error: '电话不能超过40个字符' }).regex(/^[0-9+\-() 转]*$/, { error: '电话只能包含数字和 + - ( )' }).optional();
const creditCode = z
  .string({ error: '统一社会信用代码应为文字' })
  .trim()
  .max(40, { error: '统一社会信用代码不能超过40个字符' })
  .optional()
  .superRefine((v, ctx) => {
    if (!v) return;
    const r = checkCreditCode(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  })
  .transform((v) => (v ? v.toUpperCase() : v));

const gradeRulesValue = (() => {
  const n = z.number({ error: '标准应为数字' }).int({ error: '标准应为整数' }).min(1, { error: '标准至少为1' }).nullable();
  const t = z.strictObject({ disputes: n, arrearsClaims: n, arrearsWorkers: n, arrearsFen: n, collective: n, unpaid: n, openFindings: n, overdueFindings: n });
  const days = z.number({ error: '天数应为数字' }).int({ error: '天数应为整数' }).min(1, { error: '天数至少为1' }).max(3650, { error: '天数不能超过3650' });
  return z
    .strictObject({ windowDays: days, key: t, hazard: t, visitEveryDays: z.strictObject({ general: days, key: days, hazard: days }) })
    .superRefine((v, ctx) => {
      // a grade with no threshold is never given; a higher grade is visited at least as often as a lower one
      for (const g of ['key', 'hazard'] as const) {
        if (Object.values(v[g]).every((n) => n === null)) ctx.addIssue({ code: 'custom', path: [g, 'disputes'], message: `${g === 'key' ? '重点企业' : '隐患企业'}至少应设一项标准` });
      }
      if (v.visitEveryDays.key > v.visitEveryDays.general) ctx.addIssue({ code: 'custom', path: ['visitEveryDays', 'key'], message: '重点企业的巡查间隔不能长于一般企业' });
      if (v.visitEveryDays.hazard > v.visitEveryDays.key) ctx.addIssue({ code: 'custom', path: ['visitEveryDays', 'hazard'], message: '隐患企业的巡查间隔不能长于重点企业' });
    });
})();

const days = z.number({ error: '天数应为数字' }).int({ error: '天数应为整数' }).min(1, { error: '天数至少为1' }).max(3650, { error: '天数不能超过3650' });
const warningRulesValue = z.strictObject({
  cluster: z.strictObject({ workers: z.number().int().min(2, { error: '人数至少为2' }), withinDays: days }).nullable(),
  collective: z.strictObject({ workers: z.number().int().min(2, { error: '人数至少为2' }) }).nullable(),
  amount: z.strictObject({ fen: fen('金额'), withinDays: days }).nullable(),
  festival: z.strictObject({ daysBefore: days, springFestival: z.record(z.string().regex(/^\d{4}$/, { error: '年份应为四位数字' }), calendarDate('春节日期')) }).nullable(),
});
const blacklistRulesValue = z.strictObject({
  statementDays: days,
  listingYears: z.number().int().min(1).max(10),
  earlyRemovalMonths: z.number().int().min(1).max(60),
  department: requiredText(100, '作出决定的部门'),
});
const townsValue = z.array(requiredText(40, '镇（街道）名称')).min(1, { error: '请至少填写一个镇（街道）' });

export const supervisionSchemas = {
  performanceGet: z.strictObject({ caseId: id }),
  performanceRecord: z.strictObject({
    caseId: id,
    dueDate: calendarDate('履行期限'),
    status: z.enum(PERFORMANCE_STATUSES, { error: '履行情况应为已全部履行、部分履行或未履行' }),
    asOf: calendarDate('情况核实日期'),
    paidFen: fen('已履行金额').nullable().optional(),
    enforcementDate: calendarDate('申请强制执行日期').nullable().optional(),
    enforcementCourt: optionalText(100, '受理强制执行申请的人民法院'),
    note: optionalText(500, '说明'),
  }),
  employerList: z.strictObject({
    query: optionalText(100, '查询内容'),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  }),
  employerId: z.strictObject({ id }),
  employerEdit: z.strictObject({
    id,
    name: requiredText(100, '单位名称'),
    creditCode,
    sector: z.enum(['construction', 'other'], { error: '领域应为建设领域或非建领域' }).nullable().optional(),
    industry: optionalText(50, '行业'),
    town: optionalText(40, '所在镇（街道）'),
    size: optionalText(40, '规模'),
    contactName: optionalText(50, '联系人'),
    contactPhone: phone,
    address: optionalText(200, '地址'),
  }),
  employerAlias: z.strictObject({ id, alias: requiredText(100, '简称') }),
  employerMerge: z.strictObject({ fromId: id, intoId: id, reason: requiredText(500, '合并理由') }),
  supervisionRules: z.strictObject({ date: calendarDate('日期').optional() }),
  supervisionSetRule: z.discriminatedUnion('key', [
    z.strictObject({ key: z.literal('supervision.gradeRules'), validFrom: calendarDate('施行日期'), basis: requiredText(300, '依据'), value: gradeRulesValue }),
    z.strictObject({ key: z.literal('supervision.warningRules'), validFrom: calendarDate('施行日期'), basis: requiredText(300, '依据'), value: warningRulesValue }),
    z.strictObject({ key: z.literal('supervision.blacklistRules'), validFrom: calendarDate('施行日期'), basis: requiredText(300, '依据'), value: blacklistRulesValue }),
    z.strictObject({ key: z.literal('supervision.towns'), validFrom: calendarDate('施行日期'), basis: requiredText(300, '依据'), value: townsValue }),
  ], { error: `规则应为：${SUPERVISION_SETTING_KEYS.join('、')}` }),
  gradesRecompute: z.strictObject({ id: id.optional() }),
  gradeOverride: z.strictObject({ employerId: id, grade: z.enum(GRADES, { error: '等级应为一般、重点或隐患' }), reason: requiredText(500, '调整理由') }),
  visitsDue: z.strictObject({ date: calendarDate('日期').optional() }),
  inspectionCreate: z.strictObject({
    employerId: id,
    visitDate: calendarDate('巡查日期'),
    inspectors: requiredText(100, '巡查人员'),
    summary: requiredText(1000, '巡查情况'),
    findings: z.array(z.strictObject({
      description: requiredText(500, '隐患情况'),
      orderDate: calendarDate('责令整改日期').optional(),
      deadline: calendarDate('整改期限').optional(),
    })).max(50, { error: '隐患不能超过50项' }).default([]),
  }),
  inspectionConfirm: z.strictObject({ findingId: id, rectifiedDate: calendarDate('整改确认日期'), note: requiredText(500, '整改情况') }),
  inspectionFigures: z.strictObject({ from: calendarDate('起始日期'), to: calendarDate('截止日期') }).refine((v) => v.from <= v.to, { error: '起始日期不能晚于截止日期', path: ['to'] }),
  warningList: z.strictObject({ status: z.enum(['open', 'assigned', 'closed', 'unclosed'], { error: '状态无效' }).optional() }),
  warningAssign: z.strictObject({ id, assigneeId: id, note: optionalText(500, '交办说明') }),
  warningNote: z.strictObject({ id, note: requiredText(1000, '跟进情况') }),
  warningClose: z.strictObject({ id, outcome: requiredText(1000, '办结结果'), closedDate: calendarDate('办结日期') }),
  bulletinIssue: z.strictObject({
    issuedDate: calendarDate('发布日期'),
    summary: requiredText(1000, '预警概述'),
    items: z.array(z.strictObject({ warningId: id, actions: requiredText(500, '处置措施') })).min(1, { error: '请至少选择一条预警' }).max(100),
  }),
  bulletinDocument: z.strictObject({ id, format: z.enum(['pdf', 'docx'], { error: '格式应为 pdf 或 docx' }) }),
  blacklistNotice: z.strictObject({
    employerId: id,
    grounds: requiredText(1000, '列入事由'),
    arrearsFen: fen('拖欠工资金额').nullable().optional(),
    workers: z.number({ error: '人数应为数字' }).int().min(1, { error: '人数至少为1' }).nullable().optional(),
    responsiblePersons: optionalText(200, '法定代表人及直接责任人员'),
    noticeDate: calendarDate('告知日期'),
  }),
  blacklistDecide: z.strictObject({ id, decisionDate: calendarDate('决定日期'), list: z.boolean({ error: '请选择是否列入' }), note: requiredText(1000, '决定理由') }),
  blacklistPublish: z.strictObject({ id, publicationDate: calendarDate('公布日期') }),
  blacklistRemove: z.strictObject({
    id, removalDate: calendarDate('移出日期'), reason: z.enum(['expired', 'early'], { error: '请选择期满移出或提前移出' }),
    paidDate: calendarDate('清偿日期').optional(), note: requiredText(1000, '移出说明'),
  }),
  blacklistList: z.strictObject({ status: z.enum(['noticed', 'listed', 'removed', 'dropped'], { error: '状态无效' }).optional() }),
  blacklistDocument: z.strictObject({ id, step: z.enum(['notice', 'decision', 'removal'], { error: '文书种类无效' }), format: z.enum(['pdf', 'docx'], { error: '格式应为 pdf 或 docx' }) }),
  employerLookup: z.strictObject({ caseId: id.optional(), consultationId: id.optional() }).refine((v) => !!v.caseId !== !!v.consultationId, { error: '请指定案件或咨询登记之一' }),
  empty: z.strictObject({}),
};

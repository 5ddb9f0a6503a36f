import * as z from 'zod';
import { CASE_LIST_COLUMN_KEYS } from './views';
import {
  AGENT_KINDS, LISTED_STATUSES, CLAIM_TYPES, CLAIM_TYPE_INFO, COLLECTIVE_MAX_REPRESENTATIVES, COLLECTIVE_MIN_WORKERS,
  GROUP_FLAGS, ID_TYPES, MAX_FEN, NON_ACCEPTANCE_REASON_CODES, REPRESENTATIVE_KINDS, ROLES, SEXES,
  AID_MATTER_CODES, CLOSING_METHOD_CODES, DECISION_SUBJECT_CODES, FINALITY_TYPES, WINDOW_CODES, DEADLINE_RULES, DOCUMENT_KIND_CODES, HEARING_OUTCOME_CODES, SERVICE_METHODS, checkCaseNumberPattern, checkCreditCode, DOCUMENT_NUMBER_SERIES, type DocumentNumberSeries, checkResidentId, isCalendarDate,
} from '../domain';
import { zodMessage } from './zod-messages';

// Plain Chinese fallback messages that name the field (issue 12 item 8), instead of zod's zh-CN locale.
z.config({ localeError: zodMessage as unknown as z.core.$ZodErrorMap });

const text = (max: number, label: string) =>
  z.string({ error: `${label}应为文字` }).trim().max(max, { error: `${label}不能超过${max}个字` });
const requiredText = (max: number, label: string) => text(max, label).min(1, { error: `请填写${label}` });
const optionalText = (max: number, label: string) => text(max, label).optional();

export const calendarDate = (label: string) =>
  z.string({ error: `${label}应为日期` }).refine(isCalendarDate, { error: `${label}不是有效日期（格式：YYYY-MM-DD）` }).describe(`${label}（YYYY-MM-DD）`);

export const fen = (label: string) =>
  z
    .number({ error: `${label}应为数字（单位：分）` })
    .int({ error: `${label}必须精确到分（整数分）` })
    .min(0, { error: `${label}不能为负数` })
    .max(MAX_FEN, { error: `${label}超出允许范围` })
    .describe(`${label}（整数，单位：分）`);

/** One password rule for new accounts, changes and resets. */
const newPassword = (label: string) =>
  z.string({ error: `${label}应为文字` }).min(8, { error: `${label}至少8位` }).max(200, { error: `${label}过长` });

const id = z.string({ error: '编号应为文字' }).regex(/^[0-9a-f]{32}$/, { error: '编号格式无效' });
const phone = z
  .string({ error: '电话应为文字' })
  .trim()
  .max(40, { error: '电话不能超过40个字符' })
  .regex(/^[0-9+\-() 转]*$/, { error: '电话只能包含数字和 + - ( )' })
  .optional();

export const agentSchema = z.strictObject({
  name: requiredText(50, '代理人姓名'),
  kind: z.enum(AGENT_KINDS, { error: '请选择代理人类型' }),
  organisation: optionalText(100, '代理人所在单位'),
  phone,
  /** The agent's account when the agent is one of the desk's lawyers: that lawyer may then read the case (issue 12 item 2). */
  userId: id.optional(),
});

export const personPartySchema = z
  .strictObject({
    kind: z.literal('person'),
    name: requiredText(50, '姓名'),
    sex: z.enum(SEXES, { error: '请选择性别' }).optional(),
    birthDate: calendarDate('出生日期').optional(),
    ethnicity: optionalText(20, '民族'),
    idType: z.enum(ID_TYPES, { error: '请选择证件类型' }).default('resident'),
    idNumber: z.string({ error: '证件号码应为文字' }).trim().max(40, { error: '证件号码不能超过40个字符' }).optional(),
    domicile: optionalText(200, '住所'),
    serviceAddress: optionalText(200, '送达地址'),
    phone,
    isRepresentative: z.boolean({ error: '代表人标记应为是或否' }).default(false),
    agents: z.array(agentSchema).max(2, { error: '每名当事人最多委托两名代理人（《劳动争议调解仲裁法》第二十四条参照民事诉讼法）' }).default([]),
  })
  .transform((p, ctx) => {
    if (!p.idNumber) return { ...p, idNumber: undefined };
    if (p.idType !== 'resident') return p;
    const r = checkResidentId(p.idNumber);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: r.message });
      return z.NEVER;
    }
    return { ...p, idNumber: r.value };
  });

export const orgPartySchema = z
  .strictObject({
    kind: z.literal('org'),
    name: requiredText(100, '单位名称'),
    creditCode: z.string({ error: '统一社会信用代码应为文字' }).trim().max(40, { error: '统一社会信用代码不能超过40个字符' }).optional(),
    domicile: optionalText(200, '住所'),
    serviceAddress: optionalText(200, '送达地址'),
    phone,
    representativeName: optionalText(50, '法定代表人或主要负责人姓名'),
    representativeTitle: optionalText(50, '职务'),
    representativeKind: z.enum(REPRESENTATIVE_KINDS, { error: '请选择法定代表人或主要负责人' }).default('legal'),
    agents: z.array(agentSchema).max(2, { error: '每名当事人最多委托两名代理人' }).default([]),
  })
  .transform((p, ctx) => {
    if (!p.creditCode) return { ...p, creditCode: undefined };
    const r = checkCreditCode(p.creditCode);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', path: ['creditCode'], message: r.message });
      return z.NEVER;
    }
    return { ...p, creditCode: r.value };
  });

export const partySchema = z.discriminatedUnion('kind', [personPartySchema, orgPartySchema], {
  error: '当事人类型应为自然人（person）或单位（org）',
});
export type PartyInput = z.input<typeof partySchema>;
export type Party = z.output<typeof partySchema>;

/** The facts the one-year limitation check needs (LDMAL Art 27); the check warns, it never refuses. */
export const limitationSchema = z
  .strictObject({
    knewDate: calendarDate('知道或应当知道权利被侵害之日').optional(),
    wageArrearsDuringEmployment: z.boolean({ error: '应为是或否' }).default(false),
    employmentEndDate: calendarDate('劳动关系终止日').optional(),
    interruptions: z.array(calendarDate('时效中断日期')).max(20, { error: '中断记录过多' }).default([]),
    suspensions: z
      .array(z.strictObject({ start: calendarDate('时效中止开始日'), end: calendarDate('时效中止结束日') }).refine((s) => s.end >= s.start, { error: '时效中止结束日不能早于开始日', path: ['end'] }))
      .max(10, { error: '中止记录过多' })
      .default([]),
  })
  .refine((l) => l.wageArrearsDuringEmployment || l.knewDate, { error: '请填写知道或应当知道权利被侵害之日', path: ['knewDate'] });
export type LimitationRecord = z.output<typeof limitationSchema>;

export const claimSchema = z
  .strictObject({
    type: z.enum(CLAIM_TYPES, { error: '请选择请求类型' }),
    amountFen: fen('请求金额').nullable().default(null),
    periodStart: calendarDate('期间起始日').optional(),
    periodEnd: calendarDate('期间截止日').optional(),
    text: requiredText(500, '请求内容'),
    facts: optionalText(5000, '事实与理由'),
    basis: optionalText(1000, '依据'),
    limitation: limitationSchema.optional(),
  })
  .superRefine((c, ctx) => {
    const rule = CLAIM_TYPE_INFO[c.type].amount;
    if (rule === 'required' && c.amountFen === null) {
      ctx.addIssue({ code: 'custom', path: ['amountFen'], message: `“${CLAIM_TYPE_INFO[c.type].label}”请求须填写金额` });
    }
    if (rule === 'none' && c.amountFen !== null) {
      ctx.addIssue({ code: 'custom', path: ['amountFen'], message: `“${CLAIM_TYPE_INFO[c.type].label}”请求不涉及金额` });
    }
    if (c.periodStart && c.periodEnd && c.periodEnd < c.periodStart) {
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: '期间截止日不能早于起始日' });
    }
  });
export type ClaimInput = z.input<typeof claimSchema>;

export const evidenceSchema = z.strictObject({
  name: requiredText(200, '证据名称'),
  source: optionalText(200, '证据来源'),
  purpose: optionalText(500, '证明内容'),
  copies: z.number({ error: '份数应为数字' }).int({ error: '份数应为整数' }).min(1, { error: '份数至少为1' }).max(999, { error: '份数过大' }).default(1),
});

export const caseDraftSchema = z
  .strictObject({
    id: id.optional(),
    venueId: id,
    receivedDate: calendarDate('收件日期'),
    cause: optionalText(100, '案由'),
    collective: z.boolean({ error: '集体争议标记应为是或否' }).default(false),
    workerCount: z.number({ error: '劳动者人数应为数字' }).int({ error: '劳动者人数应为整数' }).min(1, { error: '劳动者人数至少为1' }).max(100000, { error: '劳动者人数过大' }).optional(),
    groupFlags: z.array(z.enum(GROUP_FLAGS, { error: '未知的帮扶群体' })).max(GROUP_FLAGS.length).default([]),
    applicants: z.array(partySchema).min(1, { error: '至少需要一名申请人' }).max(500, { error: '申请人过多' }),
    respondents: z.array(partySchema).min(1, { error: '至少需要一名被申请人' }).max(20, { error: '被申请人过多' }),
    thirdParties: z.array(partySchema).max(20, { error: '第三人过多' }).default([]),
    claims: z.array(claimSchema).min(1, { error: '至少需要一项仲裁请求' }).max(50, { error: '仲裁请求过多' }),
    evidence: z.array(evidenceSchema).max(500, { error: '证据过多' }).default([]),
    note: optionalText(2000, '备注'),
    /** The consultation this application was started from (legal-aid desk, 三位一体). */
    consultationId: id.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.collective) {
      const workers = c.workerCount ?? c.applicants.length;
      if (workers < COLLECTIVE_MIN_WORKERS) {
        ctx.addIssue({ code: 'custom', path: ['workerCount'], message: `集体争议须有${COLLECTIVE_MIN_WORKERS}人以上劳动者（《劳动争议调解仲裁法》第七条）` });
      }
      const reps = c.applicants.filter((a) => a.kind === 'person' && a.isRepresentative).length;
      if (reps > COLLECTIVE_MAX_REPRESENTATIVES) {
        ctx.addIssue({ code: 'custom', path: ['applicants'], message: `代表人为3至5名（《办案规则》第六十三条），当前为${reps}名` });
      }
    }
    const seen = new Map<string, string>();
    const all = [...c.applicants.map((p, i) => ['applicants', i, p] as const), ...c.respondents.map((p, i) => ['respondents', i, p] as const), ...c.thirdParties.map((p, i) => ['thirdParties', i, p] as const)];
    for (const [list, i, p] of all) {
      const key = p.kind === 'person' ? p.idNumber : p.creditCode;
      if (!key) continue;
      const field = p.kind === 'person' ? 'idNumber' : 'creditCode';
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [list, i, field], message: `与${seen.get(key)}的证件号码重复` });
      else seen.set(key, p.name);
    }
  });
export type CaseDraftInput = z.input<typeof caseDraftSchema>;
export type CaseDraft = z.output<typeof caseDraftSchema>;

const RULE_NAMES = DEADLINE_RULES.map((r) => r.name) as [string, ...string[]];
const dateRange = z
  .string({ error: '区间应为“YYYY-MM-DD..YYYY-MM-DD”' })
  .regex(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/, { error: '区间应为“YYYY-MM-DD..YYYY-MM-DD”' })
  .transform((s) => s.split('..') as [string, string])
  .refine(([a, b]) => isCalendarDate(a) && isCalendarDate(b) && a <= b, { error: '区间日期无效或结束早于开始' });

export const calendarYearSchema = z.strictObject({
  year: z.number({ error: '年份应为数字' }).int().min(2000, { error: '年份应在2000至2100之间' }).max(2100, { error: '年份应在2000至2100之间' }),
  notice: requiredText(200, '通知名称及文号'),
  published: calendarDate('发布日期'),
  source: requiredText(200, '来源'),
  rest: z.array(z.tuple([calendarDate('放假开始日'), calendarDate('放假结束日')], { error: '放假区间应为 [开始, 结束]' })).min(1, { error: '至少需要一个放假区间' }).max(40),
  work: z.array(calendarDate('调休上班日')).max(20),
});

const hhmm = (label: string) => z.string({ error: `${label}应为 HH:MM` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${label}应为 HH:MM` });
/** A hearing's time and room. */
const slot = { startTime: hhmm('开始时间'), endTime: hhmm('结束时间'), roomId: id };
const endAfterStart = (v: { startTime: string; endTime: string }) => v.endTime > v.startTime;
const endAfterStartError = { error: '结束时间应晚于开始时间', path: ['endTime'] };

const instalmentSchema = z.strictObject({ dueDate: calendarDate('分期履行日期'), amountFen: fen('分期金额') });
const agreementItemSchema = z.strictObject({
  payer: text(100, '付款人'),
  payee: text(100, '收款人'),
  subject: text(200, '协议内容'),
  amountFen: fen('协议金额').nullable(),
  dueDate: calendarDate('履行期限').nullable(),
  method: text(100, '支付方式').nullable(),
  instalments: z.array(instalmentSchema).max(60, { error: '分期不能超过60期' }),
  text: optionalText(1000, '非金钱条款'),
}).refine((a) => a.amountFen == null || (a.payer && a.payee && a.subject), { error: '金钱给付条款须写明付款人、收款人和给付内容' })
  .refine((a) => a.amountFen != null || a.text || a.subject, { error: '请填写协议条款内容' })
  .refine((a) => !a.instalments.length || a.instalments.reduce((s, p) => s + p.amountFen, 0) === a.amountFen, { error: '各期金额之和应等于协议金额', path: ['instalments'] });

export const mediationPayloadSchema = z.strictObject({
  agreementDate: calendarDate('调解协议日期'),
  applicantStatement: text(5000, '申请人陈述'),
  respondentDefence: text(5000, '被申请人答辩'),
  factsFound: text(10000, '查明事实').nullable(),
  items: z.array(agreementItemSchema).min(1, { error: '请至少填写一项协议内容' }).max(50),
  closing: text(1000, '协议其他条款').nullable(),
});

export const awardPayloadSchema = z.strictObject({
  awardDate: calendarDate('裁决日期'),
  procedure: z.enum(['simple', 'ordinary'], { error: '请选择简易或普通程序' }),
  hearingDates: z.array(calendarDate('开庭日期')).max(20),
  appearance: text(2000, '到庭情况'),
  applicantStatement: text(10000, '申请人陈述'),
  respondentDefence: text(10000, '被申请人答辩'),
  factsFound: requiredText(50000, '查明事实'),
  reasoning: requiredText(50000, '裁决理由'),
  items: z
    .array(
      z.strictObject({
        claimSeq: z.number().int().min(1).max(200),
        claimText: requiredText(500, '仲裁请求'),
        result: z.enum(['supported', 'partly', 'rejected', 'withdrawn'], { error: '请选择裁决结果' }),
        amountFen: fen('裁决金额').nullable(),
        order: text(1000, '裁决主文'),
        final: z.boolean({ error: '应为是或否' }),
        finalReason: text(500, '终局理由'),
      }),
    )
    .min(1, { error: '请至少裁决一项请求' })
    .max(200),
  partial: z.boolean({ error: '应为是或否' }),
  part: z.enum(['all', 'final', 'non-final']),
  caseNumberOverride: optionalText(100, '案号'),
});

/** An optional ID number or credit code, checked by its check digit (GB 11643 / GB 32100) and normalised. */
const checkedId = (check: (v: string) => { ok: true; value: string } | { ok: false; message: string }, label: string) =>
  z.string({ error: `${label}应为文字` }).trim().max(40, { error: `${label}不能超过40个字符` }).optional().transform((v, ctx) => {
    if (!v) return undefined;
    const r = check(v);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  });

const documentPayload = z.strictObject({
  layout: z.enum(['a4', 'a3-stub'], { error: '纸张应为 A4 或 A3（存根）' }).optional(),
  correction: z
    .strictObject({
      items: z.array(requiredText(200, '补正材料')).min(1, { error: '请至少列出一项需要补正的材料' }).max(30),
      days: z.number({ error: '补正期限应为天数' }).int().min(1, { error: '补正期限至少1日' }).max(30, { error: '补正期限不超过30日' }),
    })
    .optional(),
  evidenceDeadline: calendarDate('举证期限').optional(),
  /** 授权委托书 / 法定代表人身份证明书: the party the form is pre-filled for. */
  partyId: id.optional(),
  /** 调解笔录: the mediation within arbitration whose sessions it records. */
  mediationId: id.optional(),
  /** 证据收据: the recorded submission it acknowledges. */
  submissionId: id.optional(),
  /** 公告: the recorded service by public notice it publishes. */
  serviceId: id.optional(),
  servedDocumentIds: z.array(id).min(1, { error: '请选择要送达的文书' }).max(20).optional(),
  decision: z
    .strictObject({
      subject: z.enum(DECISION_SUBJECT_CODES, { error: '请选择决定事项' }),
      cause: requiredText(200, '事由'),
      facts: requiredText(10000, '查明事项'),
      basisAndDecision: requiredText(10000, '适用依据及决定内容'),
      refersTo: optionalText(100, '所涉文书'),
    })
    .optional(),
  mediation: mediationPayloadSchema.optional(),
  award: awardPayloadSchema.optional(),
});

/** Filters of the case list (status incl. 已结案, venue, tribunal, group, cause, date ranges) and its server-side sort. */
const dashboardPage = z.number({ error: '页码应为数字' }).int({ error: '页码应为整数' }).min(1, { error: '页码从1开始' }).max(100_000, { error: '页码过大' }).optional();

const caseListFilter = {
  /** 'closed' (已结案): accepted cases with a closure record. */
  status: z.enum([...LISTED_STATUSES, 'closed'], { error: '未知的案件状态' }).optional(),
  venueId: id.optional(),
  query: optionalText(100, '搜索内容'),
  arbitratorId: id.optional(),
  clerkId: id.optional(),
  groupFlag: z.enum(GROUP_FLAGS, { error: '未知的帮扶群体' }).optional(),
  collective: z.boolean({ error: '应为是或否' }).optional(),
  cause: optionalText(100, '案由'),
  receivedFrom: calendarDate('收件日期起').optional(),
  receivedTo: calendarDate('收件日期止').optional(),
  acceptedFrom: calendarDate('受理日期起').optional(),
  acceptedTo: calendarDate('受理日期止').optional(),
  closedFrom: calendarDate('结案日期起').optional(),
  closedTo: calendarDate('结案日期止').optional(),
  sort: z.enum(['caseNumber', 'receivedDate', 'acceptanceDate', 'closedDate', 'claimTotalFen', 'venueName'], { error: '未知的排序字段' }).optional(),
  order: z.enum(['asc', 'desc'], { error: '排序方向应为升序或降序' }).default('desc'),
};

/** The particulars of a consultation, typed at registration and corrected by 修改登记. */
const consultationParticulars = {
  window: z.enum(WINDOW_CODES, { error: '请选择窗口' }),
  channel: z.enum(['walk_in', 'phone', 'referral'], { error: '请选择来访方式' }).default('walk_in'),
  personName: requiredText(50, '姓名'),
  personSex: z.enum(SEXES, { error: '请选择性别' }).optional(),
  personIdNumber: checkedId(checkResidentId, '身份证号码'),
  personPhone: phone,
  personAddress: optionalText(200, '住址'),
  employerName: optionalText(100, '用人单位'),
  employerCreditCode: checkedId(checkCreditCode, '统一社会信用代码'),
  employerAlias: optionalText(100, '用人单位简称或别称'),
  disputeType: z.enum(CLAIM_TYPES, { error: '请选择争议类型' }),
  groupFlags: z.array(z.enum(GROUP_FLAGS, { error: '未知的帮扶群体' })).max(GROUP_FLAGS.length).default([]),
  injuryDate: calendarDate('受伤日期').optional(),
  disabilityGrade: z.number({ error: '伤残等级应为数字' }).int().min(1, { error: '伤残等级为1至10级' }).max(10, { error: '伤残等级为1至10级' }).optional(),
  femaleStage: z.enum(['pregnant', 'maternity', 'nursing'], { error: '请选择孕期、产期或哺乳期' }).optional(),
  femaleStageStart: calendarDate('开始日期').optional(),
  femaleStageEnd: calendarDate('结束日期').optional(),
  collective: z.boolean({ error: '应为是或否' }).default(false),
  workerCount: z.number({ error: '人数应为数字' }).int().min(1, { error: '人数至少为1' }).max(100000).default(1),
  claims: z.array(z.strictObject({ type: z.enum(CLAIM_TYPES, { error: '请选择请求类型' }), amountFen: fen('金额').nullable().default(null), text: requiredText(500, '请求内容') })).max(50).default([]),
  summary: requiredText(5000, '咨询内容'),
};

export const schemas = {
  empty: z.strictObject({}),
  id: z.strictObject({ id }),
  login: z.strictObject({ username: requiredText(50, '用户名'), password: z.string({ error: '密码应为文字' }).min(1, { error: '请填写密码' }).max(200, { error: '密码过长' }) }),
  newUser: z.strictObject({
    username: z.string({ error: '用户名应为文字' }).trim().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, { error: '用户名为3至32位字母、数字或 _ . -，以字母开头' }),
    displayName: requiredText(50, '姓名'),
    role: z.enum(ROLES, { error: '请选择角色' }),
    password: newPassword('密码'),
    employment: z.enum(['full_time', 'part_time'], { error: '请选择专职或兼职' }).optional(),
    venueId: id.optional(),
  }),
  setUserActive: z.strictObject({ id, active: z.boolean({ error: '启用状态应为是或否' }) }),
  changePassword: z.strictObject({
    currentPassword: z.string({ error: '当前密码应为文字' }).min(1, { error: '请填写当前密码' }).max(200, { error: '密码过长' }),
    newPassword: newPassword('新密码'),
  }),
  unlock: z.strictObject({ password: z.string({ error: '密码应为文字' }).min(1, { error: '请填写密码' }).max(200, { error: '密码过长' }) }),
  resetPassword: z.strictObject({ id, password: newPassword('临时密码') }),
  caseDraft: caseDraftSchema,
  accept: z.strictObject({ id, acceptanceDate: calendarDate('受理日期') }),
  notAccept: z.strictObject({
    id,
    decisionDate: calendarDate('决定日期'),
    reasonCode: z.enum(NON_ACCEPTANCE_REASON_CODES, { error: '请选择不予受理理由' }),
    reasonText: requiredText(2000, '具体理由'),
  }),
  caseGet: z.union([z.strictObject({ id }), z.strictObject({ caseNumber: requiredText(100, '案号') })], { error: '请提供案件编号或案号' }),
  /** The related-case check's page (issue 13, scale4). */
  caseRelated: z.strictObject({
    id,
    limit: z.number({ error: '每页条数应为数字' }).int().min(1, { error: '每页至少1条' }).max(200, { error: '每页最多200条' }).default(20),
    offset: z.number({ error: '偏移应为数字' }).int().min(0).max(10_000_000).default(0),
  }),
  caseList: z.strictObject({
    ...caseListFilter,
    limit: z.number({ error: '条数应为数字' }).int().min(1).max(1000).default(200),
    offset: z.number({ error: '偏移应为数字' }).int().min(0).max(10_000_000).default(0),
  }),
  /** The current filter of the case list, exported to XLSX with the chosen columns (issue 14). */
  caseExport: z.strictObject({
    ...caseListFilter,
    columns: z.array(z.enum(CASE_LIST_COLUMN_KEYS, { error: '未知的列' })).min(1, { error: '请至少选择一列' }).max(CASE_LIST_COLUMN_KEYS.length),
  }),
  settingsUpdate: z.strictObject({
    commissionName: requiredText(100, '仲裁委员会全称').optional(),
    caseNumberPattern: requiredText(100, '案号格式')
      .refine((p) => checkCaseNumberPattern(p) === null, { error: (iss) => checkCaseNumberPattern(String(iss.input)) ?? '案号格式无效' })
      .optional(),
    documentNumberPatterns: z
      .partialRecord(
        z.enum(Object.keys(DOCUMENT_NUMBER_SERIES) as [DocumentNumberSeries, ...DocumentNumberSeries[]], { error: '未知的文号系列' }),
        requiredText(100, '文号格式').refine((p) => checkCaseNumberPattern(p) === null, {
          error: (iss) => (checkCaseNumberPattern(String(iss.input)) ?? '文号格式无效').replace('案号', '文号'),
        }),
        { error: '文号设置格式无效' },
      )
      .optional(),
    acceptanceReservedToArbitrators: z.boolean({ error: '应为是或否' }).optional(),
    periodKinds: z
      .partialRecord(z.enum(RULE_NAMES, { error: '未知的期间规则' }), z.enum(['working', 'calendar'], { error: '计日方式应为工作日或自然日' }), { error: '期间设置格式无效' })
      .optional(),
    intermediateCourt: requiredText(100, '中级人民法院名称').optional(),
    basicCourt: optionalText(100, '基层人民法院名称').nullable().optional(),
    documentFonts: z.enum(['bundled', 'system'], { error: '文书字体应为内置字体或系统字体' }).optional(),
    sichuanWorkerAidRule: z.boolean({ error: '应为是或否' }).optional(),
    legalAidCentreName: requiredText(100, '法律援助机构名称').optional(),
    backupDir: z.string({ error: '备份文件夹应为文字' }).trim().max(500, { error: '备份文件夹路径过长' })
      .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, { error: '备份文件夹应为完整路径（如 E:\\工作台备份 或 /media/usb/备份）' }).nullable().optional(),
    idleLockMinutes: z.number({ error: '自动锁定时间应为数字（分钟）' }).int({ error: '自动锁定时间应为整数分钟' })
      .min(1, { error: '自动锁定时间至少1分钟' }).max(240, { error: '自动锁定时间不能超过240分钟' }).optional(),
    commissionAddress: optionalText(200, '仲裁委员会地址').nullable().optional(),
    commissionPhone: optionalText(50, '联系电话').nullable().optional(),
    commissionContact: optionalText(50, '联系人').nullable().optional(),
    splitMixedAwards: z.boolean({ error: '应为是或否' }).optional(),
  }),
  calendarYear: calendarYearSchema,
  calendarDay: z.strictObject({
    date: calendarDate('日期'),
    kind: z.enum(['rest', 'work', 'normal'], { error: '类型应为放假、上班或按常规' }),
    reason: requiredText(200, '调整原因'),
  }),
  deadlineCompute: z
    .strictObject({
      rule: z.enum(RULE_NAMES, { error: '未知的期间规则（见 desk deadline rules）' }).optional(),
      days: z.number({ error: '天数应为数字' }).int({ error: '天数应为整数' }).min(1, { error: '天数至少为1' }).max(400, { error: '天数过大' }).optional(),
      kind: z.enum(['working', 'calendar'], { error: '计日方式应为 working 或 calendar' }).optional(),
      from: calendarDate('起算日'),
      suspended: z.array(dateRange).max(20).default([]),
      extensionDays: z.number({ error: '延长天数应为数字' }).int().min(0).max(15, { error: '延长不得超过15日（《劳动争议调解仲裁法》第四十三条）' }).default(0),
    })
    .refine((v) => (v.rule ? v.days === undefined : v.days !== undefined && v.kind !== undefined), { error: '请给出期间规则（rule），或同时给出天数（days）和计日方式（kind）' }),
  suspend: z.strictObject({ id, startDate: calendarDate('中止日期'), reason: requiredText(500, '中止原因') }),
  resume: z.strictObject({ id, resumeDate: calendarDate('恢复审理日期') }),
  extend: z.strictObject({
    id,
    days: z.number({ error: '延长天数应为数字' }).int({ error: '延长天数应为整数' }).min(1, { error: '延长天数至少为1' }).max(15, { error: '延长不得超过15日（《劳动争议调解仲裁法》第四十三条）' }),
    approvedBy: requiredText(50, '批准人（仲裁委员会主任或其委托的仲裁院负责人）'),
    approvalDate: calendarDate('批准日期'),
    reason: requiredText(500, '延期原因'),
  }),
  newRoom: z.strictObject({ venueId: id, name: requiredText(50, '庭室名称') }),
  compose: z
    .strictObject({
      id,
      mode: z.enum(['sole', 'panel'], { error: '请选择独任或合议' }),
      presidingId: id,
      memberIds: z.array(id).max(2).default([]),
      clerkId: id,
      composedDate: calendarDate('组庭日期'),
      reason: optionalText(500, '说明'),
    })
    .superRefine((v, ctx) => {
      if (v.mode === 'sole' && v.memberIds.length) ctx.addIssue({ code: 'custom', path: ['memberIds'], message: '独任仲裁只有一名仲裁员' });
      if (v.mode === 'panel' && v.memberIds.length !== 2) ctx.addIssue({ code: 'custom', path: ['memberIds'], message: '合议庭由三名仲裁员组成：首席仲裁员外还须两名仲裁员（《劳动争议调解仲裁法》第三十一条）' });
    }),
  recuse: z.strictObject({ id, userId: id, decidedDate: calendarDate('决定日期'), reason: requiredText(500, '回避事由') }),
  schedule: z.strictObject({ caseId: id, date: calendarDate('开庭日期'), ...slot, shortNoticeReason: optionalText(500, '提前通知不足的理由') }).refine(endAfterStart, endAfterStartError),
  move: z.strictObject({ hearingId: id, date: calendarDate('新的开庭日期'), ...slot, reason: requiredText(500, '改期原因'), shortNoticeReason: optionalText(500, '提前通知不足的理由') }).refine(endAfterStart, endAfterStartError),
  rollCall: z.strictObject({ hearingId: id, outcome: z.enum(HEARING_OUTCOME_CODES, { error: '请选择庭审结果' }), note: optionalText(1000, '说明') }),
  hearingList: z
    .strictObject({ from: calendarDate('开始日期'), to: calendarDate('结束日期'), venueId: id.optional() })
    .refine((v) => v.to >= v.from, { error: '结束日期不能早于开始日期', path: ['to'] }),
  issueDocument: z.strictObject({
    caseId: id,
    kind: z.enum(DOCUMENT_KIND_CODES, { error: '未知的文书种类' }),
    issuedDate: calendarDate('签发日期'),
    hearingId: id.optional(),
    title: optionalText(100, '文书标题'),
    payload: documentPayload.optional(),
  }),
  previewDocument: z.strictObject({
    caseId: id,
    kind: z.enum(DOCUMENT_KIND_CODES, { error: '未知的文书种类' }),
    issuedDate: calendarDate('签发日期'),
    hearingId: id.optional(),
    payload: documentPayload.optional(),
  }),
  reissueDocument: z.strictObject({
    documentId: id,
    reason: requiredText(500, '重新签发的理由'),
    issuedDate: calendarDate('签发日期'),
    hearingId: id.optional(),
    payload: documentPayload.optional(),
  }),
  dutyDate: z.strictObject({ date: calendarDate('日期') }),
  dutyRange: z.strictObject({ from: calendarDate('开始日期'), to: calendarDate('截止日期') }),
  dutySet: z.strictObject({ date: calendarDate('值班日期'), lawyerId: id, staffId: id, lawFirm: requiredText(100, '律师事务所') }),
  consultation: z.strictObject({
    ...consultationParticulars,
    arrivedAt: z.iso.datetime({ error: '到达时间格式无效' }).optional(),
    advice: optionalText(5000, '解答意见'),
    outcome: z.enum(['pending', 'advice_only', 'legal_aid', 'mediation', 'arbitration', 'referral'], { error: '请选择处理结果' }).default('pending'),
    recoveredFen: fen('追回金额').nullable().optional(),
  }),
  /** Corrects a consultation's particulars (the record before the edit is kept in consultation_versions). */
  consultationEdit: z.strictObject({
    id,
    ...consultationParticulars,
    reason: requiredText(500, '修改原因'),
  }),
  consultationUpdate: z.strictObject({
    id,
    advice: optionalText(5000, '解答意见'),
    outcome: z.enum(['pending', 'advice_only', 'legal_aid', 'mediation', 'arbitration', 'referral'], { error: '请选择处理结果' }).optional(),
    recoveredFen: fen('追回金额').nullable().optional(),
  }),
  consultationList: z.strictObject({ date: calendarDate('日期'), window: z.enum(WINDOW_CODES, { error: '请选择窗口' }).optional(), query: optionalText(100, '搜索内容') }),
  conflictCheck: z.strictObject({
    personName: requiredText(50, '姓名'),
    idNumber: z.string({ error: '身份证号码应为文字' }).trim().max(40).optional(),
    employerName: optionalText(100, '用人单位'),
    creditCode: z.string({ error: '统一社会信用代码应为文字' }).trim().max(40).optional(),
    employerAlias: optionalText(100, '用人单位简称或别称'),
    excludeId: id.optional(),
  }),
  aidEligibility: z.strictObject({ consultationId: id, matter: z.enum(AID_MATTER_CODES, { error: '请选择援助事项' }) }),
  aidApply: z.strictObject({
    consultationId: id,
    matter: z.enum(AID_MATTER_CODES, { error: '请选择援助事项' }),
    eligibility: z.enum(['means_test', 'pledge', 'exempt_check', 'no_condition'], { error: '请选择经济困难审查方式' }),
    eligibilityNote: optionalText(1000, '审查说明'),
    receivedDate: calendarDate('收到申请日期'),
    limitationExpiry: calendarDate('仲裁时效届满日').optional(),
  }),
  aidDecide: z.strictObject({ id, decision: z.enum(['approved', 'refused'], { error: '请选择是否给予法律援助' }), decisionDate: calendarDate('决定日期'), refusalReason: optionalText(1000, '不予援助的理由') }),
  aidAssign: z.strictObject({
    id, lawyer: requiredText(50, '法律援助律师'), firm: requiredText(100, '律师事务所'), assignedDate: calendarDate('指派日期'),
    /** The lawyer's account when a lawyer of the desk is assigned: that lawyer may read the cases of this matter (issue 12 item 2). */
    lawyerUserId: id.optional(),
  }),
  aidObject: z.strictObject({ id, objectionDate: calendarDate('异议日期'), note: requiredText(1000, '异议内容') }),
  aidDocument: z.strictObject({ id, kind: z.enum(['aid_application', 'aid_decision', 'aid_assignment'], { error: '未知的援助文书' }), format: z.enum(['pdf', 'docx'], { error: '格式应为 pdf 或 docx' }) }),
  aidClose: z.strictObject({ id, closedDate: calendarDate('结案日期'), report: requiredText(5000, '结案报告'), recoveredFen: fen('追回金额').nullable().optional() }),
  mediationCreate: z.strictObject({
    caseId: id.optional(),
    consultationId: id.optional(),
    stage: z.enum(['pre_arbitration', 'in_arbitration'], { error: '请选择仲裁前调解或仲裁中调解' }),
    organisation: requiredText(100, '调解组织'),
    applicantName: optionalText(100, '申请人'),
    respondentName: optionalText(100, '被申请人'),
    workerCount: z.number({ error: '涉及劳动者人数应为数字' }).int().min(1, { error: '涉及劳动者人数至少为1' }).max(100000).default(1),
    claimedFen: fen('请求金额').nullable().optional(),
    receivedDate: calendarDate('收到调解申请日期'),
  }),
  mediationSession: z.strictObject({
    mediationId: id,
    date: calendarDate('调解日期'),
    mediator: requiredText(50, '调解员'),
    attendees: requiredText(500, '参加人员'),
    notes: requiredText(10000, '调解情况'),
  }),
  mediationConclude: z.strictObject({
    mediationId: id,
    outcome: z.enum(['success', 'failure', 'withdrawn'], { error: '请选择调解结果' }),
    outcomeDate: calendarDate('调解结果日期'),
    note: optionalText(2000, '说明'),
    items: z.array(agreementItemSchema).max(50).default([]),
    closing: text(1000, '协议其他条款').nullable().optional(),
  }),
  mediationStatement: z.strictObject({ mediationId: id, issuedDate: calendarDate('调解书日期') }),
  mediationStats: z.strictObject({ from: calendarDate('统计开始日'), to: calendarDate('统计截止日') }).refine((x) => x.from <= x.to, { error: '截止日不能早于开始日', path: ['to'] }),
  hearingRecord: z.strictObject({
    caseId: id,
    hearingId: id.optional(),
    recordDate: calendarDate('庭审日期'),
    attendees: requiredText(1000, '出庭人员'),
    statements: requiredText(20000, '当事人陈述'),
    evidence: text(20000, '举证质证'),
    questions: text(20000, '仲裁庭询问'),
    finalStatements: text(5000, '最后陈述'),
    mediationAttempt: requiredText(2000, '调解情况（《劳动争议调解仲裁法》第四十二条：裁决前应当先行调解）'),
  }),
  hearingCorrection: z.strictObject({ recordId: id, requestedBy: requiredText(50, '申请补正的人'), text: requiredText(5000, '补正内容') }),
  hearingPrint: z.strictObject({ recordId: id, issuedDate: calendarDate('打印日期') }),
  decideClaim: z.strictObject({
    claimId: id,
    result: z.enum(['supported', 'partly', 'rejected', 'withdrawn'], { error: '请选择裁决结果' }),
    amountFen: fen('裁决金额').nullable().default(null),
    order: text(1000, '裁决主文'),
    reasoning: requiredText(10000, '理由'),
    articles: requiredText(1000, '适用条文'),
    finalityType: z.enum(FINALITY_TYPES, { error: '请选择终局认定类别' }),
    provisionalExecution: z.boolean({ error: '应为是或否' }).default(false),
    decidedDate: calendarDate('裁决日期'),
  }),
  awardDraft: z.strictObject({
    caseId: id,
    procedure: z.enum(['simple', 'ordinary'], { error: '请选择简易或普通程序' }),
    appearance: requiredText(2000, '到庭情况'),
    applicantStatement: text(20000, '申请人陈述'),
    respondentDefence: text(20000, '被申请人答辩'),
    factsFound: requiredText(50000, '查明事实'),
    reasoning: requiredText(50000, '裁决理由'),
  }),
  issueAward: z.strictObject({ caseId: id, awardDate: calendarDate('裁决日期'), claimIds: z.array(id).min(1).max(200).optional() }),
  closeCase: z.strictObject({
    caseId: id,
    method: z.enum(CLOSING_METHOD_CODES, { error: '请选择结案方式' }),
    closedDate: calendarDate('结案日期'),
    overrunReason: optionalText(1000, '超期原因'),
    note: optionalText(1000, '备注'),
  }),
  documentFile: z.strictObject({ documentId: id, format: z.enum(['pdf', 'docx'], { error: '格式应为 pdf 或 docx' }) }),
  issuedOfKind: z.strictObject({ caseIds: z.array(id).min(1, { error: '请选择案件' }).max(1000, { error: '一次最多 1000 件' }), kind: z.string().min(1).max(40) }),
  mergedPdf: z.strictObject({ documentIds: z.array(id).min(1, { error: '请选择要打印的文书' }).max(1000, { error: '一次最多打印 1000 份文书' }) }),
  serve: z.strictObject({
    documentId: id,
    partyId: id,
    method: z.enum(SERVICE_METHODS, { error: '请选择送达方式' }),
    sentDate: calendarDate('发出日期'),
    receiptDate: calendarDate('签收（收件）日期').nullable().default(null),
    consent: optionalText(500, '同意电子送达的记录'),
    witnesses: optionalText(500, '见证人'),
    recorded: z.boolean({ error: '应为是或否' }).default(false),
    specialLeaving: z.boolean({ error: '应为是或否' }).default(false),
    note: optionalText(500, '备注'),
  }),
  calculatorRun: z.strictObject({ name: z.string({ error: '计算器名称应为文字' }).max(40), input: z.unknown() }),
  /** 工作台: each deadline section paged and filtered on the server (issue 14 item 7, issue 13 item 4). */
  dashboard: z.strictObject({
    scope: z.enum(['mine', 'all'], { error: '范围应为本人或全委' }).default('mine'),
    pages: z.strictObject({ overdue: dashboardPage, dueToday: dashboardPage, thisWeek: dashboardPage }, { error: '页码格式无效' }).optional(),
    pageSize: z.number({ error: '每页条数应为数字' }).int({ error: '每页条数应为整数' }).min(1, { error: '每页至少1条' }).max(100, { error: '每页最多100条' }).default(20),
    venueId: id.optional(),
    arbitratorId: id.optional(),
    clerkId: id.optional(),
    rule: z.enum(RULE_NAMES, { error: '未知的期限种类' }).optional(),
    query: optionalText(100, '筛选内容'),
  }),
  newVenue: z.strictObject({
    name: requiredText(100, '场所名称'),
    kind: z.enum(['commission', 'circuit'], { error: '请选择场所类型' }),
    address: optionalText(200, '地址'),
  }),
  correctParty: z.strictObject({
    caseId: id,
    partyId: id,
    changes: z
      .strictObject({
        name: requiredText(100, '姓名或名称').optional(),
        idNumber: z.string({ error: '证件号码应为文字' }).trim().max(40, { error: '证件号码不能超过40个字符' }).optional(),
        creditCode: z.string({ error: '统一社会信用代码应为文字' }).trim().max(18, { error: '统一社会信用代码为18位' }).optional(),
        domicile: optionalText(200, '住所'),
        serviceAddress: optionalText(200, '送达地址'),
        phone,
        representativeName: optionalText(50, '法定代表人（负责人）姓名'),
        representativeTitle: optionalText(50, '职务'),
      }, { error: '更正内容应为字段与新值' })
      .refine((c) => Object.keys(c).length > 0, { error: '请至少更正一项' }),
    reason: requiredText(500, '更正理由'),
    correctedDate: calendarDate('更正日期'),
  }),
  /** issue 11 item 6: arbitral review of a pre-arbitration mediation agreement (Rules Arts 74–78). */
  reviewApply: z.strictObject({ mediationId: id, applicantDate: calendarDate('申请人申请日期'), respondentDate: calendarDate('被申请人申请日期') }),
  reviewAccept: z.strictObject({ reviewId: id, acceptedDate: calendarDate('受理日期'), arbitratorId: id }),
  reviewDecide: z.strictObject({
    reviewId: id, decidedDate: calendarDate('审查结论日期'), outcome: z.enum(['statement', 'refused'], { error: '请选择出具调解书或不予出具' }),
    ground: z.number({ error: '请选择第七十八条规定的情形' }).int().min(1, { error: '请选择第七十八条规定的情形' }).max(6, { error: '请选择第七十八条规定的情形' }).optional(),
    reason: optionalText(2000, '不予出具调解书的理由'),
  }),
  reviewPaper: z.strictObject({ mediationId: id, paper: z.enum(['agreement', 'statement', 'refusal'], { error: '未知的文书' }), format: z.enum(['pdf', 'docx'], { error: '格式应为 PDF 或 DOCX' }) }),
  /** issue 11 item 6: the day's 开庭公告 of one venue as a printable paper. */
  hearingBulletin: z.strictObject({ venueId: id, date: calendarDate('开庭日期'), format: z.enum(['pdf', 'docx'], { error: '格式应为 PDF 或 DOCX' }) }),
  /** issue 11 item 6: evidence handed in by a party after acceptance (the 证据收据 is issued from it). */
  evidenceSubmit: z.strictObject({
    caseId: id,
    partyId: id,
    receivedDate: calendarDate('收到证据日期'),
    note: optionalText(500, '备注'),
    items: z
      .array(
        z.strictObject({
          name: requiredText(200, '证据名称'),
          source: optionalText(200, '证据来源'),
          purpose: requiredText(500, '证明目的'),
          pages: z.number({ error: '页数应为数字' }).int({ error: '页数应为整数' }).min(1, { error: '页数至少为1' }).max(9999, { error: '页数过大' }),
          original: z.boolean({ error: '请选择原件或复印件' }),
          copies: z.number({ error: '份数应为数字' }).int({ error: '份数应为整数' }).min(1, { error: '份数至少为1' }).max(99, { error: '份数过大' }),
        }),
      )
      .min(1, { error: '请至少登记一项证据' })
      .max(100, { error: '一次最多登记100项证据' }),
  }),
  paperReview: z.strictObject({ caseId: id, decidedDate: calendarDate('决定日期'), reason: requiredText(500, '书面审理的理由') }),
  // issue 15: statistics, reports and the ledger import
  /** Issue 15 item 4: the records behind one indicator figure. */
  indicatorDrill: z.strictObject({
    from: calendarDate('统计开始日'), to: calendarDate('统计截止日'),
    indicator: z.enum(['consultations', 'mediations', 'wageArrears', 'legalAid', 'satisfaction'], { error: '没有这一工作指标' }),
    dimension: z.string().max(20).optional(), key: z.string().max(200).optional(),
  }).refine((x) => x.from <= x.to, { error: '截止日不能早于开始日', path: ['to'] }),
  statsPeriod: z.strictObject({
    from: calendarDate('统计开始日'), to: calendarDate('统计截止日'),
    compareFrom: calendarDate('对比期间开始日').optional(), compareTo: calendarDate('对比期间截止日').optional(),
  })
    .refine((x) => x.from <= x.to, { error: '截止日不能早于开始日', path: ['to'] })
    .refine((x) => !x.compareFrom === !x.compareTo, { error: '对比期间须同时填写开始日和截止日', path: ['compareTo'] })
    .refine((x) => !x.compareFrom || !x.compareTo || x.compareFrom <= x.compareTo, { error: '对比期间的截止日不能早于开始日', path: ['compareTo'] }),
  statsDrill: z.strictObject({
    from: calendarDate('统计开始日'), to: calendarDate('统计截止日'),
    key: z.string({ error: '统计项应为文字' }).regex(/^[A-Za-z_]{1,40}$/, { error: '统计项无效' }),
    venueId: id.optional(),
  }).refine((x) => x.from <= x.to, { error: '截止日不能早于开始日', path: ['to'] }),
  satisfactionRecord: z.strictObject({
    caseId: id.optional(),
    consultationId: id.optional(),
    rating: z.enum(['satisfied', 'basic', 'unsatisfied'], { error: '评价应为：满意、基本满意、不满意' }),
    reasons: z.array(requiredText(200, '原因')).max(10, { error: '原因最多10条' }).default([]),
    enteredBy: z.enum(['staff', 'party'], { error: '请说明由工作人员录入还是当事人自评' }),
    surveyedDate: calendarDate('评价日期'),
  }).refine((x) => !x.caseId !== !x.consultationId, { error: '请指定一件案件或一条咨询登记', path: ['caseId'] }),
  ledgerImport: z.strictObject({
    fileName: requiredText(200, '文件名'),
    format: z.enum(['xlsx', 'jsonl'], { error: '文件格式应为 XLSX 或 JSON Lines' }),
    contentBase64: z.string({ error: '文件内容应为文字' }).min(1, { error: '文件是空的' }).max(40_000_000, { error: '文件过大（上限约 30 MB）' })
      .regex(/^[A-Za-z0-9+/=\s]*$/, { error: '文件内容编码无效' }),
    dryRun: z.boolean({ error: '请说明是否仅检查' }).default(false),
  }),
  // ---- issue 15 items 4, 6, 7 (branch stats-b): list exports, the party's survey screen
  consultationExport: z.strictObject({
    from: calendarDate('开始日期'), to: calendarDate('结束日期'),
    window: z.enum(WINDOW_CODES, { error: '请选择窗口' }).optional(), query: optionalText(100, '搜索内容'),
  }).refine((v) => v.to >= v.from, { error: '结束日期不能早于开始日期', path: ['to'] }),
  mediationList: z.strictObject({
    from: calendarDate('开始日期'), to: calendarDate('结束日期'),
    stage: z.enum(['pre_arbitration', 'in_arbitration'], { error: '未知的调解阶段' }).optional(),
    outcome: z.enum(['pending', 'success', 'failure', 'withdrawn'], { error: '未知的调解结果' }).optional(),
    query: optionalText(100, '搜索内容'),
    limit: z.number({ error: '条数应为数字' }).int().min(1).max(1000).default(200),
    offset: z.number({ error: '偏移应为数字' }).int().min(0).max(10_000_000).default(0),
  }).refine((v) => v.to >= v.from, { error: '结束日期不能早于开始日期', path: ['to'] }),
  mediationExport: z.strictObject({
    from: calendarDate('开始日期'), to: calendarDate('结束日期'),
    stage: z.enum(['pre_arbitration', 'in_arbitration'], { error: '未知的调解阶段' }).optional(),
    outcome: z.enum(['pending', 'success', 'failure', 'withdrawn'], { error: '未知的调解结果' }).optional(),
    query: optionalText(100, '搜索内容'),
  }).refine((v) => v.to >= v.from, { error: '结束日期不能早于开始日期', path: ['to'] }),
  registerList: z.strictObject({
    from: calendarDate('开始日期'), to: calendarDate('结束日期'),
    kind: z.enum(DOCUMENT_KIND_CODES, { error: '未知的文书种类' }).optional(), query: optionalText(100, '搜索内容'),
    limit: z.number({ error: '条数应为数字' }).int().min(1).max(1000).default(200),
    offset: z.number({ error: '偏移应为数字' }).int().min(0).max(10_000_000).default(0),
  }).refine((v) => v.to >= v.from, { error: '结束日期不能早于开始日期', path: ['to'] }),
  registerExport: z.strictObject({
    from: calendarDate('开始日期'), to: calendarDate('结束日期'),
    kind: z.enum(DOCUMENT_KIND_CODES, { error: '未知的文书种类' }).optional(), query: optionalText(100, '搜索内容'),
  }).refine((v) => v.to >= v.from, { error: '结束日期不能早于开始日期', path: ['to'] }),
  surveyOpen: z.strictObject({ caseId: id.optional(), consultationId: id.optional() })
    .refine((x) => !x.caseId !== !x.consultationId, { error: '请指定一件案件或一条咨询登记', path: ['caseId'] }),
  surveyToken: z.strictObject({ token: z.string({ error: '评价链接无效' }).regex(/^[A-Za-z0-9_-]{20,64}$/, { error: '评价链接无效' }) }),
  surveySubmit: z.strictObject({
    token: z.string({ error: '评价链接无效' }).regex(/^[A-Za-z0-9_-]{20,64}$/, { error: '评价链接无效' }),
    rating: z.enum(['satisfied', 'basic', 'unsatisfied'], { error: '请选择：满意、基本满意、不满意' }),
    reasons: z.array(requiredText(200, '原因')).max(10, { error: '原因最多10条' }).default([]),
  }),
  // ---- collective cases (issue 16 item 6)
  rosterGet: z.strictObject({
    caseId: id, query: optionalText(50, '查询'),
    limit: z.number({ error: '每页条数应为数字' }).int().min(1, { error: '每页至少1条' }).max(200, { error: '每页最多200条' }).default(50),
    offset: z.number({ error: '起始位置应为数字' }).int().min(0, { error: '起始位置不能为负数' }).default(0),
  }),
  rosterParse: z.strictObject({ caseId: id, base64: z.string({ error: '文件内容应为文字' }).min(1, { error: '请选择名册文件' }).max(30_000_000, { error: '文件过大（上限约20MB）' }) }),
  rosterImport: z.strictObject({
    caseId: id,
    rows: z.array(z.strictObject({
      name: text(100, '姓名'), idNumber: text(30, '公民身份号码'), phone: optionalText(40, '联系电话'), job: optionalText(100, '岗位'), period: optionalText(200, '工作期间'),
      amountFen: fen('欠付金额').nullable(), claimItems: optionalText(300, '请求事项'),
    }), { error: '名册应为列表' }).max(5000, { error: '名册行数过多' }),
  }),
  rosterTemplate: z.strictObject({}),
  representatives: z.strictObject({
    caseId: id, workerIds: z.array(id, { error: '请选择代表' }).max(20, { error: '代表人数过多' }), electedDate: calendarDate('推举日期'),
    authorisation: requiredText(500, '授权情况（推举书、授权委托书及权限）'),
  }),
  workerClaims: z.strictObject({ caseId: id, workerId: id }),
  workerClaimsEdit: z.strictObject({
    caseId: id,
    workerId: id,
    items: z.array(z.strictObject({ item: requiredText(100, '请求事项'), amountFen: fen('请求金额') }), { error: '请求事项应为列表' })
      .min(1, { error: '请至少填写一项请求' }).max(10, { error: '每名劳动者最多10项请求' }),
  }),
  workerResults: z.strictObject({
    caseId: id, kind: z.enum(['award', 'mediation'], { error: '结果类别应为裁决或调解' }), mediationId: id.optional(), fillFromClaims: z.boolean({ error: '应为是或否' }).optional(),
    results: z.array(z.strictObject({ workerId: id, amountFen: fen('金额'), items: optionalText(300, '事项') }), { error: '结果应为列表' }).max(1000, { error: '一次最多1000人' }).optional(),
  }),
  // issue 12 item 2: 显示完整 and the read log
  personalReveal: z.strictObject({
    partyId: id,
    field: z.enum(['idNumber', 'phone'], { error: '只能显示身份证号码或电话' }),
    reason: requiredText(200, '查阅理由'),
  }),
  consultationReveal: z.strictObject({
    consultationId: id,
    field: z.enum(['idNumber', 'phone'], { error: '只能显示身份证号码或电话' }),
    reason: requiredText(200, '查阅理由'),
  }),
  consultationErase: z.strictObject({ id }),
  personalExport: z.strictObject({ idNumber: z.string({ error: '身份证号码应为文字' }).trim().min(1, { error: '请填写身份证号码' }).max(40, { error: '身份证号码不能超过40个字符' }) }),
  personalReadLog: z.strictObject({
    userId: id.optional(),
    from: calendarDate('开始日期').optional(),
    to: calendarDate('截止日期').optional(),
    limit: z.number({ error: '每页条数应为数字' }).int().min(1, { error: '每页至少1条' }).max(200, { error: '每页最多200条' }).default(50),
    offset: z.number({ error: '起始位置应为数字' }).int().min(0, { error: '起始位置不能为负数' }).default(0),
  }).refine((x) => !x.from || !x.to || x.from <= x.to, { error: '截止日期不能早于开始日期', path: ['to'] }),
};

/** The 工作台's request, after defaults (src/services/clock.ts dashboard). */
export type DashboardQuery = z.output<typeof schemas.dashboard>;

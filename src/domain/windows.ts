/**
 * The special assistance windows (特色服务窗口): each group's intake checklist — documents to bring and protections to
 * check — the calculators that fit, and the priority (green channel) that follows the person into mediation and
 * arbitration (Rules Art 5 for collective disputes; local practice for the groups).
 */
export const WINDOWS = {
  migrant: {
    label: '农民工窗口',
    flag: 'migrant_worker',
    documents: ['身份证件', '工资欠条、工资条、考勤记录或工友证言等用工和欠薪证据', '工地、项目名称及总承包单位、分包单位名称（建设工程）', '与包工头或用人单位的聊天记录、转账记录'],
    protections: [
      '用人单位应当按照工资支付周期编制书面工资支付台账并至少保存3年，须载明工人姓名、身份证号、工作时间、应发项目及数额、实发工资等（《保障农民工工资支付条例》第十五条）；在欠薪争议中用人单位应当提供依法由其保存的劳动合同、职工名册、工资支付台账等，不提供的承担不利后果（第五十条）',
      '工程建设领域：施工总承包单位对分包单位拖欠的工资先行清偿（第三十条）；违法分包给个人或无资质单位的，由发包单位清偿（第三十六条）',
      '申请法律援助免予核查经济困难状况（《法律援助法》第四十二条第三项）',
    ],
    calculators: ['overtime', 'double-wage', 'compensation'],
  },
  injured: {
    label: '工伤职工窗口',
    flag: 'injured_worker',
    documents: ['身份证件', '工伤认定决定书', '劳动能力鉴定结论（伤残等级）', '医疗费票据、病历', '受伤前十二个月工资证明'],
    protections: [
      '伤残等级须经劳动能力鉴定委员会鉴定（《工伤保险条例》第二十三条）；未鉴定的，告知先申请鉴定',
      '一至四级伤残保留劳动关系、退出工作岗位；五、六级经本人提出可解除劳动关系并享受一次性工伤医疗补助金和伤残就业补助金（《工伤保险条例》第三十五条、第三十六条）',
      '用人单位未参加工伤保险的，由用人单位按条例规定的标准支付工伤待遇（《工伤保险条例》第六十二条）',
    ],
    calculators: ['disability'],
  },
  female: {
    label: '三期女职工窗口',
    flag: 'three_period_female',
    documents: ['身份证件', '孕检报告、出生医学证明或哺乳期证明', '解除或调岗、降薪的通知', '劳动合同、工资流水'],
    protections: [
      '用人单位不得因女职工怀孕、生育、哺乳降低其工资、予以辞退、与其解除劳动或者聘用合同（《女职工劳动保护特别规定》第五条）',
      '女职工在孕期、产期、哺乳期的，用人单位不得依照《劳动合同法》第四十条、第四十一条解除劳动合同（《劳动合同法》第四十二条第四项）；违法解除的，劳动者可要求继续履行或支付赔偿金（第四十八条、第八十七条）',
      '怀孕7个月以上的，不得安排延长工作时间或者夜班劳动（《女职工劳动保护特别规定》第六条）；哺乳期每天1小时哺乳时间（第九条）',
      '产假98天，难产增加15天，多胞胎每多1个婴儿增加15天（第七条）；四川省另增加生育假60天（数据来源：《四川省人口与计划生育条例》，以正式文件为准）',
    ],
    calculators: ['maternity-leave', 'compensation'],
  },
  general: {
    label: '综合窗口',
    flag: null,
    documents: ['身份证件', '劳动合同或其他用工证明', '工资流水', '解除或终止劳动关系的通知'],
    protections: ['集体劳动争议（10人以上）优先立案、优先审理（《办案规则》第五条）'],
    calculators: ['compensation', 'overtime', 'annual-leave', 'double-wage'],
  },
} as const;
export type WindowCode = keyof typeof WINDOWS;
export const WINDOW_CODES = Object.keys(WINDOWS) as [WindowCode, ...WindowCode[]];

export const FEMALE_STAGES = { pregnant: '孕期', maternity: '产期', nursing: '哺乳期' } as const;
export type FemaleStage = keyof typeof FEMALE_STAGES;

export const CONSULTATION_CHANNELS = { walk_in: '来访', phone: '来电', referral: '转介' } as const;
export const CONSULTATION_OUTCOMES = {
  pending: '咨询中', advice_only: '仅提供咨询', legal_aid: '申请法律援助', mediation: '转调解', arbitration: '申请仲裁', referral: '转介其他部门',
} as const;
export type ConsultationOutcome = keyof typeof CONSULTATION_OUTCOMES;

/** Employer names compared without region prefixes, legal-form suffixes, brackets and spaces ("成都信达电子有限公司" ~ "信达电子"). */
export function normaliseEmployer(name: string): string {
  return name
    .replace(/[\s（）()【】[\]·.,，、]/g, '')
    .replace(/^(中国)?(四川省?|成都市?|温江区?)+/, '')
    .replace(/(股份有限公司|有限责任公司|有限公司|分公司|总公司|公司|集团|厂|店|工作室|项目部)$/g, '')
    .replace(/(股份有限公司|有限责任公司|有限公司|分公司|公司)$/g, '');
}

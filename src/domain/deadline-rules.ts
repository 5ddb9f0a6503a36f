import { ART_79_CALENDAR, ART_79_WORKING, type PeriodKind } from './periods';

/** The statutory periods the case engine counts (domain-rules §8), each with its trigger and article. */
export interface DeadlineRule {
  name: string;
  label: string;
  days: number;
  defaultKind: PeriodKind;
  direction: 'after' | 'before';
  /** What starts the period. */
  trigger: string;
  basis: string;
  /** Verification tag from domain-rules.md. */
  status: 'V' | 'V2' | 'UNVERIFIED';
  /** What the user must do by the date. */
  todo: string;
}

export const DEADLINE_RULES: readonly DeadlineRule[] = [
  { name: 'acceptance-decision', label: '受理审查', days: 5, defaultKind: 'working', direction: 'after', trigger: '收到仲裁申请', basis: '《劳动争议调解仲裁法》第二十九条；《办案规则》第三十条、第三十一条', status: 'V', todo: '决定受理，或出具不予受理通知书' },
  { name: 'missing-items-notice', label: '一次性告知补正', days: 5, defaultKind: 'working', direction: 'after', trigger: '收到材料不齐备的申请', basis: '《办案规则》第二十九条', status: 'V2', todo: '一次性告知需补正的全部材料' },
  { name: 'serve-application', label: '送达申请书副本', days: 5, defaultKind: 'working', direction: 'after', trigger: '受理', basis: '《劳动争议调解仲裁法》第三十条', status: 'V', todo: '将仲裁申请书副本送达被申请人' },
  { name: 'composition-notice', label: '组庭通知', days: 5, defaultKind: 'working', direction: 'after', trigger: '受理', basis: '《劳动争议调解仲裁法》第三十二条；《办案规则》第三十七条', status: 'V', todo: '书面通知当事人仲裁庭的组成情况' },
  { name: 'defence', label: '答辩期', days: 10, defaultKind: 'working', direction: 'after', trigger: '被申请人收到申请书副本', basis: '《劳动争议调解仲裁法》第三十条；《办案规则》第三十六条（反申请应在答辩期内提出）', status: 'V', todo: '被申请人提交答辩书（及反申请）' },
  { name: 'serve-defence', label: '送达答辩书副本', days: 5, defaultKind: 'working', direction: 'after', trigger: '收到答辩书', basis: '《劳动争议调解仲裁法》第三十条', status: 'V', todo: '将答辩书副本送达申请人' },
  { name: 'hearing-notice', label: '开庭通知', days: 5, defaultKind: 'working', direction: 'before', trigger: '开庭日期', basis: '《劳动争议调解仲裁法》第三十五条；《办案规则》第三十八条', status: 'V', todo: '开庭通知书最迟于此日送达' },
  { name: 'postponement-request', label: '申请延期开庭', days: 3, defaultKind: 'working', direction: 'before', trigger: '开庭日期', basis: '《劳动争议调解仲裁法》第三十五条；《办案规则》第三十八条', status: 'V', todo: '当事人最迟于此日提出延期开庭申请' },
  { name: 'award', label: '审理期限', days: 45, defaultKind: 'calendar', direction: 'after', trigger: '受理', basis: '《劳动争议调解仲裁法》第四十三条；《办案规则》第四十五条、第四十六条', status: 'V', todo: '作出裁决（经批准可延长不超过15日）' },
  { name: 'mediation-organisation', label: '调解组织调解期限', days: 15, defaultKind: 'calendar', direction: 'after', trigger: '调解组织收到调解申请', basis: '《劳动争议调解仲裁法》第十四条', status: 'V', todo: '未达成协议的，当事人可申请仲裁' },
  { name: 'mediation-review', label: '调解协议仲裁审查申请', days: 15, defaultKind: 'calendar', direction: 'after', trigger: '调解协议生效', basis: '《办案规则》第七十四条', status: 'V2', todo: '双方共同申请仲裁审查' },
  { name: 'court-final-worker', label: '劳动者对终局裁决起诉', days: 15, defaultKind: 'calendar', direction: 'after', trigger: '收到终局裁决书', basis: '《劳动争议调解仲裁法》第四十八条', status: 'V', todo: '劳动者可向人民法院提起诉讼' },
  { name: 'court-final-employer', label: '用人单位申请撤销终局裁决', days: 30, defaultKind: 'calendar', direction: 'after', trigger: '收到终局裁决书', basis: '《劳动争议调解仲裁法》第四十九条', status: 'V', todo: '用人单位可向中级人民法院申请撤销' },
  { name: 'court-non-final', label: '对非终局裁决起诉', days: 15, defaultKind: 'calendar', direction: 'after', trigger: '收到非终局裁决书', basis: '《劳动争议调解仲裁法》第五十条', status: 'V', todo: '当事人可起诉，期满不起诉的裁决书发生法律效力' },
  { name: 'public-notice-service', label: '公告送达', days: 30, defaultKind: 'calendar', direction: 'after', trigger: '发出公告', basis: '《民事诉讼法》第九十五条', status: 'V', todo: '经过此期间即视为送达' },
  { name: 'legal-aid-decision', label: '法律援助审查决定', days: 7, defaultKind: 'calendar', direction: 'after', trigger: '收到法律援助申请', basis: '《法律援助法》第四十三条（计日方式按本委设置）', status: 'V', todo: '作出给予或不予法律援助的决定' },
  { name: 'legal-aid-assignment', label: '指派律师', days: 3, defaultKind: 'calendar', direction: 'after', trigger: '决定给予法律援助', basis: '《法律援助法》第四十三条（计日方式按本委设置）', status: 'V', todo: '指派法律援助人员' },
];

export const findDeadlineRule = (name: string): DeadlineRule | undefined => DEADLINE_RULES.find((r) => r.name === name);

/** The basis for counting working or calendar days, shown beside each result. */
export function kindBasisFor(rule: DeadlineRule, kind: PeriodKind, overridden: boolean): string {
  if (overridden) return `本委设置：“${rule.label}”按${kind === 'working' ? '工作日' : '自然日'}计算`;
  if (rule.name.startsWith('legal-aid')) return `按${kind === 'working' ? '工作日' : '自然日'}计算（默认）`;
  return kind === 'working' ? ART_79_WORKING : ART_79_CALENDAR;
}

import { addDays } from './calendar';

/**
 * Service of documents (送达): the date a document counts as served, by method (Rules Art 20 referring to the
 * civil-procedure rules, CPL Arts 87–95). The signed date on the service receipt is the service date.
 */
export const SERVICE_METHODS = ['direct', 'substitute', 'left_at_premises', 'electronic', 'post', 'entrusted', 'public_notice'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

export const SERVICE_METHOD_INFO: Record<ServiceMethod, { label: string; basis: string; needs: 'receipt' | 'sent' }> = {
  direct: { label: '直接送达', basis: '《民事诉讼法》第八十七条、第八十八条：受送达人在送达回证上签收的日期为送达日期', needs: 'receipt' },
  substitute: { label: '代收（同住成年家属、收发部门、代理人或指定代收人）', basis: '《民事诉讼法》第八十八条：代收人在送达回证上签收的日期为送达日期', needs: 'receipt' },
  left_at_premises: { label: '留置送达', basis: '《民事诉讼法》第八十九条：邀请见证人到场或采用拍照、录像等方式记录，把文书留在受送达人住所即视为送达', needs: 'sent' },
  electronic: { label: '电子送达（须经受送达人同意）', basis: '《民事诉讼法》第九十条：到达受送达人特定系统的日期为送达日期', needs: 'receipt' },
  post: { label: '邮寄送达', basis: '《民事诉讼法》第九十一条：以回执上注明的收件日期为送达日期', needs: 'receipt' },
  entrusted: { label: '委托送达', basis: '《民事诉讼法》第九十一条：以受委托单位送达回证上的签收日期为送达日期', needs: 'receipt' },
  public_notice: { label: '公告送达', basis: '《民事诉讼法》第九十五条：自发出公告之日起经过三十日即视为送达', needs: 'sent' },
};

export interface ServiceInput {
  method: ServiceMethod;
  /** Date the document was handed over, posted, left, sent or the notice published. */
  sentDate: string;
  /** Signed receipt date, postal return-slip date, or the date an electronic message reached the recipient. */
  receiptDate?: string | null;
  /** Electronic service only: the recipient's recorded consent. */
  consent?: string | null;
  /** Leaving at premises: witnesses present, or a photo/video record. */
  witnesses?: string | null;
  recorded?: boolean;
  /** Rules Art 20 special clause (business stopped with 10+ workers, or refusal): served 3 days after leaving. [UNVERIFIED] */
  specialLeaving?: boolean;
}

export type ServiceDateResult = { ok: true; servedDate: string; basis: string[] } | { ok: false; field: string; message: string };

export function computeServiceDate(s: ServiceInput): ServiceDateResult {
  const info = SERVICE_METHOD_INFO[s.method];
  if (info.needs === 'receipt') {
    if (!s.receiptDate) {
      const what = s.method === 'post' ? '回执上的收件日期' : s.method === 'electronic' ? '到达受送达人系统的日期' : '签收日期';
      return { ok: false, field: 'receiptDate', message: `${info.label}须登记${what}（${info.basis.split('：')[0]}）` };
    }
    if (s.receiptDate < s.sentDate) return { ok: false, field: 'receiptDate', message: '签收（收件）日期不能早于发出日期' };
  }
  if (s.method === 'electronic' && !s.consent?.trim()) {
    return { ok: false, field: 'consent', message: '电子送达须经受送达人同意，请登记同意的方式和日期（《民事诉讼法》第九十条）' };
  }
  if (s.method === 'left_at_premises' && !s.witnesses?.trim() && !s.recorded) {
    return { ok: false, field: 'witnesses', message: '留置送达须有见证人，或以拍照、录像等方式记录送达过程（《民事诉讼法》第八十九条）' };
  }
  switch (s.method) {
    case 'public_notice':
      return { ok: true, servedDate: addDays(s.sentDate, 30), basis: [info.basis, `公告发出日 ${s.sentDate}，经过三十日于 ${addDays(s.sentDate, 30)} 视为送达`] };
    case 'left_at_premises':
      if (s.specialLeaving) {
        return {
          ok: true,
          servedDate: addDays(s.sentDate, 3),
          basis: [info.basis, `《办案规则》第二十条特别规定（未经核实）：留置或张贴之日 ${s.sentDate} 起经过三日视为送达`],
        };
      }
      return { ok: true, servedDate: s.sentDate, basis: [info.basis, `留置日期 ${s.sentDate} 为送达日期`] };
    default:
      return { ok: true, servedDate: s.receiptDate!, basis: [info.basis] };
  }
}

/** Documents the register knows; the document engine (DOCX/PDF) attaches files to these records. */
export const DOCUMENT_KINDS = {
  acceptance_notice: '受理通知书',
  application_copy: '仲裁申请书副本',
  response_notice: '应诉通知书',
  composition_notice: '仲裁庭组成通知书',
  hearing_notice: '开庭通知书',
  award: '裁决书',
  mediation_statement: '调解书',
  decision: '决定书',
  other: '其他文书',
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const DOCUMENT_KIND_CODES = Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]];

export const HEARING_OUTCOMES = {
  present: '到庭',
  absent: '缺席',
  mediated: '调解成功',
  continued: '继续审理',
  withdrawn: '撤回',
  deemed_withdrawn: '视为撤回',
} as const;
export type HearingOutcome = keyof typeof HEARING_OUTCOMES;
export const HEARING_OUTCOME_CODES = Object.keys(HEARING_OUTCOMES) as [HearingOutcome, ...HearingOutcome[]];

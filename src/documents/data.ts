import type { AgreementItemView, CaseDetail, Hearing, StoredParty, Tribunal } from '../api/views';
import type { ClaimResult, DecisionSubject } from '../domain';

export { DECISION_SUBJECTS, type DecisionSubject } from '../domain';

/** What a document builder reads: the case as stored, plus what the particular kind needs. All plain data. */
export interface DocumentData {
  commissionName: string;
  /** The intermediate people's court where the commission sits (set-aside applications, LDMAL Art 49). */
  intermediateCourt: string;
  /** The basic-level court named in non-final rights notices; null prints "人民法院". */
  basicCourt: string | null;
  /** The commission's address, phone and contact person for notices (where to come, whom to call); null: not printed. */
  commissionAddress: string | null;
  commissionPhone?: string | null;
  commissionContact?: string | null;
  case: CaseDetail;
  tribunal: Tribunal | null;
  /** Date the document is dated and issued. */
  issuedDate: string;
  /** 开庭通知书: the hearing it announces. */
  hearing?: Hearing;
  /** 延期开庭通知书: the hearing as it was fixed before the move, and why it was moved (the new one is `hearing`). */
  postponement?: PostponementData;
  /** 延长审理期限通知书 / 中止审理通知书 / 恢复审理通知书: the recorded extension or suspension and the award deadline. */
  clock?: ClockPaperData;
  /** 授权委托书 / 法定代表人身份证明书: the party the form is pre-filled for (it signs or seals it). */
  party?: StoredParty;
  /** 补正通知: what is missing, and how many days the applicant has. */
  correction?: { items: string[]; days: number };
  /** 应诉通知书: last day of the evidence period (举证期限). */
  evidenceDeadline?: string;
  /** 送达回证: the documents served, with each one's own 文号 where it has one (else the case number is printed). */
  served?: { titles: string[]; numbers?: (string | null)[]; caseNumberOverride?: string };
  /** 文号 of a paper without a case number (不予受理通知书), taken from its series at issue; printed under the title. */
  documentNumber?: string;
  /** 决定书. */
  decision?: DecisionData;
  /** 调解书. */
  mediation?: MediationData;
  /** 裁决书. */
  award?: AwardData;
  /** 庭审笔录. */
  hearingRecord?: HearingRecordData;
  /** 调解笔录: the mediation within arbitration and its sessions (issue 11 item 6). */
  mediationRecord?: import('./more-kinds').MediationRecordData;
  /** 证据收据: the recorded handing-in of evidence (issue 11 item 6). */
  evidence?: import('./more-kinds').EvidenceReceiptData;
  /** 逾期未作出受理决定 / 仲裁裁决证明书: the period that ran out, from the statutory clock. */
  overdue?: import('./more-kinds').OverdueData;
  /** 公告: the recorded service by public notice (issue 11 item 6). */
  publicNotice?: import('./more-kinds').PublicNoticeData;
}

export interface PostponementData {
  /** The date and start time the hearing was fixed for before it was moved. */
  fromDate: string;
  fromTime: string;
  /** The reason entered when moving it, e.g. "被申请人申请延期". */
  reason: string;
}

export interface ClockPaperData {
  /** The latest extension approved (LDMAL Art 43): its days, the total extended so far, approver, date and reason. */
  extension?: { days: number; totalDays: number; approvedBy: string; approvalDate: string; reason: string };
  /** The latest suspension (Rules Art 47): from, the day of resumption when resumed, and the reason. */
  suspension?: { startDate: string; resumeDate: string | null; reason: string; days: number | null };
  /** The last day of the award period as it now stands (45 days from acceptance, extensions, suspended time left out). */
  awardDueDate: string | null;
}

export interface HearingRecordData {
  recordDate: string;
  /** The hearing's start and end time ("09:30"), where the record belongs to a scheduled hearing. */
  startTime?: string;
  endTime?: string;
  place: string;
  attendees: string;
  statements: string;
  evidence: string;
  questions: string;
  finalStatements: string;
  mediationAttempt: string;
  corrections: { date: string; requestedBy: string; text: string }[];
}


export interface DecisionData {
  subject: DecisionSubject;
  /** 事由 */
  cause: string;
  /** 查明事项 */
  facts: string;
  /** 适用依据及决定内容 */
  basisAndDecision: string;
  /** For a correction: the document corrected, e.g. "温劳人仲案字〔2026〕第1号裁决书". */
  refersTo?: string;
}

/** One term of the agreement: the same shape the mediation record returns. */
export type AgreementItem = AgreementItemView;

export interface MediationData {
  agreementDate: string;
  /** 申请人诉称 — claims and reasons as the applicant stated them. */
  applicantStatement: string;
  respondentDefence: string;
  factsFound: string | null;
  items: AgreementItem[];
  /** Closing clause after the items, e.g. "双方就本案再无其他争议". */
  closing: string | null;
  /** Collective case: the workers and their agreed amounts (issue 16 item 6). */
  annex?: AnnexData;
}

/** The annex table of a collective case: every worker with the amount awarded or agreed (issue 16 item 6). */
export interface AnnexData {
  title: string;
  amountLabel: string;
  rows: { seq: number; name: string; idNumber: string; items: string; amountFen: number }[];
  /** The sum of the rows' amounts. */
  totalFen: number;
}


export interface AwardItem {
  /** The claim's sequence number (the N-th claim of the application). */
  claimSeq: number;
  claimText: string;
  result: ClaimResult;
  /** Amount awarded, in fen (null for non-money findings). */
  amountFen: number | null;
  /** The operative sentence before the amount, e.g. "被申请人于本裁决书生效之日起十日内支付申请人2026年6月至9月工资". */
  order: string;
  final: boolean;
  finalReason: string;
  /** The arbitrator's reasons for this item (printed under 本委认为); absent in payloads stored before it was carried. */
  reasoning?: string;
  /** The articles applied to this item as entered, e.g. "《劳动合同法》第三十条" (gathered into the 依照…之规定 sentence). */
  articles?: string;
}

export interface AwardData {
  awardDate: string;
  procedure: 'simple' | 'ordinary';
  hearingDates: string[];
  /** Who appeared: "申请人张三及其委托代理人王律师，被申请人的委托代理人……到庭参加了庭审". */
  appearance: string;
  applicantStatement: string;
  respondentDefence: string;
  factsFound: string;
  reasoning: string;
  items: AwardItem[];
  /** A 先行裁决 on some claims (LDMAL Art 43). */
  partial: boolean;
  /** Which part this document carries when final and non-final items are split into separate documents. */
  part: 'all' | 'final' | 'non-final';
  /** Case number of this document when split (suffix), e.g. "温劳人仲案字〔2026〕第1号之一". */
  caseNumberOverride?: string;
  /** Collective case: the workers and their awarded amounts (issue 16 item 6). */
  annex?: AnnexData;
}

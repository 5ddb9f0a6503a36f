import type { CalendarYear, CaseStatus, ClaimType, DocumentKind, GroupFlag, HearingOutcome, NonAcceptanceReason, PartyRole, Role, ServiceMethod } from '../domain';
import type { LimitationRecord, Party } from './schemas';
import type { AidEligibility, AidMatter, ClaimResult, ClosingMethod, ConsultationOutcome, FemaleStage, FinalityType, MediationOutcome, MediationStage, WindowCode } from '../domain';

/** Shapes that operations return. Plain JSON: they cross IPC, HTTP and the CLI unchanged. */

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  /** Roster (arbitrators and clerks): full-time or part-time, and the usual venue. */
  employment: 'full_time' | 'part_time' | null;
  venueId: string | null;
  /** Set when the administrator reset the password: the user must choose a new one before working (issue 12 item 3). */
  mustChangePassword?: boolean;
}

export interface SetupStatus {
  needsAdmin: boolean;
  commissionName: string;
  /** Minutes without input after which the window locks (settings; password to unlock). */
  idleLockMinutes: number;
}

/** A full integrity check's result (issue 13, scale4). */
export interface IntegrityCheckResult {
  /** The Beijing-time day it ran (at most one a day). */
  date: string;
  at: string;
  ok: boolean;
  problems: number;
  /** In Chinese, for the settings page. */
  message: string;
  /** Wall milliseconds the check took. */
  ms: number;
}

export interface Settings {
  commissionName: string;
  /** The second folder (a USB disk or a network share) for the automatic daily backup; null: no automatic backup. */
  backupDir: string | null;
  /** The last backup made (automatic or desk backup); written by the backup code, not by settings.update. */
  lastBackup: { at: string; file: string; bytes: number } | null;
  /** The last full integrity check (PRAGMA integrity_check, once a day in the background or desk db check --full); written by the check, not by settings.update. */
  lastIntegrityCheck: IntegrityCheckResult | null;
  /** Minutes without input after which a logged-in window locks until the password is given again. */
  idleLockMinutes: number;
  caseNumberPattern: string;
  /** 文号 pattern of each series of papers without a case number ({year}, {n}: per-year sequence), e.g. 不予受理通知书. */
  documentNumberPatterns: Partial<Record<string, string>>;
  acceptanceReservedToArbitrators: boolean;
  /** Per-rule override of working vs calendar days (Rules Art 79 is unverified). */
  periodKinds: Partial<Record<string, 'working' | 'calendar'>>;
  /** The intermediate people's court where the commission sits — named in final awards for set-aside (LDMAL Art 49). */
  intermediateCourt: string;
  /** The basic-level court named in rights notices; null prints "有管辖权的基层人民法院". */
  basicCourt: string | null;
  /** Document faces: the bundled Noto CJK faces, or the system's 仿宋/宋体/黑体 where installed (bundled faces remain fallbacks). */
  documentFonts: 'bundled' | 'system';
  /** Print final and non-final award items as separate documents (Rules Art 50, reported; SPC Interp. (I) Art 20). */
  splitMixedAwards: boolean;
  /** Apply the Sichuan rule that workers' wage and work-injury claims get legal aid without the hardship condition (dated data). */
  sichuanWorkerAidRule: boolean;
  /** The legal-aid institution whose name the aid papers carry (Legal Aid Law Arts 12–13). */
  legalAidCentreName: string;
  /** The commission's address, telephone and contact person, printed on every notice (null: not printed). */
  commissionAddress: string | null;
  commissionPhone: string | null;
  commissionContact: string | null;
}

export interface CalendarYearView extends CalendarYear {
  updatedAt: string;
  updatedBy: string;
}

export interface DeadlineResult {
  rule: string | null;
  label: string;
  from: string;
  days: number;
  kind: 'working' | 'calendar';
  direction: 'after' | 'before';
  dueDate: string;
  provisional: boolean;
  provisionalYears: number[];
  excludedDays: number;
  extensionDays: number;
  basis: string[];
  /** The rule's article, when a named rule was used. */
  article: string | null;
}

export interface DeadlineRuleView {
  name: string;
  label: string;
  days: number;
  kind: 'working' | 'calendar';
  kindOverridden: boolean;
  direction: 'after' | 'before';
  trigger: string;
  basis: string;
  status: 'V' | 'V2' | 'UNVERIFIED';
  todo: string;
}

export interface CaseDeadline extends DeadlineResult {
  todo: string;
  /** Who must act: the commission, or a party (a party's period is information, never "overdue"). */
  actor: 'commission' | 'party';
  /**
   * done / late: the act was recorded (on time / after the date); overdue: open and past due; paused: the case is suspended;
   * ended: a party's period (defence, postponement request) that has run out — nothing for the commission to do.
   */
  state: 'open' | 'done' | 'late' | 'overdue' | 'paused' | 'ended';
  doneDate: string | null;
}

export interface Suspension {
  id: string;
  startDate: string;
  resumeDate: string | null;
  reason: string;
  days: number | null;
}

export interface Extension {
  id: string;
  days: number;
  approvedBy: string;
  approvalDate: string;
  reason: string;
}

export interface CaseClock {
  deadlines: CaseDeadline[];
  suspensions: Suspension[];
  extensions: Extension[];
  /** Sentences for the case page, e.g. "因中止 20 日，审理期限届满日由 … 顺延至 …". */
  notes: string[];
}

export interface Venue {
  id: string;
  name: string;
  kind: 'commission' | 'circuit';
  address: string | null;
}

export interface CaseSummary {
  id: string;
  caseNumber: string | null;
  status: CaseStatus;
  venueId: string;
  venueName: string;
  receivedDate: string;
  acceptanceDate: string | null;
  applicantNames: string[];
  /** Masked for lists: first 6 and last 4 characters. */
  applicantIdsMasked: string[];
  respondentNames: string[];
  claimCount: number;
  claimTotalFen: number;
  collective: boolean;
  groupFlags: GroupFlag[];
  updatedAt: string;
  /** Date the case was closed (结案), if it was. */
  closedDate: string | null;
  /** Brought in by the ledger import (历史导入): read-only. */
  imported?: boolean;
}

export type StoredParty = Party & { id: string; role: PartyRole };

export interface StoredClaim {
  id: string;
  seq: number;
  type: ClaimType;
  amountFen: number | null;
  periodStart?: string;
  periodEnd?: string;
  text: string;
  facts?: string;
  basis?: string;
  limitation?: LimitationRecord;
  /** Indicative limitation check against the receipt date; the tribunal decides. */
  limitationCheck: { expiry: string | null; expired: boolean; provisional: boolean; basis: string[] } | null;
}

export interface StoredEvidence {
  id: string;
  seq: number;
  name: string;
  source?: string;
  purpose?: string;
  copies: number;
}

export interface CaseEvent {
  id: number;
  at: string;
  kind: string;
  summary: string;
  actorName: string;
}

export interface CaseDetail {
  /** Brought in by the ledger import (历史导入): read-only. */
  imported?: boolean;
  id: string;
  caseNumber: string | null;
  status: CaseStatus;
  /** Issue 12 item 2: ID numbers and phones are masked (显示完整 shows one, logged); drafts are answered in full. */
  personalMasked?: boolean;
  venueId: string;
  venueName: string;
  receivedDate: string;
  acceptanceDate: string | null;
  cause: string | null;
  collective: boolean;
  workerCount: number | null;
  groupFlags: GroupFlag[];
  note: string | null;
  /** The consultation (legal-aid desk) the application was started from. */
  consultationId: string | null;
  nonAcceptance: { decisionDate: string; reasonCode: NonAcceptanceReason; reasonText: string; basis: string } | null;
  applicants: StoredParty[];
  respondents: StoredParty[];
  thirdParties: StoredParty[];
  claims: StoredClaim[];
  evidence: StoredEvidence[];
  timeline: CaseEvent[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** Increments on every write to the case's records (a document commits only against the revision it was built from). */
  revision: number;
  /** Set once the case is closed. */
  closedDate: string | null;
  /** Corrections of parties' particulars after acceptance. */
  corrections: PartyCorrectionView[];
  /** Characters the document faces cannot print (drafts only): to fix before acceptance. */
  printProblems: { path: string; message: string }[];
}

export interface RelatedCase {
  caseId: string;
  caseNumber: string | null;
  status: CaseStatus;
  receivedDate: string;
  applicantNames: string[];
  respondentNames: string[];
  /** Why it matched, in Chinese, e.g. "申请人张三身份证号码相同". */
  reasons: string[];
}

/** One page of the related-case check and the number of related cases (issue 13, scale4). */
export interface RelatedCasesPage {
  total: number;
  offset: number;
  items: RelatedCase[];
}

export interface CaseListPage {
  total: number;
  items: CaseSummary[];
}

export interface Room {
  id: string;
  venueId: string;
  venueName: string;
  name: string;
}

export interface StaffMember {
  id: string;
  displayName: string;
  role: 'arbitrator' | 'clerk';
  employment: 'full_time' | 'part_time' | null;
  venueName: string | null;
}

export interface Tribunal {
  mode: 'sole' | 'panel';
  presiding: StaffMember;
  members: StaffMember[];
  clerk: StaffMember;
  composedDate: string;
  reason: string | null;
}

export interface Recusal {
  id: string;
  user: StaffMember;
  decidedDate: string;
  reason: string;
}

export interface Hearing {
  id: string;
  caseId: string;
  caseNumber: string | null;
  date: string;
  startTime: string;
  endTime: string;
  roomId: string;
  roomName: string;
  venueName: string;
  /** The venue's street address (printed on the hearing notice), null where none is recorded. */
  venueAddress: string | null;
  status: 'scheduled' | 'held' | 'moved' | 'cancelled';
  outcome: HearingOutcome | null;
  outcomeNote: string | null;
  movedTo: string | null;
  /** Tribunal members and clerk, by name. */
  staff: string[];
  /** "申请人 与 被申请人" and the cause, for the hearing list (开庭公告). */
  parties: string;
  cause: string | null;
}

export interface ServiceRecord {
  id: string;
  partyId: string;
  partyName: string;
  method: ServiceMethod;
  sentDate: string;
  receiptDate: string | null;
  servedDate: string;
  basis: string[];
}

export interface CaseDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  issuedDate: string;
  hearingId: string | null;
  supersededBy: string | null;
  /** Version within its series (1 for the first issue) and why it was re-issued. */
  version: number;
  seriesId: string;
  reissueReason: string | null;
  /** Generated documents carry files; register-only entries (papers made elsewhere) do not. */
  hasFiles: boolean;
  pages: number | null;
  pdfSha256: string | null;
  docxSha256: string | null;
  caseNumber: string | null;
  /** 文号 of a paper that carries no case number (e.g. 不予受理通知书), from its series' per-year sequence; null otherwise. */
  documentNumber: string | null;
  createdBy: string;
  /** The record an outcome document was built from (mediation or hearing record id), if any. */
  payloadRef: string | null;
  services: ServiceRecord[];
  /** Parties not yet served with this document. */
  unservedParties: { id: string; name: string }[];
}

export interface Proceedings {
  tribunal: Tribunal | null;
  recusals: Recusal[];
  hearings: Hearing[];
  documents: CaseDocument[];
  staff: StaffMember[];
  rooms: Room[];
}

export interface DashboardItem {
  caseId: string;
  caseNumber: string | null;
  parties: string;
  deadline: CaseDeadline;
}

export interface Dashboard {
  today: string;
  overdue: DashboardItem[];
  dueToday: DashboardItem[];
  thisWeek: DashboardItem[];
  /** Each deadline section's size under the filter; the three lists above are one page of it (issue 14). */
  counts: { overdue: number; dueToday: number; thisWeek: number };
  pageSize: number;
  hearingsToday: Hearing[];
  /** Legal-aid decisions (7 days) and assignments (3 days) still open (Legal Aid Law Art 43). */
  aid: AidDeadlineItem[];
}

export interface DocumentKindView {
  code: string;
  label: string;
  /** The heading the kind is listed under (通知类, 当事人表格 …; src/documents/registry.ts DOCUMENT_KIND_GROUPS). */
  group: string;
  basis: string;
  needs: string[];
  available: boolean;
  /** Why the kind cannot be generated for this case now. */
  unavailable: string | null;
}

export interface DocumentPreview {
  kind: string;
  title: string;
  /** The document's text, one block per line. */
  text: string;
  pages: number;
  pdfBase64: string;
  /** What 签发 will record (the clerk confirms it): the addressee line, the version and the number printed on the paper. */
  record: { addressee: string | null; version: number; number: string | null };
}

/** A current issued version of a kind in a case (batch printing). */
export interface IssuedDocumentRef {
  caseId: string;
  documentId: string;
  title: string;
  version: number;
  issuedDate: string;
}

export interface DocumentFile {
  fileName: string;
  mimeType: string;
  sha256: string;
  base64: string;
}

/** One term of a mediation agreement (the 调解书 prints these). */
export interface AgreementItemView {
  payer: string;
  payee: string;
  /** What is paid or done, e.g. "2026年6月至9月工资". */
  subject: string;
  amountFen: number | null;
  dueDate: string | null;
  method: string | null;
  instalments: { dueDate: string; amountFen: number }[];
  /** Free text for a non-money term (e.g. "双方劳动关系于2026年9月30日解除"). */
  text?: string;
}

export interface MediationView {
  id: string;
  caseId: string | null;
  stage: MediationStage;
  organisation: string;
  applicantName: string | null;
  respondentName: string | null;
  workerCount: number;
  claimedFen: number | null;
  receivedDate: string;
  outcome: MediationOutcome;
  outcomeDate: string | null;
  outcomeNote: string | null;
  closing: string | null;
  sessions: { id: string; date: string; mediator: string; attendees: string; notes: string }[];
  items: AgreementItemView[];
  agreedFen: number;
  /** The current 调解书 in the register, if issued. */
  statementId: string | null;
  /** Date the last party signed for the 调解书 (LDMAL Art 42); null until both sides have. */
  effectiveDate: string | null;
  /** Parties who have not yet signed for the issued 调解书. */
  awaitingReceipt: string[];
  /** The 15-day limits of LDMAL Art 14 / Rules Art 74 for mediation before arbitration. */
  limitNote: string | null;
}

export interface HearingRecordView {
  id: string;
  hearingId: string | null;
  recordDate: string;
  attendees: string;
  statements: string;
  evidence: string;
  questions: string;
  finalStatements: string;
  mediationAttempt: string;
  corrections: { id: string; date: string; requestedBy: string; text: string }[];
}

export interface ClaimDecisionView {
  claimId: string;
  /** 1-based number of the claim in the application ("第1项"). */
  seq: number;
  type: ClaimType;
  claimText: string;
  claimedFen: number | null;
  defaultFinalityType: FinalityType;
  decision: {
    result: ClaimResult;
    amountFen: number | null;
    order: string;
    reasoning: string;
    articles: string;
    finalityType: FinalityType;
    provisionalExecution: boolean;
    decidedDate: string;
    /** Part of an issued award: cannot change. */
    locked: boolean;
    /** Finality as printed on the issued award, and which document carries the item. */
    issued: { final: boolean; reason: string; document: string } | null;
  } | null;
}

export interface Closure {
  method: ClosingMethod;
  closedDate: string;
  dueDate: string;
  overrunReason: string | null;
  note: string | null;
}

export interface Outcomes {
  mediations: MediationView[];
  records: HearingRecordView[];
  decisions: ClaimDecisionView[];
  awardDraft: { procedure: 'simple' | 'ordinary'; appearance: string; applicantStatement: string; respondentDefence: string; factsFound: string; reasoning: string } | null;
  /** Finality of the decided, not yet issued items if the award were made today (LDMAL Art 47). */
  finalityPreview: { date: string; items: { claimSeq: number; final: boolean; reason: string }[]; award: 'final' | 'non-final' | 'mixed'; basis: string[] } | null;
  closure: Closure | null;
  /** Per closing method, what is still missing (empty: the case may be closed that way). */
  closingBlockers: Partial<Record<ClosingMethod, string[]>>;
}

export interface MediationStats {
  from: string;
  to: string;
  rows: { stage: MediationStage; label: string; scheduled: number; succeeded: number; failed: number; pending: number; workers: number; workersSucceeded: number; claimedFen: number; agreedFen: number }[];
}

export interface DutyView {
  date: string;
  lawyerId: string;
  lawyerName: string;
  staffId: string;
  staffName: string;
  lawFirm: string;
}

/** One step of a legal-aid application: who did what, when (append-only). */
export interface AidHistoryItem {
  at: string;
  action: string;
  summary: string;
  actorName: string;
}

/** An earlier state of a consultation's advice and outcome, kept when it was edited. */
export interface ConsultationVersion {
  at: string;
  byName: string;
  advice: string | null;
  outcome: string;
  recoveredFen: number | null;
  /** Set when this version was kept by 修改登记: when, by whom, why, and each changed item before and after (ID numbers masked). */
  edit: { at: string; byName: string; reason: string; changed: { label: string; before: string; after: string }[] } | null;
}

export interface AidApplicationView {
  /** Every decision, assignment, objection and closing, with who and when. */
  history: AidHistoryItem[];
  id: string;
  consultationId: string;
  matter: AidMatter;
  matterLabel: string;
  eligibility: AidEligibility;
  eligibilityLabel: string;
  eligibilityNote: string | null;
  receivedDate: string;
  /** Aid given first: fewer than 7 days left on the limitation period (Art 44). */
  urgent: boolean;
  decision: 'pending' | 'approved' | 'refused';
  decisionDate: string | null;
  refusalReason: string | null;
  assignedLawyer: string | null;
  assignedFirm: string | null;
  assignedDate: string | null;
  objectionDate: string | null;
  objectionNote: string | null;
  closedDate: string | null;
  closingReport: string | null;
  decisionDue: string;
  assignmentDue: string | null;
  decisionOverdue: boolean;
  assignmentOverdue: boolean;
}

export interface ConsultationView {
  /** Earlier texts of advice and outcome, oldest first (edits never overwrite without a trace). */
  versions: ConsultationVersion[];
  id: string;
  window: WindowCode;
  windowLabel: string;
  channel: 'walk_in' | 'phone' | 'referral';
  arrivedAt: string;
  servedAt: string | null;
  waitingMinutes: number;
  personName: string;
  personSex: 'male' | 'female' | null;
  personIdNumber: string | null;
  personPhone: string | null;
  personAddress: string | null;
  employerName: string | null;
  employerCreditCode: string | null;
  employerAlias: string | null;
  disputeType: ClaimType;
  groupFlags: GroupFlag[];
  injuryDate: string | null;
  disabilityGrade: number | null;
  femaleStage: FemaleStage | null;
  femaleStageStart: string | null;
  femaleStageEnd: string | null;
  collective: boolean;
  workerCount: number;
  claims: { type: ClaimType; amountFen: number | null; text: string }[];
  claimedFen: number;
  summary: string;
  advice: string | null;
  outcome: ConsultationOutcome;
  recoveredFen: number | null;
  /** The duty pair on the day of the visit (1+1坐堂). */
  lawyerName: string | null;
  staffName: string | null;
  /** Green channel: a group flag or a collective dispute. */
  priority: boolean;
  aid: AidApplicationView[];
  cases: { id: string; caseNumber: string | null; status: CaseStatus }[];
  mediations: { id: string; outcome: MediationOutcome; organisation: string }[];
  /** Brought in by the ledger import (历史导入): read-only. */
  imported?: boolean;
}

export interface ConflictMatch {
  kind: 'consultation' | 'case';
  id: string;
  label: string;
  name: string;
  reasons: string[];
  /** Route in the app, e.g. "cases/<id>". */
  link: string;
  /** Need-to-know (issue 12 item 2): the role is told only that a related record exists, not whose; id, name and link are empty. */
  withheld?: boolean;
}

export interface AidDeadlineItem {
  aidId: string;
  consultationId: string;
  applicant: string;
  label: string;
  dueDate: string;
  overdue: boolean;
  daysLeft: number;
  basis: string;
  urgent: boolean;
}

/** The head of the audit chain, for the settings page and the daily sheet. */
export interface ChainHeadView {
  count: number;
  lastId: number | null;
  lastAt: string | null;
  hash: string | null;
  short: string | null;
}

export interface ChainVerifyView {
  ok: boolean;
  entries: number;
  rowsChecked: number;
  head: ChainHeadView;
  broken: { entryId: number | null; entity: string | null; reason: string } | null;
}

/** A correction of a party's particulars after acceptance (the timeline shows it too). */
export interface PartyCorrectionView {
  id: string;
  partyId: string;
  partyName: string;
  field: string;
  fieldLabel: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string;
  correctedDate: string;
  createdAt: string;
  createdBy: string;
}

/** Columns of the case list (on screen and in the XLSX export), in display order. Issue 14. */
export const CASE_LIST_COLUMNS = [
  { key: 'caseNumber', label: '案号' },
  { key: 'status', label: '状态' },
  { key: 'applicants', label: '申请人' },
  { key: 'respondents', label: '被申请人' },
  { key: 'claimTotalFen', label: '请求金额' },
  { key: 'venueName', label: '办案场所' },
  { key: 'receivedDate', label: '收件日期' },
  { key: 'acceptanceDate', label: '受理日期' },
  { key: 'closedDate', label: '结案日期' },
  { key: 'flags', label: '标记' },
] as const;
export type CaseListColumn = (typeof CASE_LIST_COLUMNS)[number]['key'];
export const CASE_LIST_COLUMN_KEYS = CASE_LIST_COLUMNS.map((c) => c.key) as [CaseListColumn, ...CaseListColumn[]];

export interface ExportFile {
  fileName: string;
  mimeType: string;
  base64: string;
  rows: number;
}

// ------------------------------------------------------------------------------------------- collective cases (issue 16 item 6)

/** One roster row as the import reads it (amounts in fen; null where the cell was empty). */
export interface RosterRowInput {
  name: string;
  idNumber: string;
  phone?: string;
  job?: string;
  period?: string;
  amountFen: number | null;
  claimItems?: string;
}

/** The roster file read and checked, before anything is written. */
export interface RosterCheck {
  rows: RosterRowInput[];
  /** Row-level errors ("第5行：…"); row 0 for the roster as a whole. Empty when the roster can be imported. */
  errors: { row: number; message: string }[];
  totalFen: number;
}

export interface CollectiveWorkerView {
  id: string;
  seq: number;
  name: string;
  /** Lists never show the full ID number. */
  idNumberMasked: string;
  phone: string | null;
  job: string | null;
  period: string | null;
  claimItems: string;
  claimedFen: number;
  awardFen: number | null;
  mediationFen: number | null;
  representative: boolean;
}

/** One roster worker's claim items with their amounts (issue 16). */
export interface WorkerClaimsView {
  workerId: string;
  seq: number;
  name: string;
  items: { item: string; amountFen: number }[];
  totalFen: number;
}

export interface CollectiveRosterView {
  caseId: string;
  /** Workers on the roster. */
  workers: number;
  /** Workers the statistics count for the case (view case_worker_counts). */
  countedWorkers: number;
  claimedFen: number;
  awardResults: { count: number; totalFen: number };
  mediationResults: { count: number; totalFen: number };
  /** Rows matching the query (this page is `items`). */
  total: number;
  items: CollectiveWorkerView[];
  representatives: { workerId: string; seq: number; name: string; idNumberMasked: string; electedDate: string; authorisation: string }[];
}

/** issue 12 item 2: the full value of one field, shown by 显示完整 and logged. */
export interface RevealedValue {
  value: string | null;
}

/** One entry of the read log (never the value read). */
export interface PersonalReadView {
  id: string;
  at: string;
  userId: string;
  userName: string;
  userRole: string;
  recordKind: 'party' | 'consultation';
  recordId: string;
  caseId: string | null;
  caseNumber: string | null;
  subjectName: string;
  field: 'idNumber' | 'phone';
  reason: string;
}

export interface PersonalReadPage {
  total: number;
  items: PersonalReadView[];
}

/** issue 12 item 2: what an erasure did (no personal data). */
export interface ConsultationErasureView {
  consultationId: string;
  arrivedDate: string;
  retentionUntil: string;
  retentionBasis: string;
  versionsRemoved: number;
}

/** A consultation past its retention period that may be erased (no personal data). */
export interface ErasableConsultation {
  id: string;
  arrivedDate: string;
  window: string;
  disputeType: string;
  retentionUntil: string;
  basis: string;
}
// ------------------------------------------------------------------------- lists across cases and the survey screen (issue 15)

/** One mediation in the list across cases (both stages). */
export interface MediationListItem {
  id: string;
  caseId: string | null;
  caseNumber: string | null;
  /** The ledger's own number of an imported mediation (调解编号). */
  ledgerNumber: string | null;
  stage: MediationStage;
  organisation: string;
  applicantName: string | null;
  respondentName: string | null;
  workerCount: number;
  claimedFen: number | null;
  receivedDate: string;
  outcome: MediationOutcome;
  outcomeDate: string | null;
  imported: boolean;
  /** Where the arbitral review of a pre-arbitration agreement stands (Rules Arts 74–78); null when none was applied for. */
  reviewState: 'applied' | 'accepted' | 'statement' | 'refused' | null;
}
export interface MediationListPage { total: number; items: MediationListItem[] }

/** One entry of the document register across cases (every issued version). */
export interface RegisterItem {
  id: string;
  caseId: string;
  caseNumber: string | null;
  kind: string;
  kindLabel: string;
  title: string;
  docNumber: string | null;
  version: number;
  issuedDate: string;
  current: boolean;
  pages: number | null;
  serviceRecords: number;
  issuedBy: string;
}
export interface RegisterPage { total: number; items: RegisterItem[] }

/** What the party's survey screen shows: the record it is about, nothing else. */
export interface SurveyScreen {
  /** "案件 X劳人仲案字〔2026〕1号" or "咨询登记 2026-11-20". */
  subject: string;
  commissionName: string;
  expiresAt: string;
  answered: boolean;
}
/** A one-time survey link opened by staff. */
export interface SurveyLink { token: string; expiresAt: string; subject: string }
/** Evidence a party handed in after acceptance (issue 11 item 6), the source of its 证据收据. */
export interface EvidenceSubmissionView {
  id: string;
  caseId: string;
  partyId: string;
  partyName: string;
  /** 申请人 / 被申请人 / 第三人 */
  partyRole: string;
  receivedDate: string;
  note: string | null;
  items: { seq: number; name: string; source: string | null; purpose: string; pages: number; original: boolean; copies: number }[];
  /** The current issued 证据收据 of this submission, if any. */
  receiptId: string | null;
}

/** The arbitral review of a pre-arbitration mediation agreement (Rules Arts 74–78; issue 11 item 6). */
export interface ReviewView {
  id: string;
  mediationId: string;
  applicantDate: string;
  respondentDate: string;
  /** The last day a party could apply (Rules Art 74). */
  lastDay: string;
  acceptedDate: string | null;
  arbitratorId: string | null;
  arbitratorName: string | null;
  outcome: 'statement' | 'refused' | null;
  ground: 1 | 2 | 3 | 4 | 5 | 6 | null;
  groundLabel: string | null;
  reason: string | null;
  decidedDate: string | null;
}

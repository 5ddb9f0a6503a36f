import type * as z from 'zod';
import type { Action } from '../domain';
import { schemas } from './schemas';
import { supervisionSchemas } from './supervision-schemas';
import type {
  BlacklistEntryView, BulletinView, DatedSettingView, EmployerListPage, EmployerSummary, EmployerView, InspectionFigures, SupervisionDashboard, VisitDueItem, WarningView,
  PerformanceView,
} from './supervision-views';
import type { FieldIssue } from './result';
import type {
  CalendarYearView, CaseClock, CaseDetail, CaseDocument, AidApplicationView, ClaimDecisionView, ConflictMatch, ConsultationView, Dashboard, DutyView, DocumentFile, DocumentKindView, IssuedDocumentRef, DocumentPreview, HearingRecordView, MediationStats, MediationView, Outcomes, Hearing, Proceedings, Room, CaseListPage, ChainHeadView, ChainVerifyView, CollectiveRosterView, WorkerClaimsView, ExportFile, RosterCheck, StaffMember, DeadlineResult, DeadlineRuleView, Settings, SetupStatus, UserView, Venue, PersonalReadPage, RevealedValue, ConsultationErasureView, ErasableConsultation, EvidenceSubmissionView, ReviewView, RelatedCasesPage,
} from './views';
import type { DeskIndicators, IndicatorDrillView, LedgerImportReport, OfficialDrill, OfficialReport } from './stats-views';
import type { MediationListPage, RegisterPage, SurveyLink, SurveyScreen } from './views';

/**
 * The contract: one entry per operation. `auth` says who may call it:
 * 'public' needs no login; otherwise a login is required and, where given, the action is checked by the service.
 */
interface OperationSpec<S extends z.ZodType, O> {
  input: S;
  auth: 'public' | 'user';
  doc: string;
  /** Phantom field carrying the output type; never set at run time. */
  output?: O;
  action?: Action;
  /** The handler returns a promise (document rendering); transports call dispatchAsync. */
  async?: boolean;
}

const op = <S extends z.ZodType, O>(spec: Omit<OperationSpec<S, O>, 'output'>) => spec as OperationSpec<S, O>;

export const operations = {
  /** Whether the first-start screen must create the administrator. */
  'setup.status': op<typeof schemas.empty, SetupStatus>({ input: schemas.empty, auth: 'public', doc: '首次启动状态' }),
  /** Creates the first administrator; refused once any administrator exists. */
  'setup.createAdmin': op<typeof schemas.newUser, UserView>({ input: schemas.newUser, auth: 'public', doc: '创建首个管理员' }),
  /** Logs in on this transport's session. */
  'auth.login': op<typeof schemas.login, UserView>({ input: schemas.login, auth: 'public', doc: '登录' }),
  /** Ends this transport's session. */
  'auth.logout': op<typeof schemas.empty, null>({ input: schemas.empty, auth: 'public', doc: '退出登录' }),
  /** The user logged in on this session, or null. */
  'auth.me': op<typeof schemas.empty, UserView | null>({ input: schemas.empty, auth: 'public', doc: '当前用户' }),
  /** Changes the logged-in user's own password (also reachable while a change is forced after a reset). */
  'auth.changePassword': op<typeof schemas.changePassword, UserView>({ input: schemas.changePassword, auth: 'public', doc: '修改本人密码' }),
  /** Locks this session now (the renderer calls it after the idle period). */
  'auth.lock': op<typeof schemas.empty, null>({ input: schemas.empty, auth: 'public', doc: '锁定' }),
  /** Unlocks a locked session with the logged-in user's password. */
  'auth.unlock': op<typeof schemas.unlock, UserView>({ input: schemas.unlock, auth: 'public', doc: '解锁' }),
  /** Sets a temporary password for an account; its user must change it at the next login (administrator). */
  'users.resetPassword': op<typeof schemas.resetPassword, UserView>({ input: schemas.resetPassword, auth: 'user', action: 'user.manage', doc: '重置密码' }),
  /** Lists local accounts (administrator). */
  'users.list': op<typeof schemas.empty, UserView[]>({ input: schemas.empty, auth: 'user', action: 'user.manage', doc: '用户列表' }),
  /** Adds a local account (administrator). */
  'users.create': op<typeof schemas.newUser, UserView>({ input: schemas.newUser, auth: 'user', action: 'user.manage', doc: '新增用户' }),
  /** Enables or disables an account (administrator). */
  'users.setActive': op<typeof schemas.setUserActive, UserView>({ input: schemas.setUserActive, auth: 'user', action: 'user.manage', doc: '启用或停用用户' }),
  /** Commission settings. */
  'settings.get': op<typeof schemas.empty, Settings>({ input: schemas.empty, auth: 'user', action: 'reference.read', doc: '读取设置' }),
  /** Changes commission settings (administrator). */
  'settings.update': op<typeof schemas.settingsUpdate, Settings>({ input: schemas.settingsUpdate, auth: 'user', action: 'settings.manage', doc: '修改设置' }),
  /** Venues: the commission and its circuit tribunal sites. */
  'venues.list': op<typeof schemas.empty, Venue[]>({ input: schemas.empty, auth: 'user', action: 'reference.read', doc: '办案场所列表' }),
  /** Adds a venue (administrator). */
  'venues.create': op<typeof schemas.newVenue, Venue>({ input: schemas.newVenue, auth: 'user', action: 'venue.manage', doc: '新增办案场所' }),
  /** Creates or updates an application that is still a draft. */
  'cases.saveDraft': op<typeof schemas.caseDraft, CaseDetail>({ input: schemas.caseDraft, auth: 'user', action: 'case.draft', doc: '保存仲裁申请（草稿）' }),
  /** Deletes a draft that was never accepted or refused. */
  'cases.discardDraft': op<typeof schemas.id, null>({ input: schemas.id, auth: 'user', action: 'case.draft', doc: '删除草稿' }),
  /** Open and earlier cases sharing an ID number, credit code, or a worker's name at the same employer. */
  'cases.related': op<typeof schemas.caseRelated, RelatedCasesPage>({ input: schemas.caseRelated, auth: 'user', action: 'case.read', doc: '关联案件检查' }),
  /** Accepts a draft: assigns the case number and records the acceptance date. */
  'cases.accept': op<typeof schemas.accept, CaseDetail>({ input: schemas.accept, auth: 'user', action: 'case.decideAcceptance', doc: '受理' }),
  /** Refuses a draft with a reason from the list plus text. */
  'cases.notAccept': op<typeof schemas.notAccept, CaseDetail>({ input: schemas.notAccept, auth: 'user', action: 'case.decideAcceptance', doc: '不予受理' }),
  /** One case by id or by case number, with parties, claims, evidence and timeline. */
  'cases.get': op<typeof schemas.caseGet, CaseDetail>({ input: schemas.caseGet, auth: 'user', action: 'case.read', doc: '案件详情' }),
  /** Case list filtered by status and venue, searched by party name, ID number, employer or case number. */
  'cases.list': op<typeof schemas.caseList, CaseListPage>({ input: schemas.caseList, auth: 'user', action: 'case.read', doc: '案件列表' }),
  /** The case list's current filter and sort, exported to XLSX with the chosen columns. */
  /** Arbitrators and clerks on the roster (for list filters). */
  'staff.list': op<typeof schemas.empty, StaffMember[]>({ input: schemas.empty, auth: 'user', action: 'case.read', doc: '仲裁员与书记员' }),
  'cases.export': op<typeof schemas.caseExport, ExportFile>({ input: schemas.caseExport, auth: 'user', action: 'case.read', doc: '导出案件列表', async: true }),
  /** Loaded official holiday schedules (years not listed are computed provisionally). */
  'calendar.years': op<typeof schemas.empty, CalendarYearView[]>({ input: schemas.empty, auth: 'user', action: 'reference.read', doc: '节假日安排' }),
  /** Loads or replaces one year's official schedule (administrator, audited). */
  'calendar.importYear': op<typeof schemas.calendarYear, CalendarYearView>({ input: schemas.calendarYear, auth: 'user', action: 'calendar.manage', doc: '导入年度放假安排' }),
  /** Marks one day as rest, work, or back to normal in a loaded year (administrator, audited). */
  'calendar.setDay': op<typeof schemas.calendarDay, CalendarYearView>({ input: schemas.calendarDay, auth: 'user', action: 'calendar.manage', doc: '调整单日' }),
  /** The statutory period rules with their effective counting and basis. */
  'deadlines.rules': op<typeof schemas.empty, DeadlineRuleView[]>({ input: schemas.empty, auth: 'user', action: 'reference.read', doc: '期间规则' }),
  /** Computes a period by rule or by days and kind, with the reasons for the date. */
  'deadlines.compute': op<typeof schemas.deadlineCompute, DeadlineResult>({ input: schemas.deadlineCompute, auth: 'user', action: 'reference.read', doc: '期间计算' }),
  /** A case's deadlines with their state, suspensions and extensions. */
  'cases.clock': op<typeof schemas.id, CaseClock>({ input: schemas.id, auth: 'user', action: 'case.read', doc: '案件期限' }),
  /** Suspends an accepted case (中止); the suspended days do not count towards the award period. */
  'cases.suspend': op<typeof schemas.suspend, CaseClock>({ input: schemas.suspend, auth: 'user', action: 'case.manage', doc: '中止审理' }),
  /** Resumes a suspended case. */
  'cases.resume': op<typeof schemas.resume, CaseClock>({ input: schemas.resume, auth: 'user', action: 'case.manage', doc: '恢复审理' }),
  /** Records an approved extension of the award period (at most 15 days in all). */
  'cases.extend': op<typeof schemas.extend, CaseClock>({ input: schemas.extend, auth: 'user', action: 'case.manage', doc: '延长审理期限' }),
  /** Hearing rooms of each venue. */
  'rooms.list': op<typeof schemas.empty, Room[]>({ input: schemas.empty, auth: 'user', action: 'reference.read', doc: '庭室列表' }),
  /** Adds a hearing room to a venue (administrator). */
  'rooms.create': op<typeof schemas.newRoom, Room>({ input: schemas.newRoom, auth: 'user', action: 'venue.manage', doc: '新增庭室' }),
  /** Tribunal, recusals, hearings, documents and service records of a case, with the roster and rooms to choose from. */
  'cases.proceedings': op<typeof schemas.id, Proceedings>({ input: schemas.id, auth: 'user', action: 'case.read', doc: '案件程序' }),
  /** Composes (or recomposes) the tribunal: a sole arbitrator, or three with a presiding arbitrator. */
  'cases.compose': op<typeof schemas.compose, Proceedings>({ input: schemas.compose, auth: 'user', action: 'case.manage', doc: '组庭' }),
  /** Records a recusal; a recused member leaves the tribunal, which must be recomposed. */
  'cases.recuse': op<typeof schemas.recuse, Proceedings>({ input: schemas.recuse, auth: 'user', action: 'case.manage', doc: '回避' }),
  /** Schedules a hearing; a double booking of an arbitrator, clerk or room is refused with the conflict named. */
  'hearings.schedule': op<typeof schemas.schedule, Proceedings>({ input: schemas.schedule, auth: 'user', action: 'case.manage', doc: '排期开庭' }),
  /** Moves a hearing; its notice is re-issued for the new date. */
  'hearings.move': op<typeof schemas.move, Proceedings>({ input: schemas.move, auth: 'user', action: 'case.manage', async: true, doc: '改期' }),
  /** Records the roll-call outcome of a hearing. */
  'hearings.rollCall': op<typeof schemas.rollCall, Proceedings>({ input: schemas.rollCall, auth: 'user', action: 'case.manage', doc: '庭审点名结果' }),
  /** Hearings in a date range (day and week views), optionally for one venue. */
  'hearings.list': op<typeof schemas.hearingList, Hearing[]>({ input: schemas.hearingList, auth: 'user', action: 'case.read', doc: '开庭排期' }),
  /** Document kinds for the case's stage, each with why it is unavailable. */
  'documents.kinds': op<typeof schemas.id, DocumentKindView[]>({ input: schemas.id, auth: 'user', action: 'case.read', doc: '可生成的文书' }),
  /** Renders a document to PDF for preview without registering it. */
  'documents.preview': op<typeof schemas.previewDocument, DocumentPreview>({ input: schemas.previewDocument, auth: 'user', action: 'case.read', doc: '预览文书', async: true }),
  /** Issues a document: renders DOCX and PDF and stores both with their SHA-256 in the register (register-only kinds: no files). */
  'documents.issue': op<typeof schemas.issueDocument, CaseDocument>({ input: schemas.issueDocument, auth: 'user', action: 'case.manage', doc: '签发文书', async: true }),
  /** Issues a new version of a document with a reason; the old version stays readable. */
  'documents.reissue': op<typeof schemas.reissueDocument, CaseDocument>({ input: schemas.reissueDocument, auth: 'user', action: 'case.manage', doc: '重新签发文书', async: true }),
  /** The stored DOCX or PDF of an issued version. */
  'documents.file': op<typeof schemas.documentFile, DocumentFile>({ input: schemas.documentFile, auth: 'user', action: 'case.read', doc: '下载文书文件' }),
  /** The current issued versions of a kind for the given cases (batch printing issues only what is missing). */
  'documents.issued': op<typeof schemas.issuedOfKind, IssuedDocumentRef[]>({ input: schemas.issuedOfKind, auth: 'user', action: 'case.read', doc: '查询已签发文书' }),
  /** Issued versions as one PDF, in the order given, for one print job. */
  'documents.merged': op<typeof schemas.mergedPdf, DocumentFile>({ input: schemas.mergedPdf, auth: 'user', action: 'case.read', doc: '合并打印文书', async: true }),
  /** Records service of a document on a party; the service date is computed by the method's rule. */
  'documents.serve': op<typeof schemas.serve, CaseDocument>({ input: schemas.serve, auth: 'user', action: 'case.manage', doc: '登记送达' }),
  /** Mediations, hearing records, decisions per claim, the award draft, finality preview and closing state of a case. */
  'cases.outcomes': op<typeof schemas.id, Outcomes>({ input: schemas.id, auth: 'user', action: 'case.read', doc: '调解与裁决' }),
  /** Opens a mediation: before arbitration (mediation studio, town committee) or within a case. */
  'mediation.create': op<typeof schemas.mediationCreate, MediationView>({ input: schemas.mediationCreate, auth: 'user', action: 'mediation.manage', doc: '登记调解' }),
  /** Records one mediation session. */
  'mediation.addSession': op<typeof schemas.mediationSession, MediationView>({ input: schemas.mediationSession, auth: 'user', action: 'mediation.manage', doc: '记录调解过程' }),
  /** Records the outcome: success with the agreement items, failure, or withdrawal. */
  'mediation.conclude': op<typeof schemas.mediationConclude, MediationView>({ input: schemas.mediationConclude, auth: 'user', action: 'mediation.manage', doc: '调解结果' }),
  /** Issues the 调解书 for a successful mediation within arbitration (LDMAL Art 42). */
  'mediation.issueStatement': op<typeof schemas.mediationStatement, MediationView>({ input: schemas.mediationStatement, auth: 'user', action: 'case.manage', doc: '签发调解书', async: true }),
  /** Mediation figures for a period. */
  'mediation.stats': op<typeof schemas.mediationStats, MediationStats>({ input: schemas.mediationStats, auth: 'user', action: 'case.read', doc: '调解统计' }),
  /** Records the hearing (庭审笔录); records are append-only. */
  'hearingRecords.create': op<typeof schemas.hearingRecord, HearingRecordView>({ input: schemas.hearingRecord, auth: 'user', action: 'case.manage', doc: '庭审笔录' }),
  /** Appends a correction a party asked for (LDMAL Art 40). */
  'hearingRecords.correct': op<typeof schemas.hearingCorrection, HearingRecordView>({ input: schemas.hearingCorrection, auth: 'user', action: 'case.manage', doc: '笔录补正' }),
  /** Prints the hearing record for signatures (a register entry with files). */
  'hearingRecords.print': op<typeof schemas.hearingPrint, CaseDocument>({ input: schemas.hearingPrint, auth: 'user', action: 'case.manage', doc: '打印庭审笔录', async: true }),
  /** Decides one claim item: result, amount, operative order, reasoning, articles, finality category. */
  'claims.decide': op<typeof schemas.decideClaim, ClaimDecisionView[]>({ input: schemas.decideClaim, auth: 'user', action: 'case.decide', doc: '逐项裁决' }),
  /** Saves the award's procedural paragraph, statements, facts found and reasoning. */
  'award.saveDraft': op<typeof schemas.awardDraft, Outcomes>({ input: schemas.awardDraft, auth: 'user', action: 'case.decide', doc: '裁决书草稿' }),
  /** Issues the award assembled from the decisions (all claims, or some for a 先行裁决); locks those decisions. */
  'award.issue': op<typeof schemas.issueAward, Outcomes>({ input: schemas.issueAward, auth: 'user', action: 'case.decide', doc: '签发裁决书', async: true }),
  /** Closes the case; refused until the documents its method needs are issued and served; an overrun needs its reason. */
  'cases.close': op<typeof schemas.closeCase, Outcomes>({ input: schemas.closeCase, auth: 'user', action: 'case.manage', doc: '结案' }),
  /** The duty pair (lawyer and staff) of a day at the legal-aid desk. */
  'duty.get': op<typeof schemas.dutyDate, DutyView | null>({ input: schemas.dutyDate, auth: 'user', action: 'reference.read', doc: '值班' }),
  'duty.list': op<typeof schemas.dutyRange, DutyView[]>({ input: schemas.dutyRange, auth: 'user', action: 'reference.read', doc: '值班表' }),
  'duty.candidates': op<typeof schemas.empty, { id: string; displayName: string; role: string }[]>({ input: schemas.empty, auth: 'user', action: 'reference.read', doc: '可值班人员' }),
  'duty.set': op<typeof schemas.dutySet, DutyView>({ input: schemas.dutySet, auth: 'user', action: 'duty.manage', doc: '排班' }),
  /** Registers a consultation at a window (person, employer, group, claims); the day's duty pair is recorded on it. */
  'consultations.create': op<typeof schemas.consultation, ConsultationView>({ input: schemas.consultation, auth: 'user', action: 'aid.manage', doc: '咨询登记' }),
  'consultations.update': op<typeof schemas.consultationUpdate, ConsultationView>({ input: schemas.consultationUpdate, auth: 'user', action: 'aid.manage', doc: '更新咨询' }),
  /** 修改登记: corrects a consultation's particulars with a reason; the record before the edit stays readable. */
  'consultations.edit': op<typeof schemas.consultationEdit, ConsultationView>({ input: schemas.consultationEdit, auth: 'user', action: 'aid.manage', doc: '修改咨询登记' }),
  'consultations.get': op<typeof schemas.id, ConsultationView>({ input: schemas.id, auth: 'user', action: 'aid.read', doc: '咨询详情' }),
  /** A day's consultations (the queue per window with waiting times). */
  'consultations.list': op<typeof schemas.consultationList, ConsultationView[]>({ input: schemas.consultationList, auth: 'user', action: 'aid.read', doc: '咨询队列' }),
  /** Same ID number, or a name that sounds the same at the same employer, across consultations and cases. */
  'conflicts.check': op<typeof schemas.conflictCheck, ConflictMatch[]>({ input: schemas.conflictCheck, auth: 'user', action: 'aid.read', doc: '利益冲突与重复检查' }),
  /** The eligibility route for a matter, with its basis (Legal Aid Law Arts 41–42; Sichuan rule). */
  'aid.eligibility': op<typeof schemas.aidEligibility, { meansTest: string; suggested: string; basis: string[] }>({ input: schemas.aidEligibility, auth: 'user', action: 'aid.read', doc: '援助条件' }),
  'aid.apply': op<typeof schemas.aidApply, AidApplicationView>({ input: schemas.aidApply, auth: 'user', action: 'aid.manage', doc: '法律援助申请' }),
  'aid.decide': op<typeof schemas.aidDecide, AidApplicationView>({ input: schemas.aidDecide, auth: 'user', action: 'aid.decide', doc: '援助决定' }),
  'aid.assign': op<typeof schemas.aidAssign, AidApplicationView>({ input: schemas.aidAssign, auth: 'user', action: 'aid.decide', doc: '指派律师' }),
  'aid.object': op<typeof schemas.aidObject, AidApplicationView>({ input: schemas.aidObject, auth: 'user', action: 'aid.manage', doc: '异议' }),
  /** Prints the application form, the decision or the assignment letter (legal-aid centre's papers). */
  'aid.document': op<typeof schemas.aidDocument, DocumentFile>({ input: schemas.aidDocument, auth: 'user', action: 'aid.read', doc: '援助文书', async: true }),
  'aid.close': op<typeof schemas.aidClose, AidApplicationView>({ input: schemas.aidClose, auth: 'user', action: 'aid.manage', doc: '援助结案' }),
  /** Today, this week and overdue deadlines, for the signed-in user or the whole commission. */
  'dashboard.get': op<typeof schemas.dashboard, Dashboard>({ input: schemas.dashboard, auth: 'user', action: 'case.read', doc: '工作台' }),
  /** The calculators with their input schema and article. */
  'calculators.list': op<typeof schemas.empty, { name: string; label: string; article: string; input: unknown }[]>({ input: schemas.empty, auth: 'user', action: 'reference.read', doc: '计算器列表' }),
  /** Runs a calculator: amounts in integer fen with the articles and parameters used. */
  'calculators.run': op<typeof schemas.calculatorRun, Record<string, unknown>>({ input: schemas.calculatorRun, auth: 'user', action: 'reference.read', doc: '计算' }),
  /** The audit chain's head: count, last entry's time, short digest — printed daily and kept outside the computer. */
  'audit.head': op<typeof schemas.empty, ChainHeadView>({ input: schemas.empty, auth: 'user', action: 'reference.read', doc: '审计链摘要' }),
  /** Walks the whole audit chain and checks every sealed record against it; names the first broken link. */
  'audit.verify': op<typeof schemas.empty, ChainVerifyView>({ input: schemas.empty, auth: 'user', action: 'settings.manage', doc: '校验审计链' }),
  /** Corrects a party's particulars after acceptance, with a reason; issued documents keep their text. */
  'parties.correct': op<typeof schemas.correctParty, CaseDetail>({ input: schemas.correctParty, auth: 'user', action: 'case.manage', doc: '更正当事人信息' }),
  /** Records the tribunal's decision to decide on the papers (书面审理), which allows an award without a hearing held. */
  /** issue 11 item 6: the arbitral review of a pre-arbitration mediation agreement, null before an application. */
  'review.get': op<typeof schemas.id, { mediation: MediationView; review: ReviewView | null }>({ input: schemas.id, auth: 'user', action: 'mediation.manage', doc: '调解协议仲裁审查' }),
  /** The joint application for review, within fifteen days of the agreement's effect (Rules Art 74). */
  'review.apply': op<typeof schemas.reviewApply, ReviewView>({ input: schemas.reviewApply, auth: 'user', action: 'case.manage', doc: '登记仲裁审查申请' }),
  /** Acceptance with the designated arbitrator. */
  'review.accept': op<typeof schemas.reviewAccept, ReviewView>({ input: schemas.reviewAccept, auth: 'user', action: 'case.decideAcceptance', doc: '受理仲裁审查申请' }),
  /** The designated arbitrator's conclusion: 调解书 or refusal with its Rules Art 78 ground. */
  'review.decide': op<typeof schemas.reviewDecide, ReviewView>({ input: schemas.reviewDecide, auth: 'user', action: 'review.decide', doc: '作出仲裁审查结论' }),
  /** 调解协议书, and the review's 调解书 or 决定书, rendered from the records. */
  'review.paper': op<typeof schemas.reviewPaper, DocumentFile>({ input: schemas.reviewPaper, auth: 'user', action: 'mediation.manage', doc: '调解协议书与审查文书', async: true }),
  /** issue 11 item 6: the day's 开庭公告 of one venue as a PDF or DOCX for the notice board (not registered). */
  'hearings.bulletin': op<typeof schemas.hearingBulletin, DocumentFile>({ input: schemas.hearingBulletin, auth: 'user', action: 'case.read', doc: '开庭公告（打印）', async: true }),
  /** issue 11 item 6: records evidence a party handed in (the 证据收据 is issued from it). */
  'evidence.submit': op<typeof schemas.evidenceSubmit, EvidenceSubmissionView>({ input: schemas.evidenceSubmit, auth: 'user', action: 'case.manage', doc: '登记证据材料' }),
  /** The evidence handed in after acceptance, per submission. */
  'evidence.list': op<typeof schemas.id, EvidenceSubmissionView[]>({ input: schemas.id, auth: 'user', action: 'case.read', doc: '证据材料' }),
  'cases.paperReview': op<typeof schemas.paperReview, Proceedings>({ input: schemas.paperReview, auth: 'user', action: 'case.decide', doc: '决定书面审理' }),
  // issue 15: statistics, reports and the ledger import
  /** 劳动人事争议处理情况 for a period (optionally beside another), by venue and by month. */
  'stats.official': op<typeof schemas.statsPeriod, OfficialReport>({ input: schemas.statsPeriod, auth: 'user', action: 'case.read', doc: '统计报表' }),
  /** The desk's own indicators: consultations, pre-arbitration mediations, circuit tribunals, wage arrears by sector, legal aid, satisfaction. */
  'stats.indicators': op<typeof schemas.mediationStats, DeskIndicators>({ input: schemas.mediationStats, auth: 'user', action: 'case.read', doc: '工作指标' }),
  /** The cases one figure of the official table counts. */
  'stats.drill': op<typeof schemas.statsDrill, OfficialDrill>({ input: schemas.statsDrill, auth: 'user', action: 'case.read', doc: '统计数字明细' }),
  /** The official table (and comparison) as an XLSX workbook. */
  'stats.export': op<typeof schemas.statsPeriod, ExportFile>({ input: schemas.statsPeriod, auth: 'user', action: 'case.read', doc: '导出统计报表', async: true }),
  /** The records one indicator figure counts (consultations, mediations, wage arrears, legal aid, satisfaction). */
  'stats.indicatorDrill': op<typeof schemas.indicatorDrill, IndicatorDrillView>({ input: schemas.indicatorDrill, auth: 'user', action: 'case.read', doc: '工作指标明细' }),
  /** The 月报 / 年报 (or any period's report) as PDF through the document engine: table, comparison, indicators, charts. */
  'stats.pdf': op<typeof schemas.statsPeriod, DocumentFile>({ input: schemas.statsPeriod, auth: 'user', action: 'case.read', doc: '导出统计报告（PDF）', async: true }),
  /** Records the satisfaction survey of a closed case (at closing) or of a consultation; once per case or consultation. */
  'satisfaction.record': op<typeof schemas.satisfactionRecord, { id: string }>({ input: schemas.satisfactionRecord, auth: 'user', action: 'case.read', doc: '满意度评价' }),
  /** The ledger import template (XLSX). */
  'ledger.template': op<typeof schemas.empty, ExportFile>({ input: schemas.empty, auth: 'user', action: 'case.read', doc: '下载台账导入模板', async: true }),
  /** Checks and (unless dryRun) imports a history ledger, all or nothing. */
  'ledger.import': op<typeof schemas.ledgerImport, LedgerImportReport>({ input: schemas.ledgerImport, auth: 'user', action: 'case.manage', doc: '台账导入', async: true }),
  // ---- issue 15 items 4, 6, 7 (branch stats-b): every list to XLSX, the lists across cases, the party's survey screen
  /** Consultations between two days with the queue's window and search, to XLSX (ID numbers masked). */
  'consultations.export': op<typeof schemas.consultationExport, ExportFile>({ input: schemas.consultationExport, auth: 'user', action: 'aid.read', doc: '导出咨询登记', async: true }),
  /** Mediations (before and within arbitration) received in a period, filtered by stage, outcome and search. */
  'mediations.list': op<typeof schemas.mediationList, MediationListPage>({ input: schemas.mediationList, auth: 'user', action: 'case.read', doc: '调解列表' }),
  'mediations.export': op<typeof schemas.mediationExport, ExportFile>({ input: schemas.mediationExport, auth: 'user', action: 'case.read', doc: '导出调解列表', async: true }),
  /** The hearing schedule of a date range (and venue) to XLSX. */
  'hearings.export': op<typeof schemas.hearingList, ExportFile>({ input: schemas.hearingList, auth: 'user', action: 'case.read', doc: '导出开庭排期', async: true }),
  /** The document register across cases: every issued version in a period, filtered by kind and search. */
  'documents.register': op<typeof schemas.registerList, RegisterPage>({ input: schemas.registerList, auth: 'user', action: 'case.read', doc: '文书登记簿' }),
  'documents.exportRegister': op<typeof schemas.registerExport, ExportFile>({ input: schemas.registerExport, auth: 'user', action: 'case.read', doc: '导出文书登记簿', async: true }),
  /** Opens the party's survey screen for a closed case or a consultation: a one-time link bound to the record, expiring. */
  'survey.open': op<typeof schemas.surveyOpen, SurveyLink>({ input: schemas.surveyOpen, auth: 'user', action: 'case.read', doc: '请当事人评价' }),
  /** What the survey screen shows for its link (no login: the link is the permission). */
  'survey.get': op<typeof schemas.surveyToken, SurveyScreen>({ input: schemas.surveyToken, auth: 'public', doc: '满意度评价页面' }),
  /** The party's answer through the link; recorded by satisfaction.record's rule; the link is then spent. */
  'survey.submit': op<typeof schemas.surveySubmit, { recorded: true }>({ input: schemas.surveySubmit, auth: 'public', doc: '提交满意度评价' }),
  // ---- collective cases (issue 16 item 6)
  /** One page of a collective case's roster (ID numbers masked), its representatives and the result totals. */
  'collective.roster': op<typeof schemas.rosterGet, CollectiveRosterView>({ input: schemas.rosterGet, auth: 'user', action: 'case.read', doc: '劳动者名册' }),
  /** Reads and checks a roster file (XLSX) row by row; writes nothing. */
  'collective.parseRoster': op<typeof schemas.rosterParse, RosterCheck>({ input: schemas.rosterParse, auth: 'user', action: 'case.manage', doc: '检查劳动者名册', async: true }),
  /** Imports the checked roster, all rows or none; replaces an earlier roster while no award or 调解书 carries it. */
  'collective.importRoster': op<typeof schemas.rosterImport, CollectiveRosterView>({ input: schemas.rosterImport, auth: 'user', action: 'case.manage', doc: '导入劳动者名册' }),
  /** The roster template (XLSX). */
  'collective.template': op<typeof schemas.rosterTemplate, ExportFile>({ input: schemas.rosterTemplate, auth: 'user', action: 'case.read', doc: '名册模板', async: true }),
  /** The 3 to 5 elected representatives and their authorisation (Rules Art 63). */
  'collective.representatives': op<typeof schemas.representatives, CollectiveRosterView>({ input: schemas.representatives, auth: 'user', action: 'case.manage', doc: '登记推举的代表' }),
  /** Per-worker results for the award or a mediation agreement (the annex of the document). */
  'collective.results': op<typeof schemas.workerResults, CollectiveRosterView>({ input: schemas.workerResults, auth: 'user', action: 'case.decide', doc: '逐人处理结果' }),
  'collective.workerClaims': op<typeof schemas.workerClaims, WorkerClaimsView>({ input: schemas.workerClaims, auth: 'user', action: 'case.read', doc: '劳动者的请求事项' }),
  'collective.editClaims': op<typeof schemas.workerClaimsEdit, WorkerClaimsView>({ input: schemas.workerClaimsEdit, auth: 'user', action: 'case.manage', doc: '修改劳动者的请求事项' }),
  // issue 16: employer register and supervision
  'employers.list': op<typeof supervisionSchemas.employerList, EmployerListPage>({ input: supervisionSchemas.employerList, auth: 'user', action: 'employer.read', doc: '用人单位名册' }),
  'employers.get': op<typeof supervisionSchemas.employerId, EmployerView>({ input: supervisionSchemas.employerId, auth: 'user', action: 'employer.read', doc: '用人单位详情' }),
  'employers.update': op<typeof supervisionSchemas.employerEdit, EmployerView>({ input: supervisionSchemas.employerEdit, auth: 'user', action: 'employer.manage', doc: '修改用人单位信息' }),
  'employers.addAlias': op<typeof supervisionSchemas.employerAlias, EmployerView>({ input: supervisionSchemas.employerAlias, auth: 'user', action: 'employer.manage', doc: '添加单位简称' }),
  'employers.removeAlias': op<typeof supervisionSchemas.employerAlias, EmployerView>({ input: supervisionSchemas.employerAlias, auth: 'user', action: 'employer.manage', doc: '删除单位简称' }),
  'employers.merge': op<typeof supervisionSchemas.employerMerge, EmployerView>({ input: supervisionSchemas.employerMerge, auth: 'user', action: 'employer.merge', doc: '合并重复单位' }),
  'employers.towns': op<typeof supervisionSchemas.empty, string[]>({ input: supervisionSchemas.empty, auth: 'user', action: 'employer.read', doc: '镇（街道）名单' }),
  'supervision.rules': op<typeof supervisionSchemas.supervisionRules, DatedSettingView[]>({ input: supervisionSchemas.supervisionRules, auth: 'user', action: 'employer.read', doc: '分级、预警和失信名单规则' }),
  'supervision.setRule': op<typeof supervisionSchemas.supervisionSetRule, DatedSettingView[]>({ input: supervisionSchemas.supervisionSetRule, auth: 'user', action: 'settings.manage', doc: '修改分级、预警或失信名单规则' }),
  'supervision.dashboard': op<typeof supervisionSchemas.empty, SupervisionDashboard>({ input: supervisionSchemas.empty, auth: 'user', action: 'employer.read', doc: '欠薪预警与逾期整改' }),
  'grades.recompute': op<typeof supervisionSchemas.gradesRecompute, { reviewed: number }>({ input: supervisionSchemas.gradesRecompute, auth: 'user', action: 'employer.manage', doc: '重新计算企业分级' }),
  'grades.override': op<typeof supervisionSchemas.gradeOverride, EmployerView>({ input: supervisionSchemas.gradeOverride, auth: 'user', action: 'employer.supervise', doc: '人工调整企业分级' }),
  'grades.visitsDue': op<typeof supervisionSchemas.visitsDue, VisitDueItem[]>({ input: supervisionSchemas.visitsDue, auth: 'user', action: 'employer.read', doc: '应巡查企业' }),
  'inspections.create': op<typeof supervisionSchemas.inspectionCreate, EmployerView>({ input: supervisionSchemas.inspectionCreate, auth: 'user', action: 'employer.manage', doc: '登记巡查' }),
  'inspections.confirm': op<typeof supervisionSchemas.inspectionConfirm, EmployerView>({ input: supervisionSchemas.inspectionConfirm, auth: 'user', action: 'employer.manage', doc: '确认整改' }),
  'inspections.figures': op<typeof supervisionSchemas.inspectionFigures, InspectionFigures>({ input: supervisionSchemas.inspectionFigures, auth: 'user', action: 'employer.read', doc: '巡查统计' }),
  'warnings.list': op<typeof supervisionSchemas.warningList, WarningView[]>({ input: supervisionSchemas.warningList, auth: 'user', action: 'employer.read', doc: '欠薪预警列表' }),
  'warnings.assign': op<typeof supervisionSchemas.warningAssign, WarningView>({ input: supervisionSchemas.warningAssign, auth: 'user', action: 'employer.manage', doc: '交办预警' }),
  'warnings.note': op<typeof supervisionSchemas.warningNote, WarningView>({ input: supervisionSchemas.warningNote, auth: 'user', action: 'employer.manage', doc: '预警跟进记录' }),
  'warnings.close': op<typeof supervisionSchemas.warningClose, WarningView>({ input: supervisionSchemas.warningClose, auth: 'user', action: 'employer.manage', doc: '办结预警' }),
  'bulletins.issue': op<typeof supervisionSchemas.bulletinIssue, BulletinView>({ input: supervisionSchemas.bulletinIssue, auth: 'user', action: 'employer.supervise', doc: '发布欠薪预警信息' }),
  'bulletins.list': op<typeof supervisionSchemas.empty, BulletinView[]>({ input: supervisionSchemas.empty, auth: 'user', action: 'employer.read', doc: '欠薪预警信息列表' }),
  'bulletins.get': op<typeof supervisionSchemas.employerId, BulletinView>({ input: supervisionSchemas.employerId, auth: 'user', action: 'employer.read', doc: '欠薪预警信息' }),
  'bulletins.document': op<typeof supervisionSchemas.bulletinDocument, DocumentFile>({ input: supervisionSchemas.bulletinDocument, auth: 'user', action: 'employer.read', doc: '打印欠薪预警信息', async: true }),
  'blacklist.notice': op<typeof supervisionSchemas.blacklistNotice, BlacklistEntryView>({ input: supervisionSchemas.blacklistNotice, auth: 'user', action: 'employer.supervise', doc: '失信名单事先告知' }),
  'blacklist.decide': op<typeof supervisionSchemas.blacklistDecide, BlacklistEntryView>({ input: supervisionSchemas.blacklistDecide, auth: 'user', action: 'employer.supervise', doc: '失信名单列入决定' }),
  'blacklist.publish': op<typeof supervisionSchemas.blacklistPublish, BlacklistEntryView>({ input: supervisionSchemas.blacklistPublish, auth: 'user', action: 'employer.supervise', doc: '公布失信名单' }),
  'blacklist.remove': op<typeof supervisionSchemas.blacklistRemove, BlacklistEntryView>({ input: supervisionSchemas.blacklistRemove, auth: 'user', action: 'employer.supervise', doc: '移出失信名单' }),
  'blacklist.list': op<typeof supervisionSchemas.blacklistList, BlacklistEntryView[]>({ input: supervisionSchemas.blacklistList, auth: 'user', action: 'employer.read', doc: '失信名单' }),
  'blacklist.export': op<typeof supervisionSchemas.empty, ExportFile>({ input: supervisionSchemas.empty, auth: 'user', action: 'employer.read', doc: '导出失信名单', async: true }),
  'employers.lookup': op<typeof supervisionSchemas.employerLookup, EmployerSummary | null>({ input: supervisionSchemas.employerLookup, auth: 'user', action: 'employer.read', doc: '案件或咨询的用人单位' }),
  'blacklist.document': op<typeof supervisionSchemas.blacklistDocument, DocumentFile>({ input: supervisionSchemas.blacklistDocument, auth: 'user', action: 'employer.read', doc: '失信名单文书', async: true }),
  // issue 16: performance of awards and 调解书 (the grade signal "not paid")
  'performance.get': op<typeof supervisionSchemas.performanceGet, PerformanceView>({ input: supervisionSchemas.performanceGet, auth: 'user', action: 'case.read', doc: '裁决书、调解书履行情况' }),
  'performance.record': op<typeof supervisionSchemas.performanceRecord, PerformanceView>({ input: supervisionSchemas.performanceRecord, auth: 'user', action: 'case.manage', doc: '登记履行情况' }),
  // issue 12 item 2: need-to-know personal data
  /** 显示完整: the full ID number or phone of one party or consultation, with a reason; writes a read-log entry. */
  'personal.reveal': op<typeof schemas.personalReveal, RevealedValue>({ input: schemas.personalReveal, auth: 'user', action: 'personal.reveal', doc: '显示当事人完整信息' }),
  /** The same for the person of a consultation, at the legal-aid desk. */
  'consultations.reveal': op<typeof schemas.consultationReveal, RevealedValue>({ input: schemas.consultationReveal, auth: 'user', action: 'aid.read', doc: '显示咨询人完整信息' }),
  /** The consultations past their retention period that may be erased (dates and kinds only). */
  'consultations.erasable': op<typeof schemas.empty, ErasableConsultation[]>({ input: schemas.empty, auth: 'user', action: 'privacy.manage', doc: '可删除个人信息的咨询登记' }),
  /** Erases the personal data of a consultation never turned into a case, after its retention period. */
  'consultations.erase': op<typeof schemas.consultationErase, ConsultationErasureView>({ input: schemas.consultationErase, auth: 'user', action: 'privacy.manage', doc: '删除咨询登记的个人信息' }),
  /** Everything held about one person (by ID number) as a JSON file: a 个人信息保护法 access request. Logged without the ID number. */
  'personal.export': op<typeof schemas.personalExport, ExportFile>({ input: schemas.personalExport, auth: 'user', action: 'privacy.manage', doc: '个人信息查询复制' }),
  /** The read log of 显示完整, for the administrator (filter by user and date). */
  'personal.readLog': op<typeof schemas.personalReadLog, PersonalReadPage>({ input: schemas.personalReadLog, auth: 'user', action: 'privacy.manage', doc: '个人信息查阅记录' }),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type OperationOutput<N extends OperationName> = Exclude<Operations[N]['output'], undefined>;

/** A schema failure as the envelope's field issues ("applicants.0.name"). */
export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * The operation's schema issues for an input, without calling it: the renderer checks a whole form with the same
 * rules and messages as the dispatcher before saving, so every error shows in one round.
 */
export function inputIssues<N extends OperationName>(name: N, input: unknown): FieldIssue[] {
  const r = operations[name].input.safeParse(input);
  return r.success ? [] : zodIssues(r.error);
}

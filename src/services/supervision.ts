import { AppError, operations } from '../api';
import type {
  BlacklistEntryView, BulletinView, DatedSettingView, EmployerListPage, EmployerSummary, EmployerTimelineItem, EmployerView, FindingView, GradeChangeView,
  GradeCode, InspectionFigures, InspectionView, SupervisionDashboard, VisitDueItem, WarningView,
} from '../api/supervision-views';
import {
  type ArrearsEvent, type BlacklistRules, type DatedValue, type EmployerSignals, type Grade, type GradeRules, type SupervisionSettingKey, type WarningRule,
  type WarningRules, CLAIM_TYPE_INFO, GRADE_LABELS, SUPERVISION_DEFAULTS, WARNING_RULE_LABELS, addDays, computeGrade, earlyRemovalFrom, evaluateWarnings,
  fenToYuanText, gradeAbove, inForce, listingEnd, nextVisitDue, shanghaiDate, unpaidInstruments, yearOf,
} from '../domain';
import type { Db } from '../db/open';
import {
  type EmployerEditable, countEmployerList, deleteAlias, insertAlias, insertEmployerMerge, selectAliases, selectCasesOfEmployer, selectConsultationsOfEmployer,
  selectEmployer, selectEmployerByCreditCode, selectEmployerList, selectEmployerOfCase, selectMediationsOfEmployer, selectMergesOf, selectSurvivorId, setEmployerMerged, updateEmployer,
} from '../db/queries/employers';
import type { BlacklistEntryRow, EmployerRow } from '../db/queries/rows';
import {
  type BlacklistListRow, type WarningListRow, insertBlacklistEntry, insertBlacklistStep, insertBulletin, insertDatedSetting, insertFinding, insertGrade, insertInspection,
  insertWarning, insertWarningNote, nextBulletinSeq, selectActiveBlacklistEntry, selectBlacklist, selectBlacklistEntry, selectBlacklistOf, selectBlacklistSteps,
  selectBulletin, selectBulletins, selectCaseSignals, selectConsultationSignals, selectDatedSettings, selectFinding, selectFindingCounts, selectFindingsOfInspection,
  selectGrades, selectInspectionFigures, selectInspectionsOf, selectLatestGrade, selectOverdueFindings, selectSurvivorIds, selectUnclosedWarning, selectVisitStates,
  selectWarning, selectWarningNotes, selectWarnings, selectWarningsById, selectWarningsOf, setFindingRectified, setWarningAssignee, setWarningBulletin,
  setWarningClosed, updateBlacklistEntry, updateWarningSignals,
} from '../db/queries/supervision';
import { selectUser } from '../db/queries/users';
import { selectConsultation } from '../db/queries/consultations';
import { gradeReviewDone, insertGradeReviewDay, selectEmployerOfConsultation, selectPerformanceOfEmployer, selectSignalChanges } from '../db/queries/performance';
import { type ServiceContext, type WriteScope, actor, audit, newId, nowIso } from './context';
import { invalid } from './errors';
import { checkDate } from './guards';

/**
 * Employer supervision (issue 16 items 1–5): the register's page, grades with reasons, early warnings and their
 * bulletins, inspections and orders to rectify, and the 欠薪失信名单. Rules are dated settings (src/domain/supervision.ts).
 */

const today = (ctx: ServiceContext) => shanghaiDate(ctx.now());
const SECTOR_LABELS = { construction: '建设领域', other: '非建领域' } as const;

// ---------------------------------------------------------------- dated settings

export function datedSetting<T>(db: Db, key: SupervisionSettingKey, date: string): DatedValue<T> {
  const stored = selectDatedSettings(db, key).map((r) => ({ validFrom: r.valid_from, value: JSON.parse(r.value) as T, basis: r.basis }));
  return inForce([SUPERVISION_DEFAULTS[key] as DatedValue<T>, ...stored], date);
}

export function listSupervisionSettings(ctx: ServiceContext, input: { date?: string }): DatedSettingView[] {
  const date = input.date ?? today(ctx);
  return (Object.keys(SUPERVISION_DEFAULTS) as SupervisionSettingKey[]).flatMap((key) => {
    const stored = selectDatedSettings(ctx.db, key);
    const current = datedSetting(ctx.db, key, date);
    return [
      { key, validFrom: SUPERVISION_DEFAULTS[key].validFrom, basis: SUPERVISION_DEFAULTS[key].basis, value: SUPERVISION_DEFAULTS[key].value, stored: false, current: current.validFrom === SUPERVISION_DEFAULTS[key].validFrom && !stored.some((s) => s.valid_from === current.validFrom) },
      ...stored.map((s) => ({ key, validFrom: s.valid_from, basis: s.basis, value: JSON.parse(s.value), stored: true, current: s.valid_from === current.validFrom })),
    ];
  });
}

/** A new version of a rule from a date on (the earlier versions stay and still apply before it). */
export function setSupervisionSetting(ctx: ServiceContext, input: { key: SupervisionSettingKey; validFrom: string; basis: string; value: unknown }): DatedSettingView[] {
  if (selectDatedSettings(ctx.db, input.key).some((s) => s.valid_from === input.validFrom)) invalid('validFrom', `该规则已有自${input.validFrom}起施行的版本；请选择另一个施行日期`);
  insertDatedSetting(ctx.db, { id: newId(), key: input.key, valid_from: input.validFrom, value: JSON.stringify(input.value), basis: input.basis, created_at: nowIso(ctx), created_by: actor(ctx).id });
  audit(ctx, 'supervision.setRule', null, { key: input.key, validFrom: input.validFrom });
  return listSupervisionSettings(ctx, {});
}

export function towns(ctx: ServiceContext): string[] {
  return datedSetting<string[]>(ctx.db, 'supervision.towns', today(ctx)).value;
}

// ---------------------------------------------------------------- register

function requireEmployer(db: Db, id: string): EmployerRow {
  const e = selectEmployer(db, id);
  if (!e) throw new AppError('NOT_FOUND', '用人单位不存在');
  return e;
}

function survivorOf(db: Db, id: string): EmployerRow {
  requireEmployer(db, id);
  return requireEmployer(db, selectSurvivorId(db, id) ?? id);
}

const gradeCode = (g: string | null | undefined): GradeCode | null => (g === 'general' || g === 'key' || g === 'hazard' ? g : null);

export function listEmployers(ctx: ServiceContext, input: { query?: string; page?: number; pageSize?: number }): EmployerListPage {
  const like = input.query?.trim() ? `%${input.query.trim().replace(/[%_]/g, '')}%` : null;
  const size = input.pageSize ?? 50;
  const page = input.page ?? 1;
  const rows = selectEmployerList(ctx.db, like, size, (page - 1) * size);
  return {
    total: countEmployerList(ctx.db, like),
    rows: rows.map((r): EmployerSummary => ({
      id: r.id, name: r.name, creditCode: r.credit_code, sector: r.sector, sectorLabel: r.sector ? SECTOR_LABELS[r.sector] : '未分类', industry: r.industry, town: r.town,
      cases: r.cases, consultations: r.consultations, grade: gradeCode(r.grade), gradeLabel: gradeCode(r.grade) ? GRADE_LABELS[gradeCode(r.grade)!] : '未评级', listed: r.listed === 1,
    })),
  };
}

const STATUS_LABELS = { draft: '未受理（草稿）', accepted: '已受理', not_accepted: '不予受理', discarded: '已删除' } as Record<string, string>;
const MEDIATION_OUTCOMES = { pending: '调解中', success: '调解成功', failure: '调解不成', withdrawn: '撤回' } as Record<string, string>;
const WARNING_STATUS = { open: '待处理', assigned: '已交办', closed: '已办结' } as const;
const BLACKLIST_STATUS = { noticed: '已告知，待决定', listed: '列入名单', removed: '已移出', dropped: '决定不列入' } as const;
const BLACKLIST_STEPS: Record<string, string> = { notice: '事先告知', decision: '列入决定', dropped: '决定不列入', publication: '公布', removal: '移出名单' };

function warningView(db: Db, w: WarningListRow): WarningView {
  return {
    id: w.id, employerId: w.survivor, employerName: w.employer_name, rule: w.rule, ruleLabel: WARNING_RULE_LABELS[w.rule as WarningRule] ?? w.rule,
    raisedDate: w.raised_date, signals: JSON.parse(w.signals) as string[], status: w.status, statusLabel: WARNING_STATUS[w.status], assigneeName: w.assignee_name,
    outcome: w.outcome, closedDate: w.closed_date, bulletin: w.bulletin_year ? bulletinTitle(w.bulletin_year, w.bulletin_seq!) : null,
    notes: selectWarningNotes(db, w.id).map((n) => ({ kind: n.kind, note: n.note, at: n.created_at, byName: n.by_name })),
  };
}

function blacklistView(db: Db, b: BlacklistListRow): BlacklistEntryView {
  return {
    id: b.id, employerId: b.survivor, employerName: b.employer_name, creditCode: b.credit_code, status: b.status, statusLabel: BLACKLIST_STATUS[b.status], grounds: b.grounds,
    arrearsFen: b.arrears_fen, workers: b.workers, responsiblePersons: b.responsible_persons, noticeDate: b.notice_date, statementDeadline: b.statement_deadline,
    decisionDate: b.decision_date, publicationDate: b.publication_date, periodEnd: b.period_end, removalDate: b.removal_date, removalReason: b.removal_reason,
    steps: selectBlacklistSteps(db, b.id).map((s) => ({ step: s.step, stepLabel: BLACKLIST_STEPS[s.step] ?? s.step, date: s.step_date, note: s.note })),
  };
}

function inspectionViews(db: Db, survivorId: string, day: string): InspectionView[] {
  return selectInspectionsOf(db, survivorId).map((i) => ({
    id: i.id, employerId: survivorId, visitDate: i.visit_date, inspectors: i.inspectors, summary: i.summary,
    findings: selectFindingsOfInspection(db, i.id).map((f): FindingView => ({
      id: f.id, description: f.description, orderDate: f.order_date, deadline: f.deadline, rectifiedDate: f.rectified_date, rectifiedNote: f.rectified_note,
      overdue: !!f.order_date && !f.rectified_date && !!f.deadline && f.deadline < day,
    })),
  }));
}

export function getEmployer(ctx: ServiceContext, id: string): EmployerView {
  const e = survivorOf(ctx.db, id);
  const day = today(ctx);
  const grades = selectGrades(ctx.db, e.id);
  const latest = grades[grades.length - 1];
  const gradeHistory = grades.map((g): GradeChangeView => ({
    grade: g.grade, gradeLabel: GRADE_LABELS[g.grade], source: g.source, reasons: JSON.parse(g.reasons) as string[], overrideReason: g.override_reason, decidedDate: g.decided_date, byName: g.by_name,
  }));
  const cases = selectCasesOfEmployer(ctx.db, e.id);
  const consultations = selectConsultationsOfEmployer(ctx.db, e.id);
  const mediations = selectMediationsOfEmployer(ctx.db, e.id);
  const inspections = inspectionViews(ctx.db, e.id, day);
  const warnings = selectWarningsOf(ctx.db, e.id).map((w) => warningView(ctx.db, w));
  const blacklist = selectBlacklistOf(ctx.db, e.id).map((b) => blacklistView(ctx.db, b));
  const merges = selectMergesOf(ctx.db, e.id);
  const timeline: EmployerTimelineItem[] = [
    ...cases.map((c) => ({ date: c.received_date, kind: 'case' as const, kindLabel: '仲裁案件', text: `${c.case_number ?? '仲裁申请'}（${STATUS_LABELS[c.status] ?? c.status}${c.collective ? `，集体争议${c.worker_count ?? ''}人` : ''}）`, link: `cases/${c.id}` })),
    ...consultations.map((c) => ({
      date: shanghaiDate(new Date(c.arrived_at)), kind: 'consultation' as const, kindLabel: '咨询',
      text: `${c.person_name}咨询${CLAIM_TYPE_INFO[c.dispute_type as keyof typeof CLAIM_TYPE_INFO]?.label ?? c.dispute_type}${c.worker_count > 1 ? `（${c.worker_count}人）` : ''}`, link: `aid/consultations/${c.id}`,
    })),
    ...mediations.map((m) => ({ date: m.received_date, kind: 'mediation' as const, kindLabel: '调解', text: `${m.organisation}：${m.applicant_name ?? ''}（${MEDIATION_OUTCOMES[m.outcome] ?? m.outcome}）`, link: null })),
    ...inspections.flatMap((i) => [
      { date: i.visitDate, kind: 'inspection' as const, kindLabel: '巡查', text: `${i.inspectors}：${i.summary}（发现隐患${i.findings.length}项）`, link: null },
      ...i.findings.flatMap((f) => [
        ...(f.orderDate ? [{ date: f.orderDate, kind: 'finding' as const, kindLabel: '责令整改', text: `${f.description}（整改期限${f.deadline ?? '未定'}）`, link: null }] : []),
        ...(f.rectifiedDate ? [{ date: f.rectifiedDate, kind: 'finding' as const, kindLabel: '整改确认', text: `${f.description}：${f.rectifiedNote ?? ''}`, link: null }] : []),
      ]),
    ]),
    ...warnings.flatMap((w) => [
      { date: w.raisedDate, kind: 'warning' as const, kindLabel: '欠薪预警', text: `${w.ruleLabel}：${w.signals.join('；')}`, link: null },
      ...(w.closedDate ? [{ date: w.closedDate, kind: 'warning' as const, kindLabel: '预警办结', text: w.outcome ?? '', link: null }] : []),
    ]),
    ...gradeHistory.map((g) => ({ date: g.decidedDate, kind: 'grade' as const, kindLabel: '分级', text: `${g.gradeLabel}${g.source === 'override' ? `（人工调整：${g.overrideReason}）` : ''}：${g.reasons.filter((r) => !r.startsWith('依据')).join('；')}`, link: null })),
    ...blacklist.flatMap((b) => b.steps.map((s) => ({ date: s.date, kind: 'blacklist' as const, kindLabel: '失信名单', text: `${s.stepLabel}${s.note ? `：${s.note}` : ''}`, link: null }))),
    ...merges.map((m) => ({ date: shanghaiDate(new Date(m.created_at)), kind: 'merge' as const, kindLabel: '合并', text: `${m.from_name} 并入 ${m.into_name}：${m.reason}`, link: null })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const rules = datedSetting<GradeRules>(ctx.db, 'supervision.gradeRules', day).value;
  const lastVisit = inspections.length ? inspections[inspections.length - 1]!.visitDate : null;
  const grade = latest?.grade ?? null;
  return {
    id: e.id, name: e.name, creditCode: e.credit_code, sector: e.sector, sectorLabel: e.sector ? SECTOR_LABELS[e.sector] : '未分类', industry: e.industry, town: e.town,
    size: e.size, contactName: e.contact_name, contactPhone: e.contact_phone, address: e.address,
    cases: cases.length, consultations: consultations.length, grade, gradeLabel: grade ? GRADE_LABELS[grade] : '未评级',
    listed: blacklist.some((b) => b.status === 'listed'), aliases: selectAliases(ctx.db, e.id).map((a) => a.alias), mergedInto: e.merged_into,
    mergedFrom: merges.filter((m) => m.into_id === e.id).map((m) => ({ id: m.from_id, name: m.from_name, date: shanghaiDate(new Date(m.created_at)), reason: m.reason, byName: m.by_name })),
    gradeReasons: latest ? (JSON.parse(latest.reasons) as string[]) : [], gradeHistory, lastVisit, nextVisitDue: grade ? nextVisitDue(grade, lastVisit, rules, day) : null,
    timeline, inspections, warnings, blacklist,
  };
}

export function editEmployer(ctx: ServiceContext, input: { id: string; name: string; creditCode?: string; sector?: 'construction' | 'other' | null; industry?: string; town?: string; size?: string; contactName?: string; contactPhone?: string; address?: string }): EmployerView {
  const e = requireEmployer(ctx.db, input.id);
  if (e.merged_into) throw new AppError('INVALID_STATE', '该单位已并入其他单位，请在合并后的单位中修改');
  const code = input.creditCode?.trim() || null;
  if (code && code !== e.credit_code) {
    const other = selectEmployerByCreditCode(ctx.db, code);
    if (other) invalid('creditCode', `统一社会信用代码已登记在“${other.name}”名下；如为同一单位，请由系统管理员合并`);
  }
  if (input.town && !towns(ctx).includes(input.town)) invalid('town', `“${input.town}”不在本区镇（街道）名单中`);
  const f: EmployerEditable = {
    name: input.name, credit_code: code, sector: input.sector ?? null, industry: input.industry?.trim() || null, town: input.town || null, size: input.size?.trim() || null,
    contact_name: input.contactName?.trim() || null, contact_phone: input.contactPhone?.trim() || null, address: input.address?.trim() || null,
  };
  if (e.name !== input.name) insertAlias(ctx.db, e.id, e.name, nowIso(ctx)); // the former name still finds the record
  updateEmployer(ctx.db, e.id, f, nowIso(ctx), actor(ctx).id);
  audit(ctx, 'employers.update', e.id, { fields: Object.keys(f) });
  reviewEmployer(ctx, e.id);
  return getEmployer(ctx, e.id);
}

export function addEmployerAlias(ctx: ServiceContext, input: { id: string; alias: string }): EmployerView {
  const e = survivorOf(ctx.db, input.id);
  if (input.alias === e.name) invalid('alias', '简称与单位名称相同');
  insertAlias(ctx.db, e.id, input.alias, nowIso(ctx));
  return getEmployer(ctx, e.id);
}

export function removeEmployerAlias(ctx: ServiceContext, input: { id: string; alias: string }): EmployerView {
  const e = survivorOf(ctx.db, input.id);
  if (!deleteAlias(ctx.db, e.id, input.alias)) invalid('alias', '该单位没有这个简称');
  return getEmployer(ctx, e.id);
}

/** Merges a duplicate into the surviving record: nothing is deleted; links resolve through merged_into; the merge is kept. */
export function mergeEmployers(ctx: ServiceContext, input: { fromId: string; intoId: string; reason: string }): EmployerView {
  const from = requireEmployer(ctx.db, input.fromId);
  const into = requireEmployer(ctx.db, input.intoId);
  if (from.id === into.id) invalid('intoId', '不能把单位并入它自己');
  if (from.merged_into) invalid('fromId', '该单位已经并入其他单位');
  if (into.merged_into) invalid('intoId', '合并目标已并入其他单位，请选择合并后的单位');
  if (from.credit_code && into.credit_code && from.credit_code !== into.credit_code) invalid('intoId', '两个单位的统一社会信用代码不同，不是同一单位，不能合并');
  const at = nowIso(ctx);
  setEmployerMerged(ctx.db, from.id, into.id, at, actor(ctx).id);
  insertEmployerMerge(ctx.db, { id: newId(), from_id: from.id, into_id: into.id, reason: input.reason, created_at: at, created_by: actor(ctx).id });
  if (from.name !== into.name) insertAlias(ctx.db, into.id, from.name, at);
  for (const a of selectAliases(ctx.db, from.id)) if (a.alias !== into.name) insertAlias(ctx.db, into.id, a.alias, at);
  audit(ctx, 'employers.merge', into.id, { from: from.id, into: into.id });
  reviewEmployer(ctx, into.id);
  return getEmployer(ctx, into.id);
}

// ---------------------------------------------------------------- signals, grades and warnings

function arrearsOfConsultation(c: { dispute_type: string; claims: string }): { wage: boolean; fen: number } {
  const claims = JSON.parse(c.claims) as { type: string; amountFen: number | null }[];
  const wageClaims = claims.filter((k) => k.type === 'wages' || k.type === 'overtime');
  return { wage: c.dispute_type === 'wages' || c.dispute_type === 'overtime' || wageClaims.length > 0, fen: wageClaims.reduce((n, k) => n + (k.amountFen ?? 0), 0) };
}

/** The employer's signals in the window ending on `day`, and its wage-arrears claims as events (a case started from a consultation counts once). */
export function employerSignals(db: Db, survivorId: string, day: string, windowDays: number): { signals: EmployerSignals; events: ArrearsEvent[] } {
  const from = addDays(day, -(windowDays - 1));
  const consultations = selectConsultationSignals(db, survivorId, from, day);
  const cases = selectCaseSignals(db, survivorId, from, day);
  const fromConsultation = new Set(cases.map((c) => c.consultation_id).filter(Boolean));
  const events: ArrearsEvent[] = [];
  for (const c of consultations) {
    const a = arrearsOfConsultation(c);
    if (a.wage && !fromConsultation.has(c.id)) events.push({ date: c.day, workers: c.worker_count, fen: a.fen, collective: c.collective === 1, source: '咨询' });
  }
  for (const k of cases) {
    if (k.wage_claims > 0) events.push({ date: k.day, workers: k.worker_count ?? Math.max(1, k.applicants), fen: k.wage_fen, collective: k.collective === 1, source: '仲裁申请' });
  }
  events.sort((a, b) => a.date.localeCompare(b.date));
  const findings = selectFindingCounts(db, survivorId, day);
  const performance = selectPerformanceOfEmployer(db, survivorId).map((r) => ({ caseId: r.case_id, dueDate: r.due_date, status: r.status, asOf: r.as_of, enforcementDate: r.enforcement_date }));
  return {
    events,
    signals: {
      cases: cases.length, consultations: consultations.filter((c) => !fromConsultation.has(c.id)).length, arrearsClaims: events.length,
      arrearsWorkers: events.reduce((n, e) => n + e.workers, 0), arrearsFen: events.reduce((n, e) => n + e.fen, 0),
      collective: events.filter((e) => e.collective || e.workers >= 10).length, unpaid: unpaidInstruments(performance, day).length, openFindings: findings.open, overdueFindings: findings.overdue,
    },
  };
}

/**
 * Recomputes the employer's grade and raises the warnings its rules call for, on today's date, inside the caller's
 * transaction. A grade row is written only when the grade changes. A supervisor's override stands until the rules
 * give a higher grade (a risk is never hidden by an earlier override) or the supervisor changes it.
 */
export function reviewEmployer(ctx: ServiceContext, employerId: string): void {
  const id = selectSurvivorId(ctx.db, employerId) ?? employerId;
  if (ctx.scope) reviewedIn(ctx.scope).add(id);
  const e = requireEmployer(ctx.db, id);
  const day = today(ctx);
  const gradeRule = datedSetting<GradeRules>(ctx.db, 'supervision.gradeRules', day);
  const warningRule = datedSetting<WarningRules>(ctx.db, 'supervision.warningRules', day);
  const { signals } = employerSignals(ctx.db, id, day, gradeRule.value.windowDays);
  const result = computeGrade(signals, gradeRule);
  const latest = selectLatestGrade(ctx.db, id);
  const changed = !latest || (latest.source === 'override' ? gradeAbove(result.grade, latest.grade) : latest.grade !== result.grade || JSON.stringify(withoutCause(latest.reasons)) !== JSON.stringify(result.reasons));
  if (changed) {
    insertGrade(ctx.db, {
      id: newId(), employer_id: id, grade: result.grade, source: 'rule', reasons: JSON.stringify([...result.reasons, causeOf(ctx, day)]), rule_from: gradeRule.validFrom, override_reason: null,
      decided_date: day, created_at: nowIso(ctx), created_by: ctx.session.user?.id ?? null,
    });
  }
  const { events } = employerSignals(ctx.db, id, day, 120);
  for (const w of evaluateWarnings(events, e.sector, warningRule, day)) {
    const open = selectUnclosedWarning(ctx.db, id, w.rule);
    if (open) {
      if (open.signals !== JSON.stringify(w.signals)) updateWarningSignals(ctx.db, open.id, JSON.stringify(w.signals));
      continue;
    }
    insertWarning(ctx.db, {
      id: newId(), employer_id: id, rule: w.rule, raised_date: day, signals: JSON.stringify(w.signals), status: 'open', assignee_id: null, outcome: null, closed_date: null,
      bulletin_id: null, created_at: nowIso(ctx), created_by: ctx.session.user?.id ?? null,
    });
  }
}

/** The last entry of a rule grade's reasons: what made the desk review the employer (the operation, or the daily review). */
export const CAUSE_PREFIX = '变动原因：';
const DAILY_REVIEW = 'grades.dailyReview';
const causeOf = (ctx: ServiceContext, day: string): string => {
  const op = ctx.scope?.op ?? ctx.op;
  const doc = op === DAILY_REVIEW ? '每日自动复核' : op && op in operations ? operations[op as keyof typeof operations].doc : '重新计算';
  return `${CAUSE_PREFIX}${doc}（${day}）`;
};
const withoutCause = (reasons: string): string[] => (JSON.parse(reasons) as string[]).filter((r) => !r.startsWith(CAUSE_PREFIX));

// The employers already reviewed in the write in progress (refreshChangedGrades does not review them twice).
const reviewedByScope = new WeakMap<WriteScope, Set<string>>();
const reviewedIn = (scope: WriteScope): Set<string> => {
  let set = reviewedByScope.get(scope);
  if (!set) reviewedByScope.set(scope, (set = new Set()));
  return set;
};

/**
 * Keeps grades current inside the write transaction (writeTx calls it, like refreshChangedDeadlines): the employers of
 * the cases whose parties, claims, roster, closing or performance the write changed, and of the consultations it wrote,
 * are reviewed unless the operation already did. An employer a correction unlinked from a case is caught by the daily review.
 */
export function refreshChangedGrades(ctx: ServiceContext): void {
  if (!ctx.scope) return;
  const { caseIds, consultationIds } = selectSignalChanges(ctx.db);
  if (!caseIds.length && !consultationIds.length) return;
  const done = reviewedIn(ctx.scope);
  const ids = new Set<string>();
  for (const c of caseIds) { const e = selectEmployerOfCase(ctx.db, c); if (e) ids.add(selectSurvivorId(ctx.db, e) ?? e); }
  for (const c of consultationIds) { const e = selectEmployerOfConsultation(ctx.db, c); if (e) ids.add(selectSurvivorId(ctx.db, e) ?? e); }
  for (const id of ids) if (!done.has(id)) reviewEmployer(ctx, id);
}

/**
 * The daily review (issue 16): the first time the desk is used on a Beijing date, every employer is reviewed on that
 * date, so that a window moving on or a due date passing (not events) changes the grade; the date is recorded and the
 * review runs once a day. Called in its own write transaction (see runDailyGradeReview); returns null when already done.
 */
export function dailyGradeReview(ctx: ServiceContext): { day: string; reviewed: number } | null {
  const day = today(ctx);
  if (gradeReviewDone(ctx.db, day)) return null;
  const ids = selectSurvivorIds(ctx.db);
  for (const id of ids) reviewEmployer(ctx, id);
  insertGradeReviewDay(ctx.db, day, ids.length, nowIso(ctx));
  audit(ctx, DAILY_REVIEW, null, { day, reviewed: ids.length });
  return { day, reviewed: ids.length };
}
export { DAILY_REVIEW };

/** After a filing: reviews the employer of the case (its first respondent org). */
export function reviewEmployerOfCase(ctx: ServiceContext, employerId: string | null): void {
  if (employerId) reviewEmployer(ctx, employerId);
}

export function recomputeGrades(ctx: ServiceContext, input: { id?: string }): { reviewed: number } {
  const ids = input.id ? [survivorOf(ctx.db, input.id).id] : selectSurvivorIds(ctx.db);
  for (const id of ids) reviewEmployer(ctx, id);
  return { reviewed: ids.length };
}

export function overrideGrade(ctx: ServiceContext, input: { employerId: string; grade: Grade; reason: string }): EmployerView {
  const e = survivorOf(ctx.db, input.employerId);
  const latest = selectLatestGrade(ctx.db, e.id);
  if (latest?.grade === input.grade) invalid('grade', `该单位当前已是${GRADE_LABELS[input.grade]}`);
  insertGrade(ctx.db, {
    id: newId(), employer_id: e.id, grade: input.grade, source: 'override', reasons: JSON.stringify([`人工调整：${input.reason}`]), rule_from: null,
    override_reason: input.reason, decided_date: today(ctx), created_at: nowIso(ctx), created_by: actor(ctx).id,
  });
  audit(ctx, 'grades.override', e.id, { grade: input.grade });
  return getEmployer(ctx, e.id);
}

export function visitsDue(ctx: ServiceContext, input: { date?: string }): VisitDueItem[] {
  const day = input.date ?? today(ctx);
  const rules = datedSetting<GradeRules>(ctx.db, 'supervision.gradeRules', day).value;
  return selectVisitStates(ctx.db)
    .map((s) => {
      const grade = gradeCode(s.grade) ?? 'general';
      return { employerId: s.id, name: s.name, town: s.town, grade, gradeLabel: GRADE_LABELS[grade], lastVisit: s.last_visit, due: nextVisitDue(grade, s.last_visit, rules, day) };
    })
    .filter((v) => v.due <= day)
    .sort((a, b) => (gradeAbove(a.grade, b.grade) ? -1 : gradeAbove(b.grade, a.grade) ? 1 : a.due.localeCompare(b.due)));
}

// ---------------------------------------------------------------- warnings

export function listWarnings(ctx: ServiceContext, input: { status?: 'open' | 'assigned' | 'closed' | 'unclosed' }): WarningView[] {
  return selectWarnings(ctx.db, input.status ?? null).map((w) => warningView(ctx.db, w));
}

function requireWarning(db: Db, id: string) {
  const w = selectWarning(db, id);
  if (!w) throw new AppError('NOT_FOUND', '预警不存在');
  return w;
}

function oneWarning(ctx: ServiceContext, id: string): WarningView {
  return warningView(ctx.db, selectWarningsById(ctx.db, [id])[0]!);
}

export function assignWarning(ctx: ServiceContext, input: { id: string; assigneeId: string; note?: string }): WarningView {
  const w = requireWarning(ctx.db, input.id);
  if (w.status === 'closed') throw new AppError('INVALID_STATE', '该预警已办结');
  const u = selectUser(ctx.db, input.assigneeId);
  if (!u || !u.active || (u.role !== 'arbitrator' && u.role !== 'clerk')) invalid('assigneeId', '请选择在职的仲裁员或书记员承办');
  setWarningAssignee(ctx.db, w.id, u.id);
  insertWarningNote(ctx.db, { id: newId(), warning_id: w.id, kind: 'assign', note: `交办${u.display_name}${input.note ? `：${input.note}` : ''}`, created_at: nowIso(ctx), created_by: actor(ctx).id });
  return oneWarning(ctx, w.id);
}

export function noteWarning(ctx: ServiceContext, input: { id: string; note: string }): WarningView {
  const w = requireWarning(ctx.db, input.id);
  if (w.status === 'closed') throw new AppError('INVALID_STATE', '该预警已办结，不能再添加跟进记录');
  insertWarningNote(ctx.db, { id: newId(), warning_id: w.id, kind: 'follow_up', note: input.note, created_at: nowIso(ctx), created_by: actor(ctx).id });
  return oneWarning(ctx, w.id);
}

export function closeWarning(ctx: ServiceContext, input: { id: string; outcome: string; closedDate: string }): WarningView {
  const w = requireWarning(ctx.db, input.id);
  if (w.status === 'closed') throw new AppError('INVALID_STATE', '该预警已办结');
  checkDate(ctx, input.closedDate, 'closedDate', '办结日期', { date: w.raised_date, label: '预警日期' });
  setWarningClosed(ctx.db, w.id, input.outcome, input.closedDate);
  insertWarningNote(ctx.db, { id: newId(), warning_id: w.id, kind: 'close', note: `办结：${input.outcome}`, created_at: nowIso(ctx), created_by: actor(ctx).id });
  return oneWarning(ctx, w.id);
}

// ---------------------------------------------------------------- bulletins

const bulletinTitle = (year: number, seq: number) => `欠薪预警信息 ${year}年第${seq}期`;

function bulletinView(r: { id: string; year: number; seq: number; issued_date: string; content: string }): BulletinView {
  const c = JSON.parse(r.content) as Pick<BulletinView, 'entries' | 'summary'>;
  return { id: r.id, year: r.year, seq: r.seq, title: bulletinTitle(r.year, r.seq), issuedDate: r.issued_date, entries: c.entries, summary: c.summary };
}

/** Issues the year's next numbered bulletin from warnings (numbers are per year and never reused; the content is sealed). */
export function issueBulletin(ctx: ServiceContext, input: { issuedDate: string; summary: string; items: { warningId: string; actions: string }[] }): BulletinView {
  checkDate(ctx, input.issuedDate, 'issuedDate', '发布日期');
  if (!input.items.length) invalid('items', '请至少选择一条预警');
  const rows = selectWarningsById(ctx.db, input.items.map((i) => i.warningId));
  if (rows.length !== new Set(input.items.map((i) => i.warningId)).size) invalid('items', '所选预警不存在');
  const entries = input.items.map((i, n) => {
    const w = rows.find((r) => r.id === i.warningId)!;
    if (w.raised_date > input.issuedDate) invalid(`items.${n}.warningId`, `预警日期（${w.raised_date}）晚于发布日期`);
    const e = requireEmployer(ctx.db, w.survivor);
    return { employerName: e.name, creditCode: e.credit_code, town: e.town, signals: [`${WARNING_RULE_LABELS[w.rule as WarningRule] ?? w.rule}：${(JSON.parse(w.signals) as string[]).join('；')}`], actions: i.actions };
  });
  // one entry per employer: signals of several warnings of the same employer are listed together
  const merged: BulletinView['entries'] = [];
  for (const en of entries) {
    const same = merged.find((m) => m.employerName === en.employerName && m.creditCode === en.creditCode);
    if (same) {
      same.signals.push(...en.signals);
      if (en.actions && !same.actions.includes(en.actions)) same.actions = `${same.actions}；${en.actions}`;
    } else merged.push({ ...en, signals: [...en.signals] });
  }
  const year = yearOf(input.issuedDate);
  const seq = nextBulletinSeq(ctx.db, year);
  const id = newId();
  insertBulletin(ctx.db, { id, year, seq, issued_date: input.issuedDate, content: JSON.stringify({ entries: merged, summary: input.summary }), created_at: nowIso(ctx), created_by: actor(ctx).id });
  for (const i of input.items) {
    setWarningBulletin(ctx.db, i.warningId, id);
    insertWarningNote(ctx.db, { id: newId(), warning_id: i.warningId, kind: 'bulletin', note: `列入${bulletinTitle(year, seq)}`, created_at: nowIso(ctx), created_by: actor(ctx).id });
  }
  audit(ctx, 'bulletins.issue', id, { year, seq, warnings: input.items.length });
  return bulletinView(selectBulletin(ctx.db, id)!);
}

export function getBulletin(ctx: ServiceContext, id: string): BulletinView {
  const r = selectBulletin(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', '预警信息不存在');
  return bulletinView(r);
}

export function listBulletins(ctx: ServiceContext): BulletinView[] {
  return selectBulletins(ctx.db).map(bulletinView);
}

// ---------------------------------------------------------------- inspections

export function createInspection(ctx: ServiceContext, input: { employerId: string; visitDate: string; inspectors: string; summary: string; findings: { description: string; orderDate?: string; deadline?: string }[] }): EmployerView {
  const e = survivorOf(ctx.db, input.employerId);
  checkDate(ctx, input.visitDate, 'visitDate', '巡查日期');
  const id = newId();
  const at = nowIso(ctx);
  insertInspection(ctx.db, { id, employer_id: e.id, visit_date: input.visitDate, inspectors: input.inspectors, summary: input.summary, created_at: at, created_by: actor(ctx).id });
  input.findings.forEach((f, i) => {
    if (f.deadline && !f.orderDate) invalid(`findings.${i}.orderDate`, '填写整改期限时请同时填写责令整改日期');
    if (f.orderDate) {
      checkDate(ctx, f.orderDate, `findings.${i}.orderDate`, '责令整改日期', { date: input.visitDate, label: '巡查日期' });
      if (!f.deadline) invalid(`findings.${i}.deadline`, '责令整改须有整改期限');
      if (f.deadline < f.orderDate) invalid(`findings.${i}.deadline`, `整改期限不能早于责令整改日期（${f.orderDate}）`);
    }
    insertFinding(ctx.db, {
      id: newId(), inspection_id: id, employer_id: e.id, description: f.description, order_date: f.orderDate ?? null, deadline: f.deadline ?? null,
      rectified_date: null, rectified_note: null, created_at: at, created_by: actor(ctx).id,
    });
  });
  audit(ctx, 'inspections.create', e.id, { findings: input.findings.length });
  reviewEmployer(ctx, e.id);
  return getEmployer(ctx, e.id);
}

export function confirmRectification(ctx: ServiceContext, input: { findingId: string; rectifiedDate: string; note: string }): EmployerView {
  const f = selectFinding(ctx.db, input.findingId);
  if (!f) throw new AppError('NOT_FOUND', '巡查发现的隐患不存在');
  if (!f.order_date) throw new AppError('INVALID_STATE', '该隐患未责令整改，无需确认整改');
  if (f.rectified_date) throw new AppError('INVALID_STATE', `该隐患已于${f.rectified_date}确认整改`);
  checkDate(ctx, input.rectifiedDate, 'rectifiedDate', '整改确认日期', { date: f.order_date, label: '责令整改日期' });
  setFindingRectified(ctx.db, f.id, input.rectifiedDate, input.note);
  audit(ctx, 'inspections.confirm', f.employer_id, { finding: f.id });
  reviewEmployer(ctx, f.employer_id);
  return getEmployer(ctx, f.employer_id);
}

/** Figures for the reports (the statistics module calls this): employers inspected, risks found, ordered, rectified. */
export function inspectionFigures(db: Db, input: { from: string; to: string }): InspectionFigures {
  return { from: input.from, to: input.to, ...selectInspectionFigures(db, input.from, input.to) };
}

export function supervisionDashboard(ctx: ServiceContext): SupervisionDashboard {
  const day = today(ctx);
  return {
    today: day,
    warnings: listWarnings(ctx, { status: 'unclosed' }),
    overdueOrders: selectOverdueFindings(ctx.db, day).map((f) => ({ findingId: f.id, employerId: f.survivor, employerName: f.employer_name, description: f.description, deadline: f.deadline! })),
    visitsDue: visitsDue(ctx, {}).length,
  };
}

// ---------------------------------------------------------------- blacklist (欠薪失信名单)

function requireEntry(db: Db, id: string): BlacklistEntryRow {
  const b = selectBlacklistEntry(db, id);
  if (!b) throw new AppError('NOT_FOUND', '失信名单记录不存在');
  return b;
}

function entryView(ctx: ServiceContext, id: string): BlacklistEntryView {
  return blacklistView(ctx.db, selectBlacklist(ctx.db, null).find((b) => b.id === id)!);
}

function step(ctx: ServiceContext, entryId: string, s: string, date: string, note: string | null): void {
  insertBlacklistStep(ctx.db, { id: newId(), entry_id: entryId, step: s, step_date: date, note, document_id: null, created_at: nowIso(ctx), created_by: actor(ctx).id });
}

export function blacklistRules(ctx: ServiceContext, date: string): BlacklistRules {
  return datedSetting<BlacklistRules>(ctx.db, 'supervision.blacklistRules', date).value;
}

/** Notice before listing, with the employer's right to state its case and defend within the period (陈述申辩). */
export function noticeBlacklist(ctx: ServiceContext, input: { employerId: string; grounds: string; arrearsFen?: number | null; workers?: number | null; responsiblePersons?: string; noticeDate: string }): BlacklistEntryView {
  const e = survivorOf(ctx.db, input.employerId);
  checkDate(ctx, input.noticeDate, 'noticeDate', '告知日期');
  const active = selectActiveBlacklistEntry(ctx.db, e.id);
  if (active) throw new AppError('CONFLICT', active.status === 'listed' ? '该单位已在失信名单中' : '该单位已有尚未作出决定的列入告知');
  const rules = blacklistRules(ctx, input.noticeDate);
  const id = newId();
  const at = nowIso(ctx);
  insertBlacklistEntry(ctx.db, {
    id, employer_id: e.id, status: 'noticed', grounds: input.grounds, arrears_fen: input.arrearsFen ?? null, workers: input.workers ?? null,
    responsible_persons: input.responsiblePersons?.trim() || null, notice_date: input.noticeDate, statement_deadline: addDays(input.noticeDate, rules.statementDays),
    decision_date: null, publication_date: null, period_end: null, removal_date: null, removal_reason: null, created_at: at, created_by: actor(ctx).id, updated_at: at,
  });
  step(ctx, id, 'notice', input.noticeDate, `陈述申辩期限至${addDays(input.noticeDate, rules.statementDays)}`);
  return entryView(ctx, id);
}

export function decideBlacklist(ctx: ServiceContext, input: { id: string; decisionDate: string; list: boolean; note: string }): BlacklistEntryView {
  const b = requireEntry(ctx.db, input.id);
  if (b.status !== 'noticed') throw new AppError('INVALID_STATE', '只能对已告知、尚未决定的记录作出决定');
  checkDate(ctx, input.decisionDate, 'decisionDate', '决定日期');
  if (input.list && input.decisionDate <= b.statement_deadline) invalid('decisionDate', `陈述申辩期限（${b.statement_deadline}）届满后才能作出列入决定`);
  if (input.decisionDate < b.notice_date) invalid('decisionDate', `决定日期不能早于告知日期（${b.notice_date}）`);
  if (input.list) {
    const end = listingEnd(input.decisionDate, blacklistRules(ctx, input.decisionDate));
    updateBlacklistEntry(ctx.db, b.id, { status: 'listed', decision_date: input.decisionDate, period_end: end }, nowIso(ctx));
    step(ctx, b.id, 'decision', input.decisionDate, `${input.note}；列入期限至${end}`);
  } else {
    updateBlacklistEntry(ctx.db, b.id, { status: 'dropped', decision_date: input.decisionDate }, nowIso(ctx));
    step(ctx, b.id, 'dropped', input.decisionDate, input.note);
  }
  reviewEmployer(ctx, b.employer_id);
  return entryView(ctx, b.id);
}

export function publishBlacklist(ctx: ServiceContext, input: { id: string; publicationDate: string }): BlacklistEntryView {
  const b = requireEntry(ctx.db, input.id);
  if (b.status !== 'listed') throw new AppError('INVALID_STATE', '只能公布已决定列入名单的记录');
  if (b.publication_date) throw new AppError('INVALID_STATE', `已于${b.publication_date}公布`);
  checkDate(ctx, input.publicationDate, 'publicationDate', '公布日期', { date: b.decision_date!, label: '列入决定日期' });
  updateBlacklistEntry(ctx.db, b.id, { publication_date: input.publicationDate }, nowIso(ctx));
  step(ctx, b.id, 'publication', input.publicationDate, null);
  return entryView(ctx, b.id);
}

/** Removal at the end of the period, or earlier after payment and on application with a credit pledge. */
export function removeBlacklist(ctx: ServiceContext, input: { id: string; removalDate: string; reason: 'expired' | 'early'; paidDate?: string; note: string }): BlacklistEntryView {
  const b = requireEntry(ctx.db, input.id);
  if (b.status !== 'listed') throw new AppError('INVALID_STATE', '只能移出在名单中的单位');
  checkDate(ctx, input.removalDate, 'removalDate', '移出日期', { date: b.decision_date!, label: '列入决定日期' });
  const rules = blacklistRules(ctx, b.decision_date!);
  if (input.reason === 'expired' && input.removalDate <= b.period_end!) invalid('removalDate', `列入期限至${b.period_end}，期满后才能按期满移出；提前移出请选择“提前移出”`);
  if (input.reason === 'early') {
    if (!input.paidDate) invalid('paidDate', '提前移出须填写清偿欠薪（改正）日期');
    const from = earlyRemovalFrom(input.paidDate, rules);
    if (input.removalDate < from) invalid('removalDate', `清偿欠薪满${rules.earlyRemovalMonths}个月（${from}）后方可申请提前移出`);
  }
  const reasonText = input.reason === 'expired' ? `列入期限届满（${b.period_end}）` : `已于${input.paidDate}清偿欠薪并申请提前移出，作出信用承诺`;
  updateBlacklistEntry(ctx.db, b.id, { status: 'removed', removal_date: input.removalDate, removal_reason: `${reasonText}：${input.note}` }, nowIso(ctx));
  step(ctx, b.id, 'removal', input.removalDate, `${reasonText}：${input.note}`);
  return entryView(ctx, b.id);
}

export function listBlacklist(ctx: ServiceContext, input: { status?: 'noticed' | 'listed' | 'removed' | 'dropped' }): BlacklistEntryView[] {
  return selectBlacklist(ctx.db, input.status ?? null).map((b) => blacklistView(ctx.db, b));
}

export const arrearsText = (fen: number | null) => (fen === null ? '' : `${fenToYuanText(fen)}元`);

/** The employer a case or consultation refers to, as a summary with its grade and blacklist flag (null: none linked). */
export function lookupEmployer(ctx: ServiceContext, input: { caseId?: string; consultationId?: string }): EmployerSummary | null {
  const id = input.caseId ? selectEmployerOfCase(ctx.db, input.caseId) : input.consultationId ? (selectConsultation(ctx.db, input.consultationId)?.employer_id ?? null) : null;
  if (!id) return null;
  const e = getEmployer(ctx, id);
  return {
    id: e.id, name: e.name, creditCode: e.creditCode, sector: e.sector, sectorLabel: e.sectorLabel, industry: e.industry, town: e.town, cases: e.cases,
    consultations: e.consultations, grade: e.grade, gradeLabel: e.gradeLabel, listed: e.listed,
  };
}

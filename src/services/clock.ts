import type { CaseClock, CaseDeadline, CaseDetail, Dashboard, DashboardQuery, DeadlineResult, DeadlineRuleView, Extension, Suspension } from '../api';
import { AppError } from '../api';
import {
  DEADLINE_RULES, type DeadlineRule, type Interval, type PeriodKind, type WorkCalendar, addDays, computePeriod, daysBetween,
  calendarWeek, findDeadlineRule, kindBasisFor, shanghaiDate,
} from '../domain';
import { getCase } from './cases';
import { aidDeadlines } from './legal-aid';
import { loadCalendar } from './calendar';
import { listHearings, loadDocuments } from './proceedings';
import { type ServiceContext, actor, caseEvent, newId, nowIso } from './context';
import { checkDate, requireOpenCase } from './guards';
import { readSettings } from './settings';
import { dueDeadlinePages } from './deadline-store';
import { caseViewer } from './case-access';
import type { Db } from '../db/open';
import { insertExtension, insertSuspension, selectExtensions, selectSuspensions, setSuspensionResumed } from '../db/queries/clock';
import { selectClosedDate } from '../db/queries/closures';
import { selectScheduledHearings } from '../db/queries/hearings';
import { selectMineAmong } from '../db/queries/deadlines';

function effectiveKind(db: Db, rule: DeadlineRule): { kind: PeriodKind; overridden: boolean } {
  const override = readSettings(db).periodKinds[rule.name];
  return override && override !== rule.defaultKind ? { kind: override, overridden: true } : { kind: rule.defaultKind, overridden: false };
}

export function listRules(db: Db): DeadlineRuleView[] {
  return DEADLINE_RULES.map((r) => {
    const { kind, overridden } = effectiveKind(db, r);
    return { name: r.name, label: r.label, days: r.days, kind, kindOverridden: overridden, direction: r.direction, trigger: r.trigger, basis: r.basis, status: r.status, todo: r.todo };
  });
}

function byRule(db: Db, cal: WorkCalendar, ruleName: string, from: string, suspensions: Interval[] = [], extensionDays = 0): DeadlineResult {
  const rule = findDeadlineRule(ruleName)!;
  const { kind, overridden } = effectiveKind(db, rule);
  const r = computePeriod(cal, { from, days: rule.days, kind, direction: rule.direction, suspensions, extensionDays, kindBasis: kindBasisFor(rule, kind, overridden) });
  return {
    rule: rule.name, label: rule.label, from, days: rule.days, kind, direction: rule.direction, dueDate: r.dueDate, provisional: r.provisional,
    provisionalYears: r.provisionalYears, excludedDays: r.excludedDays, extensionDays, basis: [`${rule.label}：${rule.basis}`, ...r.basis], article: rule.basis,
  };
}

/**
 * A hearing set so close that its notice cannot reach the parties in time (LDMAL Art 35: written notice at least five
 * days before; Rules Art 38) is refused unless a reason is stated, e.g. that both parties agreed (issue 14).
 */
export function checkHearingNotice(ctx: ServiceContext, date: string, shortNoticeReason: string | undefined): void {
  const today = shanghaiDate(ctx.now());
  if (date < today || shortNoticeReason?.trim()) return; // a past date is refused with the slot checks
  const notice = byRule(ctx.db, loadCalendar(ctx.db), 'hearing-notice', date);
  if (notice.dueDate >= today) return;
  const message = `开庭通知最迟应于 ${notice.dueDate} 送达，已来不及（${notice.article}：开庭${notice.days}日前书面通知双方当事人，${notice.kind === 'working' ? '按工作日计算' : '按自然日计算'}）。确需在 ${date} 开庭的，请写明理由，如“双方当事人同意”`;
  throw new AppError('VALIDATION', message, [{ path: 'shortNoticeReason', message }]);
}

/** deadlines.compute: by a named rule, or by days and kind. */
export function computeDeadline(
  db: Db,
  input: { rule?: string; days?: number; kind?: PeriodKind; from: string; suspended: [string, string][]; extensionDays: number },
): DeadlineResult {
  const cal = loadCalendar(db);
  const suspensions = input.suspended.map(([start, end]) => ({ start, end }));
  if (input.rule) return byRule(db, cal, input.rule, input.from, suspensions, input.extensionDays);
  const r = computePeriod(cal, { from: input.from, days: input.days!, kind: input.kind!, suspensions, extensionDays: input.extensionDays });
  return {
    rule: null, label: `${input.days}日（${input.kind === 'working' ? '工作日' : '自然日'}）`, from: input.from, days: input.days!, kind: input.kind!, direction: 'after',
    dueDate: r.dueDate, provisional: r.provisional, provisionalYears: r.provisionalYears, excludedDays: r.excludedDays, extensionDays: input.extensionDays, basis: r.basis, article: null,
  };
}

function loadSuspensions(db: Db, caseId: string): Suspension[] {
  return selectSuspensions(db, caseId).map(
    (r) => ({ id: r.id, startDate: r.start_date, resumeDate: r.resume_date, reason: r.reason, days: r.resume_date ? daysBetween(r.start_date, r.resume_date) : null }),
  );
}

function loadExtensions(db: Db, caseId: string): Extension[] {
  return selectExtensions(db, caseId).map(
    (r) => ({ id: r.id, days: r.days, approvedBy: r.approved_by, approvalDate: r.approval_date, reason: r.reason }),
  );
}

/** Suspended days run from the suspension date to the day before resumption; an open suspension runs to today. */
const intervals = (s: Suspension[], today: string): Interval[] => s.map((x) => ({ start: x.startDate, end: x.resumeDate ? addDays(x.resumeDate, -1) : today }));

function withState(d: DeadlineResult, todo: string, today: string, doneDate: string | null, paused = false): CaseDeadline {
  const state: CaseDeadline['state'] = doneDate ? (doneDate > d.dueDate ? 'late' : 'done') : paused ? 'paused' : d.dueDate < today ? 'overdue' : 'open';
  return { ...d, todo, actor: 'commission', state, doneDate };
}

/** A period that runs for a party: it is open until its date and then simply ends. */
function partyPeriod(d: DeadlineResult, todo: string, today: string): CaseDeadline {
  return { ...d, todo, actor: 'party', state: d.dueDate < today ? 'ended' : 'open', doneDate: null };
}

const latest = (dates: string[]) => dates.sort().at(-1) ?? null;

/** The case's deadlines, generated from what has been recorded (domain-rules §8). */
export function caseClock(ctx: ServiceContext, id: string, cal: WorkCalendar = loadCalendar(ctx.db), c: CaseDetail = getCase(ctx.db, { id })): CaseClock {
  const db = ctx.db;
  const today = shanghaiDate(ctx.now());
  const suspensions = loadSuspensions(db, id);
  const extensions = loadExtensions(db, id);
  const deadlines: CaseDeadline[] = [];
  const notes: string[] = [];
  const todo = (name: string) => findDeadlineRule(name)!.todo;

  const decided = c.status === 'accepted' ? c.acceptanceDate : c.status === 'not_accepted' ? c.nonAcceptance!.decisionDate : null;
  deadlines.push(withState(byRule(db, cal, 'acceptance-decision', c.receivedDate), todo('acceptance-decision'), today, decided));

  if (c.status === 'accepted' && c.acceptanceDate) {
    const from = c.acceptanceDate;
    const allDocs = loadDocuments(db, id);
    const docs = allDocs.filter((d) => !d.supersededBy);
    const respondents = new Set(c.respondents.map((r) => r.id));
    // The application copy counts as served when every respondent has been served.
    const copies = docs.filter((d) => d.kind === 'application_copy' || d.kind === 'application');
    const copyServices = copies.flatMap((d) => d.services).filter((s) => respondents.has(s.partyId));
    const allServed = c.respondents.every((r) => copyServices.some((s) => s.partyId === r.id));
    deadlines.push(withState(byRule(db, cal, 'serve-application', from), todo('serve-application'), today, allServed ? latest(copyServices.map((s) => s.servedDate)) : null));
    // the model texts combine composition and hearing in one notice (仲裁庭组成及开庭通知书)
    const composition = docs.filter((d) => d.kind === 'composition_notice' || d.kind === 'hearing_notice').map((d) => d.issuedDate);
    deadlines.push(withState(byRule(db, cal, 'composition-notice', from), todo('composition-notice'), today, composition.sort()[0] ?? null));
    // Each respondent's defence period runs from the day it was served with the application copy.
    for (const r of c.respondents) {
      const served = copyServices.filter((s) => s.partyId === r.id).map((s) => s.servedDate).sort()[0];
      if (!served) continue;
      const d = byRule(db, cal, 'defence', served);
      deadlines.push(partyPeriod({ ...d, label: `答辩期（${r.name}）` }, todo('defence'), today));
    }
    // Every hearing still to be held: the notice must reach all parties 5 days before; a party may ask to postpone up to 3 days before.
    const hearings = selectScheduledHearings(db, id);
    const partyCount = c.applicants.length + c.respondents.length + c.thirdParties.length;
    for (const h of hearings) {
      const notices = docs.filter((d) => (d.kind === 'hearing_notice' || d.kind === 'postponement_notice') && d.hearingId === h.id);
      const servedOn = new Map<string, string>();
      for (const s of notices.flatMap((d) => d.services)) if (!servedOn.has(s.partyId) || s.servedDate < servedOn.get(s.partyId)!) servedOn.set(s.partyId, s.servedDate);
      const done = servedOn.size === partyCount ? latest([...servedOn.values()]) : null;
      const notice = byRule(db, cal, 'hearing-notice', h.date);
      deadlines.push(withState({ ...notice, label: `开庭通知（${h.date} ${h.start_time} 开庭）` }, `${todo('hearing-notice')}（尚有 ${partyCount - servedOn.size} 名当事人未送达）`, today, done));
      const postpone = byRule(db, cal, 'postponement-request', h.date);
      deadlines.push(partyPeriod({ ...postpone, label: `申请延期开庭（${h.date} 开庭）` }, todo('postponement-request'), today));
    }
    // After service of an award: every party may sue within 15 days (a worker against a final award, Art 48; anyone against a
    // non-final one, Art 50); an employer may apply to set a final award aside within 30 days (Art 49). Which applies depends
    // on the award's finality, so both are shown for the employer.
    for (const award of docs.filter((d) => d.kind === 'award')) {
      for (const s of award.services) {
        const party = [...c.applicants, ...c.respondents, ...c.thirdParties].find((p) => p.id === s.partyId);
        if (!party) continue;
        const sue = byRule(db, cal, 'court-non-final', s.servedDate);
        deadlines.push(partyPeriod({ ...sue, label: `起诉期（${party.name}）`, basis: [...sue.basis, '劳动者对终局裁决不服的，起诉期同为十五日（《劳动争议调解仲裁法》第四十八条）'] }, '当事人可向人民法院提起诉讼；期满不起诉的，非终局裁决书发生法律效力', today));
        if (party.role === 'respondent' && party.kind === 'org') {
          const setAside = byRule(db, cal, 'court-final-employer', s.servedDate);
          deadlines.push(partyPeriod({ ...setAside, label: `申请撤销终局裁决（${party.name}，仅终局裁决）` }, todo('court-final-employer'), today));
        }
      }
    }
    const ext = extensions.reduce((s, e) => s + e.days, 0);
    const open = suspensions.some((s) => !s.resumeDate);
    const award = byRule(db, cal, 'award', from, intervals(suspensions, today), ext);
    // Done when the case is decided: the first award or mediation statement issued, or the case closed otherwise.
    const closedDate = selectClosedDate(db, id);
    const decidedOn = [...allDocs.filter((d) => d.kind === 'award' || d.kind === 'mediation_statement').map((d) => d.issuedDate), ...(closedDate !== undefined ? [closedDate] : [])].sort()[0] ?? null;
    deadlines.push(withState(award, todo('award'), today, decidedOn, open));
    if (suspensions.length) {
      const plain = byRule(db, cal, 'award', from, [], ext);
      const closedDays = suspensions.filter((s) => s.resumeDate).reduce((n, s) => n + s.days!, 0);
      if (closedDays) notes.push(`因案件中止共 ${closedDays} 日（中止期间不计入审理期限，《办案规则》第四十六条），审理期限届满日由 ${plain.dueDate} 顺延至 ${byRule(db, cal, 'award', from, intervals(suspensions.filter((s) => s.resumeDate), today), ext).dueDate}。`);
      if (open) notes.push(`案件自 ${suspensions.find((s) => !s.resumeDate)!.startDate} 起中止，审理期限暂停计算；所示届满日按今日恢复推算，恢复审理后相应顺延。`);
    }
    if (ext) notes.push(`审理期限经批准延长 ${ext} 日（《劳动争议调解仲裁法》第四十三条）。`);
  }
  return { deadlines, suspensions, extensions, notes };
}

export function suspendCase(ctx: ServiceContext, input: { id: string; startDate: string; reason: string }): CaseClock {
  ctx.db.transaction(() => {
    const c = requireOpenCase(ctx.db, input.id, '中止、恢复或延长审理期限');
    const existing = loadSuspensions(ctx.db, input.id);
    if (existing.some((s) => !s.resumeDate)) throw new AppError('INVALID_STATE', '该案已处于中止状态');
    const lastResume = existing.map((s) => s.resumeDate!).sort().at(-1);
    checkDate(ctx, input.startDate, 'startDate', '中止日期', { date: lastResume ?? c.acceptanceDate!, label: lastResume ? '上次恢复审理日期' : '受理日期' });
    insertSuspension(ctx.db, { id: newId(), case_id: input.id, start_date: input.startDate, reason: input.reason, created_at: nowIso(ctx), created_by: actor(ctx).id });
    caseEvent(ctx, input.id, 'suspended', `中止审理（自 ${input.startDate}）：${input.reason}`);
  }).immediate();
  return caseClock(ctx, input.id);
}

export function resumeCase(ctx: ServiceContext, input: { id: string; resumeDate: string }): CaseClock {
  ctx.db.transaction(() => {
    requireOpenCase(ctx.db, input.id, '中止、恢复或延长审理期限');
    const open = loadSuspensions(ctx.db, input.id).find((s) => !s.resumeDate);
    if (!open) throw new AppError('INVALID_STATE', '该案未处于中止状态');
    checkDate(ctx, input.resumeDate, 'resumeDate', '恢复审理日期', { date: addDays(open.startDate, 1), label: '中止日期的次日' });
    setSuspensionResumed(ctx.db, open.id, input.resumeDate);
    caseEvent(ctx, input.id, 'resumed', `恢复审理（${input.resumeDate}），中止 ${daysBetween(open.startDate, input.resumeDate)} 日不计入审理期限`);
  }).immediate();
  return caseClock(ctx, input.id);
}

export function extendCase(ctx: ServiceContext, input: { id: string; days: number; approvedBy: string; approvalDate: string; reason: string }): CaseClock {
  ctx.db.transaction(() => {
    const c = requireOpenCase(ctx.db, input.id, '中止、恢复或延长审理期限');
    const used = loadExtensions(ctx.db, input.id).reduce((s, e) => s + e.days, 0);
    if (used + input.days > 15) {
      const message = `审理期限延长合计不得超过15日（《劳动争议调解仲裁法》第四十三条），已延长 ${used} 日`;
      throw new AppError('VALIDATION', message, [{ path: 'days', message }]);
    }
    checkDate(ctx, input.approvalDate, 'approvalDate', '批准日期', { date: c.acceptanceDate!, label: '受理日期' });
    const award = caseClock(ctx, input.id).deadlines.find((d) => d.rule === 'award')!;
    if (input.approvalDate > award.dueDate) {
      const message = `审理期限已于 ${award.dueDate} 届满，不能再批准延长（应在期限届满前批准）`;
      throw new AppError('VALIDATION', message, [{ path: 'approvalDate', message }]);
    }
    insertExtension(ctx.db, {
      id: newId(), case_id: input.id, days: input.days, approved_by: input.approvedBy, approval_date: input.approvalDate, reason: input.reason, created_at: nowIso(ctx), created_by: actor(ctx).id,
    });
    caseEvent(ctx, input.id, 'extended', `经${input.approvedBy}批准，审理期限延长 ${input.days} 日：${input.reason}`);
  }).immediate();
  return caseClock(ctx, input.id);
}

/**
 * What the clock papers print (延长审理期限通知书, 中止 / 恢复审理通知书): the latest recorded extension with the total
 * extended, the latest recorded suspension, and the award deadline as it stands on `asOf` (LDMAL Art 43; Rules Arts 45–47).
 */
export function clockPaperData(db: Db, caseId: string, asOf: string): { extension: (Extension & { totalDays: number }) | null; suspension: Suspension | null; awardDueDate: string | null } {
  const c = getCase(db, { id: caseId });
  const suspensions = loadSuspensions(db, caseId);
  const extensions = loadExtensions(db, caseId);
  const totalDays = extensions.reduce((s, e) => s + e.days, 0);
  const last = extensions.at(-1);
  const awardDueDate = c.acceptanceDate ? byRule(db, loadCalendar(db), 'award', c.acceptanceDate, intervals(suspensions, asOf), totalDays).dueDate : null;
  return { extension: last ? { ...last, totalDays } : null, suspension: suspensions.at(-1) ?? null, awardDueDate };
}

/**
 * Today, this week and overdue, for the signed-in user's cases or for the whole commission. Party periods are left out.
 * The deadlines are read from the stored table (src/services/deadline-store.ts, issue 13): closed cases cost nothing.
 * Each deadline section comes as one page with its count under the filter (issue 14: paged and filtered on the server).
 */
export function dashboard(ctx: ServiceContext, input: DashboardQuery): Dashboard {
  const today = shanghaiDate(ctx.now());
  const weekEnd = calendarWeek(today).sunday; // 本周 = this calendar week, Monday to Sunday
  const userId = input.scope === 'mine' && ctx.session.user ? ctx.session.user.id : null;
  const { venueId, arbitratorId, clerkId, rule, query } = input;
  const viewer = caseViewer(ctx); // need-to-know (issue 12 item 2)
  const { counts, items } = dueDeadlinePages(ctx, today, weekEnd, { userId, venueId, arbitratorId, clerkId, rule, query, viewer }, input.pages ?? {}, input.pageSize);
  const hearings = listHearings(ctx.db, { from: today, to: today, viewer }).filter((h) => h.status === 'scheduled');
  const mine = userId ? selectMineAmong(ctx.db, userId, hearings.map((h) => h.caseId)) : null;
  return {
    today, ...items, counts, pageSize: input.pageSize, hearingsToday: hearings.filter((h) => !mine || mine.has(h.caseId)), aid: aidDeadlines(ctx),
  };
}

/**
 * The statutory periods that have run out without the commission's act, as of `asOf` (issue 11 item 6: the papers
 * certifying it). `acceptance`: an application still undecided after the acceptance period (LDMAL Art 29). `award`: an
 * accepted case with no award or 调解书 issued and not closed, not suspended, after the award period with its approved
 * extensions and the suspended days left out (LDMAL Art 43; Rules Arts 45–46). Null where the period has not run out.
 */
export function overduePeriods(db: Db, caseId: string, asOf: string): {
  acceptance: { dueDate: string } | null;
  award: { dueDate: string; extensionDays: number; suspendedDays: number } | null;
} {
  const c = getCase(db, { id: caseId });
  const cal = loadCalendar(db);
  let acceptance: { dueDate: string } | null = null;
  let award: { dueDate: string; extensionDays: number; suspendedDays: number } | null = null;
  if (c.status === 'draft') {
    const due = byRule(db, cal, 'acceptance-decision', c.receivedDate).dueDate;
    if (asOf > due) acceptance = { dueDate: due };
  }
  if (c.status === 'accepted' && c.acceptanceDate && selectClosedDate(db, caseId) === undefined) {
    const suspensions = loadSuspensions(db, caseId);
    const decided = loadDocuments(db, caseId).some((d) => d.kind === 'award' || d.kind === 'mediation_statement');
    if (!decided && !suspensions.some((s) => !s.resumeDate)) {
      const ext = loadExtensions(db, caseId).reduce((s, e) => s + e.days, 0);
      const due = byRule(db, cal, 'award', c.acceptanceDate, intervals(suspensions, asOf), ext).dueDate;
      if (asOf > due) award = { dueDate: due, extensionDays: ext, suspendedDays: suspensions.reduce((n, s) => n + (s.days ?? 0), 0) };
    }
  }
  return { acceptance, award };
}

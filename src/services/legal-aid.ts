import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import type { AidApplicationView, AidDeadlineItem, ConflictMatch, ConsultationView, DutyView } from '../api';
import { AppError } from '../api';
import {
  AID_ASSIGNMENT_BASIS, AID_DECISION_BASIS, AID_ELIGIBILITY, AID_MATTERS, AID_URGENT_BASIS, type AidEligibility, type AidMatter, type ClaimType,
  type ConsultationOutcome, type FemaleStage, type GroupFlag, WINDOWS, type WindowCode, aidAssignmentDue, aidDecisionDue, aidEligibility, aidUrgent,
  CLAIM_TYPE_INFO, CONFLICT_WITHHELD_MESSAGE, FEMALE_STAGES, GROUP_FLAG_LABELS, daysBetween, formatFen, maskIdNumber, normaliseEmployer, shanghaiDayStart, seesConflictDetails, shanghaiDate,
} from '../domain';
import type { Db } from '../db/open';
import {
  type OpenAidRow, insertAid, insertAidHistory, selectAid, selectAidHistory, selectAidsOfConsultation, selectDuty, selectDutyCandidates, selectDutyDates,
  selectOpenAidDeadlines, selectUserDisplayName, selectUserRoleActive, updateAidAssignment, updateAidClosing, updateAidDecision, updateAidObjection, upsertDuty,
} from '../db/queries/aid';
import {
  insertConsultation, insertConsultationVersion, markConsultationLegalAid, selectCasesForConflicts, selectCasesOfConsultation, selectConsultation,
  selectConsultationId, selectConsultationPeople, selectConsultationState, selectConsultationVersions, selectConsultationsArrived,
  selectMediationsOfConsultation, selectPartiesForConflicts, type PartyForConflictCaseRow, updateConsultationAdvice, updateConsultationParticulars, updateConsultationRecovered,
} from '../db/queries/consultations';
import { isImportedRecord } from '../db/queries/ledger';
import { requireNotImported } from './ledger';
import type { AidApplicationRow, ConsultationRow } from '../db/queries/rows';
import { type ServiceContext, actor, audit, newId, nowIso } from './context';
import { invalid } from './errors';
import { requireDeskLawyer } from './case-access';
import { requireNotErased } from './personal';
import { linkConsultationEmployer } from './employers';
import { readSettings } from './settings';
import { AID_BUILDERS, type AidDocumentKind, render } from '../documents';
import type { DocumentFile } from '../api';

/**
 * The legal-aid workstation (法律援助工作站, Legal Aid Law Art 13) and the assistance windows: the duty pair, one consultation
 * record per person and matter, legal-aid applications with the Art 43 limits, and the conflict check a lawyer runs
 * before taking a matter.
 */

const today = (ctx: ServiceContext) => shanghaiDate(ctx.now());

// --------------------------------------------------------------------------------------------------------------- duty roster

function userName(db: Db, id: string | null): string | null {
  return id ? (selectUserDisplayName(db, id)?.display_name ?? null) : null;
}

export function dutyOn(db: Db, date: string): DutyView | null {
  const r = selectDuty(db, date);
  return r ? { date: r.date, lawyerId: r.lawyer_id, lawyerName: userName(db, r.lawyer_id)!, staffId: r.staff_id, staffName: userName(db, r.staff_id)!, lawFirm: r.law_firm } : null;
}

/** Accounts that can sit at the desk: legal-aid lawyers, and window staff or clerks. */
export function dutyCandidates(db: Db): { id: string; displayName: string; role: string }[] {
  return selectDutyCandidates(db);
}

export function listDuty(db: Db, input: { from: string; to: string }): DutyView[] {
  return selectDutyDates(db, input.from, input.to).map((r) => dutyOn(db, r.date)!);
}

export function setDuty(ctx: ServiceContext, input: { date: string; lawyerId: string; staffId: string; lawFirm: string }): DutyView {
  const role = (id: string) => selectUserRoleActive(ctx.db, id);
  const l = role(input.lawyerId);
  if (!l || l.role !== 'lawyer' || !l.active) invalid('lawyerId', '值班律师须为在用的法律援助律师账号');
  const s = role(input.staffId);
  if (!s || !['window', 'clerk'].includes(s.role) || !s.active) invalid('staffId', '值班工作人员须为在用的窗口工作人员或书记员账号');
  upsertDuty(ctx.db, { date: input.date, lawyer_id: input.lawyerId, staff_id: input.staffId, law_firm: input.lawFirm, updated_at: nowIso(ctx), updated_by: actor(ctx).id });
  return dutyOn(ctx.db, input.date)!;
}

// ------------------------------------------------------------------------------------------------------------ consultations

/** The particulars typed at registration and corrected by 修改登记 (the schema's consultationParticulars). */
export interface ConsultationParticulars {
  window: WindowCode;
  channel: 'walk_in' | 'phone' | 'referral';
  personName: string;
  personSex?: 'male' | 'female';
  personIdNumber?: string;
  personPhone?: string;
  personAddress?: string;
  employerName?: string;
  employerCreditCode?: string;
  employerAlias?: string;
  disputeType: ClaimType;
  groupFlags: GroupFlag[];
  injuryDate?: string;
  disabilityGrade?: number;
  femaleStage?: FemaleStage;
  femaleStageStart?: string;
  femaleStageEnd?: string;
  collective: boolean;
  workerCount: number;
  claims: { type: ClaimType; amountFen: number | null; text: string }[];
  summary: string;
}

export interface ConsultationInput extends ConsultationParticulars {
  arrivedAt?: string;
  advice?: string;
  outcome: ConsultationOutcome;
  recoveredFen?: number | null;
}

function toConsultation(db: Db, r: ConsultationRow, now: Date): ConsultationView {
  const aid = selectAidsOfConsultation(db, r.id).map((a) => toAid(db, a, shanghaiDate(now)));
  const cases = selectCasesOfConsultation(db, r.id);
  const mediations = selectMediationsOfConsultation(db, r.id);
  const claims = JSON.parse(r.claims) as ConsultationView['claims'];
  const end = r.served_at ? new Date(r.served_at) : now;
  return {
    id: r.id, window: r.window as WindowCode, windowLabel: WINDOWS[r.window as WindowCode].label, channel: r.channel, arrivedAt: r.arrived_at, servedAt: r.served_at,
    waitingMinutes: Math.max(0, Math.round((end.getTime() - new Date(r.arrived_at).getTime()) / 60000)),
    personName: r.person_name, personSex: r.person_sex as ConsultationView['personSex'], personIdNumber: r.person_id_number, personPhone: r.person_phone, personAddress: r.person_address,
    employerName: r.employer_name, employerCreditCode: r.employer_credit_code, employerAlias: r.employer_alias,
    disputeType: r.dispute_type as ClaimType, groupFlags: JSON.parse(r.group_flags), injuryDate: r.injury_date, disabilityGrade: r.disability_grade,
    femaleStage: r.female_stage, femaleStageStart: r.female_stage_start, femaleStageEnd: r.female_stage_end,
    collective: r.collective === 1, workerCount: r.worker_count, claims, claimedFen: claims.reduce((s, c) => s + (c.amountFen ?? 0), 0), summary: r.summary, advice: r.advice,
    outcome: r.outcome as ConsultationOutcome, recoveredFen: r.recovered_fen,
    lawyerName: userName(db, r.lawyer_id), staffName: userName(db, r.staff_id),
    priority: JSON.parse(r.group_flags).length > 0 || r.collective === 1,
    versions: selectConsultationVersions(db, r.id).map((v) => {
      const x = JSON.parse(v.snapshot);
      return {
        at: x.at, byName: userName(db, x.by) ?? '', advice: x.advice, outcome: x.outcome, recoveredFen: x.recoveredFen,
        edit: x.reason ? { at: v.created_at, byName: userName(db, x.editedBy) ?? '', reason: x.reason as string, changed: x.changed as ConsultationChange[] } : null,
      };
    }),
    aid, cases: cases.map((c) => ({ id: c.id, caseNumber: c.case_number, status: c.status })),
    mediations: mediations.map((m) => ({ id: m.id, outcome: m.outcome, organisation: m.organisation })),
    imported: isImportedRecord(db, r.id),
  };
}

export function createConsultation(ctx: ServiceContext, input: ConsultationInput): ConsultationView {
  const arrived = input.arrivedAt ?? nowIso(ctx);
  if (arrived > new Date(ctx.now().getTime() + 60_000).toISOString()) invalid('arrivedAt', '到达时间不能晚于现在');
  checkParticulars(ctx, input);
  const duty = dutyOn(ctx.db, shanghaiDate(new Date(arrived)));
  const id = newId();
  const at = nowIso(ctx);
  insertConsultation(ctx.db, {
    id, arrived_at: arrived, served_at: at, ...particularColumns(input), advice: input.advice ?? null, outcome: input.outcome, recovered_fen: input.recoveredFen ?? null,
    lawyer_id: duty?.lawyerId ?? null, staff_id: duty?.staffId ?? null, created_at: at, created_by: actor(ctx).id, updated_at: at,
  });
  linkConsultationEmployer(ctx, id, { name: input.employerName, creditCode: input.employerCreditCode, alias: input.employerAlias }); // issue 16
  return getConsultation(ctx, id);
}

export function updateConsultation(ctx: ServiceContext, input: { id: string; advice?: string; outcome?: ConsultationOutcome; recoveredFen?: number | null }): ConsultationView {
  const r = selectConsultationId(ctx.db, input.id);
  if (!r) throw new AppError('NOT_FOUND', '咨询登记不存在');
  requireNotErased(ctx.db, input.id);
  requireNotImported(ctx.db, input.id, '修改咨询处理情况');
  snapshotConsultation(ctx, input.id);
  updateConsultationAdvice(ctx.db, input.id, input.advice ?? null, input.outcome ?? null, input.recoveredFen ?? null, nowIso(ctx), actor(ctx).id);
  audit(ctx, 'consultations.update', input.id, { fields: Object.keys(input).filter((k) => k !== 'id') });
  return getConsultation(ctx, input.id);
}

/**
 * Keeps the consultation as it stood before an edit (append-only; the earlier text stays readable). `changed` names the
 * particulars a 修改登记 changed, with their values before and after, and `reason` why.
 */
function snapshotConsultation(ctx: ServiceContext, id: string, edit?: { reason: string; changed: ConsultationChange[] }): void {
  const r = selectConsultationState(ctx.db, id);
  insertConsultationVersion(ctx.db, {
    id: newId(), consultation_id: id,
    snapshot: JSON.stringify({ advice: r.advice, outcome: r.outcome, recoveredFen: r.recovered_fen, at: r.updated_at, by: r.by, ...(edit ? { editedBy: actor(ctx).id, ...edit } : {}) }),
    created_at: nowIso(ctx), created_by: actor(ctx).id,
  });
}

/** Cross-field checks of the particulars, the same at registration and at 修改登记. */
function checkParticulars(ctx: ServiceContext, input: ConsultationParticulars): void {
  if (input.groupFlags.includes('injured_worker') && input.injuryDate && input.injuryDate > today(ctx)) invalid('injuryDate', '受伤日期不能晚于今天');
  if (input.femaleStage && !input.groupFlags.includes('three_period_female')) invalid('femaleStage', '填写“三期”阶段时请同时勾选三期女职工');
  if (input.femaleStageStart && input.femaleStageEnd && input.femaleStageEnd < input.femaleStageStart) invalid('femaleStageEnd', '结束日期不能早于开始日期');
}

type ParticularColumns = Pick<ConsultationRow, 'window' | 'channel' | 'person_name' | 'person_sex' | 'person_id_number' | 'person_phone' | 'person_address'
  | 'employer_name' | 'employer_credit_code' | 'employer_alias' | 'dispute_type' | 'group_flags' | 'injury_date' | 'disability_grade' | 'female_stage'
  | 'female_stage_start' | 'female_stage_end' | 'collective' | 'worker_count' | 'claims' | 'summary'>;

/** The particulars as the consultations table stores them. */
function particularColumns(input: ConsultationParticulars): ParticularColumns {
  return {
    window: input.window, channel: input.channel, person_name: input.personName, person_sex: input.personSex ?? null,
    person_id_number: input.personIdNumber ?? null, person_phone: input.personPhone ?? null, person_address: input.personAddress ?? null,
    employer_name: input.employerName ?? null, employer_credit_code: input.employerCreditCode ?? null, employer_alias: input.employerAlias ?? null,
    dispute_type: input.disputeType, group_flags: JSON.stringify(input.groupFlags), injury_date: input.injuryDate ?? null,
    disability_grade: input.disabilityGrade ?? null, female_stage: input.femaleStage ?? null, female_stage_start: input.femaleStageStart ?? null,
    female_stage_end: input.femaleStageEnd ?? null, collective: input.collective ? 1 : 0, worker_count: input.workerCount,
    claims: JSON.stringify(input.claims), summary: input.summary,
  };
}

/** Labels of the particulars as the 修改记录 names them; ID numbers are shown masked there. */
const PARTICULAR_LABELS: Record<keyof ParticularColumns, string> = {
  window: '窗口', channel: '来访方式', person_name: '姓名', person_sex: '性别', person_id_number: '身份证号码', person_phone: '电话', person_address: '住址',
  employer_name: '用人单位', employer_credit_code: '统一社会信用代码', employer_alias: '单位简称或别称', dispute_type: '争议类型', group_flags: '帮扶群体',
  injury_date: '受伤日期', disability_grade: '伤残等级', female_stage: '“三期”阶段', female_stage_start: '“三期”开始日期', female_stage_end: '“三期”结束日期',
  collective: '集体争议', worker_count: '涉及人数', claims: '请求事项', summary: '咨询内容',
};

function showParticular(key: keyof ParticularColumns, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (key === 'person_id_number') return maskIdNumber(String(v));
  if (key === 'window') return WINDOWS[v as WindowCode]?.label ?? String(v);
  if (key === 'channel') return ({ walk_in: '来访', phone: '来电', referral: '转介' } as Record<string, string>)[String(v)] ?? String(v);
  if (key === 'person_sex') return v === 'male' ? '男' : v === 'female' ? '女' : String(v);
  if (key === 'dispute_type') return CLAIM_TYPE_INFO[v as ClaimType]?.label ?? String(v);
  if (key === 'female_stage') return FEMALE_STAGES[v as FemaleStage] ?? String(v);
  if (key === 'collective') return v ? '是' : '否';
  if (key === 'group_flags') return (JSON.parse(String(v)) as GroupFlag[]).map((g) => GROUP_FLAG_LABELS[g]).join('、') || '（无）';
  if (key === 'claims') {
    return (JSON.parse(String(v)) as ConsultationParticulars['claims'])
      .map((c, i) => `${i + 1}.${CLAIM_TYPE_INFO[c.type]?.label ?? c.type}${c.amountFen !== null ? ` ${formatFen(c.amountFen)}` : ''} ${c.text}`).join('；') || '（无）';
  }
  return String(v);
}

export interface ConsultationChange { label: string; before: string; after: string }

/**
 * 修改登记: corrects the particulars of a consultation. The record as it stood is kept (consultation_versions, sealed) with
 * the reason and each changed item before and after; nothing changes when nothing differs.
 */
export function editConsultation(ctx: ServiceContext, input: ConsultationParticulars & { id: string; reason: string }): ConsultationView {
  const before = selectConsultation(ctx.db, input.id);
  if (!before) throw new AppError('NOT_FOUND', '咨询登记不存在');
  requireNotErased(ctx.db, input.id);
  requireNotImported(ctx.db, input.id, '修改登记');
  checkParticulars(ctx, input);
  const after = particularColumns(input);
  const keys = Object.keys(after) as (keyof ParticularColumns)[];
  const changed = keys.filter((k) => (before[k] ?? null) !== (after[k] ?? null));
  if (changed.length === 0) invalid('reason', '没有修改任何内容，未保存');
  snapshotConsultation(ctx, input.id, { reason: input.reason, changed: changed.map((k) => ({ label: PARTICULAR_LABELS[k], before: showParticular(k, before[k]), after: showParticular(k, after[k]) })) });
  updateConsultationParticulars(ctx.db, input.id, after, nowIso(ctx), actor(ctx).id);
  if (changed.some((k) => k.startsWith('employer_'))) {
    linkConsultationEmployer(ctx, input.id, { name: input.employerName, creditCode: input.employerCreditCode, alias: input.employerAlias });
  }
  audit(ctx, 'consultations.edit', input.id, { fields: changed });
  return getConsultation(ctx, input.id);
}

export function getConsultation(ctx: ServiceContext, id: string): ConsultationView {
  const r = selectConsultation(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', '咨询登记不存在');
  return toConsultation(ctx.db, r, ctx.now());
}

/** The queue: a day's consultations per window, with waiting time (arrival to being served, or to now). */
export function listConsultations(ctx: ServiceContext, input: { date: string; window?: WindowCode; query?: string }): ConsultationView[] {
  // arrived_at is an instant (UTC ISO); the day is the Shanghai calendar day
  const start = shanghaiDayStart(input.date);
  const end = new Date(Date.parse(start) + 86_400_000).toISOString();
  const q = input.query?.trim() ? `%${input.query.trim()}%` : null;
  const rows = selectConsultationsArrived(ctx.db, start, end, input.window ?? null, q);
  return rows.map((r) => toConsultation(ctx.db, r, ctx.now()));
}

// --------------------------------------------------------------------------------------------------------- conflict check

const sound = (name: string) => pinyin(name, { toneType: 'none', type: 'array' }).join(' ');

interface Person {
  kind: 'consultation' | 'case';
  id: string;
  /** For a case: the consultation it was started from (its own record, never a conflict). */
  consultationId: string | null;
  label: string;
  name: string;
  idNumber: string | null;
  employers: { name: string | null; credit: string | null; alias: string | null }[];
}

function people(db: Db, input: { idNumber?: string; employerName?: string; creditCode?: string; employerAlias?: string; excludeId?: string }): Person[] {
  const out: Person[] = selectConsultationPeople(db).map((r) => ({
    kind: 'consultation', id: r.id, consultationId: null, label: `咨询登记（${shanghaiDate(new Date(r.arrived_at))}）`, name: r.person_name, idNumber: r.person_id_number,
    employers: [{ name: r.employer_name, credit: r.employer_credit_code, alias: r.employer_alias }],
  }));
  // the normalised names: a raw name matches when it holds their characters in order (selectCasesForConflicts)
  const names = [input.employerName, input.employerAlias].filter(Boolean).map((x) => normaliseEmployer(x!)).filter(Boolean);
  const cases = selectCasesForConflicts(db, { idNumber: input.idNumber?.trim().toUpperCase() || null, credit: input.creditCode?.trim() || null, names, excludeId: input.excludeId ?? null });
  const partiesOf = new Map<string, PartyForConflictCaseRow[]>();
  for (const p of selectPartiesForConflicts(db, cases.map((c) => c.id))) {
    const list = partiesOf.get(p.case_id);
    if (list) list.push(p);
    else partiesOf.set(p.case_id, [p]);
  }
  for (const c of cases) {
    const ps = partiesOf.get(c.id) ?? [];
    const orgs = ps.filter((p) => p.kind === 'org').map((p) => ({ name: p.name, credit: p.credit_code, alias: null }));
    for (const p of ps.filter((x) => x.kind === 'person')) {
      out.push({ kind: 'case', id: c.id, consultationId: c.consultation_id ?? null, label: `${c.case_number ?? `仲裁申请（收件 ${c.received_date}）`}${p.role === 'respondent' ? '被申请人' : p.role === 'applicant' ? '申请人' : '第三人'}`, name: p.name, idNumber: p.id_number, employers: orgs });
    }
  }
  return out;
}

function sameEmployer(a: { name?: string; credit?: string; alias?: string }, b: Person['employers'][number]): string | null {
  if (a.credit && b.credit && a.credit === b.credit) return '统一社会信用代码相同';
  const na = [a.name, a.alias].filter(Boolean).map((x) => normaliseEmployer(x!)).filter(Boolean);
  const nb = [b.name, b.alias].filter(Boolean).map((x) => normaliseEmployer(x!)).filter(Boolean);
  const hit = na.find((x) => nb.includes(x));
  return hit ? `用人单位名称或简称相同（${hit}）` : null;
}

/**
 * Who is already on record that a lawyer must know about before taking the matter: the same ID number (under any name),
 * or a name that sounds the same (pinyin, so 张伟 and 章伟 match) at the same employer (credit code, name or alias).
 */
export function checkConflicts(db: Db, input: { personName: string; idNumber?: string; employerName?: string; creditCode?: string; employerAlias?: string; excludeId?: string }): ConflictMatch[] {
  const idNumber = input.idNumber?.trim().toUpperCase();
  const target = sound(input.personName.trim());
  // names repeat across thousands of an employer's cases: each name's pinyin once per check
  const sounds = new Map<string, string>();
  const soundOf = (name: string) => sounds.get(name) ?? sounds.set(name, sound(name)).get(name)!;
  const matches: ConflictMatch[] = [];
  const all = people(db, input);
  // The record itself and its own links (the case a consultation became, the consultation a case came from) are not conflicts.
  const own = new Set<string>(input.excludeId ? [input.excludeId] : []);
  for (const p of all) {
    if (!input.excludeId || p.kind !== 'case') continue;
    if (p.consultationId === input.excludeId) own.add(p.id);
    if (p.id === input.excludeId && p.consultationId) own.add(p.consultationId);
  }
  for (const p of all) {
    if (own.has(p.id)) continue;
    const reasons: string[] = [];
    if (idNumber && p.idNumber === idNumber) reasons.push(p.name === input.personName.trim() ? '身份证号码相同' : `身份证号码相同，但登记姓名为“${p.name}”`);
    const employer = p.employers.map((e) => sameEmployer({ name: input.employerName, credit: input.creditCode, alias: input.employerAlias }, e)).find(Boolean);
    if (employer && input.personName.trim()) {
      if (p.name === input.personName.trim()) reasons.push(`同名且${employer}`);
      else if (soundOf(p.name) === target) reasons.push(`姓名读音相同（${p.name}／${input.personName.trim()}，${target}）且${employer}`);
    }
    if (reasons.length) matches.push({ kind: p.kind, id: p.id, label: p.label, name: p.name, reasons, link: p.kind === 'case' ? `cases/${p.id}` : `aid/consultations/${p.id}` });
  }
  return matches;
}

/** The conflict check as the caller may see it: window staff get one anonymous answer when anything matches. */
export function checkConflictsFor(ctx: ServiceContext, input: Parameters<typeof checkConflicts>[1]): ConflictMatch[] {
  const matches = checkConflicts(ctx.db, input);
  const role = ctx.session.user?.role;
  if (!matches.length || !role || seesConflictDetails(role)) return matches;
  return [{ kind: 'consultation', id: '', label: '', name: '', reasons: [CONFLICT_WITHHELD_MESSAGE], link: '', withheld: true }];
}

// ------------------------------------------------------------------------------------------------------------ legal aid

function toAid(db: Db, a: AidApplicationRow, day: string): AidApplicationView {
  const decisionDue = aidDecisionDue(a.received_date);
  const assignmentDue = a.decision === 'approved' && a.decision_date ? aidAssignmentDue(a.decision_date) : null;
  const history = selectAidHistory(db, a.id).map((h) => ({
    at: h.created_at, action: h.action, summary: h.summary, actorName: h.actor_name,
  }));
  return {
    history,
    id: a.id, consultationId: a.consultation_id, matter: a.matter as AidMatter, matterLabel: AID_MATTERS[a.matter as AidMatter], eligibility: a.eligibility as AidEligibility,
    eligibilityLabel: AID_ELIGIBILITY[a.eligibility as AidEligibility], eligibilityNote: a.eligibility_note, receivedDate: a.received_date, urgent: a.urgent === 1,
    decision: a.decision, decisionDate: a.decision_date, refusalReason: a.refusal_reason, assignedLawyer: a.assigned_lawyer, assignedFirm: a.assigned_firm,
    assignedDate: a.assigned_date, objectionDate: a.objection_date, objectionNote: a.objection_note, closedDate: a.closed_date, closingReport: a.closing_report,
    decisionDue, assignmentDue,
    decisionOverdue: a.decision === 'pending' && day > decisionDue,
    assignmentOverdue: assignmentDue !== null && !a.assigned_date && day > assignmentDue,
  };
}

export function getAid(ctx: ServiceContext, id: string): AidApplicationView {
  const a = selectAid(ctx.db, id);
  if (!a) throw new AppError('NOT_FOUND', '法律援助申请不存在');
  return toAid(ctx.db, a, today(ctx));
}

/** The eligibility route for a consultation's matter, with its legal basis (Arts 41–42; Sichuan rule when enabled). */
export function eligibilityFor(ctx: ServiceContext, input: { consultationId: string; matter: AidMatter }) {
  const c = getConsultation(ctx, input.consultationId);
  return aidEligibility({ matter: input.matter, migrantWorker: c.groupFlags.includes('migrant_worker'), date: today(ctx), sichuanRule: readSettings(ctx.db).sichuanWorkerAidRule });
}

/** Appends one step to an aid application's history (append-only; migration 009) and notes it for the audit entry. */
function aidStep(ctx: ServiceContext, aidId: string, action: string, summary: string, data?: Record<string, unknown>): void {
  const u = actor(ctx);
  insertAidHistory(ctx.db, { id: newId(), aid_id: aidId, action, summary, data: data ? JSON.stringify(data) : null, created_at: nowIso(ctx), created_by: u.id, actor_name: u.displayName });
  audit(ctx, action, aidId, { summary });
}

export function applyAid(ctx: ServiceContext, input: { consultationId: string; matter: AidMatter; eligibility: AidEligibility; eligibilityNote?: string; receivedDate: string; limitationExpiry?: string }): AidApplicationView {
  const c = getConsultation(ctx, input.consultationId);
  requireNotImported(ctx.db, c.id, '据以申请法律援助');
  if (input.receivedDate > today(ctx)) invalid('receivedDate', '收到申请日期不能晚于今天');
  const advice = eligibilityFor(ctx, { consultationId: c.id, matter: input.matter });
  if (advice.meansTest === 'required' && (input.eligibility === 'exempt_check' || input.eligibility === 'no_condition')) {
    invalid('eligibility', `该申请人和事项不符合免予审查的条件，请选择经济困难审查或个人诚信承诺（${advice.basis[0]}）`);
  }
  if (c.aid.some((a) => a.decision !== 'refused' && !a.closedDate)) throw new AppError('CONFLICT', '该咨询已有未结的法律援助申请');
  const urgent = aidUrgent(today(ctx), input.limitationExpiry ?? null);
  const id = newId();
  ctx.db.transaction(() => {
    insertAid(ctx.db, {
      id, consultation_id: c.id, matter: input.matter, eligibility: input.eligibility, eligibility_note: input.eligibilityNote ?? (urgent ? AID_URGENT_BASIS : null),
      received_date: input.receivedDate, urgent: urgent ? 1 : 0, created_at: nowIso(ctx), created_by: actor(ctx).id,
    });
    markConsultationLegalAid(ctx.db, c.id, nowIso(ctx), actor(ctx).id);
    aidStep(ctx, id, 'aid.apply', `收到法律援助申请（${input.receivedDate}）：${AID_MATTERS[input.matter]}`);
  }).immediate();
  return getAid(ctx, id);
}

export function decideAid(ctx: ServiceContext, input: { id: string; decision: 'approved' | 'refused'; decisionDate: string; refusalReason?: string }): AidApplicationView {
  const a = getAid(ctx, input.id);
  if (a.decision !== 'pending') throw new AppError('INVALID_STATE', `已于 ${a.decisionDate} 作出决定`);
  if (input.decisionDate > today(ctx)) invalid('decisionDate', '决定日期不能晚于今天');
  if (input.decisionDate < a.receivedDate) invalid('decisionDate', `决定日期不能早于收到申请的日期（${a.receivedDate}）`);
  if (input.decision === 'refused' && !input.refusalReason?.trim()) invalid('refusalReason', '决定不予法律援助的，应当书面告知申请人并说明理由（《法律援助法》第四十三条）');
  updateAidDecision(ctx.db, a.id, input.decision, input.decisionDate, input.decision === 'refused' ? input.refusalReason!.trim() : null);
  aidStep(ctx, a.id, 'aid.decide', input.decision === 'approved' ? `决定给予法律援助（${input.decisionDate}）` : `决定不予法律援助（${input.decisionDate}）：${input.refusalReason!.trim()}`);
  return getAid(ctx, a.id);
}

export function assignAid(ctx: ServiceContext, input: { id: string; lawyer: string; firm: string; assignedDate: string; lawyerUserId?: string }): AidApplicationView {
  const a = getAid(ctx, input.id);
  if (a.decision !== 'approved') throw new AppError('INVALID_STATE', '只有决定给予法律援助后才能指派律师');
  if (input.assignedDate < a.decisionDate!) invalid('assignedDate', `指派日期不能早于决定日期（${a.decisionDate}）`);
  if (input.assignedDate > today(ctx)) invalid('assignedDate', '指派日期不能晚于今天');
  if (input.lawyerUserId) requireDeskLawyer(ctx.db, input.lawyerUserId, 'lawyerUserId');
  updateAidAssignment(ctx.db, a.id, input.lawyer, input.firm, input.assignedDate, input.lawyerUserId ?? null);
  aidStep(ctx, a.id, 'aid.assign', `指派${input.firm}${input.lawyer}（${input.assignedDate}）${a.assignedDate ? `，原指派${a.assignedFirm ?? ''}${a.assignedLawyer ?? ''}（${a.assignedDate}）` : ''}`);
  return getAid(ctx, a.id);
}

export function objectAid(ctx: ServiceContext, input: { id: string; objectionDate: string; note: string }): AidApplicationView {
  const a = getAid(ctx, input.id);
  if (a.decision !== 'refused') throw new AppError('INVALID_STATE', '只能对不予法律援助的决定提出异议（《法律援助法》第四十九条）');
  if (input.objectionDate > today(ctx)) invalid('objectionDate', '异议日期不能晚于今天');
  if (a.decisionDate && input.objectionDate < a.decisionDate) invalid('objectionDate', `异议日期不能早于决定日期（${a.decisionDate}）`);
  updateAidObjection(ctx.db, a.id, input.objectionDate, input.note);
  aidStep(ctx, a.id, 'aid.object', `申请人提出异议（${input.objectionDate}）：${input.note}`);
  return getAid(ctx, a.id);
}

export function closeAid(ctx: ServiceContext, input: { id: string; closedDate: string; report: string; recoveredFen?: number | null }): AidApplicationView {
  const a = getAid(ctx, input.id);
  if (!a.assignedDate) throw new AppError('INVALID_STATE', '尚未指派律师的援助事项不能结案');
  if (a.closedDate) throw new AppError('INVALID_STATE', `该援助事项已于 ${a.closedDate} 结案，结案报告不能改写`);
  if (input.closedDate > today(ctx)) invalid('closedDate', '结案日期不能晚于今天');
  if (input.closedDate < a.assignedDate) invalid('closedDate', `结案日期不能早于指派日期（${a.assignedDate}）`);
  ctx.db.transaction(() => {
    updateAidClosing(ctx.db, a.id, input.closedDate, input.report);
    if (input.recoveredFen != null) {
      snapshotConsultation(ctx, a.consultationId);
      updateConsultationRecovered(ctx.db, a.consultationId, input.recoveredFen, nowIso(ctx), actor(ctx).id);
    }
    aidStep(ctx, a.id, 'aid.close', `援助事项结案（${input.closedDate}）`, { report: input.report });
  }).immediate();
  return getAid(ctx, a.id);
}

/** Aid decisions (7 days) and assignments (3 days) still open, for the dashboard (Art 43). */
export function aidDeadlines(ctx: ServiceContext): AidDeadlineItem[] {
  const day = today(ctx);
  const rows: OpenAidRow[] = selectOpenAidDeadlines(ctx.db);
  return rows.map((r) => {
    const a = toAid(ctx.db, r, day);
    const pending = a.decision === 'pending';
    const due = pending ? a.decisionDue : a.assignmentDue!;
    return {
      aidId: a.id, consultationId: a.consultationId, applicant: r.person_name, label: pending ? '法律援助：作出是否给予援助的决定' : '法律援助：指派法律援助人员',
      dueDate: due, overdue: day > due, daysLeft: daysBetween(day, due), basis: pending ? AID_DECISION_BASIS : AID_ASSIGNMENT_BASIS, urgent: a.urgent,
    };
  }).sort((x, y) => x.dueDate.localeCompare(y.dueDate));
}

/**
 * Prints a legal-aid paper (application form, decision, assignment letter) through the document engine, in the legal-aid
 * centre's name. They are printed from the stored application each time, not registered: the centre keeps the file.
 */
export async function aidDocument(ctx: ServiceContext, input: { id: string; kind: AidDocumentKind; format: 'pdf' | 'docx' }): Promise<DocumentFile> {
  const aid = getAid(ctx, input.id);
  if (input.kind === 'aid_decision' && aid.decision === 'pending') throw new AppError('INVALID_STATE', '尚未作出是否给予法律援助的决定');
  if (input.kind === 'aid_assignment' && !aid.assignedDate) throw new AppError('INVALID_STATE', '尚未指派法律援助人员');
  const c = getConsultation(ctx, aid.consultationId);
  const settings = readSettings(ctx.db);
  const model = AID_BUILDERS[input.kind]({ centreName: settings.legalAidCentreName, consultation: c, aid, date: today(ctx) });
  const bytes = await render(model, input.format, settings.documentFonts);
  const title = model.title;
  return {
    fileName: `${c.personName}-${title}.${input.format}`,
    mimeType: input.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    base64: bytes.toString('base64'),
  };
}

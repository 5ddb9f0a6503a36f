import type {
  CaseDetail, CaseDraft, LimitationRecord, CaseEvent, CaseListPage, CaseSummary, Party, RelatedCase, RelatedCasesPage, StoredClaim, StoredEvidence, StoredParty,
} from '../api';
import type { schemas } from '../api';
import type * as z from 'zod';
import { AppError } from '../api';
import {
  type CaseStatus, type GroupFlag, type NonAcceptanceReason, type PartyRole, NON_ACCEPTANCE_REASONS,
  PARTY_ROLE_LABELS, formatCaseNumber, limitationExpiry, maskIdNumber, shanghaiDate, yearOf,
} from '../domain';
import { loadCalendar } from './calendar';
import { type ServiceContext, actor, caseEvent, newId, nowIso } from './context';
import { checkDate, closureOf } from './guards';
import { requireDeskLawyer } from './case-access';
import { loadCorrections } from './corrections';
import { linkPartyEmployer, reviewCaseEmployer } from './employers';
import { printProblems } from './print-check';
import { readSettings } from './settings';
import type { Db } from '../db/open';
import { selectCaseListPage, selectCaseSummaries } from '../db/queries/case-list';
import { selectImportedAmong } from '../db/queries/ledger';
import {
  type CaseDetailRow, type DraftFields, deleteDraftChildren, insertDraftCase, nextCaseSeq, otherCaseOfConsultation, selectCaseById, selectCaseByNumber, setCaseAccepted, setCaseConsultation,
  setCaseDiscarded, setCaseNotAccepted, updateDraftCase,
} from '../db/queries/cases';
import { insertClaim, insertEvidence, selectCaseClaims, selectCaseEvidence, selectCaseTimeline } from '../db/queries/claims';
import { consultationExists, markConsultationArbitration } from '../db/queries/consultations';
import {
  insertAgent, insertParty, selectAgents, selectCaseParties, selectRelatedCasePage, countRelatedCases, type RelatedSource,
} from '../db/queries/parties';
import type { PartyRow } from '../db/queries/rows';
import { venueExists } from '../db/queries/venues';


type CaseRow = CaseDetailRow;

/** Acceptance and non-acceptance: only once, on a draft, dated between receipt and today. */
function checkDecision(ctx: ServiceContext, row: CaseRow, date: string, field: string, label: string): void {
  if (row.status !== 'draft') throw new AppError('INVALID_STATE', row.status === 'accepted' ? `该案已受理，案号 ${row.case_number}` : '该申请已作出不予受理决定');
  checkDate(ctx, date, field, label);
  if (date < row.received_date) {
    const message = `${label}不能早于收件日期（${row.received_date}）`;
    throw new AppError('VALIDATION', message, [{ path: field, message }]);
  }
}

function requireVenue(db: Db, venueId: string): void {
  if (!venueExists(db, venueId)) {
    throw new AppError('VALIDATION', '办案场所不存在，请重新选择', [{ path: 'venueId', message: '办案场所不存在，请重新选择' }]);
  }
}

function insertParties(ctx: ServiceContext, caseId: string, role: PartyRole, parties: Party[]): void {
  const db = ctx.db;
  parties.forEach((p, seq) => {
    const id = newId();
    const person = p.kind === 'person' ? p : null;
    const org = p.kind === 'org' ? p : null;
    insertParty(db, {
      id, case_id: caseId, role, seq, kind: p.kind, name: p.name,
      sex: person?.sex ?? null, birth_date: person?.birthDate ?? null, ethnicity: person?.ethnicity ?? null,
      id_type: person?.idType ?? null, id_number: person?.idNumber ?? null, credit_code: org?.creditCode ?? null,
      domicile: p.domicile ?? null, service_address: p.serviceAddress ?? null, phone: p.phone ?? null,
      representative_name: org?.representativeName ?? null, representative_title: org?.representativeTitle ?? null,
      representative_kind: org?.representativeKind ?? null, is_representative: person?.isRepresentative ? 1 : 0,
    });
    linkPartyEmployer(ctx, id, { kind: p.kind, name: p.name, creditCode: org?.creditCode ?? null }); // issue 16: the employer register
    p.agents.forEach((a, i) => {
      if (a.userId) requireDeskLawyer(db, a.userId, 'agents.userId');
      insertAgent(db, { id: newId(), party_id: id, seq: i, name: a.name, kind: a.kind, organisation: a.organisation ?? null, phone: a.phone ?? null, user_id: a.userId ?? null });
    });
  });
}

function loadCaseRow(db: Db, id: string): CaseRow {
  const row = selectCaseById(db, id);
  if (!row || row.status === 'discarded') throw new AppError('NOT_FOUND', '案件不存在或草稿已删除');
  return row;
}

/** Creates or replaces a draft application in one transaction. */
export function saveDraft(ctx: ServiceContext, d: CaseDraft): CaseDetail {
  const u = actor(ctx);
  const at = nowIso(ctx);
  const id = ctx.db.transaction(() => {
    requireVenue(ctx.db, d.venueId);
    checkDate(ctx, d.receivedDate, 'receivedDate', '收件日期');
    let caseId = d.id;
    const fields: DraftFields = [d.venueId, d.receivedDate, d.cause ?? null, d.collective ? 1 : 0, d.workerCount ?? null, JSON.stringify(d.groupFlags), d.note ?? null];
    if (caseId) {
      const row = loadCaseRow(ctx.db, caseId);
      if (row.status !== 'draft') throw new AppError('INVALID_STATE', `该申请已${row.status === 'accepted' ? '受理' : '作出不予受理决定'}，不能再作为草稿修改`);
      updateDraftCase(ctx.db, caseId, fields, at, u.id);
      deleteDraftChildren(ctx.db, caseId);
    } else {
      caseId = newId();
      insertDraftCase(ctx.db, caseId, fields, at, u.id);
    }
    if (d.consultationId) {
      if (!consultationExists(ctx.db, d.consultationId)) throw new AppError('VALIDATION', '所关联的咨询登记不存在', [{ path: 'consultationId', message: '咨询登记不存在' }]);
      // One record, once: a consultation becomes one application (issue 14).
      const earlier = otherCaseOfConsultation(ctx.db, d.consultationId, caseId);
      if (earlier) throw new AppError('CONFLICT', `该咨询登记已转为仲裁申请（${earlier.case_number ?? `草稿，收件日期 ${earlier.received_date}`}），请在该申请中继续办理`, [{ path: 'consultationId', message: '该咨询登记已转为仲裁申请' }]);
      setCaseConsultation(ctx.db, caseId, d.consultationId);
      markConsultationArbitration(ctx.db, d.consultationId, at);
    }
    insertParties(ctx, caseId, 'applicant', d.applicants);
    insertParties(ctx, caseId, 'respondent', d.respondents);
    insertParties(ctx, caseId, 'third_party', d.thirdParties);
    d.claims.forEach((c, i) => insertClaim(ctx.db, {
      id: newId(), case_id: caseId!, seq: i, type: c.type, amount_fen: c.amountFen, period_start: c.periodStart ?? null, period_end: c.periodEnd ?? null, text: c.text,
      facts: c.facts ?? null, basis: c.basis ?? null, limitation: c.limitation ? JSON.stringify(c.limitation) : null,
    }));
    reviewCaseEmployer(ctx, caseId); // issue 16: grade and warnings of the case's employer
    d.evidence.forEach((e, i) => insertEvidence(ctx.db, { id: newId(), case_id: caseId!, seq: i, name: e.name, source: e.source ?? null, purpose: e.purpose ?? null, copies: e.copies }));
    caseEvent(ctx, caseId, d.id ? 'draft.updated' : 'draft.created', d.id ? '修改仲裁申请草稿' : `登记仲裁申请（收件日期 ${d.receivedDate}）`, {
      applicants: d.applicants.length, respondents: d.respondents.length, claims: d.claims.length,
    });
    return caseId;
  }).immediate();
  return getCase(ctx.db, { id });
}

export function discardDraft(ctx: ServiceContext, id: string): null {
  ctx.db.transaction(() => {
    const row = loadCaseRow(ctx.db, id);
    if (row.status !== 'draft') throw new AppError('INVALID_STATE', '只能删除尚未受理的草稿');
    setCaseDiscarded(ctx.db, id, nowIso(ctx), actor(ctx).id);
    caseEvent(ctx, id, 'draft.discarded', '删除草稿');
  }).immediate();
  return null;
}

/** What must be on file before acceptance (Rules Art 29: the worker's ID document number; a named respondent). */
function acceptanceGaps(c: CaseDetail): { path: string; message: string }[] {
  const gaps: { path: string; message: string }[] = [];
  c.applicants.forEach((p, i) => {
    if (p.kind === 'person' && !p.idNumber) {
      gaps.push({ path: `applicants.${i}.idNumber`, message: `申请人${p.name}未填写身份证件号码（《办案规则》第二十九条），请补正后再受理` });
    }
  });
  return gaps;
}

/**
 * Accepts a draft. The case number comes from the per-year sequence inside the same IMMEDIATE transaction,
 * so concurrent acceptances (two laptops on one file, or two windows) never share or skip a number.
 */
export function acceptCase(ctx: ServiceContext, id: string, acceptanceDate: string): CaseDetail {
  ctx.db.transaction(() => {
    const row = loadCaseRow(ctx.db, id);
    checkDecision(ctx, row, acceptanceDate, 'acceptanceDate', '受理日期');
    const draft = getCase(ctx.db, { id });
    const gaps = acceptanceGaps(draft);
    if (gaps.length) throw new AppError('VALIDATION', gaps[0]!.message, gaps);
    // A character no document face can print would block every paper of the case after acceptance: fix it first.
    if (draft.printProblems.length) throw new AppError('VALIDATION', `${draft.printProblems[0]!.message}。请先修改申请再受理`, draft.printProblems);
    const settings = readSettings(ctx.db);
    const year = yearOf(acceptanceDate);
    const last = nextCaseSeq(ctx.db, year);
    const caseNumber = formatCaseNumber(settings.caseNumberPattern, year, last);
    try {
      setCaseAccepted(ctx.db, id, { caseNumber, year, seq: last, acceptanceDate, at: nowIso(ctx), by: actor(ctx).id });
    } catch (e) {
      if (e instanceof Error && /UNIQUE constraint failed: cases.case_number/.test(e.message)) {
        throw new AppError('CONFLICT', `案号 ${caseNumber} 已被使用，请检查案号格式设置`);
      }
      throw e;
    }
    caseEvent(ctx, id, 'accepted', `受理，案号 ${caseNumber}（受理日期 ${acceptanceDate}）`, { caseNumber, acceptanceDate });
  }).immediate();
  return getCase(ctx.db, { id });
}

export function notAcceptCase(
  ctx: ServiceContext,
  input: { id: string; decisionDate: string; reasonCode: NonAcceptanceReason; reasonText: string },
): CaseDetail {
  ctx.db.transaction(() => {
    const row = loadCaseRow(ctx.db, input.id);
    checkDecision(ctx, row, input.decisionDate, 'decisionDate', '决定日期');
    setCaseNotAccepted(ctx.db, input.id, { decisionDate: input.decisionDate, reasonCode: input.reasonCode, reasonText: input.reasonText, at: nowIso(ctx), by: actor(ctx).id });
    const reason = NON_ACCEPTANCE_REASONS[input.reasonCode];
    caseEvent(ctx, input.id, 'not_accepted', `不予受理：${reason.label}${reason.basis ? `（${reason.basis}）` : ''}`, { reasonCode: input.reasonCode });
  }).immediate();
  return getCase(ctx.db, { id: input.id });
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

function toParty(r: PartyRow, agents: { name: string; kind: string; organisation: string | null; phone: string | null; user_id: string | null }[]): StoredParty {
  const ag = agents.map((a) => ({ name: a.name, kind: a.kind as never, organisation: opt(a.organisation), phone: opt(a.phone), userId: opt(a.user_id) }));
  if (r.kind === 'person') {
    return {
      id: r.id, role: r.role, kind: 'person', name: r.name, sex: opt(r.sex as 'male' | 'female' | null), birthDate: opt(r.birth_date), ethnicity: opt(r.ethnicity),
      idType: (r.id_type as 'resident' | 'other' | null) ?? 'resident', idNumber: opt(r.id_number), domicile: opt(r.domicile), serviceAddress: opt(r.service_address),
      phone: opt(r.phone), isRepresentative: r.is_representative === 1, agents: ag,
    };
  }
  return {
    id: r.id, role: r.role, kind: 'org', name: r.name, creditCode: opt(r.credit_code), domicile: opt(r.domicile),
    serviceAddress: opt(r.service_address), phone: opt(r.phone), representativeName: opt(r.representative_name),
    representativeTitle: opt(r.representative_title), representativeKind: (r.representative_kind as 'legal' | 'principal' | null) ?? 'legal', agents: ag,
  };
}

export function getCase(db: Db, key: { id: string } | { caseNumber: string }): CaseDetail {
  const row = 'id' in key ? selectCaseById(db, key.id) : selectCaseByNumber(db, key.caseNumber.trim());
  if (!row || row.status === 'discarded') throw new AppError('NOT_FOUND', 'id' in key ? '案件不存在' : `未找到案号为“${key.caseNumber}”的案件`);
  const parties = selectCaseParties(db, row.id);
  const stored = parties.map((p) => toParty(p, selectAgents(db, p.id)));
  const claimRows = selectCaseClaims(db, row.id);
  const cal = claimRows.some((c) => c.limitation) ? loadCalendar(db) : null;
  const claims = claimRows.map((c): StoredClaim => {
    const limitation = c.limitation ? (JSON.parse(c.limitation) as LimitationRecord) : undefined;
    let limitationCheck: StoredClaim['limitationCheck'] = null;
    if (limitation && cal) {
      const r = limitationExpiry(cal, { ...limitation, knewDate: limitation.knewDate ?? row.received_date }, row.received_date);
      limitationCheck = { expiry: r.expiry, expired: r.expiry !== null && r.expiry < row.received_date, provisional: r.provisional, basis: r.basis };
    }
    return {
      id: c.id, seq: c.seq, type: c.type as StoredClaim['type'], amountFen: c.amount_fen, periodStart: opt(c.period_start), periodEnd: opt(c.period_end),
      text: c.text, facts: opt(c.facts), basis: opt(c.basis), limitation, limitationCheck,
    };
  });
  const evidence = selectCaseEvidence(db, row.id).map(
    (e): StoredEvidence => ({ id: e.id, seq: e.seq, name: e.name, source: opt(e.source), purpose: opt(e.purpose), copies: e.copies }),
  );
  const timeline = selectCaseTimeline(db, row.id).map(
    (e): CaseEvent => ({ id: e.id, at: e.at, kind: e.kind, summary: e.summary, actorName: e.actor_name }),
  );
  const nonAcceptanceReason = row.non_acceptance_reason as NonAcceptanceReason | null;
  return {
    id: row.id, caseNumber: row.case_number, status: row.status as CaseStatus, venueId: row.venue_id, venueName: row.venue_name,
    receivedDate: row.received_date, acceptanceDate: row.acceptance_date, cause: row.cause, collective: row.collective === 1,
    workerCount: row.worker_count, groupFlags: JSON.parse(row.group_flags) as GroupFlag[], note: row.note, consultationId: row.consultation_id ?? null,
    nonAcceptance: nonAcceptanceReason
      ? {
          decisionDate: row.non_acceptance_date!, reasonCode: nonAcceptanceReason, reasonText: row.non_acceptance_text ?? '',
          basis: NON_ACCEPTANCE_REASONS[nonAcceptanceReason].basis,
        }
      : null,
    applicants: stored.filter((p) => p.role === 'applicant'),
    respondents: stored.filter((p) => p.role === 'respondent'),
    thirdParties: stored.filter((p) => p.role === 'third_party'),
    claims, evidence, timeline,
    createdAt: row.created_at, createdBy: row.created_by_name, updatedAt: row.updated_at, updatedBy: row.updated_by_name,
    revision: row.revision, closedDate: closureOf(db, row.id)?.closedDate ?? null, corrections: loadCorrections(db, row.id),
    imported: selectImportedAmong(db, [row.id]).has(row.id),
    printProblems: row.status === 'draft' ? printProblems({ applicants: stored.filter((p) => p.role === 'applicant'), respondents: stored.filter((p) => p.role === 'respondent'), thirdParties: stored.filter((p) => p.role === 'third_party'), claims }, readSettings(db).documentFonts) : [],
  };
}

/** Lists cases, newest first; `query` matches party names (applicants and employers), ID numbers, credit codes and case numbers. */
type CaseListFilter = z.output<typeof schemas.caseList>;

export function listCases(db: Db, f: CaseListFilter & { viewer?: string | null }): CaseListPage {
  const { total, rows } = selectCaseListPage(db, f);
  const imported = selectImportedAmong(db, rows.map((r) => r.id));
  const items = rows.map((r): CaseSummary => {
    const apps = JSON.parse(r.applicants) as [string, string | null][];
    return {
      id: r.id, caseNumber: r.case_number, status: r.status, venueId: r.venue_id, venueName: r.venue_name, receivedDate: r.received_date,
      acceptanceDate: r.acceptance_date, applicantNames: apps.map((a) => a[0]), applicantIdsMasked: apps.map((a) => maskIdNumber(a[1])),
      respondentNames: JSON.parse(r.respondents) as string[], claimCount: r.claim_count, claimTotalFen: r.claim_total,
      collective: r.collective === 1, groupFlags: JSON.parse(r.group_flags) as GroupFlag[], updatedAt: r.updated_at, closedDate: r.closed_date ?? null,
      imported: imported.has(r.id),
    };
  });
  return { total, items };
}

/**
 * Related-case check before acceptance: another case (not discarded) sharing a party's ID number or credit code,
 * or an applicant with the same name against the same employer (same name or same credit code).
 * One page and the count (issue 13, scale4): the busiest employer has thousands of cases; SQL counts them and cuts the
 * page (open cases first, newest received first), and only the page's cases are read.
 */
export function relatedCases(db: Db, input: { id: string; limit?: number; offset?: number; viewer?: string | null }): RelatedCasesPage {
  const { id, limit = 20, offset = 0, viewer = null } = input;
  const c = getCase(db, { id });
  const sources: RelatedSource[] = [];
  const says: ((hit: { name: string; role: string }) => string)[] = [];
  for (const p of [...c.applicants, ...c.respondents, ...c.thirdParties]) {
    const role = PARTY_ROLE_LABELS[p.role];
    if (p.kind === 'person' && p.idNumber) {
      sources.push({ kind: 'id', idNumber: p.idNumber });
      says.push((r) => (r.name === p.name ? `${role}${p.name}身份证件号码相同` : `${role}${p.name}的身份证件号码在该案中登记为“${r.name}”（${PARTY_ROLE_LABELS[r.role as PartyRole]}）`));
    }
    if (p.kind === 'org' && p.creditCode) {
      sources.push({ kind: 'code', creditCode: p.creditCode });
      says.push(() => `${role}${p.name}统一社会信用代码相同`);
    }
  }
  for (const a of c.applicants) {
    for (const e of c.respondents) {
      if (e.kind !== 'org') continue;
      sources.push({ kind: 'pair', name: a.name, employer: e.name, code: e.creditCode ?? null });
      says.push(() => `申请人${a.name}与同一用人单位${e.name}`);
    }
  }
  const hits = selectRelatedCasePage(db, { self: id, sources, limit, offset, viewer }); // only the cases the viewer may read (issue 12 item 2)
  const total = hits.length ? hits[0]!.total : offset > 0 ? countRelatedCases(db, { self: id, sources, viewer }) : 0;
  const reasons = new Map<string, Set<string>>();
  for (const h of hits) {
    const set = reasons.get(h.case_id) ?? reasons.set(h.case_id, new Set()).get(h.case_id)!;
    set.add(says[h.src]!(h));
  }
  const byId = new Map(selectCaseSummaries(db, [...reasons.keys()]).map((r) => [r.id, r]));
  const items: RelatedCase[] = [...reasons.keys()].map((caseId) => {
    const r = byId.get(caseId)!;
    return {
      caseId, caseNumber: r.case_number, status: r.status, receivedDate: r.received_date,
      applicantNames: (JSON.parse(r.applicants) as [string, string | null][]).map(([name]) => name), respondentNames: JSON.parse(r.respondents) as string[],
      reasons: [...reasons.get(caseId)!],
    };
  });
  return { total, offset, items };
}

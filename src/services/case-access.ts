import { AppError, type OperationName } from '../api';
import { readsOnlyOwnCases } from '../domain';
import {
  countDocuments, countUnreadableCases, selectCaseIdByNumber, selectCaseOfHearing, selectCaseOfMediation, selectCasesOfDocuments,
} from '../db/queries/case-access';
import { selectUser } from '../db/queries/users';
import { selectCaseOfParty } from '../db/queries/personal';
import type { Db } from '../db/open';
import type { ServiceContext } from './context';
import { invalid } from './errors';

/**
 * Need-to-know case reads (issue 12 item 2), enforced in one place: the dispatcher calls `requireCaseAccess` for every
 * operation before its handler, and the queries that list cases add the one SQL condition of
 * src/db/queries/case-access.ts for `caseViewer(ctx)`.
 *
 * Lawyers and window staff read a case only where they are an agent of a party or the assigned legal-aid lawyer (or
 * registered the application, while it is a draft); the commission's staff read every case. Consultations and
 * legal-aid records stay open to the whole legal-aid desk (the 1+1 duty pair works on them together).
 */
export const CASE_REFUSED_MESSAGE = '无权查阅该案件：律师和窗口工作人员只能查阅本人担任代理人、受指派承办或本人登记（尚未受理）的案件';

/** The viewer whose cases a query must be limited to, or null when the user reads every case. */
export function caseViewer(ctx: ServiceContext): string | null {
  const u = ctx.session.user;
  if (!u || ctx.session.system) return null;
  return readsOnlyOwnCases(u.role) ? u.id : null;
}

/** What an operation's input says about cases. */
interface CaseRefs {
  caseIds?: (string | undefined)[];
  caseNumber?: string;
  documentIds?: string[];
  mediationId?: string;
  hearingId?: string;
  partyId?: string;
}

type Input = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const byId = (i: Input): CaseRefs => ({ caseIds: [str(i.id)] });
const byCaseId = (i: Input): CaseRefs => ({ caseIds: [str(i.caseId)] });

/**
 * How each operation open to a restricted role names its cases:
 * - a function: the cases (or documents, mediations, hearings of cases) the input refers to, each checked;
 * - 'listed': the operation lists cases and its query adds the condition for `caseViewer`;
 * - 'none': no case data in the answer (aggregate figures, templates, the staff list, reference data);
 * - 'staff': lists across the commission's cases without a need-to-know condition: refused to restricted roles.
 * A function applies whatever the operation's action (employers.lookup names a case although it reads the register).
 * Operations of actions restricted roles do not have (case.manage, case.decide, …) are refused before this, and the
 * legal-aid desk's records (aid.*), the employer register and reference data carry no case's personal data.
 * An operation of case.read, case.draft or mediation.manage missing here is refused to restricted roles (fail closed;
 * tests/integration/case-access.test.ts checks the table is complete).
 */
export const CASE_SCOPE: Partial<Record<OperationName, ((i: Input) => CaseRefs) | 'listed' | 'none' | 'staff'>> = {
  'cases.get': (i) => (typeof i.caseNumber === 'string' ? { caseNumber: i.caseNumber } : byId(i)),
  'cases.related': byId,
  'cases.clock': byId,
  'cases.proceedings': byId,
  'cases.outcomes': byId,
  'documents.kinds': byId,
  'documents.preview': byCaseId,
  'documents.file': (i) => ({ documentIds: [String(i.documentId)] }),
  'documents.merged': (i) => ({ documentIds: (i.documentIds as string[]) ?? [] }),
  'documents.issued': (i) => ({ caseIds: (i.caseIds as string[]) ?? [] }),
  'collective.roster': byCaseId,
  'satisfaction.record': (i) => (i.caseId ? byCaseId(i) : {}),
  'cases.saveDraft': (i) => (i.id ? byId(i) : {}),
  'cases.discardDraft': byId,
  'mediation.create': (i) => (i.caseId ? byCaseId(i) : {}),
  'mediation.addSession': (i) => ({ mediationId: String(i.mediationId) }),
  'mediation.conclude': (i) => ({ mediationId: String(i.mediationId) }),
  'employers.lookup': (i) => (i.caseId ? byCaseId(i) : {}),
  'personal.reveal': (i) => ({ partyId: String(i.partyId) }),
  'evidence.list': byId,
  'collective.workerClaims': byCaseId,
  'performance.get': byCaseId,
  'survey.open': (i) => (i.caseId ? byCaseId(i) : {}),
  // A mediation before arbitration is the desk's record; one within a case is checked against the case.
  'review.get': (i) => ({ mediationId: String(i.id) }),
  'review.paper': (i) => ({ mediationId: String(i.mediationId) }),
  'cases.list': 'listed',
  'cases.export': 'listed',
  'dashboard.get': 'listed',
  'hearings.list': 'listed',
  'stats.drill': 'listed',
  // the desk's own mediations before arbitration, and those of cases the reader may read
  'mediations.list': 'listed',
  'mediations.export': 'listed',
  // Lists across the commission's cases that have no need-to-know condition: the commission's staff only.
  'hearings.bulletin': 'staff',
  'hearings.export': 'staff',
  'documents.register': 'staff',
  'documents.exportRegister': 'staff',
  'stats.indicatorDrill': 'staff',
  'staff.list': 'none',
  'mediation.stats': 'none',
  'stats.official': 'none',
  'stats.indicators': 'none',
  'stats.export': 'none',
  'stats.pdf': 'none',
  'ledger.template': 'none',
  'collective.template': 'none',
};

/** The actions whose operations carry case data and so must be classified in CASE_SCOPE. */
export const CASE_DATA_ACTIONS: readonly string[] = ['case.read', 'case.draft', 'mediation.manage'];

/**
 * Refuses (FORBIDDEN, one message that says nothing about the case — not whether it exists) when a restricted user
 * names a case, document, hearing or mediation of a case they may not read.
 */
export function requireCaseAccess(ctx: ServiceContext, name: OperationName, action: string | undefined, input: unknown): void {
  const viewer = caseViewer(ctx);
  if (viewer === null) return;
  const scope = CASE_SCOPE[name];
  if (scope === 'listed' || scope === 'none') return;
  if (scope === 'staff') throw new AppError('FORBIDDEN', CASE_REFUSED_MESSAGE);
  if (!scope) {
    if (action && CASE_DATA_ACTIONS.includes(action)) throw new AppError('FORBIDDEN', CASE_REFUSED_MESSAGE);
    return;
  }
  const refs = scope((input ?? {}) as Input);
  const ids: string[] = [];
  const refuse = () => new AppError('FORBIDDEN', CASE_REFUSED_MESSAGE);
  for (const id of refs.caseIds ?? []) {
    if (id === undefined) throw refuse();
    ids.push(id);
  }
  if (refs.caseNumber !== undefined) {
    const id = selectCaseIdByNumber(ctx.db, refs.caseNumber);
    if (!id) throw refuse();
    ids.push(id);
  }
  if (refs.documentIds) {
    if (countDocuments(ctx.db, refs.documentIds) !== new Set(refs.documentIds).size) throw refuse();
    ids.push(...selectCasesOfDocuments(ctx.db, refs.documentIds));
  }
  if (refs.hearingId !== undefined) {
    const id = selectCaseOfHearing(ctx.db, refs.hearingId);
    if (!id) throw refuse();
    ids.push(id);
  }
  if (refs.partyId !== undefined) {
    const id = selectCaseOfParty(ctx.db, refs.partyId);
    if (!id) throw refuse();
    ids.push(id);
  }
  if (refs.mediationId !== undefined) {
    const id = selectCaseOfMediation(ctx.db, refs.mediationId);
    // A mediation before arbitration belongs to the desk (null); an unknown one is left to the service's NOT_FOUND.
    if (id) ids.push(id);
  }
  if (ids.length && countUnreadableCases(ctx.db, viewer, ids) > 0) throw refuse();
}

/** An agent's or an assigned lawyer's account must be an active lawyer's (法律援助律师) account. */
export function requireDeskLawyer(db: Db, userId: string, path: string): void {
  const u = selectUser(db, userId);
  if (!u || u.role !== 'lawyer' || u.active !== 1) invalid(path, '所选账号不是在用的律师账号，请重新选择');
}

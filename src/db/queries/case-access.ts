import type { Db } from '../open';
import { stmt } from './stmt';

/**
 * Need-to-know (issue 12 item 2): the cases a restricted viewer (@viewer: a lawyer or window staff) may read, in ONE
 * SQL statement that every case query reuses (src/services/case-access.ts decides who is restricted):
 * - the cases where the viewer is an agent (代理人) of a party, linked to the viewer's account (agents.user_id);
 * - the cases started from a consultation whose legal-aid application the centre assigned to the viewer
 *   (aid_applications.assigned_user_id; Legal Aid Law Art 43);
 * - the applications the viewer registered, while they are drafts (the window registers them; acceptance hands the
 *   case to the commission).
 */
export const VIEWER_CASES = `SELECT p.case_id FROM agents a JOIN parties p ON p.id = a.party_id WHERE a.user_id = @viewer
  UNION SELECT c2.id FROM aid_applications x JOIN cases c2 ON c2.consultation_id = x.consultation_id WHERE x.assigned_user_id = @viewer
  UNION SELECT id FROM cases WHERE created_by = @viewer AND status = 'draft'`;

/**
 * The condition "the case `caseExpr` is visible": always true for an unrestricted viewer (null), else membership in
 * VIEWER_CASES with @viewer bound in `params`.
 */
export function caseVisibleCondition(caseExpr: string, viewer: string | null, params: Record<string, unknown>): string {
  if (viewer === null) return '1';
  params.viewer = viewer;
  return `${caseExpr} IN (${VIEWER_CASES})`;
}

/** How many of the given case ids the viewer may NOT read (an id of no case counts as not readable). */
export function countUnreadableCases(db: Db, viewer: string, caseIds: readonly string[]): number {
  const params: Record<string, unknown> = { ids: JSON.stringify([...new Set(caseIds)]) };
  const cond = caseVisibleCondition('j.value', viewer, params);
  return (stmt(db, `SELECT count(*) AS n FROM json_each(@ids) j WHERE NOT (${cond})`).get(params) as { n: number }).n;
}

/** The case of each given document (documents of no case are left out; the caller compares the counts). */
export function selectCasesOfDocuments(db: Db, documentIds: readonly string[]): string[] {
  return (stmt(db, 'SELECT DISTINCT case_id FROM case_documents WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...new Set(documentIds)])) as { case_id: string }[]).map((r) => r.case_id);
}

export function countDocuments(db: Db, documentIds: readonly string[]): number {
  return (stmt(db, 'SELECT count(*) AS n FROM case_documents WHERE id IN (SELECT value FROM json_each(?))').get(JSON.stringify([...new Set(documentIds)])) as { n: number }).n;
}

export function selectCaseIdByNumber(db: Db, caseNumber: string): string | undefined {
  return (stmt(db, 'SELECT id FROM cases WHERE case_number = ?').get(caseNumber) as { id: string } | undefined)?.id;
}

/** The case of a mediation: null for a mediation before arbitration (the desk's own), undefined for no mediation. */
export function selectCaseOfMediation(db: Db, mediationId: string): string | null | undefined {
  const r = stmt(db, 'SELECT case_id FROM mediations WHERE id = ?').get(mediationId) as { case_id: string | null } | undefined;
  return r ? r.case_id : undefined;
}

export function selectCaseOfHearing(db: Db, hearingId: string): string | undefined {
  return (stmt(db, 'SELECT case_id FROM hearings WHERE id = ?').get(hearingId) as { case_id: string } | undefined)?.case_id;
}

import type { Db } from '../open';
import { stmt } from './stmt';

/** survey_links (022): one-time links to the party's survey screen; only the token's SHA-256 is stored. */
export interface SurveyLinkRow {
  token_hash: string;
  case_id: string | null;
  consultation_id: string | null;
  created_at: string;
  created_by: string;
  expires_at: string;
}

export function insertSurveyLink(db: Db, r: SurveyLinkRow): void {
  stmt(db, 'INSERT INTO survey_links (token_hash, case_id, consultation_id, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(r.token_hash, r.case_id, r.consultation_id, r.created_at, r.created_by, r.expires_at);
}

export function selectSurveyLink(db: Db, tokenHash: string): SurveyLinkRow | undefined {
  return stmt(db, 'SELECT * FROM survey_links WHERE token_hash = ?').get(tokenHash) as SurveyLinkRow | undefined;
}

/** What the survey screen names: the case number, or the consultation's arrival instant. */
export function selectSurveySubject(db: Db, r: { caseId: string | null; consultationId: string | null }): { case_number: string | null; arrived_at: string | null } | undefined {
  return (r.caseId
    ? stmt(db, 'SELECT case_number, NULL AS arrived_at FROM cases WHERE id = ?').get(r.caseId)
    : stmt(db, 'SELECT NULL AS case_number, arrived_at FROM consultations WHERE id = ?').get(r.consultationId)) as { case_number: string | null; arrived_at: string | null } | undefined;
}

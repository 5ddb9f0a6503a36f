import type { Db } from '../open';
import type { ConsultationRow, MediationRow } from './rows';
import { caseVisibleCondition } from './case-access';
import { stmt } from './stmt';

/**
 * Lists read for export (issue 15 item 6) and the lists the desk had no query for: pre-arbitration and in-arbitration
 * mediations across cases, and the document register across cases. Every query is filtered and limited in SQL; a
 * caller asks for one row more than it accepts to tell "too many" from "exactly the limit".
 */

const like = (q: string | undefined | null): string | null => (q && q.trim() ? `%${q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null);

export type ConsultationExportRow = ConsultationRow & { imported: number };

/** Consultations that arrived in [start, end) (UTC instants of Shanghai days), one window, a search on name, ID number or employer. */
export function selectConsultationsForExport(db: Db, f: { start: string; end: string; window: string | null; query: string | null; limit: number }): ConsultationExportRow[] {
  const q = like(f.query);
  return stmt(db, `SELECT c.*, EXISTS (SELECT 1 FROM ledger_records l WHERE l.record_id = c.id) AS imported FROM consultations c
    WHERE c.arrived_at >= ? AND c.arrived_at < ? AND (? IS NULL OR c.window = ?)
    AND (? IS NULL OR c.person_name LIKE ? ESCAPE '\\' OR c.person_id_number LIKE ? ESCAPE '\\' OR c.employer_name LIKE ? ESCAPE '\\')
    ORDER BY c.arrived_at LIMIT ?`).all(f.start, f.end, f.window, f.window, q, q, q, q, f.limit) as ConsultationExportRow[];
}

export type MediationListRow = MediationRow & { case_number: string | null; imported: number; ledger_number: string | null;
  /** The arbitral review of a pre-arbitration agreement (Rules Arts 74–78), if one was applied for. */
  review_state: 'applied' | 'accepted' | 'statement' | 'refused' | null };

export interface MediationListFilter {
  from: string;
  to: string;
  stage: string | null;
  outcome: string | null;
  query: string | null;
  limit: number;
  offset: number;
  /** need-to-know (issue 12 item 2): a restricted reader sees the desk's mediations and those of cases they may read */
  viewer?: string | null;
}

const MEDIATION_WHERE = `m.received_date BETWEEN @from AND @to AND (@stage IS NULL OR m.stage = @stage) AND (@outcome IS NULL OR m.outcome = @outcome)
  AND (@q IS NULL OR m.organisation LIKE @q ESCAPE '\\' OR m.applicant_name LIKE @q ESCAPE '\\' OR m.respondent_name LIKE @q ESCAPE '\\' OR c.case_number LIKE @q ESCAPE '\\')`;

/** Mediations received in a period (both stages), newest first, with the case number and whether the ledger import brought them. */
export function selectMediationList(db: Db, f: MediationListFilter): { total: number; rows: MediationListRow[] } {
  const p: Record<string, unknown> = { from: f.from, to: f.to, stage: f.stage, outcome: f.outcome, q: like(f.query) };
  const visible = `(m.case_id IS NULL OR ${caseVisibleCondition('m.case_id', f.viewer ?? null, p)})`;
  const total = (stmt(db, `SELECT COUNT(*) AS n FROM mediations m LEFT JOIN cases c ON c.id = m.case_id WHERE ${MEDIATION_WHERE} AND ${visible}`).get(p) as { n: number }).n;
  const rows = stmt(db, `SELECT m.*, c.case_number, l.record_id IS NOT NULL AS imported,
      CASE WHEN l.key LIKE 'mediation:%' THEN substr(l.key, 11) END AS ledger_number,
      CASE WHEN r.id IS NULL THEN NULL WHEN r.outcome IS NOT NULL THEN r.outcome WHEN r.accepted_date IS NOT NULL THEN 'accepted' ELSE 'applied' END AS review_state
    FROM mediations m LEFT JOIN cases c ON c.id = m.case_id LEFT JOIN ledger_records l ON l.record_id = m.id
      LEFT JOIN mediation_reviews r ON r.mediation_id = m.id
    WHERE ${MEDIATION_WHERE} AND ${visible} ORDER BY m.received_date DESC, m.created_at DESC LIMIT @limit OFFSET @offset`)
    .all({ ...p, limit: f.limit, offset: f.offset }) as MediationListRow[];
  return { total, rows };
}

export interface RegisterRow {
  id: string;
  case_id: string;
  case_number: string | null;
  kind: string;
  title: string;
  doc_number: string | null;
  version: number;
  issued_date: string;
  superseded_by: string | null;
  pages: number | null;
  served: number;
  created_by_name: string;
}

export interface RegisterFilter { from: string; to: string; kind: string | null; query: string | null; limit: number; offset: number }

const REGISTER_WHERE = `d.issued_date BETWEEN @from AND @to AND (@kind IS NULL OR d.kind = @kind)
  AND (@q IS NULL OR d.title LIKE @q ESCAPE '\\' OR d.doc_number LIKE @q ESCAPE '\\' OR COALESCE(d.case_number, c.case_number) LIKE @q ESCAPE '\\')`;

/** The document register across cases: every issued version in a period (no file contents), oldest first. */
export function selectRegister(db: Db, f: RegisterFilter): { total: number; rows: RegisterRow[] } {
  const p = { from: f.from, to: f.to, kind: f.kind, q: like(f.query) };
  const total = (stmt(db, `SELECT COUNT(*) AS n FROM case_documents d JOIN cases c ON c.id = d.case_id WHERE ${REGISTER_WHERE}`).get(p) as { n: number }).n;
  const rows = stmt(db, `SELECT d.id, d.case_id, COALESCE(d.case_number, c.case_number) AS case_number, d.kind, d.title, d.doc_number, d.version, d.issued_date,
      d.superseded_by, d.pages, (SELECT COUNT(*) FROM service_records s WHERE s.document_id = d.id) AS served, u.display_name AS created_by_name
    FROM case_documents d JOIN cases c ON c.id = d.case_id JOIN users u ON u.id = d.created_by
    WHERE ${REGISTER_WHERE} ORDER BY d.issued_date, d.created_at LIMIT @limit OFFSET @offset`).all({ ...p, limit: f.limit, offset: f.offset }) as RegisterRow[];
  return { total, rows };
}

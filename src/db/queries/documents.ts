import type { Db } from '../open';
import type { CaseDocumentRow, ServiceRecordRow } from './rows';
import { stmt } from './stmt';

/** The one module that reads and writes case_documents (the register) and its service_records. */

export function selectDocument(db: Db, id: string): CaseDocumentRow | undefined {
  return stmt(db, 'SELECT * FROM case_documents WHERE id = ?').get(id) as CaseDocumentRow | undefined;
}

/** A register entry as the case views list it, with the records its payload points at and who issued it. */
export type DocumentListRow = Pick<CaseDocumentRow, 'id' | 'case_id' | 'kind' | 'title' | 'issued_date' | 'hearing_id' | 'superseded_by' | 'version' | 'series_id'
  | 'reissue_reason' | 'pdf_sha256' | 'docx_sha256' | 'pages' | 'case_number' | 'created_at' | 'doc_number'> & { mediation_ref: string | null; record_ref: string | null; created_by_name: string };

export function selectCaseDocuments(db: Db, caseId: string): DocumentListRow[] {
  return stmt(db, `SELECT d.id, d.case_id, d.kind, d.title, d.issued_date, d.hearing_id, d.superseded_by, d.version, d.series_id, d.reissue_reason, d.pdf_sha256,
      d.docx_sha256, d.pages, d.case_number, d.doc_number, d.created_at, json_extract(d.payload, '$.mediationId') AS mediation_ref,
      json_extract(d.payload, '$.hearingRecordId') AS record_ref, u.display_name AS created_by_name FROM case_documents d JOIN users u ON u.id = d.created_by
      WHERE d.case_id = ? ORDER BY d.issued_date, d.created_at`).all(caseId) as DocumentListRow[];
}

export type DocumentFileRow = Pick<CaseDocumentRow, 'id' | 'title' | 'version' | 'case_number' | 'doc_number' | 'issued_date' | 'docx' | 'pdf' | 'docx_sha256' | 'pdf_sha256'>;

export function selectDocumentFile(db: Db, id: string): DocumentFileRow | undefined {
  return stmt(db, 'SELECT id, title, version, case_number, doc_number, issued_date, docx, pdf, docx_sha256, pdf_sha256 FROM case_documents WHERE id = ?').get(id) as DocumentFileRow | undefined;
}

export type NewDocumentRow = Omit<CaseDocumentRow, 'superseded_by'>;

export function insertDocument(db: Db, r: NewDocumentRow): void {
  stmt(db, `INSERT INTO case_documents (id, case_id, kind, title, issued_date, hearing_id, created_at, created_by, series_id, version, reissue_reason, case_number,
      text_content, payload, docx, pdf, docx_sha256, pdf_sha256, pages, doc_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(r.id, r.case_id, r.kind, r.title, r.issued_date, r.hearing_id, r.created_at, r.created_by, r.series_id, r.version, r.reissue_reason, r.case_number,
      r.text_content, r.payload, r.docx, r.pdf, r.docx_sha256, r.pdf_sha256, r.pages, r.doc_number);
}

export function selectSupersededBy(db: Db, id: string): Pick<CaseDocumentRow, 'superseded_by'> | undefined {
  return stmt(db, 'SELECT superseded_by FROM case_documents WHERE id = ?').get(id) as Pick<CaseDocumentRow, 'superseded_by'> | undefined;
}

/** The highest version in a series (null when the series has no row). */
export function selectMaxVersion(db: Db, seriesId: string): number | null {
  return (stmt(db, 'SELECT MAX(version) AS v FROM case_documents WHERE series_id = ?').get(seriesId) as { v: number | null }).v;
}

export function setSupersededBy(db: Db, id: string, newId: string): void {
  stmt(db, 'UPDATE case_documents SET superseded_by = ? WHERE id = ?').run(newId, id);
}

/** Current (not superseded) hearing notices issued for a hearing. */
export function selectCurrentHearingNoticeIds(db: Db, hearingId: string): string[] {
  return (stmt(db, "SELECT id FROM case_documents WHERE hearing_id = ? AND kind IN ('hearing_notice', 'postponement_notice') AND superseded_by IS NULL").all(hearingId) as Pick<CaseDocumentRow, 'id'>[]).map((r) => r.id);
}

/** The case's current (not superseded) awards. */
export function selectCurrentAwards(db: Db, caseId: string): Pick<CaseDocumentRow, 'title' | 'payload'>[] {
  return stmt(db, "SELECT title, payload FROM case_documents WHERE case_id = ? AND kind = 'award' AND superseded_by IS NULL").all(caseId) as Pick<CaseDocumentRow, 'title' | 'payload'>[];
}

/** Whether any party has been served the case's current award. */
export function currentAwardServed(db: Db, caseId: string): boolean {
  return stmt(db, "SELECT 1 FROM service_records s JOIN case_documents d ON d.id = s.document_id WHERE d.case_id = ? AND d.kind = 'award' AND d.superseded_by IS NULL").get(caseId) !== undefined;
}

export function documentServed(db: Db, documentId: string): boolean {
  return stmt(db, 'SELECT 1 FROM service_records WHERE document_id = ?').get(documentId) !== undefined;
}

export type ServiceRecordListRow = ServiceRecordRow & { party_name: string };

export function selectServiceRecords(db: Db, documentId: string): ServiceRecordListRow[] {
  return stmt(db, 'SELECT s.*, p.name AS party_name FROM service_records s JOIN parties p ON p.id = s.party_id WHERE s.document_id = ? ORDER BY s.served_date').all(documentId) as ServiceRecordListRow[];
}

export function insertServiceRecord(db: Db, r: ServiceRecordRow): void {
  stmt(db, `INSERT INTO service_records (id, document_id, party_id, method, sent_date, receipt_date, served_date, consent, witnesses, recorded, special_leaving, note, created_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(r.id, r.document_id, r.party_id, r.method, r.sent_date, r.receipt_date, r.served_date, r.consent, r.witnesses, r.recorded, r.special_leaving, r.note, r.created_at, r.created_by);
}

/** Current (not superseded) versions of one kind in a case, with the text they were issued with (duplicate check). */
export type CurrentOfKindRow = Pick<CaseDocumentRow, 'id' | 'title' | 'version' | 'issued_date' | 'hearing_id' | 'text_content' | 'payload' | 'pdf_sha256' | 'doc_number'>;

export function selectCurrentOfKind(db: Db, caseId: string, kind: string): CurrentOfKindRow[] {
  return stmt(db, `SELECT id, title, version, issued_date, hearing_id, text_content, payload, pdf_sha256, doc_number FROM case_documents
      WHERE case_id = ? AND kind = ? AND superseded_by IS NULL ORDER BY issued_date, created_at`).all(caseId, kind) as CurrentOfKindRow[];
}

/** The last 文号 taken in a series and year (0 when none): what the next issue will take, read before rendering. */
export function peekDocumentNumber(db: Db, series: string, year: number): number {
  return (stmt(db, 'SELECT last FROM document_number_seq WHERE series = ? AND year = ?').get(series, year) as { last: number } | undefined)?.last ?? 0;
}

/** Takes the next 文号 of a series and year; call inside the issuing transaction (a rollback gives the number back). */
export function takeDocumentNumber(db: Db, series: string, year: number): number {
  return (stmt(db, 'INSERT INTO document_number_seq (series, year, last) VALUES (?, ?, 1) ON CONFLICT(series, year) DO UPDATE SET last = last + 1 RETURNING last').get(series, year) as { last: number }).last;
}

/** The SHA-256 of every file kept in the document store (register rows whose bytes are not in the row; decision 141). */
export function selectStoredHashes(db: Db): string[] {
  const rows = stmt(db, `SELECT pdf_sha256 AS h FROM case_documents WHERE pdf IS NULL AND pdf_sha256 IS NOT NULL
      UNION SELECT docx_sha256 FROM case_documents WHERE docx IS NULL AND docx_sha256 IS NOT NULL`).all() as { h: string }[];
  return rows.map((r) => r.h);
}

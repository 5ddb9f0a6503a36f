import type { Db } from '../open';
import type { ServiceRecordRow } from './rows';
import { stmt } from './stmt';

/** A service by public notice (公告送达) with the document it serves: what a 公告 is built from (issue 11 item 6). */
export interface PublicServiceRow extends ServiceRecordRow {
  case_id: string;
  doc_title: string;
  doc_number: string | null;
  case_number: string | null;
}

const SELECT = `SELECT s.*, d.case_id, d.title AS doc_title, d.doc_number, d.case_number
  FROM service_records s JOIN case_documents d ON d.id = s.document_id WHERE s.method = 'public_notice'`;

export function selectPublicService(db: Db, serviceId: string): PublicServiceRow | undefined {
  return stmt(db, `${SELECT} AND s.id = ?`).get(serviceId) as PublicServiceRow | undefined;
}

export function selectCasePublicServices(db: Db, caseId: string): PublicServiceRow[] {
  return stmt(db, `${SELECT} AND d.case_id = ? ORDER BY s.sent_date, s.created_at`).all(caseId) as PublicServiceRow[];
}

import type { Db } from '../open';
import { stmt } from './stmt';

export function consultationExists(db: Db, id: string): boolean {
  return stmt(db, 'SELECT 1 FROM consultations WHERE id = ?').get(id) !== undefined;
}

/** Marks a consultation as having led to a mediation. */
export function markConsultationMediation(db: Db, id: string, at: string): void {
  stmt(db, "UPDATE consultations SET outcome = 'mediation', updated_at = ? WHERE id = ?").run(at, id);
}

/** Marks a consultation as having led to an arbitration application. */
export function markConsultationArbitration(db: Db, id: string, at: string): void {
  stmt(db, "UPDATE consultations SET outcome = 'arbitration', updated_at = ? WHERE id = ?").run(at, id);
}

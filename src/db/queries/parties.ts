import type { Db } from '../open';
import type { PartyRow } from './rows';
import { stmt } from './stmt';

export function selectPartyOfCase(db: Db, partyId: string, caseId: string): PartyRow | undefined {
  return stmt(db, 'SELECT * FROM parties WHERE id = ? AND case_id = ?').get(partyId, caseId) as PartyRow | undefined;
}

export function selectPartyNameOfCase(db: Db, partyId: string, caseId: string): Pick<PartyRow, 'name'> | undefined {
  return stmt(db, 'SELECT name FROM parties WHERE id = ? AND case_id = ?').get(partyId, caseId) as Pick<PartyRow, 'name'> | undefined;
}

/** A case's parties: applicants, respondents, third parties, each in order. */
export function selectPartyNames(db: Db, caseId: string): Pick<PartyRow, 'id' | 'name' | 'role'>[] {
  return stmt(db, "SELECT id, name, role FROM parties WHERE case_id = ? ORDER BY CASE role WHEN 'applicant' THEN 0 WHEN 'respondent' THEN 1 ELSE 2 END, seq").all(caseId) as Pick<PartyRow, 'id' | 'name' | 'role'>[];
}

/** The particulars a correction may change (services/corrections.ts CORRECTABLE); the column is never taken from input. */
export type CorrectableColumn = 'name' | 'id_number' | 'credit_code' | 'domicile' | 'service_address' | 'phone' | 'representative_name' | 'representative_title';

export function updatePartyColumn(db: Db, partyId: string, column: CorrectableColumn, value: string | null): void {
  stmt(db, `UPDATE parties SET ${column} = ? WHERE id = ?`).run(value, partyId);
}

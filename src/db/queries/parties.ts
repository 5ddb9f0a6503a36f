import type { Db } from '../open';
import type { AgentRow, PartyRow } from './rows';
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

export function selectCaseParties(db: Db, caseId: string): PartyRow[] {
  return stmt(db, 'SELECT * FROM parties WHERE case_id = ? ORDER BY role, seq').all(caseId) as PartyRow[];
}

export function insertParty(db: Db, r: PartyRow): void {
  stmt(db, `INSERT INTO parties (id, case_id, role, seq, kind, name, sex, birth_date, ethnicity, id_type, id_number, credit_code,
    domicile, service_address, phone, representative_name, representative_title, representative_kind, is_representative)
    VALUES (@id, @caseId, @role, @seq, @kind, @name, @sex, @birthDate, @ethnicity, @idType, @idNumber, @creditCode,
    @domicile, @serviceAddress, @phone, @representativeName, @representativeTitle, @representativeKind, @isRepresentative)`).run({
    id: r.id, caseId: r.case_id, role: r.role, seq: r.seq, kind: r.kind, name: r.name, sex: r.sex, birthDate: r.birth_date, ethnicity: r.ethnicity,
    idType: r.id_type, idNumber: r.id_number, creditCode: r.credit_code, domicile: r.domicile, serviceAddress: r.service_address, phone: r.phone,
    representativeName: r.representative_name, representativeTitle: r.representative_title, representativeKind: r.representative_kind, isRepresentative: r.is_representative,
  });
}

export function selectAgents(db: Db, partyId: string): Pick<AgentRow, 'name' | 'kind' | 'organisation' | 'phone' | 'user_id'>[] {
  return stmt(db, 'SELECT name, kind, organisation, phone, user_id FROM agents WHERE party_id = ? ORDER BY seq').all(partyId) as Pick<AgentRow, 'name' | 'kind' | 'organisation' | 'phone' | 'user_id'>[];
}

export function insertAgent(db: Db, r: AgentRow): void {
  stmt(db, 'INSERT INTO agents (id, party_id, seq, name, kind, organisation, phone, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(r.id, r.party_id, r.seq, r.name, r.kind, r.organisation, r.phone, r.user_id);
}

/** A party of another (not discarded) case found by the related-case check. */
export type RelatedPartyRow = Pick<PartyRow, 'case_id' | 'name' | 'role'>;

export function selectPartiesByIdNumber(db: Db, idNumber: string): RelatedPartyRow[] {
  return stmt(db, "SELECT p.case_id, p.name, p.role FROM parties p JOIN cases k ON k.id = p.case_id WHERE k.status <> 'discarded' AND p.id_number = ?").all(idNumber) as RelatedPartyRow[];
}

export function selectPartiesByCreditCode(db: Db, creditCode: string): RelatedPartyRow[] {
  return stmt(db, "SELECT p.case_id, p.name, p.role FROM parties p JOIN cases k ON k.id = p.case_id WHERE k.status <> 'discarded' AND p.credit_code = ?").all(creditCode) as RelatedPartyRow[];
}

/** Cases (not discarded) where an applicant of this name claims against an employer of this name or credit code. */
export function selectCasesOfApplicantAgainst(db: Db, p: { name: string; employer: string; code: string | null }): string[] {
  return (stmt(db, `SELECT DISTINCT a.case_id FROM parties a JOIN cases k ON k.id = a.case_id
      JOIN parties e ON e.case_id = a.case_id AND e.role = 'respondent'
      WHERE k.status <> 'discarded' AND a.role = 'applicant' AND a.name = @name AND (e.name = @employer OR (e.credit_code IS NOT NULL AND e.credit_code = @code))`)
    .all(p) as Pick<PartyRow, 'case_id'>[]).map((r) => r.case_id);
}

import type { Db } from '../open';
import type { EmployerAliasRow, EmployerMergeRow, EmployerRow } from './rows';
import { stmt } from './stmt';

/** The surviving record of an employer (itself when it was never merged). */
export function selectSurvivorId(db: Db, id: string): string | undefined {
  return (stmt(db, 'SELECT survivor FROM employer_survivors WHERE id = ?').get(id) as { survivor: string } | undefined)?.survivor;
}

export function selectEmployer(db: Db, id: string): EmployerRow | undefined {
  return stmt(db, 'SELECT * FROM employers WHERE id = ?').get(id) as EmployerRow | undefined;
}

export function selectEmployerByCreditCode(db: Db, code: string): EmployerRow | undefined {
  return stmt(db, 'SELECT * FROM employers WHERE credit_code = ?').get(code) as EmployerRow | undefined;
}

/** Surviving employers whose name or one of whose aliases is exactly this text (oldest first). */
export function selectEmployersByNameOrAlias(db: Db, name: string): EmployerRow[] {
  return stmt(db, `SELECT * FROM employers e WHERE e.merged_into IS NULL
      AND (e.name = @name OR EXISTS (SELECT 1 FROM employer_aliases a WHERE a.employer_id = e.id AND a.alias = @name))
      ORDER BY e.name = @name DESC, e.created_at, e.id`).all({ name }) as EmployerRow[];
}

export function insertEmployer(db: Db, r: Pick<EmployerRow, 'id' | 'credit_code' | 'name' | 'created_at' | 'created_by'> & Partial<EmployerRow>): void {
  stmt(db, `INSERT INTO employers (id, credit_code, name, sector, industry, town, size, contact_name, contact_phone, address, created_at, created_by, updated_at, updated_by)
    VALUES (@id, @credit_code, @name, @sector, @industry, @town, @size, @contact_name, @contact_phone, @address, @created_at, @created_by, @created_at, @created_by)`).run({
    sector: null, industry: null, town: null, size: null, contact_name: null, contact_phone: null, address: null, ...r,
  });
}

/** Gives a record found by name the credit code it lacked. */
export function setEmployerCreditCode(db: Db, id: string, code: string, at: string, by: string | null): void {
  stmt(db, 'UPDATE employers SET credit_code = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(code, at, by, id);
}

export type EmployerEditable = Pick<EmployerRow, 'name' | 'credit_code' | 'sector' | 'industry' | 'town' | 'size' | 'contact_name' | 'contact_phone' | 'address'>;

export function updateEmployer(db: Db, id: string, f: EmployerEditable, at: string, by: string): void {
  stmt(db, `UPDATE employers SET name = @name, credit_code = @credit_code, sector = @sector, industry = @industry, town = @town, size = @size,
    contact_name = @contact_name, contact_phone = @contact_phone, address = @address, updated_at = @at, updated_by = @by WHERE id = @id`).run({ ...f, at, by, id });
}

export function selectAliases(db: Db, employerId: string): EmployerAliasRow[] {
  return stmt(db, 'SELECT * FROM employer_aliases WHERE employer_id = ? ORDER BY created_at, alias').all(employerId) as EmployerAliasRow[];
}

export function insertAlias(db: Db, employerId: string, alias: string, at: string): void {
  stmt(db, 'INSERT OR IGNORE INTO employer_aliases (employer_id, alias, created_at) VALUES (?, ?, ?)').run(employerId, alias, at);
}

export function deleteAlias(db: Db, employerId: string, alias: string): number {
  return stmt(db, 'DELETE FROM employer_aliases WHERE employer_id = ? AND alias = ?').run(employerId, alias).changes;
}

export function setPartyEmployer(db: Db, partyId: string, employerId: string | null): void {
  stmt(db, 'UPDATE parties SET employer_id = ? WHERE id = ?').run(employerId, partyId);
}

export function setConsultationEmployer(db: Db, consultationId: string, employerId: string | null): void {
  stmt(db, 'UPDATE consultations SET employer_id = ? WHERE id = ?').run(employerId, consultationId);
}

export function setMediationEmployer(db: Db, mediationId: string, employerId: string | null): void {
  stmt(db, 'UPDATE mediations SET employer_id = ? WHERE id = ?').run(employerId, mediationId);
}

/** Marks a duplicate as merged into the survivor (its row stays; links resolve through merged_into). */
export function setEmployerMerged(db: Db, fromId: string, intoId: string, at: string, by: string): void {
  stmt(db, 'UPDATE employers SET merged_into = ?, merged_at = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(intoId, at, at, by, fromId);
}

export function insertEmployerMerge(db: Db, r: EmployerMergeRow): void {
  stmt(db, 'INSERT INTO employer_merges (id, from_id, into_id, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)').run(r.id, r.from_id, r.into_id, r.reason, r.created_at, r.created_by);
}

/** Merges recorded into this employer or from it. */
export function selectMergesOf(db: Db, employerId: string): (EmployerMergeRow & { from_name: string; into_name: string; by_name: string | null })[] {
  return stmt(db, `SELECT m.*, f.name AS from_name, i.name AS into_name, u.display_name AS by_name FROM employer_merges m
      JOIN employers f ON f.id = m.from_id JOIN employers i ON i.id = m.into_id LEFT JOIN users u ON u.id = m.created_by
      WHERE m.from_id = @id OR m.into_id = @id ORDER BY m.created_at`).all({ id: employerId }) as (EmployerMergeRow & { from_name: string; into_name: string; by_name: string | null })[];
}

/** Every record merged (directly or through a chain) into this survivor, and the survivor itself. */
export function selectMergedGroup(db: Db, survivorId: string): string[] {
  return (stmt(db, 'SELECT id FROM employer_survivors WHERE survivor = ?').all(survivorId) as { id: string }[]).map((r) => r.id);
}

export interface EmployerListRow extends EmployerRow {
  cases: number;
  consultations: number;
  grade: string | null;
  listed: number;
}

/** Surviving employers matching a text (name, alias or credit code; null: all), with counts, grade and blacklist flag. */
export function selectEmployerList(db: Db, like: string | null, limit: number, offset: number): EmployerListRow[] {
  return stmt(db, `SELECT e.*,
      (SELECT COUNT(*) FROM case_employers ce JOIN cases k ON k.id = ce.case_id WHERE ce.employer_id = e.id AND k.status <> 'discarded') AS cases,
      (SELECT COUNT(*) FROM consultations c JOIN employer_survivors s ON s.id = c.employer_id WHERE s.survivor = e.id) AS consultations,
      (SELECT g.grade FROM employer_grades g WHERE g.employer_id = e.id ORDER BY g.created_at DESC, g.rowid DESC LIMIT 1) AS grade,
      EXISTS (SELECT 1 FROM blacklist_entries b WHERE b.employer_id = e.id AND b.status = 'listed') AS listed
    FROM employers e WHERE e.merged_into IS NULL
      AND (@like IS NULL OR e.name LIKE @like OR e.credit_code LIKE @like OR EXISTS (SELECT 1 FROM employer_aliases a WHERE a.employer_id = e.id AND a.alias LIKE @like))
    ORDER BY e.name, e.id LIMIT @limit OFFSET @offset`).all({ like, limit, offset }) as EmployerListRow[];
}

export function countEmployerList(db: Db, like: string | null): number {
  return (stmt(db, `SELECT COUNT(*) AS n FROM employers e WHERE e.merged_into IS NULL
      AND (@like IS NULL OR e.name LIKE @like OR e.credit_code LIKE @like OR EXISTS (SELECT 1 FROM employer_aliases a WHERE a.employer_id = e.id AND a.alias LIKE @like))`)
    .get({ like }) as { n: number }).n;
}

/** Cases whose employer (case_employers) is this survivor. */
export function selectCasesOfEmployer(db: Db, employerId: string): { id: string; case_number: string | null; status: string; received_date: string; acceptance_date: string | null; collective: number; worker_count: number | null }[] {
  return stmt(db, `SELECT k.id, k.case_number, k.status, k.received_date, k.acceptance_date, k.collective, k.worker_count FROM case_employers ce
      JOIN cases k ON k.id = ce.case_id WHERE ce.employer_id = ? AND k.status <> 'discarded' ORDER BY k.received_date, k.created_at`)
    .all(employerId) as { id: string; case_number: string | null; status: string; received_date: string; acceptance_date: string | null; collective: number; worker_count: number | null }[];
}

/** Consultations linked to this survivor or to a record merged into it. */
export function selectConsultationsOfEmployer(db: Db, employerId: string): { id: string; arrived_at: string; person_name: string; dispute_type: string; collective: number; worker_count: number; claims: string; outcome: string }[] {
  return stmt(db, `SELECT c.id, c.arrived_at, c.person_name, c.dispute_type, c.collective, c.worker_count, c.claims, c.outcome FROM consultations c
      JOIN employer_survivors s ON s.id = c.employer_id WHERE s.survivor = ? ORDER BY c.arrived_at`)
    .all(employerId) as { id: string; arrived_at: string; person_name: string; dispute_type: string; collective: number; worker_count: number; claims: string; outcome: string }[];
}

/** Mediations linked to this survivor or to a record merged into it. */
export function selectMediationsOfEmployer(db: Db, employerId: string): { id: string; received_date: string; organisation: string; outcome: string; worker_count: number; claimed_fen: number | null; applicant_name: string | null }[] {
  return stmt(db, `SELECT m.id, m.received_date, m.organisation, m.outcome, m.worker_count, m.claimed_fen, m.applicant_name FROM mediations m
      JOIN employer_survivors s ON s.id = m.employer_id WHERE s.survivor = ? ORDER BY m.received_date`)
    .all(employerId) as { id: string; received_date: string; organisation: string; outcome: string; worker_count: number; claimed_fen: number | null; applicant_name: string | null }[];
}

/** The employer of a case (case_employers: its first respondent org, resolved to the survivor). */
export function selectEmployerOfCase(db: Db, caseId: string): string | null {
  return (stmt(db, 'SELECT employer_id FROM case_employers WHERE case_id = ?').get(caseId) as { employer_id: string } | undefined)?.employer_id ?? null;
}

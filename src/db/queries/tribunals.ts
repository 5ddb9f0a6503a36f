import type { Db } from '../open';
import type { CaseRecusalRow, CaseTribunalRow, UserRow } from './rows';
import { stmt } from './stmt';

/** An arbitrator or clerk as the roster shows them. */
export interface StaffRow {
  id: string;
  displayName: string;
  role: UserRow['role'];
  employment: UserRow['employment'];
  venueName: string | null;
}

const STAFF_SELECT = 'SELECT u.id, u.display_name AS displayName, u.role, u.employment, v.name AS venueName FROM users u LEFT JOIN venues v ON v.id = u.venue_id';

/** The roster: active arbitrators and clerks, full-time first. */
export function selectStaff(db: Db): StaffRow[] {
  return stmt(db, `${STAFF_SELECT} WHERE u.role IN ('arbitrator', 'clerk') AND u.active = 1 AND u.password_hash IS NOT NULL ORDER BY u.role, u.employment = 'part_time', u.display_name`).all() as StaffRow[];
}

export function selectStaffMember(db: Db, id: string): StaffRow | undefined {
  return stmt(db, `${STAFF_SELECT} WHERE u.id = ?`).get(id) as StaffRow | undefined;
}

/** Who may sit on a tribunal: name, role and whether the account is active. */
export function selectUserStanding(db: Db, id: string): Pick<UserRow, 'display_name' | 'role' | 'active'> | undefined {
  return stmt(db, 'SELECT display_name, role, active FROM users WHERE id = ?').get(id) as Pick<UserRow, 'display_name' | 'role' | 'active'> | undefined;
}

export function selectTribunal(db: Db, caseId: string): CaseTribunalRow | undefined {
  return stmt(db, 'SELECT * FROM case_tribunals WHERE case_id = ?').get(caseId) as CaseTribunalRow | undefined;
}

export function upsertTribunal(db: Db, r: CaseTribunalRow): void {
  stmt(db, `INSERT INTO case_tribunals (case_id, mode, presiding_id, member2_id, member3_id, clerk_id, composed_date, reason, updated_at, updated_by)
        VALUES (@caseId, @mode, @p, @m2, @m3, @clerk, @date, @reason, @at, @by)
        ON CONFLICT(case_id) DO UPDATE SET mode = excluded.mode, presiding_id = excluded.presiding_id, member2_id = excluded.member2_id, member3_id = excluded.member3_id,
        clerk_id = excluded.clerk_id, composed_date = excluded.composed_date, reason = excluded.reason, updated_at = excluded.updated_at, updated_by = excluded.updated_by`)
    .run({ caseId: r.case_id, mode: r.mode, p: r.presiding_id, m2: r.member2_id, m3: r.member3_id, clerk: r.clerk_id, date: r.composed_date, reason: r.reason, at: r.updated_at, by: r.updated_by });
}

export function deleteTribunal(db: Db, caseId: string): void {
  stmt(db, 'DELETE FROM case_tribunals WHERE case_id = ?').run(caseId);
}

export function selectRecusals(db: Db, caseId: string): CaseRecusalRow[] {
  return stmt(db, 'SELECT * FROM case_recusals WHERE case_id = ? ORDER BY decided_date').all(caseId) as CaseRecusalRow[];
}

export function selectRecusedUserIds(db: Db, caseId: string): string[] {
  return (stmt(db, 'SELECT user_id FROM case_recusals WHERE case_id = ?').all(caseId) as Pick<CaseRecusalRow, 'user_id'>[]).map((r) => r.user_id);
}

export function recusalExists(db: Db, caseId: string, userId: string): boolean {
  return stmt(db, 'SELECT 1 FROM case_recusals WHERE case_id = ? AND user_id = ?').get(caseId, userId) !== undefined;
}

export function insertRecusal(db: Db, r: CaseRecusalRow): void {
  stmt(db, 'INSERT INTO case_recusals (id, case_id, user_id, decided_date, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(r.id, r.case_id, r.user_id, r.decided_date, r.reason, r.created_at, r.created_by);
}

/** Cases the user sits on (tribunal member or clerk) or filed. */
export function selectMyCaseIds(db: Db, userId: string): string[] {
  return (stmt(db, `SELECT case_id FROM case_tribunals WHERE ? IN (presiding_id, member2_id, member3_id, clerk_id)
    UNION SELECT id FROM cases WHERE created_by = ?`).all(userId, userId) as { case_id: string }[]).map((r) => r.case_id);
}

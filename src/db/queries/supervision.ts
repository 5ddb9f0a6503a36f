import type { Db } from '../open';
import type {
  BlacklistEntryRow, BlacklistStepRow, DatedSettingRow, EmployerGradeRow, InspectionFindingRow, InspectionRow, WarningBulletinRow, WarningNoteRow, WarningRow,
} from './rows';
import { stmt } from './stmt';

// ---------------------------------------------------------------- dated settings

export function selectDatedSettings(db: Db, key: string): DatedSettingRow[] {
  return stmt(db, 'SELECT * FROM dated_settings WHERE key = ? ORDER BY valid_from, created_at').all(key) as DatedSettingRow[];
}

export function insertDatedSetting(db: Db, r: DatedSettingRow): void {
  stmt(db, 'INSERT INTO dated_settings (id, key, valid_from, value, basis, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(r.id, r.key, r.valid_from, r.value, r.basis, r.created_at, r.created_by);
}

// ---------------------------------------------------------------- signals

/** A consultation about the employer (or a record merged into it), with its Beijing date. */
export interface ConsultationSignalRow {
  id: string;
  day: string;
  dispute_type: string;
  claims: string;
  collective: number;
  worker_count: number;
}

export function selectConsultationSignals(db: Db, survivorId: string, from: string, to: string): ConsultationSignalRow[] {
  return stmt(db, `SELECT c.id, date(c.arrived_at, '+8 hours') AS day, c.dispute_type, c.claims, c.collective, c.worker_count FROM consultations c
      JOIN employer_survivors s ON s.id = c.employer_id WHERE s.survivor = ? AND date(c.arrived_at, '+8 hours') BETWEEN ? AND ? ORDER BY c.arrived_at`)
    .all(survivorId, from, to) as ConsultationSignalRow[];
}

/** A case against the employer with its wage claims summed and its applicants counted. */
export interface CaseSignalRow {
  id: string;
  day: string;
  collective: number;
  worker_count: number | null;
  applicants: number;
  wage_claims: number;
  wage_fen: number;
  consultation_id: string | null;
}

export function selectCaseSignals(db: Db, survivorId: string, from: string, to: string): CaseSignalRow[] {
  return stmt(db, `SELECT k.id, k.received_date AS day, k.collective, k.worker_count, k.consultation_id,
      (SELECT COUNT(*) FROM parties p WHERE p.case_id = k.id AND p.role = 'applicant') AS applicants,
      (SELECT COUNT(*) FROM claims c WHERE c.case_id = k.id AND c.type IN ('wages', 'overtime')) AS wage_claims,
      (SELECT COALESCE(SUM(c.amount_fen), 0) FROM claims c WHERE c.case_id = k.id AND c.type IN ('wages', 'overtime')) AS wage_fen
    FROM case_employers ce JOIN cases k ON k.id = ce.case_id WHERE ce.employer_id = ? AND k.status <> 'discarded' AND k.received_date BETWEEN ? AND ?
    ORDER BY k.received_date`).all(survivorId, from, to) as CaseSignalRow[];
}

/** Findings ordered to be rectified and not rectified, and of those the ones past their deadline on `today`. */
export function selectFindingCounts(db: Db, survivorId: string, today: string): { open: number; overdue: number } {
  return stmt(db, `SELECT COUNT(*) AS open, COALESCE(SUM(f.deadline < @today), 0) AS overdue FROM inspection_findings f
      JOIN employer_survivors s ON s.id = f.employer_id WHERE s.survivor = @id AND f.order_date IS NOT NULL AND f.rectified_date IS NULL`)
    .get({ id: survivorId, today }) as { open: number; overdue: number };
}

// ---------------------------------------------------------------- grades

export function insertGrade(db: Db, r: EmployerGradeRow): void {
  stmt(db, `INSERT INTO employer_grades (id, employer_id, grade, source, reasons, rule_from, override_reason, decided_date, created_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(r.id, r.employer_id, r.grade, r.source, r.reasons, r.rule_from, r.override_reason, r.decided_date, r.created_at, r.created_by);
}

export function selectGrades(db: Db, employerId: string): (EmployerGradeRow & { by_name: string | null })[] {
  return stmt(db, `SELECT g.*, u.display_name AS by_name FROM employer_grades g LEFT JOIN users u ON u.id = g.created_by
      WHERE g.employer_id = ? ORDER BY g.created_at, g.rowid`).all(employerId) as (EmployerGradeRow & { by_name: string | null })[];
}

export function selectLatestGrade(db: Db, employerId: string): EmployerGradeRow | undefined {
  return stmt(db, 'SELECT * FROM employer_grades WHERE employer_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(employerId) as EmployerGradeRow | undefined;
}

/** Surviving employer ids (for a recompute of all). */
export function selectSurvivorIds(db: Db): string[] {
  return (stmt(db, 'SELECT id FROM employers WHERE merged_into IS NULL ORDER BY name, id').all() as { id: string }[]).map((r) => r.id);
}

/** Every surviving employer with its current grade and last visit (for the list of employers due for a visit). */
export function selectVisitStates(db: Db): { id: string; name: string; town: string | null; grade: string | null; last_visit: string | null }[] {
  return stmt(db, `SELECT e.id, e.name, e.town,
      (SELECT g.grade FROM employer_grades g WHERE g.employer_id = e.id ORDER BY g.created_at DESC, g.rowid DESC LIMIT 1) AS grade,
      (SELECT MAX(i.visit_date) FROM inspections i JOIN employer_survivors s ON s.id = i.employer_id WHERE s.survivor = e.id) AS last_visit
    FROM employers e WHERE e.merged_into IS NULL ORDER BY e.name, e.id`).all() as { id: string; name: string; town: string | null; grade: string | null; last_visit: string | null }[];
}

// ---------------------------------------------------------------- inspections

export function insertInspection(db: Db, r: InspectionRow): void {
  stmt(db, 'INSERT INTO inspections (id, employer_id, visit_date, inspectors, summary, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(r.id, r.employer_id, r.visit_date, r.inspectors, r.summary, r.created_at, r.created_by);
}

export function insertFinding(db: Db, r: InspectionFindingRow): void {
  stmt(db, `INSERT INTO inspection_findings (id, inspection_id, employer_id, description, order_date, deadline, rectified_date, rectified_note, created_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(r.id, r.inspection_id, r.employer_id, r.description, r.order_date, r.deadline, r.rectified_date, r.rectified_note, r.created_at, r.created_by);
}

export function selectFinding(db: Db, id: string): InspectionFindingRow | undefined {
  return stmt(db, 'SELECT * FROM inspection_findings WHERE id = ?').get(id) as InspectionFindingRow | undefined;
}

export function setFindingRectified(db: Db, id: string, date: string, note: string): void {
  stmt(db, 'UPDATE inspection_findings SET rectified_date = ?, rectified_note = ? WHERE id = ? AND rectified_date IS NULL').run(date, note, id);
}

export function selectInspectionsOf(db: Db, survivorId: string): InspectionRow[] {
  return stmt(db, `SELECT i.* FROM inspections i JOIN employer_survivors s ON s.id = i.employer_id WHERE s.survivor = ? ORDER BY i.visit_date, i.created_at`)
    .all(survivorId) as InspectionRow[];
}

export function selectFindingsOfInspection(db: Db, inspectionId: string): InspectionFindingRow[] {
  return stmt(db, 'SELECT * FROM inspection_findings WHERE inspection_id = ? ORDER BY created_at, rowid').all(inspectionId) as InspectionFindingRow[];
}

/** Orders to rectify whose deadline has passed without confirmation, oldest deadline first. */
export function selectOverdueFindings(db: Db, today: string): (InspectionFindingRow & { employer_name: string; survivor: string })[] {
  return stmt(db, `SELECT f.*, e.name AS employer_name, s.survivor FROM inspection_findings f JOIN employer_survivors s ON s.id = f.employer_id
      JOIN employers e ON e.id = s.survivor WHERE f.order_date IS NOT NULL AND f.rectified_date IS NULL AND f.deadline < ? ORDER BY f.deadline, f.created_at`)
    .all(today) as (InspectionFindingRow & { employer_name: string; survivor: string })[];
}

/** Figures for the reports: employers inspected, visits, risks found, ordered, rectified, in [from, to] by visit date. */
export function selectInspectionFigures(db: Db, from: string, to: string): { employers: number; visits: number; risks: number; ordered: number; rectified: number } {
  return stmt(db, `SELECT
      (SELECT COUNT(DISTINCT s.survivor) FROM inspections i JOIN employer_survivors s ON s.id = i.employer_id WHERE i.visit_date BETWEEN @from AND @to) AS employers,
      (SELECT COUNT(*) FROM inspections i WHERE i.visit_date BETWEEN @from AND @to) AS visits,
      (SELECT COUNT(*) FROM inspection_findings f JOIN inspections i ON i.id = f.inspection_id WHERE i.visit_date BETWEEN @from AND @to) AS risks,
      (SELECT COUNT(*) FROM inspection_findings f JOIN inspections i ON i.id = f.inspection_id WHERE i.visit_date BETWEEN @from AND @to AND f.order_date IS NOT NULL) AS ordered,
      (SELECT COUNT(*) FROM inspection_findings f JOIN inspections i ON i.id = f.inspection_id WHERE i.visit_date BETWEEN @from AND @to AND f.rectified_date IS NOT NULL) AS rectified`)
    .get({ from, to }) as { employers: number; visits: number; risks: number; ordered: number; rectified: number };
}

// ---------------------------------------------------------------- warnings and bulletins

export function insertWarning(db: Db, r: WarningRow): void {
  stmt(db, `INSERT INTO warnings (id, employer_id, rule, raised_date, signals, status, assignee_id, outcome, closed_date, bulletin_id, created_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(r.id, r.employer_id, r.rule, r.raised_date, r.signals, r.status, r.assignee_id, r.outcome, r.closed_date, r.bulletin_id, r.created_at, r.created_by);
}

/** A warning of this rule for this employer that is not closed (one at a time). */
export function selectUnclosedWarning(db: Db, survivorId: string, rule: string): WarningRow | undefined {
  return stmt(db, `SELECT w.* FROM warnings w JOIN employer_survivors s ON s.id = w.employer_id WHERE s.survivor = ? AND w.rule = ? AND w.status <> 'closed'`)
    .get(survivorId, rule) as WarningRow | undefined;
}

export function updateWarningSignals(db: Db, id: string, signals: string): void {
  stmt(db, 'UPDATE warnings SET signals = ? WHERE id = ?').run(signals, id);
}

export function selectWarning(db: Db, id: string): WarningRow | undefined {
  return stmt(db, 'SELECT * FROM warnings WHERE id = ?').get(id) as WarningRow | undefined;
}

export type WarningListRow = WarningRow & { employer_name: string; survivor: string; assignee_name: string | null; bulletin_year: number | null; bulletin_seq: number | null };

const WARNING_LIST = `SELECT w.*, e.name AS employer_name, s.survivor, u.display_name AS assignee_name, b.year AS bulletin_year, b.seq AS bulletin_seq
  FROM warnings w JOIN employer_survivors s ON s.id = w.employer_id JOIN employers e ON e.id = s.survivor
  LEFT JOIN users u ON u.id = w.assignee_id LEFT JOIN warning_bulletins b ON b.id = w.bulletin_id`;

export function selectWarnings(db: Db, status: string | null): WarningListRow[] {
  return stmt(db, `${WARNING_LIST} WHERE (@status IS NULL OR (@status = 'unclosed' AND w.status <> 'closed') OR w.status = @status) ORDER BY w.raised_date DESC, w.created_at DESC`)
    .all({ status }) as WarningListRow[];
}

export function selectWarningsOf(db: Db, survivorId: string): WarningListRow[] {
  return stmt(db, `${WARNING_LIST} WHERE s.survivor = ? ORDER BY w.raised_date, w.created_at`).all(survivorId) as WarningListRow[];
}

export function selectWarningsById(db: Db, ids: string[]): WarningListRow[] {
  return stmt(db, `${WARNING_LIST} WHERE w.id IN (SELECT value FROM json_each(?)) ORDER BY e.name, w.raised_date`).all(JSON.stringify(ids)) as WarningListRow[];
}

export function setWarningAssignee(db: Db, id: string, assigneeId: string): void {
  stmt(db, "UPDATE warnings SET assignee_id = ?, status = 'assigned' WHERE id = ?").run(assigneeId, id);
}

export function setWarningClosed(db: Db, id: string, outcome: string, date: string): void {
  stmt(db, "UPDATE warnings SET status = 'closed', outcome = ?, closed_date = ? WHERE id = ?").run(outcome, date, id);
}

export function setWarningBulletin(db: Db, id: string, bulletinId: string): void {
  stmt(db, 'UPDATE warnings SET bulletin_id = ? WHERE id = ? AND bulletin_id IS NULL').run(bulletinId, id);
}

export function insertWarningNote(db: Db, r: WarningNoteRow): void {
  stmt(db, 'INSERT INTO warning_notes (id, warning_id, kind, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)').run(r.id, r.warning_id, r.kind, r.note, r.created_at, r.created_by);
}

export function selectWarningNotes(db: Db, warningId: string): (WarningNoteRow & { by_name: string | null })[] {
  return stmt(db, 'SELECT n.*, u.display_name AS by_name FROM warning_notes n LEFT JOIN users u ON u.id = n.created_by WHERE n.warning_id = ? ORDER BY n.created_at, n.rowid')
    .all(warningId) as (WarningNoteRow & { by_name: string | null })[];
}

/** The next number of the year's bulletin: one more than the highest ever issued that year (numbers are never reused). */
export function nextBulletinSeq(db: Db, year: number): number {
  return (stmt(db, 'SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM warning_bulletins WHERE year = ?').get(year) as { n: number }).n;
}

export function insertBulletin(db: Db, r: WarningBulletinRow): void {
  stmt(db, 'INSERT INTO warning_bulletins (id, year, seq, issued_date, content, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(r.id, r.year, r.seq, r.issued_date, r.content, r.created_at, r.created_by);
}

export function selectBulletin(db: Db, id: string): WarningBulletinRow | undefined {
  return stmt(db, 'SELECT * FROM warning_bulletins WHERE id = ?').get(id) as WarningBulletinRow | undefined;
}

export function selectBulletins(db: Db): WarningBulletinRow[] {
  return stmt(db, 'SELECT * FROM warning_bulletins ORDER BY year DESC, seq DESC').all() as WarningBulletinRow[];
}

// ---------------------------------------------------------------- blacklist

export function insertBlacklistEntry(db: Db, r: BlacklistEntryRow): void {
  stmt(db, `INSERT INTO blacklist_entries (id, employer_id, status, grounds, arrears_fen, workers, responsible_persons, notice_date, statement_deadline,
    decision_date, publication_date, period_end, removal_date, removal_reason, created_at, created_by, updated_at)
    VALUES (@id, @employer_id, @status, @grounds, @arrears_fen, @workers, @responsible_persons, @notice_date, @statement_deadline,
    @decision_date, @publication_date, @period_end, @removal_date, @removal_reason, @created_at, @created_by, @updated_at)`).run(r);
}

export function selectBlacklistEntry(db: Db, id: string): BlacklistEntryRow | undefined {
  return stmt(db, 'SELECT * FROM blacklist_entries WHERE id = ?').get(id) as BlacklistEntryRow | undefined;
}

/** Sets the procedure's state and dates (only the given columns; the service decides which step may follow which). */
export function updateBlacklistEntry(db: Db, id: string, f: Partial<Pick<BlacklistEntryRow, 'status' | 'decision_date' | 'publication_date' | 'period_end' | 'removal_date' | 'removal_reason'>>, at: string): void {
  stmt(db, `UPDATE blacklist_entries SET status = COALESCE(@status, status), decision_date = COALESCE(@decision_date, decision_date),
    publication_date = COALESCE(@publication_date, publication_date), period_end = COALESCE(@period_end, period_end),
    removal_date = COALESCE(@removal_date, removal_date), removal_reason = COALESCE(@removal_reason, removal_reason), updated_at = @at WHERE id = @id`).run({
    status: null, decision_date: null, publication_date: null, period_end: null, removal_date: null, removal_reason: null, ...f, at, id,
  });
}

export type BlacklistListRow = BlacklistEntryRow & { employer_name: string; credit_code: string | null; survivor: string; representative: string | null };

const BLACKLIST_LIST = `SELECT b.*, e.name AS employer_name, e.credit_code, s.survivor, e.contact_name AS representative FROM blacklist_entries b
  JOIN employer_survivors s ON s.id = b.employer_id JOIN employers e ON e.id = s.survivor`;

export function selectBlacklist(db: Db, status: string | null): BlacklistListRow[] {
  return stmt(db, `${BLACKLIST_LIST} WHERE (@status IS NULL OR b.status = @status) ORDER BY COALESCE(b.decision_date, b.notice_date) DESC, b.created_at DESC`).all({ status }) as BlacklistListRow[];
}

export function selectBlacklistOf(db: Db, survivorId: string): BlacklistListRow[] {
  return stmt(db, `${BLACKLIST_LIST} WHERE s.survivor = ? ORDER BY b.notice_date, b.created_at`).all(survivorId) as BlacklistListRow[];
}

/** An entry of this employer whose procedure is under way or whose listing is current. */
export function selectActiveBlacklistEntry(db: Db, survivorId: string): BlacklistEntryRow | undefined {
  return stmt(db, `SELECT b.* FROM blacklist_entries b JOIN employer_survivors s ON s.id = b.employer_id WHERE s.survivor = ? AND b.status IN ('noticed', 'listed')`)
    .get(survivorId) as BlacklistEntryRow | undefined;
}

export function insertBlacklistStep(db: Db, r: BlacklistStepRow): void {
  stmt(db, 'INSERT INTO blacklist_steps (id, entry_id, step, step_date, note, document_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(r.id, r.entry_id, r.step, r.step_date, r.note, r.document_id, r.created_at, r.created_by);
}

export function selectBlacklistSteps(db: Db, entryId: string): BlacklistStepRow[] {
  return stmt(db, 'SELECT * FROM blacklist_steps WHERE entry_id = ? ORDER BY created_at, rowid').all(entryId) as BlacklistStepRow[];
}

/** Whether the employer (any record merged into the survivor) is on the list now. */
export function isListed(db: Db, employerId: string): boolean {
  return stmt(db, `SELECT 1 FROM blacklist_entries b JOIN employer_survivors s ON s.id = b.employer_id
      WHERE s.survivor = (SELECT survivor FROM employer_survivors WHERE id = ?) AND b.status = 'listed'`).get(employerId) !== undefined;
}

import type { Db } from '../open';
import type { CollectiveRepresentativeRow, CollectiveResultRow, CollectiveWorkerRow } from './rows';
import { stmt } from './stmt';

/** The roster of a collective case, its representatives and per-worker results (migration 017). */

export function countWorkers(db: Db, caseId: string): number {
  return (stmt(db, 'SELECT COUNT(*) AS n FROM collective_workers WHERE case_id = ?').get(caseId) as { n: number }).n;
}

export function sumClaimed(db: Db, caseId: string): number {
  return (stmt(db, 'SELECT COALESCE(SUM(claimed_fen), 0) AS s FROM collective_workers WHERE case_id = ?').get(caseId) as { s: number }).s;
}

/** One page of the roster in roster order, optionally filtered by name, job or ID number. */
export type WorkerPageRow = CollectiveWorkerRow & { award_fen: number | null; mediation_fen: number | null; representative: number };

export function selectWorkerPage(db: Db, caseId: string, query: string, limit: number, offset: number): { rows: WorkerPageRow[]; total: number } {
  const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = "case_id = @caseId AND (@q = '' OR name LIKE @like ESCAPE '\\' OR job LIKE @like ESCAPE '\\' OR id_number LIKE @like ESCAPE '\\')";
  const rows = stmt(db, `SELECT w.*, ra.amount_fen AS award_fen, rm.amount_fen AS mediation_fen, (rp.worker_id IS NOT NULL) AS representative
    FROM (SELECT * FROM collective_workers WHERE ${where} ORDER BY seq LIMIT @limit OFFSET @offset) w
    LEFT JOIN collective_results ra ON ra.worker_id = w.id AND ra.kind = 'award'
    LEFT JOIN collective_results rm ON rm.worker_id = w.id AND rm.kind = 'mediation'
    LEFT JOIN collective_representatives rp ON rp.worker_id = w.id
    ORDER BY w.seq`).all({ caseId, q: query, like, limit, offset }) as WorkerPageRow[];
  const total = (stmt(db, `SELECT COUNT(*) AS n FROM collective_workers WHERE ${where}`).get({ caseId, q: query, like }) as { n: number }).n;
  return { rows, total };
}

export function selectWorkers(db: Db, caseId: string): CollectiveWorkerRow[] {
  return stmt(db, 'SELECT * FROM collective_workers WHERE case_id = ? ORDER BY seq').all(caseId) as CollectiveWorkerRow[];
}

export function selectWorkerCase(db: Db, workerId: string): string | undefined {
  return (stmt(db, 'SELECT case_id FROM collective_workers WHERE id = ?').get(workerId) as { case_id: string } | undefined)?.case_id;
}

/** Removes the roster with its representatives and results (re-import before any document carries it). */
export function deleteRoster(db: Db, caseId: string): void {
  stmt(db, 'DELETE FROM collective_worker_claims WHERE case_id = ?').run(caseId);
  stmt(db, 'DELETE FROM collective_results WHERE case_id = ?').run(caseId);
  stmt(db, 'DELETE FROM collective_representatives WHERE case_id = ?').run(caseId);
  stmt(db, 'DELETE FROM collective_workers WHERE case_id = ?').run(caseId);
}

export function insertWorker(db: Db, r: CollectiveWorkerRow): void {
  stmt(db, `INSERT INTO collective_workers (id, case_id, seq, name, id_number, phone, job, period, claim_items, claimed_fen, created_at, created_by)
    VALUES (@id, @case_id, @seq, @name, @id_number, @phone, @job, @period, @claim_items, @claimed_fen, @created_at, @created_by)`).run(r);
}

export function selectRepresentatives(db: Db, caseId: string): (CollectiveRepresentativeRow & { name: string; id_number: string; phone: string | null; seq: number })[] {
  return stmt(db, `SELECT r.*, w.name, w.id_number, w.phone, w.seq FROM collective_representatives r JOIN collective_workers w ON w.id = r.worker_id
    WHERE r.case_id = ? ORDER BY w.seq`).all(caseId) as (CollectiveRepresentativeRow & { name: string; id_number: string; phone: string | null; seq: number })[];
}

export function deleteRepresentatives(db: Db, caseId: string): void {
  stmt(db, 'DELETE FROM collective_representatives WHERE case_id = ?').run(caseId);
}

export function insertRepresentative(db: Db, r: CollectiveRepresentativeRow): void {
  stmt(db, `INSERT INTO collective_representatives (worker_id, case_id, elected_date, authorisation, created_at, created_by)
    VALUES (@worker_id, @case_id, @elected_date, @authorisation, @created_at, @created_by)`).run(r);
}

export function upsertResult(db: Db, r: CollectiveResultRow): void {
  stmt(db, `INSERT INTO collective_results (worker_id, kind, case_id, mediation_id, items, amount_fen, updated_at, updated_by)
    VALUES (@worker_id, @kind, @case_id, @mediation_id, @items, @amount_fen, @updated_at, @updated_by)
    ON CONFLICT (worker_id, kind) DO UPDATE SET mediation_id = excluded.mediation_id, items = excluded.items, amount_fen = excluded.amount_fen,
      updated_at = excluded.updated_at, updated_by = excluded.updated_by`).run(r);
}

/** Per-worker results of one kind (for a mediation: of that mediation), with the worker, in roster order. */
export function selectResults(db: Db, caseId: string, kind: 'award' | 'mediation', mediationId: string | null): (CollectiveResultRow & { seq: number; name: string; id_number: string })[] {
  return stmt(db, `SELECT r.*, w.seq, w.name, w.id_number FROM collective_results r JOIN collective_workers w ON w.id = r.worker_id
    WHERE r.case_id = @caseId AND r.kind = @kind AND (@kind = 'award' OR r.mediation_id = @mediationId) ORDER BY w.seq`)
    .all({ caseId, kind, mediationId }) as (CollectiveResultRow & { seq: number; name: string; id_number: string })[];
}

export function resultTotals(db: Db, caseId: string): { kind: string; n: number; s: number }[] {
  return stmt(db, 'SELECT kind, COUNT(*) AS n, COALESCE(SUM(amount_fen), 0) AS s FROM collective_results WHERE case_id = ? GROUP BY kind').all(caseId) as { kind: string; n: number; s: number }[];
}

/** Workers (from the view statistics read): roster workers where there is a roster, else applicant person parties. */
export function selectWorkerCount(db: Db, caseId: string): number {
  return (stmt(db, 'SELECT workers FROM case_worker_counts WHERE case_id = ?').get(caseId) as { workers: number } | undefined)?.workers ?? 0;
}

/** Whether a current award or mediation statement of the case exists (it carries the roster in its annex). */
export function outcomeDocumentIssued(db: Db, caseId: string, kind: 'award' | 'mediation_statement'): boolean {
  return stmt(db, 'SELECT 1 FROM case_documents WHERE case_id = ? AND kind = ? AND superseded_by IS NULL').get(caseId, kind) !== undefined;
}

// ---------------------------------------------------------------- per-worker claim items (migration 023)

export function selectWorker(db: Db, workerId: string): CollectiveWorkerRow | undefined {
  return stmt(db, 'SELECT * FROM collective_workers WHERE id = ?').get(workerId) as CollectiveWorkerRow | undefined;
}

export function selectWorkerClaims(db: Db, workerId: string): { seq: number; item: string; amount_fen: number }[] {
  return stmt(db, 'SELECT seq, item, amount_fen FROM collective_worker_claims WHERE worker_id = ? ORDER BY seq').all(workerId) as { seq: number; item: string; amount_fen: number }[];
}

/** Replaces a worker's claim items and sets the worker's summary (items joined, total). */
export function replaceWorkerClaims(db: Db, w: { id: string; case_id: string }, items: { item: string; amountFen: number }[], summary: string, totalFen: number): void {
  stmt(db, 'DELETE FROM collective_worker_claims WHERE worker_id = ?').run(w.id);
  items.forEach((it, i) => stmt(db, 'INSERT INTO collective_worker_claims (worker_id, seq, case_id, item, amount_fen) VALUES (?, ?, ?, ?, ?)').run(w.id, i + 1, w.case_id, it.item, it.amountFen));
  stmt(db, 'UPDATE collective_workers SET claim_items = ?, claimed_fen = ? WHERE id = ?').run(summary, totalFen, w.id);
}

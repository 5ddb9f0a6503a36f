import type { Db } from '../open';
import type { CaseEventRow, ClaimRow, EvidenceRow } from './rows';
import { stmt } from './stmt';

/** A case's claims and evidence (the application's items) and its timeline. */

export function selectCaseClaims(db: Db, caseId: string): ClaimRow[] {
  return stmt(db, 'SELECT * FROM claims WHERE case_id = ? ORDER BY seq').all(caseId) as ClaimRow[];
}

export function insertClaim(db: Db, r: ClaimRow): void {
  stmt(db, 'INSERT INTO claims (id, case_id, seq, type, amount_fen, period_start, period_end, text, facts, basis, limitation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(r.id, r.case_id, r.seq, r.type, r.amount_fen, r.period_start, r.period_end, r.text, r.facts, r.basis, r.limitation);
}

export function selectCaseEvidence(db: Db, caseId: string): EvidenceRow[] {
  return stmt(db, 'SELECT * FROM evidence WHERE case_id = ? ORDER BY seq').all(caseId) as EvidenceRow[];
}

export function insertEvidence(db: Db, r: EvidenceRow): void {
  stmt(db, 'INSERT INTO evidence (id, case_id, seq, name, source, purpose, copies) VALUES (?, ?, ?, ?, ?, ?, ?)').run(r.id, r.case_id, r.seq, r.name, r.source, r.purpose, r.copies);
}

export function selectCaseTimeline(db: Db, caseId: string): Pick<CaseEventRow, 'id' | 'at' | 'kind' | 'summary' | 'actor_name'>[] {
  return stmt(db, 'SELECT id, at, kind, summary, actor_name FROM case_events WHERE case_id = ? ORDER BY id').all(caseId) as Pick<CaseEventRow, 'id' | 'at' | 'kind' | 'summary' | 'actor_name'>[];
}

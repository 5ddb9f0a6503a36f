import type { Db } from '../open';
import type { AwardDraftRow, ClaimDecisionRow, ClaimRow } from './rows';
import { stmt } from './stmt';

export function selectClaim(db: Db, id: string): ClaimRow | undefined {
  return stmt(db, 'SELECT * FROM claims WHERE id = ?').get(id) as ClaimRow | undefined;
}

export function selectClaimCaseId(db: Db, id: string): string | undefined {
  return (stmt(db, 'SELECT case_id FROM claims WHERE id = ?').get(id) as Pick<ClaimRow, 'case_id'> | undefined)?.case_id;
}

export function selectClaimDecisions(db: Db, caseId: string): ClaimDecisionRow[] {
  return stmt(db, 'SELECT * FROM claim_decisions WHERE case_id = ?').all(caseId) as ClaimDecisionRow[];
}

export function selectDecisionLock(db: Db, claimId: string): Pick<ClaimDecisionRow, 'locked_by'> | undefined {
  return stmt(db, 'SELECT locked_by FROM claim_decisions WHERE claim_id = ?').get(claimId) as Pick<ClaimDecisionRow, 'locked_by'> | undefined;
}

export function upsertClaimDecision(db: Db, r: Omit<ClaimDecisionRow, 'locked_by'>): void {
  stmt(db, `INSERT INTO claim_decisions (claim_id, case_id, result, amount_fen, order_text, reasoning, articles, finality_type, provisional_execution, decided_date, updated_at, updated_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(claim_id) DO UPDATE SET result = excluded.result, amount_fen = excluded.amount_fen, order_text = excluded.order_text, reasoning = excluded.reasoning,
        articles = excluded.articles, finality_type = excluded.finality_type, provisional_execution = excluded.provisional_execution, decided_date = excluded.decided_date,
        updated_at = excluded.updated_at, updated_by = excluded.updated_by`)
    .run(r.claim_id, r.case_id, r.result, r.amount_fen, r.order_text, r.reasoning, r.articles, r.finality_type, r.provisional_execution, r.decided_date, r.updated_at, r.updated_by);
}

export function lockClaimDecision(db: Db, claimId: string, documentId: string): void {
  stmt(db, 'UPDATE claim_decisions SET locked_by = ? WHERE claim_id = ?').run(documentId, claimId);
}

export function selectAwardDraft(db: Db, caseId: string): AwardDraftRow | undefined {
  return stmt(db, 'SELECT * FROM award_drafts WHERE case_id = ?').get(caseId) as AwardDraftRow | undefined;
}

export function upsertAwardDraft(db: Db, r: AwardDraftRow): void {
  stmt(db, `INSERT INTO award_drafts (case_id, procedure, appearance, applicant_statement, respondent_defence, facts_found, reasoning, updated_at, updated_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(case_id) DO UPDATE SET procedure = excluded.procedure, appearance = excluded.appearance,
    applicant_statement = excluded.applicant_statement, respondent_defence = excluded.respondent_defence, facts_found = excluded.facts_found,
    reasoning = excluded.reasoning, updated_at = excluded.updated_at, updated_by = excluded.updated_by`)
    .run(r.case_id, r.procedure, r.appearance, r.applicant_statement, r.respondent_defence, r.facts_found, r.reasoning, r.updated_at, r.updated_by);
}

import type { Db } from '../open';
import type { MediationReviewRow } from './rows';
import { stmt } from './stmt';

/** The arbitral review of a pre-arbitration mediation agreement (migration 018). */

export function selectReviewOfMediation(db: Db, mediationId: string): MediationReviewRow | undefined {
  return stmt(db, 'SELECT * FROM mediation_reviews WHERE mediation_id = ?').get(mediationId) as MediationReviewRow | undefined;
}

export function selectReview(db: Db, id: string): MediationReviewRow | undefined {
  return stmt(db, 'SELECT * FROM mediation_reviews WHERE id = ?').get(id) as MediationReviewRow | undefined;
}

export function insertReview(db: Db, r: Pick<MediationReviewRow, 'id' | 'mediation_id' | 'applicant_date' | 'respondent_date' | 'created_at' | 'created_by'>): void {
  stmt(db, 'INSERT INTO mediation_reviews (id, mediation_id, applicant_date, respondent_date, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
    .run(r.id, r.mediation_id, r.applicant_date, r.respondent_date, r.created_at, r.created_by);
}

export function setReviewAccepted(db: Db, id: string, acceptedDate: string, arbitratorId: string): void {
  stmt(db, 'UPDATE mediation_reviews SET accepted_date = ?, arbitrator_id = ? WHERE id = ?').run(acceptedDate, arbitratorId, id);
}

export function setReviewDecided(db: Db, id: string, r: Pick<MediationReviewRow, 'outcome' | 'ground' | 'reason' | 'decided_date'>): void {
  stmt(db, 'UPDATE mediation_reviews SET outcome = ?, ground = ?, reason = ?, decided_date = ? WHERE id = ?').run(r.outcome, r.ground, r.reason, r.decided_date, id);
}

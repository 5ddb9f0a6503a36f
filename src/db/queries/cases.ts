import type { Db } from '../open';
import type { CaseRow } from './rows';
import { stmt } from './stmt';

/** The case's revision (migration 009 triggers increment it on every write to a row of the case). */
export function selectCaseRevision(db: Db, caseId: string): number | undefined {
  return (stmt(db, 'SELECT revision FROM cases WHERE id = ?').get(caseId) as Pick<CaseRow, 'revision'> | undefined)?.revision;
}

export function selectCaseNumber(db: Db, caseId: string): Pick<CaseRow, 'case_number'> | undefined {
  return stmt(db, 'SELECT case_number FROM cases WHERE id = ?').get(caseId) as Pick<CaseRow, 'case_number'> | undefined;
}

/** Draft and accepted cases that are not closed (the dashboard walks these). */
export function selectRunningCases(db: Db): Pick<CaseRow, 'id' | 'case_number'>[] {
  return stmt(db, "SELECT id, case_number FROM cases c WHERE status IN ('draft', 'accepted') AND NOT EXISTS (SELECT 1 FROM case_closures k WHERE k.case_id = c.id)").all() as Pick<CaseRow, 'id' | 'case_number'>[];
}

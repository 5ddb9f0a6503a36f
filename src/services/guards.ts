import type { CaseDetail } from '../api';
import { AppError } from '../api';
import { shanghaiDate } from '../domain';
import type { Db } from '../db/open';
import { selectCaseRevision } from '../db/queries/cases';
import { selectClosedDate } from '../db/queries/closures';
import { isImportedRecord } from '../db/queries/ledger';
import { getCase } from './cases';
import type { ServiceContext } from './context';
import { invalid } from './errors';

/**
 * The case guards, in one place, used by every service that writes to a case.
 *
 * After closing, the law leaves only: serving documents already issued, correcting a clerical error in an award by
 * decision (决定书·裁决书补正), and archiving. Everything else is refused with the reason.
 */
export type AfterClosing = 'serve' | 'award-correction';

export function closureOf(db: Db, caseId: string): { closedDate: string } | null {
  const closedDate = selectClosedDate(db, caseId);
  return closedDate !== undefined ? { closedDate } : null;
}

/**
 * The case must be accepted and not closed, unless `allow` names what the law permits after closing.
 * `doing` completes the sentence “只有已受理的案件才能……”.
 */
export function requireOpenCase(db: Db, caseId: string, doing: string, allow?: AfterClosing): CaseDetail {
  const c = getCase(db, { id: caseId });
  if (c.status !== 'accepted' || !c.acceptanceDate) throw new AppError('INVALID_STATE', `只有已受理的案件才能${doing}`);
  // Issue 15: cases brought in by the ledger import are history, read-only (migration 015 triggers refuse it too).
  if (isImportedRecord(db, caseId)) throw new AppError('INVALID_STATE', `本案为历史导入的记录（只读），不能${doing}`);
  const closed = closureOf(db, caseId);
  if (closed && !allow) {
    throw new AppError('INVALID_STATE', `本案已于${closed.closedDate}结案，不能再${doing}。结案后只能送达已签发的文书、以决定书补正裁决书中的笔误或归档`);
  }
  return c;
}

/** Dates of record cannot lie in the future (Asia/Shanghai); optionally not before an earlier date of the case. */
export function checkDate(ctx: ServiceContext, date: string, path: string, label: string, notBefore?: { date: string; label: string }): void {
  const today = shanghaiDate(ctx.now());
  if (date > today) invalid(path, `${label}（${date}）不能晚于今天（${today}）`);
  if (notBefore && date < notBefore.date) invalid(path, `${label}不能早于${notBefore.label}（${notBefore.date}）`);
}

/** The case's revision: every write to a row that belongs to the case increments it (migration 009 triggers). */
export function caseRevision(db: Db, caseId: string): number {
  const revision = selectCaseRevision(db, caseId);
  if (revision === undefined) throw new AppError('NOT_FOUND', '案件不存在');
  return revision;
}

/** Refuses the commit of something rendered from an earlier state of the case. */
export function requireRevision(db: Db, caseId: string, rendered: number): void {
  if (caseRevision(db, caseId) !== rendered) throw new AppError('CONFLICT', '生成文书期间案件记录已被修改（例如裁决结果或当事人信息），文书未签发，请重新生成');
}

import type { Proceedings } from '../api';
import { DOCUMENT_KINDS, shanghaiDate } from '../domain';
import type { ServiceContext } from './context';
import { type GenerateInput, commitReissue, prepareReissue } from './documents';
import { caseRevision, requireRevision } from './guards';
import { currentHearingNotices, getProceedings, hearingOf, moveHearing } from './proceedings';
import { dryRun, writeTx } from './tx';
import type { DocumentKind } from '../domain';
import { selectDocument } from '../db/queries/documents';
import { selectHearingCaseId } from '../db/queries/hearings';

/**
 * Moves a hearing and follows each of its current notices with a 延期开庭通知书 for the new date (the new version of the
 * notice's series: the old notice is superseded and no longer served) in ONE transaction (prepare → render → commit):
 * the move is first tried and rolled back so the notices can be rendered from the moved hearing; the commit then checks
 * that nothing in the case changed meanwhile, moves the hearing and stores the new notice versions together. A failure
 * anywhere leaves the hearing where it was and the old notices current.
 */
export async function moveHearingWithNotices(
  ctx: ServiceContext,
  input: { hearingId: string; date: string; startTime: string; endTime: string; roomId: string; reason: string },
): Promise<Proceedings> {
  const issuedDate = shanghaiDate(ctx.now());
  const reason = `开庭改期：${input.reason}`;
  const olds = currentHearingNotices(ctx.db, input.hearingId).map((id) => selectDocument(ctx.db, id)!);
  const caseId = selectHearingCaseId(ctx.db, input.hearingId);
  const before = caseId ? hearingOf(ctx.db, caseId, input.hearingId) : null;
  const postponement = { fromDate: before?.date ?? '', fromTime: before?.startTime ?? '', reason: input.reason };
  const revision = caseId ? caseRevision(ctx.db, caseId) : 0;
  const gens = (newHearingId: string): GenerateInput[] =>
    // the notice of a moved hearing is followed, in its series, by a 延期开庭通知书 (A4, no stub) for the new time
    olds.map((old) => ({ caseId: old.case_id, kind: 'postponement_notice' as DocumentKind, issuedDate, hearingId: newHearingId, title: DOCUMENT_KINDS.postponement_notice, payload: { postponement } }));
  // Prepare: the models are built against the moved hearing inside a transaction that is rolled back, rendered after it.
  const prepared = olds.length
    ? await Promise.all(
        dryRun(ctx, () => {
          const moved = moveHearing(ctx, input);
          return gens(moved.newHearingId).map((g, i) => prepareReissue(ctx, olds[i]!, g));
        }),
      )
    : [];
  // Commit: nothing changed since the prepare, then the move and every new notice version together.
  const moved = writeTx(ctx, () => {
    if (caseId) requireRevision(ctx.db, caseId, revision);
    const m = moveHearing(ctx, input);
    gens(m.newHearingId).forEach((g, i) => commitReissue(ctx, olds[i]!, g, prepared[i]!, reason, false));
    return m;
  });
  return getProceedings(ctx.db, moved.caseId);
}

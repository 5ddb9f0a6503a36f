import { createHash, randomBytes } from 'node:crypto';
import { AppError, type SurveyLink, type SurveyScreen } from '../api';
import { shanghaiDate, shanghaiDateTime } from '../domain';
import { consultationExists } from '../db/queries/consultations';
import { insertSurveyLink, selectSurveyLink, selectSurveySubject, type SurveyLinkRow } from '../db/queries/survey-links';
import { selectSurveyOf } from '../db/queries/ledger';
import { type ServiceContext, actor, nowIso } from './context';
import { checkSurveyable, insertSurveyAnswer, requireSurveyDuty } from './ledger';
import { readSettings } from './settings';

/**
 * The party's survey on a second screen (issue 15 item 4). Staff open a one-time link for one closed case or one
 * consultation; the survey screen (#/survey/<token>, its own window and session) shows only that survey and can do
 * nothing but read its subject and answer once. The answer is recorded by satisfaction.record's rule (src/services/ledger.ts),
 * entered by 'party', on behalf of the staff account that opened the link. A link expires after SURVEY_LINK_MINUTES and is
 * spent once its record has a survey. Only the token's SHA-256 is stored.
 */
export const SURVEY_LINK_MINUTES = 30;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

function subjectOf(ctx: ServiceContext, r: { caseId: string | null; consultationId: string | null }): string {
  const s = selectSurveySubject(ctx.db, r);
  if (!s) throw new AppError('NOT_FOUND', r.caseId ? '案件不存在' : '咨询登记不存在');
  return r.caseId ? `案件 ${s.case_number ?? ''}` : `咨询登记 ${shanghaiDateTime(s.arrived_at!).slice(0, 10)}`;
}

export function openSurvey(ctx: ServiceContext, input: { caseId?: string; consultationId?: string }): SurveyLink {
  if (input.consultationId && !consultationExists(ctx.db, input.consultationId)) throw new AppError('NOT_FOUND', '咨询登记不存在');
  requireSurveyDuty(ctx, input);
  checkSurveyable(ctx, input, shanghaiDate(ctx.now()));
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.now().getTime() + SURVEY_LINK_MINUTES * 60_000).toISOString();
  insertSurveyLink(ctx.db, {
    token_hash: hashOf(token), case_id: input.caseId ?? null, consultation_id: input.consultationId ?? null, created_at: nowIso(ctx), created_by: actor(ctx).id, expires_at: expiresAt,
  });
  return { token, expiresAt, subject: subjectOf(ctx, { caseId: input.caseId ?? null, consultationId: input.consultationId ?? null }) };
}

function linkOf(ctx: ServiceContext, token: string): SurveyLinkRow {
  const link = selectSurveyLink(ctx.db, hashOf(token));
  if (!link) throw new AppError('NOT_FOUND', '评价链接无效，请工作人员重新打开评价页面');
  return link;
}
const expired = (ctx: ServiceContext, link: SurveyLinkRow) => ctx.now().toISOString() >= link.expires_at;
const target = (link: SurveyLinkRow) => ({ caseId: link.case_id ?? undefined, consultationId: link.consultation_id ?? undefined });

export function surveyScreen(ctx: ServiceContext, input: { token: string }): SurveyScreen {
  const link = linkOf(ctx, input.token);
  const answered = selectSurveyOf(ctx.db, target(link)) !== undefined;
  if (!answered && expired(ctx, link)) throw new AppError('INVALID_STATE', `评价链接已过期（有效${SURVEY_LINK_MINUTES}分钟），请工作人员重新打开评价页面`);
  return { subject: subjectOf(ctx, { caseId: link.case_id, consultationId: link.consultation_id }), commissionName: readSettings(ctx.db).commissionName, expiresAt: link.expires_at, answered };
}

export function submitSurvey(ctx: ServiceContext, input: { token: string; rating: 'satisfied' | 'basic' | 'unsatisfied'; reasons: string[] }): { recorded: true } {
  const link = linkOf(ctx, input.token);
  if (selectSurveyOf(ctx.db, target(link))) throw new AppError('INVALID_STATE', '本次评价已提交，谢谢您的评价');
  if (expired(ctx, link)) throw new AppError('INVALID_STATE', `评价链接已过期（有效${SURVEY_LINK_MINUTES}分钟），请工作人员重新打开评价页面`);
  insertSurveyAnswer(ctx, { ...target(link), rating: input.rating, reasons: input.reasons, enteredBy: 'party', surveyedDate: shanghaiDate(ctx.now()) }, link.created_by);
  return { recorded: true };
}

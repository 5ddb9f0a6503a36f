import { createHash } from 'node:crypto';
import { AppError, type DocumentFile, type ReviewView } from '../api';
import { type PreArbitrationAgreement, type ReviewPaperData, preArbitrationAgreement, render, reviewRefusal, reviewStatement } from '../documents';
import { REVIEW_REFUSAL_GROUNDS, type ReviewRefusalGround, reviewApplicationLastDay } from '../domain';
import type { Db } from '../db/open';
import { selectMediation } from '../db/queries/mediations';
import { insertReview, selectReview, selectReviewOfMediation, setReviewAccepted, setReviewDecided } from '../db/queries/reviews';
import type { MediationReviewRow } from '../db/queries/rows';
import { selectUser } from '../db/queries/users';
import { type ServiceContext, actor, newId, nowIso } from './context';
import { invalid } from './errors';
import { checkDate } from './guards';
import { getMediation } from './outcomes';
import { readSettings } from './settings';

/**
 * The papers of mediation outside arbitration and the arbitral review of its agreement (issue 11 item 6; LDMAL Art 14;
 * Rules Arts 74–78): the 调解协议书 from a successful pre-arbitration mediation; the review as a record — joint
 * application within fifteen days of the agreement's effect, acceptance with a designated arbitrator, then a 调解书 or a
 * refusal with its Art 78 ground — and its papers, rendered on demand from the record (not in a case's register: there
 * is no case).
 */


const RULE_74 = '《劳动人事争议仲裁办案规则》第七十四条';

function agreementOf(db: Db, mediationId: string): PreArbitrationAgreement {
  const m = getMediation(db, mediationId);
  if (m.stage !== 'pre_arbitration') invalid('mediationId', '只有仲裁前调解达成的协议制作调解协议书、申请仲裁审查；仲裁中的调解由仲裁庭制作调解书');
  if (m.outcome !== 'success' || !m.outcomeDate) invalid('mediationId', '该调解未达成调解协议');
  return {
    organisation: m.organisation, applicantName: m.applicantName ?? '', respondentName: m.respondentName ?? '', receivedDate: m.receivedDate,
    agreementDate: m.outcomeDate!, items: m.items, closing: m.closing,
  };
}

function view(db: Db, r: MediationReviewRow): ReviewView {
  const m = selectMediation(db, r.mediation_id)!;
  return {
    id: r.id, mediationId: r.mediation_id, applicantDate: r.applicant_date, respondentDate: r.respondent_date, lastDay: reviewApplicationLastDay(m.outcome_date!),
    acceptedDate: r.accepted_date, arbitratorId: r.arbitrator_id, arbitratorName: r.arbitrator_id ? selectUser(db, r.arbitrator_id)?.display_name ?? null : null,
    outcome: r.outcome, ground: (r.ground as ReviewRefusalGround | null) ?? null, groundLabel: r.ground ? REVIEW_REFUSAL_GROUNDS[r.ground as ReviewRefusalGround] : null,
    reason: r.reason, decidedDate: r.decided_date,
  };
}

export function getReview(db: Db, mediationId: string): ReviewView | null {
  const r = selectReviewOfMediation(db, mediationId);
  return r ? view(db, r) : null;
}

/** The joint application: each party's date, both within fifteen days of the agreement's effect (Rules Art 74). */
export function applyReview(ctx: ServiceContext, input: { mediationId: string; applicantDate: string; respondentDate: string }): ReviewView {
  const a = agreementOf(ctx.db, input.mediationId);
  if (selectReviewOfMediation(ctx.db, input.mediationId)) throw new AppError('INVALID_STATE', '该调解协议已申请仲裁审查');
  const last = reviewApplicationLastDay(a.agreementDate);
  for (const [path, date, who] of [['applicantDate', input.applicantDate, '申请人'], ['respondentDate', input.respondentDate, '被申请人']] as const) {
    checkDate(ctx, date, path, `${who}申请日期`, { date: a.agreementDate, label: '调解协议生效日期' });
    if (date > last) invalid(path, `仲裁审查须由双方当事人自调解协议生效之日起十五日内（至${last}）共同申请，${who}于${date}申请已逾期，不予受理（${RULE_74}）`);
  }
  const id = newId();
  insertReview(ctx.db, { id, mediation_id: input.mediationId, applicant_date: input.applicantDate, respondent_date: input.respondentDate, created_at: nowIso(ctx), created_by: actor(ctx).id });
  return view(ctx.db, selectReview(ctx.db, id)!);
}

/** Acceptance, with the arbitrator designated to review. */
export function acceptReview(ctx: ServiceContext, input: { reviewId: string; acceptedDate: string; arbitratorId: string }): ReviewView {
  const r = selectReview(ctx.db, input.reviewId);
  if (!r) throw new AppError('NOT_FOUND', '仲裁审查申请不存在');
  if (r.accepted_date) throw new AppError('INVALID_STATE', `该申请已于${r.accepted_date}受理`);
  const later = r.applicant_date > r.respondent_date ? r.applicant_date : r.respondent_date;
  checkDate(ctx, input.acceptedDate, 'acceptedDate', '受理日期', { date: later, label: '双方申请日期' });
  const arb = selectUser(ctx.db, input.arbitratorId);
  if (!arb || arb.role !== 'arbitrator' || !arb.active) invalid('arbitratorId', '请指定一名在职的仲裁员进行审查');
  setReviewAccepted(ctx.db, r.id, input.acceptedDate, arb!.id);
  return view(ctx.db, selectReview(ctx.db, r.id)!);
}

/** The designated arbitrator's conclusion: a 调解书, or a refusal with its Rules Art 78 ground. Final. */
export function decideReview(ctx: ServiceContext, input: { reviewId: string; decidedDate: string; outcome: 'statement' | 'refused'; ground?: number; reason?: string }): ReviewView {
  const r = selectReview(ctx.db, input.reviewId);
  if (!r) throw new AppError('NOT_FOUND', '仲裁审查申请不存在');
  if (!r.accepted_date || !r.arbitrator_id) throw new AppError('INVALID_STATE', '请先受理并指定审查的仲裁员');
  if (r.outcome) throw new AppError('INVALID_STATE', '该申请已作出审查结论');
  if (!ctx.session.system && actor(ctx).id !== r.arbitrator_id) throw new AppError('FORBIDDEN', '审查结论只能由被指定审查本调解协议的仲裁员作出');
  checkDate(ctx, input.decidedDate, 'decidedDate', '审查结论日期', { date: r.accepted_date, label: '受理日期' });
  if (input.outcome === 'refused') {
    if (!input.ground) invalid('ground', '不予出具调解书须写明《劳动人事争议仲裁办案规则》第七十八条规定的情形');
    if (!input.reason?.trim()) invalid('reason', '请写明不予出具调解书的具体理由');
  } else if (input.ground) invalid('ground', '出具调解书时不填写不予出具的情形');
  setReviewDecided(ctx.db, r.id, { outcome: input.outcome, ground: input.outcome === 'refused' ? input.ground! : null, reason: input.outcome === 'refused' ? input.reason!.trim() : null, decided_date: input.decidedDate });
  return view(ctx.db, selectReview(ctx.db, r.id)!);
}

const MIME = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

/** A paper of the pre-arbitration mediation or of its review, rendered from the records. */
export async function reviewPaper(ctx: ServiceContext, input: { mediationId: string; paper: 'agreement' | 'statement' | 'refusal'; format: 'pdf' | 'docx' }): Promise<DocumentFile> {
  const agreement = agreementOf(ctx.db, input.mediationId);
  const settings = readSettings(ctx.db);
  let model;
  if (input.paper === 'agreement') model = preArbitrationAgreement(agreement);
  else {
    const r = getReview(ctx.db, input.mediationId);
    const want = input.paper === 'statement' ? 'statement' : 'refused';
    if (!r || r.outcome !== want) throw new AppError('INVALID_STATE', input.paper === 'statement' ? '审查仲裁员尚未决定出具调解书' : '审查仲裁员未作出不予出具调解书的决定');
    const data: ReviewPaperData = {
      commissionName: settings.commissionName, agreement, applicantDate: r.applicantDate, respondentDate: r.respondentDate, acceptedDate: r.acceptedDate!,
      arbitratorName: r.arbitratorName ?? '', decidedDate: r.decidedDate!, ...(r.ground ? { ground: r.ground, reason: r.reason } : {}),
    };
    model = input.paper === 'statement' ? reviewStatement(data) : reviewRefusal(data);
  }
  const bytes = await render(model, input.format, settings.documentFonts);
  const title = { agreement: '调解协议书', statement: '调解书（仲裁审查）', refusal: '决定书（不予出具调解书）' }[input.paper];
  return { fileName: `${title}-${agreement.applicantName}.${input.format}`, mimeType: MIME[input.format], sha256: createHash('sha256').update(bytes).digest('hex'), base64: bytes.toString('base64') };
}

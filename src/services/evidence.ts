import type { EvidenceSubmissionView } from '../api';
import { PARTY_ROLE_LABELS } from '../domain';
import type { Db } from '../db/open';
import { insertEvidenceItem, insertEvidenceSubmission, selectCaseEvidenceSubmissions, selectEvidenceItems, selectEvidenceSubmission } from '../db/queries/evidence';
import type { EvidenceSubmissionRow } from '../db/queries/rows';
import { selectCurrentOfKind } from '../db/queries/documents';
import { getCase } from './cases';
import { type ServiceContext, actor, caseEvent, newId, nowIso } from './context';
import { invalid } from './errors';
import { checkDate, requireOpenCase } from './guards';

/**
 * Evidence handed in by a party after acceptance (issue 11 item 6): each handing-in is recorded once, with its items
 * (name, source, purpose, pages, original or copy, copies), and the 证据收据 is issued from it through the register.
 * The record is sealed (migration 018): a receipt keeps saying what was received.
 */

export interface EvidenceItemInput {
  name: string;
  source?: string | null;
  purpose: string;
  pages: number;
  original: boolean;
  copies: number;
}

function view(db: Db, r: EvidenceSubmissionRow): EvidenceSubmissionView {
  const c = getCase(db, { id: r.case_id });
  const party = [...c.applicants, ...c.respondents, ...c.thirdParties].find((p) => p.id === r.party_id)!;
  const receipt = selectCurrentOfKind(db, r.case_id, 'evidence_receipt').find((d) => d.payload && JSON.parse(d.payload).submissionId === r.id);
  return {
    id: r.id, caseId: r.case_id, partyId: r.party_id, partyName: party.name, partyRole: PARTY_ROLE_LABELS[party.role], receivedDate: r.received_date, note: r.note,
    items: selectEvidenceItems(db, r.id).map((i) => ({ seq: i.seq, name: i.name, source: i.source, purpose: i.purpose, pages: i.pages, original: i.original === 1, copies: i.copies })),
    receiptId: receipt?.id ?? null,
  };
}

export function listEvidence(db: Db, caseId: string): EvidenceSubmissionView[] {
  getCase(db, { id: caseId });
  return selectCaseEvidenceSubmissions(db, caseId).map((r) => view(db, r));
}

export function evidenceSubmission(db: Db, id: string): EvidenceSubmissionView | null {
  const r = selectEvidenceSubmission(db, id);
  return r ? view(db, r) : null;
}

export function submitEvidence(ctx: ServiceContext, input: { caseId: string; partyId: string; receivedDate: string; note?: string | null; items: EvidenceItemInput[] }): EvidenceSubmissionView {
  const c = requireOpenCase(ctx.db, input.caseId, '登记证据材料');
  if (c.status !== 'accepted') invalid('caseId', '案件受理后才能登记当事人提交的证据材料；申请时提交的证据随仲裁申请书登记');
  const party = [...c.applicants, ...c.respondents, ...c.thirdParties].find((p) => p.id === input.partyId);
  if (!party) invalid('partyId', '请选择提交证据的本案当事人');
  checkDate(ctx, input.receivedDate, 'receivedDate', '收到证据日期', { date: c.acceptanceDate!, label: '受理日期' });
  const id = newId();
  insertEvidenceSubmission(ctx.db, { id, case_id: c.id, party_id: party!.id, received_date: input.receivedDate, note: input.note ?? null, created_at: nowIso(ctx), created_by: actor(ctx).id });
  input.items.forEach((i, k) => insertEvidenceItem(ctx.db, {
    submission_id: id, seq: k + 1, name: i.name, source: i.source ?? null, purpose: i.purpose, pages: i.pages, original: i.original ? 1 : 0, copies: i.copies,
  }));
  caseEvent(ctx, c.id, 'evidence.received', `收到${PARTY_ROLE_LABELS[party!.role]}${party!.name}提交的证据材料${input.items.length}项（${input.receivedDate}）`);
  return view(ctx.db, selectEvidenceSubmission(ctx.db, id)!);
}

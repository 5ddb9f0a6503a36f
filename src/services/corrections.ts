import type { CaseDetail, PartyCorrectionView, Proceedings } from '../api';
import { AppError } from '../api';
import { checkCreditCode, checkResidentId } from '../domain';
import type { Db } from '../db/open';
import { insertPaperReview, insertPartyCorrection, paperReviewExists, selectPartyCorrections } from '../db/queries/corrections';
import { selectPartyOfCase, updatePartyColumn } from '../db/queries/parties';
import { getCase } from './cases';
import { linkPartyEmployer } from './employers';
import { type ServiceContext, actor, caseEvent, newId, nowIso } from './context';
import { invalid } from './errors';
import { checkDate, requireOpenCase } from './guards';
import { getProceedings } from './proceedings';
import { requireTribunalArbitrator } from './duties';

/**
 * Corrections of a party's particulars after acceptance. The parties row takes the corrected value (new documents use
 * it); each change is kept as an append-only correction record with the old value, the reason, who and when; documents
 * already issued keep their text (the register is immutable); the timeline shows the correction.
 */
export const CORRECTABLE = {
  name: { column: 'name', label: '姓名或名称' },
  idNumber: { column: 'id_number', label: '身份证件号码' },
  creditCode: { column: 'credit_code', label: '统一社会信用代码' },
  domicile: { column: 'domicile', label: '住所' },
  serviceAddress: { column: 'service_address', label: '送达地址' },
  phone: { column: 'phone', label: '联系电话' },
  representativeName: { column: 'representative_name', label: '法定代表人（负责人）' },
  representativeTitle: { column: 'representative_title', label: '职务' },
} as const;
export type CorrectableField = keyof typeof CORRECTABLE;

export function correctParty(
  ctx: ServiceContext,
  input: { caseId: string; partyId: string; changes: Partial<Record<CorrectableField, string>>; reason: string; correctedDate: string },
): CaseDetail {
  const c = requireOpenCase(ctx.db, input.caseId, '更正当事人信息');
  checkDate(ctx, input.correctedDate, 'correctedDate', '更正日期', { date: c.acceptanceDate!, label: '受理日期' });
  const p = selectPartyOfCase(ctx.db, input.partyId, input.caseId);
  if (!p) throw new AppError('NOT_FOUND', '该当事人不属于本案');
  const changed: string[] = [];
  for (const [field, raw] of Object.entries(input.changes) as [CorrectableField, string | undefined][]) {
    if (raw === undefined) continue;
    let value: string | null = raw.trim() === '' ? null : raw.trim();
    const spec = CORRECTABLE[field];
    const path = `changes.${field}`;
    if (field === 'name' && !value) invalid(path, '姓名或名称不能为空');
    if (field === 'idNumber') {
      if (p.kind !== 'person') invalid(path, '单位当事人没有身份证件号码，请更正统一社会信用代码');
      if (value && (p.id_type ?? 'resident') === 'resident') {
        const r = checkResidentId(value);
        if (!r.ok) invalid(path, r.message);
        value = r.value;
      }
    }
    if (field === 'creditCode') {
      if (p.kind !== 'org') invalid(path, '自然人当事人没有统一社会信用代码');
      if (value) {
        const r = checkCreditCode(value);
        if (!r.ok) invalid(path, r.message);
        value = r.value;
      }
    }
    if ((field === 'representativeName' || field === 'representativeTitle') && p.kind !== 'org') invalid(path, '只有单位当事人有法定代表人（负责人）');
    const old = p[spec.column] ?? null;
    if (old === value) continue;
    updatePartyColumn(ctx.db, p.id, spec.column, value);
    insertPartyCorrection(ctx.db, {
      id: newId(), case_id: input.caseId, party_id: p.id, field, old_value: old, new_value: value, reason: input.reason, corrected_date: input.correctedDate,
      created_at: nowIso(ctx), created_by: actor(ctx).id,
    });
    changed.push(spec.label);
  }
  if (!changed.length) invalid('changes', '更正后的内容与原内容相同，未作更改');
  if (p.kind === 'org' && (input.changes.name !== undefined || input.changes.creditCode !== undefined)) {
    const now = selectPartyOfCase(ctx.db, p.id, input.caseId)!;
    linkPartyEmployer(ctx, p.id, { kind: now.kind, name: now.name, creditCode: now.credit_code }); // issue 16: relink to the employer register
  }
  caseEvent(ctx, input.caseId, 'party.corrected', `更正当事人${p.name}的${changed.join('、')}（${input.correctedDate}）：${input.reason}；已签发的文书保持原文，此后制作的文书使用更正后的信息`);
  return getCase(ctx.db, { id: input.caseId });
}

export function loadCorrections(db: Db, caseId: string): PartyCorrectionView[] {
  return selectPartyCorrections(db, caseId).map((r) => ({
    id: r.id, partyId: r.party_id, partyName: r.party_name, field: r.field, fieldLabel: CORRECTABLE[r.field as CorrectableField]?.label ?? r.field,
    oldValue: r.old_value ?? null, newValue: r.new_value ?? null, reason: r.reason, correctedDate: r.corrected_date, createdAt: r.created_at, createdBy: r.created_by_name,
  }));
}

/**
 * The tribunal's decision to decide on the papers (书面审理) instead of holding a hearing; with it, an award may be
 * issued without a hearing held. Recorded once, append-only.
 */
export function decidePaperReview(ctx: ServiceContext, input: { caseId: string; decidedDate: string; reason: string }): Proceedings {
  const c = requireOpenCase(ctx.db, input.caseId, '决定书面审理');
  requireTribunalArbitrator(ctx, input.caseId, '书面审理的决定');
  checkDate(ctx, input.decidedDate, 'decidedDate', '决定日期', { date: c.acceptanceDate!, label: '受理日期' });
  if (paperReviewExists(ctx.db, input.caseId)) throw new AppError('INVALID_STATE', '本案已决定书面审理');
  insertPaperReview(ctx.db, { case_id: input.caseId, decided_date: input.decidedDate, reason: input.reason, created_at: nowIso(ctx), created_by: actor(ctx).id });
  caseEvent(ctx, input.caseId, 'paper_review', `仲裁庭决定书面审理（${input.decidedDate}）：${input.reason}`);
  return getProceedings(ctx.db, input.caseId);
}

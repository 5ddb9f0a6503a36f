import type { CaseDetail, ConsultationErasureView, ErasableConsultation, ExportFile, PersonalReadPage, RevealedValue, StoredParty } from '../api';
import { AppError } from '../api';
import {
  CONSULTATION_RETENTION_KEY, type ConsultationRetention, DEFAULT_CONSULTATION_RETENTION, type DatedValue, ERASED_TEXT, ROLE_LABELS, addMonths, inForce,
  checkResidentId, maskIdNumber, maskPhone, shanghaiDate, shanghaiDateTime, shanghaiDayStart,
} from '../domain';
import { readSettings } from './settings';
import type { Db } from '../db/open';
import { selectDatedSettings } from '../db/queries/supervision';
import { selectConsultation } from '../db/queries/consultations';
import {
  anonymiseConsultation, countConsultationVersions, deleteConsultationVersions, insertConsultationErasure, insertPersonalRead, selectErasureFacts,
  selectErasableConsultations, selectPartyPersonal, selectPersonRecords, selectPersonalReads,
} from '../db/queries/personal';
import { type ServiceContext, actor, audit, newId, nowIso } from './context';

/**
 * Need-to-know personal data (issue 12 item 2): full ID numbers and phones are masked in what the case reads answer;
 * 显示完整 (`personal.reveal`) returns one field of one record to a role that works on it, with a reason, and appends
 * an entry to the read log (who, whose, which field, when, why — never the value). The administrator reviews the log.
 *
 * A draft is answered as it is: it is the application being typed in by its registrar, and the form edits it.
 */
export function maskedCase(c: CaseDetail): CaseDetail {
  if (c.status === 'draft') return c;
  const mask = (p: StoredParty): StoredParty => {
    const agents = p.agents.map((a) => ({ ...a, ...(a.phone ? { phone: maskPhone(a.phone) } : {}) }));
    const phone = p.phone ? { phone: maskPhone(p.phone) } : {};
    if (p.kind === 'person') return { ...p, ...phone, ...(p.idNumber ? { idNumber: maskIdNumber(p.idNumber) } : {}), agents };
    return { ...p, ...phone, agents };
  };
  return { ...c, applicants: c.applicants.map(mask), respondents: c.respondents.map(mask), thirdParties: c.thirdParties.map(mask), personalMasked: true };
}


export function revealPersonal(
  ctx: ServiceContext, input: { recordKind: 'party' | 'consultation'; recordId: string; field: 'idNumber' | 'phone'; reason: string },
): RevealedValue {
  const u = actor(ctx);
  let subject: { name: string; caseId: string | null; value: string | null };
  if (input.recordKind === 'party') {
    // The roles are checked by the operation's action; the case by record (lawyers, window staff) in the dispatcher (case-access.ts).
    const p = selectPartyPersonal(ctx.db, input.recordId);
    if (!p) throw new AppError('NOT_FOUND', '当事人不存在');
    subject = { name: p.name, caseId: p.case_id, value: input.field === 'idNumber' ? p.id_number : p.phone };
  } else {
    const c = selectConsultation(ctx.db, input.recordId);
    if (!c) throw new AppError('NOT_FOUND', '咨询登记不存在');
    subject = { name: c.person_name, caseId: null, value: input.field === 'idNumber' ? c.person_id_number : c.person_phone };
  }
  const reason = input.reason.trim();
  insertPersonalRead(ctx.db, {
    id: newId(), at: nowIso(ctx), user_id: u.id, user_name: u.displayName, user_role: u.role, record_kind: input.recordKind, record_id: input.recordId,
    case_id: subject.caseId, subject_name: subject.name, field: input.field, reason,
  });
  // The audit entry names the record and the field, never the value.
  audit(ctx, 'personal.reveal', subject.caseId ?? input.recordId, { recordKind: input.recordKind, recordId: input.recordId, field: input.field });
  return { value: subject.value };
}

/** The read log for the administrator: by user and by Beijing-time dates, newest first. */
export function personalReadLog(ctx: ServiceContext, input: { userId?: string; from?: string; to?: string; limit: number; offset: number }): PersonalReadPage {
  const start = input.from ? shanghaiDayStart(input.from) : undefined;
  const end = input.to ? shanghaiDayStart(input.to, 1) : undefined;
  const { total, rows } = selectPersonalReads(ctx.db, { userId: input.userId, start, end, limit: input.limit, offset: input.offset });
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, at: r.at, userId: r.user_id, userName: r.user_name, userRole: ROLE_LABELS[r.user_role as keyof typeof ROLE_LABELS] ?? r.user_role,
      recordKind: r.record_kind, recordId: r.record_id, caseId: r.case_id, caseNumber: r.case_number, subjectName: r.subject_name, field: r.field, reason: r.reason,
    })),
  };
}


/** The retention of consultations in force on a date (a dated setting, src/domain/privacy.ts). */
export function consultationRetention(db: Db, date: string): DatedValue<ConsultationRetention> {
  const stored = selectDatedSettings(db, CONSULTATION_RETENTION_KEY).map((r) => ({ validFrom: r.valid_from, value: JSON.parse(r.value) as ConsultationRetention, basis: r.basis }));
  return inForce([DEFAULT_CONSULTATION_RETENTION, ...stored], date);
}

/**
 * Erases the personal data of a consultation never turned into a case once its retention period has ended (issue 12
 * item 2; 个人信息保护法 Art 47 [UNVERIFIED]). The row stays for the desk's statistics with the person's data removed;
 * its earlier versions are deleted; an erasure record and the audit entry name the consultation and the dates only.
 */
export function eraseConsultation(ctx: ServiceContext, input: { id: string }): ConsultationErasureView {
  const f = selectErasureFacts(ctx.db, input.id);
  if (!f) throw new AppError('NOT_FOUND', '咨询登记不存在');
  if (f.erased) throw new AppError('INVALID_STATE', '该咨询登记的个人信息已经删除');
  if (f.cases) throw new AppError('INVALID_STATE', '该咨询已转为仲裁案件，随案卷按档案保管期限保存，不能单独删除');
  if (f.aid) throw new AppError('INVALID_STATE', '该咨询有法律援助申请，随法律援助案卷保存，不能单独删除');
  if (f.mediations) throw new AppError('INVALID_STATE', '该咨询已转为调解，随调解记录保存，不能单独删除');
  if (f.imported) throw new AppError('INVALID_STATE', '历史导入的咨询登记为只读，不能删除');
  const today = shanghaiDate(ctx.now());
  const arrived = shanghaiDate(new Date(f.arrived_at));
  const rule = consultationRetention(ctx.db, today);
  const until = addMonths(arrived, rule.value.years * 12);
  if (today < until) throw new AppError('INVALID_STATE', `保存期限未届满（登记于${arrived}，保存${rule.value.years}年，${until}起方可删除；依据：${rule.basis}）`);
  const versions = countConsultationVersions(ctx.db, input.id);
  anonymiseConsultation(ctx.db, input.id, ERASED_TEXT, nowIso(ctx));
  insertConsultationErasure(ctx.db, {
    consultation_id: input.id, erased_at: nowIso(ctx), erased_by: actor(ctx).id, arrived_date: arrived, retention_until: until, retention_basis: rule.basis, versions_removed: versions,
  });
  deleteConsultationVersions(ctx.db, input.id);
  audit(ctx, 'consultations.erase', input.id, { arrivedDate: arrived, retentionUntil: until, versionsRemoved: versions });
  return { consultationId: input.id, arrivedDate: arrived, retentionUntil: until, retentionBasis: rule.basis, versionsRemoved: versions };
}

/** A consultation whose personal data was erased is not changed again (the trigger of migration 019 backs this). */
export function requireNotErased(db: Db, consultationId: string): void {
  if (selectErasureFacts(db, consultationId)?.erased) throw new AppError('INVALID_STATE', '该咨询登记的个人信息已删除，不能再修改');
}

/**
 * A person's data as one JSON file (issue 12 item 2): the answer to an access request under 个人信息保护法 Art 45
 * [UNVERIFIED: the article is not in the project's domain-rules]. The audit entry records the counts, not the ID number.
 */
export function exportPersonalData(ctx: ServiceContext, input: { idNumber: string }): ExportFile {
  const check = checkResidentId(input.idNumber);
  if (!check.ok) throw new AppError('VALIDATION', check.message, [{ path: 'idNumber', message: check.message }]);
  const records = selectPersonRecords(ctx.db, check.value);
  const counts = Object.fromEntries(Object.entries(records).map(([k, v]) => [k, v.length]));
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const doc = {
    title: '个人信息查询复制（《个人信息保护法》第四十五条）',
    generatedAt: shanghaiDateTime(ctx.now()),
    commission: readSettings(ctx.db).commissionName,
    idNumber: check.value,
    counts,
    records: { 案件当事人: records.parties, 咨询登记: records.consultations, 法律援助申请: records.aid, 调解: records.mediations, 集体争议劳动者名册: records.rosters },
  };
  audit(ctx, 'personal.export', null, { counts });
  return {
    fileName: `个人信息-${shanghaiDate(ctx.now())}.json`, mimeType: 'application/json',
    base64: Buffer.from(JSON.stringify(doc, null, 2), 'utf8').toString('base64'), rows: total,
  };
}

/** The consultations whose retention period has ended and that may be erased (no personal data in the answer). */
export function erasableConsultations(ctx: ServiceContext): ErasableConsultation[] {
  const today = shanghaiDate(ctx.now());
  const rule = consultationRetention(ctx.db, today);
  // arrived on or before (today − years) in Beijing time: before the start of the day after that date
  const cutoff = shanghaiDayStart(addMonths(today, -rule.value.years * 12), 1);
  return selectErasableConsultations(ctx.db, cutoff).map((r) => {
    const arrived = shanghaiDate(new Date(r.arrived_at));
    return { id: r.id, arrivedDate: arrived, window: r.window, disputeType: r.dispute_type, retentionUntil: addMonths(arrived, rule.value.years * 12), basis: rule.basis };
  });
}

import type * as z from 'zod';
import {
  AppError, CASE_LIST_COLUMNS, type CaseListColumn, type CaseSummary, type ExportFile, type MediationListItem, type MediationListPage, type RegisterItem, type RegisterPage,
  type schemas,
} from '../api';
import {
  CASE_STATUS_LABELS, CLAIM_TYPE_INFO, CONSULTATION_CHANNELS, CONSULTATION_OUTCOMES, DOCUMENT_KINDS, GROUP_FLAG_LABELS, HEARING_OUTCOMES, MEDIATION_OUTCOMES, MEDIATION_STAGES,
  WINDOWS, maskIdNumber, shanghaiDate, shanghaiDateTime, shanghaiDayStart, addDays, type ClaimType, type DocumentKind, type GroupFlag, type WindowCode,
} from '../domain';
import { selectConsultationsForExport, selectMediationList, selectRegister } from '../db/queries/list-export';
import type { Db } from '../db/open';
import { listCases } from './cases';
import type { ServiceContext } from './context';
import { caseViewer } from './case-access';
import { listHearings } from './proceedings';
import { addSheet, newWorkbook, workbookFile, type XlsxColumn } from './xlsx';

/**
 * Every list to XLSX (issue 15 item 6): cases, consultations, mediations, hearings and the document register, each with
 * the list's own filters applied in SQL, written by the one XLSX writer (src/services/xlsx.ts). ID numbers leave the desk
 * masked (first 6 and last 4 characters, `maskIdNumber`) whatever the role: an exported file is a copy outside the
 * record's access control (docs/decisions.md).
 */

/** Most rows one export holds; a filter matching more is refused with a message, not cut silently. */
export const MAX_EXPORT_ROWS = 50_000;

const tooMany = (what: string, unit: string, total: number | null) =>
  new AppError('VALIDATION', `符合条件的${what}${total === null ? '' : `有 ${total} ${unit}，`}超过一次导出的上限 ${MAX_EXPORT_ROWS} ${unit}，请缩小筛选范围`);

const yuan = (fen: number | null | undefined): number | null => (fen === null || fen === undefined ? null : fen / 100);
const ID_HEADER = '身份证号（隐去中间位）';

// ------------------------------------------------------------------------------------------------------------ cases

type CaseExportColumn = CaseListColumn | 'applicantIds';
const CASE_KIND: Partial<Record<CaseExportColumn, XlsxColumn['kind']>> = {
  claimTotalFen: 'yuan', receivedDate: 'date', acceptanceDate: 'date', closedDate: 'date',
};
const CASE_WIDTH: Partial<Record<CaseExportColumn, number>> = { caseNumber: 26, applicants: 30, respondents: 30, applicantIds: 24, venueName: 18, flags: 20 };

const caseCell = (c: CaseSummary, key: CaseExportColumn): string | number | null => {
  switch (key) {
    case 'caseNumber': return c.caseNumber ?? '（未受理）';
    case 'status': return c.closedDate ? '已结案' : CASE_STATUS_LABELS[c.status];
    case 'applicants': return c.applicantNames.join('、');
    case 'applicantIds': return c.applicantIdsMasked.filter(Boolean).join('、') || null;
    case 'respondents': return c.respondentNames.join('、');
    case 'claimTotalFen': return yuan(c.claimTotalFen);
    case 'venueName': return c.venueName;
    case 'receivedDate': return c.receivedDate;
    case 'acceptanceDate': return c.acceptanceDate;
    case 'closedDate': return c.closedDate;
    case 'flags': return [...c.groupFlags.map((g) => GROUP_FLAG_LABELS[g]), ...(c.collective ? ['集体'] : []), ...(c.imported ? ['历史导入'] : [])].join('、');
  }
};

/** The case list's current filter and sort as an XLSX workbook with the chosen columns. Issue 14, issue 15 item 6. */
export async function exportCases(ctx: ServiceContext, input: z.output<typeof schemas.caseExport>): Promise<ExportFile> {
  const { columns, ...filter } = input;
  const page = listCases(ctx.db, { ...filter, limit: MAX_EXPORT_ROWS + 1, offset: 0, viewer: caseViewer(ctx) });
  if (page.items.length > MAX_EXPORT_ROWS) throw tooMany('案件', '件', page.total);
  // The list shows the applicants' masked ID numbers under their names; the workbook gives them their own column.
  const cols: { key: CaseExportColumn; label: string }[] = CASE_LIST_COLUMNS.filter((c) => columns.includes(c.key))
    .flatMap((c): { key: CaseExportColumn; label: string }[] => (c.key === 'applicants' ? [c, { key: 'applicantIds', label: `申请人${ID_HEADER}` }] : [c]));
  const wb = newWorkbook();
  addSheet(wb, {
    name: '案件列表',
    columns: cols.map((c) => ({ header: c.label, key: c.key, width: CASE_WIDTH[c.key] ?? 14, kind: CASE_KIND[c.key] ?? 'text' })),
    rows: page.items.map((c) => Object.fromEntries(cols.map((k) => [k.key, caseCell(c, k.key)]))),
    totals: cols.some((c) => c.key === 'claimTotalFen') ? `合计（${page.items.length} 件）` : undefined,
  });
  return workbookFile(wb, `案件列表-${shanghaiDate(ctx.now())}.xlsx`, page.items.length);
}

// ---------------------------------------------------------------------------------------------------- consultations

/** Consultations that arrived between two days (the desk's queue filter: window and search), one row each. */
export async function exportConsultations(ctx: ServiceContext, input: z.output<typeof schemas.consultationExport>): Promise<ExportFile> {
  const rows = selectConsultationsForExport(ctx.db, {
    start: shanghaiDayStart(input.from), end: shanghaiDayStart(addDays(input.to, 1)), window: input.window ?? null, query: input.query ?? null, limit: MAX_EXPORT_ROWS + 1,
  });
  if (rows.length > MAX_EXPORT_ROWS) throw tooMany('咨询登记', '条', null);
  const wb = newWorkbook();
  addSheet(wb, {
    name: '咨询登记',
    title: [`咨询登记（${input.from} 至 ${input.to}${input.window ? `，${WINDOWS[input.window].label}` : ''}）`],
    columns: [
      { header: '登记日期', key: 'date', kind: 'date', width: 12 },
      { header: '到达时间', key: 'time', width: 8 },
      { header: '窗口', key: 'window', width: 14 },
      { header: '方式', key: 'channel', width: 8 },
      { header: '姓名', key: 'name', width: 10 },
      { header: ID_HEADER, key: 'id', width: 22 },
      { header: '用人单位', key: 'employer', width: 28 },
      { header: '争议类型', key: 'dispute', width: 14 },
      { header: '帮扶群体', key: 'groups', width: 14 },
      { header: '劳动者人数', key: 'workers', kind: 'int', width: 10 },
      { header: '请求金额（元）', key: 'claimed', kind: 'yuan', width: 14 },
      { header: '处理结果', key: 'outcome', width: 14 },
      { header: '追回金额（元）', key: 'recovered', kind: 'yuan', width: 14 },
      { header: '来源', key: 'source', width: 10 },
    ],
    rows: rows.map((r) => {
      const claims = JSON.parse(r.claims) as { amountFen: number | null }[];
      const at = shanghaiDateTime(r.arrived_at);
      return {
        date: at.slice(0, 10), time: at.slice(11), window: WINDOWS[r.window as WindowCode].label, channel: CONSULTATION_CHANNELS[r.channel], name: r.person_name,
        id: r.person_id_number ? maskIdNumber(r.person_id_number) : null, employer: r.employer_name, dispute: CLAIM_TYPE_INFO[r.dispute_type as ClaimType]?.label ?? r.dispute_type,
        groups: (JSON.parse(r.group_flags) as GroupFlag[]).map((g) => GROUP_FLAG_LABELS[g]).join('、'), workers: r.worker_count,
        claimed: yuan(claims.reduce((s, c) => s + (c.amountFen ?? 0), 0)), outcome: CONSULTATION_OUTCOMES[r.outcome as keyof typeof CONSULTATION_OUTCOMES] ?? r.outcome,
        recovered: yuan(r.recovered_fen), source: r.imported ? '历史导入' : null,
      };
    }),
    totals: `合计（${rows.length} 条）`,
  });
  return workbookFile(wb, `咨询登记-${input.from}至${input.to}.xlsx`, rows.length);
}

// ------------------------------------------------------------------------------------------------------- mediations

const toMediationItem = (r: ReturnType<typeof selectMediationList>['rows'][number]): MediationListItem => ({
  id: r.id, caseId: r.case_id, caseNumber: r.case_number, ledgerNumber: r.ledger_number, stage: r.stage, organisation: r.organisation, applicantName: r.applicant_name,
  respondentName: r.respondent_name, workerCount: r.worker_count, claimedFen: r.claimed_fen, receivedDate: r.received_date, outcome: r.outcome, outcomeDate: r.outcome_date,
  imported: r.imported === 1, reviewState: r.review_state,
});

type MediationFilter = z.output<typeof schemas.mediationExport>;
const mediationFilter = (f: MediationFilter) => ({ from: f.from, to: f.to, stage: f.stage ?? null, outcome: f.outcome ?? null, query: f.query ?? null });

/** Mediations received in a period, both stages, one page. */
export function listMediations(ctx: ServiceContext, input: z.output<typeof schemas.mediationList>): MediationListPage {
  const { total, rows } = selectMediationList(ctx.db, { ...mediationFilter(input), limit: input.limit, offset: input.offset, viewer: caseViewer(ctx) });
  return { total, items: rows.map(toMediationItem) };
}

export async function exportMediations(ctx: ServiceContext, input: MediationFilter): Promise<ExportFile> {
  const { total, rows } = selectMediationList(ctx.db, { ...mediationFilter(input), limit: MAX_EXPORT_ROWS + 1, offset: 0, viewer: caseViewer(ctx) });
  if (rows.length > MAX_EXPORT_ROWS) throw tooMany('调解', '件', total);
  const items = rows.map(toMediationItem);
  const wb = newWorkbook();
  addSheet(wb, {
    name: '调解',
    title: [`调解（收案日期 ${input.from} 至 ${input.to}）`],
    columns: [
      { header: '收案日期', key: 'received', kind: 'date', width: 12 },
      { header: '阶段', key: 'stage', width: 18 },
      { header: '调解组织', key: 'organisation', width: 22 },
      { header: '案号或调解编号', key: 'number', width: 26 },
      { header: '申请人', key: 'applicant', width: 16 },
      { header: '被申请人', key: 'respondent', width: 28 },
      { header: '劳动者人数', key: 'workers', kind: 'int', width: 10 },
      { header: '请求金额（元）', key: 'claimed', kind: 'yuan', width: 14 },
      { header: '调解结果', key: 'outcome', width: 12 },
      { header: '结果日期', key: 'outcomeDate', kind: 'date', width: 12 },
      { header: '来源', key: 'source', width: 10 },
    ],
    rows: items.map((m) => ({
      received: m.receivedDate, stage: MEDIATION_STAGES[m.stage], organisation: m.organisation, number: m.caseNumber ?? m.ledgerNumber, applicant: m.applicantName,
      respondent: m.respondentName, workers: m.workerCount, claimed: yuan(m.claimedFen), outcome: MEDIATION_OUTCOMES[m.outcome], outcomeDate: m.outcomeDate,
      source: m.imported ? '历史导入' : null,
    })),
    totals: `合计（${items.length} 件）`,
  });
  return workbookFile(wb, `调解-${input.from}至${input.to}.xlsx`, items.length);
}

// --------------------------------------------------------------------------------------------------------- hearings

/** The hearing schedule of a date range (the schedule page's filter: venue), one row per hearing. */
export async function exportHearings(ctx: ServiceContext, input: z.output<typeof schemas.hearingList>): Promise<ExportFile> {
  const hearings = listHearings(ctx.db, input);
  if (hearings.length > MAX_EXPORT_ROWS) throw tooMany('开庭', '场', hearings.length);
  const wb = newWorkbook();
  addSheet(wb, {
    name: '开庭排期',
    title: [`开庭排期（${input.from} 至 ${input.to}）`],
    columns: [
      { header: '开庭日期', key: 'date', kind: 'date', width: 12 },
      { header: '时间', key: 'time', width: 12 },
      { header: '案号', key: 'caseNumber', width: 26 },
      { header: '当事人', key: 'parties', width: 36 },
      { header: '案由', key: 'cause', width: 18 },
      { header: '办案场所', key: 'venue', width: 18 },
      { header: '庭室', key: 'room', width: 10 },
      { header: '仲裁庭及书记员', key: 'staff', width: 24 },
      { header: '状态', key: 'status', width: 10 },
    ],
    rows: hearings.map((h) => ({
      date: h.date, time: `${h.startTime}–${h.endTime}`, caseNumber: h.caseNumber, parties: h.parties, cause: h.cause, venue: h.venueName, room: h.roomName,
      staff: h.staff.join('、'), status: h.status === 'held' ? `已开庭${h.outcome ? `（${HEARING_OUTCOMES[h.outcome]}）` : ''}` : '待开庭',
    })),
  });
  return workbookFile(wb, `开庭排期-${input.from}至${input.to}.xlsx`, hearings.length);
}

// ------------------------------------------------------------------------------------------------ document register

const toRegisterItem = (r: ReturnType<typeof selectRegister>['rows'][number]): RegisterItem => ({
  id: r.id, caseId: r.case_id, caseNumber: r.case_number, kind: r.kind, kindLabel: DOCUMENT_KINDS[r.kind as DocumentKind] ?? r.kind, title: r.title, docNumber: r.doc_number,
  version: r.version, issuedDate: r.issued_date, current: r.superseded_by === null, pages: r.pages, serviceRecords: r.served, issuedBy: r.created_by_name,
});

type RegisterFilter = z.output<typeof schemas.registerExport>;
const registerFilter = (f: RegisterFilter) => ({ from: f.from, to: f.to, kind: f.kind ?? null, query: f.query ?? null });

/** The document register across cases, one page. */
export function listRegister(db: Db, input: z.output<typeof schemas.registerList>): RegisterPage {
  const { total, rows } = selectRegister(db, { ...registerFilter(input), limit: input.limit, offset: input.offset });
  return { total, items: rows.map(toRegisterItem) };
}

export async function exportRegister(ctx: ServiceContext, input: RegisterFilter): Promise<ExportFile> {
  const { total, rows } = selectRegister(ctx.db, { ...registerFilter(input), limit: MAX_EXPORT_ROWS + 1, offset: 0 });
  if (rows.length > MAX_EXPORT_ROWS) throw tooMany('文书', '份', total);
  const items = rows.map(toRegisterItem);
  const wb = newWorkbook();
  addSheet(wb, {
    name: '文书登记簿',
    title: [`文书登记簿（签发日期 ${input.from} 至 ${input.to}）`],
    columns: [
      { header: '签发日期', key: 'issued', kind: 'date', width: 12 },
      { header: '案号', key: 'caseNumber', width: 26 },
      { header: '文书种类', key: 'kind', width: 20 },
      { header: '标题', key: 'title', width: 30 },
      { header: '文号', key: 'docNumber', width: 24 },
      { header: '版本', key: 'version', kind: 'int', width: 6 },
      { header: '状态', key: 'state', width: 12 },
      { header: '页数', key: 'pages', kind: 'int', width: 6 },
      { header: '送达记录', key: 'served', kind: 'int', width: 8 },
      { header: '签发人', key: 'by', width: 10 },
    ],
    rows: items.map((d) => ({
      issued: d.issuedDate, caseNumber: d.caseNumber, kind: d.kindLabel, title: d.title, docNumber: d.docNumber, version: d.version, state: d.current ? '现行' : '已重新签发',
      pages: d.pages, served: d.serviceRecords, by: d.issuedBy,
    })),
  });
  return workbookFile(wb, `文书登记簿-${input.from}至${input.to}.xlsx`, items.length);
}

import ExcelJS from 'exceljs';
import { AppError, CASE_LIST_COLUMNS, type CaseListColumn, type CaseSummary, type ExportFile, type schemas } from '../api';
import { CASE_STATUS_LABELS, GROUP_FLAG_LABELS, shanghaiDate } from '../domain';
import type * as z from 'zod';
import { listCases } from './cases';
import type { ServiceContext } from './context';
import { caseViewer } from './case-access';

/** Most rows one export holds; a filter matching more is refused with a message, not cut silently. */
const MAX_ROWS = 50_000;

const cell = (c: CaseSummary, key: CaseListColumn): string | number => {
  switch (key) {
    case 'caseNumber': return c.caseNumber ?? '（未受理）';
    case 'status': return c.closedDate ? '已结案' : CASE_STATUS_LABELS[c.status];
    case 'applicants': return c.applicantNames.join('、');
    case 'respondents': return c.respondentNames.join('、');
    case 'claimTotalFen': return c.claimTotalFen / 100;
    case 'venueName': return c.venueName;
    case 'receivedDate': return c.receivedDate;
    case 'acceptanceDate': return c.acceptanceDate ?? '';
    case 'closedDate': return c.closedDate ?? '';
    case 'flags': return [...c.groupFlags.map((g) => GROUP_FLAG_LABELS[g]), ...(c.collective ? ['集体'] : [])].join('、');
  }
};

/** The case list's current filter and sort as an XLSX workbook with the chosen columns (no ID numbers). Issue 14. */
export async function exportCases(ctx: ServiceContext, input: z.output<typeof schemas.caseExport>): Promise<ExportFile> {
  const { columns, ...filter } = input;
  const page = listCases(ctx.db, { ...filter, limit: MAX_ROWS + 1, offset: 0, viewer: caseViewer(ctx) });
  if (page.items.length > MAX_ROWS) throw new AppError('VALIDATION', `符合条件的案件有 ${page.total} 件，超过一次导出的上限 ${MAX_ROWS} 件，请缩小筛选范围`);
  const wb = new ExcelJS.Workbook();
  wb.creator = '劳动仲裁工作台';
  const ws = wb.addWorksheet('案件列表');
  const cols = CASE_LIST_COLUMNS.filter((c) => columns.includes(c.key));
  ws.columns = cols.map((c) => ({ header: c.label, key: c.key, width: c.key === 'applicants' || c.key === 'respondents' ? 30 : 16, ...(c.key === 'claimTotalFen' ? { style: { numFmt: '#,##0.00' } } : {}) }));
  ws.getRow(1).font = { bold: true };
  for (const c of page.items) ws.addRow(Object.fromEntries(cols.map((k) => [k.key, cell(c, k.key)])));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `案件列表-${shanghaiDate(ctx.now())}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buf.toString('base64'), rows: page.items.length };
}

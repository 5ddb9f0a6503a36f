import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { AppError, type DocumentFile, type ExportFile } from '../api';
import { type BlacklistDocumentKind, SUPERVISION_BUILDERS, render } from '../documents';
import { shanghaiDate } from '../domain';
import type { ServiceContext } from './context';
import { readSettings } from './settings';
import { blacklistRules, getBulletin, listBlacklist } from './supervision';

/** Files of employer supervision: the bulletin and the blacklist papers (document engine), the list as XLSX. */

const MIME = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

function file(name: string, format: 'pdf' | 'docx', bytes: Buffer): DocumentFile {
  return { fileName: `${name}.${format}`, mimeType: MIME[format], sha256: createHash('sha256').update(bytes).digest('hex'), base64: bytes.toString('base64') };
}

/** The bulletin as issued: rendered from its sealed content, so every print of 第N期 says the same. */
export async function bulletinFile(ctx: ServiceContext, input: { id: string; format: 'pdf' | 'docx' }): Promise<DocumentFile> {
  const bulletin = getBulletin(ctx, input.id);
  const settings = readSettings(ctx.db);
  const bytes = await render(SUPERVISION_BUILDERS.arrears_bulletin({ issuer: settings.commissionName, bulletin }), input.format, settings.documentFonts);
  return file(`欠薪预警信息-${bulletin.year}年第${bulletin.seq}期`, input.format, bytes);
}

export async function blacklistFile(ctx: ServiceContext, input: { id: string; step: BlacklistDocumentKind; format: 'pdf' | 'docx' }): Promise<DocumentFile> {
  const entry = listBlacklist(ctx, {}).find((b) => b.id === input.id);
  if (!entry) throw new AppError('NOT_FOUND', '失信名单记录不存在');
  if (input.step === 'decision' && entry.status !== 'listed' && entry.status !== 'removed') throw new AppError('INVALID_STATE', '尚未作出列入决定');
  if (input.step === 'removal' && entry.status !== 'removed') throw new AppError('INVALID_STATE', '尚未移出名单');
  const rules = blacklistRules(ctx, entry.decisionDate ?? entry.noticeDate);
  const builder = { notice: SUPERVISION_BUILDERS.blacklist_notice, decision: SUPERVISION_BUILDERS.blacklist_decision, removal: SUPERVISION_BUILDERS.blacklist_removal }[input.step];
  const model = builder({ department: rules.department, entry, statementDays: rules.statementDays, listingYears: rules.listingYears, earlyRemovalMonths: rules.earlyRemovalMonths });
  const bytes = await render(model, input.format, readSettings(ctx.db).documentFonts);
  return file(`${entry.employerName}-${model.title}`, input.format, bytes);
}

const asDate = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

/** The current list (employers listed now) for the departments that apply the sanctions: Chinese headers, widths, frozen header, dates as dates. */
export async function exportBlacklist(ctx: ServiceContext): Promise<ExportFile> {
  const rows = listBlacklist(ctx, { status: 'listed' });
  const wb = new ExcelJS.Workbook();
  wb.creator = '劳动仲裁工作台';
  const ws = wb.addWorksheet('失信联合惩戒对象名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  const date = { numFmt: 'yyyy-mm-dd' };
  ws.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '用人单位名称', key: 'name', width: 34 },
    { header: '统一社会信用代码', key: 'code', width: 22 },
    { header: '法定代表人及直接责任人员', key: 'persons', width: 24 },
    { header: '列入事由', key: 'grounds', width: 40 },
    { header: '拖欠金额（元）', key: 'amount', width: 14, style: { numFmt: '#,##0.00' } },
    { header: '涉及人数', key: 'workers', width: 10 },
    { header: '列入决定日期', key: 'decided', width: 14, style: date },
    { header: '公布日期', key: 'published', width: 14, style: date },
    { header: '列入期限届满日期', key: 'end', width: 16, style: date },
  ];
  ws.getRow(1).font = { bold: true };
  rows.forEach((b, i) => ws.addRow({
    n: i + 1, name: b.employerName, code: b.creditCode ?? '', persons: b.responsiblePersons ?? '', grounds: b.grounds, amount: b.arrearsFen === null ? null : b.arrearsFen / 100,
    workers: b.workers, decided: asDate(b.decisionDate), published: asDate(b.publicationDate), end: asDate(b.periodEnd),
  }));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `失信联合惩戒对象名单-${shanghaiDate(ctx.now())}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buf.toString('base64'), rows: rows.length };
}

import ExcelJS from 'exceljs';
import type { ExportFile } from '../api';

/**
 * The one XLSX writer for reports and lists (issue 14 case list, issue 15 reports): Chinese headers in bold, column
 * widths, a frozen header row, optional totals row, dates written as dates (yyyy-mm-dd) and amounts as numbers in yuan
 * (#,##0.00).
 */
export type XlsxKind = 'text' | 'int' | 'yuan' | 'date' | 'percent';
export interface XlsxColumn { header: string; key: string; width?: number; kind?: XlsxKind }
export interface XlsxSheet {
  name: string;
  /** Lines above the header (title, period); the header row follows them. */
  title?: string[];
  columns: XlsxColumn[];
  rows: Record<string, string | number | null>[];
  /** Label of a totals row summing the int and yuan columns (first column holds the label). */
  totals?: string;
}

const NUM_FMT: Partial<Record<XlsxKind, string>> = { int: '0', yuan: '#,##0.00', date: 'yyyy-mm-dd', percent: '0.0"%"' };

/** A calendar date as an Excel date (UTC midnight: Excel dates carry no zone). */
const asDate = (v: string | number | null): Date | string | number | null =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v;

export function addSheet(wb: ExcelJS.Workbook, s: XlsxSheet): ExcelJS.Worksheet {
  const top = s.title?.length ?? 0;
  const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: top + 1 }] });
  s.title?.forEach((t, i) => {
    ws.getCell(i + 1, 1).value = t;
    if (i === 0) ws.getCell(i + 1, 1).font = { bold: true, size: 14 };
  });
  s.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? 14;
    const fmt = c.kind ? NUM_FMT[c.kind] : undefined;
    if (fmt) col.numFmt = fmt;
  });
  const header = ws.getRow(top + 1);
  s.columns.forEach((c, i) => { header.getCell(i + 1).value = c.header; });
  header.font = { bold: true };
  for (const r of s.rows) ws.addRow(s.columns.map((c) => (c.kind === 'date' ? asDate(r[c.key] ?? null) : (r[c.key] ?? null))));
  if (s.totals) {
    const sums = s.columns.map((c, i) => (i === 0 ? s.totals! : c.kind === 'int' || c.kind === 'yuan'
      ? Math.round(s.rows.reduce((t, r) => t + (typeof r[c.key] === 'number' ? (r[c.key] as number) : 0), 0) * 100) / 100 : null));
    ws.addRow(sums).font = { bold: true };
  }
  return ws;
}

export async function workbookFile(wb: ExcelJS.Workbook, fileName: string, rows: number): Promise<ExportFile> {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buf.toString('base64'), rows };
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '劳动仲裁工作台';
  return wb;
}

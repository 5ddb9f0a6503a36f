import ExcelJS from 'exceljs';
import type { RosterRowInput } from '../../src/api';

/** A roster file as a clerk would fill the template: the template's header, one worker a row, amounts in yuan. */
export async function rosterXlsx(rows: (RosterRowInput | Record<string, string | number | undefined>)[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('劳动者名册');
  ws.addRow(['姓名', '公民身份号码', '联系电话', '岗位', '工作期间', '欠付金额（元）', '请求事项']);
  for (const r of rows) {
    const amount = 'amountFen' in r && typeof r.amountFen === 'number' ? (r.amountFen / 100).toFixed(2) : (r as Record<string, unknown>).amount;
    ws.addRow([r.name, r.idNumber, r.phone, r.job, r.period, amount, r.claimItems]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

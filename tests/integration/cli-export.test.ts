import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openTestDb } from '../helpers/db';

/** desk export <list> --out FILE [filters] (issue 15 item 6), and desk import ledger with consultations (item 7). */
function desk(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('src/cli/main.ts'), '--db', db, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const FIXTURE = path.resolve('tests/fixtures/ledger/history.jsonl');

describe('desk export', () => {
  it('imports the fixture history with consultations, then exports cases, consultations and mediations with their filters', async () => {
    const t = await openTestDb();
    t.close();
    const db = t.file;
    const dir = path.dirname(db);
    const ledger = path.join(dir, 'ledger.jsonl');
    const history = fs.readFileSync(FIXTURE, 'utf8').split('\n').filter((l) => l.trim() && !l.includes('东城巡回仲裁庭')).join('\n'); // the circuit venue is not in this database
    const consultations = [
      { 类型: '咨询登记', 登记编号: 'ZX-1', 登记日期: '2025-03-05', 窗口: '农民工窗口', 姓名: '赵六', 争议类型: '劳动报酬', 请求金额: '6000' },
      { 类型: '咨询登记', 登记编号: 'ZX-2', 登记日期: '2025-04-05', 窗口: '综合窗口', 姓名: '钱七', 争议类型: '经济补偿' },
    ].map((o) => JSON.stringify(o)).join('\n');
    fs.writeFileSync(ledger, `${history}\n${consultations}\n`);
    const imported = desk(db, 'import', 'ledger', ledger);
    expect(imported.err).toBe('');
    expect(JSON.parse(imported.out)).toMatchObject({ imported: true, toImport: { consultations: 2 } });

    const out = path.join(dir, 'c.xlsx');
    const cases = desk(db, 'export', 'cases', '--out', out, '--accepted-from', '2025-01-01', '--accepted-to', '2025-12-31', '--columns', 'caseNumber,acceptanceDate,claimTotalFen,flags');
    expect(cases.code).toBe(0);
    const n = JSON.parse(cases.out).rows as number;
    expect(n).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('案件列表')!;
    // Columns in the list's order, whatever order --columns names them in.
    expect(ws.getRow(1).values).toEqual([undefined, '案号', '请求金额', '受理日期', '标记']);
    for (let r = 2; r <= n + 1; r++) {
      const d = ws.getRow(r).getCell(3).value as Date;
      expect(d).toBeInstanceOf(Date);
      expect(d.toISOString().slice(0, 4)).toBe('2025');
      expect(typeof ws.getRow(r).getCell(2).value).toBe('number');
      expect(ws.getRow(r).getCell(4).value).toContain('历史导入');
    }
    expect(ws.getRow(n + 2).getCell(1).value).toBe(`合计（${n} 件）`);

    const cOut = path.join(dir, 'z.xlsx');
    expect(JSON.parse(desk(db, 'export', 'consultations', '--out', cOut, '--from', '2025-01-01', '--to', '2025-12-31', '--window', 'migrant').out)).toMatchObject({ rows: 1 });
    const zb = new ExcelJS.Workbook();
    await zb.xlsx.readFile(cOut);
    expect(zb.worksheets[0]!.getRow(3).values).toEqual([undefined, new Date('2025-03-05T00:00:00Z'), '00:00', '农民工窗口', '来访', '赵六', undefined, undefined, '劳动报酬', '农民工', 1, 6000, '仅提供咨询', undefined, '历史导入']);

    const missing = desk(db, 'export', 'mediations', '--out', path.join(dir, 'm.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('请用 --from 和 --to 指定日期范围');
    expect(desk(db, 'export', 'payments', '--out', path.join(dir, 'p.xlsx')).err).toContain('未知的列表：payments');
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openTestDb } from '../helpers/db';
import { dispatch } from '../../src/services';

/** desk import template | import ledger FILE [--dry-run] | stats --from --to [--compare-*] --json | --xlsx FILE (issue 15). */
function desk(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('src/cli/main.ts'), '--db', db, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const FIXTURE = path.resolve('tests/fixtures/ledger/history.jsonl');

describe('desk import and desk stats', () => {
  it('checks, refuses a bad ledger with row-level messages, imports the fixture, and reports it as JSON and XLSX', async () => {
    // the database and its circuit venue are made in-process (each CLI run costs a process start)
    const t = await openTestDb();
    expect(dispatch(t.ctx(t.admin), 'venues.create', { name: '东城巡回仲裁庭', kind: 'circuit' }).ok).toBe(true);
    t.close();
    const db = t.file;
    const dir = path.dirname(db);
    // without the ledger's venue in the database every 东城 row is refused, and nothing is written
    const bad = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(bad, fs.readFileSync(FIXTURE, 'utf8').replaceAll('东城巡回仲裁庭', '西城巡回仲裁庭'));
    const refused = desk(db, 'import', 'ledger', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('台账有 4 处错误，未导入任何记录');
    expect(refused.err).toContain('第4行·办案场所：办案场所“西城巡回仲裁庭”不存在');
    expect(JSON.parse(desk(db, 'import', 'ledger', FIXTURE).out)).toMatchObject({ imported: true, toImport: { cases: 15, mediations: 2 } });
    const xlsx = path.join(dir, 'report.xlsx');
    expect(desk(db, 'stats', '--from', '2025-01-01', '--to', '2025-12-31', '--compare-from', '2024-01-01', '--compare-to', '2024-12-31', '--xlsx', xlsx).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('处理情况')!;
    expect([ws.getCell(5, 1).value, ws.getCell(5, 3).value, ws.getCell(5, 4).value, ws.getCell(5, 5).value]).toEqual(['当期案件受理数', 7, 5, '上升40%']);
    // the 年报 as PDF (issue 15 item 6), read back
    const pdf = path.join(dir, 'annual.pdf');
    expect(desk(db, 'stats', '--from', '2025-01-01', '--to', '2025-12-31', '--compare-from', '2024-01-01', '--compare-to', '2024-12-31', '--pdf', pdf).code).toBe(0);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    expect(text).toContain('劳动人事争议处理情况年报');
    expect(text).toContain('当期受理案件7件，对比期5件，上升40%');
  }, 150_000);
});

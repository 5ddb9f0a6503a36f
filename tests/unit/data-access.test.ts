import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The data-access layer (issue 10 item 9): SQL lives in src/db/queries, services compose its functions. No service file
 * prepares or executes SQL text, except those not converted yet — listed here one by one so the list can only shrink.
 */
const NOT_YET_CONVERTED_FILES: string[] = [];
/** Functions whose body may still hold SQL, by file (cases.ts' listCases is being rewritten separately). */
const NOT_YET_CONVERTED_FUNCTIONS: Record<string, string[]> = {};

const SERVICES = path.resolve('src/services');
const SQL_CALL = /\.(prepare|exec)\(/g;

/** The source of `export function name(` up to the closing brace at the start of a line. */
function functionSpan(src: string, name: string): [number, number] | null {
  const start = src.indexOf(`export function ${name}(`);
  if (start < 0) return null;
  const end = src.indexOf('\n}\n', start);
  return [start, end < 0 ? src.length : end + 2];
}

/** `file:line: text` for every .prepare( / .exec( outside the allowed functions. */
function sqlCalls(file: string, src: string, allowedFunctions: string[] = []): string[] {
  const spans = allowedFunctions.map((f) => functionSpan(src, f)).filter((s): s is [number, number] => s !== null);
  const out: string[] = [];
  for (const m of src.matchAll(SQL_CALL)) {
    if (spans.some(([a, b]) => m.index! >= a && m.index! < b)) continue;
    const line = src.slice(0, m.index).split('\n').length;
    out.push(`${file}:${line}: ${src.split('\n')[line - 1]!.trim()}`);
  }
  return out;
}

describe('data-access layer', () => {
  it('no service file calls .prepare( or .exec( except the files and functions not converted yet', () => {
    const files = fs.readdirSync(SERVICES).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(15);
    const found = files
      .filter((f) => !NOT_YET_CONVERTED_FILES.includes(f))
      .flatMap((f) => sqlCalls(f, fs.readFileSync(path.join(SERVICES, f), 'utf8'), NOT_YET_CONVERTED_FUNCTIONS[f]));
    expect(found).toEqual([]);
  });

  it('each allowance still names something that exists (remove it from the lists once converted)', () => {
    for (const f of NOT_YET_CONVERTED_FILES) expect(fs.existsSync(path.join(SERVICES, f)), f).toBe(true);
    for (const [f, fns] of Object.entries(NOT_YET_CONVERTED_FUNCTIONS)) {
      const src = fs.readFileSync(path.join(SERVICES, f), 'utf8');
      for (const fn of fns) expect(functionSpan(src, fn), `${f} ${fn}`).not.toBeNull();
    }
  });

  it('the check finds SQL calls, including one just outside an allowed function', () => {
    const src = [
      'export function listCases(db) {',
      "  return db.prepare('SELECT 1').all();",
      '}',
      'export function other(ctx) {',
      "  ctx.db.exec('DELETE FROM x');",
      "  return ctx.db\n    .prepare('SELECT 2').get();",
      '}',
      '',
    ].join('\n');
    expect(sqlCalls('x.ts', src, ['listCases'])).toEqual(["x.ts:5: ctx.db.exec('DELETE FROM x');", "x.ts:7: .prepare('SELECT 2').get();"]);
    expect(sqlCalls('x.ts', src)).toHaveLength(3);
  });

  it('converted service files map typed rows, not Record<string, any>', () => {
    const files = fs.readdirSync(SERVICES).filter((f) => f.endsWith('.ts') && !NOT_YET_CONVERTED_FILES.includes(f) && !(f in NOT_YET_CONVERTED_FUNCTIONS));
    const loose = files.filter((f) => /Record<string,\s*any>/.test(fs.readFileSync(path.join(SERVICES, f), 'utf8')));
    expect(loose).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/db';
import { flat, pdfInfo, pdfText } from '../helpers/documents';
import { sampleDraft } from '../helpers/fixtures';

/** Runs the real CLI in a child process, as `npm run desk -- …` does. */
function desk(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('src/cli/main.ts'), '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, DESK_PASSWORD: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) as Record<string, unknown> };
}

const hash = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

describe('desk CLI', () => {
  it('creates a case from the documented JSON shape, accepts it, lists and shows it by case number', () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    const input = path.join(dir, 'case.json');
    fs.writeFileSync(input, JSON.stringify(sampleDraft()));
    const created = desk(db, 'case', 'create', '--input', input, '--accept', '2026-11-21');
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    expect(created.json()).toMatchObject({ status: 'accepted', caseNumber: '温劳人仲案字〔2026〕第1号' });
    const list = desk(db, 'case', 'list', '--json');
    expect(list.json()).toMatchObject({ total: 1, items: [{ caseNumber: '温劳人仲案字〔2026〕第1号', applicantIdsMasked: ['110105********002X', '510123********123X'] }] });
    const shown = desk(db, 'case', 'show', '温劳人仲案字〔2026〕第1号', '--json').json() as { applicants: { name: string }[]; timeline: { actorName: string }[] };
    expect(shown.applicants.map((a) => a.name)).toEqual(['张三', '李四']);
    expect(shown.timeline[0]!.actorName).toBe('系统（命令行）');
    const missing = desk(db, 'case', 'show', '温劳人仲案字〔2026〕第2号');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('未找到案号为');
  });

  it('refuses a wrong ID number and credit code with the same Chinese messages as the UI and API, exit 1, nothing written', () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    expect(desk(db, 'db', 'migrate').code).toBe(0);
    const before = hash(db);
    const input = path.join(dir, 'bad.json');
    fs.writeFileSync(input, JSON.stringify(sampleDraft({
      applicants: [{ kind: 'person', name: '张三', idNumber: '110105194912310021' }],
      respondents: [{ kind: 'org', name: '某公司', creditCode: '91350100M000100Y44' }],
    })));
    const r = desk(db, 'case', 'create', '--input', input);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('居民身份证号码校验位错误，请核对（GB 11643）');
    expect(r.err).toContain('respondents.0.creditCode：统一社会信用代码校验位错误，请核对（GB 32100）');
    expect(hash(db)).toBe(before);
    expect(desk(db, 'db', 'info').json()).toMatchObject({ cases: 0 });
  });

  it('reports unreadable or non-JSON input in Chinese', () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    expect(desk(db, 'case', 'create', '--input', path.join(dir, 'nope.json')).err).toContain('无法读取文件');
    fs.writeFileSync(path.join(dir, 'x.json'), '{not json');
    expect(desk(db, 'case', 'create', '--input', path.join(dir, 'x.json')).err).toContain('不是有效的 JSON');
  });

  it('adds a user with a role, refuses a short password, checks and describes the database, fills demo data once', () => {
    const db = path.join(tempDir(), 'cli.sqlite');
    expect(desk(db, 'user', 'add', '--username', 'arb1', '--name', '陈仲裁', '--role', 'arbitrator', '--password', 'long-enough-1').json()).toMatchObject({ username: 'arb1', role: 'arbitrator' });
    const short = desk(db, 'user', 'add', '--username', 'arb2', '--name', 'x', '--role', 'arbitrator', '--password', 'short');
    expect(short.code).toBe(1);
    expect(short.err).toContain('密码至少8位');
    expect(desk(db, 'db', 'check').json()).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyViolations: 0 });
    const demoDb = path.join(tempDir(), 'demo.sqlite');
    const demo = desk(demoDb, 'demo', '--cases', '30');
    // the 30 cases asked for, and the 169-worker collective case with its roster (issue 16 item 6)
    expect(demo.json()).toMatchObject({ cases: 31, users: 5, venues: 4, collectiveWorkers: 169 });
    expect(desk(demoDb, 'db', 'info').json()).toMatchObject({ cases: 31, users: 5 });
    expect(desk(demoDb, 'demo').code).toBe(1);
  });

  it('exits 2 on a usage error', () => {
    expect(desk(path.join(tempDir(), 'x.sqlite'), 'case', 'frobnicate').code).toBe(2);
  });

  it('desk backup writes a checked backup; desk restore puts it back and keeps the replaced database (issue 12 item 6)', () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    const input = path.join(dir, 'case.json');
    fs.writeFileSync(input, JSON.stringify(sampleDraft()));
    expect(desk(db, 'case', 'create', '--input', input).code).toBe(0);
    const backup = desk(db, 'backup', '--to', path.join(dir, 'usb'));
    expect(backup.err).toBe('');
    const b = backup.json() as { file: string; counts: Record<string, number>; schemaVersion: number };
    expect(path.basename(b.file)).toMatch(/^desk-\d{8}-\d{6}-v\d+\.sqlite$/);
    expect(b.counts.cases).toBe(1);
    expect(desk(db, 'case', 'create', '--input', input).code).toBe(0);
    expect((desk(db, 'db', 'info').json() as { cases: number }).cases).toBe(2);
    const restored = desk(db, 'restore', b.file);
    expect(restored.code).toBe(0);
    expect((restored.json() as { setAside: string[] }).setAside[0]).toMatch(/cli\.sqlite\.before-restore-\d{8}-\d{6}$/);
    expect((desk(db, 'db', 'info').json() as { cases: number }).cases).toBe(1);
    expect(desk(db, 'db', 'check').json()).toMatchObject({ ok: true });
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database');
    const refused = desk(db, 'restore', junk);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^错误：.*(不是工作台的数据库备份|已损坏|无法)/);
    expect((desk(db, 'db', 'info').json() as { cases: number }).cases).toBe(1);
  });

  it('explains usage errors and help in Chinese (issue 12 item 8)', () => {
    const db = path.join(tempDir(), 'x.sqlite');
    const cases: [string[], string][] = [
      [['case', 'frobnicate'], '错误：未知的命令“frobnicate”'],
      [['frobnicate'], '错误：未知的命令“frobnicate”'],
      [['case', 'list', '--bogus'], '错误：未知的选项“--bogus”'],
      [['case', 'show'], '错误：缺少参数“caseNumber”'],
      [['user', 'add', '--name', '甲', '--role', 'clerk'], '错误：必须提供选项“--username <name>”'],
      [['case', 'list', '--status'], '错误：选项“--status <status>”缺少取值'],
      [['case', 'show', 'a', 'b'], '错误：参数过多'],
      [['case', 'lst'], '（您是否想输入 list？）'],
    ];
    for (const [args, expected] of cases) {
      const r = desk(db, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toContain(expected);
      expect(r.err, args.join(' ')).not.toMatch(/error:|unknown|missing|required|Did you mean|too many|Usage/i);
    }
    const help = desk(db, 'case', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('用法：');
    expect(help.out).toContain('显示帮助');
    expect(help.out).not.toMatch(/Usage:|Options:|Commands:|display help|default:/);
    const listHelp = desk(db, 'case', 'list', '--help');
    expect(listHelp.out).toContain('（默认：1000）');
  });

  it('computes deadlines by rule and by days, and a 2027 period stops being provisional after desk calendar import', () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    expect(desk(db, 'deadline', '--days', '5', '--kind', 'working', '--from', '2026-04-30', '--json').json()).toMatchObject({ dueDate: '2026-05-11', provisional: false });
    const award = desk(db, 'deadline', '--rule', 'award', '--from', '2026-08-20', '--suspended', '2026-09-01..2026-09-20', '--json').json() as { dueDate: string; basis: string[] };
    expect(award.dueDate).toBe('2026-10-26'); // 45 + 20 suspended days: day 65 is Sat 24 Oct, rolled to Mon 26 Oct
    expect(award.basis.join()).toContain('共 20 日不计入');
    const rules = JSON.parse(desk(db, 'deadline', 'rules', '--json').out) as { name: string; basis: string }[];
    expect(rules.map((r) => r.name)).toContain('hearing-notice');
    const before = desk(db, 'deadline', '--rule', 'award', '--from', '2026-12-10', '--json').json();
    expect(before).toMatchObject({ provisional: true, provisionalYears: [2027] });
    // The example file only shows the format: refused, and 2027 stays provisional.
    const example = desk(db, 'calendar', 'import', path.resolve('resources/data/examples/calendar-year.example.json'));
    expect(example.code).toBe(1);
    expect(example.err).toContain('这是示例文件');
    expect(desk(db, 'deadline', '--rule', 'award', '--from', '2026-12-10', '--json').json()).toMatchObject({ provisional: true });
    const imported = desk(db, 'calendar', 'import', path.resolve('tests/fixtures/calendar-2027.json'));
    expect(imported.code).toBe(0);
    expect(desk(db, 'deadline', '--rule', 'award', '--from', '2026-12-10', '--json').json()).toMatchObject({ provisional: false });
    expect(desk(db, 'deadline', '--rule', 'nope', '--from', '2026-12-10').err).toContain('未知的期间规则');
    expect(desk(db, 'deadline', '--days', '5', '--from', '2026-12-10').code).toBe(1);
  });

  it('runs the calculators with the same validation: N for the worked example, and a Chinese message for negative fen', () => {
    const dir = tempDir();
    const db = path.join(dir, 'calc.sqlite');
    const list = JSON.parse(desk(db, 'calc', '--list').out) as { name: string; input: { properties: Record<string, { description?: string }> } }[];
    expect(list.map((c) => c.name)).toEqual(['compensation', 'double-wage', 'overtime', 'annual-leave', 'disability', 'maternity-leave', 'finality']);
    expect(list[0]!.input.properties.averageMonthlyWageFen!.description).toBe('前十二个月平均工资（整数，单位：分）');
    const input = path.join(dir, 'n.json');
    fs.writeFileSync(input, JSON.stringify({ startDate: '2019-01-01', endDate: '2026-07-31', averageMonthlyWageFen: 600000, cityAverageMonthlyWageFen: 1200000, minimumMonthlyWageFen: 233000, multiplier: 2 }));
    expect(desk(db, 'calc', 'compensation', '--input', input).json()).toMatchObject({ amountFen: 9_600_000, months: 8, baseMonthlyWageFen: 600_000 });
    const fin = path.join(dir, 'f.json');
    fs.writeFileSync(fin, JSON.stringify({ decisionDate: '2026-06-01', items: [{ type: 'wages', amountFen: 2796000 }, { type: 'wages', amountFen: 2796001 }] }));
    expect(desk(db, 'calc', 'finality', '--input', fin).json()).toMatchObject({ award: 'mixed', items: [{ final: true }, { final: false }] });
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ monthlyWageFen: 100.5, unusedDays: 3 }));
    const r = desk(db, 'calc', 'annual-leave', '--input', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('月工资必须精确到分（整数分）');
    expect(desk(db, 'calc', 'bonus', '--input', bad).err).toContain('未知的计算器');
  });

  it('lists the document kinds and writes a document as PDF or DOCX for a case number; --issue registers it', () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    const input = path.join(dir, 'case.json');
    fs.writeFileSync(input, JSON.stringify(sampleDraft()));
    expect(desk(db, 'case', 'create', '--input', input, '--accept', '2026-11-21').code).toBe(0);
    const kinds = JSON.parse(desk(db, 'doc', 'kinds').out) as { code: string; label: string }[];
    expect(kinds.map((k) => k.code)).toEqual(expect.arrayContaining(['acceptance_notice', 'award', 'mediation_statement', 'decision', 'hearing_notice']));
    const pdf = path.join(dir, 'notice.pdf');
    const r = desk(db, 'doc', 'acceptance_notice', '--case', '温劳人仲案字〔2026〕第1号', '--format', 'pdf', '--out', pdf, '--date', '2026-11-21');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(pdfInfo(fs.readFileSync(pdf)).pageSize).toContain('A4');
    expect(flat(pdfText(fs.readFileSync(pdf)))).toContain('温劳人仲案字〔2026〕第1号');
    const docx = path.join(dir, 'notice.docx');
    expect(desk(db, 'doc', 'response_notice', '--case', '温劳人仲案字〔2026〕第1号', '--format', 'docx', '--out', docx, '--date', '2026-11-21', '--issue').code).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const bad = desk(db, 'doc', 'no_such_kind', '--case', '温劳人仲案字〔2026〕第1号', '--out', pdf);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('未知的文书种类');
    const unavailable = desk(db, 'doc', 'correction_notice', '--case', '温劳人仲案字〔2026〕第1号', '--out', pdf);
    expect(unavailable.code).toBe(1);
    expect(unavailable.err).toContain('适用于草稿');
  });
});

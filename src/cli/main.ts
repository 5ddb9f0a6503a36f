import fs from 'node:fs';
import os from 'node:os';
import { Command, CommanderError } from 'commander';
import { LATEST_VERSION } from '../db/migrations';
import { resolveDbPath } from '../db/paths';
import { type Db, openDatabase, schemaVersion } from '../db/open';
import { chainHead, verifyChain } from '../db/audit-chain';
import { SYSTEM_USER, type ServiceContext, dispatch, dispatchAsync } from '../services';
import { residentIdFacts, shanghaiDate } from '../domain';
import { creditCode, demoDrafts, demoRoster } from './demo-data';
import { seedSupervisionDemo } from './demo-supervision';
import { speakChinese } from './usage-zh';
import { backupDatabase, restoreDatabase } from '../db/backup';
import { checkStore, rekeyStore, storeDir } from '../db/document-store';
import { selectStoredHashes } from '../db/queries/documents';
import { defaultBackupDir, recordBackup } from '../services/backups';
import { fullIntegrityCheck, recordIntegrityCheck } from '../services/integrity';
import { AppError, CASE_LIST_COLUMNS, schemas } from '../api';
import { DOCUMENT_KIND_REGISTRY, kindInfo, render } from '../documents';
import { buildModel } from '../services/documents';
import { readSettings } from '../services/settings';
import { openKeyed, recoveryMessage, writeRecoverySheet } from '../services/database-key';
import { generateRecoveryKey, isEncryptedFile, keyOf, rekeyOpenDatabase } from '../db/encryption';
import { PASSPHRASE_ENV, keyFilePath, readPassphraseFile, resolveKey, sealedKeyFilePath, storeKey } from '../db/keystore';

/**
 * desk: the administrators' command line. JSON on stdout; on error a Chinese message on stderr and exit code 1
 * (2 for a usage error). It runs the same operations as the UI, as the system actor.
 */
class CliError extends Error {}

const print = (v: unknown): void => {
  process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
};

/** The subcommand being run (its words, never option values, which may hold passwords or personal data). */
let commandWords = '';

/** Every write from the CLI is recorded with the OS account and the command, not only as the system actor. */
export function cliOrigin(words: string): string {
  let osUser = 'unknown';
  try {
    osUser = os.userInfo().username;
  } catch {
    /* no passwd entry (container): recorded as unknown */
  }
  return `desk CLI · 操作系统用户 ${osUser} · 命令 desk ${words}`.trim();
}

interface GlobalOptions {
  db?: string;
  passphraseFile?: string;
}

/**
 * Opens the database with its key (issue 12 item 5): --passphrase-file, else ARBITRATION_DESK_PASSPHRASE, else the key
 * file beside the database. The default database (no --db, no ARBITRATION_DESK_DB) is encrypted on first use with a new
 * recovery key, shown once on stderr with its printable sheet.
 */
async function withDb<T>(opts: GlobalOptions, fn: (db: Db, ctx: ServiceContext) => T | Promise<T>, open: { mustExist?: boolean } = {}): Promise<T> {
  const isDefault = opts.db === undefined && process.env.ARBITRATION_DESK_DB === undefined;
  const { db, setup } = await openKeyed(resolveDbPath(opts.db), { passphraseFile: opts.passphraseFile, create: isDefault && !open.mustExist }, open);
  if (setup) process.stderr.write(`${setup.message}\n`);
  try {
    return await fn(db, { db, session: { user: SYSTEM_USER, system: true, origin: cliOrigin(commandWords) }, now: () => new Date() });
  } finally {
    db.close();
  }
}

function run(ctx: ServiceContext, name: string, input: unknown): unknown {
  const r = dispatch(ctx, name, input);
  if (!r.ok) {
    const detail = r.error.issues?.length ? `\n${r.error.issues.map((i) => `  ${i.path || '（输入）'}：${i.message}`).join('\n')}` : '';
    throw new CliError(`${r.error.message}${detail}`);
  }
  return r.value;
}

async function runAsync(ctx: ServiceContext, name: string, input: unknown): Promise<unknown> {
  const r = await dispatchAsync(ctx, name, input);
  if (!r.ok) {
    const detail = r.error.issues?.length ? `\n${r.error.issues.map((i) => `  ${i.path || '（输入）'}：${i.message}`).join('\n')}` : '';
    throw new CliError(`${r.error.message}${detail}`);
  }
  return r.value;
}

function readJson(file: string): unknown {
  let textContent: string;
  try {
    textContent = fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`无法读取文件：${file}`);
  }
  try {
    return JSON.parse(textContent);
  } catch {
    throw new CliError(`文件不是有效的 JSON：${file}`);
  }
}

export function buildProgram(): Command {
  const program = new Command('desk').description('劳动仲裁工作台 管理命令').option('--db <path>', '数据库文件（默认：用户数据目录；或环境变量 ARBITRATION_DESK_DB）')
    .option('--passphrase-file <file>', `数据库密钥文件（加密的数据库；或环境变量 ${PASSPHRASE_ENV}；默认读取数据库旁的 .key 文件）`);
  program.exitOverride();
  speakChinese(program);
  const g = () => program.opts<GlobalOptions>();

  const db = program.command('db').description('数据库');
  db.command('migrate').description('升级数据库结构（升级前自动备份）').action(() =>
    withDb(g(), (d) => print({ file: d.name, version: schemaVersion(d), latest: LATEST_VERSION })));
  db.command('check').description('完整性检查（文件结构 PRAGMA integrity_check、外键、审计链；不会新建文件）')
    .option('--full', '同上，并把文件结构检查的结果和日期记入设置（设置页“最近一次完整性检查”；工作台每天在后台自动做一次）')
    .action((o: { full?: boolean }) =>
    withDb(g(), (d) => {
      // One implementation of the full check (src/db/integrity.ts), shared with the daily background check.
      const full = o.full ? recordIntegrityCheck(d) : null;
      const findings = full ? full.findings : fullIntegrityCheck(d);
      const recorded = full?.result;
      const foreignKeys = d.pragma('foreign_key_check') as unknown[];
      const chain = verifyChain(d);
      const readOnly = (d as Db & { corruptWarning?: string }).corruptWarning ?? null;
      // the document store (decision 141): missing or damaged files fail the check; orphans (an issue that did not commit) are listed
      const store = checkStore(d, selectStoredHashes(d));
      const storeOk = store.missing.length === 0 && store.damaged.length === 0;
      const ok = findings.length === 1 && findings[0] === 'ok' && foreignKeys.length === 0 && chain.ok && !readOnly && storeOk;
      print({ ok, integrity: findings, foreignKeyViolations: foreignKeys.length, auditChain: { ok: chain.ok, entries: chain.entries, broken: chain.broken }, documentStore: store, version: schemaVersion(d), ...(recorded ? { recorded } : {}), ...(readOnly ? { warning: readOnly } : {}) });
      if (!ok) throw new CliError(!chain.ok ? `审计链校验未通过：${chain.broken!.entity ?? ''} ${chain.broken!.reason}` : !storeOk ? `文书存放处检查未通过：缺失 ${store.missing.length} 个、损坏 ${store.damaged.length} 个文书文件` : '数据库完整性检查未通过');
    }, { mustExist: true }));
  // Encryption at rest (issue 12 item 5).
  db.command('encrypt').description('加密数据库（先做核对过的未加密副本，加密并核对后销毁副本）；未提供密钥时生成恢复密钥并打印恢复密钥单')
    .action(async () => {
      const file = resolveDbPath(g().db);
      if (!fs.existsSync(file)) throw new CliError(`数据库文件不存在：${file}`);
      const wasEncrypted = isEncryptedFile(file);
      const { db: d, key, setup } = await openKeyed(file, { passphraseFile: g().passphraseFile, create: true }, { mustExist: true });
      try {
        if (!keyOf(d)) throw new CliError('未能取得密钥，数据库未加密');
        print({ file, encrypted: true, alreadyEncrypted: wasEncrypted, keyHeldIn: key.heldIn ?? null, recoverySheet: setup?.sheet ?? null });
        if (setup) process.stderr.write(`${setup.message}\n`);
      } finally {
        d.close();
      }
    });
  db.command('rekey').description('更换数据库密钥（新恢复密钥与恢复密钥单；旧备份仍需旧密钥）')
    .option('--new-passphrase-file <file>', '新密钥所在文件（不提供则生成新的恢复密钥）')
    .option('--store-key', '把新密钥保存在数据库旁的 .key 文件中（仅本人可读；预览和桌面程序启动时读取）')
    .action(async (o: { newPassphraseFile?: string; storeKey?: boolean }) => {
      const file = resolveDbPath(g().db);
      const current = resolveKey(file, { passphraseFile: g().passphraseFile });
      if (!current.key) throw new CliError('数据库未加密，请先运行 desk db encrypt');
      if (fs.existsSync(sealedKeyFilePath(file))) throw new CliError('此数据库的密钥由桌面程序交操作系统保管，命令行无法更新它；请先关闭桌面程序，删除数据库旁的 .key.sealed 文件，再以 desk --passphrase-file <恢复密钥文件> db rekey --store-key 更换密钥（桌面程序下次启动时读取 .key 文件并重新交操作系统保管）。');
      const { db: d } = await openKeyed(file, { passphraseFile: g().passphraseFile }, { mustExist: true });
      try {
        const next = o.newPassphraseFile ? readPassphraseFile(o.newPassphraseFile) : generateRecoveryKey();
        // the document store is re-encrypted around the re-key (decision 141)
        const dir = storeDir(d);
        if (dir) rekeyStore(dir, keyOf(d), next, () => rekeyOpenDatabase(d, next));
        else rekeyOpenDatabase(d, next);
        const heldIn = o.storeKey || fs.existsSync(keyFilePath(file)) ? storeKey(file, next) : null;
        const sheet = o.newPassphraseFile ? null : await writeRecoverySheet(file, next, '更换密钥');
        print({ file, rekeyed: true, keyHeldIn: heldIn, recoverySheet: sheet });
        if (sheet) process.stderr.write(`${recoveryMessage(next, sheet)}\n`);
      } finally {
        d.close();
      }
    });
  db.command('info').description('数据库信息').action(() =>
    withDb(g(), (d) => {
      const count = (t: string) => (d.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
      print({
        file: d.name, sizeBytes: fs.statSync(d.name).size, version: schemaVersion(d), latest: LATEST_VERSION,
        users: count('users') - 1, venues: count('venues'), cases: count("cases WHERE status <> 'discarded'"), events: count('case_events'),
      });
    }, { mustExist: true }));

  const audit = program.command('audit').description('审计链');
  audit.command('verify').description('逐条校验审计链及已封存的记录，指出第一处断裂').action(() =>
    withDb(g(), (d) => {
      const r = verifyChain(d);
      print(r);
      if (!r.ok) throw new CliError(`审计链在${r.broken!.entryId ? `第 ${r.broken!.entryId} 条记录` : ''}${r.broken!.entity ? `（${r.broken!.entity}）` : ''}处断裂：${r.broken!.reason}`);
    }, { mustExist: true }));
  audit.command('head').description('审计链当前摘要（每日打印留存）').action(() => withDb(g(), (d) => print(chainHead(d)), { mustExist: true }));

  program.command('backup').description('备份数据库：在线备份，并以完整性检查和各表行数核对备份文件')
    .option('--to <dir>', '备份文件夹（默认：设置中的备份文件夹；未设置时为数据库旁的 backups 文件夹）')
    .action((o: { to?: string }) =>
      withDb(g(), async (d) => {
        const r = await backupDatabase(d, o.to ?? defaultBackupDir(d));
        recordBackup(d, r);
        print(r);
      }));
  program.command('restore').description('从备份文件恢复数据库（请先关闭工作台；当前数据库连同 -wal 文件改名保留在原文件夹）')
    .argument('<file>', '备份文件（desk-日期-时间-v版本.sqlite）')
    .action((file: string) => {
      const dbFile = resolveDbPath(g().db);
      print(restoreDatabase(file, dbFile, new Date(), resolveKey(dbFile, { passphraseFile: g().passphraseFile }).key));
    });

  program.command('user').description('用户').command('add')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--name <displayName>', '姓名')
    .requiredOption('--role <role>', '角色：arbitrator | clerk | lawyer | window | aid_centre | admin')
    .option('--password <password>', '初始密码（也可用环境变量 DESK_PASSWORD 提供，避免留在命令历史中）')
    .option('--employment <kind>', '仲裁员、书记员：full_time（专职）| part_time（兼职）')
    .option('--venue <venueId>', '仲裁员、书记员的常驻场所编号（见 desk db info 或设置页）')
    .action((o: { username: string; name: string; role: string; password?: string; employment?: string; venue?: string }) =>
      withDb(g(), (_d, ctx) => print(run(ctx, 'users.create', {
        username: o.username, displayName: o.name, role: o.role, password: o.password ?? process.env.DESK_PASSWORD ?? '', employment: o.employment, venueId: o.venue,
      }))));

  program.command('venue').description('办案场所').command('add')
    .requiredOption('--name <name>', '场所名称').option('--kind <kind>', 'commission | circuit', 'circuit').option('--address <address>', '地址')
    .action((o: { name: string; kind: string; address?: string }) => withDb(g(), (_d, ctx) => print(run(ctx, 'venues.create', o))));

  const kase = program.command('case').description('案件');
  kase.command('create').description('登记仲裁申请（草稿），与界面使用同一操作和 JSON 结构')
    .requiredOption('--input <file>', 'JSON 文件，结构见 README “desk case create”')
    .option('--accept <date>', '同时受理，受理日期 YYYY-MM-DD')
    .action((o: { input: string; accept?: string }) =>
      withDb(g(), (d, ctx) => {
        const input = readJson(o.input);
        if (!o.accept) return print(run(ctx, 'cases.saveDraft', input));
        // Draft and acceptance together or not at all.
        const out = d.transaction(() => {
          const draft = run(ctx, 'cases.saveDraft', input) as { id: string };
          return run(ctx, 'cases.accept', { id: draft.id, acceptanceDate: o.accept });
        })();
        print(out);
      }));
  kase.command('list').description('案件列表').option('--json', 'JSON 输出（默认即为 JSON）')
    .option('--status <status>', 'draft | accepted | not_accepted').option('--query <text>', '当事人姓名、证件号码、用人单位或案号').option('--limit <n>', '条数', '1000')
    .action((o: { status?: string; query?: string; limit: string }) =>
      withDb(g(), (_d, ctx) => print(run(ctx, 'cases.list', { status: o.status, query: o.query, limit: Number(o.limit) }))));
  kase.command('show').description('案件详情').argument('<caseNumber>', '案号').option('--json', 'JSON 输出（默认即为 JSON）')
    .action((caseNumber: string) => withDb(g(), (_d, ctx) => print(run(ctx, 'cases.get', { caseNumber }))));

  const collect = (v: string, prev: string[]) => [...prev, v];
  const deadline = program.command('deadline').description('期间计算：按规则，或按天数与计日方式')
    .option('--rule <name>', '期间规则名称（见 desk deadline rules）')
    .option('--days <n>', '天数')
    .option('--kind <kind>', 'working（工作日）| calendar（自然日）')
    .option('--from <date>', '起算日 YYYY-MM-DD（当日不计入）')
    .option('--suspended <from..to>', '中止期间（含首尾两日），可重复', collect, [])
    .option('--extension <days>', '经批准延长的天数', '0')
    .option('--json', 'JSON 输出（默认即为 JSON）')
    .action((o: { rule?: string; days?: string; kind?: string; from?: string; suspended: string[]; extension: string }) =>
      withDb(g(), (_d, ctx) => print(run(ctx, 'deadlines.compute', {
        rule: o.rule, days: o.days === undefined ? undefined : Number(o.days), kind: o.kind, from: o.from,
        suspended: o.suspended, extensionDays: Number(o.extension),
      }))));
  deadline.command('rules').description('期间规则及其依据').option('--json', 'JSON 输出（默认即为 JSON）')
    .action(() => withDb(g(), (_d, ctx) => print(run(ctx, 'deadlines.rules', {}))));

  const calendar = program.command('calendar').description('工作日历（国务院办公厅放假安排）');
  calendar.command('list').description('已载入的年度放假安排').action(() => withDb(g(), (_d, ctx) => print(run(ctx, 'calendar.years', {}))));
  calendar.command('import').description('导入一年的放假安排（JSON，格式见 docs/user-guide.zh.md 第六节）').argument('<file>', 'JSON 文件')
    .action((file: string) => withDb(g(), (_d, ctx) => print(run(ctx, 'calendar.importYear', readJson(file)))));

  // issue 15: statistics and the ledger import
  program.command('stats').description('统计报表：劳动人事争议处理情况（可与另一期间对比）')
    .requiredOption('--from <date>', '统计开始日 YYYY-MM-DD').requiredOption('--to <date>', '统计截止日 YYYY-MM-DD')
    .option('--compare-from <date>', '对比期间开始日').option('--compare-to <date>', '对比期间截止日')
    .option('--json', 'JSON 输出（默认）').option('--xlsx <file>', '写出 XLSX 工作簿').option('--pdf <file>', '写出 PDF 月报/年报（含图表）')
    .action((o: { from: string; to: string; compareFrom?: string; compareTo?: string; json?: boolean; xlsx?: string; pdf?: string }) =>
      withDb(g(), async (_d, ctx) => {
        const input = { from: o.from, to: o.to, ...(o.compareFrom ? { compareFrom: o.compareFrom } : {}), ...(o.compareTo ? { compareTo: o.compareTo } : {}) };
        if (o.pdf) {
          const pdf = (await runAsync(ctx, 'stats.pdf', input)) as { base64: string };
          fs.writeFileSync(o.pdf, Buffer.from(pdf.base64, 'base64'));
          if (!o.xlsx) return print({ file: o.pdf });
        }
        if (!o.xlsx) return print(run(ctx, 'stats.official', input));
        const f = (await runAsync(ctx, 'stats.export', input)) as { base64: string };
        fs.writeFileSync(o.xlsx, Buffer.from(f.base64, 'base64'));
        print({ file: o.xlsx });
      }, { mustExist: true }));
  // issue 12 item 2: a person's data (个人信息保护法 access request); the ID number is read from a file, never argv
  program.command('personal').description('个人信息').command('export')
    .description('导出与某人有关的全部记录（案件当事人、咨询、法律援助、调解、集体争议名册）为 JSON；身份证号码从文件读取，不出现在命令行')
    .requiredOption('--id-number-file <file>', '写有身份证号码的文件（一行）').requiredOption('--out <file>', '输出的 JSON 文件')
    .action((o: { idNumberFile: string; out: string }) => withDb(g(), (_d, ctx) => {
      const idNumber = fs.readFileSync(o.idNumberFile, 'utf8').trim();
      const f = run(ctx, 'personal.export', { idNumber }) as { base64: string; rows: number };
      fs.writeFileSync(o.out, Buffer.from(f.base64, 'base64'), { mode: 0o600 });
      print({ file: o.out, records: f.rows });
    }, { mustExist: true }));
  const ledger = program.command('import').description('台账导入（历史记录）');
  ledger.command('template').description('写出台账导入模板（XLSX；JSON Lines 格式见 README）')
    .option('--out <file>', '输出文件', '台账导入模板.xlsx')
    .action((o: { out: string }) => withDb(g(), async (_d, ctx) => {
      const f = (await runAsync(ctx, 'ledger.template', {})) as { base64: string };
      fs.writeFileSync(o.out, Buffer.from(f.base64, 'base64'));
      print({ file: o.out });
    }));
  ledger.command('ledger').description('导入台账：先逐行检查，有错误则不导入任何记录；--dry-run 只检查').argument('<file>', 'XLSX 或 JSON Lines（.jsonl）文件')
    .option('--dry-run', '只检查，不写入')
    .action((file: string, o: { dryRun?: boolean }) => withDb(g(), async (_d, ctx) => {
      let buf: Buffer;
      try {
        buf = fs.readFileSync(file);
      } catch {
        throw new CliError(`无法读取文件：${file}`);
      }
      const format = /\.xlsx$/i.test(file) ? 'xlsx' : /\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : null;
      if (!format) throw new CliError('台账文件应为 .xlsx 或 .jsonl');
      print(await runAsync(ctx, 'ledger.import', { fileName: file.split(/[\\/]/).pop(), format, contentBase64: buf.toString('base64'), dryRun: !!o.dryRun }));
    }, { mustExist: true }));

  // issue 15 item 6 (branch stats-b): every list to XLSX with the list's filters
  program.command('export').description('导出列表为 XLSX：cases（案件）、consultations（咨询登记）、mediations（调解）、hearings（开庭排期）、documents（文书登记簿）')
    .argument('<list>', 'cases | consultations | mediations | hearings | documents')
    .requiredOption('--out <file>', '输出的 XLSX 文件')
    .option('--from <date>', '开始日期 YYYY-MM-DD（咨询、调解、开庭、文书必填）').option('--to <date>', '结束日期 YYYY-MM-DD（咨询、调解、开庭、文书必填）')
    .option('--query <text>', '搜索内容').option('--status <status>', '案件状态（draft、accepted、not_accepted、closed）').option('--venue-id <id>', '办案场所编号')
    .option('--received-from <date>', '收件日期起').option('--received-to <date>', '收件日期止').option('--accepted-from <date>', '受理日期起').option('--accepted-to <date>', '受理日期止')
    .option('--closed-from <date>', '结案日期起').option('--closed-to <date>', '结案日期止').option('--columns <keys>', '案件列表的列，以逗号分隔（默认全部）')
    .option('--window <code>', '窗口（migrant、injured、female、general）').option('--stage <stage>', '调解阶段（pre_arbitration、in_arbitration）')
    .option('--outcome <outcome>', '调解结果（pending、success、failure、withdrawn）').option('--kind <kind>', '文书种类代码')
    .action((list: string, o: Record<string, string | undefined>) => withDb(g(), async (_d, ctx) => {
      const pick = (...keys: string[]) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
      const range = () => {
        if (!o.from || !o.to) throw new CliError('请用 --from 和 --to 指定日期范围（YYYY-MM-DD）');
        return { from: o.from, to: o.to };
      };
      const ops: Record<string, () => [string, Record<string, unknown>]> = {
        cases: () => ['cases.export', {
          ...pick('query', 'status', 'venueId', 'receivedFrom', 'receivedTo', 'acceptedFrom', 'acceptedTo', 'closedFrom', 'closedTo'),
          columns: o.columns ? o.columns.split(',').map((c) => c.trim()).filter(Boolean) : CASE_LIST_COLUMNS.map((c) => c.key),
        }],
        consultations: () => ['consultations.export', { ...range(), ...pick('window', 'query') }],
        mediations: () => ['mediations.export', { ...range(), ...pick('stage', 'outcome', 'query') }],
        hearings: () => ['hearings.export', { ...range(), ...pick('venueId') }],
        documents: () => ['documents.exportRegister', { ...range(), ...pick('kind', 'query') }],
      };
      const make = ops[list];
      if (!make) throw new CliError(`未知的列表：${list}（可选：${Object.keys(ops).join('、')}）`);
      const [name, input] = make();
      const f = (await runAsync(ctx, name as never, input)) as { base64: string; rows: number };
      fs.writeFileSync(o.out!, Buffer.from(f.base64, 'base64'));
      print({ file: o.out, rows: f.rows });
    }, { mustExist: true }));

  program.command('calc').description('计算器：金额以分为单位，附适用条文和参数')
    .argument('[name]', '计算器名称（见 --list）')
    .option('--list', '列出计算器及其输入格式（JSON Schema）')
    .option('--input <file>', '输入 JSON 文件')
    .action((name: string | undefined, o: { list?: boolean; input?: string }) =>
      withDb(g(), (_d, ctx) => {
        if (o.list || !name) return print(run(ctx, 'calculators.list', {}));
        if (!o.input) throw new CliError('请用 --input 指定输入 JSON 文件（格式见 desk calc --list）');
        print(run(ctx, 'calculators.run', { name, input: readJson(o.input) }));
      }));

  program.command('doc').description('文书：desk doc kinds 列出种类；desk doc <种类> --case <案号> --format pdf|docx --out <文件>')
    .argument('<kind>', '文书种类代码，或 kinds')
    .option('--case <caseNumber>', '案号')
    .option('--format <format>', 'pdf | docx', 'pdf')
    .option('--out <file>', '输出文件')
    .option('--date <date>', '文书日期 YYYY-MM-DD（默认今天）')
    .option('--hearing <id>', '开庭通知书对应的开庭编号')
    .option('--payload <file>', '补充内容 JSON（补正事项、决定书内容、裁决或调解内容，格式见 README）')
    .option('--issue', '同时签发并登记（写入文书登记簿，生成后不可更改）')
    .action((kind: string, o: { case?: string; format: string; out?: string; date?: string; hearing?: string; payload?: string; issue?: boolean }) =>
      withDb(g(), async (db, ctx) => {
        if (kind === 'kinds') {
          return print(DOCUMENT_KIND_REGISTRY.map((k) => ({ code: k.code, label: k.label, stages: k.stages, needs: k.needs, basis: k.basis })));
        }
        if (!kindInfo(kind)) throw new CliError(`未知的文书种类“${kind}”（见 desk doc kinds）`);
        if (!o.case) throw new CliError('请用 --case 指定案号');
        if (o.format !== 'pdf' && o.format !== 'docx') throw new CliError('--format 应为 pdf 或 docx');
        if (!o.out) throw new CliError('请用 --out 指定输出文件');
        const c = run(ctx, 'cases.get', { caseNumber: o.case }) as { id: string };
        const input = {
          caseId: c.id, kind, issuedDate: o.date ?? shanghaiDate(new Date()), ...(o.hearing ? { hearingId: o.hearing } : {}),
          ...(o.payload ? { payload: readJson(o.payload) } : {}),
        };
        let bytes: Buffer;
        if (o.issue) {
          const issued = (await runAsync(ctx, 'documents.issue', input)) as { id: string };
          bytes = Buffer.from((run(ctx, 'documents.file', { documentId: issued.id, format: o.format }) as { base64: string }).base64, 'base64');
        } else {
          const parsed = schemas.previewDocument.safeParse(input);
          if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `${i.path.join('.') || '（输入）'}：${i.message}`).join('\n'));
          try {
            const { model } = buildModel(db, parsed.data);
            bytes = await render(model, o.format, readSettings(db).documentFonts, parsed.data.payload?.layout ?? 'a4');
          } catch (e) {
            if (e instanceof AppError) throw new CliError(`${e.message}${e.issues?.length ? `\n${e.issues.map((i) => `  ${i.path}：${i.message}`).join('\n')}` : ''}`);
            throw e;
          }
        }
        fs.writeFileSync(o.out, bytes);
        print({ file: o.out, bytes: bytes.length, issued: !!o.issue });
      }));

  program.command('demo').description('填充演示数据（培训与评估用）：用户、巡回庭、案件')
    .option('--cases <n>', '案件数量', '40')
    .action((o: { cases: string }) =>
      withDb(g(), (d, ctx) => {
        if ((d.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n > 0) throw new CliError('数据库中已有案件，演示数据只能写入空数据库');
        const n = Number(o.cases);
        if (!Number.isInteger(n) || n < 1 || n > 100000) throw new CliError('--cases 应为 1 至 100000 的整数');
        const summary = d.transaction(() => {
          const users = [
            ['admin', '系统管理员', 'admin'], ['arb1', '陈仲裁', 'arbitrator'], ['clerk1', '刘书记', 'clerk'],
            ['lawyer1', '周律师', 'lawyer'], ['window1', '吴窗口', 'window'],
          ].map(([username, displayName, role]) => run(ctx, 'users.create', { username, displayName, role, password: 'demo12345' }));
          const sites = [['海峡两岸科技产业开发园巡回庭', '温江区海峡两岸科技产业开发园'], ['成都医学城巡回庭', '温江区成都医学城'], ['公平街道巡回庭', '温江区公平街道']];
          const venueIds = [(run(ctx, 'venues.list', {}) as { id: string }[])[0]!.id];
          for (const [name, address] of sites) {
            const venueId = (run(ctx, 'venues.create', { name, kind: 'circuit', address }) as { id: string }).id;
            venueIds.push(venueId);
            run(ctx, 'rooms.create', { venueId, name: '巡回审判庭' });
          }
          let accepted = 0;
          let refused = 0;
          const drafts = demoDrafts(n, venueIds).sort((a, b) => a.receivedDate.localeCompare(b.receivedDate));
          drafts.forEach((draft, i) => {
            const c = run(ctx, 'cases.saveDraft', draft) as { id: string; receivedDate: string };
            if (i % 10 === 9) {
              run(ctx, 'cases.notAccept', { id: c.id, decisionDate: c.receivedDate, reasonCode: 'out_of_scope', reasonText: '申请人与被申请人之间系承揽关系，不属于劳动人事争议处理范围。' });
              refused++;
            } else if (i < n - 3) {
              const date = new Date(`${c.receivedDate}T00:00:00+08:00`);
              date.setDate(date.getDate() + 2);
              run(ctx, 'cases.accept', { id: c.id, acceptanceDate: shanghaiDate(date) });
              accepted++;
            }
          });
          // the legal-aid desk: today's duty pair and a few consultations at the windows
          const id = (u: string) => (users as { id: string; username: string }[]).find((x) => x.username === u)!.id;
          const today = shanghaiDate(new Date());
          run(ctx, 'duty.set', { date: today, lawyerId: id('lawyer1'), staffId: id('window1'), lawFirm: '四川蓉城律师事务所' });
          const visits = [
            { window: 'migrant', personName: '杨建国', groupFlags: ['migrant_worker'], employerName: '成都某建筑劳务有限公司', employerAlias: '医学城三期工地', disputeType: 'wages', claims: [{ type: 'wages', amountFen: 2_360_000, text: '支付拖欠工资23600元' }], summary: '在医学城三期工地务工，包工头拖欠4个月工资' },
            { window: 'female', personName: '何丽', personSex: 'female', groupFlags: ['three_period_female'], femaleStage: 'pregnant', employerName: '温江区某商贸有限公司', disputeType: 'damages', claims: [{ type: 'damages', amountFen: 3_600_000, text: '支付违法解除劳动合同赔偿金36000元' }], summary: '怀孕5个月被公司以不能胜任为由辞退' },
            { window: 'injured', personName: '罗志强', groupFlags: ['injured_worker'], injuryDate: '2026-06-12', disabilityGrade: 9, employerName: '成都某机械制造有限公司', disputeType: 'work_injury', claims: [], summary: '工伤认定后用人单位未支付一次性伤残补助金' },
          ];
          visits.forEach((v, i) => run(ctx, 'consultations.create', { channel: 'walk_in', arrivedAt: new Date(Date.now() - (90 - i * 25) * 60_000).toISOString(), workerCount: 1, collective: false, outcome: 'pending', ...v }));
          // ---- a 169-worker wage-arrears collective case with its roster and elected representatives (issue 16 item 6)
          const roster = demoRoster(169);
          const owed = roster.reduce((s, r) => s + r.amountFen!, 0);
          const ago = (days: number) => shanghaiDate(new Date(Date.now() - days * 86_400_000));
          const reps = roster.slice(0, 3).map((r) => ({
            kind: 'person' as const, name: r.name, ...residentIdFacts(r.idNumber), ethnicity: '汉族', idNumber: r.idNumber, phone: r.phone, isRepresentative: true,
            domicile: '四川省成都市温江区公平街道', agents: [],
          }));
          const group = run(ctx, 'cases.saveDraft', {
            venueId: venueIds[0]!, receivedDate: ago(20), cause: '劳动报酬争议', collective: true, workerCount: roster.length, groupFlags: ['migrant_worker'], applicants: reps,
            respondents: [{ kind: 'org', name: '成都金马河建筑劳务有限公司', creditCode: creditCode(1), domicile: '四川省成都市温江区公平街道', representativeName: '钟建', representativeTitle: '执行董事', representativeKind: 'legal', agents: [] }],
            claims: [{ type: 'wages', amountFen: owed, periodStart: '2026-03-01', periodEnd: '2026-08-31', text: `支付${roster.length}名劳动者拖欠的工资共计${owed / 100}元` }],
            evidence: [{ name: '工资表及考勤记录', source: '申请人提供', purpose: '证明欠薪人数及金额', copies: 1 }],
          }) as { id: string };
          run(ctx, 'cases.accept', { id: group.id, acceptanceDate: ago(18) });
          const imported = run(ctx, 'collective.importRoster', { caseId: group.id, rows: roster }) as { items: { id: string }[] };
          run(ctx, 'collective.representatives', { caseId: group.id, workerIds: imported.items.slice(0, 3).map((w) => w.id), electedDate: ago(20), authorisation: '169名劳动者签名的推举书及授权委托书，特别授权（代为承认、放弃、变更仲裁请求须经被代表的劳动者同意）' });
          accepted++;
          // employer supervision (issue 16): grades, a warning and its bulletin, inspections, a listed employer
          seedSupervisionDemo((name, input) => run(ctx, name, input), id('arb1'));
          return { users: users.length, venues: venueIds.length, cases: n + 1, accepted, notAccepted: refused, drafts: n + 1 - accepted - refused, consultations: visits.length, collectiveWorkers: roster.length, password: 'demo12345' };
        })();
        print(summary);
      }));
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const firstOption = argv.findIndex((a) => a.startsWith('-'));
  commandWords = (firstOption < 0 ? argv : argv.slice(0, firstOption)).join(' ');
  if (argv[0] === '--db' || argv[0] === '--passphrase-file') commandWords = argv.slice(2).filter((a, i, all) => !a.startsWith('-') && !(all[i - 1] ?? '').startsWith('-')).join(' ');
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    process.stderr.write(`错误：${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

if (process.argv[1] && /cli[\\/]main\.[jt]s$/.test(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}

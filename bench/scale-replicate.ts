/**
 * A 100,000-case database for `bench:scale` when the build through the services does not fit the time (issue 13):
 * `npx tsx bench/scale-replicate.ts <source> <target> <factor>`.
 *
 * The source is a database built through the real services by bench/scale-build.ts (the 10,000-case cache). The target
 * is a copy of it with every case-owned record copied `factor - 1` more times in SQL: new ids (the first hex digit of each
 * case-owned id moved on by the copy's number, mod 16), case numbers renumbered within their year after the originals, ID
 * numbers with their sequence digits shifted, everything else as built (same days, same employers, same tribunals), so
 * each day receives `factor` times the cases. The FTS5 and gram indexes and the statistics views follow by their triggers;
 * the stored deadlines are copied with the cases. Not copied: the audit log (its entries are a hash chain that a SQL
 * copy cannot extend; the copied cases have none), and nothing of the consultations. The result is labelled in
 * docs/benchmarks.md as replicated, not built through the services.
 */
import fs from 'node:fs';
import { loadSqlite } from '../src/db/open';

export function replicateScaleDb(source: string, target: string, factor: number, log = (s: string) => process.stderr.write(s)): void {
  fs.rmSync(target, { force: true });
  fs.copyFileSync(source, target);
  const Sqlite = loadSqlite();
  const db = Sqlite(target);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -200000');

  /** Case-owned tables, in insert order, with the columns that hold a case-owned id and how to reach the original cases. */
  const TABLES: { table: string; ids: string[]; where: string; drop?: string[]; set?: Record<string, string> }[] = [
    { table: 'cases', ids: ['id'], where: 'id IN (SELECT id FROM orig_cases)', set: { consultation_id: 'NULL' } },
    { table: 'parties', ids: ['id', 'case_id'], where: 'case_id IN (SELECT id FROM orig_cases)' },
    { table: 'agents', ids: ['id', 'party_id'], where: 'party_id IN (SELECT id FROM parties WHERE case_id IN (SELECT id FROM orig_cases))' },
    { table: 'claims', ids: ['id', 'case_id'], where: 'case_id IN (SELECT id FROM orig_cases)' },
    { table: 'evidence', ids: ['id', 'case_id'], where: 'case_id IN (SELECT id FROM orig_cases)' },
    { table: 'case_tribunals', ids: ['case_id'], where: 'case_id IN (SELECT id FROM orig_cases)' },
    { table: 'hearings', ids: ['id', 'case_id', 'moved_to'], where: 'case_id IN (SELECT id FROM orig_cases)' },
    { table: 'case_closures', ids: ['case_id'], where: 'case_id IN (SELECT id FROM orig_cases)' },
    { table: 'case_events', ids: ['case_id'], drop: ['id'], where: 'case_id IN (SELECT id FROM orig_cases)' },
    { table: 'mediations', ids: ['id', 'case_id'], where: 'case_id IN (SELECT id FROM orig_cases)', set: { consultation_id: 'NULL' } },
    { table: 'agreement_items', ids: ['id', 'mediation_id'], where: 'mediation_id IN (SELECT id FROM mediations WHERE case_id IN (SELECT id FROM orig_cases))' },
    { table: 'mediation_sessions', ids: ['id', 'mediation_id'], where: 'mediation_id IN (SELECT id FROM mediations WHERE case_id IN (SELECT id FROM orig_cases))' },
    { table: 'case_deadlines', ids: ['case_id'], where: 'case_id IN (SELECT id FROM orig_cases)' },
  ];

  db.exec('CREATE TEMP TABLE orig_cases (id TEXT PRIMARY KEY); INSERT INTO orig_cases SELECT id FROM cases');
  db.exec('CREATE TEMP TABLE year_last (year INTEGER PRIMARY KEY, last INTEGER); INSERT INTO year_last SELECT year, last FROM case_number_seq');
  const t0 = performance.now();
  for (let k = 1; k < factor; k++) {
    // the first hex digit of each case-owned id moved on by k (mod 16): still a hex id, never an original one
  const map = (col: string) => `CASE WHEN ${col} IS NULL THEN NULL ELSE substr('0123456789abcdef', (instr('0123456789abcdef', substr(${col}, 1, 1)) - 1 + ${k}) % 16 + 1, 1) || substr(${col}, 2) END`;
    db.transaction(() => {
      for (const { table, ids, where, drop = [], set = {} } of TABLES) {
        const cols = (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name).filter((c) => !drop.includes(c));
        const expr = (c: string): string => {
          if (c in set) return set[c]!;
          if (ids.includes(c)) return map(c);
          if (table === 'cases' && c === 'case_seq') return `CASE WHEN case_seq IS NULL THEN NULL ELSE case_seq + ${k} * (SELECT last FROM year_last y WHERE y.year = case_year) END`;
          if (table === 'cases' && c === 'case_number') {
            return `CASE WHEN case_number IS NULL THEN NULL ELSE replace(case_number, '〕第' || case_seq || '号', '〕第' || (case_seq + ${k} * (SELECT last FROM year_last y WHERE y.year = case_year)) || '号') END`;
          }
          if (table === 'parties' && c === 'id_number') {
            return `CASE WHEN id_number IS NULL OR length(id_number) <> 18 THEN id_number ELSE substr(id_number, 1, 14) || printf('%03d', (CAST(substr(id_number, 15, 3) AS INTEGER) + ${k * 101}) % 1000) || substr(id_number, 18, 1) END`;
          }
          if (table === 'case_deadlines' && c === 'case_number') return `(SELECT x.case_number FROM cases x WHERE x.id = ${map('case_id')})`;
          return c;
        };
        db.exec(`INSERT INTO ${table} (${cols.join(', ')}) SELECT ${cols.map(expr).join(', ')} FROM ${table} WHERE ${where}`);
      }
    })();
    log(`copy ${k}/${factor - 1}: ${(db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n} cases, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  }
  db.exec(`UPDATE case_number_seq SET last = last * ${factor}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

if (process.argv[1]?.endsWith('scale-replicate.ts')) {
  const [source, target, factor] = process.argv.slice(2);
  if (!source || !target) throw new Error('usage: scale-replicate.ts <source> <target> <factor>');
  replicateScaleDb(source, target, Number(factor ?? 10));
}

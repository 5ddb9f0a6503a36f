import { createHash } from 'node:crypto';
import type { Db } from './open';
import { SEALED_TABLES } from './migrations/009-record-integrity';
import { SEALED_TABLES_015 } from './migrations/015-statistics-ledger';
import { SEALED_TABLES_016 } from './migrations/016-employers';
import { SEALED_TABLES_023 } from './migrations/023-performance';
import { SEALED_TABLES_022 } from './migrations/022-survey-links';
import { SEALED_TABLES_018 } from './migrations/018-evidence-and-review';
import { stmt } from './queries/stmt';

/**
 * The audit chain. Every write operation appends one audit_log entry:
 *   who (account; for the CLI the OS user and the command, in `origin`), when, the operation, the entities it touched
 *   (table + key + kind of change, and for sealed tables the SHA-256 of the row as written), a digest over all the
 *   changed rows, and hash = SHA-256(previous hash, the entry's fields).
 * The changed rows are captured by TEMP triggers installed on the writer's connection (installChangeCapture), so no code
 * path has to remember to report what it wrote. `verifyChain` walks the chain, recomputes every hash, and checks every
 * row of every sealed table against the hash the chain last recorded for it; it names the first broken link.
 */

const SEALED = new Set([...SEALED_TABLES, ...SEALED_TABLES_015, ...SEALED_TABLES_016, ...SEALED_TABLES_018, ...SEALED_TABLES_022, ...SEALED_TABLES_023].map((t) => t.table));
const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

interface TableInfo {
  name: string;
  key: string[];
}

/** User tables of the main schema with their primary-key columns ([] = rowid). */
export function tables(db: Db): TableInfo[] {
  const names = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  return names.map((name) => {
    const cols = db.prepare(`SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).all(name) as { name: string; pk: number }[];
    return { name, key: cols.map((c) => c.name) };
  });
}

const keyExpr = (t: TableInfo, row: 'NEW' | 'OLD') => (t.key.length ? `json_array(${t.key.map((k) => `${row}."${k}"`).join(', ')})` : `json_array(${row}.rowid)`);

/** Installs the change capture on a writable connection (TEMP objects: nothing is stored in the file). */
export function installChangeCapture(db: Db): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS _changes (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, k TEXT NOT NULL, op TEXT NOT NULL)');
  for (const t of tables(db)) {
    // Derived data (migration 013) is not captured: case_deadlines* are rewritten from the audited records in the same
    // transaction; the search indexes (*_fts and their shadow tables, and party_name_grams of migration 020) are kept by
    // triggers from the audited rows; case_facts* (migration 021) are rewritten like case_deadlines.
    if (t.name === 'audit_log' || t.name.startsWith('case_deadlines') || t.name.startsWith('case_facts') || /_fts($|_)/.test(t.name) || t.name === 'party_name_grams') continue;
    const ins = (op: string, row: 'NEW' | 'OLD') => `INSERT INTO temp._changes (tbl, k, op) VALUES ('${t.name}', ${keyExpr(t, row)}, '${op}');`;
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS _cap_${t.name}_i AFTER INSERT ON main."${t.name}" BEGIN ${ins('i', 'NEW')} END;
      CREATE TEMP TRIGGER IF NOT EXISTS _cap_${t.name}_u AFTER UPDATE ON main."${t.name}" BEGIN ${ins('u', 'NEW')} END;
      CREATE TEMP TRIGGER IF NOT EXISTS _cap_${t.name}_d AFTER DELETE ON main."${t.name}" BEGIN ${ins('d', 'OLD')} END;`);
  }
}

export function clearChanges(db: Db): void {
  stmt(db, 'DELETE FROM temp._changes').run();
}

// Per connection: a table's key columns, read once (issue 13: the chain's cost per write was mostly re-preparing these).
const keyInfos = new WeakMap<Db, Map<string, TableInfo>>();

function keyInfo(db: Db, table: string): TableInfo {
  let m = keyInfos.get(db);
  if (!m) keyInfos.set(db, (m = new Map()));
  let t = m.get(table);
  if (!t) {
    const cols = stmt(db, `SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).all(table) as { name: string }[];
    m.set(table, (t = { name: table, key: cols.map((c) => c.name) }));
  }
  return t;
}

/** A row in canonical form: [column, value] for every non-null column, blobs as their SHA-256 (null columns left out, so a
 *  column added later with no value does not change the hash of an existing row). */
export function rowHash(db: Db, table: string, key: string): string | null {
  const t = keyInfo(db, table);
  const values = JSON.parse(key) as unknown[];
  const where = t.key.length ? t.key.map((k) => `"${k}" = ?`).join(' AND ') : 'rowid = ?';
  const row = stmt(db, `SELECT * FROM "${table}" WHERE ${where}`).get(...values) as Record<string, unknown> | undefined;
  return row ? hashRow(row) : null;
}

export function hashRow(row: Record<string, unknown>): string {
  const canon = Object.entries(row)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([c, v]) => [c, Buffer.isBuffer(v) || v instanceof Uint8Array ? { sha256: sha256(Buffer.from(v)) } : typeof v === 'bigint' ? v.toString() : v]);
  return sha256(JSON.stringify(canon));
}

export interface Entity {
  /** table */
  t: string;
  /** key (JSON array of the primary-key values) */
  k: string;
  /** i(nsert), u(pdate), d(elete) — the last change of the row in this operation */
  op: string;
  /** the row's hash after the operation (null: deleted); kept for sealed tables */
  h?: string | null;
}

export interface EntryMeta {
  at: string;
  actorId: string;
  actorName: string;
  origin: string | null;
  action: string;
  target: string | null;
  detail: unknown;
}

/** The changes captured since the last clear, one per row, with the hashes of the rows as they now are. */
export function collectChanges(db: Db): { entities: Entity[]; digest: string } {
  const rows = stmt(db, 'SELECT tbl, k, op FROM temp._changes ORDER BY seq').all() as { tbl: string; k: string; op: string }[];
  const last = new Map<string, Entity>();
  for (const r of rows) {
    const id = `${r.tbl}\u0000${r.k}`;
    const prev = last.get(id);
    // A row inserted and then updated in one operation is an insert; one inserted and deleted leaves nothing behind.
    const op = prev?.op === 'i' && r.op !== 'd' ? 'i' : r.op;
    last.set(id, { t: r.tbl, k: r.k, op });
  }
  const parts: string[] = [];
  const entities: Entity[] = [];
  for (const e of last.values()) {
    const h = rowHash(db, e.t, e.k);
    parts.push(`${e.t}|${e.k}|${e.op}|${h ?? '-'}`);
    entities.push(SEALED.has(e.t) ? { ...e, h } : e);
  }
  return { entities, digest: sha256(parts.join('\n')) };
}

const entryHash = (prev: string | null, id: number, m: EntryMeta, entities: string, digest: string) =>
  sha256(JSON.stringify([prev, id, m.at, m.actorId, m.actorName, m.origin, m.action, m.target, m.detail ?? null, entities, digest]));

interface AuditRow {
  id: number;
  at: string;
  actor_id: string;
  actor_name: string;
  origin: string | null;
  action: string;
  target: string | null;
  detail: string | null;
  entities: string | null;
  digest: string | null;
  prev_hash: string | null;
  hash: string | null;
}

/** Appends one chained entry (call inside the operation's transaction, after its writes). */
export function appendEntry(db: Db, meta: EntryMeta, entities: Entity[], digest: string): { id: number; hash: string } {
  const head = stmt(db, 'SELECT id, hash FROM audit_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const nextId = ((stmt(db, 'SELECT seq FROM sqlite_sequence WHERE name = ?').get('audit_log') as { seq: number } | undefined)?.seq ?? 0) + 1;
  const ents = JSON.stringify(entities);
  const detail = meta.detail === undefined || meta.detail === null ? null : JSON.stringify(meta.detail);
  const hash = entryHash(head?.hash ?? null, nextId, { ...meta, detail }, ents, digest);
  stmt(db, 'INSERT INTO audit_log (id, at, actor_id, actor_name, action, target, detail, origin, entities, digest, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(nextId, meta.at, meta.actorId, meta.actorName, meta.action, meta.target, detail, meta.origin, ents, digest, head?.hash ?? null, hash);
  return { id: nextId, hash };
}

/** Every current row of every sealed table, hashed. */
function sealedRows(db: Db): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of tables(db)) {
    if (!SEALED.has(t.name) || t.name === 'audit_log') continue;
    const keyCols = t.key.length ? t.key : ['rowid'];
    const stmt = db.prepare(`SELECT ${keyCols.map((k) => (k === 'rowid' ? 'rowid AS _rowid' : `"${k}"`)).join(', ')}, * FROM "${t.name}"`);
    for (const row of stmt.iterate() as Iterable<Record<string, unknown>>) {
      const key = JSON.stringify(keyCols.map((k) => row[k === 'rowid' ? '_rowid' : k]));
      const { _rowid, ...rest } = row;
      void _rowid;
      out.set(`${t.name}\u0000${key}`, hashRow(rest));
    }
  }
  return out;
}

/**
 * The genesis entry: written once (migration 009) over the rows that existed before the chain. It records the hash of
 * every sealed row and a digest of the earlier, unchained audit rows, so those cannot be changed unseen either.
 */
export function writeGenesis(db: Db, at: string): void {
  if (db.prepare('SELECT 1 FROM audit_log WHERE hash IS NOT NULL').get()) return;
  const entities: Entity[] = [...sealedRows(db)].map(([id, h]) => {
    const [t, k] = id.split('\u0000') as [string, string];
    return { t, k, op: 'i', h };
  });
  const legacy = legacyDigest(db, Number.MAX_SAFE_INTEGER);
  appendEntry(db, { at, actorId: '00000000000000000000000000000000', actorName: '系统', origin: 'migration 009', action: 'chain.genesis', target: null, detail: { legacy } },
    entities, sha256(entities.map((e) => `${e.t}|${e.k}|${e.op}|${e.h}`).join('\n')));
}

function legacyDigest(db: Db, beforeId: number): { count: number; sha256: string } {
  const rows = db.prepare('SELECT id, at, actor_id, actor_name, action, target, detail FROM audit_log WHERE hash IS NULL AND id < ? ORDER BY id').all(beforeId) as unknown[];
  return { count: rows.length, sha256: sha256(JSON.stringify(rows)) };
}

export interface ChainHead {
  count: number;
  lastId: number | null;
  lastAt: string | null;
  hash: string | null;
  /** The first 16 hex digits, grouped for reading aloud or copying by hand. */
  short: string | null;
}

export function chainHead(db: Db): ChainHead {
  const n = (db.prepare('SELECT count(*) AS n FROM audit_log WHERE hash IS NOT NULL').get() as { n: number }).n;
  const h = db.prepare('SELECT id, at, hash FROM audit_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1').get() as { id: number; at: string; hash: string } | undefined;
  return { count: n, lastId: h?.id ?? null, lastAt: h?.at ?? null, hash: h?.hash ?? null, short: h ? h.hash.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ') : null };
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  rowsChecked: number;
  head: ChainHead;
  /** The first broken link: the entry, or the sealed row that does not match the chain. */
  broken: { entryId: number | null; entity: string | null; reason: string } | null;
}

const TABLE_LABELS: Record<string, string> = {
  case_documents: '已签发文书', hearing_records: '庭审笔录', hearing_record_corrections: '笔录补正', case_events: '案件日志', audit_log: '审计记录',
  case_closures: '结案记录', claim_decisions: '裁决结果', party_corrections: '当事人信息更正', consultation_versions: '咨询记录修改前版本',
  aid_history: '法律援助办理记录', case_paper_reviews: '书面审理决定',
};
/** “已签发文书（case_documents）<key>”: the Chinese name for the reader, the table for the administrator. */
const entityLabel = (t: string, k: string) => `${TABLE_LABELS[t] ?? t}（${t}）${JSON.parse(k).join(',')}`;

/** Walks the whole chain and checks every sealed row against it. */
export function verifyChain(db: Db): VerifyResult {
  const head = chainHead(db);
  const fail = (entryId: number | null, entity: string | null, reason: string, entries: number, rowsChecked = 0): VerifyResult => ({
    ok: false, entries, rowsChecked, head, broken: { entryId, entity, reason },
  });
  let prev: string | null = null;
  let n = 0;
  let seenChain = false;
  const recorded = new Map<string, string | null>();
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as Iterable<AuditRow>) {
    if (r.hash === null) {
      if (seenChain) return fail(r.id, entityLabel('audit_log', `[${r.id}]`), '审计链中出现未链接的记录（记录被插入或哈希被清除）', n);
      continue;
    }
    seenChain = true;
    n++;
    if (r.prev_hash !== prev) return fail(r.id, entityLabel('audit_log', `[${r.id}]`), '与上一条记录的哈希不衔接（记录被删除、插入或改写）', n);
    const meta: EntryMeta = { at: r.at, actorId: r.actor_id, actorName: r.actor_name, origin: r.origin, action: r.action, target: r.target, detail: r.detail };
    if (entryHash(prev, r.id, meta, r.entities ?? '[]', r.digest ?? '') !== r.hash) return fail(r.id, entityLabel('audit_log', `[${r.id}]`), '记录内容与其哈希不符（记录被改写）', n);
    let entities: Entity[];
    try {
      entities = JSON.parse(r.entities ?? '[]') as Entity[];
    } catch {
      return fail(r.id, entityLabel('audit_log', `[${r.id}]`), '记录的实体清单无法读取', n);
    }
    if (r.action === 'chain.genesis') {
      const legacy = (JSON.parse(r.detail ?? '{}') as { legacy?: { count: number; sha256: string } }).legacy;
      const now = legacyDigest(db, r.id);
      if (!legacy || legacy.sha256 !== now.sha256) return fail(r.id, '审计记录（audit_log）启用审计链之前的部分', '启用审计链之前的审计记录被改动', n);
    }
    for (const e of entities) if (SEALED.has(e.t)) recorded.set(`${e.t}\u0000${e.k}`, e.h ?? null);
    prev = r.hash;
  }
  // Every sealed row must be exactly as the chain last recorded it; a row the chain never recorded was written around it.
  const current = sealedRows(db);
  const lastEntryOf = (id: string) => {
    const [t, k] = id.split('\u0000') as [string, string];
    const row = db.prepare("SELECT id FROM audit_log WHERE hash IS NOT NULL AND entities LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT 1")
      .get(`%${JSON.stringify({ t, k }).slice(1, -1).replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as { id: number } | undefined;
    return row?.id ?? null;
  };
  let checked = 0;
  for (const [id, h] of current) {
    checked++;
    const [t, k] = id.split('\u0000') as [string, string];
    if (!recorded.has(id)) return fail(null, entityLabel(t, k), '该记录未经审计链登记（绕过程序写入）', n, checked);
    if (recorded.get(id) !== h) return fail(lastEntryOf(id), entityLabel(t, k), '该记录的内容与审计链登记的哈希不符（被改写）', n, checked);
  }
  for (const [id, h] of recorded) {
    if (h !== null && !current.has(id)) {
      const [t, k] = id.split('\u0000') as [string, string];
      return fail(lastEntryOf(id), entityLabel(t, k), '审计链登记的记录已不存在（被删除）', n, checked);
    }
  }
  return { ok: true, entries: n, rowsChecked: checked, head, broken: null };
}

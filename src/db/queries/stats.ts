import { createHash } from 'node:crypto';
import { COLLECTIVE_MIN_WORKERS } from '../../domain/case-terms';
import { CAUSE_OF_CLAIM_TYPE, MANNER_OF_CLOSING, OFFICIAL_ROWS, type Measure } from '../../domain/stats';
import type { Db } from '../open';
import { caseVisibleCondition } from './case-access';
import { stmt } from './stmt';

/**
 * The statistics query builder (issue 15). Every figure of the official table is ONE predicate over the case facts
 * below; the count and the drill-down are generated from the same predicate text, so they cannot disagree.
 *
 * Period bounds are written $FROM / $TO in the predicates and bound as :from / :to (a period), or as the month columns
 * m.f / m.t (the by-month table).
 */

const lit = (s: string): string => {
  if (!/^[a-z_]+$/.test(s)) throw new Error(`not a code: ${s}`);
  return `'${s}'`;
};
const causeCase = `CASE (SELECT q.type FROM claims q WHERE q.case_id = c.id ORDER BY q.seq LIMIT 1) ${Object.entries(CAUSE_OF_CLAIM_TYPE)
  .map(([t, c]) => `WHEN ${lit(t)} THEN ${lit(c)}`).join(' ')} ELSE 'other' END`;
const mannerCase = `CASE k.method ${Object.entries(MANNER_OF_CLOSING).map(([m, s]) => `WHEN ${lit(m)} THEN ${lit(s)}`).join(' ')} ELSE NULL END`;

/** The facts' columns, in the order of the case_facts table (migration 021). */
const FACTS_COLUMNS = 'case_id, case_number, venue_id, accepted, closed, due_date, workers, cause, amount_fen, manner, final_award, decided, supported, rejected, result, overdue';

/**
 * One row per accepted case satisfying `where` (over cases c and case_closures k): its venue, dates, workers (through
 * the view case_worker_counts only), cause, amount claimed, manner of closing, finality and result. THE definition of
 * the facts: the report reads it through the stored table case_facts (kept up to date in the write transaction,
 * src/services/stats-facts.ts) or, while that table is not current, computes it here for the period.
 */
const factsQuery = (where: string) => `
WITH b AS MATERIALIZED (
  SELECT c.id AS case_id, c.case_number, c.venue_id, c.acceptance_date AS accepted, k.closed_date AS closed, k.due_date,
    w.workers AS workers,
    ${causeCase} AS cause,
    (SELECT COALESCE(SUM(q.amount_fen), 0) FROM claims q WHERE q.case_id = c.id) AS amount_fen,
    ${mannerCase} AS manner,
    CASE WHEN k.method = 'award' THEN COALESCE(
      (SELECT final_award FROM ledger_records l WHERE l.record_id = c.id),
      EXISTS (SELECT 1 FROM case_documents d, json_each(d.payload, '$.award.items') i
        WHERE d.case_id = c.id AND d.kind = 'award' AND d.superseded_by IS NULL AND json_extract(i.value, '$.final') = 1
          AND json_extract(d.payload, '$.award.part') IN ('all', 'final'))) ELSE 0 END AS final_award,
    CASE WHEN k.method = 'award' THEN (SELECT COUNT(*) FROM claim_decisions x WHERE x.case_id = c.id AND x.result <> 'withdrawn') END AS decided,
    CASE WHEN k.method = 'award' THEN (SELECT COUNT(*) FROM claim_decisions x WHERE x.case_id = c.id AND x.result = 'supported') END AS supported,
    CASE WHEN k.method = 'award' THEN (SELECT COUNT(*) FROM claim_decisions x WHERE x.case_id = c.id AND x.result = 'rejected') END AS rejected
  FROM cases c
  JOIN case_worker_counts w ON w.case_id = c.id
  LEFT JOIN case_closures k ON k.case_id = c.id
  WHERE c.status = 'accepted' AND ${where}
)
SELECT ${FACTS_COLUMNS.replace(', result, overdue', '')},
  CASE
    WHEN manner = 'mediation' THEN 'both'
    WHEN manner <> 'award' OR manner IS NULL OR decided = 0 THEN CASE WHEN manner IS NULL THEN NULL ELSE 'none' END
    WHEN supported = decided THEN CASE WHEN workers > 0 THEN 'worker' ELSE 'employer' END
    WHEN rejected = decided THEN CASE WHEN workers > 0 THEN 'employer' ELSE 'worker' END
    ELSE 'both' END AS result,
  COALESCE(closed > due_date, 0) AS overdue
FROM b`;

/** The facts query's version: case_facts is current when its meta row holds this (a change of the mapping rebuilds it). */
export const FACTS_VERSION = createHash('sha256').update(factsQuery('$WHERE')).digest('hex').slice(0, 16);

const OPEN_IN_PERIOD = 'c.acceptance_date <= :hi AND (k.closed_date IS NULL OR k.closed_date >= :lo)';
/** The facts of the cases open at some time in [:lo, :hi], computed from the records. */
const FACTS_LIVE = `f AS MATERIALIZED (${factsQuery(OPEN_IN_PERIOD)})`;
/** The same rows read from the stored table. */
// `+accepted`: one pass over the narrow table beats the index (a key lookup per row in a WITHOUT ROWID table)
const FACTS_STORED = `f AS (SELECT ${FACTS_COLUMNS} FROM case_facts WHERE +accepted <= :hi AND (closed IS NULL OR +closed >= :lo))`;

export function factsCurrent(db: Db): boolean {
  return (stmt(db, 'SELECT version FROM case_facts_meta WHERE one = 1').get() as { version: string | null } | undefined)?.version === FACTS_VERSION;
}
/** The CTE `f` the figures and drill-downs read: the stored facts when current, else computed for the period. */
const facts = (db: Db) => (factsCurrent(db) ? FACTS_STORED : FACTS_LIVE);

/** Rewrites every row of case_facts from the records and marks it current (imports, migrations, a mapping change). */
export function rebuildCaseFacts(db: Db): number {
  stmt(db, 'DELETE FROM case_facts').run();
  const n = stmt(db, `INSERT INTO case_facts (${FACTS_COLUMNS}) ${factsQuery('1')}`).run().changes;
  stmt(db, 'UPDATE case_facts_meta SET version = ? WHERE one = 1').run(FACTS_VERSION);
  return n;
}

/** Rewrites the rows of the given cases (a refused or discarded case has none). */
export function refreshCaseFacts(db: Db, caseIds: string[]): void {
  const del = stmt(db, 'DELETE FROM case_facts WHERE case_id = ?');
  const ins = stmt(db, `INSERT INTO case_facts (${FACTS_COLUMNS}) ${factsQuery('c.id = :id')}`);
  for (const id of caseIds) {
    del.run(id);
    ins.run({ id });
  }
}

/** The cases whose records the write in progress changed (change capture, src/db/audit-chain.ts). */
export function selectFactsChangedCaseIds(db: Db): string[] {
  return (stmt(db, `SELECT DISTINCT json_extract(k, '$[0]') AS id FROM temp._changes WHERE tbl IN ('cases', 'ledger_records')`).all() as { id: string }[]).map((r) => r.id);
}

/** Every stored row and every row computed from the records now, in the same order (the consistency test compares them). */
export function selectStoredAndLiveFacts(db: Db): { stored: Record<string, unknown>[]; live: Record<string, unknown>[] } {
  return {
    stored: stmt(db, `SELECT ${FACTS_COLUMNS} FROM case_facts ORDER BY case_id`).all() as Record<string, unknown>[],
    live: stmt(db, `SELECT * FROM (${factsQuery('1')}) ORDER BY case_id`).all() as Record<string, unknown>[],
  };
}

const ACCEPTED_IN = '(accepted BETWEEN $FROM AND $TO)';
const CLOSED_IN = '(closed BETWEEN $FROM AND $TO)';

/** The predicate of each row of the official table (keys of OFFICIAL_ROWS). */
export const ROW_PREDICATES: Record<string, string> = {
  carried: '(accepted < $FROM AND (closed IS NULL OR closed >= $FROM))',
  accepted: ACCEPTED_IN,
  acceptedCollective: `(${ACCEPTED_IN} AND workers >= ${COLLECTIVE_MIN_WORKERS})`,
  acceptedByWorker: `(${ACCEPTED_IN} AND workers > 0)`,
  ...Object.fromEntries([...new Set(Object.values(CAUSE_OF_CLAIM_TYPE)), 'other'].map((c) => [`cause_${c}`, `(${ACCEPTED_IN} AND cause = ${lit(c)})`])),
  workers: ACCEPTED_IN,
  collectiveWorkers: `(${ACCEPTED_IN} AND workers >= ${COLLECTIVE_MIN_WORKERS})`,
  amount: ACCEPTED_IN,
  closed: CLOSED_IN,
  closedMediation: `(${CLOSED_IN} AND manner = 'mediation')`,
  closedAward: `(${CLOSED_IN} AND manner = 'award')`,
  closedFinal: `(${CLOSED_IN} AND manner = 'award' AND final_award = 1)`,
  closedWithdrawal: `(${CLOSED_IN} AND manner = 'withdrawal')`,
  closedOther: `(${CLOSED_IN} AND manner = 'other')`,
  resultEmployer: `(${CLOSED_IN} AND result = 'employer')`,
  resultWorker: `(${CLOSED_IN} AND result = 'worker')`,
  resultBoth: `(${CLOSED_IN} AND result = 'both')`,
  resultNone: `(${CLOSED_IN} AND result = 'none')`,
  pending: '(accepted <= $TO AND (closed IS NULL OR closed > $TO))',
  overdue: `(${CLOSED_IN} AND overdue = 1)`,
};
for (const r of OFFICIAL_ROWS) if (!ROW_PREDICATES[r.key]) throw new Error(`no predicate for ${r.key}`);

const MEASURE_SQL: Record<Measure, string> = { count: '1', workers: 'workers', amount: 'amount_fen' };
const bind = (p: string, from: string, to: string) => p.replaceAll('$FROM', from).replaceAll('$TO', to);

export type OfficialFigures = Record<string, number> & { closedDays: number | null };
export interface Period { from: string; to: string }

/**
 * Which side of the period a figure counts: cases accepted in it, cases closed in it, or open at its start / end
 * (上期未结 / 当期未结). Every accepted-side predicate is ACCEPTED_IN plus conditions on workers and cause; every
 * closed-side predicate is CLOSED_IN plus conditions on manner, finality, result and overdue.
 */
const SIDE = Object.fromEntries(OFFICIAL_ROWS.map((r) => {
  const p = ROW_PREDICATES[r.key]!;
  const side = r.key === 'carried' || r.key === 'pending' ? r.key : p.includes(ACCEPTED_IN) ? 'accepted' : p.includes(CLOSED_IN) ? 'closed' : null;
  if (!side) throw new Error(`no side for ${r.key}`);
  return [r.key, side];
})) as Record<string, 'carried' | 'pending' | 'accepted' | 'closed'>;
const keysOf = (side: string) => OFFICIAL_ROWS.filter((r) => SIDE[r.key] === side);
const GROUPED_MEASURE: Record<Measure, string> = { count: 'n', workers: 'w', amount: 'a' };
const groupedColumns = (side: 'accepted' | 'closed') => keysOf(side)
  .map((r) => `COALESCE(SUM(CASE WHEN ${bind(ROW_PREDICATES[r.key]!, ':from', ':to')} THEN ${GROUPED_MEASURE[r.measure]} ELSE 0 END), 0) AS "${r.key}"`).join(',\n  ');

/*
 * The figures per venue and month in three passes over the facts (issue 15 item 8): the cases accepted in the period
 * grouped by venue, month of acceptance and every column an accepted-side predicate reads; the cases closed in it
 * grouped likewise by month of closing; the cases open at its start per venue. Each figure's own predicate (the one the
 * drill-down lists by) is then summed over the groups — identical for every case of a group, since a group shares
 * every column the predicate reads (its dates all lie in the period). 上期未结 of a month is the month before's 上期未结
 * + 受理 − 结案, and 当期未结 = 上期未结 + 受理 − 结案 (no case closes before its acceptance).
 */
function officialCells(db: Db, p: Period) {
  const args = { lo: p.from, hi: p.to, from: p.from, to: p.to };
  const accepted = stmt(db, `WITH ${facts(db)},
    g AS (SELECT venue_id, substr(accepted, 1, 7) AS month, MIN(accepted) AS accepted, NULL AS closed, MIN(workers) AS workers, cause,
      COUNT(*) AS n, SUM(workers) AS w, SUM(amount_fen) AS a
      FROM f WHERE accepted BETWEEN :from AND :to GROUP BY venue_id, month, cause, workers >= ${COLLECTIVE_MIN_WORKERS}, workers > 0)
    SELECT venue_id, month, ${groupedColumns('accepted')} FROM g GROUP BY venue_id, month`).all(args) as (Record<string, number> & { venue_id: string; month: string })[];
  const closed = stmt(db, `WITH ${facts(db)},
    g AS (SELECT venue_id, substr(closed, 1, 7) AS month, MIN(closed) AS closed, manner, final_award, result, overdue,
      COUNT(*) AS n, SUM(workers) AS w, SUM(amount_fen) AS a, SUM(julianday(closed) - julianday(accepted)) AS days
      FROM f WHERE closed BETWEEN :from AND :to GROUP BY venue_id, month, manner, final_award, result, overdue)
    SELECT venue_id, month, ${groupedColumns('closed')}, SUM(days) AS "closedDays" FROM g GROUP BY venue_id, month`).all(args) as (Record<string, number> & { venue_id: string; month: string })[];
  const carried = stmt(db, `WITH ${facts(db)} SELECT venue_id, COUNT(*) AS n FROM f WHERE ${bind(ROW_PREDICATES['carried']!, ':from', ':to')} GROUP BY venue_id`)
    .all(args) as { venue_id: string; n: number }[];
  return { accepted, closed, carried };
}

const zero = (): OfficialFigures => ({ ...Object.fromEntries(OFFICIAL_ROWS.map((r) => [r.key, 0])), closedDays: null }) as OfficialFigures;
function add(into: OfficialFigures, from: Record<string, number | null>, keys: readonly { key: string }[]): void {
  for (const r of keys) into[r.key] = (into[r.key] ?? 0) + (from[r.key] ?? 0);
}

/** The official table's figures for a period in total, per venue and per month (months: the period's, from monthsOf). */
export function selectOfficialBreakdown(db: Db, p: Period, months: { month: string }[] = []) {
  const cells = officialCells(db, p);
  const accKeys = keysOf('accepted');
  const cloKeys = keysOf('closed');
  const venues = new Map<string, OfficialFigures>();
  const byMonth = new Map<string, OfficialFigures>(months.map((m) => [m.month, zero()]));
  const cell = (m: Map<string, OfficialFigures>, k: string) => m.get(k) ?? m.set(k, zero()).get(k)!;
  const addDays = (x: OfficialFigures, d: number | null) => { if (d !== null) x.closedDays = (x.closedDays ?? 0) + d; };
  for (const r of cells.carried) cell(venues, r.venue_id)['carried'] = r.n;
  for (const r of cells.accepted) {
    add(cell(venues, r.venue_id), r, accKeys);
    if (byMonth.has(r.month)) add(byMonth.get(r.month)!, r, accKeys);
  }
  for (const r of cells.closed) {
    add(cell(venues, r.venue_id), r, cloKeys);
    addDays(cell(venues, r.venue_id), r['closedDays'] ?? null);
    if (byMonth.has(r.month)) { add(byMonth.get(r.month)!, r, cloKeys); addDays(byMonth.get(r.month)!, r['closedDays'] ?? null); }
  }
  for (const v of venues.values()) v['pending'] = v['carried']! + v['accepted']! - v['closed']!;
  const total = zero();
  for (const v of venues.values()) { add(total, v, OFFICIAL_ROWS); addDays(total, v.closedDays); }
  let open = total['carried']!;
  for (const m of months) {
    const x = byMonth.get(m.month)!;
    x['carried'] = open;
    x['pending'] = open + x['accepted']! - x['closed']!;
    open = x['pending'];
  }
  return {
    total,
    byVenue: [...venues].map(([venue_id, f]) => ({ ...f, venue_id }) as OfficialFigures & { venue_id: string }),
    byMonth: months.map((m) => ({ ...byMonth.get(m.month)!, month: m.month }) as OfficialFigures & { month: string }),
  };
}

/** The official table's figures for a period. */
export function selectOfficialFigures(db: Db, p: Period): OfficialFigures {
  return selectOfficialBreakdown(db, p).total;
}

export function selectOfficialFiguresByVenue(db: Db, p: Period): (OfficialFigures & { venue_id: string })[] {
  return selectOfficialBreakdown(db, p).byVenue;
}

/** The same figures for each calendar month of the period (cut to the period), as its own period. */
export function selectOfficialFiguresByMonth(db: Db, p: Period, months: { month: string; from: string; to: string }[]): (OfficialFigures & { month: string })[] {
  return selectOfficialBreakdown(db, p, months).byMonth;
}

export interface DrillRow {
  case_id: string;
  case_number: string;
  venue_id: string;
  accepted: string;
  closed: string | null;
  workers: number;
  amount_fen: number;
  cause: string;
  manner: string | null;
  result: string | null;
  final_award: number;
  due_date: string | null;
}

/** Exactly the cases a figure counts: the same facts, the same predicate. */
export function selectOfficialDrill(db: Db, p: Period, key: string, venueId?: string, viewer: string | null = null): DrillRow[] {
  const pred = ROW_PREDICATES[key];
  if (!pred) throw new Error(`unknown figure ${key}`);
  const params: Record<string, unknown> = { lo: p.from, hi: p.to, from: p.from, to: p.to, venue: venueId ?? null };
  const visible = caseVisibleCondition('case_id', viewer, params); // need-to-know (issue 12 item 2)
  const sql = `WITH ${facts(db)} SELECT case_id, case_number, venue_id, accepted, closed, workers, amount_fen, cause, manner, result, final_award, due_date
    FROM f WHERE ${bind(pred, ':from', ':to')} AND (:venue IS NULL OR venue_id = :venue) AND ${visible} ORDER BY accepted, case_number`;
  return stmt(db, sql).all(params) as DrillRow[];
}

// ------------------------------------------------------------------------------------------------ the desk's indicators

export interface CountRow { key: string | null; n: number; people: number; amount_fen: number }

/*
 * Each indicator's records are selected by ONE condition, used both by its count and by its drill-down (issue 15 item 4:
 * every indicator figure drills down to exactly the records it counts).
 */
const CONSULTATIONS_IN = 'c.arrived_at >= :start AND c.arrived_at < :end';
const CONSULTATION_DIM = { window: 'c.window', channel: 'c.channel' } as const;
const MEDIATIONS_IN = "m.stage = 'pre_arbitration' AND m.received_date BETWEEN :from AND :to";
export const MEDIATION_MEASURES = { invited: '1', succeeded: "m.outcome = 'success'", failed: "m.outcome = 'failure'" } as const;
const AID_IN = 'a.received_date BETWEEN :from AND :to';
export const AID_MEASURES = { received: '1', approved: "a.decision = 'approved'", refused: "a.decision = 'refused'", pending: "a.decision = 'pending'" } as const;
const SURVEYS_IN = 's.surveyed_date BETWEEN :from AND :to';
const SURVEY_SUBJECT = "CASE WHEN s.case_id IS NOT NULL THEN 'case' ELSE 'consultation' END";
const WAGE_ARREARS = `${bind(ROW_PREDICATES['cause_pay']!, ':from', ':to')}`;
const SECTOR = "COALESCE(ce.sector, 'unknown')";

/** Consultations arrived in [start, end) (UTC instants of Shanghai days) by window, by channel, and by group flag. */
export function selectConsultationCounts(db: Db, start: string, end: string): { byWindow: CountRow[]; byChannel: CountRow[]; byGroup: CountRow[] } {
  const by = (col: string) => stmt(db, `SELECT ${col} AS key, COUNT(*) AS n, SUM(c.worker_count) AS people, COALESCE(SUM(c.recovered_fen), 0) AS amount_fen
    FROM consultations c WHERE ${CONSULTATIONS_IN} GROUP BY ${col} ORDER BY key`).all({ start, end }) as CountRow[];
  return {
    byWindow: by(CONSULTATION_DIM.window),
    byChannel: by(CONSULTATION_DIM.channel),
    byGroup: stmt(db, `SELECT g.value AS key, COUNT(*) AS n, SUM(c.worker_count) AS people, 0 AS amount_fen
      FROM consultations c, json_each(c.group_flags) g WHERE ${CONSULTATIONS_IN} GROUP BY g.value ORDER BY key`).all({ start, end }) as CountRow[],
  };
}

export interface IndicatorDrillRow { id: string; date: string; subject: string; kind: string; people: number | null; amount_fen: number | null; case_id: string | null }

/** The consultations one figure counts: all, or one window, channel or group. */
export function selectConsultationDrill(db: Db, start: string, end: string, dim: 'all' | 'window' | 'channel' | 'group', key: string | null): IndicatorDrillRow[] {
  const cols = "c.id AS id, c.arrived_at AS date, c.person_name AS subject, c.window || '/' || c.channel AS kind, c.worker_count AS people, c.recovered_fen AS amount_fen, NULL AS case_id";
  const sql = dim === 'group'
    ? `SELECT ${cols} FROM consultations c, json_each(c.group_flags) g WHERE ${CONSULTATIONS_IN} AND g.value = :key ORDER BY c.arrived_at, c.id`
    : `SELECT ${cols} FROM consultations c WHERE ${CONSULTATIONS_IN} AND ${dim === 'all' ? ':key IS NULL' : `${CONSULTATION_DIM[dim]} = :key`} ORDER BY c.arrived_at, c.id`;
  return stmt(db, sql).all({ start, end, key }) as IndicatorDrillRow[];
}

/** Pre-arbitration mediations received in the period, per organisation: invited, succeeded, workers, amounts. */
export function selectMediationCounts(db: Db, p: Period): { organisation: string; invited: number; succeeded: number; failed: number; workers: number; claimed_fen: number }[] {
  return stmt(db, `SELECT m.organisation AS organisation, COUNT(*) AS invited, SUM(${MEDIATION_MEASURES.succeeded}) AS succeeded, SUM(${MEDIATION_MEASURES.failed}) AS failed,
      SUM(m.worker_count) AS workers, COALESCE(SUM(m.claimed_fen), 0) AS claimed_fen
    FROM mediations m WHERE ${MEDIATIONS_IN} GROUP BY m.organisation ORDER BY m.organisation`)
    .all(p) as { organisation: string; invited: number; succeeded: number; failed: number; workers: number; claimed_fen: number }[];
}

/** The mediations one figure counts (an organisation's, or all when null). */
export function selectMediationDrill(db: Db, p: Period, measure: keyof typeof MEDIATION_MEASURES, organisation: string | null): IndicatorDrillRow[] {
  return stmt(db, `SELECT m.id AS id, m.received_date AS date, COALESCE(m.applicant_name, '') || '诉' || COALESCE(m.respondent_name, '') AS subject,
      m.organisation || '/' || m.outcome AS kind, m.worker_count AS people, m.claimed_fen AS amount_fen, m.case_id AS case_id
    FROM mediations m WHERE ${MEDIATIONS_IN} AND (${MEDIATION_MEASURES[measure]}) AND (:org IS NULL OR m.organisation = :org) ORDER BY m.received_date, m.id`)
    .all({ ...p, org: organisation }) as IndicatorDrillRow[];
}

/** Wage-arrears cases (cause 劳动报酬) accepted in the period by the employer's sector (case_employers, issue 16). */
export function selectWageArrearsBySector(db: Db, p: Period): { sector: string; n: number; workers: number; amount_fen: number }[] {
  const sql = `WITH ${facts(db)} SELECT ${SECTOR} AS sector, COUNT(*) AS n, SUM(f.workers) AS workers, SUM(f.amount_fen) AS amount_fen
    FROM f LEFT JOIN case_employers ce ON ce.case_id = f.case_id
    WHERE ${WAGE_ARREARS} GROUP BY ${SECTOR} ORDER BY sector`;
  return stmt(db, sql).all({ lo: p.from, hi: p.to, from: p.from, to: p.to }) as { sector: string; n: number; workers: number; amount_fen: number }[];
}

/** The wage-arrears cases of one sector ('construction', 'other', 'unknown'). */
export function selectWageArrearsDrill(db: Db, p: Period, sector: string): DrillRow[] {
  const sql = `WITH ${facts(db)} SELECT f.case_id, f.case_number, f.venue_id, f.accepted, f.closed, f.workers, f.amount_fen, f.cause, f.manner, f.result, f.final_award, f.due_date
    FROM f LEFT JOIN case_employers ce ON ce.case_id = f.case_id
    WHERE ${WAGE_ARREARS} AND ${SECTOR} = :sector ORDER BY f.accepted, f.case_number`;
  return stmt(db, sql).all({ lo: p.from, hi: p.to, from: p.from, to: p.to, sector }) as DrillRow[];
}

/** Legal-aid applications received in the period: decisions and days from receipt to decision. */
export function selectAidCounts(db: Db, p: Period): { received: number; approved: number; refused: number; pending: number; decision_days: number | null } {
  return stmt(db, `SELECT COUNT(*) AS received, COALESCE(SUM(${AID_MEASURES.approved}), 0) AS approved, COALESCE(SUM(${AID_MEASURES.refused}), 0) AS refused,
      COALESCE(SUM(${AID_MEASURES.pending}), 0) AS pending,
      AVG(CASE WHEN a.decision_date IS NOT NULL THEN julianday(a.decision_date) - julianday(a.received_date) END) AS decision_days
    FROM aid_applications a WHERE ${AID_IN}`).get(p) as { received: number; approved: number; refused: number; pending: number; decision_days: number | null };
}

/** The applications one legal-aid figure counts. */
export function selectAidDrill(db: Db, p: Period, measure: keyof typeof AID_MEASURES): IndicatorDrillRow[] {
  return stmt(db, `SELECT a.id AS id, a.received_date AS date, c.person_name AS subject, a.decision || COALESCE('/' || a.decision_date, '') AS kind,
      c.worker_count AS people, NULL AS amount_fen, NULL AS case_id
    FROM aid_applications a JOIN consultations c ON c.id = a.consultation_id WHERE ${AID_IN} AND (${AID_MEASURES[measure]}) ORDER BY a.received_date, a.id`).all(p) as IndicatorDrillRow[];
}

/** Satisfaction answers dated in the period, for cases (at closing) and consultations. */
export function selectSatisfactionCounts(db: Db, p: Period): { subject: 'case' | 'consultation'; rating: string; n: number }[] {
  return stmt(db, `SELECT ${SURVEY_SUBJECT} AS subject, s.rating AS rating, COUNT(*) AS n
    FROM satisfaction_surveys s WHERE ${SURVEYS_IN} GROUP BY subject, s.rating ORDER BY subject, s.rating`).all(p) as { subject: 'case' | 'consultation'; rating: string; n: number }[];
}

/** The answers one satisfaction figure counts: a subject's, of one rating or all. */
export function selectSatisfactionDrill(db: Db, p: Period, subject: 'case' | 'consultation', rating: string | null): IndicatorDrillRow[] {
  return stmt(db, `SELECT s.id AS id, s.surveyed_date AS date, COALESCE(k.case_number, q.person_name, '') AS subject, s.rating || '/' || s.entered_by AS kind,
      NULL AS people, NULL AS amount_fen, s.case_id AS case_id
    FROM satisfaction_surveys s LEFT JOIN cases k ON k.id = s.case_id LEFT JOIN consultations q ON q.id = s.consultation_id
    WHERE ${SURVEYS_IN} AND ${SURVEY_SUBJECT} = :subject AND (:rating IS NULL OR s.rating = :rating) ORDER BY s.surveyed_date, s.id`)
    .all({ ...p, subject, rating }) as IndicatorDrillRow[];
}

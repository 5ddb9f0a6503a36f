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

/**
 * One row per accepted case that was open at some time in [:lo, :hi]: its venue, dates, workers (through the view
 * case_worker_counts only), cause, amount claimed, manner of closing, finality and result.
 */
const FACTS = `
base AS MATERIALIZED (
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
  WHERE c.status = 'accepted' AND c.acceptance_date <= :hi AND (k.closed_date IS NULL OR k.closed_date >= :lo)
),
f AS MATERIALIZED (
  SELECT *,
    CASE
      WHEN manner = 'mediation' THEN 'both'
      WHEN manner <> 'award' OR manner IS NULL OR decided = 0 THEN CASE WHEN manner IS NULL THEN NULL ELSE 'none' END
      WHEN supported = decided THEN CASE WHEN workers > 0 THEN 'worker' ELSE 'employer' END
      WHEN rejected = decided THEN CASE WHEN workers > 0 THEN 'employer' ELSE 'worker' END
      ELSE 'both' END AS result
  FROM base
)`;

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
  overdue: `(${CLOSED_IN} AND closed > due_date)`,
};
for (const r of OFFICIAL_ROWS) if (!ROW_PREDICATES[r.key]) throw new Error(`no predicate for ${r.key}`);

const MEASURE_SQL: Record<Measure, string> = { count: '1', workers: 'workers', amount: 'amount_fen' };
const bind = (p: string, from: string, to: string) => p.replaceAll('$FROM', from).replaceAll('$TO', to);

const figureColumns = (from: string, to: string) => [
  ...OFFICIAL_ROWS.map((r) => `COALESCE(SUM(CASE WHEN ${bind(ROW_PREDICATES[r.key]!, from, to)} THEN ${MEASURE_SQL[r.measure]} ELSE 0 END), 0) AS "${r.key}"`),
  `SUM(CASE WHEN ${bind(CLOSED_IN, from, to)} THEN julianday(closed) - julianday(accepted) END) AS "closedDays"`,
].join(',\n  ');

export type OfficialFigures = Record<string, number> & { closedDays: number | null };
export interface Period { from: string; to: string }

/** The official table's figures for a period, in total and (venue = true) per venue. */
export function selectOfficialFigures(db: Db, p: Period): OfficialFigures {
  const sql = `WITH ${FACTS} SELECT ${figureColumns(':from', ':to')} FROM f`;
  return stmt(db, sql).get({ lo: p.from, hi: p.to, from: p.from, to: p.to }) as OfficialFigures;
}

export function selectOfficialFiguresByVenue(db: Db, p: Period): (OfficialFigures & { venue_id: string })[] {
  const sql = `WITH ${FACTS} SELECT venue_id, ${figureColumns(':from', ':to')} FROM f GROUP BY venue_id`;
  return stmt(db, sql).all({ lo: p.from, hi: p.to, from: p.from, to: p.to }) as (OfficialFigures & { venue_id: string })[];
}

/**
 * The same figures for each month [m.f, m.t] listed in `months` (JSON array of {month, from, to}) inside the period.
 * Each month joins only the cases open at some time in it: every predicate needs accepted <= $TO and (open or closed >=
 * $FROM), given that no case closes before its acceptance.
 */
export function selectOfficialFiguresByMonth(db: Db, p: Period, months: { month: string; from: string; to: string }[]): (OfficialFigures & { month: string })[] {
  const sql = `WITH ${FACTS}, m AS (SELECT json_extract(value, '$.month') AS month, json_extract(value, '$.from') AS f, json_extract(value, '$.to') AS t FROM json_each(:months))
    SELECT m.month AS month, ${figureColumns('m.f', 'm.t')} FROM m LEFT JOIN f ON f.accepted <= m.t AND (f.closed IS NULL OR f.closed >= m.f) GROUP BY m.month ORDER BY m.month`;
  return stmt(db, sql).all({ lo: p.from, hi: p.to, months: JSON.stringify(months) }) as (OfficialFigures & { month: string })[];
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
  const sql = `WITH ${FACTS} SELECT case_id, case_number, venue_id, accepted, closed, workers, amount_fen, cause, manner, result, final_award, due_date
    FROM f WHERE ${bind(pred, ':from', ':to')} AND (:venue IS NULL OR venue_id = :venue) AND ${visible} ORDER BY accepted, case_number`;
  return stmt(db, sql).all(params) as DrillRow[];
}

// ------------------------------------------------------------------------------------------------ the desk's indicators

export interface CountRow { key: string | null; n: number; people: number; amount_fen: number }

/** Consultations arrived in [start, end) (UTC instants of Shanghai days) by window, by channel, and by group flag. */
export function selectConsultationCounts(db: Db, start: string, end: string): { byWindow: CountRow[]; byChannel: CountRow[]; byGroup: CountRow[] } {
  const where = 'arrived_at >= :start AND arrived_at < :end';
  const by = (col: string) => stmt(db, `SELECT ${col} AS key, COUNT(*) AS n, SUM(worker_count) AS people, COALESCE(SUM(recovered_fen), 0) AS amount_fen
    FROM consultations WHERE ${where} GROUP BY ${col} ORDER BY key`).all({ start, end }) as CountRow[];
  return {
    byWindow: by('window'),
    byChannel: by('channel'),
    byGroup: stmt(db, `SELECT g.value AS key, COUNT(*) AS n, SUM(c.worker_count) AS people, 0 AS amount_fen
      FROM consultations c, json_each(c.group_flags) g WHERE ${where} GROUP BY g.value ORDER BY key`).all({ start, end }) as CountRow[],
  };
}

/** Pre-arbitration mediations received in the period, per organisation: invited, succeeded, workers, amounts. */
export function selectMediationCounts(db: Db, p: Period): { organisation: string; invited: number; succeeded: number; failed: number; workers: number; claimed_fen: number }[] {
  return stmt(db, `SELECT organisation, COUNT(*) AS invited, SUM(outcome = 'success') AS succeeded, SUM(outcome = 'failure') AS failed,
      SUM(worker_count) AS workers, COALESCE(SUM(claimed_fen), 0) AS claimed_fen
    FROM mediations WHERE stage = 'pre_arbitration' AND received_date BETWEEN :from AND :to GROUP BY organisation ORDER BY organisation`)
    .all(p) as { organisation: string; invited: number; succeeded: number; failed: number; workers: number; claimed_fen: number }[];
}

/** Wage-arrears cases (cause 劳动报酬) accepted in the period by the employer's sector (case_employers, issue 16). */
export function selectWageArrearsBySector(db: Db, p: Period): { sector: string | null; n: number; workers: number; amount_fen: number }[] {
  const sql = `WITH ${FACTS} SELECT ce.sector AS sector, COUNT(*) AS n, SUM(f.workers) AS workers, SUM(f.amount_fen) AS amount_fen
    FROM f LEFT JOIN case_employers ce ON ce.case_id = f.case_id
    WHERE ${bind(ROW_PREDICATES['cause_pay']!, ':from', ':to')} GROUP BY ce.sector ORDER BY ce.sector`;
  return stmt(db, sql).all({ lo: p.from, hi: p.to, from: p.from, to: p.to }) as { sector: string | null; n: number; workers: number; amount_fen: number }[];
}

/** Legal-aid applications received in the period: decisions and days from receipt to decision. */
export function selectAidCounts(db: Db, p: Period): { received: number; approved: number; refused: number; pending: number; decision_days: number | null } {
  return stmt(db, `SELECT COUNT(*) AS received, COALESCE(SUM(decision = 'approved'), 0) AS approved, COALESCE(SUM(decision = 'refused'), 0) AS refused,
      COALESCE(SUM(decision = 'pending'), 0) AS pending,
      AVG(CASE WHEN decision_date IS NOT NULL THEN julianday(decision_date) - julianday(received_date) END) AS decision_days
    FROM aid_applications WHERE received_date BETWEEN :from AND :to`).get(p) as { received: number; approved: number; refused: number; pending: number; decision_days: number | null };
}

/** Satisfaction answers dated in the period, for cases (at closing) and consultations. */
export function selectSatisfactionCounts(db: Db, p: Period): { subject: 'case' | 'consultation'; rating: string; n: number }[] {
  return stmt(db, `SELECT CASE WHEN case_id IS NOT NULL THEN 'case' ELSE 'consultation' END AS subject, rating, COUNT(*) AS n
    FROM satisfaction_surveys WHERE surveyed_date BETWEEN :from AND :to GROUP BY subject, rating ORDER BY subject, rating`).all(p) as { subject: 'case' | 'consultation'; rating: string; n: number }[];
}

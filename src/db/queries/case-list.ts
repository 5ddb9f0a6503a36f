import type { Db } from '../open';
import { caseVisibleCondition } from './case-access';
import { stmt } from './stmt';

/**
 * The case list (issue 14: filters, server-side sort and paging for thousands of cases), built as one SQL statement.
 * Every filter is a bound parameter; the sort column comes from a fixed table, never from the caller's text.
 */
export interface CaseListQuery {
  status?: 'draft' | 'accepted' | 'not_accepted' | 'closed';
  venueId?: string;
  arbitratorId?: string;
  clerkId?: string;
  groupFlag?: string;
  collective?: boolean;
  cause?: string;
  receivedFrom?: string;
  receivedTo?: string;
  acceptedFrom?: string;
  acceptedTo?: string;
  closedFrom?: string;
  closedTo?: string;
  query?: string;
  sort?: 'caseNumber' | 'receivedDate' | 'acceptanceDate' | 'closedDate' | 'claimTotalFen' | 'venueName';
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
  /** Need-to-know (issue 12 item 2): only the cases this lawyer or window staff may read; null or absent: all. */
  viewer?: string | null;
}

export interface CaseListRow {
  id: string;
  case_number: string | null;
  status: 'draft' | 'accepted' | 'not_accepted';
  venue_id: string;
  venue_name: string;
  received_date: string;
  acceptance_date: string | null;
  collective: number;
  group_flags: string;
  updated_at: string;
  /** JSON: [[name, idNumber|null], …] of the applicants in order */
  applicants: string;
  /** JSON: [name, …] of the respondents in order */
  respondents: string;
  claim_count: number;
  claim_total: number;
  closed_date: string | null;
}

/** Sort keys as expressions on `c` alone, so that the page's ids are chosen before its columns are computed. */
const LIST_SORT: Record<NonNullable<CaseListQuery['sort']>, string> = {
  caseNumber: 'c.case_number', receivedDate: 'c.received_date', acceptanceDate: 'c.acceptance_date',
  closedDate: '(SELECT closed_date FROM case_closures x WHERE x.case_id = c.id)',
  claimTotalFen: '(SELECT coalesce(sum(amount_fen), 0) FROM claims x WHERE x.case_id = c.id)',
  venueName: '(SELECT name FROM venues x WHERE x.id = c.venue_id)',
};

export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * The case search, in one place (issue 13; the need-to-know rule for who may match on partial ID digits belongs here
 * too). A case matches when its case number or the name, ID number or credit code of any of its parties contains the
 * text. A whole 18-character ID number or credit code: the parties' indexes. Three characters or more: the FTS5 trigram indexes of migration 013 (party_fts, case_number_fts). One or two
 * characters (a surname, 信达): party names only, through the 1–2 character gram table of migration 020; one or two
 * characters of an ID number, credit code or case number are not a search.
 */
export function caseSearchCondition(q: string, params: Record<string, unknown>): string {
  // A whole 18-character ID number or credit code: contained in an 18-character field means equal, so the plain indexes
  // answer it (the trigram lists of codes that share long runs of digits are long).
  if (/^[0-9A-Za-z]{18}$/.test(q)) {
    params.code = q.toUpperCase();
    return '(c.id IN (SELECT case_id FROM parties WHERE id_number = @code UNION SELECT case_id FROM parties WHERE credit_code = @code))';
  }
  // scale3: a whole case number (…〔2026〕第12号) is one lookup on its unique index; through the trigram index every case
  // number shares its leading trigrams (温劳人, 劳人仲, …), so the MATCH walked a posting list as long as the register.
  if (/^\S+〔\d{4}〕第\d+号$/.test(q)) {
    params.caseNumber = q;
    return '(c.case_number = @caseNumber)';
  }
  if ([...q].length >= 3) {
    params.fts = `"${q.replace(/"/g, '""')}"`;
    return `(c.rowid IN (SELECT rowid FROM case_number_fts WHERE case_number_fts MATCH @fts)
      OR c.id IN (SELECT p.case_id FROM parties p WHERE p.rowid IN (SELECT rowid FROM party_fts WHERE party_fts MATCH @fts)))`;
  }
  // scale3 (issue 13 item 2): one or two characters — the party-name gram table of migration 020 (one range on its key);
  // case numbers need three characters or more (a 1–2 character case-number fragment is a digit run shared by most cases).
  params.gram = q.replace(/[A-Z]/g, (ch) => ch.toLowerCase()); // SQLite's lower() folds ASCII only
  return '(c.id IN (SELECT p.case_id FROM parties p WHERE p.rowid IN (SELECT party_rowid FROM party_name_grams WHERE gram = @gram)))';
}

/** The cases an arbitrator (@arb) sits on, each seat through its own index (migration 013); the dashboard filters by it too. */
export const ARBITRATOR_CASES = `SELECT case_id FROM case_tribunals WHERE presiding_id = @arb UNION SELECT case_id FROM case_tribunals WHERE member2_id = @arb
      UNION SELECT case_id FROM case_tribunals WHERE member3_id = @arb`;
/** The cases a clerk (@clerk) records. */
export const CLERK_CASES = 'SELECT case_id FROM case_tribunals WHERE clerk_id = @clerk';

/** The list's SQL for a filter: the count, and the page's ids in order (issue 13: an EXPLAIN QUERY PLAN test reads these). */
export function caseListSql(f: CaseListQuery): { count: string; ids: string; params: Record<string, unknown> } {
  const where: string[] = ["c.status <> 'discarded'"];
  const params: Record<string, unknown> = {};
  if (f.viewer) where.push(caseVisibleCondition('c.id', f.viewer, params));
  if (f.status === 'closed') where.push('EXISTS (SELECT 1 FROM case_closures x WHERE x.case_id = c.id)');
  else if (f.status) { where.push('c.status = @status'); params.status = f.status; }
  if (f.venueId) { where.push('c.venue_id = @venueId'); params.venueId = f.venueId; }
  if (f.arbitratorId) { where.push(`c.id IN (${ARBITRATOR_CASES})`); params.arb = f.arbitratorId; }
  if (f.clerkId) { where.push(`c.id IN (${CLERK_CASES})`); params.clerk = f.clerkId; }
  if (f.groupFlag) { where.push('EXISTS (SELECT 1 FROM json_each(c.group_flags) g WHERE g.value = @flag)'); params.flag = f.groupFlag; }
  if (f.collective !== undefined) { where.push('c.collective = @collective'); params.collective = f.collective ? 1 : 0; }
  if (f.cause?.trim()) { where.push("c.cause LIKE @cause ESCAPE '\\'"); params.cause = `%${likeEscape(f.cause.trim())}%`; }
  const range = (col: string, from: string | undefined, to: string | undefined, key: string) => {
    if (from) { where.push(`${col} >= @${key}From`); params[`${key}From`] = from; }
    if (to) { where.push(`${col} <= @${key}To`); params[`${key}To`] = to; }
  };
  range('c.received_date', f.receivedFrom, f.receivedTo, 'received');
  range('c.acceptance_date', f.acceptedFrom, f.acceptedTo, 'accepted');
  range('(SELECT closed_date FROM case_closures x WHERE x.case_id = c.id)', f.closedFrom, f.closedTo, 'closed');
  const q = f.query?.trim();
  if (q) where.push(caseSearchCondition(q, params));
  const w = where.join(' AND ');
  const order = `${f.sort ? `${LIST_SORT[f.sort]} ${f.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST,` : ''} coalesce(c.acceptance_date, c.received_date) DESC, c.updated_at DESC`;
  return { count: `SELECT count(*) AS n FROM cases c WHERE ${w}`, ids: `SELECT c.id FROM cases c WHERE ${w} ORDER BY ${order} LIMIT @limit OFFSET @offset`, params };
}

const PAGE_ROWS = `SELECT c.id, c.case_number, c.status, c.venue_id, v.name AS venue_name, c.received_date, c.acceptance_date, c.collective, c.group_flags, c.updated_at,
    (SELECT json_group_array(json_array(p.name, p.id_number)) FROM (SELECT name, id_number FROM parties WHERE case_id = c.id AND role = 'applicant' ORDER BY seq) p) AS applicants,
    (SELECT json_group_array(p.name) FROM (SELECT name FROM parties WHERE case_id = c.id AND role = 'respondent' ORDER BY seq) p) AS respondents,
    (SELECT count(*) FROM claims WHERE case_id = c.id) AS claim_count,
    (SELECT coalesce(sum(amount_fen), 0) FROM claims WHERE case_id = c.id) AS claim_total,
    (SELECT closed_date FROM case_closures WHERE case_id = c.id) AS closed_date
  FROM cases c JOIN venues v ON v.id = c.venue_id WHERE c.id IN (SELECT value FROM json_each(?))`;

/** One page: its ids chosen by the filter and order first (on indexes), then the columns computed for those rows only. */
export function selectCaseListPage(db: Db, f: CaseListQuery): { total: number; rows: CaseListRow[] } {
  const sql = caseListSql(f);
  const total = (stmt(db, sql.count).get(sql.params) as { n: number }).n;
  const ids = (stmt(db, sql.ids).all({ ...sql.params, limit: f.limit, offset: f.offset }) as { id: string }[]).map((r) => r.id);
  const byId = new Map(selectCaseSummaries(db, ids).map((r) => [r.id, r]));
  return { total, rows: ids.map((id) => byId.get(id)!) };
}

/** The list's columns for the given cases, in one statement (the list's page; related cases). */
export function selectCaseSummaries(db: Db, ids: string[]): CaseListRow[] {
  return stmt(db, PAGE_ROWS).all(JSON.stringify(ids)) as CaseListRow[];
}

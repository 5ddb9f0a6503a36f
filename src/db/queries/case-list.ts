import type { Db } from '../open';

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

const LIST_SORT: Record<NonNullable<CaseListQuery['sort']>, string> = {
  caseNumber: 'c.case_number', receivedDate: 'c.received_date', acceptanceDate: 'c.acceptance_date', closedDate: 'closed_date', claimTotalFen: 'claim_total', venueName: 'v.name',
};

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

export function selectCaseListPage(db: Db, f: CaseListQuery): { total: number; rows: CaseListRow[] } {
  const where: string[] = ["c.status <> 'discarded'"];
  const params: Record<string, unknown> = {};
  if (f.status === 'closed') where.push('EXISTS (SELECT 1 FROM case_closures x WHERE x.case_id = c.id)');
  else if (f.status) { where.push('c.status = @status'); params.status = f.status; }
  if (f.venueId) { where.push('c.venue_id = @venueId'); params.venueId = f.venueId; }
  if (f.arbitratorId) { where.push('EXISTS (SELECT 1 FROM case_tribunals t WHERE t.case_id = c.id AND @arb IN (t.presiding_id, t.member2_id, t.member3_id))'); params.arb = f.arbitratorId; }
  if (f.clerkId) { where.push('EXISTS (SELECT 1 FROM case_tribunals t WHERE t.case_id = c.id AND t.clerk_id = @clerk)'); params.clerk = f.clerkId; }
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
  if (q) {
    params.q = `%${likeEscape(q)}%`;
    params.qUpper = `%${likeEscape(q.toUpperCase())}%`;
    where.push(`(c.case_number LIKE @q ESCAPE '\\' OR EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND
      (p.name LIKE @q ESCAPE '\\' OR p.id_number LIKE @qUpper ESCAPE '\\' OR p.credit_code LIKE @qUpper ESCAPE '\\')))`);
  }
  const w = where.join(' AND ');
  const total = (db.prepare(`SELECT count(*) AS n FROM cases c WHERE ${w}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT c.id, c.case_number, c.status, c.venue_id, v.name AS venue_name, c.received_date, c.acceptance_date, c.collective, c.group_flags, c.updated_at,
        (SELECT json_group_array(json_array(p.name, p.id_number)) FROM (SELECT name, id_number FROM parties WHERE case_id = c.id AND role = 'applicant' ORDER BY seq) p) AS applicants,
        (SELECT json_group_array(p.name) FROM (SELECT name FROM parties WHERE case_id = c.id AND role = 'respondent' ORDER BY seq) p) AS respondents,
        (SELECT count(*) FROM claims WHERE case_id = c.id) AS claim_count,
        (SELECT coalesce(sum(amount_fen), 0) FROM claims WHERE case_id = c.id) AS claim_total,
        (SELECT closed_date FROM case_closures WHERE case_id = c.id) AS closed_date
       FROM cases c JOIN venues v ON v.id = c.venue_id WHERE ${w}
       ORDER BY ${f.sort ? `${LIST_SORT[f.sort]} IS NULL, ${LIST_SORT[f.sort]} ${f.order === 'asc' ? 'ASC' : 'DESC'},` : ''} coalesce(c.acceptance_date, c.received_date) DESC, c.updated_at DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: f.limit, offset: f.offset }) as CaseListRow[];
  return { total, rows };
}

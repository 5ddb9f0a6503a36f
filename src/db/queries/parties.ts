import type { Db } from '../open';
import { caseVisibleCondition } from './case-access';
import type { AgentRow, PartyRow } from './rows';
import { stmt } from './stmt';

export function selectPartyOfCase(db: Db, partyId: string, caseId: string): PartyRow | undefined {
  return stmt(db, 'SELECT * FROM parties WHERE id = ? AND case_id = ?').get(partyId, caseId) as PartyRow | undefined;
}

export function selectPartyNameOfCase(db: Db, partyId: string, caseId: string): Pick<PartyRow, 'name'> | undefined {
  return stmt(db, 'SELECT name FROM parties WHERE id = ? AND case_id = ?').get(partyId, caseId) as Pick<PartyRow, 'name'> | undefined;
}

/** A case's parties: applicants, respondents, third parties, each in order. */
export function selectPartyNames(db: Db, caseId: string): Pick<PartyRow, 'id' | 'name' | 'role'>[] {
  return stmt(db, "SELECT id, name, role FROM parties WHERE case_id = ? ORDER BY CASE role WHEN 'applicant' THEN 0 WHEN 'respondent' THEN 1 ELSE 2 END, seq").all(caseId) as Pick<PartyRow, 'id' | 'name' | 'role'>[];
}

/** The particulars a correction may change (services/corrections.ts CORRECTABLE); the column is never taken from input. */
export type CorrectableColumn = 'name' | 'id_number' | 'credit_code' | 'domicile' | 'service_address' | 'phone' | 'representative_name' | 'representative_title';

export function updatePartyColumn(db: Db, partyId: string, column: CorrectableColumn, value: string | null): void {
  stmt(db, `UPDATE parties SET ${column} = ? WHERE id = ?`).run(value, partyId);
}

export function selectCaseParties(db: Db, caseId: string): PartyRow[] {
  return stmt(db, 'SELECT * FROM parties WHERE case_id = ? ORDER BY role, seq').all(caseId) as PartyRow[];
}

export function insertParty(db: Db, r: PartyRow): void {
  stmt(db, `INSERT INTO parties (id, case_id, role, seq, kind, name, sex, birth_date, ethnicity, id_type, id_number, credit_code,
    domicile, service_address, phone, representative_name, representative_title, representative_kind, is_representative)
    VALUES (@id, @caseId, @role, @seq, @kind, @name, @sex, @birthDate, @ethnicity, @idType, @idNumber, @creditCode,
    @domicile, @serviceAddress, @phone, @representativeName, @representativeTitle, @representativeKind, @isRepresentative)`).run({
    id: r.id, caseId: r.case_id, role: r.role, seq: r.seq, kind: r.kind, name: r.name, sex: r.sex, birthDate: r.birth_date, ethnicity: r.ethnicity,
    idType: r.id_type, idNumber: r.id_number, creditCode: r.credit_code, domicile: r.domicile, serviceAddress: r.service_address, phone: r.phone,
    representativeName: r.representative_name, representativeTitle: r.representative_title, representativeKind: r.representative_kind, isRepresentative: r.is_representative,
  });
}

export function selectAgents(db: Db, partyId: string): Pick<AgentRow, 'name' | 'kind' | 'organisation' | 'phone' | 'user_id'>[] {
  return stmt(db, 'SELECT name, kind, organisation, phone, user_id FROM agents WHERE party_id = ? ORDER BY seq').all(partyId) as Pick<AgentRow, 'name' | 'kind' | 'organisation' | 'phone' | 'user_id'>[];
}

export function insertAgent(db: Db, r: AgentRow): void {
  stmt(db, 'INSERT INTO agents (id, party_id, seq, name, kind, organisation, phone, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(r.id, r.party_id, r.seq, r.name, r.kind, r.organisation, r.phone, r.user_id);
}

/** One test of the related-case check (issue 13, scale4): a party's ID number, an organisation's credit code, or an applicant's name against an employer. */
export type RelatedSource =
  | { kind: 'id'; idNumber: string }
  | { kind: 'code'; creditCode: string }
  | { kind: 'pair'; name: string; employer: string; code: string | null };

/** A hit of the related-case page: which source (index into the sources) found the case, and the party it found. */
export interface RelatedHitRow { case_id: string; src: number; name: string; role: string; total: number }

function relatedHits(sources: RelatedSource[], params: Record<string, unknown>): string {
  return sources.map((s, i) => {
    if (s.kind === 'id') {
      params[`v${i}`] = s.idNumber;
      return `SELECT case_id, ${i} AS src, name, role FROM parties WHERE id_number = @v${i}`;
    }
    if (s.kind === 'code') {
      params[`v${i}`] = s.creditCode;
      return `SELECT case_id, ${i} AS src, name, role FROM parties WHERE credit_code = @v${i}`;
    }
    Object.assign(params, { [`a${i}`]: s.name, [`e${i}`]: s.employer, [`c${i}`]: s.code });
    return `SELECT a.case_id, ${i} AS src, a.name, a.role FROM parties a JOIN parties e ON e.case_id = a.case_id AND e.role = 'respondent'
      WHERE a.role = 'applicant' AND a.name = @a${i} AND (e.name = @e${i} OR (e.credit_code IS NOT NULL AND e.credit_code = @c${i}))`;
  }).join('\n      UNION ALL ');
}

/**
 * The related cases of a case as one page and a count, in SQL (issue 13, scale4: the busiest employer has thousands of
 * cases; the check shows the first page and 共 N 件): the other, not discarded cases found by any source, open ones first
 * (accepted, then drafts, then the rest), newest received first; each page case's hits, to say why it matched.
 * Rows are the page's hits in page order, each carrying the total; no row when the page is empty.
 */
export function selectRelatedCasePage(db: Db, p: { self: string; sources: RelatedSource[]; limit: number; offset: number; viewer?: string | null }): RelatedHitRow[] {
  if (!p.sources.length) return [];
  const params: Record<string, unknown> = { self: p.self, limit: p.limit, offset: p.offset };
  const visible = caseVisibleCondition('k.id', p.viewer ?? null, params); // need-to-know (issue 12 item 2)
  return stmt(db, `WITH hits AS MATERIALIZED (${relatedHits(p.sources, params)}),
    cand AS MATERIALIZED (SELECT k.id, k.received_date, CASE k.status WHEN 'accepted' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END AS rank
      FROM cases k WHERE k.id IN (SELECT case_id FROM hits) AND k.status <> 'discarded' AND k.id <> @self AND ${visible}),
    page AS (SELECT id, rank, received_date FROM cand ORDER BY rank, received_date DESC, id LIMIT @limit OFFSET @offset)
    SELECT h.case_id, h.src, h.name, h.role, (SELECT count(*) FROM cand) AS total
    FROM page JOIN hits h ON h.case_id = page.id ORDER BY page.rank, page.received_date DESC, page.id, h.src`).all(params) as RelatedHitRow[];
}

/** The number of related cases (for a page past the end, which has no row to carry it). */
export function countRelatedCases(db: Db, p: { self: string; sources: RelatedSource[]; viewer?: string | null }): number {
  if (!p.sources.length) return 0;
  const params: Record<string, unknown> = { self: p.self };
  const visible = caseVisibleCondition('k.id', p.viewer ?? null, params);
  return (stmt(db, `SELECT count(*) AS n FROM cases k WHERE k.id IN (SELECT case_id FROM (${relatedHits(p.sources, params)}))
    AND k.status <> 'discarded' AND k.id <> @self AND ${visible}`).get(params) as { n: number }).n;
}


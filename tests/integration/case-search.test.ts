import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseListPage } from '../../src/api';
import { type CaseListQuery, caseListSql } from '../../src/db/queries/case-list';
import { type ServiceContext, dispatch } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { CREDIT, IDS, sampleDraft } from '../helpers/fixtures';

/**
 * Issue 13: search by name of any length, ID number, credit code, employer and case number through the indexes of
 * migration 013 (FTS5 trigram for 3 characters or more, a (name, case_id) index for 1–2); the list's order, sorts and
 * filters use indexes; pages are chosen before their columns are computed.
 */
let t: TestDb;
let ctx: ServiceContext;
beforeEach(async () => {
  t = await openTestDb();
  ctx = t.ctx(t.user('clerk1', 'clerk'));
});
afterEach(() => t.close());

const find = (q: string) => unwrap<CaseListPage>(dispatch(ctx, 'cases.list', { query: q })).items.map((i) => i.applicantNames[0]).sort();

describe('case search', () => {
  it('finds by a name of 1, 2 and 3+ characters, full and partial ID number, credit code, employer and case number', () => {
    const a = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft()));
    const accepted = unwrap<CaseDetail>(dispatch(ctx, 'cases.accept', { id: a.id, acceptanceDate: '2026-11-21' }));
    unwrap(dispatch(ctx, 'cases.saveDraft', sampleDraft({
      applicants: [{ kind: 'person', name: '欧阳小明', idNumber: IDS.wangWu, agents: [] }],
      respondents: [{ kind: 'org', name: '成都另一家公司', agents: [] }],
    })));
    expect(find('张')).toEqual(['张三']); // 1 character: a surname
    expect(find('小明')).toEqual(['欧阳小明']); // 2 characters inside a name, not only its start
    expect(find('欧阳小')).toEqual(['欧阳小明']); // 3 characters: trigram index
    expect(find('信达')).toEqual(['张三']); // 2 characters of an employer
    expect(find('信达电子有限')).toEqual(['张三']);
    expect(find('公司')).toEqual(['张三', '欧阳小明']);
    expect(find(IDS.zhangSan)).toEqual(['张三']);
    expect(find('11010519491231002x')).toEqual(['张三']); // lower-case x
    expect(find(IDS.wangWu.slice(-8))).toEqual(['欧阳小明']); // partial ID digits
    expect(find(CREDIT.xinda)).toEqual(['张三']);
    expect(find(CREDIT.xinda.toLowerCase())).toEqual(['张三']);
    expect(find(accepted.caseNumber!)).toEqual(['张三']);
    expect(find('第1号')).toEqual(['张三']);
    expect(find('%')).toEqual([]);
    expect(find('"')).toEqual([]);
    expect(find('"张三"')).toEqual([]);
    expect(find('不存在的人')).toEqual([]);
  });

  it('1–2 characters: any position of a name, ASCII letters in either case, not a case-number fragment (migration 020)', () => {
    const a = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft()));
    const accepted = unwrap<CaseDetail>(dispatch(ctx, 'cases.accept', { id: a.id, acceptanceDate: '2026-11-21' }));
    const ouyang = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft({
      applicants: [{ kind: 'person', name: '欧阳小明', idNumber: IDS.wangWu, agents: [] }],
      respondents: [{ kind: 'org', name: '成都ABC科技有限公司', agents: [] }],
    })));
    expect(find('明')).toEqual(['欧阳小明']); // the last character
    expect(find('阳小')).toEqual(['欧阳小明']); // the middle two
    expect(find('ab')).toEqual(['欧阳小明']);
    expect(find('BC')).toEqual(['欧阳小明']);
    expect(find('三')).toEqual(['张三']);
    expect(find('明欧')).toEqual([]); // not across names or around the end
    // a case number needs three characters: '1号' would match the number of most cases of a year
    expect(accepted.caseNumber).toMatch(/1号/);
    expect(find('1号')).toEqual([]);
    // the grams follow every write of the parties: a new draft's save rewrites them
    unwrap(dispatch(ctx, 'cases.saveDraft', { ...sampleDraft({ applicants: [{ kind: 'person', name: '赵六六', idNumber: IDS.zhaoLiu, agents: [] }] }), id: ouyang.id }));
    expect(find('六')).toEqual(['赵六六']);
    expect(find('明')).toEqual([]);
    expect(find('ab')).toEqual([]);
    expect((t.db.prepare('SELECT count(*) AS n FROM party_name_grams WHERE party_rowid NOT IN (SELECT rowid FROM parties)').get() as { n: number }).n).toBe(0);
    // derived data like the trigram indexes: the audit chain records the parties, not their grams
    const entities = (t.db.prepare('SELECT entities FROM audit_log ORDER BY id DESC LIMIT 1').get() as { entities: string }).entities;
    expect(entities).toContain('"parties"');
    expect(entities).not.toContain('party_name_grams');
  });

  it('follows a corrected party name (the index is kept by triggers)', () => {
    const a = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft()));
    const d = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', { ...sampleDraft({ applicants: [{ kind: 'person', name: '赵六六', idNumber: IDS.zhaoLiu, agents: [] }] }), id: a.id }));
    expect(find('赵六六')).toEqual(['赵六六']);
    expect(find('张三')).toEqual([]);
    expect(d.applicants[0]!.name).toBe('赵六六');
  });

  it('pages in a stable order with the same total, sorted by every column', () => {
    for (let i = 0; i < 7; i++) unwrap(dispatch(ctx, 'cases.saveDraft', sampleDraft({ receivedDate: `2026-11-${String(10 + i).padStart(2, '0')}` })));
    const all = unwrap<CaseListPage>(dispatch(ctx, 'cases.list', { limit: 100 })).items.map((i) => i.id);
    const paged = [0, 3, 6].flatMap((offset) => unwrap<CaseListPage>(dispatch(ctx, 'cases.list', { limit: 3, offset })).items.map((i) => i.id));
    expect(paged).toEqual(all);
    expect(unwrap<CaseListPage>(dispatch(ctx, 'cases.list', { limit: 3, offset: 6 })).total).toBe(7);
    const asc = unwrap<CaseListPage>(dispatch(ctx, 'cases.list', { sort: 'receivedDate', order: 'asc' })).items.map((i) => i.receivedDate);
    expect(asc).toEqual([...asc].sort());
    for (const sort of ['caseNumber', 'acceptanceDate', 'closedDate', 'claimTotalFen', 'venueName'] as const) {
      expect(unwrap<CaseListPage>(dispatch(ctx, 'cases.list', { sort, order: 'desc' })).items).toHaveLength(7);
    }
  });
});

describe('indexes used (EXPLAIN QUERY PLAN)', () => {
  const plan = (f: Partial<CaseListQuery>) => {
    const sql = caseListSql({ limit: 50, offset: 0, ...f });
    return (t.db.prepare(`EXPLAIN QUERY PLAN ${sql.ids}`).all({ ...sql.params, limit: 50, offset: 0 }) as { detail: string }[]).map((r) => r.detail).join('\n');
  };
  it('the default order, the sorts and the date filters read indexes, without sorting the whole table', () => {
    expect(plan({})).toMatch(/USING INDEX cases_list_order/);
    expect(plan({})).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    expect(plan({ sort: 'receivedDate', order: 'desc' })).toMatch(/USING INDEX cases_received/);
    expect(plan({ sort: 'caseNumber', order: 'desc' })).toMatch(/USING INDEX sqlite_autoindex_cases/);
    expect(plan({ receivedFrom: '2026-01-01', receivedTo: '2026-01-31' })).toMatch(/cases_received|cases_list_order/);
    expect(plan({ status: 'accepted' })).toMatch(/USING INDEX (cases_list_order|cases_status)/);
    expect(plan({ arbitratorId: 'x' })).toMatch(/case_tribunals USING (COVERING )?INDEX case_tribunals_presiding/);
  });
  it('search reads the trigram indexes (3+ characters) or the (name, case_id) index (1–2)', () => {
    expect(plan({ query: '欧阳小' })).toMatch(/party_fts VIRTUAL TABLE INDEX/);
    expect(plan({ query: '欧阳小' })).toMatch(/case_number_fts VIRTUAL TABLE INDEX/);
    expect(plan({ query: '小明' })).toMatch(/party_name_grams/);
    expect(plan({ query: '王' })).toMatch(/party_name_grams/);
    expect(plan({ query: '王' })).not.toMatch(/SCAN p\b|SCAN parties/);
    expect(plan({ query: '91350100M000100Y43' })).toMatch(/parties_credit_code/);
    expect(plan({ query: '11010519491231002x' })).toMatch(/parties_id_number/);
    // a whole case number: its unique index, not the trigram lists every case number shares
    expect(plan({ query: '温劳人仲案字〔2026〕第12号' })).toMatch(/USING INDEX sqlite_autoindex_cases_\d \(case_number=\?\)/);
    expect(plan({ query: '温劳人仲案字〔2026〕第12号' })).not.toMatch(/case_number_fts/);
  });
  it('the employer of one case, or the cases of one employer, read the parties indexes (case_employers, migration 020)', () => {
    const q = (sql: string) => (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as { detail: string }[]).map((r) => r.detail).join('\n');
    const one = q('SELECT employer_id FROM case_employers WHERE case_id = ?');
    expect(one).toMatch(/SEARCH p USING INDEX \S+ \(case_id=\?/);
    expect(one).not.toMatch(/SCAN (p|parties)\b/);
    const theirs = q('SELECT case_id FROM case_employers WHERE employer_id = ?');
    expect(theirs).toMatch(/SEARCH p USING INDEX parties_employer/);
    expect(theirs).not.toMatch(/SCAN (p|parties)\b/);
  });
});

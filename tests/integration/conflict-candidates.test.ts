import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, ConflictMatch } from '../../src/api';
import { selectCasesForConflicts } from '../../src/db/queries/consultations';
import { type ServiceContext, dispatch } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { CREDIT, IDS, sampleDraft } from '../helpers/fixtures';

/**
 * Issue 13: the conflict check reads only the cases that can hold a conflict (same ID number, same credit code, or an
 * organisation whose name contains the normalised employer name's characters in order) instead of every person on file.
 * The narrowing must not lose a match the full comparison finds.
 */
let t: TestDb;
let clerk: ServiceContext;
let lawyer: ServiceContext;
beforeEach(async () => {
  t = await openTestDb();
  clerk = t.ctx(t.user('clerk1', 'clerk'));
  lawyer = t.ctx(t.user('lawyer1', 'lawyer'));
});
afterEach(() => t.close());

const check = (q: Record<string, unknown>) => unwrap<ConflictMatch[]>(dispatch(lawyer, 'conflicts.check', q)).map((m) => m.name).sort();

describe('conflict check candidates', () => {
  it('still finds a same-sounding name at an employer written with spaces and punctuation inside its name', () => {
    unwrap<CaseDetail>(dispatch(clerk, 'cases.saveDraft', sampleDraft({
      applicants: [{ kind: 'person', name: '张伟', idNumber: IDS.wangWu, agents: [] }],
      respondents: [{ kind: 'org', name: '成都 信达·电子（温江）有限公司', agents: [] }],
    })));
    unwrap<CaseDetail>(dispatch(clerk, 'cases.saveDraft', sampleDraft({
      applicants: [{ kind: 'person', name: '章伟', idNumber: IDS.zhaoLiu, agents: [] }],
      respondents: [{ kind: 'org', name: '另一家餐饮有限公司', agents: [] }],
    })));
    // normalised: 信达电子温江 — the characters in order, with a space, a middle dot and brackets between them
    expect(check({ personName: '章伟', employerName: '信达电子（温江）有限公司' })).toEqual(['张伟']);
    expect(check({ personName: '章伟', employerName: '某公司', employerAlias: '信达电子温江' })).toEqual(['张伟']);
    expect(check({ personName: '章伟', employerName: '信达电器有限公司' })).toEqual([]);
    // by credit code, by ID number alone
    unwrap<CaseDetail>(dispatch(clerk, 'cases.saveDraft', sampleDraft()));
    expect(check({ personName: '章三', creditCode: CREDIT.xinda })).toEqual(['张三']);
    expect(check({ personName: '某人', idNumber: IDS.zhaoLiu })).toEqual(['章伟']);
  });

  it('selects name candidates through the gram table (migration 020), not a scan of every party', () => {
    const spy: string[] = [];
    const prepare = t.db.prepare.bind(t.db);
    (t.db as unknown as { prepare: (s: string) => unknown }).prepare = (s: string) => { spy.push(s); return prepare(s); };
    try { selectCasesForConflicts(t.db, { idNumber: null, credit: null, names: ['信达电子温江'], excludeId: null }); } finally {
      (t.db as unknown as { prepare: unknown }).prepare = prepare;
    }
    const sql = spy.find((s) => s.includes('party_name_grams'))!;
    expect(sql).toBeTruthy();
    const params = { id: null, credit: null, exclude: null, n0: '%信%达%电%子%温%江%', ...Object.fromEntries([...'信达电子温江'].map((ch, j) => [`n0c${j}`, ch])) };
    const plan = (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/party_name_grams/);
    expect(plan).not.toMatch(/SCAN parties( |$)/m);
  });
});

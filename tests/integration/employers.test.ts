import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, ConsultationView, UserView } from '../../src/api';
import { MIGRATIONS } from '../../src/db/migrations';
import { openDatabase } from '../../src/db/open';
import { dispatch } from '../../src/services';
import { type TestDb, openTestDb, tempDir, unwrap } from '../helpers/db';
import { COMMISSION_VENUE, CREDIT, sampleDraft } from '../helpers/fixtures';

/** The employer register's core (issue 16 item 1): migration 016, backfill, linking on filing, correction and consultation. */

describe('migration 016 backfill', () => {
  it('creates one employer per credit code, else per exact name, links parties and consultations, and resolves a case to its first respondent org', async () => {
    const file = path.join(tempDir(), 'desk.sqlite');
    const old = await openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 11) });
    const u = '0000000000000000000000000000u001';
    old.prepare("INSERT INTO users (id, username, display_name, role, created_at, updated_at) VALUES (?, 'old', '旧', 'clerk', 'x', 'x')").run(u);
    const kase = (id: string, at: string) => old.prepare("INSERT INTO cases (id, status, venue_id, received_date, created_at, created_by, updated_at, updated_by) VALUES (?, 'draft', ?, '2026-01-05', ?, ?, ?, ?)")
      .run(id, COMMISSION_VENUE, at, u, at, u);
    const party = (id: string, caseId: string, role: string, seq: number, kind: string, name: string, code: string | null) =>
      old.prepare('INSERT INTO parties (id, case_id, role, seq, kind, name, credit_code) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, caseId, role, seq, kind, name, code);
    kase('c1', '2026-01-05T01:00:00Z');
    kase('c2', '2026-01-06T01:00:00Z');
    kase('c3', '2026-01-07T01:00:00Z');
    party('p1', 'c1', 'applicant', 0, 'person', '张三', null);
    party('p2', 'c1', 'respondent', 0, 'org', '成都信达电子有限公司', CREDIT.xinda);
    party('p3', 'c2', 'respondent', 0, 'org', '信达电子（更名前）', CREDIT.xinda);
    party('p4', 'c3', 'respondent', 0, 'person', '包工头王某', null);
    party('p5', 'c3', 'respondent', 1, 'org', '温江某建筑劳务队', null);
    party('p6', 'c3', 'respondent', 2, 'org', '成都信达电子有限公司', CREDIT.xinda);
    old.prepare(`INSERT INTO consultations (id, window, channel, arrived_at, person_name, employer_name, employer_alias, dispute_type, summary, created_at, created_by, updated_at)
      VALUES ('q1', 'migrant', 'walk_in', '2026-01-08T01:00:00Z', '李四', '温江某建筑劳务队', '劳务队', 'wages', '欠薪', 'x', ?, 'x')`).run(u);
    old.close();

    const db = await openDatabase(file);
    const employers = db.prepare('SELECT id, name, credit_code FROM employers ORDER BY name').all() as { id: string; name: string; credit_code: string | null }[];
    expect(employers.map((e) => [e.name, e.credit_code])).toEqual([['成都信达电子有限公司', CREDIT.xinda], ['温江某建筑劳务队', null]]);
    const xinda = employers.find((e) => e.credit_code)!.id;
    const team = employers.find((e) => !e.credit_code)!.id;
    expect(db.prepare("SELECT id, employer_id FROM parties ORDER BY id").all()).toEqual([
      { id: 'p1', employer_id: null }, { id: 'p2', employer_id: xinda }, { id: 'p3', employer_id: xinda }, { id: 'p4', employer_id: null },
      { id: 'p5', employer_id: team }, { id: 'p6', employer_id: xinda },
    ]);
    expect(db.prepare("SELECT employer_id FROM consultations WHERE id = 'q1'").get()).toEqual({ employer_id: team });
    expect(db.prepare('SELECT alias FROM employer_aliases WHERE employer_id = ?').all(team)).toEqual([{ alias: '劳务队' }]);
    // the first respondent *org* party of c3 is the labour team, not the person before it nor the company after it
    expect(db.prepare('SELECT case_id, employer_id, sector FROM case_employers ORDER BY case_id').all()).toEqual([
      { case_id: 'c1', employer_id: xinda, sector: null }, { case_id: 'c2', employer_id: xinda, sector: null }, { case_id: 'c3', employer_id: team, sector: null },
    ]);
    // a merge is followed to the survivor
    db.prepare("UPDATE employers SET merged_into = ?, sector = 'construction' WHERE id = ?").run(xinda, team);
    db.prepare("UPDATE employers SET sector = 'construction' WHERE id = ?").run(xinda);
    expect(db.prepare("SELECT employer_id, sector FROM case_employers WHERE case_id = 'c3'").get()).toEqual({ employer_id: xinda, sector: 'construction' });
    db.close();
  });
});

describe('linking in the write path', () => {
  let t: TestDb;
  let clerk: UserView;
  let window1: UserView;
  beforeEach(async () => {
    t = await openTestDb();
    clerk = t.user('clerk1', 'clerk');
    window1 = t.user('window1', 'window');
  });
  afterEach(() => t.close());
  const employerOfParty = (partyId: string) => (t.db.prepare('SELECT employer_id FROM parties WHERE id = ?').get(partyId) as { employer_id: string | null }).employer_id;
  const count = () => (t.db.prepare('SELECT COUNT(*) AS n FROM employers').get() as { n: number }).n;

  it('links filing, consultation and correction to one record: by credit code, else name or alias; creates one otherwise', () => {
    const c = unwrap<CaseDetail>(dispatch(t.ctx(clerk), 'cases.saveDraft', sampleDraft()));
    const resp = c.respondents[0]!;
    const xinda = employerOfParty(resp.id)!;
    expect(xinda).toMatch(/^[0-9a-f]{32}$/);
    expect(c.applicants.map((a) => employerOfParty(a.id))).toEqual([null, null]);
    expect(t.db.prepare('SELECT employer_id FROM case_employers WHERE case_id = ?').get(c.id)).toEqual({ employer_id: xinda });

    // a consultation naming the employer by its alias only, then one by another name but the same code
    const q = (over: Record<string, unknown>) => unwrap<ConsultationView>(dispatch(t.ctx(window1), 'consultations.create', {
      window: 'migrant', personName: '王五', disputeType: 'wages', summary: '欠薪', ...over,
    }));
    const q1 = q({ employerName: '成都信达电子有限公司', employerAlias: '信达' });
    const q2 = q({ employerName: '信达' });
    const q3 = q({ employerName: '信达电子公司', employerCreditCode: CREDIT.xinda });
    const q4 = q({ employerName: '温江某建筑劳务队' });
    const ofQ = (id: string) => (t.db.prepare('SELECT employer_id FROM consultations WHERE id = ?').get(id) as { employer_id: string }).employer_id;
    expect([ofQ(q1.id), ofQ(q2.id), ofQ(q3.id)]).toEqual([xinda, xinda, xinda]);
    expect(ofQ(q4.id)).not.toBe(xinda);
    expect(count()).toBe(2);
    // the write is inside the operation's audit entry
    const entry = t.db.prepare("SELECT entities FROM audit_log WHERE action = 'consultations.create' ORDER BY rowid DESC LIMIT 1").get() as { entities: string };
    expect(entry.entities).toContain('"employers"');

    // after acceptance a correction of the respondent's name and code relinks it
    unwrap(dispatch(t.ctx(clerk), 'cases.accept', { id: c.id, acceptanceDate: '2026-11-20' }));
    const arb = t.user('arb1', 'arbitrator');
    const r = dispatch(t.ctx(arb), 'parties.correct', { caseId: c.id, partyId: resp.id, changes: { name: '温江某建筑劳务队', creditCode: '' }, reason: '申请书名称有误', correctedDate: '2026-11-20' });
    expect(r.ok).toBe(true);
    expect(employerOfParty(resp.id)).toBe(ofQ(q4.id));
    expect(count()).toBe(2);
  });

  it('a failed filing links nothing (same transaction)', () => {
    const bad = dispatch(t.ctx(clerk), 'cases.saveDraft', sampleDraft({ venueId: 'nope', respondents: [{ kind: 'org', name: '不应留下的公司', agents: [] }] }));
    expect(bad.ok).toBe(false);
    expect(count()).toBe(0);
  });
});

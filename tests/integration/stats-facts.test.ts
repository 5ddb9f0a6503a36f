import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, LedgerImportReport, OfficialReport, Proceedings, UserView } from '../../src/api';
import { FACTS_VERSION, factsCurrent, selectStoredAndLiveFacts } from '../../src/db/queries/stats';
import { dispatch, dispatchAsync } from '../../src/services';
import { rebuildStatisticsFacts } from '../../src/services/stats-facts';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { sampleDraft } from '../helpers/fixtures';
import { decideAndIssueSampleAward } from '../helpers/outcomes';

/**
 * Issue 15 item 8: the stored per-case facts (migration 021) are kept in the write transaction. After every step of a
 * sequence of real operations — drafts, acceptance, a refusal, claims decided and an award issued, served and closed, a
 * refused closing, a party's correction, the ledger import — the stored table equals the facts computed
 * from scratch from the records, and the report read from it equals the report computed from the records.
 */
let t: TestDb;
let arb: UserView;
let clerk: UserView;
const at = (today: string, user = clerk) => ({ ...t.ctx(user), now: () => new Date(`${today}T04:00:00Z`) });
const PERIOD = { from: '2026-01-01', to: '2026-12-31', compareFrom: '2025-01-01', compareTo: '2025-12-31' };

function expectFactsCurrent(step: string) {
  expect(factsCurrent(t.db), step).toBe(true);
  const { stored, live } = selectStoredAndLiveFacts(t.db);
  expect(stored, step).toEqual(live);
  // the report read from the stored facts equals the report computed from the records (the table marked stale)
  const fromTable = unwrap<OfficialReport>(dispatch(at('2026-12-31'), 'stats.official', PERIOD));
  t.db.prepare('UPDATE case_facts_meta SET version = NULL').run();
  const fromRecords = unwrap<OfficialReport>(dispatch(at('2026-12-31'), 'stats.official', PERIOD));
  t.db.prepare('UPDATE case_facts_meta SET version = ?').run(FACTS_VERSION);
  expect(fromTable, step).toEqual(fromRecords);
  return stored.length;
}

function accepted(received: string, acceptance: string, over = {}) {
  const d = unwrap<CaseDetail>(dispatch(at(acceptance), 'cases.saveDraft', sampleDraft({ receivedDate: received, ...over })));
  const c = unwrap<CaseDetail>(dispatch(at(acceptance), 'cases.accept', { id: d.id, acceptanceDate: acceptance }));
  unwrap(dispatch(at(acceptance), 'cases.compose', { id: c.id, mode: 'sole', presidingId: arb.id, memberIds: [], clerkId: clerk.id, composedDate: acceptance }));
  return c;
}

beforeAll(async () => {
  t = await openTestDb();
  arb = t.user('arb1', 'arbitrator');
  clerk = t.user('clerk1', 'clerk');
});
afterAll(() => t.close());

describe('stored statistics facts', () => {
  it('are not read before they are built, and the first write builds them', () => {
    t.db.prepare('UPDATE case_facts_meta SET version = NULL').run();
    expect(factsCurrent(t.db)).toBe(false);
    unwrap(dispatch(t.ctx(t.admin), 'venues.create', { name: '东城巡回仲裁庭', kind: 'circuit' }));
    expect(expectFactsCurrent('first write')).toBe(0);
  });

  it('equal a from-scratch recomputation after every step of real operations', async () => {
    const draft = unwrap<CaseDetail>(dispatch(at('2026-03-01'), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-03-01' })));
    expect(expectFactsCurrent('draft')).toBe(0); // drafts are not counted
    const refused = unwrap<CaseDetail>(dispatch(at('2026-03-02'), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-03-01' })));
    unwrap(dispatch(at('2026-03-03'), 'cases.notAccept', { id: refused.id, decisionDate: '2026-03-03', reasonCode: 'out_of_scope', reasonText: '承揽关系' }));
    expect(expectFactsCurrent('refused')).toBe(0);

    const a = accepted('2026-03-01', '2026-03-03');
    void draft;
    expect(expectFactsCurrent('accepted')).toBe(1);
    const b = accepted('2026-04-01', '2026-04-02');
    // a withdrawal needs its 决定书 first: refused, and nothing changes
    expect(dispatch(at('2026-04-20'), 'cases.close', { caseId: b.id, method: 'withdrawal', closedDate: '2026-04-20' }).ok).toBe(false);
    expect(expectFactsCurrent('refused closing')).toBe(2);

    const c = accepted('2026-09-01', '2026-09-02');
    await decideAndIssueSampleAward(at('2026-10-10', arb), c, '2026-10-10');
    expect(expectFactsCurrent('claims decided and award issued')).toBe(3);
    const docs = unwrap<Proceedings>(dispatch(at('2026-10-12'), 'cases.proceedings', { id: c.id })).documents;
    for (const d of docs.filter((x) => x.kind === 'award')) {
      for (const p of [...c.applicants, ...c.respondents]) unwrap(dispatch(at('2026-10-12'), 'documents.serve', { documentId: d.id, partyId: p.id, method: 'direct', sentDate: '2026-10-12', receiptDate: '2026-10-12' }));
    }
    unwrap(dispatch(at('2026-10-13'), 'cases.close', { caseId: c.id, method: 'award', closedDate: '2026-10-13' }));
    const n = expectFactsCurrent('closed by award');
    expect(n).toBe(3);
    const row = selectStoredAndLiveFacts(t.db).stored.find((r) => r['case_id'] === c.id)!;
    expect(row).toMatchObject({ manner: 'award', closed: '2026-10-13', result: 'both', decided: 3 });

    // a correction of a party (the workers counted come from the parties)
    unwrap(dispatch(at('2026-05-01'), 'parties.correct', { caseId: a.id, partyId: a.applicants[1]!.id, changes: { domicile: '新地址' }, reason: '笔误', correctedDate: '2026-05-01' }));
    expectFactsCurrent('party corrected');

    const hist = fs.readFileSync(path.join(__dirname, '../fixtures/ledger/history.jsonl'));
    const r = unwrap<LedgerImportReport>(await dispatchAsync(at('2026-11-30'), 'ledger.import', { fileName: 'history.jsonl', format: 'jsonl', contentBase64: hist.toString('base64'), dryRun: false }));
    expect(r.imported).toBe(true);
    expect(expectFactsCurrent('ledger imported')).toBe(3 + 15);

    // the rebuild (bulk loads, repairs) writes the same rows
    const before = selectStoredAndLiveFacts(t.db).stored;
    expect(rebuildStatisticsFacts(t.db)).toBe(18);
    expect(selectStoredAndLiveFacts(t.db).stored).toEqual(before);
  }, 120_000);
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskIndicators, IndicatorDrillView, LedgerImportReport, OfficialDrill, UserView } from '../../src/api';
import { dispatch, dispatchAsync } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';

/**
 * Issue 15 item 4: every figure of 工作指标 drills down to exactly the records it counts. Over the hand-computed ledger
 * fixture plus consultations and legal-aid applications made through the real operations, each figure's drill-down has
 * as many records as the figure, and for the hand-known ones exactly those records.
 */
const FIXTURE = path.join(__dirname, '../fixtures/ledger/history.jsonl');
let t: TestDb;
let clerk: UserView;
const at = (today = '2026-11-30', user = clerk) => ({ ...t.ctx(user), now: () => new Date(`${today}T04:00:00Z`) });
const Y25 = { from: '2025-01-01', to: '2025-12-31' };
const Y26 = { from: '2026-01-01', to: '2026-12-31' };
const drill = (p: { from: string; to: string }, indicator: string, dimension?: string, key?: string) =>
  unwrap<IndicatorDrillView>(dispatch(at(), 'stats.indicatorDrill', { ...p, indicator, ...(dimension ? { dimension } : {}), ...(key ? { key } : {}) }));

beforeAll(async () => {
  t = await openTestDb();
  clerk = t.user('clerk1', 'clerk');
  const desk = t.user('window1', 'window');
  unwrap(dispatch(t.ctx(t.admin), 'venues.create', { name: '东城巡回仲裁庭', kind: 'circuit' }));
  const r = unwrap<LedgerImportReport>(await dispatchAsync(at(), 'ledger.import', { fileName: 'history.jsonl', format: 'jsonl', contentBase64: fs.readFileSync(FIXTURE).toString('base64'), dryRun: false }));
  expect(r.imported).toBe(true);
  // three consultations in 2026 at different windows and groups, one in 2025 (outside the period)
  const consult = (window: string, personName: string, groupFlags: string[], arrivedAt: string) =>
    unwrap<{ id: string }>(dispatch({ ...t.ctx(desk), now: () => new Date(Date.parse(arrivedAt) + 3_600_000) }, 'consultations.create', { window, personName, disputeType: 'wages', summary: '欠薪', groupFlags, arrivedAt }));
  consult('migrant', '赵一', ['migrant_worker'], '2026-03-02T01:00:00.000Z');
  consult('migrant', '赵二', ['migrant_worker', 'injured_worker'], '2026-04-02T01:00:00.000Z');
  consult('female', '钱三', ['three_period_female'], '2026-05-02T01:00:00.000Z');
  consult('general', '孙四', [], '2025-12-31T17:00:00.000Z'); // 2026-01-01 01:00 in Beijing: counted in 2026
  consult('general', '李五', [], '2025-12-31T15:00:00.000Z'); // 2025-12-31 23:00 in Beijing: not 2026
});
afterAll(() => t.close());

describe('indicator drill-downs', () => {
  it('every figure of 2026 and 2025 lists as many records as it counts', () => {
    for (const p of [Y25, Y26]) {
      const d = unwrap<DeskIndicators>(dispatch(at(), 'stats.indicators', p));
      expect(drill(p, 'consultations').rows).toHaveLength(d.consultations.total);
      for (const w of d.consultations.byWindow) expect(drill(p, 'consultations', 'window', w.key).rows, w.label).toHaveLength(w.count);
      for (const w of d.consultations.byChannel) expect(drill(p, 'consultations', 'channel', w.key).rows, w.label).toHaveLength(w.count);
      for (const w of d.consultations.byGroup) expect(drill(p, 'consultations', 'group', w.key).rows, w.label).toHaveLength(w.count);
      for (const m of d.mediations) {
        expect(drill(p, 'mediations', 'invited', m.organisation).rows).toHaveLength(m.invited);
        expect(drill(p, 'mediations', 'succeeded', m.organisation).rows).toHaveLength(m.succeeded);
        expect(drill(p, 'mediations', 'failed', m.organisation).rows).toHaveLength(m.failed);
      }
      expect(drill(p, 'mediations', 'invited').rows).toHaveLength(d.mediationTotal.invited);
      expect(drill(p, 'mediations', 'succeeded').rows).toHaveLength(d.mediationTotal.succeeded);
      for (const w of d.wageArrears) {
        const rows = drill(p, 'wageArrears', undefined, w.sector).rows;
        expect(rows, w.label).toHaveLength(w.cases);
        expect(rows.reduce((s, r) => s + r.people!, 0)).toBe(w.workers);
        expect(rows.reduce((s, r) => s + r.amountYuan!, 0)).toBe(w.amountYuan);
      }
      for (const m of ['received', 'approved', 'refused', 'pending'] as const) expect(drill(p, 'legalAid', m).rows).toHaveLength(d.legalAid[m]);
      for (const s of d.satisfaction) {
        expect(drill(p, 'satisfaction', s.subject).rows).toHaveLength(s.total);
        for (const r of ['satisfied', 'basic', 'unsatisfied'] as const) expect(drill(p, 'satisfaction', s.subject, r).rows).toHaveLength(s[r]);
      }
      // circuit tribunals: the official table's by-venue drill-down
      for (const c of d.circuits) {
        const o = unwrap<OfficialDrill>(dispatch(at(), 'stats.drill', { ...p, key: 'accepted', venueId: c.venueId }));
        expect(o.cases).toHaveLength(c.cases);
        expect(o.cases.reduce((s, r) => s + r.workers, 0)).toBe(c.workers);
      }
    }
  });

  it('lists exactly the hand-known records', () => {
    const d = unwrap<DeskIndicators>(dispatch(at(), 'stats.indicators', Y26));
    expect(d.consultations.total).toBe(4);
    expect(drill(Y26, 'consultations').rows.map((r) => r.subject)).toEqual(['孙四', '赵一', '赵二', '钱三']);
    expect(drill(Y26, 'consultations', 'window', 'migrant').rows.map((r) => r.subject)).toEqual(['赵一', '赵二']);
    expect(drill(Y26, 'consultations', 'group', 'injured_worker').rows.map((r) => r.subject)).toEqual(['赵二']);
    expect(drill(Y25, 'consultations').rows.map((r) => r.subject)).toEqual(['李五']);
    // 2025 wage arrears (cause 劳动报酬): 2025/2, 3, 5, 6, 7 split by the employers' sectors
    const y25 = unwrap<DeskIndicators>(dispatch(at(), 'stats.indicators', Y25));
    const all = y25.wageArrears.flatMap((w) => drill(Y25, 'wageArrears', undefined, w.sector).rows.map((r) => r.subject)).sort();
    expect(all).toEqual([2, 3, 5, 6, 7].map((n) => `东劳人仲案字〔2025〕${n}号`).sort());
    // the kinds are written in Chinese, not as codes
    expect(drill(Y25, 'mediations', 'invited').rows.map((r) => r.kind)).toEqual(['东城劳动争议调解工作室·调解不成']);
    for (const r of [...drill(Y26, 'consultations').rows, ...drill(Y25, 'satisfaction', 'case').rows]) expect(r.kind).not.toMatch(/[a-z]/);
    // bad input: a clear message and nothing listed
    expect(dispatch(at(), 'stats.indicatorDrill', { ...Y26, indicator: 'wageArrears', key: 'mining' })).toMatchObject({ ok: false, error: { message: '没有这一工作指标' } });
    expect(dispatch(at(), 'stats.indicatorDrill', { ...Y26, indicator: 'weather' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, CollectiveRosterView, DocumentFile, ExportFile, MediationView, Proceedings, RosterCheck, UserView } from '../../src/api';
import { demoRoster } from '../../src/cli/demo-data';
import { formatFen, maskIdNumber } from '../../src/domain';
import { dispatch, dispatchAsync } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { docxXml, flat, pdfText } from '../helpers/documents';
import { sampleDraft } from '../helpers/fixtures';
import { rosterXlsx } from '../helpers/roster';

/**
 * Collective cases (issue 16 item 6): the roster imported from XLSX with row-level errors and all-or-nothing, the
 * representatives, the workers counted by the statistics view, per-worker results and the award's annex read back.
 */
let t: TestDb;
let arb: UserView;
let clerk: UserView;
let members: UserView[];
beforeEach(async () => {
  t = await openTestDb();
  arb = t.user('arb1', 'arbitrator');
  clerk = t.user('clerk1', 'clerk');
  members = [t.user('arb2', 'arbitrator'), t.user('arb3', 'arbitrator')];
});
afterEach(() => t.close());

const at = (today: string, user = clerk) => ({ ...t.ctx(user), now: () => new Date(`${today}T04:00:00Z`) });
const roster169 = demoRoster(169);
const sum = (rows: typeof roster169) => rows.reduce((s, r) => s + r.amountFen!, 0);
const total = sum(roster169);

function collectiveCase(claimFen = total): CaseDetail {
  const d = unwrap<CaseDetail>(dispatch(at('2026-11-02'), 'cases.saveDraft', sampleDraft({
    receivedDate: '2026-10-30', collective: true, workerCount: 169,
    claims: [{ type: 'wages', amountFen: claimFen, periodStart: '2026-03-01', periodEnd: '2026-08-31', text: '支付全体劳动者拖欠工资' }],
  })));
  const c = unwrap<CaseDetail>(dispatch(at('2026-11-02'), 'cases.accept', { id: d.id, acceptanceDate: '2026-11-02' }));
  unwrap(dispatch(at('2026-11-02'), 'cases.compose', { id: c.id, mode: 'panel', presidingId: arb.id, memberIds: members.map((m) => m.id), clerkId: clerk.id, composedDate: '2026-11-02' }));
  return c;
}
const parse = async (caseId: string, file: Buffer) => unwrap<RosterCheck>(await dispatchAsync(at('2026-11-03'), 'collective.parseRoster', { caseId, base64: file.toString('base64') }));
const workersCounted = (caseId: string) => (t.db.prepare('SELECT workers FROM case_worker_counts WHERE case_id = ?').get(caseId) as { workers: number }).workers;

describe('the roster of a collective case', () => {
  const roster = roster169;
  it('reports every bad row in Chinese before writing, and imports all rows or none', async () => {
    const c = collectiveCase();
    // the template reads back as an empty roster, refused as below the 10-worker threshold
    const tpl = unwrap<ExportFile>(await dispatchAsync(at('2026-11-03'), 'collective.template', {}));
    expect((await parse(c.id, Buffer.from(tpl.base64, 'base64'))).errors.map((e) => e.message)).toEqual([expect.stringContaining('集体争议须有10人以上劳动者（《劳动争议调解仲裁法》第七条）')]);

    const rows: Record<string, string | number | undefined>[] = roster.slice(0, 12).map(({ amountFen, ...r }) => ({ ...r, amount: (amountFen! / 100).toFixed(2) }));
    rows[1] = { ...rows[1], idNumber: `${String(rows[1]!.idNumber).slice(0, 17)}${String(rows[1]!.idNumber).endsWith('1') ? '2' : '1'}` }; // row 3: check digit
    rows[4] = { ...rows[4], idNumber: rows[0]!.idNumber }; // row 6: duplicate of row 2
    rows[6] = { ...rows[6], name: '' }; // row 8: no name
    rows[9] = { ...rows[9], amount: '八千元' }; // row 11: not a number
    const check = await parse(c.id, await rosterXlsx(rows));
    expect(check.rows).toHaveLength(12);
    expect(check.errors.map((e) => e.row)).toEqual([3, 6, 8, 11]);
    expect(check.errors.map((e) => e.message)).toEqual([
      '第3行：居民身份证号码校验位错误，请核对（GB 11643）', '第6行：公民身份号码与第2行重复', '第8行：未填写姓名', expect.stringMatching(/^第11行：欠付金额.*数字/),
    ]);
    // the import re-checks the rows itself: nothing is written
    const refused = dispatch(at('2026-11-03'), 'collective.importRoster', { caseId: c.id, rows: check.rows });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/^名册有\d处错误，未导入任何一行：第3行/);
    expect(unwrap<CollectiveRosterView>(dispatch(at('2026-11-03'), 'collective.roster', { caseId: c.id })).workers).toBe(0);
    expect(workersCounted(c.id)).toBe(2); // no roster: the applicant person parties
  });

  it('imports 169 workers; lists a page at a time with ID numbers masked; the statistics view counts the workers; 3 to 5 representatives', async () => {
    const c = collectiveCase();
    const check = await parse(c.id, await rosterXlsx(roster));
    expect(check.errors).toEqual([]);
    expect(check.totalFen).toBe(total);
    const v = unwrap<CollectiveRosterView>(dispatch(at('2026-11-03'), 'collective.importRoster', { caseId: c.id, rows: check.rows }));
    expect([v.workers, v.countedWorkers, v.claimedFen, v.items.length, v.total]).toEqual([169, 169, total, 50, 169]);
    expect(workersCounted(c.id)).toBe(169);
    const page4 = unwrap<CollectiveRosterView>(dispatch(at('2026-11-03'), 'collective.roster', { caseId: c.id, limit: 50, offset: 150 }));
    expect(page4.items.map((w) => w.seq)).toEqual(Array.from({ length: 19 }, (_, i) => 151 + i));
    expect(page4.items[0]!.idNumberMasked).toBe(maskIdNumber(roster[150]!.idNumber));
    expect(JSON.stringify(page4)).not.toContain(roster[150]!.idNumber);
    const found = unwrap<CollectiveRosterView>(dispatch(at('2026-11-03'), 'collective.roster', { caseId: c.id, query: roster[77]!.idNumber }));
    expect(found.items.map((w) => w.seq)).toEqual([78]);

    const ids = v.items.slice(0, 3).map((w) => w.id);
    const two = dispatch(at('2026-11-03'), 'collective.representatives', { caseId: c.id, workerIds: ids.slice(0, 2), electedDate: '2026-11-03', authorisation: '推举书' });
    expect(two.ok ? '' : two.error.message).toContain('应推举3至5名代表（《劳动人事争议仲裁办案规则》第六十三条）');
    const reps = unwrap<CollectiveRosterView>(dispatch(at('2026-11-03'), 'collective.representatives', { caseId: c.id, workerIds: ids, electedDate: '2026-11-03', authorisation: '全体劳动者签名的推举书；特别授权' }));
    expect(reps.representatives.map((r) => r.seq)).toEqual([1, 2, 3]);
  });
});

describe('the award of a collective case', () => {
  // 60 workers keep this file fast; the browser test reads back the 169-worker award, the benchmark renders 500
  const roster = roster169.slice(0, 60);
  const total = sum(roster);
  it('carries an annex of every worker and amount, header repeated on every page (PDF and DOCX), total equal to the sum', async () => {
    const c = collectiveCase(total);
    unwrap(dispatch(at('2026-11-03'), 'collective.importRoster', { caseId: c.id, rows: roster }));
    const a = at('2026-12-01', arb);
    unwrap(dispatch(a, 'claims.decide', { claimId: c.claims[0]!.id, result: 'supported', amountFen: total, order: '被申请人于本裁决书生效之日起十日内支付附件所列劳动者拖欠的工资', reasoning: '用人单位应当及时足额支付劳动报酬。', articles: '《劳动合同法》第三十条', finalityType: 'wages', decidedDate: '2026-12-01' }));
    unwrap(dispatch(a, 'award.saveDraft', { caseId: c.id, procedure: 'ordinary', appearance: '双方均到庭。', applicantStatement: '被申请人拖欠工资。', respondentDefence: '无异议。', factsFound: '被申请人欠付169名劳动者工资。', reasoning: '应当支付。' }));
    unwrap(dispatch(a, 'cases.paperReview', { caseId: c.id, decidedDate: '2026-12-01', reason: '双方同意书面审理' }));
    // no per-worker results yet: refused, naming what is missing
    const none = await dispatchAsync(a, 'award.issue', { caseId: c.id, awardDate: '2026-12-01' });
    expect(none.ok ? '' : none.error.message).toContain('60人尚未登记逐人裁决结果');
    unwrap(dispatch(a, 'collective.results', { caseId: c.id, kind: 'award', fillFromClaims: true }));
    // one worker's amount lowered: the annex no longer adds up to the award, refused
    const w1 = unwrap<CollectiveRosterView>(dispatch(a, 'collective.roster', { caseId: c.id, limit: 1 })).items[0]!;
    unwrap(dispatch(a, 'collective.results', { caseId: c.id, kind: 'award', results: [{ workerId: w1.id, amountFen: w1.claimedFen - 100 }] }));
    const off = await dispatchAsync(a, 'award.issue', { caseId: c.id, awardDate: '2026-12-01' });
    expect(off.ok ? '' : off.error.message).toContain(`附件名单的裁决金额合计${formatFen(total - 100)}与裁决支持的金额合计${formatFen(total)}不一致`);
    unwrap(dispatch(a, 'collective.results', { caseId: c.id, kind: 'award', results: [{ workerId: w1.id, amountFen: w1.claimedFen }] }));
    unwrap(await dispatchAsync(a, 'award.issue', { caseId: c.id, awardDate: '2026-12-01' }));

    const doc = unwrap<Proceedings>(dispatch(a, 'cases.proceedings', { id: c.id })).documents.find((d) => d.kind === 'award')!;
    const pdf = Buffer.from(unwrap<DocumentFile>(dispatch(a, 'documents.file', { documentId: doc.id, format: 'pdf' })).base64, 'base64');
    const text = pdfText(pdf);
    const pages = text.split('\f').filter((p) => p.trim());
    const first = pages.findIndex((p) => p.includes('附件：劳动者名单及裁决金额'));
    expect(first).toBeGreaterThan(0);
    const annexPages = pages.slice(first);
    expect(annexPages.length).toBeGreaterThanOrEqual(3);
    // the header row on every page of the annex (pdftotext may read the columns in another order)
    for (const p of annexPages) for (const h of ['序号', '姓名', '公民身份号码', '事项', '金额（元）']) expect(flat(p)).toContain(h);
    // every worker with full ID number and amount, each amount whole on one line
    const lines = annexPages.join('\n').split('\n').map((l) => l.trim());
    const flatAnnex = flat(annexPages.join(''));
    for (const r of roster) {
      expect(flatAnnex).toContain(r.idNumber);
      expect(flatAnnex).toContain(r.name);
      expect(lines).toContain(formatFen(r.amountFen!).slice(1));
    }
    const printed = lines.filter((l) => /^\d{1,3}(,\d{3})*\.\d{2}$/.test(l)).map((l) => Math.round(Number(l.replace(/,/g, '')) * 100));
    expect(printed.slice(0, -1).reduce((s, x) => s + x, 0)).toBe(printed.at(-1));
    expect(printed.at(-1)).toBe(total);
    expect(flatAnnex).toContain(`本附件列明劳动者共60人，金额合计人民币${formatFen(total).slice(1)}元`);
    expect(flat(pages.slice(0, first).join(''))).toContain('本案涉及劳动者共60人，每一名劳动者的事项及金额见附件《劳动者名单及裁决金额》');

    const docx = Buffer.from(unwrap<DocumentFile>(dispatch(a, 'documents.file', { documentId: doc.id, format: 'docx' })).base64, 'base64');
    const xml = await docxXml(docx);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml).toContain(roster[59]!.idNumber);

    // the annex is part of the record now: results and roster are fixed
    const late = dispatch(a, 'collective.results', { caseId: c.id, kind: 'award', fillFromClaims: true });
    expect(late.ok ? '' : late.error.message).toBe('裁决书已签发，附件中的逐人裁决结果不得更改');
    const reimport = dispatch(at('2026-12-01'), 'collective.importRoster', { caseId: c.id, rows: roster });
    expect(reimport.ok ? '' : reimport.error.message).toContain('不能再更换名册');
  });
});

describe('the 调解书 of a collective case', () => {
  it('carries the annex of every worker and agreed amount; refused while the annex does not add up to the agreement', async () => {
    const roster = roster169.slice(0, 12);
    const total = sum(roster);
    const c = collectiveCase(total);
    unwrap(dispatch(at('2026-11-03'), 'collective.importRoster', { caseId: c.id, rows: roster }));
    const a = at('2026-11-05', arb);
    const m = unwrap<MediationView>(dispatch(a, 'mediation.create', { caseId: c.id, stage: 'in_arbitration', organisation: '仲裁庭', workerCount: 12, claimedFen: total, receivedDate: '2026-11-05' }));
    unwrap(dispatch(a, 'mediation.conclude', { mediationId: m.id, outcome: 'success', outcomeDate: '2026-11-05', items: [
      { payer: '成都信达电子有限公司', payee: '附件所列12名劳动者', subject: '拖欠工资', amountFen: total - 1000, dueDate: '2026-11-20', method: '银行转账', instalments: [] },
    ] }));
    unwrap(dispatch(a, 'collective.results', { caseId: c.id, kind: 'mediation', mediationId: m.id, fillFromClaims: true }));
    const off = await dispatchAsync(at('2026-11-06', arb), 'mediation.issueStatement', { mediationId: m.id, issuedDate: '2026-11-06' });
    expect(off.ok ? '' : off.error.message).toContain(`附件名单的协议金额合计${formatFen(total)}与调解协议的金额合计${formatFen(total - 1000)}不一致`);
    const w = unwrap<CollectiveRosterView>(dispatch(a, 'collective.roster', { caseId: c.id, limit: 1 })).items[0]!;
    unwrap(dispatch(a, 'collective.results', { caseId: c.id, kind: 'mediation', mediationId: m.id, results: [{ workerId: w.id, amountFen: w.claimedFen - 1000 }] }));
    const issued = unwrap<MediationView>(await dispatchAsync(at('2026-11-06', arb), 'mediation.issueStatement', { mediationId: m.id, issuedDate: '2026-11-06' }));
    const pdf = Buffer.from(unwrap<DocumentFile>(dispatch(a, 'documents.file', { documentId: issued.statementId!, format: 'pdf' })).base64, 'base64');
    const text = flat(pdfText(pdf));
    expect(text).toContain('附件：劳动者名单及调解协议金额');
    expect(text).toContain(`本附件列明劳动者共12人，金额合计人民币${formatFen(total - 1000).slice(1)}元`);
    for (const r of roster) expect(text).toContain(r.idNumber);
    expect(text).toContain(formatFen(roster[0]!.amountFen! - 1000).slice(1));
  });
});


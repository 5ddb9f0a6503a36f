import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseDocument, DocumentFile } from '../../src/api';
import { dispatch, dispatchAsync } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { pdfText } from '../helpers/documents';
import { sampleDraft } from '../helpers/fixtures';

/** 授权委托书 and 法定代表人身份证明书 (issue 11 item 6): pre-filled from the recorded party, for the party to sign or seal. */
let t: TestDb;
let clerk: ReturnType<TestDb['user']>;
beforeEach(async () => { t = await openTestDb(); clerk = t.user('clerk1', 'clerk'); });
afterEach(() => t.close());
const at = (today: string) => ({ ...t.ctx(clerk), now: () => new Date(`${today}T04:00:00Z`) });
const flat = (s: string) => s.replace(/\s+/g, '');

async function issue(caseId: string, kind: string, partyId: string) {
  return dispatchAsync(at('2026-03-02'), 'documents.issue', { caseId, kind, issuedDate: '2026-03-02', payload: { partyId } });
}
function text(doc: CaseDocument): string {
  const f = unwrap<DocumentFile>(dispatch(at('2026-03-02'), 'documents.file', { documentId: doc.id, format: 'pdf' }));
  return flat(pdfText(Buffer.from(f.base64, 'base64')));
}

describe('party forms', () => {
  it('pre-fill the principal, its representative and recorded agents, leave blanks for the rest, and refuse a wrong party', async () => {
    const c = unwrap<CaseDetail>(dispatch(at('2026-03-02'), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-03-01' })));
    const [zhang, li] = c.applicants;
    const unit = c.respondents[0]!;

    const lis = unwrap<CaseDocument>(await issue(c.id, 'power_of_attorney', li!.id));
    expect(lis).toMatchObject({ kind: 'power_of_attorney', title: '授权委托书' });
    const a = text(lis);
    expect(a).toContain('委托人：李四，公民身份号码');
    expect(a).toContain('受托人：王律师，工作单位：四川某律师事务所，律师（法律援助）');
    expect(a).toContain('作为我的委托代理人（申请人方）参加仲裁活动');
    expect(a).toContain('委托事项：＿＿');
    expect(a).toContain('代理权限：□一般代理□特别授权');
    expect(a).toContain('授权委托书应当由委托人签名或者盖章，并载明委托事项和权限（《中华人民共和国劳动争议调解仲裁法》第二十四条）');
    expect(a).toContain('委托人（签名）：');

    const u = text(unwrap<CaseDocument>(await issue(c.id, 'power_of_attorney', unit.id)));
    expect(u).toContain('委托人：成都信达电子有限公司，统一社会信用代码');
    expect(u).toContain('法定代表人：赵总，职务：执行董事。');
    expect(u).toContain('受托人：＿＿'); // no agent recorded: a blank to fill in
    expect(u).toContain('作为我单位的委托代理人（被申请人方）');
    expect(u).toContain('委托人（盖章）：');

    const cert = unwrap<CaseDocument>(await issue(c.id, 'legal_rep_certificate', unit.id));
    const r = text(cert);
    expect(cert.title).toBe('法定代表人身份证明书');
    expect(r).toContain('单位名称：成都信达电子有限公司');
    expect(r).toContain('赵总，身份证件号码＿');
    expect(r).toContain('在我单位任执行董事职务，是我单位的法定代表人。特此证明。');

    const count = unwrap<CaseDetail>(dispatch(at('2026-03-02'), 'cases.get', { id: c.id })).timeline.filter((e) => e.kind === 'document.issued').length;
    expect(await issue(c.id, 'legal_rep_certificate', zhang!.id)).toMatchObject({ ok: false, error: { issues: [{ path: 'payload.partyId', message: '法定代表人身份证明书只适用于用人单位等单位当事人' }] } });
    expect(await dispatchAsync(at('2026-03-02'), 'documents.issue', { caseId: c.id, kind: 'power_of_attorney', issuedDate: '2026-03-02' })).toMatchObject({ ok: false, error: { issues: [{ path: 'payload.partyId' }] } });
    expect(await issue(c.id, 'power_of_attorney', 'no-such-party')).toMatchObject({ ok: false });
    expect(unwrap<CaseDetail>(dispatch(at('2026-03-02'), 'cases.get', { id: c.id })).timeline.filter((e) => e.kind === 'document.issued')).toHaveLength(count);
  });

  it('送达地址确认书 carries the party’s recorded address and phone, the electronic-service choice and its article, for the party to sign', async () => {
    const c = unwrap<CaseDetail>(dispatch(at('2026-03-02'), 'cases.saveDraft', sampleDraft({ receivedDate: '2026-03-01' })));
    const zhang = c.applicants[0]!;
    const doc = unwrap<CaseDocument>(await issue(c.id, 'service_address_confirmation', zhang.id));
    expect(doc).toMatchObject({ kind: 'service_address_confirmation', title: '送达地址确认书' });
    const x = text(doc);
    expect(x).toContain('受送达人申请人：张三');
    expect(x).toContain('送达地址成都市温江区柳城街道');
    expect(x).toContain('联系电话13800000000');
    expect(x).toContain('电子送达□同意□不同意');
    expect(x).toContain('经受送达人同意，可以采用能够确认其收悉的电子方式送达文书；以送达信息到达受送达人特定系统的日期为送达日期（《中华人民共和国民事诉讼法》第九十条，依《劳动人事争议仲裁办案规则》第二十条适用）');
    expect(x).toContain('受送达人（签名）：');
    expect(await dispatchAsync(at('2026-03-02'), 'documents.issue', { caseId: c.id, kind: 'service_address_confirmation', issuedDate: '2026-03-02' })).toMatchObject({ ok: false, error: { issues: [{ path: 'payload.partyId' }] } });
  });
});

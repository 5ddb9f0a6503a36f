import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChainVerifyView, ConsultationErasureView, ConsultationView, ErasableConsultation, UserView } from '../../src/api';
import { ERASED_TEXT } from '../../src/domain';
import { dispatch } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { IDS, sampleDraft } from '../helpers/fixtures';

/**
 * Issue 12 item 2, erasure: a consultation never turned into a case can be erased after its retention period (3 years,
 * a dated setting); within the period, or once it became a case, a legal-aid application or a mediation, it is refused
 * in Chinese and nothing changes. The audit chain stays whole although sealed earlier versions are deleted.
 */
let t: TestDb;
let window1: UserView;
let clerk: UserView;
beforeEach(async () => {
  t = await openTestDb();
  window1 = t.user('window1', 'window');
  clerk = t.user('clerk1', 'clerk');
});
afterEach(() => t.close());

const at = (day: string, user: UserView) => ({ ...t.ctx(user), now: () => new Date(`${day}T04:00:00Z`) });
const PERSON = { window: 'migrant', personName: '王五', personIdNumber: IDS.wangWu, personPhone: '13712345678', personAddress: '温江区某小区3栋', disputeType: 'wages', summary: '王五反映被拖欠工资三个月' };
function consultation(day: string): ConsultationView {
  return unwrap<ConsultationView>(dispatch(at(day, window1), 'consultations.create', PERSON));
}
const dump = (sql: string) => JSON.stringify(t.db.prepare(sql).all());

describe('erasing a consultation after its retention period', () => {
  it('is refused within the period, with the date and the basis, and changes nothing', () => {
    const c = consultation('2022-01-10');
    const before = dump('SELECT * FROM consultations');
    const r = dispatch(at('2025-01-09', t.admin), 'consultations.erase', { id: c.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringContaining('保存期限未届满（登记于2022-01-10，保存3年，2025-01-10起方可删除') } });
    expect(!r.ok && r.error.message).toContain('《个人信息保护法》第十九条、第四十七条');
    expect(dump('SELECT * FROM consultations')).toBe(before);
  });

  it('removes the person\'s data and the earlier versions, keeps the row for statistics, and the chain verifies', () => {
    const c = consultation('2022-01-10');
    unwrap(dispatch(at('2022-01-11', window1), 'consultations.edit', { id: c.id, ...PERSON, personPhone: '13700000000', reason: '电话登记有误' }));
    expect(dump('SELECT * FROM consultation_versions')).toContain('13712345678');
    expect(dispatch(at('2025-01-10', window1), 'consultations.erase', { id: c.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(unwrap<ErasableConsultation[]>(dispatch(at('2025-01-09', t.admin), 'consultations.erasable', {}))).toEqual([]);
    const listed = unwrap<ErasableConsultation[]>(dispatch(at('2025-01-10', t.admin), 'consultations.erasable', {}));
    expect(listed).toEqual([expect.objectContaining({ id: c.id, arrivedDate: '2022-01-10', retentionUntil: '2025-01-10', window: 'migrant' })]);
    expect(JSON.stringify(listed)).not.toContain('王五');
    const e = unwrap<ConsultationErasureView>(dispatch(at('2025-01-10', t.admin), 'consultations.erase', { id: c.id }));
    expect(unwrap<ErasableConsultation[]>(dispatch(at('2025-01-10', t.admin), 'consultations.erasable', {}))).toEqual([]);
    expect(e).toMatchObject({ arrivedDate: '2022-01-10', retentionUntil: '2025-01-10', versionsRemoved: 1 });

    const after = unwrap<ConsultationView>(dispatch(t.ctx(window1), 'consultations.get', { id: c.id }));
    expect(after).toMatchObject({ personName: ERASED_TEXT, personIdNumber: null, personPhone: null, personAddress: null, summary: ERASED_TEXT, window: 'migrant', disputeType: 'wages' });
    expect(t.db.prepare('SELECT count(*) AS n FROM consultation_versions').get()).toEqual({ n: 0 });
    // No trace of the person in the tables that remain, the erasure record or the audit log.
    const all = dump('SELECT * FROM consultations') + dump('SELECT * FROM consultation_erasures') + dump('SELECT * FROM audit_log');
    for (const s of [IDS.wangWu, '13712345678', '13700000000', '温江区某小区3栋', '王五']) expect(all, s).not.toContain(s);
    expect(unwrap<ChainVerifyView>(dispatch(t.ctx(t.admin), 'audit.verify', {})).ok).toBe(true);

    expect(dispatch(at('2025-01-11', t.admin), 'consultations.erase', { id: c.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '该咨询登记的个人信息已经删除' } });
    expect(dispatch(at('2025-01-11', window1), 'consultations.update', { id: c.id, outcome: 'advice_only' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '该咨询登记的个人信息已删除，不能再修改' } });
    expect(() => t.db.prepare('DELETE FROM consultation_erasures').run()).toThrow(/append-only/);
  });

  it('a consultation turned into a case or a legal-aid application is refused; the sealed versions of others stay sealed', () => {
    const toCase = consultation('2022-01-10');
    unwrap(dispatch(at('2022-01-12', clerk), 'cases.saveDraft', sampleDraft({ receivedDate: '2022-01-12', consultationId: toCase.id })));
    expect(dispatch(at('2025-06-01', t.admin), 'consultations.erase', { id: toCase.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '该咨询已转为仲裁案件，随案卷按档案保管期限保存，不能单独删除' } });
    const toAid = consultation('2022-01-10');
    unwrap(dispatch(at('2022-01-10', window1), 'aid.apply', { consultationId: toAid.id, matter: 'labour_remuneration', eligibility: 'pledge', receivedDate: '2022-01-10' }));
    expect(dispatch(at('2025-06-01', t.admin), 'consultations.erase', { id: toAid.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringContaining('法律援助') } });
    unwrap(dispatch(at('2022-01-11', window1), 'consultations.edit', { id: toAid.id, ...PERSON, personPhone: '13600000000', reason: '补充' }));
    expect(() => t.db.prepare('DELETE FROM consultation_versions').run()).toThrow(/append-only/);
  });
});

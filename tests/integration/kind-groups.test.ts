import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, DocumentKindView } from '../../src/api';
import { DOCUMENT_KIND_GROUPS, DOCUMENT_KIND_REGISTRY } from '../../src/documents';
import { dispatch } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { sampleDraft } from '../helpers/fixtures';

/**
 * Issue 11 item 9b: documents.kinds lists every kind of the registry once, under its group heading, group by group in
 * DOCUMENT_KIND_GROUPS order and in registry order within a group — what the issue dialog shows as option groups.
 */
let t: TestDb;
beforeEach(async () => { t = await openTestDb(); });
afterEach(() => t.close());

describe('documents.kinds groups', () => {
  it('lists every registry kind once, group by group in the headings order, registry order within a group', () => {
    const ctx = t.ctx(t.user('clerk1', 'clerk'));
    const d = unwrap<CaseDetail>(dispatch(ctx, 'cases.saveDraft', sampleDraft({ receivedDate: '2026-03-01' })));
    const kinds = unwrap<DocumentKindView[]>(dispatch(ctx, 'documents.kinds', { id: d.id }));
    expect(kinds.map((k) => k.code).sort()).toEqual(DOCUMENT_KIND_REGISTRY.map((k) => k.code).sort());
    const labels = DOCUMENT_KIND_GROUPS.map((g) => g.label as string);
    const order = kinds.map((k) => labels.indexOf(k.group));
    expect(order.every((o) => o >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const registryIndex = (code: string) => DOCUMENT_KIND_REGISTRY.findIndex((k) => k.code === code);
    for (const g of labels) {
      const inGroup = kinds.filter((k) => k.group === g).map((k) => registryIndex(k.code));
      expect(inGroup).toEqual([...inGroup].sort((a, b) => a - b));
    }
    expect(kinds.find((k) => k.code === 'acceptance_notice')!.group).toBe('通知类');
    expect(kinds.find((k) => k.code === 'power_of_attorney')!.group).toBe('当事人表格');
    expect(kinds.find((k) => k.code === 'service_receipt')!.group).toBe('收件与送达');
    expect(kinds.find((k) => k.code === 'award')!.group).toBe('裁决、调解与决定类');
  });
});

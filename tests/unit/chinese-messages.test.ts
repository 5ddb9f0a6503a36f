import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type OperationName, operations } from '../../src/api';
import { dispatch } from '../../src/services';
import { openTestDb } from '../helpers/db';

/** Issue 12 item 8: no zod default ("无效输入：期望 object，实际接收 string") reaches a user; each message names its field. */
const LEAKS = /期望|实际接收|无效输入|instanceof|\b(object|string|number|boolean|array|undefined|null|nan|key)\b|Invalid|Expected/i;

describe('validation messages', () => {
  it('a request that is not an object gets a plain sentence naming the request', () => {
    const r = operations['users.setActive'].input.safeParse('cases');
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('请求内容应为一组字段，收到的却是文字。');
  });

  it('a field of the wrong shape is named, with its position in a list', async () => {
    const t = await openTestDb();
    try {
      const r = dispatch(t.ctx(t.admin), 'documents.preview', { caseId: '0'.repeat(32), kind: 'correction_notice', issuedDate: '2026-11-25', payload: [] });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        const payload = r.error.issues!.find((i) => i.path === 'payload')!;
        expect(payload.message).toBe('文书补充内容应为一组字段，收到的却是列表。');
      }
      const extra = dispatch(t.ctx(t.admin), 'cases.get', { id: '0'.repeat(32), bogus: 1 });
      expect(!extra.ok && extra.error.message).toBe('请求内容中有本程序不认识的字段：“bogus”。');
    } finally {
      t.close();
    }
  });

  it('no operation answers arbitrary JSON with a zod default message (property test)', async () => {
    const t = await openTestDb();
    try {
      const names = Object.keys(operations) as OperationName[];
      fc.assert(
        fc.property(fc.constantFrom(...names), fc.jsonValue({ maxDepth: 3 }), (name, input) => {
          const r = dispatch(t.ctx(t.admin), name, input);
          if (r.ok || r.error.code !== 'VALIDATION') return;
          for (const m of [r.error.message, ...(r.error.issues ?? []).map((i) => i.message)]) expect(m.replace(/“[^”]*”/g, "")).not.toMatch(LEAKS);
        }),
        { numRuns: 1500, seed: 20261130 },
      );
    } finally {
      t.close();
    }
  });
});

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OperationName, type UserView, operations } from '../../src/api';
import { ROLES, type Role, deny } from '../../src/domain';
import { renderPermissionsDoc } from '../../src/domain/permissions-doc';
import { dispatch, dispatchAsync } from '../../src/services';
import { type TestDb, openTestDb, unwrap } from '../helpers/db';
import { sampleDraft } from '../helpers/fixtures';
import { validInputs } from '../helpers/valid-inputs';
import { CASE_REFUSED_MESSAGE } from '../../src/services/case-access';

/**
 * Issue 12 item 1: the permission matrix, every operation × every role, through the real dispatcher on a real database,
 * and the table in docs/permissions.md generated from the same code.
 */
let t: TestDb;
let users: Record<Role, UserView>;
let caseId: string;
const rows = () => Object.entries(operations).map(([name, s]) => ({ name, doc: s.doc, auth: s.auth, action: 'action' in s ? s.action : undefined }));

beforeAll(async () => {
  t = await openTestDb();
  users = Object.fromEntries(ROLES.map((r) => [r, r === 'admin' ? t.admin : t.user(`${r.replace('_', '')}1`, r)])) as Record<Role, UserView>;
  caseId = unwrap<{ id: string }>(dispatch(t.ctx(users.clerk), 'cases.saveDraft', sampleDraft())).id;
});
afterAll(() => t.close());

describe('permission matrix', () => {
  it('docs/permissions.md is the table the code defines', () => {
    expect(fs.readFileSync('docs/permissions.md', 'utf8')).toBe(renderPermissionsDoc(rows()));
  });

  it('the dispatcher allows exactly the ✓ cells: every operation, every role', async () => {
    const valid = validInputs(caseId);
    const settings = { acceptanceReservedToArbitrators: false };
    let cells = 0;
    for (const name of Object.keys(operations) as OperationName[]) {
      const spec = operations[name];
      for (const role of ROLES) {
        const r = await dispatchAsync(t.ctx(users[role]), name, structuredClone(valid[name]));
        const reason = spec.auth === 'user' && 'action' in spec && spec.action ? deny(role, spec.action, settings) : null;
        // Record-level refusals are tested elsewhere: the case's tribunal (duties.test.ts) and need-to-know case reads
        // (case-access.test.ts; the case here is a clerk's draft, which lawyers and window staff may not read).
        const refusedByRole = !r.ok && r.error.code === 'FORBIDDEN' && !r.error.message.includes('本案仲裁庭') && r.error.message !== CASE_REFUSED_MESSAGE;
        expect(refusedByRole, `${name} × ${role}: ${r.ok ? 'ok' : `${r.error.code} ${r.error.message}`}`).toBe(reason !== null);
        if (reason && !r.ok) expect(r.error.message).toBe(reason);
        cells++;
      }
    }
    expect(cells).toBe(Object.keys(operations).length * ROLES.length);
  });

  it('with 仅仲裁员可作出受理或不予受理决定 on, a clerk may no longer accept', () => {
    unwrap(dispatch(t.ctx(t.admin), 'settings.update', { acceptanceReservedToArbitrators: true }));
    expect(dispatch(t.ctx(users.clerk), 'cases.accept', { id: caseId, acceptanceDate: '2026-11-21' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '本委设置为仅仲裁员可作出受理或不予受理决定' } });
    unwrap(dispatch(t.ctx(t.admin), 'settings.update', { acceptanceReservedToArbitrators: false }));
  });
});

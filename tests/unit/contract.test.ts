import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES, operations } from '../../src/api';
import { handlers } from '../../src/services/handlers';

describe('the API contract', () => {
  it('lists the same operations for the preload as the contract defines, each with a handler and a doc line', () => {
    expect([...OPERATION_NAMES].sort()).toEqual(Object.keys(operations).sort());
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(operations).sort());
    for (const spec of Object.values(operations)) expect(spec.doc.length).toBeGreaterThan(1);
  });
  it('requires a login for every operation except setup and authentication', () => {
    const publicOps = Object.entries(operations).filter(([, s]) => s.auth === 'public').map(([n]) => n).sort();
    // changePassword, lock and unlock check the session's own user themselves (they must work while a change is
    // forced or the session is locked, which the dispatcher's login check refuses).
    // survey.get and survey.submit are the party's survey screen (issue 15 item 4): the one-time link is the permission,
    // and they read or write that link's record only.
    expect(publicOps).toEqual(['auth.changePassword', 'auth.lock', 'auth.login', 'auth.logout', 'auth.me', 'auth.unlock', 'setup.createAdmin', 'setup.status', 'survey.get', 'survey.submit']);
  });
});

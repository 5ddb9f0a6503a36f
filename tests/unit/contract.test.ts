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
    expect(publicOps).toEqual(['auth.login', 'auth.logout', 'auth.me', 'setup.createAdmin', 'setup.status']);
  });
});

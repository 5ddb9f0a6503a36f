import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { UserView } from '../../src/api';
import { type Db, openDatabase } from '../../src/db/open';
import { startPreviewServer } from '../../src/preview/server';
import { SYSTEM_USER, dispatch } from '../../src/services';

export const SHOTS = path.resolve('test-results/screenshots');

interface DeskApp {
  url: string;
  db: Db;
  /** Creates an account directly through the service (setup that a test is not about). */
  addUser: (username: string, role: UserView['role'], password?: string) => void;
  countCases: () => number;
}

/** A fresh database and preview server per test: the real services behind the real built renderer. */
export const test = base.extend<{ desk: DeskApp }>({
  desk: async ({}, use) => {
    const rendererDir = path.resolve('out/renderer');
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run npm run build first');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
    const db = await openDatabase(path.join(dir, 'e2e.sqlite'));
    const server = await startPreviewServer({ db, rendererDir });
    const system = { db, session: { user: SYSTEM_USER, system: true }, now: () => new Date() };
    await use({
      url: server.url,
      db,
      addUser: (username, role, password = 'password-1') => {
        const r = dispatch(system, 'users.create', { username, displayName: `${username}显示名`, role, password });
        if (!r.ok) throw new Error(r.error.message);
      },
      countCases: () => (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n,
    });
    await server.close();
    db.close();
  },
});

export { expect };

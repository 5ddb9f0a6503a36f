import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { type MenuItem, SECURE_WEB_PREFERENCES, allowDevTools, environmentOverrides, menuTemplate } from '../../electron/main/policy';

/** Issue 12 item 7: fuses, DevTools, the menu and environment overrides of the installed app. */
const require = createRequire(import.meta.url);
const afterPack = require('../../scripts/after-pack.cjs') as ((ctx: unknown) => Promise<void>) & { FUSES: Record<string, boolean> };
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** @electron/fuses' states: the bytes '0' and '1'. */
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;

describe('fuses (electron-builder afterPack hook)', () => {
  it('turns RunAsNode, NODE_OPTIONS and --inspect off and loads the app only from a checked asar', async () => {
    // A binary carrying Electron's fuse wire (version 1, 8 fuses) with Electron's defaults: the hook finds and flips it
    // exactly as in the real executable (the Electron binary itself cannot be downloaded on this machine).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuses-'));
    const defaults = '10110001';
    fs.writeFileSync(path.join(dir, 'arbitration-desk'), Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(defaults), Buffer.alloc(4096, 9)]));
    await afterPack({ appOutDir: dir, electronPlatformName: 'linux', packager: { executableName: 'arbitration-desk', appInfo: { productFilename: '劳动仲裁工作台' } } });
    const wire = await getCurrentFuseWire(path.join(dir, 'arbitration-desk'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    // fuses not listed keep Electron's default
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.ENABLE);
    expect(fs.readFileSync('electron-builder.yml', 'utf8')).toMatch(/^afterPack: scripts\/after-pack\.cjs$/m);
  });
});

describe('installed app (app.isPackaged = true)', () => {
  const roles = (items: MenuItem[]): string[] => items.flatMap((i) => [...(i.role ? [i.role] : []), ...roles(i.submenu ?? [])]);
  const labels = (items: MenuItem[]): string[] => items.flatMap((i) => [...(i.label ? [i.label] : []), ...labels(i.submenu ?? [])]);

  it('has no DevTools and a minimal Chinese menu without reload or DevTools', () => {
    expect(allowDevTools(true)).toBe(false);
    expect(allowDevTools(false)).toBe(true);
    const menu = menuTemplate(true);
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图']);
    expect(roles(menu)).not.toEqual(expect.arrayContaining(['toggleDevTools']));
    for (const r of ['toggleDevTools', 'reload', 'forceReload']) expect(roles(menu)).not.toContain(r);
    for (const l of labels(menu)) expect(l).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(roles(menuTemplate(false))).toContain('toggleDevTools');
  });

  it('ignores the environment variables that would swap the database, the native SQLite binding or the fonts', () => {
    const env = { ARBITRATION_DESK_DB: '/tmp/other.sqlite', ARBITRATION_DESK_SQLITE_BINDING: '/tmp/evil.node', ARBITRATION_DESK_FONTS: '/tmp/fonts' };
    expect(environmentOverrides(env, true)).toEqual({});
    expect(environmentOverrides(env, false)).toEqual({ dbFile: '/tmp/other.sqlite', nativeBinding: '/tmp/evil.node', fontsDir: '/tmp/fonts' });
    expect(environmentOverrides({ ARBITRATION_DESK_SQLITE_BINDING: '' }, false)).toEqual({});
  });

  it('creates its window with exactly the secure preferences of policy.ts, plus DevTools by isPackaged', () => {
    const file = 'electron/main/index.ts';
    const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    let found: Record<string, unknown> | null = null;
    const visit = (n: ts.Node) => {
      if (ts.isPropertyAssignment(n) && n.name.getText() === 'webPreferences' && ts.isObjectLiteralExpression(n.initializer)) {
        found = {};
        for (const p of n.initializer.properties) {
          if (!ts.isPropertyAssignment(p)) throw new Error('webPreferences must be written out property by property');
          const v = p.initializer;
          found[p.name.getText()] = v.kind === ts.SyntaxKind.TrueKeyword ? true : v.kind === ts.SyntaxKind.FalseKeyword ? false : ts.isStringLiteral(v) ? v.text : v.getText();
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
    expect(found).not.toBeNull();
    const { devTools, preload, ...rest } = found!;
    expect(rest).toEqual(SECURE_WEB_PREFERENCES);
    expect(devTools).toBe('allowDevTools(app.isPackaged)');
    expect(preload).toContain('preload/index.cjs');
  });
});

import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const rules = (await import(path.resolve('.dependency-cruiser.cjs'))).default as { forbidden: unknown[]; options: Record<string, unknown> };

async function violations(dirs: string[], baseDir?: string) {
  const { tsConfig, exclude, ...common } = rules.options;
  const options = baseDir ? { ...common, baseDir } : { ...common, tsConfig, exclude };
  const result = await cruise(dirs, { validate: true, ruleSet: { forbidden: rules.forbidden }, ...options } as never);
  const output = result.output as { summary: { violations: { rule: { name: string }; from: string; to: string }[]; totalCruised: number } };
  return output.summary;
}

describe('import rules (dependency-cruiser)', () => {
  it('nothing under src/ imports electron or react; nothing under renderer/ imports the database, documents or Node built-ins', async () => {
    const s = await violations(['src', 'renderer/src', 'electron']);
    expect(s.totalCruised).toBeGreaterThan(40);
    expect(s.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  });

  it('would catch the violations it is there for (fixture files that break each rule)', async () => {
    const s = await violations(['src', 'renderer'], path.resolve('tests/fixtures/import-rules'));
    const names = new Set(s.violations.map((v) => v.rule.name));
    expect(names).toContain('core-no-electron-or-react');
    expect(names).toContain('renderer-no-node-db-documents');
    expect(names).toContain('renderer-no-node-builtins');
    expect(names).toContain('domain-no-node-builtins');
    expect(names).toContain('only-db-touches-sqlite');
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KIND_REGISTRY, type DocumentModel, render } from '../../src/documents';
import { NON_CASE_FIXTURE_MODELS, fixtureData } from '../helpers/document-fixtures';
import { SUPERVISION_FIXTURE_MODELS } from '../helpers/supervision-fixtures';
import { tempDir } from '../helpers/documents';

/**
 * Visual regression: page 1 of every kind, rendered from the fixture case to PDF and to PNG (pdftoppm, 40 dpi), is
 * compared with the reference under tests/fixtures/visual. A layout change shows up here for review: if it is
 * intended, regenerate the references with UPDATE_VISUAL=1, look at them, and commit them with the change.
 */
const REF = path.resolve('tests/fixtures/visual');
const OUT = path.resolve('test-results/visual');
/** Share of differing pixels tolerated (anti-aliasing differences between poppler builds). */
const THRESHOLD = 0.002;

/** Case documents from the registry, and the employer-supervision papers (issue 16), each from its fixture. */
const MODELS: Record<string, () => DocumentModel> = {
  ...Object.fromEntries(DOCUMENT_KIND_REGISTRY.map((k) => [k.code, () => k.build(fixtureData())])),
  ...SUPERVISION_FIXTURE_MODELS,
  ...NON_CASE_FIXTURE_MODELS,
};

describe.each(Object.keys(MODELS))('%s', (code) => {
  it('page 1 matches the reference image', async () => {
    const pdf = await render(MODELS[code]!(), 'pdf');
    const dir = tempDir('desk-visual-');
    fs.writeFileSync(path.join(dir, 'doc.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'doc.pdf'), path.join(dir, 'page')]);
    const actual = fs.readFileSync(path.join(dir, 'page.png'));
    const ref = path.join(REF, `${code}.png`);
    if (process.env.UPDATE_VISUAL) {
      fs.mkdirSync(REF, { recursive: true });
      fs.writeFileSync(ref, actual);
    }
    const a = PNG.sync.read(actual);
    const b = PNG.sync.read(fs.readFileSync(ref));
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    const diff = new PNG({ width: a.width, height: a.height });
    const changed = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
    if (changed / (a.width * a.height) > THRESHOLD) {
      fs.mkdirSync(OUT, { recursive: true });
      fs.writeFileSync(path.join(OUT, `${code}.actual.png`), actual);
      fs.writeFileSync(path.join(OUT, `${code}.diff.png`), PNG.sync.write(diff));
    }
    expect(changed / (a.width * a.height), `${changed} pixels differ; see test-results/visual/${code}.diff.png`).toBeLessThanOrEqual(THRESHOLD);
  });
});

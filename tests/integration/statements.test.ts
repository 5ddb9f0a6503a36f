import { describe, expect, it } from 'vitest';
import { DOCUMENT_KIND_REGISTRY, modelPlainText } from '../../src/documents';
import { fixtureData } from '../helpers/document-fixtures';
import { flat } from '../helpers/documents';

/**
 * What the papers state to parties (docs/rules.md lists which sentence rests on which article): laws and rules named in
 * full, no brackets inside brackets around an amount, and the Art 43 period counted from acceptance.
 */
const texts = DOCUMENT_KIND_REGISTRY.map((k) => [k.code, flat(modelPlainText(k.build(fixtureData())))] as const);

describe.each(texts)('%s', (_code, text) => {
  it('names every law and rule in full — no 《办案规则》, 《劳动争议调解仲裁法》 or 《劳动合同法》', () => {
    expect(text).not.toMatch(/《(办案规则|劳动争议调解仲裁法|劳动合同法|法律援助法|民事诉讼法|劳动法)》/);
  });
  it('never puts an amount in brackets inside brackets', () => {
    expect(text).not.toMatch(/（[^（）]*人民币[^（）]*（大写/);
  });
});

describe('the acceptance notice', () => {
  it('counts the 45 days to the award from acceptance, not from receipt of the application (LDMAL Art 43)', () => {
    const text = texts.find(([c]) => c === 'acceptance_notice')![1];
    expect(text).toContain('应当自本委受理仲裁申请之日起四十五日内结束');
    expect(text).toContain('延长期限不得超过十五日');
    expect(text).not.toContain('收到仲裁申请之日起四十五日');
  });
});

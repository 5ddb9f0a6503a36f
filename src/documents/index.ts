import { renderDocx } from './docx';
import { faceChains, type FontPreference } from './fonts';
import type { DocumentModel } from './model';
import { type PageLayout, renderPdf } from './pdf';

export type { PageLayout };

export * from './model';
export * from './data';
export * from './registry';
export { faceChains, segment, fontsDir, type FontPreference } from './fonts';
export { awardFinality } from './outcomes';
export * from './aid';
export { renderDocx, renderPdf };

export type DocumentFormat = 'pdf' | 'docx';

/** Renders one model to the requested format with the configured faces. */
export function render(model: DocumentModel, format: DocumentFormat, pref: FontPreference = 'bundled', layout: PageLayout = 'a4'): Promise<Buffer> {
  const chains = faceChains(pref);
  return format === 'pdf' ? renderPdf(model, chains, layout) : renderDocx(model, chains, layout);
}
export * from './supervision';
export { hearingBulletin, type HearingBulletinData, preArbitrationAgreement, reviewStatement, reviewRefusal, type PreArbitrationAgreement, type ReviewPaperData } from './more-kinds';

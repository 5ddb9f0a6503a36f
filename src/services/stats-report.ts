import { createHash } from 'node:crypto';
import { type DocumentFile, statsCharts } from '../api';
import { render } from '../documents';
import { reportKind, statsReportDocument } from '../documents/stats-report';
import { shanghaiDate } from '../domain';
import type { ServiceContext } from './context';
import { readSettings } from './settings';
import { deskIndicators, officialReport } from './stats';

/**
 * The 月报 / 年报 as PDF (issue 15 item 6): the official table with the comparison, the indicators and the charts of the
 * statistics page, through the document engine. `desk stats --pdf FILE` and 统计报表 → 导出 PDF call this.
 */
export async function statsReportPdf(ctx: ServiceContext, input: { from: string; to: string; compareFrom?: string; compareTo?: string }): Promise<DocumentFile> {
  const report = officialReport(ctx.db, input);
  const indicators = deskIndicators(ctx.db, { from: input.from, to: input.to });
  const settings = readSettings(ctx.db);
  const model = statsReportDocument({ issuer: settings.commissionName, report, indicators, charts: statsCharts(report, indicators), date: shanghaiDate(ctx.now()) });
  const bytes = await render(model, 'pdf', settings.documentFonts);
  const k = reportKind(input.from, input.to);
  return {
    fileName: `${k.title}-${input.from}至${input.to}.pdf`, mimeType: 'application/pdf',
    sha256: createHash('sha256').update(bytes).digest('hex'), base64: bytes.toString('base64'),
  };
}

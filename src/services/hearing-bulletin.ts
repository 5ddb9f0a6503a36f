import { createHash } from 'node:crypto';
import { AppError, type DocumentFile } from '../api';
import { hearingBulletin, render } from '../documents';
import { shanghaiDate } from '../domain';
import { selectVenues } from '../db/queries/venues';
import type { ServiceContext } from './context';
import { listHearings } from './proceedings';
import { readSettings } from './settings';

const MIME = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

/**
 * The 开庭公告 of one venue and day as a paper for printing (issue 11 item 6): every hearing still scheduled there that
 * day, in time order, from the hearing schedule; rendered by the document engine, not registered (decision 58: a public
 * list, not a paper served on a party).
 */
export async function hearingBulletinFile(ctx: ServiceContext, input: { venueId: string; date: string; format: 'pdf' | 'docx' }): Promise<DocumentFile> {
  const venue = selectVenues(ctx.db).find((v) => v.id === input.venueId);
  if (!venue) throw new AppError('NOT_FOUND', '办案场所不存在');
  const settings = readSettings(ctx.db);
  const hearings = listHearings(ctx.db, { from: input.date, to: input.date, venueId: input.venueId })
    .filter((h) => h.status === 'scheduled')
    .sort((a, b) => a.startTime.localeCompare(b.startTime) || a.roomName.localeCompare(b.roomName));
  const model = hearingBulletin({ commissionName: settings.commissionName, venueName: venue.name, venueAddress: venue.address ?? null, date: input.date, hearings, issuedDate: shanghaiDate(ctx.now()) });
  const bytes = await render(model, input.format, settings.documentFonts);
  return {
    fileName: `开庭公告-${venue.name}-${input.date}.${input.format}`, mimeType: MIME[input.format],
    sha256: createHash('sha256').update(bytes).digest('hex'), base64: bytes.toString('base64'),
  };
}

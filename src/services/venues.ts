import type { Venue } from '../api';
import { AppError } from '../api';
import { type ServiceContext, actor, audit, newId, nowIso } from './context';
import type { Db } from '../db/open';
import { insertVenue, selectVenues, venueNameExists } from '../db/queries/venues';

export function listVenues(db: Db): Venue[] {
  return selectVenues(db);
}

export function createVenue(ctx: ServiceContext, input: { name: string; kind: Venue['kind']; address?: string }): Venue {
  const id = newId();
  return ctx.db.transaction(() => {
    if (venueNameExists(ctx.db, input.name)) {
      throw new AppError('CONFLICT', `场所“${input.name}”已存在`, [{ path: 'name', message: `场所“${input.name}”已存在` }]);
    }
    insertVenue(ctx.db, { id, name: input.name, kind: input.kind, address: input.address ?? null, created_at: nowIso(ctx), created_by: actor(ctx).id });
    audit(ctx, 'venues.create', id, { name: input.name });
    return listVenues(ctx.db).find((v) => v.id === id)!;
  })();
}

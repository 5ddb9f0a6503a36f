import type { Venue } from '../api';
import { AppError } from '../api';
import { type ServiceContext, actor, audit, newId, nowIso } from './context';
import type { Db } from '../db/open';

export function listVenues(db: Db): Venue[] {
  return db.prepare("SELECT id, name, kind, address FROM venues ORDER BY kind = 'circuit', created_at, name").all() as Venue[];
}

export function createVenue(ctx: ServiceContext, input: { name: string; kind: Venue['kind']; address?: string }): Venue {
  const id = newId();
  return ctx.db.transaction(() => {
    if (ctx.db.prepare('SELECT 1 FROM venues WHERE name = ?').get(input.name)) {
      throw new AppError('CONFLICT', `场所“${input.name}”已存在`, [{ path: 'name', message: `场所“${input.name}”已存在` }]);
    }
    ctx.db.prepare('INSERT INTO venues (id, name, kind, address, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)').run(id, input.name, input.kind, input.address ?? null, nowIso(ctx), actor(ctx).id);
    audit(ctx, 'venues.create', id, { name: input.name });
    return listVenues(ctx.db).find((v) => v.id === id)!;
  })();
}

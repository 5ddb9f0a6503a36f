import type { Db } from '../open';
import type { VenueRow } from './rows';
import { stmt } from './stmt';

export type VenueListRow = Pick<VenueRow, 'id' | 'name' | 'kind' | 'address'>;

/** The commission first, then circuit venues, in the order they were created. */
export function selectVenues(db: Db): VenueListRow[] {
  return stmt(db, "SELECT id, name, kind, address FROM venues ORDER BY kind = 'circuit', created_at, name").all() as VenueListRow[];
}

export function venueNameExists(db: Db, name: string): boolean {
  return stmt(db, 'SELECT 1 FROM venues WHERE name = ?').get(name) !== undefined;
}

export function insertVenue(db: Db, r: VenueRow): void {
  stmt(db, 'INSERT INTO venues (id, name, kind, address, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)').run(r.id, r.name, r.kind, r.address, r.created_at, r.created_by);
}

export function venueExists(db: Db, id: string): boolean {
  return stmt(db, 'SELECT 1 FROM venues WHERE id = ?').get(id) !== undefined;
}

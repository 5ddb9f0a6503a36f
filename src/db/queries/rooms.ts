import type { Db } from '../open';
import type { RoomRow } from './rows';
import { stmt } from './stmt';

export type RoomListRow = Pick<RoomRow, 'id' | 'venue_id' | 'name'> & { venue_name: string };

export function selectRooms(db: Db): RoomListRow[] {
  return stmt(db, 'SELECT r.id, r.venue_id, v.name AS venue_name, r.name FROM rooms r JOIN venues v ON v.id = r.venue_id ORDER BY v.kind = \'circuit\', v.name, r.name').all() as RoomListRow[];
}

export function roomExists(db: Db, id: string): boolean {
  return stmt(db, 'SELECT 1 FROM rooms WHERE id = ?').get(id) !== undefined;
}

export function roomNameExists(db: Db, venueId: string, name: string): boolean {
  return stmt(db, 'SELECT 1 FROM rooms WHERE venue_id = ? AND name = ?').get(venueId, name) !== undefined;
}

export function insertRoom(db: Db, r: RoomRow): void {
  stmt(db, 'INSERT INTO rooms (id, venue_id, name, created_at, created_by) VALUES (?, ?, ?, ?, ?)').run(r.id, r.venue_id, r.name, r.created_at, r.created_by);
}

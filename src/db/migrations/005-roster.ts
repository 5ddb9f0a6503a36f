/** 005: the arbitrator and clerk roster: full-time or part-time, and the venue they usually sit at. */
export const sql = `
ALTER TABLE users ADD COLUMN employment TEXT CHECK (employment IS NULL OR employment IN ('full_time', 'part_time'));
ALTER TABLE users ADD COLUMN venue_id TEXT REFERENCES venues(id);
`;

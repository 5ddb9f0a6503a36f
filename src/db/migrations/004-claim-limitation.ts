/** 004: per-claim limitation record (LDMAL Art 27): when the worker knew, wage-arrears rule, interruptions, suspensions. */
export const sql = `
ALTER TABLE claims ADD COLUMN limitation TEXT CHECK (limitation IS NULL OR json_valid(limitation));
`;

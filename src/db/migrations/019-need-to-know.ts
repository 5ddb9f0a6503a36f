/**
 * 019 (issue 12 item 2): need-to-know reads.
 * - `agents.user_id`: an agent who is a lawyer with an account on the desk (the 1+1 duty lawyer acting for a worker);
 *   that lawyer may read the case (src/db/queries/case-access.ts).
 * - `aid_applications.assigned_user_id`: the lawyer's account when the legal-aid centre assigns one of the desk's
 *   lawyers (Legal Aid Law Art 43); that lawyer may read the cases started from the same consultation.
 * - `personal_reads`: the read log of 显示完整 (who read whose full ID number or phone, when and why; never the value).
 *   Append-only like the other sealed tables (migration 009).
 */
export const sql = `
ALTER TABLE agents ADD COLUMN user_id TEXT REFERENCES users(id);
CREATE INDEX agents_user ON agents(user_id) WHERE user_id IS NOT NULL;
ALTER TABLE aid_applications ADD COLUMN assigned_user_id TEXT REFERENCES users(id);
CREATE INDEX aid_applications_assigned_user ON aid_applications(assigned_user_id) WHERE assigned_user_id IS NOT NULL;

CREATE TABLE personal_reads (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  user_name TEXT NOT NULL,
  user_role TEXT NOT NULL,
  record_kind TEXT NOT NULL CHECK (record_kind IN ('party', 'consultation')),
  record_id TEXT NOT NULL,
  case_id TEXT,
  subject_name TEXT NOT NULL,
  field TEXT NOT NULL CHECK (field IN ('idNumber', 'phone')),
  reason TEXT NOT NULL
);
CREATE INDEX personal_reads_at ON personal_reads(at);
CREATE INDEX personal_reads_user ON personal_reads(user_id, at);
CREATE TRIGGER personal_reads_no_update BEFORE UPDATE ON personal_reads BEGIN SELECT RAISE(ABORT, 'the read log is append-only'); END;
CREATE TRIGGER personal_reads_no_delete BEFORE DELETE ON personal_reads BEGIN SELECT RAISE(ABORT, 'the read log is append-only'); END;
CREATE TRIGGER personal_reads_no_replace BEFORE INSERT ON personal_reads
WHEN EXISTS (SELECT 1 FROM personal_reads WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'personal_reads: an existing row cannot be replaced'); END;

-- Erasure of consultations (see the comment below).
CREATE TABLE consultation_erasures (
  consultation_id TEXT PRIMARY KEY REFERENCES consultations(id),
  erased_at TEXT NOT NULL,
  erased_by TEXT NOT NULL REFERENCES users(id),
  arrived_date TEXT NOT NULL,
  retention_until TEXT NOT NULL,
  retention_basis TEXT NOT NULL,
  versions_removed INTEGER NOT NULL
);
CREATE TRIGGER consultation_erasures_no_update BEFORE UPDATE ON consultation_erasures BEGIN SELECT RAISE(ABORT, 'an erasure record is append-only'); END;
CREATE TRIGGER consultation_erasures_no_delete BEFORE DELETE ON consultation_erasures BEGIN SELECT RAISE(ABORT, 'an erasure record is append-only'); END;
DROP TRIGGER consultation_versions_no_delete;
CREATE TRIGGER consultation_versions_no_delete BEFORE DELETE ON consultation_versions
WHEN NOT EXISTS (SELECT 1 FROM consultation_erasures WHERE consultation_id = OLD.consultation_id)
BEGIN SELECT RAISE(ABORT, 'consultation_versions is append-only'); END;
CREATE TRIGGER consultations_erased_no_update BEFORE UPDATE ON consultations
WHEN EXISTS (SELECT 1 FROM consultation_erasures WHERE consultation_id = OLD.id)
BEGIN SELECT RAISE(ABORT, '该咨询登记的个人信息已删除，不能再修改'); END;
`;

/**
 * Erasure of a consultation never turned into a case, after its retention period (issue 12 item 2): the row stays
 * (the desk's statistics count it) with its personal data removed, an erasure record without personal data is written,
 * and the consultation's earlier versions (consultation_versions, sealed by 009) are deleted. The sealed table's
 * delete guard is recreated to allow exactly that: deleting the versions of a consultation that has an erasure record.
 * The deletions go through the write path, so the audit chain records them (op 'd') and `audit.verify` stays whole.
 */

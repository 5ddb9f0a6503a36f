/**
 * 008: the legal-aid workstation and the assistance windows: the daily duty pair, consultations (one record per person
 * and matter, the source that aid applications, mediation requests and arbitration applications are started from), and
 * legal-aid applications with their Art 43 decisions and assignments. Cases and mediations link back to the consultation.
 */
export const sql = `
CREATE TABLE duty_roster (
  date TEXT PRIMARY KEY,
  lawyer_id TEXT NOT NULL REFERENCES users(id),
  staff_id TEXT NOT NULL REFERENCES users(id),
  law_firm TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id)
);

CREATE TABLE consultations (
  id TEXT PRIMARY KEY,
  window TEXT NOT NULL CHECK (window IN ('migrant', 'injured', 'female', 'general')),
  channel TEXT NOT NULL CHECK (channel IN ('walk_in', 'phone', 'referral')),
  arrived_at TEXT NOT NULL,
  served_at TEXT,
  person_name TEXT NOT NULL,
  person_sex TEXT,
  person_id_number TEXT,
  person_phone TEXT,
  person_address TEXT,
  employer_name TEXT,
  employer_credit_code TEXT,
  employer_alias TEXT,
  dispute_type TEXT NOT NULL,
  group_flags TEXT NOT NULL DEFAULT '[]',
  injury_date TEXT,
  disability_grade INTEGER CHECK (disability_grade IS NULL OR disability_grade BETWEEN 1 AND 10),
  female_stage TEXT CHECK (female_stage IS NULL OR female_stage IN ('pregnant', 'maternity', 'nursing')),
  female_stage_start TEXT,
  female_stage_end TEXT,
  collective INTEGER NOT NULL DEFAULT 0,
  worker_count INTEGER NOT NULL DEFAULT 1 CHECK (worker_count >= 1),
  claims TEXT NOT NULL DEFAULT '[]',
  summary TEXT NOT NULL,
  advice TEXT,
  outcome TEXT NOT NULL DEFAULT 'pending',
  recovered_fen INTEGER CHECK (recovered_fen IS NULL OR recovered_fen >= 0),
  lawyer_id TEXT REFERENCES users(id),
  staff_id TEXT REFERENCES users(id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL
);
CREATE INDEX consultations_arrived ON consultations(arrived_at);
CREATE INDEX consultations_id_number ON consultations(person_id_number);
CREATE INDEX consultations_credit ON consultations(employer_credit_code);

CREATE TABLE aid_applications (
  id TEXT PRIMARY KEY,
  consultation_id TEXT NOT NULL REFERENCES consultations(id),
  matter TEXT NOT NULL,
  eligibility TEXT NOT NULL,
  eligibility_note TEXT,
  received_date TEXT NOT NULL,
  urgent INTEGER NOT NULL DEFAULT 0,
  decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'refused')),
  decision_date TEXT,
  refusal_reason TEXT,
  assigned_lawyer TEXT,
  assigned_firm TEXT,
  assigned_date TEXT,
  objection_date TEXT,
  objection_note TEXT,
  closed_date TEXT,
  closing_report TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  CHECK (decision <> 'refused' OR refusal_reason IS NOT NULL)
);
CREATE INDEX aid_applications_consultation ON aid_applications(consultation_id);

ALTER TABLE cases ADD COLUMN consultation_id TEXT REFERENCES consultations(id);
ALTER TABLE mediations ADD COLUMN consultation_id TEXT REFERENCES consultations(id);
`;

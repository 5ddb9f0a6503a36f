/**
 * One typed row interface per table, columns exactly as the migrations (src/db/migrations/*.ts) define them, including
 * the columns added by later migrations. TEXT → string, INTEGER → number, BLOB → Buffer; a column without NOT NULL
 * (and without a primary key) may be null.
 */

/** users (001; employment, venue_id: 005; rebuilt with role aid_centre, must_change_password, password_changed_at: 011). */
export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: 'arbitrator' | 'clerk' | 'lawyer' | 'window' | 'aid_centre' | 'admin';
  password_hash: string | null;
  active: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  employment: 'full_time' | 'part_time' | null;
  venue_id: string | null;
  must_change_password: number;
  password_changed_at: string | null;
}

/** settings (001). */
export interface SettingRow {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string;
}

/** venues (001). */
export interface VenueRow {
  id: string;
  name: string;
  kind: 'commission' | 'circuit';
  address: string | null;
  created_at: string;
  created_by: string;
}

/** case_number_seq (001). */
export interface CaseNumberSeqRow {
  year: number;
  last: number;
}

/** cases (001; consultation_id: 008; revision: 009). */
export interface CaseRow {
  id: string;
  status: 'draft' | 'accepted' | 'not_accepted' | 'discarded';
  case_number: string | null;
  case_year: number | null;
  case_seq: number | null;
  venue_id: string;
  received_date: string;
  acceptance_date: string | null;
  cause: string | null;
  collective: number;
  worker_count: number | null;
  group_flags: string;
  note: string | null;
  non_acceptance_date: string | null;
  non_acceptance_reason: string | null;
  non_acceptance_text: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  consultation_id: string | null;
  revision: number;
}

/** parties (001). */
export interface PartyRow {
  id: string;
  case_id: string;
  role: 'applicant' | 'respondent' | 'third_party';
  seq: number;
  kind: 'person' | 'org';
  name: string;
  sex: string | null;
  birth_date: string | null;
  ethnicity: string | null;
  id_type: string | null;
  id_number: string | null;
  credit_code: string | null;
  domicile: string | null;
  service_address: string | null;
  phone: string | null;
  representative_name: string | null;
  representative_title: string | null;
  representative_kind: string | null;
  is_representative: number;
  /** 016; set by the employer link after insert */
  employer_id?: string | null;
}

/** agents (001). */
export interface AgentRow {
  id: string;
  party_id: string;
  seq: number;
  name: string;
  kind: string;
  organisation: string | null;
  phone: string | null;
  /** The desk lawyer's account (019), who may read the case. */
  user_id: string | null;
}

/** claims (001; limitation: 004). */
export interface ClaimRow {
  id: string;
  case_id: string;
  seq: number;
  type: string;
  amount_fen: number | null;
  period_start: string | null;
  period_end: string | null;
  text: string;
  facts: string | null;
  basis: string | null;
  limitation: string | null;
}

/** evidence (001). */
export interface EvidenceRow {
  id: string;
  case_id: string;
  seq: number;
  name: string;
  source: string | null;
  purpose: string | null;
  copies: number;
}

/** case_events (001). */
export interface CaseEventRow {
  id: number;
  case_id: string;
  at: string;
  kind: string;
  summary: string;
  data: string | null;
  actor_id: string;
  actor_name: string;
}

/** audit_log (001; origin, entities, digest, prev_hash, hash: 009). */
export interface AuditLogRow {
  id: number;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  target: string | null;
  detail: string | null;
  origin: string | null;
  entities: string | null;
  digest: string | null;
  prev_hash: string | null;
  hash: string | null;
}

/** calendar_years (002). */
export interface CalendarYearRow {
  year: number;
  notice: string;
  published: string;
  source: string;
  data: string;
  updated_at: string;
  updated_by: string;
}

/** case_suspensions (002). */
export interface CaseSuspensionRow {
  id: string;
  case_id: string;
  start_date: string;
  resume_date: string | null;
  reason: string;
  created_at: string;
  created_by: string;
}

/** case_extensions (002). */
export interface CaseExtensionRow {
  id: string;
  case_id: string;
  days: number;
  approved_by: string;
  approval_date: string;
  reason: string;
  created_at: string;
  created_by: string;
}

/** rooms (003). */
export interface RoomRow {
  id: string;
  venue_id: string;
  name: string;
  created_at: string;
  created_by: string;
}

/** case_tribunals (003). */
export interface CaseTribunalRow {
  case_id: string;
  mode: 'sole' | 'panel';
  presiding_id: string;
  member2_id: string | null;
  member3_id: string | null;
  clerk_id: string;
  composed_date: string;
  reason: string | null;
  updated_at: string;
  updated_by: string;
}

/** case_recusals (003). */
export interface CaseRecusalRow {
  id: string;
  case_id: string;
  user_id: string;
  decided_date: string;
  reason: string;
  created_at: string;
  created_by: string;
}

/** hearings (003). */
export interface HearingRow {
  id: string;
  case_id: string;
  date: string;
  start_time: string;
  end_time: string;
  room_id: string;
  status: 'scheduled' | 'held' | 'moved' | 'cancelled';
  outcome: string | null;
  outcome_note: string | null;
  moved_to: string | null;
  created_at: string;
  created_by: string;
}

/** case_documents (003; series_id … pages: 006). */
export interface CaseDocumentRow {
  id: string;
  case_id: string;
  kind: string;
  title: string;
  issued_date: string;
  hearing_id: string | null;
  superseded_by: string | null;
  created_at: string;
  created_by: string;
  series_id: string | null;
  version: number;
  reissue_reason: string | null;
  case_number: string | null;
  text_content: string | null;
  payload: string | null;
  docx: Buffer | null;
  pdf: Buffer | null;
  docx_sha256: string | null;
  pdf_sha256: string | null;
  pages: number | null;
  /** 文号 of a paper without a case number (014); null otherwise and for rows issued before it. */
  doc_number: string | null;
}

/** service_records (003). */
export interface ServiceRecordRow {
  id: string;
  document_id: string;
  party_id: string;
  method: string;
  sent_date: string;
  receipt_date: string | null;
  served_date: string;
  consent: string | null;
  witnesses: string | null;
  recorded: number;
  special_leaving: number;
  note: string | null;
  created_at: string;
  created_by: string;
}

/** mediations (007; consultation_id: 008). */
export interface MediationRow {
  id: string;
  case_id: string | null;
  stage: 'pre_arbitration' | 'in_arbitration';
  organisation: string;
  applicant_name: string | null;
  respondent_name: string | null;
  worker_count: number;
  claimed_fen: number | null;
  received_date: string;
  outcome: 'pending' | 'success' | 'failure' | 'withdrawn';
  outcome_date: string | null;
  outcome_note: string | null;
  closing: string | null;
  created_at: string;
  created_by: string;
  consultation_id: string | null;
}

/** mediation_sessions (007). */
export interface MediationSessionRow {
  id: string;
  mediation_id: string;
  date: string;
  mediator: string;
  attendees: string;
  notes: string;
  created_at: string;
  created_by: string;
}

/** agreement_items (007). */
export interface AgreementItemRow {
  id: string;
  mediation_id: string;
  seq: number;
  payer: string;
  payee: string;
  subject: string;
  amount_fen: number | null;
  due_date: string | null;
  method: string | null;
  instalments: string;
  text: string | null;
}

/** hearing_records (007). */
export interface HearingRecordRow {
  id: string;
  case_id: string;
  hearing_id: string | null;
  record_date: string;
  attendees: string;
  statements: string;
  evidence: string;
  questions: string;
  final_statements: string;
  mediation_attempt: string;
  created_at: string;
  created_by: string;
}

/** hearing_record_corrections (007). */
export interface HearingRecordCorrectionRow {
  id: string;
  record_id: string;
  requested_by: string;
  text: string;
  created_at: string;
  created_by: string;
}

/** claim_decisions (007). */
export interface ClaimDecisionRow {
  claim_id: string;
  case_id: string;
  result: 'supported' | 'partly' | 'rejected' | 'withdrawn';
  amount_fen: number | null;
  order_text: string;
  reasoning: string;
  articles: string;
  finality_type: string;
  provisional_execution: number;
  decided_date: string;
  locked_by: string | null;
  updated_at: string;
  updated_by: string;
}

/** award_drafts (007). */
export interface AwardDraftRow {
  case_id: string;
  procedure: 'simple' | 'ordinary';
  appearance: string;
  applicant_statement: string;
  respondent_defence: string;
  facts_found: string;
  reasoning: string;
  updated_at: string;
  updated_by: string;
}

/** case_closures (007). */
export interface CaseClosureRow {
  case_id: string;
  method: string;
  closed_date: string;
  due_date: string;
  overrun_reason: string | null;
  note: string | null;
  created_at: string;
  created_by: string;
}

/** duty_roster (008). */
export interface DutyRosterRow {
  date: string;
  lawyer_id: string;
  staff_id: string;
  law_firm: string;
  updated_at: string;
  updated_by: string;
}

/** consultations (008; updated_by: 009). */
export interface ConsultationRow {
  id: string;
  window: 'migrant' | 'injured' | 'female' | 'general';
  channel: 'walk_in' | 'phone' | 'referral';
  arrived_at: string;
  served_at: string | null;
  person_name: string;
  person_sex: string | null;
  person_id_number: string | null;
  person_phone: string | null;
  person_address: string | null;
  employer_name: string | null;
  employer_credit_code: string | null;
  employer_alias: string | null;
  dispute_type: string;
  group_flags: string;
  injury_date: string | null;
  disability_grade: number | null;
  female_stage: 'pregnant' | 'maternity' | 'nursing' | null;
  female_stage_start: string | null;
  female_stage_end: string | null;
  collective: number;
  worker_count: number;
  claims: string;
  summary: string;
  advice: string | null;
  outcome: string;
  recovered_fen: number | null;
  lawyer_id: string | null;
  staff_id: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string | null;
  /** 016; set by the employer link after insert */
  employer_id?: string | null;
}

/** aid_applications (008). */
export interface AidApplicationRow {
  id: string;
  consultation_id: string;
  matter: string;
  eligibility: string;
  eligibility_note: string | null;
  received_date: string;
  urgent: number;
  decision: 'pending' | 'approved' | 'refused';
  decision_date: string | null;
  refusal_reason: string | null;
  assigned_lawyer: string | null;
  assigned_firm: string | null;
  assigned_date: string | null;
  /** The assigned lawyer's account when one of the desk's lawyers is assigned (019). */
  assigned_user_id?: string | null;
  objection_date: string | null;
  objection_note: string | null;
  closed_date: string | null;
  closing_report: string | null;
  created_at: string;
  created_by: string;
}

/** party_corrections (009). */
export interface PartyCorrectionRow {
  id: string;
  case_id: string;
  party_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string;
  corrected_date: string;
  created_at: string;
  created_by: string;
}

/** consultation_versions (009). */
export interface ConsultationVersionRow {
  id: string;
  consultation_id: string;
  snapshot: string;
  created_at: string;
  created_by: string;
}

/** aid_history (009). */
export interface AidHistoryRow {
  id: string;
  aid_id: string;
  action: string;
  summary: string;
  data: string | null;
  created_at: string;
  created_by: string;
  actor_name: string;
}

/** case_paper_reviews (009). */
export interface CasePaperReviewRow {
  case_id: string;
  decided_date: string;
  reason: string;
  created_at: string;
  created_by: string;
}

/** login_throttle (011): failed logins per account name, known or not. */
export interface LoginThrottleRow {
  account: string;
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
}

/** employers (016). */
export interface EmployerRow {
  id: string;
  credit_code: string | null;
  name: string;
  sector: 'construction' | 'other' | null;
  industry: string | null;
  town: string | null;
  size: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  address: string | null;
  merged_into: string | null;
  merged_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string | null;
  updated_by: string | null;
}

/** employer_aliases (016). */
export interface EmployerAliasRow {
  employer_id: string;
  alias: string;
  created_at: string;
}

/** employer_merges (016, sealed). */
export interface EmployerMergeRow {
  id: string;
  from_id: string;
  into_id: string;
  reason: string;
  created_at: string;
  created_by: string;
}

/** dated_settings (016, sealed). */
export interface DatedSettingRow {
  id: string;
  key: string;
  valid_from: string;
  value: string;
  basis: string;
  created_at: string;
  created_by: string | null;
}

/** employer_grades (016, sealed). */
export interface EmployerGradeRow {
  id: string;
  employer_id: string;
  grade: 'general' | 'key' | 'hazard';
  source: 'rule' | 'override';
  reasons: string;
  rule_from: string | null;
  override_reason: string | null;
  decided_date: string;
  created_at: string;
  created_by: string | null;
}

/** inspections (016). */
export interface InspectionRow {
  id: string;
  employer_id: string;
  visit_date: string;
  inspectors: string;
  summary: string;
  created_at: string;
  created_by: string;
}

/** inspection_findings (016). */
export interface InspectionFindingRow {
  id: string;
  inspection_id: string;
  employer_id: string;
  description: string;
  order_date: string | null;
  deadline: string | null;
  rectified_date: string | null;
  rectified_note: string | null;
  created_at: string;
  created_by: string;
}

/** warnings (016). */
export interface WarningRow {
  id: string;
  employer_id: string;
  rule: string;
  raised_date: string;
  signals: string;
  status: 'open' | 'assigned' | 'closed';
  assignee_id: string | null;
  outcome: string | null;
  closed_date: string | null;
  bulletin_id: string | null;
  created_at: string;
  created_by: string | null;
}

/** warning_notes (016, sealed). */
export interface WarningNoteRow {
  id: string;
  warning_id: string;
  kind: string;
  note: string;
  created_at: string;
  created_by: string | null;
}

/** warning_bulletins (016, sealed). */
export interface WarningBulletinRow {
  id: string;
  year: number;
  seq: number;
  issued_date: string;
  content: string;
  created_at: string;
  created_by: string;
}

/** blacklist_entries (016). */
export interface BlacklistEntryRow {
  id: string;
  employer_id: string;
  status: 'noticed' | 'listed' | 'removed' | 'dropped';
  grounds: string;
  arrears_fen: number | null;
  workers: number | null;
  responsible_persons: string | null;
  notice_date: string;
  statement_deadline: string;
  decision_date: string | null;
  publication_date: string | null;
  period_end: string | null;
  removal_date: string | null;
  removal_reason: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** blacklist_steps (016, sealed). */
export interface BlacklistStepRow {
  id: string;
  entry_id: string;
  step: string;
  step_date: string;
  note: string | null;
  document_id: string | null;
  created_at: string;
  created_by: string;
}
/** collective_workers (017). */
export interface CollectiveWorkerRow {
  id: string;
  case_id: string;
  seq: number;
  name: string;
  id_number: string;
  phone: string | null;
  job: string | null;
  period: string | null;
  claim_items: string;
  claimed_fen: number;
  created_at: string;
  created_by: string | null;
}

/** collective_representatives (017). */
export interface CollectiveRepresentativeRow {
  worker_id: string;
  case_id: string;
  elected_date: string;
  authorisation: string;
  created_at: string;
  created_by: string | null;
}

/** collective_results (017). */
export interface CollectiveResultRow {
  worker_id: string;
  kind: 'award' | 'mediation';
  case_id: string;
  mediation_id: string | null;
  items: string;
  amount_fen: number;
  updated_at: string;
  updated_by: string | null;
}

/** performance_records (023, sealed). */
export interface PerformanceRecordRow {
  id: string;
  case_id: string;
  instrument: 'award' | 'mediation';
  due_date: string;
  status: 'paid' | 'partial' | 'unpaid';
  as_of: string;
  paid_fen: number | null;
  enforcement_date: string | null;
  enforcement_court: string | null;
  note: string | null;
  created_at: string;
  created_by: string;
}

/** evidence_submissions (018). */
export interface EvidenceSubmissionRow {
  id: string;
  case_id: string;
  party_id: string;
  received_date: string;
  note: string | null;
  created_at: string;
  created_by: string;
}

/** evidence_items (018). */
export interface EvidenceItemRow {
  submission_id: string;
  seq: number;
  name: string;
  source: string | null;
  purpose: string;
  pages: number;
  original: 0 | 1;
  copies: number;
}

/** mediation_reviews (018). */
export interface MediationReviewRow {
  id: string;
  mediation_id: string;
  applicant_date: string;
  respondent_date: string;
  accepted_date: string | null;
  arbitrator_id: string | null;
  outcome: 'statement' | 'refused' | null;
  ground: number | null;
  reason: string | null;
  decided_date: string | null;
  created_at: string;
  created_by: string;
}

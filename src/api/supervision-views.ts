/** Views of the employer register and employer supervision (issue 16). */

export type GradeCode = 'general' | 'key' | 'hazard';

export interface EmployerSummary {
  id: string;
  name: string;
  creditCode: string | null;
  sector: 'construction' | 'other' | null;
  sectorLabel: string;
  industry: string | null;
  town: string | null;
  cases: number;
  consultations: number;
  grade: GradeCode | null;
  gradeLabel: string;
  /** on the 欠薪失信名单 now */
  listed: boolean;
}

export interface EmployerListPage {
  total: number;
  rows: EmployerSummary[];
}

export interface EmployerTimelineItem {
  date: string;
  kind: 'case' | 'consultation' | 'mediation' | 'inspection' | 'finding' | 'warning' | 'grade' | 'blacklist' | 'merge';
  kindLabel: string;
  text: string;
  /** renderer route of the record, where it has a page */
  link: string | null;
}

export interface GradeChangeView {
  grade: GradeCode;
  gradeLabel: string;
  source: 'rule' | 'override';
  reasons: string[];
  overrideReason: string | null;
  decidedDate: string;
  byName: string | null;
}

export interface FindingView {
  id: string;
  description: string;
  orderDate: string | null;
  deadline: string | null;
  rectifiedDate: string | null;
  rectifiedNote: string | null;
  overdue: boolean;
}

export interface InspectionView {
  id: string;
  employerId: string;
  visitDate: string;
  inspectors: string;
  summary: string;
  findings: FindingView[];
}

export interface WarningView {
  id: string;
  employerId: string;
  employerName: string;
  rule: string;
  ruleLabel: string;
  raisedDate: string;
  signals: string[];
  status: 'open' | 'assigned' | 'closed';
  statusLabel: string;
  assigneeName: string | null;
  outcome: string | null;
  closedDate: string | null;
  /** 欠薪预警信息 2026年第1期 */
  bulletin: string | null;
  notes: { kind: string; note: string; at: string; byName: string | null }[];
}

export interface BulletinView {
  id: string;
  year: number;
  seq: number;
  /** 欠薪预警信息 第N期 (N within the year) */
  title: string;
  issuedDate: string;
  entries: { employerName: string; creditCode: string | null; town: string | null; signals: string[]; actions: string }[];
  summary: string;
}

export interface BlacklistStepView {
  step: string;
  stepLabel: string;
  date: string;
  note: string | null;
}

export interface BlacklistEntryView {
  id: string;
  employerId: string;
  employerName: string;
  creditCode: string | null;
  status: 'noticed' | 'listed' | 'removed' | 'dropped';
  statusLabel: string;
  grounds: string;
  arrearsFen: number | null;
  workers: number | null;
  responsiblePersons: string | null;
  noticeDate: string;
  statementDeadline: string;
  decisionDate: string | null;
  publicationDate: string | null;
  periodEnd: string | null;
  removalDate: string | null;
  removalReason: string | null;
  steps: BlacklistStepView[];
}

export interface EmployerView extends EmployerSummary {
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  size: string | null;
  aliases: string[];
  mergedInto: string | null;
  /** records merged into this one */
  mergedFrom: { id: string; name: string; date: string; reason: string; byName: string | null }[];
  gradeReasons: string[];
  gradeHistory: GradeChangeView[];
  lastVisit: string | null;
  nextVisitDue: string | null;
  timeline: EmployerTimelineItem[];
  inspections: InspectionView[];
  warnings: WarningView[];
  blacklist: BlacklistEntryView[];
}

export interface VisitDueItem {
  employerId: string;
  name: string;
  town: string | null;
  grade: GradeCode;
  gradeLabel: string;
  lastVisit: string | null;
  due: string;
}

export interface InspectionFigures {
  from: string;
  to: string;
  /** employers inspected (distinct) */
  employers: number;
  visits: number;
  /** hidden risks (隐患) found */
  risks: number;
  /** of which ordered to rectify */
  ordered: number;
  rectified: number;
}

export interface SupervisionDashboard {
  today: string;
  warnings: WarningView[];
  overdueOrders: { findingId: string; employerId: string; employerName: string; description: string; deadline: string }[];
  visitsDue: number;
}

export interface DatedSettingView {
  key: string;
  validFrom: string;
  basis: string;
  value: unknown;
  /** stored by the commission (false: the shipped default) */
  stored: boolean;
  /** the version in force today */
  current: boolean;
}

/** Performance of a case's award or 调解书 (issue 16; 《劳动争议调解仲裁法》第五十一条). */
export interface PerformanceRecordView {
  id: string;
  dueDate: string;
  status: 'paid' | 'partial' | 'unpaid';
  statusLabel: string;
  asOf: string;
  paidFen: number | null;
  enforcementDate: string | null;
  enforcementCourt: string | null;
  note: string | null;
  at: string;
  byName: string | null;
}

export interface PerformanceView {
  caseId: string;
  instrument: 'award' | 'mediation';
  instrumentLabel: string;
  /** oldest first; the last is the current state */
  records: PerformanceRecordView[];
  current: PerformanceRecordView | null;
  /** not paid in full and the due date has passed (the grade signal) */
  inDefault: boolean;
  basis: string;
}

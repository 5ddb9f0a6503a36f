/** Output shapes of the statistics, reports and ledger import (issue 15). */

/** A figure of the official table with its definition, and (when comparing) the other period's figure and the change. */
export interface OfficialRowView {
  key: string;
  label: string;
  level: 0 | 1 | 2;
  unit: '件' | '人' | '元';
  note: string | null;
  value: number;
  compare: number | null;
  change: string | null;
}
export interface OfficialRateView {
  key: string;
  label: string;
  note: string;
  /** Percentage with one decimal (e.g. 46.2), or null without a denominator. */
  value: number | null;
  compare: number | null;
  change: string | null;
  numerator: string;
  denominator: string[];
}
export interface OfficialReport {
  from: string;
  to: string;
  compareFrom: string | null;
  compareTo: string | null;
  rows: OfficialRowView[];
  rates: OfficialRateView[];
  /** Average days from acceptance to closing of the cases closed in the period (one decimal). */
  averageDays: number | null;
  compareAverageDays: number | null;
  /** Figures per venue (amounts in yuan), keyed by row key. */
  byVenue: { venueId: string; venueName: string; rows: Record<string, number> }[];
  byMonth: { month: string; rows: Record<string, number> }[];
}
export interface DrillCaseView {
  caseId: string;
  caseNumber: string;
  venueName: string;
  acceptanceDate: string;
  closedDate: string | null;
  workers: number;
  amountYuan: number;
  cause: string;
  manner: string | null;
  result: string | null;
  finalAward: boolean;
  dueDate: string | null;
}
export interface OfficialDrill { key: string; label: string; cases: DrillCaseView[] }

export interface LedgerImportIssue { sheet: string; row: number; column: string; message: string }
export interface LedgerImportReport {
  dryRun: boolean;
  fileName: string;
  rows: number;
  toImport: { cases: number; mediations: number; consultations: number };
  unchanged: number;
  issues: LedgerImportIssue[];
  imported: boolean;
}

/** The desk's own indicators for a period (issue 15 item 2); amounts in yuan, rates in percent with one decimal. */
export interface DeskIndicators {
  from: string;
  to: string;
  consultations: {
    total: number;
    byWindow: { key: string; label: string; count: number; people: number }[];
    byChannel: { key: string; label: string; count: number; people: number }[];
    byGroup: { key: string; label: string; count: number; people: number }[];
  };
  mediations: { organisation: string; invited: number; succeeded: number; failed: number; rate: number | null; workers: number; claimedYuan: number }[];
  mediationTotal: { invited: number; succeeded: number; rate: number | null };
  circuits: { venueId: string; venueName: string; cases: number; workers: number; amountYuan: number }[];
  wageArrears: { sector: 'construction' | 'other' | 'unknown'; label: string; cases: number; workers: number; amountYuan: number }[];
  legalAid: { received: number; approved: number; refused: number; pending: number; averageDecisionDays: number | null };
  satisfaction: { subject: 'case' | 'consultation'; label: string; satisfied: number; basic: number; unsatisfied: number; total: number; rate: number | null }[];
}

/** The records one indicator figure counts (issue 15 item 4). */
export interface IndicatorDrillView {
  label: string;
  rows: { id: string; date: string; subject: string; kind: string; people: number | null; amountYuan: number | null; caseId: string | null }[];
}

import type { OperationName } from './operations';

/**
 * Operations that only read. Every other operation is a write: the dispatcher runs it in one IMMEDIATE transaction
 * with its checks inside it and appends its audit entry (src/services/tx.ts). A read that writes is refused at run time.
 */
export const READ_OPERATIONS: ReadonlySet<OperationName> = new Set<OperationName>([
  'setup.status', 'auth.me', 'auth.logout', 'users.list', 'settings.get', 'venues.list', 'cases.related', 'cases.get', 'cases.list',
  'calendar.years', 'deadlines.rules', 'deadlines.compute', 'cases.clock', 'rooms.list', 'cases.proceedings', 'hearings.list',
  'documents.kinds', 'documents.preview', 'documents.file', 'documents.issued', 'documents.merged', 'cases.outcomes', 'mediation.stats', 'dashboard.get', 'duty.get', 'duty.list',
  'duty.candidates', 'consultations.get', 'consultations.list', 'conflicts.check', 'aid.eligibility', 'aid.document', 'calculators.list',
  'calculators.run', 'audit.head', 'audit.verify',
  // issue 15
  'stats.official', 'stats.indicators', 'stats.drill', 'stats.export', 'stats.pdf', 'stats.indicatorDrill', 'ledger.template',
  'collective.roster', 'collective.parseRoster', 'collective.template',
  // issue 11 item 6
  'evidence.list', 'hearings.bulletin', 'review.get', 'review.paper',
  // issue 16
  'employers.list', 'employers.get', 'employers.towns', 'supervision.rules', 'supervision.dashboard', 'grades.visitsDue', 'inspections.figures', 'warnings.list', 'bulletins.list', 'bulletins.get', 'bulletins.document', 'blacklist.list', 'blacklist.export', 'blacklist.document', 'employers.lookup',
  'performance.get', 'collective.workerClaims',
  // issue 12 item 2 (personal.reveal is a write: it appends to the read log)
  'personal.readLog', 'consultations.erasable',
  // issue 15 (branch stats-b): the lists across cases and the survey screen's read; exports are audited like cases.export
  'mediations.list', 'documents.register', 'survey.get',
] as OperationName[]);

export const isReadOperation = (name: OperationName): boolean => READ_OPERATIONS.has(name);

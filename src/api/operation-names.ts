/**
 * The operation names alone, for the preload (which must not pull zod schemas into the sandboxed bundle).
 * A test checks that this list equals the keys of `operations`.
 */
export const OPERATION_NAMES = [
  'setup.status', 'setup.createAdmin', 'auth.login', 'auth.logout', 'auth.me',
  'users.list', 'users.create', 'users.setActive', 'settings.get', 'settings.update',
  'venues.list', 'venues.create', 'cases.saveDraft', 'cases.discardDraft', 'cases.related',
  'cases.accept', 'cases.notAccept', 'cases.get', 'cases.list',
  'calendar.years', 'calendar.importYear', 'calendar.setDay', 'deadlines.rules', 'deadlines.compute',
  'cases.clock', 'cases.suspend', 'cases.resume', 'cases.extend',
  'rooms.list', 'rooms.create', 'cases.proceedings', 'cases.compose', 'cases.recuse', 'hearings.schedule', 'hearings.move',
  'hearings.rollCall', 'hearings.list', 'documents.kinds', 'documents.preview', 'documents.issue', 'documents.reissue', 'documents.file', 'documents.issued', 'documents.merged',
  'documents.serve', 'dashboard.get', 'cases.outcomes', 'mediation.create', 'mediation.addSession', 'mediation.conclude',
  'mediation.issueStatement', 'mediation.stats', 'hearingRecords.create', 'hearingRecords.correct', 'hearingRecords.print', 'claims.decide',
  'award.saveDraft', 'award.issue', 'cases.close', 'duty.get', 'duty.list', 'duty.candidates', 'duty.set', 'consultations.create', 'consultations.update', 'consultations.edit',
  'consultations.get', 'consultations.list', 'conflicts.check', 'aid.eligibility', 'aid.apply', 'aid.decide', 'aid.assign', 'aid.object', 'aid.close', 'aid.document',
  'calculators.list', 'calculators.run', 'audit.head', 'audit.verify', 'parties.correct', 'cases.paperReview',
  // issue 12: logins and sessions
  'auth.changePassword', 'auth.lock', 'auth.unlock', 'users.resetPassword',
  'cases.export', 'staff.list',
  // issue 15
  'stats.official', 'stats.indicators', 'stats.drill', 'stats.export', 'stats.pdf', 'stats.indicatorDrill', 'ledger.template', 'ledger.import', 'satisfaction.record',
  // issue 16 item 6: collective cases
  'collective.roster', 'collective.parseRoster', 'collective.importRoster', 'collective.template', 'collective.representatives', 'collective.results',
  // issue 16: employer register and supervision
  'employers.list', 'employers.get', 'employers.update', 'employers.addAlias', 'employers.removeAlias', 'employers.merge', 'employers.towns', 'supervision.rules', 'supervision.setRule', 'supervision.dashboard', 'grades.recompute', 'grades.override', 'grades.visitsDue', 'inspections.create', 'inspections.confirm', 'inspections.figures', 'warnings.list', 'warnings.assign', 'warnings.note', 'warnings.close', 'bulletins.issue', 'bulletins.list', 'bulletins.get', 'bulletins.document', 'blacklist.notice', 'blacklist.decide', 'blacklist.publish', 'blacklist.remove', 'blacklist.list', 'blacklist.export', 'blacklist.document', 'employers.lookup',
  'performance.get', 'performance.record', 'collective.workerClaims', 'collective.editClaims',
  // issue 12 item 2: need-to-know personal data
  'personal.reveal', 'consultations.reveal', 'personal.readLog', 'consultations.erase', 'personal.export', 'consultations.erasable',
  // issue 15 items 4, 6, 7 (branch stats-b)
  'consultations.export', 'mediations.list', 'mediations.export', 'hearings.export', 'documents.register', 'documents.exportRegister', 'survey.open', 'survey.get', 'survey.submit',
  // issue 11 item 6: evidence, the day's 开庭公告, the arbitral review of a mediation agreement
  'evidence.submit', 'evidence.list', 'hearings.bulletin', 'review.get', 'review.apply', 'review.accept', 'review.decide', 'review.paper',
] as const;

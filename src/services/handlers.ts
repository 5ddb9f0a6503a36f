import { listPerformance, recordPerformance } from './performance';
import type * as z from 'zod';
import type { OperationName, Operations } from '../api';
import { acceptCase, discardDraft, getCase, listCases, notAcceptCase, relatedCases, saveDraft } from './cases';
import { exportCases, exportConsultations, exportHearings, exportMediations, exportRegister, listMediations, listRegister } from './list-export';
import { openSurvey, submitSurvey, surveyScreen } from './survey';
import { importLedger, ledgerTemplate, recordSatisfaction } from './ledger';
import { deskIndicators, exportOfficialReport, indicatorDrill, officialDrill, officialReport } from './stats';
import { statsReportPdf } from './stats-report';
import type { ServiceContext } from './context';
import { importCalendarYear, listCalendarYears, setCalendarDay } from './calendar';
import { listCalculators, runCalculator } from './calculators';
import { caseClock, checkHearingNotice, computeDeadline, dashboard, extendCase, listRules, resumeCase, suspendCase } from './clock';
import {
  composeTribunal, createRoom, currentHearingNotices, getProceedings, listHearings, listRooms, listStaff, moveHearing, recuse, rollCall, scheduleHearing,
  serveDocument,
} from './proceedings';
import { documentFile, documentKinds, issueDocument, issuedOfKind, mergedPdf, previewDocument, reissueDocument } from './documents';
import { shanghaiDate } from '../domain';
import {
  addMediationSession, getMediation, closeCase, concludeMediation, correctHearingRecord, createHearingRecord, createMediation, decideClaim, getOutcomes, issueAward,
  issueMediationStatement, mediationStats, printHearingRecord, saveAwardDraft,
} from './outcomes';
import {
  aidDocument, applyAid, assignAid, checkConflictsFor, closeAid, createConsultation, decideAid, dutyCandidates, dutyOn, eligibilityFor, getConsultation, listConsultations, listDuty, objectAid,
  setDuty, updateConsultation, editConsultation,
} from './legal-aid';
import { readSettings, updateSettings } from './settings';
import { createFirstAdmin, createUser, listUsers, needsAdmin, setActive } from './users';
import { changeOwnPassword, currentUser, lockSession, login, resetPassword, unlockSession } from './logins';
import { createVenue, listVenues } from './venues';
import { auditHead, auditVerify } from './audit';
import { moveHearingWithNotices } from './hearing-move';
import { listEvidence, submitEvidence } from './evidence';
import { hearingBulletinFile } from './hearing-bulletin';
import { acceptReview, applyReview, decideReview, getReview, reviewPaper } from './mediation-review';
import { correctParty, decidePaperReview } from './corrections';
import { editWorkerClaims, getRoster, importRoster, parseRoster, rosterTemplate, setRepresentatives, setResults, workerClaims } from './collective';
import {
  addEmployerAlias, assignWarning, closeWarning, confirmRectification, createInspection, decideBlacklist, editEmployer, getBulletin, getEmployer, inspectionFigures,
  issueBulletin, listBlacklist, lookupEmployer, listBulletins, listEmployers, listSupervisionSettings, listWarnings, mergeEmployers, noteWarning, noticeBlacklist, overrideGrade,
  publishBlacklist, recomputeGrades, removeBlacklist, removeEmployerAlias, setSupervisionSetting, supervisionDashboard, towns, visitsDue,
} from './supervision';
import { blacklistFile, bulletinFile, exportBlacklist } from './supervision-files';
import { caseViewer } from './case-access';
import { erasableConsultations, eraseConsultation, exportPersonalData, maskedCase, personalReadLog, revealPersonal } from './personal';

type Handler<N extends OperationName> = (
  ctx: ServiceContext,
  input: z.output<Operations[N]['input']>,
) => Exclude<Operations[N]['output'], undefined> | Promise<Exclude<Operations[N]['output'], undefined>>;

/** One handler per operation; the type makes a missing or extra handler a compile error. */
export const handlers: { [N in OperationName]: Handler<N> } = {
  'setup.status': (ctx) => {
    const settings = readSettings(ctx.db);
    return { needsAdmin: needsAdmin(ctx.db), commissionName: settings.commissionName, idleLockMinutes: settings.idleLockMinutes };
  },
  'setup.createAdmin': (ctx, input) => createFirstAdmin(ctx, input),
  'auth.login': (ctx, input) => login(ctx, input.username, input.password),
  'auth.logout': (ctx) => {
    ctx.session.user = null;
    return null;
  },
  'auth.me': (ctx) => currentUser(ctx),
  'auth.changePassword': (ctx, input) => changeOwnPassword(ctx, input),
  'auth.lock': (ctx) => lockSession(ctx),
  'auth.unlock': (ctx, input) => unlockSession(ctx, input.password),
  'users.resetPassword': (ctx, input) => resetPassword(ctx, input.id, input.password),
  'users.list': (ctx) => listUsers(ctx.db),
  'users.create': (ctx, input) => createUser(ctx, input, ctx.session.user!.id),
  'users.setActive': (ctx, input) => setActive(ctx, input.id, input.active),
  'settings.get': (ctx) => readSettings(ctx.db),
  'settings.update': (ctx, input) => updateSettings(ctx, input),
  'venues.list': (ctx) => listVenues(ctx.db),
  'venues.create': (ctx, input) => createVenue(ctx, input),
  'cases.saveDraft': (ctx, input) => saveDraft(ctx, input),
  'cases.discardDraft': (ctx, input) => discardDraft(ctx, input.id),
  'cases.related': (ctx, input) => relatedCases(ctx.db, { ...input, viewer: caseViewer(ctx) }),
  'cases.accept': (ctx, input) => maskedCase(acceptCase(ctx, input.id, input.acceptanceDate)),
  'cases.notAccept': (ctx, input) => maskedCase(notAcceptCase(ctx, input)),
  'cases.get': (ctx, input) => maskedCase(getCase(ctx.db, input)),
  'cases.list': (ctx, input) => listCases(ctx.db, { ...input, viewer: caseViewer(ctx) }),
  'cases.export': (ctx, input) => exportCases(ctx, input),
  'staff.list': (ctx) => listStaff(ctx.db),
  'calendar.years': (ctx) => listCalendarYears(ctx.db),
  'calendar.importYear': (ctx, input) => importCalendarYear(ctx, input),
  'calendar.setDay': (ctx, input) => setCalendarDay(ctx, input),
  'deadlines.rules': (ctx) => listRules(ctx.db),
  'deadlines.compute': (ctx, input) => computeDeadline(ctx.db, input),
  'cases.clock': (ctx, input) => caseClock(ctx, input.id),
  'cases.suspend': (ctx, input) => suspendCase(ctx, input),
  'cases.resume': (ctx, input) => resumeCase(ctx, input),
  'cases.extend': (ctx, input) => extendCase(ctx, input),
  'rooms.list': (ctx) => listRooms(ctx.db),
  'rooms.create': (ctx, input) => createRoom(ctx, input),
  'cases.proceedings': (ctx, input) => getProceedings(ctx.db, input.id),
  'cases.compose': (ctx, input) => composeTribunal(ctx, input),
  'cases.recuse': (ctx, input) => recuse(ctx, input),
  'hearings.schedule': (ctx, input) => {
    checkHearingNotice(ctx, input.date, input.shortNoticeReason);
    return scheduleHearing(ctx, input);
  },
  'hearings.move': (ctx, input) => {
    checkHearingNotice(ctx, input.date, input.shortNoticeReason);
    return moveHearingWithNotices(ctx, input);
  },
  'hearings.rollCall': (ctx, input) => rollCall(ctx, input),
  'hearings.list': (ctx, input) => listHearings(ctx.db, { ...input, viewer: caseViewer(ctx) }),
  'documents.kinds': (ctx, input) => documentKinds(ctx.db, input.id, shanghaiDate(ctx.now())),
  'documents.preview': (ctx, input) => previewDocument(ctx.db, input),
  'documents.issue': (ctx, input) => issueDocument(ctx, input),
  'documents.reissue': (ctx, input) => reissueDocument(ctx, input),
  'documents.file': (ctx, input) => documentFile(ctx.db, input),
  'documents.issued': (ctx, input) => issuedOfKind(ctx.db, input),
  'documents.merged': (ctx, input) => mergedPdf(ctx.db, input),
  'documents.serve': (ctx, input) => serveDocument(ctx, input),
  'dashboard.get': (ctx, input) => dashboard(ctx, input),
  'cases.outcomes': (ctx, input) => getOutcomes(ctx, input.id),
  'mediation.create': (ctx, input) => createMediation(ctx, input),
  'mediation.addSession': (ctx, input) => addMediationSession(ctx, input),
  'mediation.conclude': (ctx, input) => concludeMediation(ctx, input),
  'mediation.issueStatement': (ctx, input) => issueMediationStatement(ctx, input),
  'mediation.stats': (ctx, input) => mediationStats(ctx.db, input),
  'hearingRecords.create': (ctx, input) => createHearingRecord(ctx, input),
  'hearingRecords.correct': (ctx, input) => correctHearingRecord(ctx, input),
  'hearingRecords.print': (ctx, input) => printHearingRecord(ctx, input),
  'claims.decide': (ctx, input) => decideClaim(ctx, input),
  'award.saveDraft': (ctx, input) => saveAwardDraft(ctx, input),
  'award.issue': (ctx, input) => issueAward(ctx, input),
  'cases.close': (ctx, input) => closeCase(ctx, input),
  'duty.get': (ctx, input) => dutyOn(ctx.db, input.date),
  'duty.list': (ctx, input) => listDuty(ctx.db, input),
  'duty.candidates': (ctx) => dutyCandidates(ctx.db),
  'duty.set': (ctx, input) => setDuty(ctx, input),
  'consultations.create': (ctx, input) => createConsultation(ctx, input),
  'consultations.update': (ctx, input) => updateConsultation(ctx, input),
  'consultations.edit': (ctx, input) => editConsultation(ctx, input),
  'consultations.get': (ctx, input) => getConsultation(ctx, input.id),
  'consultations.list': (ctx, input) => listConsultations(ctx, input),
  'conflicts.check': (ctx, input) => checkConflictsFor(ctx, input),
  'aid.eligibility': (ctx, input) => eligibilityFor(ctx, input),
  'aid.apply': (ctx, input) => applyAid(ctx, input),
  'aid.decide': (ctx, input) => decideAid(ctx, input),
  'aid.assign': (ctx, input) => assignAid(ctx, input),
  'aid.object': (ctx, input) => objectAid(ctx, input),
  'aid.close': (ctx, input) => closeAid(ctx, input),
  'aid.document': (ctx, input) => aidDocument(ctx, input),
  'calculators.list': () => listCalculators(),
  'calculators.run': (_ctx, input) => runCalculator(input.name, input.input),
  'audit.head': (ctx) => auditHead(ctx.db),
  'audit.verify': (ctx) => auditVerify(ctx.db),
  'parties.correct': (ctx, input) => maskedCase(correctParty(ctx, input)),
  'cases.paperReview': (ctx, input) => decidePaperReview(ctx, input),
  // issue 15
  'stats.official': (ctx, input) => officialReport(ctx.db, input),
  'stats.indicators': (ctx, input) => deskIndicators(ctx.db, input),
  'stats.drill': (ctx, input) => officialDrill(ctx.db, { ...input, viewer: caseViewer(ctx) }),
  'stats.export': (ctx, input) => exportOfficialReport(ctx, input),
  'stats.pdf': (ctx, input) => statsReportPdf(ctx, input),
  'stats.indicatorDrill': (ctx, input) => indicatorDrill(ctx.db, input),
  'ledger.template': () => ledgerTemplate(),
  'satisfaction.record': (ctx, input) => recordSatisfaction(ctx, input),
  'ledger.import': (ctx, input) => importLedger(ctx, input),
  'collective.roster': (ctx, input) => getRoster(ctx.db, input),
  'collective.parseRoster': (ctx, input) => parseRoster(ctx, input),
  'collective.importRoster': (ctx, input) => importRoster(ctx, input),
  'collective.template': () => rosterTemplate(),
  'collective.representatives': (ctx, input) => setRepresentatives(ctx, input),
  'collective.results': (ctx, input) => setResults(ctx, input),
  // issue 16: employer register and supervision
  'employers.list': (ctx, input) => listEmployers(ctx, input),
  'employers.get': (ctx, input) => getEmployer(ctx, input.id),
  'employers.update': (ctx, input) => editEmployer(ctx, input),
  'employers.addAlias': (ctx, input) => addEmployerAlias(ctx, input),
  'employers.removeAlias': (ctx, input) => removeEmployerAlias(ctx, input),
  'employers.merge': (ctx, input) => mergeEmployers(ctx, input),
  'employers.towns': (ctx) => towns(ctx),
  'supervision.rules': (ctx, input) => listSupervisionSettings(ctx, input),
  'supervision.setRule': (ctx, input) => setSupervisionSetting(ctx, input),
  'supervision.dashboard': (ctx) => supervisionDashboard(ctx),
  'grades.recompute': (ctx, input) => recomputeGrades(ctx, input),
  'grades.override': (ctx, input) => overrideGrade(ctx, input),
  'grades.visitsDue': (ctx, input) => visitsDue(ctx, input),
  'inspections.create': (ctx, input) => createInspection(ctx, input),
  'inspections.confirm': (ctx, input) => confirmRectification(ctx, input),
  'inspections.figures': (ctx, input) => inspectionFigures(ctx.db, input),
  'warnings.list': (ctx, input) => listWarnings(ctx, input),
  'warnings.assign': (ctx, input) => assignWarning(ctx, input),
  'warnings.note': (ctx, input) => noteWarning(ctx, input),
  'warnings.close': (ctx, input) => closeWarning(ctx, input),
  'bulletins.issue': (ctx, input) => issueBulletin(ctx, input),
  'bulletins.list': (ctx) => listBulletins(ctx),
  'bulletins.get': (ctx, input) => getBulletin(ctx, input.id),
  'bulletins.document': (ctx, input) => bulletinFile(ctx, input),
  'blacklist.notice': (ctx, input) => noticeBlacklist(ctx, input),
  'blacklist.decide': (ctx, input) => decideBlacklist(ctx, input),
  'blacklist.publish': (ctx, input) => publishBlacklist(ctx, input),
  'blacklist.remove': (ctx, input) => removeBlacklist(ctx, input),
  'blacklist.list': (ctx, input) => listBlacklist(ctx, input),
  'blacklist.export': (ctx) => exportBlacklist(ctx),
  'blacklist.document': (ctx, input) => blacklistFile(ctx, input),
  'employers.lookup': (ctx, input) => lookupEmployer(ctx, input),
  'performance.get': (ctx, input) => listPerformance(ctx, input),
  'performance.record': (ctx, input) => recordPerformance(ctx, input),
  'collective.workerClaims': (ctx, input) => workerClaims(ctx.db, input),
  'collective.editClaims': (ctx, input) => editWorkerClaims(ctx, input),
  // issue 12 item 2
  'personal.reveal': (ctx, input) => revealPersonal(ctx, { recordKind: 'party', recordId: input.partyId, field: input.field, reason: input.reason }),
  'consultations.reveal': (ctx, input) => revealPersonal(ctx, { recordKind: 'consultation', recordId: input.consultationId, field: input.field, reason: input.reason }),
  'personal.readLog': (ctx, input) => personalReadLog(ctx, input),
  'consultations.erase': (ctx, input) => eraseConsultation(ctx, input),
  'personal.export': (ctx, input) => exportPersonalData(ctx, input),
  'consultations.erasable': (ctx) => erasableConsultations(ctx),
  // issue 15 items 4, 6, 7 (branch stats-b)
  'consultations.export': (ctx, input) => exportConsultations(ctx, input),
  'mediations.list': (ctx, input) => listMediations(ctx, input),
  'mediations.export': (ctx, input) => exportMediations(ctx, input),
  'hearings.export': (ctx, input) => exportHearings(ctx, input),
  'documents.register': (ctx, input) => listRegister(ctx.db, input),
  'documents.exportRegister': (ctx, input) => exportRegister(ctx, input),
  'survey.open': (ctx, input) => openSurvey(ctx, input),
  'survey.get': (ctx, input) => surveyScreen(ctx, input),
  'survey.submit': (ctx, input) => submitSurvey(ctx, input),
  // issue 11 item 6
  'evidence.submit': (ctx, input) => submitEvidence(ctx, input),
  'evidence.list': (ctx, input) => listEvidence(ctx.db, input.id),
  'hearings.bulletin': (ctx, input) => hearingBulletinFile(ctx, input),
  'review.get': (ctx, input) => ({ mediation: getMediation(ctx.db, input.id), review: getReview(ctx.db, input.id) }),
  'review.apply': (ctx, input) => applyReview(ctx, input),
  'review.accept': (ctx, input) => acceptReview(ctx, input),
  'review.decide': (ctx, input) => decideReview(ctx, input),
  'review.paper': (ctx, input) => reviewPaper(ctx, input),
};

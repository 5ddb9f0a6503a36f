import type { CaseDetail, CaseDraftInput, ConsultationView, PartyInput } from '../../../../src/api';
import type { ClaimType } from '../../../../src/domain';
import { CLAIM_TYPE_INFO, fenToYuanText, parseYuanToFen, shanghaiDate } from '../../../../src/domain';
import { optDate } from '../../lib/dates';

/** Dates in the form are 'YYYY-MM-DD' strings (DateField). */
type DateText = string;

/** Form values mirror the API draft, except amounts (yuan text). */
export interface PartyValues {
  kind: 'person' | 'org';
  name?: string;
  sex?: 'male' | 'female';
  birthDate?: DateText;
  ethnicity?: string;
  idType?: 'resident' | 'other';
  idNumber?: string;
  creditCode?: string;
  domicile?: string;
  serviceAddress?: string;
  phone?: string;
  representativeName?: string;
  representativeTitle?: string;
  representativeKind?: 'legal' | 'principal';
  isRepresentative?: boolean;
  agents?: { name?: string; kind?: string; organisation?: string; phone?: string; userId?: string | null }[];
}
export interface LimitationValues {
  enabled?: boolean;
  knewDate?: DateText;
  wageArrearsDuringEmployment?: boolean;
  employmentEndDate?: DateText;
  interruptions?: DateText[];
  suspensions?: { start?: DateText; end?: DateText }[];
}
export interface ClaimValues {
  limitation?: LimitationValues;
  type?: ClaimType;
  amountYuan?: string;
  periodStart?: DateText;
  periodEnd?: DateText;
  text?: string;
  facts?: string;
  basis?: string;
}
export interface DraftValues {
  venueId?: string;
  receivedDate?: DateText;
  cause?: string;
  collective?: boolean;
  workerCount?: number;
  groupFlags?: string[];
  applicants?: PartyValues[];
  respondents?: PartyValues[];
  thirdParties?: PartyValues[];
  claims?: ClaimValues[];
  evidence?: { name?: string; source?: string; purpose?: string; copies?: number }[];
  note?: string;
  /** Set when the application was started from a consultation at the legal-aid desk. */
  consultationId?: string;
}

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

function toParty(p: PartyValues): PartyInput {
  const agents = (p.agents ?? []).map((a) => ({ name: a.name ?? '', kind: (a.kind ?? 'other') as never, organisation: blank(a.organisation), phone: blank(a.phone), ...(a.userId ? { userId: a.userId } : {}) }));
  if (p.kind === 'org') {
    return {
      kind: 'org', name: p.name ?? '', creditCode: blank(p.creditCode), domicile: blank(p.domicile), serviceAddress: blank(p.serviceAddress),
      phone: blank(p.phone), representativeName: blank(p.representativeName), representativeTitle: blank(p.representativeTitle),
      representativeKind: p.representativeKind ?? 'legal', agents,
    };
  }
  return {
    kind: 'person', name: p.name ?? '', sex: p.sex, birthDate: optDate(p.birthDate), ethnicity: blank(p.ethnicity), idType: p.idType ?? 'resident',
    idNumber: blank(p.idNumber), domicile: blank(p.domicile), serviceAddress: blank(p.serviceAddress), phone: blank(p.phone),
    isRepresentative: p.isRepresentative ?? false, agents,
  };
}

function toLimitation(l: LimitationValues): NonNullable<CaseDraftInput['claims'][number]['limitation']> {
  return {
    knewDate: optDate(l.knewDate), wageArrearsDuringEmployment: l.wageArrearsDuringEmployment ?? false, employmentEndDate: optDate(l.employmentEndDate),
    interruptions: (l.interruptions ?? []).map((d) => d ?? ''), suspensions: (l.suspensions ?? []).filter(Boolean).map((x) => ({ start: x.start ?? '', end: x.end ?? '' })),
  };
}

/** Amounts that do not parse are sent as NaN so the server's own message comes back for that field. */
export function toDraft(v: DraftValues, id?: string): CaseDraftInput {
  return {
    ...(id ? { id } : {}),
    venueId: v.venueId ?? '',
    receivedDate: optDate(v.receivedDate) ?? '',
    cause: blank(v.cause),
    collective: v.collective ?? false,
    workerCount: v.collective ? v.workerCount : undefined,
    groupFlags: (v.groupFlags ?? []) as never,
    applicants: (v.applicants ?? []).map(toParty),
    respondents: (v.respondents ?? []).map(toParty),
    thirdParties: (v.thirdParties ?? []).map(toParty),
    claims: (v.claims ?? []).map((c) => ({
      type: c.type as ClaimType,
      amountFen: blank(c.amountYuan) === undefined ? null : (parseYuanToFen(c.amountYuan!) ?? Number.NaN),
      periodStart: optDate(c.periodStart), periodEnd: optDate(c.periodEnd), text: c.text ?? '', facts: blank(c.facts), basis: blank(c.basis),
      limitation: c.limitation?.enabled ? toLimitation(c.limitation) : undefined,
    })),
    evidence: (v.evidence ?? []).map((e) => ({ name: e.name ?? '', source: blank(e.source), purpose: blank(e.purpose), copies: e.copies ?? 1 })),
    note: blank(v.note),
    ...(v.consultationId ? { consultationId: v.consultationId } : {}),
  };
}

/**
 * 三位一体: an arbitration application pre-filled from the consultation — the person as applicant (with the assigned
 * legal-aid lawyer as agent), the employer as respondent, the group flags and the claims with their amounts.
 */
export function fromConsultation(c: ConsultationView, today: DateText): DraftValues {
  const aid = c.aid.find((a) => a.assignedLawyer);
  return {
    consultationId: c.id, receivedDate: today, cause: `${CLAIM_TYPE_INFO[c.disputeType].label}争议`, collective: c.collective,
    workerCount: c.collective ? c.workerCount : undefined, groupFlags: c.groupFlags,
    applicants: [{
      kind: 'person', name: c.personName, sex: c.personSex ?? undefined, idType: 'resident', idNumber: c.personIdNumber ?? undefined, phone: c.personPhone ?? undefined,
      domicile: c.personAddress ?? undefined,
      agents: aid ? [{ name: aid.assignedLawyer!, kind: 'legal_aid_lawyer', organisation: aid.assignedFirm ?? undefined }] : [],
    }],
    respondents: [{ kind: 'org', name: c.employerName ?? undefined, creditCode: c.employerCreditCode ?? undefined, representativeKind: 'legal', agents: [] }],
    thirdParties: [],
    claims: (c.claims.length ? c.claims : [{ type: c.disputeType, amountFen: null, text: c.summary.slice(0, 200) }]).map((k) => ({
      type: k.type, amountYuan: k.amountFen === null ? undefined : fenToYuanText(k.amountFen), text: k.text, facts: c.summary,
    })),
    evidence: [],
    note: `由${c.windowLabel}咨询登记（${shanghaiDate(new Date(c.arrivedAt))}）转入`,
  };
}

export function fromDetail(c: CaseDetail): DraftValues {
  const party = (p: CaseDetail['applicants'][number]): PartyValues =>
    p.kind === 'person'
      ? { ...p, birthDate: (p.birthDate ?? undefined), agents: p.agents }
      : { ...p, agents: p.agents };
  return {
    venueId: c.venueId, receivedDate: (c.receivedDate ?? undefined), cause: c.cause ?? undefined, collective: c.collective,
    workerCount: c.workerCount ?? undefined, groupFlags: c.groupFlags,
    applicants: c.applicants.map(party), respondents: c.respondents.map(party), thirdParties: c.thirdParties.map(party),
    claims: c.claims.map((k) => ({
      type: k.type, amountYuan: k.amountFen === null ? undefined : fenToYuanText(k.amountFen), periodStart: (k.periodStart ?? undefined),
      periodEnd: (k.periodEnd ?? undefined), text: k.text, facts: k.facts, basis: k.basis,
      limitation: k.limitation && {
        enabled: true, knewDate: (k.limitation.knewDate ?? undefined), wageArrearsDuringEmployment: k.limitation.wageArrearsDuringEmployment,
        employmentEndDate: (k.limitation.employmentEndDate ?? undefined), interruptions: [...k.limitation.interruptions],
        suspensions: k.limitation.suspensions.map((x) => ({ start: x.start, end: x.end })),
      },
    })),
    evidence: c.evidence, note: c.note ?? undefined,
  };
}

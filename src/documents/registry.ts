import type { CaseStatus } from '../domain';
import type { DocumentData } from './data';
import { inFull, type DocumentModel } from './model';
import { acceptanceNotice, application, correctionNotice, decision, hearingNotice, nonAcceptanceNotice, extensionNotice, legalRepresentativeCertificate, powerOfAttorney, serviceAddressConfirmation, postponementNotice, receipt, resumptionNotice, suspensionNotice, responseNotice, serviceReceipt } from './notices';
import { award, hearingRecord, mediationStatement } from './outcomes';
import { evidenceReceipt, mediationRecord, overdueAcceptanceCertificate, overdueAwardCertificate, publicNotice } from './more-kinds';

/**
 * The document kinds the commission issues (domain-rules §2.13 and §4), the case stages each fits, what extra data it
 * needs, and its builder. The UI offers, the CLI lists and the register accepts exactly these kinds.
 */
export type Need = 'hearing' | 'correction' | 'decision' | 'served' | 'mediation' | 'award' | 'tribunal' | 'record' | 'postponement' | 'extension' | 'suspension' | 'resumption' | 'party' | 'unit' | 'mediation_session' | 'evidence' | 'overdue_acceptance' | 'overdue_award' | 'public_service';

export interface DocumentKindInfo {
  code: string;
  label: string;
  /** Case statuses the kind applies to. */
  stages: readonly CaseStatus[];
  needs: readonly Need[];
  /** Statutory basis shown beside the kind. */
  basis: string;
  /** Served on the parties (the register tracks its service). */
  served: boolean;
  build: (d: DocumentData) => DocumentModel;
}


export const DOCUMENT_KIND_REGISTRY = [
  { code: 'application', label: '仲裁申请书', stages: ['draft', 'accepted', 'not_accepted'], needs: [], basis: '《劳动争议调解仲裁法》第二十八条；《办案规则》第二十九条', served: true, build: inFull(application) },
  { code: 'receipt', label: '收件回执', stages: ['draft', 'accepted'], needs: [], basis: '《办案规则》第三十条', served: true, build: inFull(receipt) },
  { code: 'correction_notice', label: '补正通知书', stages: ['draft'], needs: ['correction'], basis: '《办案规则》第三十条', served: true, build: inFull(correctionNotice) },
  { code: 'acceptance_notice', label: '受理通知书', stages: ['accepted'], needs: [], basis: '《劳动争议调解仲裁法》第二十九条；《法律援助法》第三十五条', served: true, build: inFull(acceptanceNotice) },
  { code: 'non_acceptance_notice', label: '不予受理通知书', stages: ['not_accepted'], needs: [], basis: '《劳动争议调解仲裁法》第二十九条；《办案规则》第三十条、第三十一条', served: true, build: inFull(nonAcceptanceNotice) },
  { code: 'response_notice', label: '应诉通知书（含举证通知）', stages: ['accepted'], needs: [], basis: '《劳动争议调解仲裁法》第三十条、第三十九条；《办案规则》第十三条、第十四条', served: true, build: inFull(responseNotice) },
  { code: 'hearing_notice', label: '仲裁庭组成及开庭通知书', stages: ['accepted'], needs: ['hearing', 'tribunal'], basis: '《劳动争议调解仲裁法》第三十二条、第三十五条', served: true, build: inFull(hearingNotice) },
  { code: 'postponement_notice', label: '延期开庭通知书', stages: ['accepted'], needs: ['hearing', 'postponement'], basis: '《劳动争议调解仲裁法》第三十五条；《办案规则》第三十八条', served: true, build: inFull(postponementNotice) },
  { code: 'extension_notice', label: '延长审理期限通知书', stages: ['accepted'], needs: ['extension'], basis: '《劳动争议调解仲裁法》第四十三条；《办案规则》第四十五条', served: true, build: inFull(extensionNotice) },
  { code: 'suspension_notice', label: '中止审理通知书', stages: ['accepted'], needs: ['suspension'], basis: '《办案规则》第四十六条、第四十七条', served: true, build: inFull(suspensionNotice) },
  { code: 'resumption_notice', label: '恢复审理通知书', stages: ['accepted'], needs: ['resumption'], basis: '《办案规则》第四十六条、第四十七条', served: true, build: inFull(resumptionNotice) },
  { code: 'power_of_attorney', label: '授权委托书', stages: ['draft', 'accepted'], needs: ['party'], basis: '《劳动争议调解仲裁法》第二十四条', served: false, build: inFull(powerOfAttorney) },
  { code: 'legal_rep_certificate', label: '法定代表人身份证明书', stages: ['draft', 'accepted'], needs: ['party', 'unit'], basis: '仲裁文书样式（受理通知书、应诉通知书：单位当事人提交法定代表人身份证明书）', served: false, build: inFull(legalRepresentativeCertificate) },
  { code: 'service_address_confirmation', label: '送达地址确认书', stages: ['draft', 'accepted'], needs: ['party'], basis: '《办案规则》第二十条；《民事诉讼法》第九十条', served: false, build: inFull(serviceAddressConfirmation) },
  { code: 'service_receipt', label: '送达回证', stages: ['accepted', 'not_accepted'], needs: ['served'], basis: '《办案规则》第十七条、第十八条', served: false, build: inFull(serviceReceipt) },
  { code: 'mediation_statement', label: '调解书', stages: ['accepted'], needs: ['mediation', 'tribunal'], basis: '《劳动争议调解仲裁法》第四十二条', served: true, build: inFull(mediationStatement) },
  { code: 'award', label: '裁决书', stages: ['accepted'], needs: ['award', 'tribunal'], basis: '《劳动争议调解仲裁法》第四十六条至第五十一条', served: true, build: inFull(award) },
  { code: 'hearing_record', label: '庭审笔录', stages: ['accepted'], needs: ['record', 'tribunal'], basis: '《劳动争议调解仲裁法》第四十条', served: false, build: inFull(hearingRecord) },
  { code: 'mediation_record', label: '调解笔录', stages: ['accepted'], needs: ['mediation_session'], basis: '《劳动争议调解仲裁法》第四十二条', served: false, build: inFull(mediationRecord) },
  { code: 'evidence_receipt', label: '证据收据（证据清单）', stages: ['accepted'], needs: ['evidence'], basis: '《劳动争议调解仲裁法》第三十八条、第三十九条；《办案规则》第十三条至第十五条', served: false, build: inFull(evidenceReceipt) },
  { code: 'overdue_acceptance_certificate', label: '逾期未作出受理决定证明书', stages: ['draft'], needs: ['overdue_acceptance'], basis: '《劳动争议调解仲裁法》第二十九条', served: true, build: inFull(overdueAcceptanceCertificate) },
  { code: 'overdue_award_certificate', label: '逾期未作出仲裁裁决证明书', stages: ['accepted'], needs: ['overdue_award'], basis: '《劳动争议调解仲裁法》第四十三条；《办案规则》第四十五条、第四十六条', served: true, build: inFull(overdueAwardCertificate) },
  { code: 'public_notice', label: '公告（公告送达）', stages: ['accepted', 'not_accepted'], needs: ['public_service'], basis: '《办案规则》第二十条；《民事诉讼法》第九十五条', served: false, build: inFull(publicNotice) },
  { code: 'decision', label: '决定书', stages: ['accepted'], needs: ['decision', 'tribunal'], basis: '仲裁文书示范文本（决定书）；《办案规则》相关条款', served: true, build: inFull(decision) },
] as const satisfies readonly DocumentKindInfo[];

export type GeneratedKind = (typeof DOCUMENT_KIND_REGISTRY)[number]['code'];
export const GENERATED_KIND_CODES = DOCUMENT_KIND_REGISTRY.map((k) => k.code) as [GeneratedKind, ...GeneratedKind[]];

// ---- kind groups (issue 11 item 9b): the issue dialog lists the kinds under these headings, in this order
/** The headings the kinds are grouped under where they are offered, in display order. */
export const DOCUMENT_KIND_GROUPS = [
  { code: 'notice', label: '通知类' },
  { code: 'decision', label: '裁决、调解与决定类' },
  { code: 'party_form', label: '当事人表格' },
  { code: 'service', label: '收件与送达' },
  { code: 'record', label: '笔录与证据' },
] as const;
export type DocumentKindGroup = (typeof DOCUMENT_KIND_GROUPS)[number]['code'];

/** The group of every kind of the registry (a new kind must be given one: the type requires every code). */
const KIND_GROUP: Record<GeneratedKind, DocumentKindGroup> = {
  application: 'party_form', receipt: 'service', correction_notice: 'notice', acceptance_notice: 'notice', non_acceptance_notice: 'notice',
  response_notice: 'notice', hearing_notice: 'notice', postponement_notice: 'notice', extension_notice: 'notice', suspension_notice: 'notice',
  resumption_notice: 'notice', power_of_attorney: 'party_form', legal_rep_certificate: 'party_form', service_address_confirmation: 'party_form',
  service_receipt: 'service', mediation_statement: 'decision', award: 'decision', hearing_record: 'record', decision: 'decision',
  mediation_record: 'record', evidence_receipt: 'record', public_notice: 'service', overdue_acceptance_certificate: 'notice', overdue_award_certificate: 'notice',
};

/** The group heading of a kind of the registry. */
export function kindGroup(code: GeneratedKind): { code: DocumentKindGroup; label: string; order: number } {
  const order = DOCUMENT_KIND_GROUPS.findIndex((g) => g.code === KIND_GROUP[code]);
  return { ...DOCUMENT_KIND_GROUPS[order]!, order };
}
// ---- end kind groups

export function kindInfo(code: string): DocumentKindInfo | undefined {
  return DOCUMENT_KIND_REGISTRY.find((k) => k.code === code);
}

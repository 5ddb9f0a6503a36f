import { CLAIM_TYPE_INFO, NON_ACCEPTANCE_REASONS, REPRESENTATIVE_KIND_LABELS, chineseDate, fenInWords, plainChineseDate } from '../domain';
import { addressee, commissionClose, contactLine, dispute, names, partyBlocks, tribunalClose, you } from './common';
import { DECISION_SUBJECTS, type DocumentData } from './data';
import type { StoredParty } from '../api/views';
import { fixed, heading, item, lineBreak, para, t, type Block, type DocumentModel, type Text } from './model';

/** Builders for the notices and forms of filing, acceptance, the tribunal and service. Pure: data in, model out. */

const issuer = (d: DocumentData): Text => t(d.commissionName, '仲裁委员会名称');
/** The number under the title: the paper's own 文号 where it has one, else the case number (none before acceptance). */
const caseNo = (d: DocumentData): Text | null => (d.documentNumber ? t(d.documentNumber, '文号') : d.case.caseNumber ? t(d.case.caseNumber, '案号') : null);
const meta = (d: DocumentData, subject: string) => ({ subject, date: d.issuedDate });
const claimLines = (d: DocumentData): Block[] =>
  d.case.claims.map((c, i) => {
    const runs: Text[] = [t(c.text, `第${i + 1}项仲裁请求`)];
    // the amount in words outside the type's brackets: never "（…（大写：…））"
    if (c.amountFen != null) runs.push(fixed(`（${CLAIM_TYPE_INFO[c.type].label}），请求金额${fenInWords(c.amountFen)}`));
    return item(`${i + 1}.`, ...runs, fixed(/[。；;.]$/.test(c.text) ? '' : '；'));
  });
const claimTotal = (d: DocumentData): Block[] => {
  const money = d.case.claims.filter((c) => c.amountFen != null);
  if (money.length < 2) return [];
  return [para(fixed(`以上请求金额合计${fenInWords(money.reduce((s, c) => s + (c.amountFen ?? 0), 0))}。`))];
};

/** 仲裁申请书 — the application as filed (LDMAL Art 28; Rules Art 29), one copy per respondent. */
export function application(d: DocumentData): DocumentModel {
  const c = d.case;
  const facts = c.claims.filter((x) => x.facts).map((x) => para(t(x.facts!, `第${x.seq}项请求的事实与理由`)));
  return {
    kind: 'application', issuer: fixed('劳动人事争议仲裁'), title: '仲裁申请书', caseNumber: caseNo(d), meta: meta(d, '仲裁申请书'),
    blocks: [
      ...partyBlocks(c),
      ...(c.cause ? [para(fixed('案由：'), t(c.cause, '案由'))] : []),
      heading('仲裁请求'),
      ...claimLines(d),
      ...claimTotal(d),
      heading('事实与理由'),
      ...(facts.length ? facts : [para(fixed('（见所附证据材料及当庭陈述）'))]),
      ...(c.evidence.length
        ? [heading('证据和证据来源'), ...c.evidence.map((e, i) => item(`${i + 1}.`, t(e.name, `第${i + 1}项证据名称`), ...(e.source ? [fixed('，来源：'), t(e.source, `第${i + 1}项证据来源`)] : []), fixed(`，${e.copies}份；`)))]
        : []),
      { type: 'blank' },
      para(fixed('此致')),
      { type: 'paragraph', runs: [issuer(d)], indent: false },
      { type: 'right', lines: [[fixed('申请人（签名或盖章）：')]], gapBefore: 1 },
      { type: 'right', lines: [[fixed(chineseDate(c.receivedDate))]] },
    ],
  };
}

/** 收件回执 — receipt for the materials handed in (Rules Art 29–30 practice: the applicant keeps proof of the filing date). */
export function receipt(d: DocumentData): DocumentModel {
  const c = d.case;
  return {
    kind: 'receipt', issuer: issuer(d), title: '收件回执', caseNumber: caseNo(d), meta: meta(d, '收件回执'),
    blocks: [
      addressee(c.applicants, '申请人'),
      para(fixed(`本委于${plainChineseDate(c.receivedDate)}收到${you(c.applicants)}与`), ...names(c.respondents, '被申请人'), fixed('劳动人事争议仲裁申请书及下列材料：')),
      item('1.', fixed(`仲裁申请书${Math.max(1, c.respondents.length) + 1}份（正本1份，并按被申请人人数提交副本）；`)),
      ...c.evidence.map((e, i) => item(`${i + 2}.`, t(e.name, `第${i + 1}项证据名称`), fixed(`${e.copies}份；`))),
      para(fixed('本委将自收到仲裁申请之日起五日内决定是否受理（《劳动争议调解仲裁法》第二十九条）；材料不齐全的，将一次性书面告知需要补正的材料（《劳动人事争议仲裁办案规则》第三十条）。本回执请妥善保存。')),
      ...contactLine(d),
      { type: 'right', lines: [[fixed('收件人：')]], gapBefore: 1 },
      ...commissionClose(issuer(d), d.issuedDate),
    ],
  };
}

/** 补正通知 — one-time notice of what is missing (Rules Art 30). */
export function correctionNotice(d: DocumentData): DocumentModel {
  const c = d.case;
  const corr = d.correction ?? { items: [], days: 0 };
  return {
    kind: 'correction_notice', issuer: issuer(d), title: '补正通知书', caseNumber: caseNo(d), meta: meta(d, '补正通知书'),
    blocks: [
      addressee(c.applicants, '申请人'),
      para(fixed(`${you(c.applicants)}于${plainChineseDate(c.receivedDate)}向本委提交的与`), ...names(c.respondents, '被申请人'), fixed(`${dispute(c)}仲裁申请材料不齐全。根据《劳动人事争议仲裁办案规则》第三十条的规定，现一次性告知需要补正的材料如下：`)),
      ...corr.items.map((x, i) => item(`${i + 1}.`, t(x, `第${i + 1}项补正材料`), fixed('；'))),
      para(fixed(`请于收到本通知之日起${corr.days}日内补正。无正当理由逾期不补正的，视为未提出仲裁申请。补正期间不计入审查受理期限。`)),
      ...contactLine(d),
      ...commissionClose(issuer(d), d.issuedDate),
    ],
  };
}

const legalAidNotice = (pronoun: string) =>
  `${pronoun}如因经济困难没有委托代理人，或者属于法律规定的其他情形，可以依法向法律援助机构申请法律援助；追索劳动报酬或者请求工伤事故人身损害赔偿的农民工，申请法律援助不受经济困难条件限制（《中华人民共和国法律援助法》第三十一条、第三十五条、第四十二条）。本委法律援助工作站可当场提供咨询。`;

/** 受理通知书 — acceptance, rights and duties, and the right to legal aid (LDMAL Art 29; Rules Art 30; Legal Aid Law Art 35). */
export function acceptanceNotice(d: DocumentData): DocumentModel {
  const c = d.case;
  return {
    kind: 'acceptance_notice', issuer: issuer(d), title: '受理通知书', caseNumber: caseNo(d), meta: meta(d, '受理通知书'),
    blocks: [
      addressee(c.applicants, '申请人'),
      para(
        fixed(`${you(c.applicants)}于${plainChineseDate(c.receivedDate)}提出的与`), ...names(c.respondents, '被申请人'),
        fixed(`${dispute(c)}仲裁申请，经审查符合受理条件，本委决定于${plainChineseDate(c.acceptanceDate ?? d.issuedDate)}予以受理（《中华人民共和国劳动争议调解仲裁法》第二十九条）。现将有关事项通知如下：`),
      ),
      item('一、', fixed('请在送达回证上签名或者盖章，并提供准确的送达地址和联系方式。')),
      item('二、', fixed('委托代理人参加仲裁活动的，应当向本委提交有委托人签名或者盖章的授权委托书，授权委托书应当载明委托事项和权限（《劳动争议调解仲裁法》第二十四条）。')),
      item('三、', fixed(`${you(c.applicants)}可以在仲裁庭组成后、首次开庭前增加或者变更仲裁请求；在仲裁庭作出裁决前可以撤回仲裁申请。`)),
      item('四、', fixed('当事人享有委托代理人、申请回避、提供证据、进行质证和辩论、请求调解、自行和解等权利；应当按时到庭、遵守仲裁庭纪律、如实陈述、履行发生法律效力的调解书和裁决书。申请人经书面通知无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以按撤回仲裁申请处理（《劳动争议调解仲裁法》第三十六条）。')),
      item('五、', fixed('仲裁庭裁决劳动争议案件，应当自本委受理仲裁申请之日起四十五日内结束；案情复杂需要延期的，经本委主任批准，可以延期并书面通知当事人，但是延长期限不得超过十五日。逾期未作出仲裁裁决的，当事人可以就该劳动争议事项向人民法院提起诉讼（《中华人民共和国劳动争议调解仲裁法》第四十三条）。')),
      item('六、', fixed(legalAidNotice(you(c.applicants)))),
      ...contactLine(d),
      ...commissionClose(issuer(d), d.issuedDate),
    ],
  };
}

/** 不予受理通知书 — non-acceptance with its reason and the right to sue (LDMAL Art 29; Rules Arts 30–31). */
export function nonAcceptanceNotice(d: DocumentData): DocumentModel {
  const c = d.case;
  const na = c.nonAcceptance;
  const reason = na ? (na.reasonCode === 'other' ? na.reasonText : `${NON_ACCEPTANCE_REASONS[na.reasonCode].label}${na.reasonText ? `：${na.reasonText}` : ''}`) : '';
  const basis = na?.basis || (na && NON_ACCEPTANCE_REASONS[na.reasonCode].basis) || '《劳动争议调解仲裁法》第二十九条';
  return {
    kind: 'non_acceptance_notice', issuer: issuer(d), title: '不予受理通知书', caseNumber: caseNo(d), meta: meta(d, '不予受理通知书'),
    blocks: [
      addressee(c.applicants, '申请人'),
      para(fixed(`${you(c.applicants)}于${plainChineseDate(c.receivedDate)}提出的与`), ...names(c.respondents, '被申请人'), fixed(`${dispute(c)}仲裁申请，经审查，`), t(reason, '不予受理理由'), fixed('。')),
      para(fixed('根据'), t(basis, '不予受理依据'), fixed('的规定，本委决定不予受理。')),
      para(fixed(`${you(c.applicants)}对本不予受理决定不服的，可以自收到本通知书之日起就该劳动争议事项向人民法院提起诉讼（《中华人民共和国劳动争议调解仲裁法》第二十九条）。`)),
      ...contactLine(d),
      ...commissionClose(issuer(d), na?.decisionDate ?? d.issuedDate),
    ],
  };
}

/** 应诉通知书 with 举证通知 — service of the application copy, defence period and evidence (LDMAL Arts 30, 39; Rules Arts 13–14). */
export function responseNotice(d: DocumentData): DocumentModel {
  const c = d.case;
  return {
    kind: 'response_notice', issuer: issuer(d), title: '应诉通知书', caseNumber: caseNo(d), meta: meta(d, '应诉通知书（含举证通知）'),
    blocks: [
      addressee(c.respondents, '被申请人'),
      para(...names(c.applicants, '申请人'), fixed(`与${you(c.respondents)}${dispute(c)}一案，本委已于${plainChineseDate(c.acceptanceDate ?? d.issuedDate)}受理。现将仲裁申请书副本送达${you(c.respondents)}，并将有关事项通知如下：`)),
      item('一、', fixed('请在收到仲裁申请书副本之日起十日内向本委提交答辩书及副本（按申请人人数提交）；逾期未提交答辩书的，不影响仲裁程序的进行（《劳动争议调解仲裁法》第三十条）。')),
      item('二、', fixed('单位参加仲裁的，应当提交营业执照复印件、法定代表人（主要负责人）身份证明书；委托代理人参加仲裁的，应当提交授权委托书，载明委托事项和权限。')),
      heading('举证通知'),
      item('三、', fixed('当事人对自己提出的主张，有责任提供证据。与争议事项有关的证据属于用人单位掌握管理的，用人单位应当提供；用人单位不提供的，应当承担不利后果（《劳动争议调解仲裁法》第六条、第三十九条）。')),
      item('四、', fixed('在法律没有具体规定、依照规定无法确定举证责任承担时，仲裁庭可以根据公平原则和诚实信用原则，综合当事人举证能力等因素确定举证责任的承担（《劳动人事争议仲裁办案规则》第十四条）。')),
      item('五、', ...(d.evidenceDeadline
        ? [fixed(`请于${plainChineseDate(d.evidenceDeadline)}前向本委提交证据材料，并注明证据名称、来源和证明目的；逾期提交的，仲裁庭可以不予采纳。`)]
        : [fixed('请在仲裁庭指定的举证期限内向本委提交证据材料，并注明证据名称、来源和证明目的；逾期提交的，仲裁庭可以不予采纳。')])),
      item('六、', fixed(`${you(c.respondents)}经书面通知无正当理由不到庭或者未经仲裁庭同意中途退庭的，仲裁庭可以缺席裁决（《劳动争议调解仲裁法》第三十六条）。`)),
      ...contactLine(d),
      para(fixed('附：仲裁申请书副本一份。')),
      ...commissionClose(issuer(d), d.issuedDate),
    ],
  };
}

/** 仲裁庭组成及开庭通知书 with stub (LDMAL Arts 32, 35; model text: composition and hearing in one notice, stub signed on receipt). */
export function hearingNotice(d: DocumentData): DocumentModel {
  const c = d.case;
  const h = d.hearing;
  const tr = d.tribunal;
  const when = h ? `${plainChineseDate(h.date)}${h.startTime}` : '';
  const where = h ? `${h.venueName}${h.roomName}${h.venueAddress ? `（${h.venueAddress}）` : ''}` : '';
  const composition: Text[] = !tr
    ? [fixed('仲裁庭组成人员另行通知。')]
    : tr.mode === 'sole'
      ? [fixed('本案由仲裁员'), t(tr.presiding.displayName, '仲裁员姓名'), fixed('独任仲裁，书记员'), t(tr.clerk.displayName, '书记员姓名'), fixed('担任记录。')]
      : [
          fixed('本案由首席仲裁员'), t(tr.presiding.displayName, '首席仲裁员姓名'), fixed('、仲裁员'),
          ...tr.members.filter((m) => m.id !== tr.presiding.id).flatMap((m, i) => [...(i ? [fixed('、')] : []), t(m.displayName, `仲裁员${i + 1}姓名`)]),
          fixed('组成仲裁庭，书记员'), t(tr.clerk.displayName, '书记员姓名'), fixed('担任记录。'),
        ];
  const parties = [...c.applicants, ...c.respondents, ...c.thirdParties];
  return {
    kind: 'hearing_notice', issuer: issuer(d), title: '仲裁庭组成及开庭通知书', caseNumber: caseNo(d), meta: meta(d, '仲裁庭组成及开庭通知书'),
    stub: {
      title: '开庭通知书（存根）',
      blocks: [
        para(fixed('受送达人：'), ...names(parties, '当事人')),
        para(fixed('开庭时间：'), t(when, '开庭时间')),
        para(fixed('开庭地点：'), t(where, '开庭地点')),
        para(fixed('送达方式：                    送达日期：')),
        para(fixed('受送达人签名（盖章）：')),
        para(fixed('送达人：                  备注：')),
      ],
    },
    blocks: [
      { type: 'paragraph', runs: [...names(parties, '当事人'), fixed('：')], indent: false },
      para(...names(c.applicants, '申请人'), fixed('与'), ...names(c.respondents, '被申请人'), fixed(`${dispute(c)}一案，`), ...composition),
      para(fixed('当事人认为仲裁庭组成人员有《中华人民共和国劳动争议调解仲裁法》第三十三条规定情形之一的，可以在首次开庭前提出回避申请，并说明理由。')),
      para(fixed('本案定于'), t(when, '开庭时间'), fixed('在'), t(where, '开庭地点'), fixed('开庭审理，请准时到庭。')),
      para(fixed('当事人有正当理由的，可以在开庭三日前请求延期开庭（《劳动争议调解仲裁法》第三十五条）。申请人经书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以按撤回仲裁申请处理；被申请人经书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以缺席裁决（第三十六条）。')),
      para(fixed('到庭时请携带本人身份证件、证据原件；委托代理人应当携带授权委托书。')),
      ...contactLine(d),
      ...commissionClose(issuer(d), d.issuedDate),
    ],
  };
}

/**
 * 延期开庭通知书 — the paper a moved hearing goes out with (LDMAL Art 35: a party with good reason may ask, at least three
 * days before, to postpone, and the commission decides; Rules Art 38 the same): the time it was fixed for, the reason
 * entered when moving it, the new time and the venue with its address, and the consequences of not appearing (Art 36).
 */
export function postponementNotice(d: DocumentData): DocumentModel {
  const c = d.case;
  const h = d.hearing;
  const p = d.postponement;
  const when = h ? `${plainChineseDate(h.date)}${h.startTime}` : '';
  const where = h ? `${h.venueName}${h.roomName}${h.venueAddress ? `（${h.venueAddress}）` : ''}` : '';
  const parties = [...c.applicants, ...c.respondents, ...c.thirdParties];
  const reason = (p?.reason ?? '').replace(/[。；，,;.]+$/, '');
  return {
    kind: 'postponement_notice', issuer: issuer(d), title: '延期开庭通知书', caseNumber: caseNo(d), meta: meta(d, '延期开庭通知书'),
    blocks: [
      { type: 'paragraph', runs: [...names(parties, '当事人'), fixed('：')], indent: false },
      para(
        ...names(c.applicants, '申请人'), fixed('与'), ...names(c.respondents, '被申请人'), fixed(`${dispute(c)}一案，原定于`),
        t(p ? `${plainChineseDate(p.fromDate)}${p.fromTime}` : '', '原开庭时间'), fixed('开庭审理。因'), t(reason, '延期理由'),
        fixed('，根据《中华人民共和国劳动争议调解仲裁法》第三十五条、《劳动人事争议仲裁办案规则》第三十八条的规定，本委决定延期开庭。'),
      ),
      para(fixed('本案改定于'), t(when, '开庭时间'), fixed('在'), t(where, '开庭地点'), fixed('开庭审理，请准时到庭。原开庭通知确定的开庭时间不再适用。')),
      para(fixed('申请人经书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以按撤回仲裁申请处理；被申请人经书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以缺席裁决（《中华人民共和国劳动争议调解仲裁法》第三十六条）。')),
      para(fixed('到庭时请携带本人身份证件、证据原件；委托代理人应当携带授权委托书。')),
      ...contactLine(d),
      ...commissionClose(issuer(d), d.issuedDate),
    ],
  };
}

const CLOCK_ARTICLE_43 = '《中华人民共和国劳动争议调解仲裁法》第四十三条';
/** "李喆、张三与成都信达电子有限公司劳动报酬争议一案，本委已于…受理。" — the opening of the clock papers. */
const caseOpening = (d: DocumentData): Text[] => [
  ...names(d.case.applicants, '申请人'), fixed('与'), ...names(d.case.respondents, '被申请人'),
  fixed(`${dispute(d.case)}一案，本委已于${plainChineseDate(d.case.acceptanceDate ?? d.issuedDate)}受理。`),
];
const allParties = (d: DocumentData) => [...d.case.applicants, ...d.case.respondents, ...d.case.thirdParties];
const clause = (s: string) => s.trim().replace(/[。；，,;.]+$/, '');

/**
 * 延长审理期限通知书 — the written notice of an extension approved by the commission's chair (LDMAL Art 43; Rules Art 45:
 * the chair or the institute head the chair authorises; at most fifteen days in all), with the new last day.
 */
export function extensionNotice(d: DocumentData): DocumentModel {
  const x = d.clock?.extension;
  return {
    kind: 'extension_notice', issuer: issuer(d), title: '延长审理期限通知书', caseNumber: caseNo(d), meta: meta(d, '延长审理期限通知书'),
    blocks: [
      { type: 'paragraph', runs: [...names(allParties(d), '当事人'), fixed('：')], indent: false },
      para(
        ...caseOpening(d), fixed('因'), t(clause(x?.reason ?? ''), '延期理由'),
        fixed(`，需要延长审理期限，经本委主任（或者其委托的仲裁院负责人）于${plainChineseDate(x?.approvalDate ?? d.issuedDate)}批准，本案审理期限延长${x?.days ?? 0}日`),
        ...(x && x.totalDays !== x.days ? [fixed(`（累计延长${x.totalDays}日）`)] : []),
        fixed(`。根据${CLOCK_ARTICLE_43}、《劳动人事争议仲裁办案规则》第四十五条的规定，特此书面通知。`),
      ),
      ...(d.clock?.awardDueDate ? [para(fixed('延长后，仲裁庭应当于'), t(plainChineseDate(d.clock.awardDueDate), '审理期限届满日'), fixed('前结束本案（中止审理等依法不计入审理期限的期间除外）。'))] : []),
      para(fixed(`审理期限延长不得超过十五日。逾期未作出仲裁裁决的，当事人可以就该劳动争议事项向人民法院提起诉讼（${CLOCK_ARTICLE_43}）。`)),
      ...contactLine(d),
      ...commissionClose(issuer(d), d.issuedDate),
    ],
  };
}

/** 中止审理通知书 — suspension approved by the chair, notified in writing (Rules Art 47); the time does not count (Art 46). */
export function suspensionNotice(d: DocumentData): DocumentModel {
  const s = d.clock?.suspension;
  return {
    kind: 'suspension_notice', issuer: issuer(d), title: '中止审理通知书', caseNumber: caseNo(d), meta: meta(d, '中止审理通知书'),
    blocks: [
      { type: 'paragraph', runs: [...names(allParties(d), '当事人'), fixed('：')], indent: false },
      para(
        ...caseOpening(d), fixed('因'), t(clause(s?.reason ?? ''), '中止理由'),
        fixed(`，根据《劳动人事争议仲裁办案规则》第四十七条的规定，经本委批准，本案自${plainChineseDate(s?.startDate ?? d.issuedDate)}起中止审理。`),
      ),
      para(fixed('中止审理期间不计入审理期限（《劳动人事争议仲裁办案规则》第四十六条）。中止审理的情形消除后，本委将恢复审理，并书面通知当事人。')),
      ...contactLine(d),
      ...commissionClose(issuer(d), d.issuedDate),
    ],
  };
}

/** 恢复审理通知书 — the ground of the suspension has ended and the hearing of the case resumes (Rules Arts 46–47). */
export function resumptionNotice(d: DocumentData): DocumentModel {
  const s = d.clock?.suspension;
  return {
    kind: 'resumption_notice', issuer: issuer(d), title: '恢复审理通知书', caseNumber: caseNo(d), meta: meta(d, '恢复审理通知书'),
    blocks: [
      { type: 'paragraph', runs: [...names(allParties(d), '当事人'), fixed('：')], indent: false },
      para(
        ...caseOpening(d), fixed(`本委于${plainChineseDate(s?.startDate ?? d.issuedDate)}决定中止审理，中止原因为：`), t(clause(s?.reason ?? ''), '中止理由'),
        fixed(`。现中止审理的情形已经消除，根据《劳动人事争议仲裁办案规则》第四十七条的规定，本案自${plainChineseDate(s?.resumeDate ?? d.issuedDate)}起恢复审理。`),
      ),
      para(
        fixed(`中止审理期间${s?.days != null ? `共${s.days}日，` : ''}不计入审理期限（《劳动人事争议仲裁办案规则》第四十六条）。`),
        ...(d.clock?.awardDueDate ? [fixed('恢复审理后，仲裁庭应当于'), t(plainChineseDate(d.clock.awardDueDate), '审理期限届满日'), fixed('前结束本案。')] : []),
      ),
      ...contactLine(d),
      ...commissionClose(issuer(d), d.issuedDate),
    ],
  };
}

const BLANK = '＿＿＿＿＿＿＿＿＿＿＿＿';
const PARTY_ROLE = { applicant: '申请人', respondent: '被申请人', third_party: '第三人' } as const;
const AGENT_LABEL = { lawyer: '律师', legal_aid_lawyer: '律师（法律援助）', relative: '近亲属', colleague: '工作人员', other: '' } as const;

/** "委托人：成都信达电子有限公司，统一社会信用代码…，住所…。" — the party's identity as recorded, for the forms it signs. */
function principalLines(p: StoredParty): Block[] {
  const id: Text[] = p.kind === 'person'
    ? (p.idNumber ? [fixed(p.idType === 'resident' ? '，公民身份号码' : '，证件号码'), t(p.idNumber, '委托人证件号码')] : [fixed(`，公民身份号码${BLANK}`)])
    : (p.creditCode ? [fixed('，统一社会信用代码'), t(p.creditCode, '委托人统一社会信用代码')] : [fixed(`，统一社会信用代码${BLANK}`)]);
  const lines: Block[] = [{ type: 'paragraph', runs: [fixed('委托人：'), t(p.name, p.kind === 'person' ? '委托人姓名' : '委托人名称'), ...id, fixed(p.kind === 'person' ? '，住' : '，住所'), t(p.domicile || BLANK, '委托人住所'), fixed('。')], indent: false }];
  if (p.kind === 'org') {
    const label = REPRESENTATIVE_KIND_LABELS[p.representativeKind ?? 'legal'];
    lines.push({ type: 'paragraph', runs: [fixed(`${label}：`), t(p.representativeName || BLANK, `${label}姓名`), fixed('，职务：'), t(p.representativeTitle || BLANK, `${label}职务`), fixed('。')], indent: false });
  }
  return lines;
}

/**
 * 授权委托书 — pre-filled from the party and its recorded agents, for the party to sign or seal (LDMAL Art 24: signed or
 * sealed by the principal, stating the matters and the authority). The matters, authority, agent's ID and phone are
 * left as blank lines for the party to fill in; an agent not yet recorded is a blank too.
 */
export function powerOfAttorney(d: DocumentData): DocumentModel {
  const c = d.case;
  const p = d.party!;
  const agents = p.agents.length ? p.agents : [null];
  const we = p.kind === 'org' ? '我单位' : '我';
  return {
    kind: 'power_of_attorney', issuer: fixed('劳动人事争议仲裁'), title: '授权委托书', caseNumber: caseNo(d), meta: meta(d, '授权委托书'),
    blocks: [
      ...principalLines(p),
      ...agents.map((a, i): Block => ({
        type: 'paragraph', indent: false,
        runs: [
          fixed(agents.length > 1 ? `受托人${i + 1}：` : '受托人：'), t(a?.name ?? BLANK, `受托人${i + 1}姓名`),
          ...(a?.organisation ? [fixed('，工作单位：'), t(a.organisation, `受托人${i + 1}工作单位`)] : a ? [] : [fixed(`，工作单位：${BLANK}`)]),
          ...(a && AGENT_LABEL[a.kind] ? [fixed(`，${AGENT_LABEL[a.kind]}`)] : []),
          fixed(`，身份证件号码：${BLANK}，联系电话：`), t(a?.phone || BLANK, `受托人${i + 1}联系电话`), fixed('。'),
        ],
      })),
      para(
        fixed(`现委托上列受托人在`), ...names(c.applicants, '申请人'), fixed('与'), ...names(c.respondents, '被申请人'),
        fixed(`${dispute(c)}一案中，作为${we}的委托代理人（${PARTY_ROLE[p.role]}方）参加仲裁活动。`),
      ),
      // blank lines sized to end within one 28-character line of the grid
      { type: 'paragraph', runs: [fixed(`委托事项：${'＿'.repeat(20)}`)], indent: true },
      { type: 'paragraph', runs: [fixed('代理权限：□一般代理　□特别授权')], indent: true },
      { type: 'paragraph', runs: [fixed(`特别授权的具体权限：${'＿'.repeat(15)}`)], indent: true },
      { type: 'paragraph', runs: [fixed(`委托期限：${BLANK}`)], indent: true },
      para(fixed('授权委托书应当由委托人签名或者盖章，并载明委托事项和权限（《中华人民共和国劳动争议调解仲裁法》第二十四条）。')),
      para(fixed('此致')),
      { type: 'paragraph', runs: [issuer(d)], indent: false },
      { type: 'right', lines: [[fixed(p.kind === 'org' ? '委托人（盖章）：' : '委托人（签名）：')], ...(p.kind === 'org' ? [[fixed(`${REPRESENTATIVE_KIND_LABELS[p.representativeKind ?? 'legal']}（签名）：`)]] : [])], gapBefore: 1 },
      { type: 'right', lines: [[fixed('受托人（签名）：')]] },
      { type: 'right', lines: [[fixed('年　　月　　日')]] },
    ],
  };
}

/**
 * 法定代表人身份证明书 — pre-filled from a unit party's recorded representative, for the unit to seal (the model 受理 /
 * 应诉 notices ask a unit party for it); the title, ID number and date are blanks where nothing is recorded.
 */
export function legalRepresentativeCertificate(d: DocumentData): DocumentModel {
  const c = d.case;
  const p = d.party!;
  // the issuing path refuses a natural person (services/documents.ts); the builder never prints a person as a unit
  if (p.kind !== 'org') throw new Error('legal_rep_certificate needs a unit party');
  const label = REPRESENTATIVE_KIND_LABELS[p.representativeKind ?? 'legal'];
  return {
    kind: 'legal_rep_certificate', issuer: fixed('劳动人事争议仲裁'), title: `${label}身份证明书`, caseNumber: caseNo(d), meta: meta(d, `${label}身份证明书`),
    blocks: [
      { type: 'paragraph', runs: [fixed('单位名称：'), t(p.name, '单位名称')], indent: false },
      { type: 'paragraph', runs: [fixed('统一社会信用代码：'), t(p.creditCode || BLANK, '统一社会信用代码')], indent: false },
      { type: 'paragraph', runs: [fixed('住所：'), t(p.domicile || BLANK, '单位住所')], indent: false },
      { type: 'blank' },
      para(t(p.representativeName || BLANK, `${label}姓名`), fixed(`，身份证件号码${BLANK}，在我单位任`), t(p.representativeTitle || BLANK, `${label}职务`), fixed(`职务，是我单位的${label}。`)),
      para(fixed('特此证明。')),
      para(fixed('本证明书用于'), ...names(c.applicants, '申请人'), fixed('与'), ...names(c.respondents, '被申请人'), fixed(`${dispute(c)}一案。`)),
      para(fixed(`附：${label}身份证件复印件一份。`)),
      { type: 'right', lines: [[t(p.name, '单位名称')], [fixed('（单位盖章）')]], gapBefore: 2 },
      { type: 'right', lines: [[fixed('年　　月　　日')]] },
    ],
  };
}

/**
 * 送达地址确认书 — the party's service address, recipient and phone as recorded (blanks where none is), the choice of
 * electronic service, which needs the party's consent (CPL Art 90, applied through Rules Art 20), signed by the party.
 * Only what domain-rules verifies is stated as law; the address duty is a request, not a cited consequence.
 */
export function serviceAddressConfirmation(d: DocumentData): DocumentModel {
  const c = d.case;
  const p = d.party!;
  const role = PARTY_ROLE[p.role];
  const row = (label: string, value: Text[]) => ({ cells: [[fixed(label)], value] });
  return {
    kind: 'service_address_confirmation', issuer: issuer(d), title: '送达地址确认书', caseNumber: caseNo(d), meta: meta(d, '送达地址确认书'),
    blocks: [
      {
        type: 'table', columns: [8, 20], rows: [
          row('案件', [...names(c.applicants, '申请人'), fixed('与'), ...names(c.respondents, '被申请人'), fixed(dispute(c))]),
          row('受送达人', [fixed(`${role}：`), t(p.name, `${role}${p.kind === 'person' ? '姓名' : '名称'}`)]),
          row('送达地址', [t(p.serviceAddress || p.domicile || '', '送达地址')]),
          row('收件人', [...(p.kind === 'org' && p.representativeName ? [t(p.representativeName, '收件人')] : p.kind === 'person' ? [t(p.name, '收件人')] : [])]),
          row('联系电话', [...(p.phone ? [t(p.phone, '联系电话')] : [])]),
          row('邮政编码', []),
          row('电子送达', [fixed('□同意　□不同意'), lineBreak(), fixed('手机号码或电子邮箱：')]),
        ],
      },
      para(fixed('经受送达人同意，可以采用能够确认其收悉的电子方式送达文书；以送达信息到达受送达人特定系统的日期为送达日期（《中华人民共和国民事诉讼法》第九十条，依《劳动人事争议仲裁办案规则》第二十条适用）。')),
      para(fixed('请确认以上送达地址、收件人和联系电话准确、有效；如有变更，请及时书面告知本委。')),
      ...contactLine(d),
      { type: 'right', lines: [[fixed(p.kind === 'org' ? '受送达人（盖章）：' : '受送达人（签名）：')]], gapBefore: 1 },
      { type: 'right', lines: [[fixed('年　　月　　日')]] },
    ],
  };
}

/**
 * 送达回证 — the receipt the recipient signs (Rules Arts 17–18; the civil-procedure service rules apply), as the ruled
 * form: one per addressee, listing every document served together with its number, the number of copies, and the
 * columns for the method, the signature and the date of receipt; then the substitute receiver and reason, the witness
 * (refusal), the server and remarks.
 */
export function serviceReceipt(d: DocumentData): DocumentModel {
  const c = d.case;
  const titles = d.served?.titles ?? [];
  const number = d.served?.caseNumberOverride ?? c.caseNumber;
  const parties = [...c.applicants, ...c.respondents, ...c.thirdParties];
  const label = { applicant: '申请人', respondent: '被申请人', third_party: '第三人' } as const;
  const form = (p: (typeof parties)[number], i: number): Block[] => [
    ...(i ? [{ type: 'newPage' } as const] : []),
    {
      type: 'table', columns: [7, 21], rows: [
        { cells: [[fixed('案号')], [t(number ?? '', '案号')]] },
        { cells: [[fixed('案由')], [t(dispute(c), '案由')]] },
        { cells: [[fixed('受送达人')], [fixed(`${label[p.role]}：`), t(p.name, `${label[p.role]}${p.kind === 'person' ? '姓名' : '名称'}`)]] },
        { cells: [[fixed('送达地点')], [t(p.serviceAddress || p.domicile || '', '送达地点')]] },
      ],
    },
    {
      // the first column holds a document number on one line (a no-break span: it must never wrap inside its cell);
      // the narrow columns' labels break where they read well
      type: 'table', columns: [15, 2, 3, 4, 4], rows: [
        { header: true, cells: [[fixed('文书名称及文号')], [fixed('件'), lineBreak(), fixed('数')], [fixed('送达'), lineBreak(), fixed('方式')], [fixed('签收人'), lineBreak(), fixed('签名')], [fixed('签收'), lineBreak(), fixed('日期')]] },
        ...titles.map((x, k) => ({
          minLines: 2,
          cells: [[t(x, `送达文书${k + 1}`), ...((d.served?.numbers?.[k] ?? number) ? [lineBreak(), t((d.served?.numbers?.[k] ?? number)!, '文号')] : [])], [fixed('1')], [], [], [fixed('年 月 日')]],
        })),
      ],
    },
    {
      type: 'table', columns: [7, 21], rows: [
        { cells: [[fixed('代收人及理由')], []] },
        { cells: [[fixed('拒收见证人')], []] },
        { cells: [[fixed('送达人')], []] },
        { cells: [[fixed('备注')], []] },
      ],
    },
    { type: 'right', lines: [[issuer(d)]], gapBefore: 1 },
    { type: 'seal', caption: '（仲裁委员会印章）' },
    { type: 'right', lines: [[fixed(chineseDate(d.issuedDate))]] },
  ];
  return {
    // the number is printed with each document served, in the table
    kind: 'service_receipt', issuer: issuer(d), title: '送达回证', caseNumber: null, meta: meta(d, '送达回证'),
    blocks: parties.flatMap(form),
  };
}

/** 决定书 — the generic decision (withdrawal, recusal, suspension, correction, jurisdiction …), after the model text's 事由 / 查明事项 / 适用依据及决定内容. */
export function decision(d: DocumentData): DocumentModel {
  const c = d.case;
  const x = d.decision ?? { subject: 'withdrawal' as const, cause: '', facts: '', basisAndDecision: '' };
  return {
    kind: 'decision', issuer: issuer(d), title: '决定书', caseNumber: caseNo(d), meta: meta(d, `决定书（${DECISION_SUBJECTS[x.subject]}）`),
    blocks: [
      ...partyBlocks(c),
      para(fixed('事由：'), t(x.cause || DECISION_SUBJECTS[x.subject], '事由'), ...(x.refersTo ? [fixed('（涉及'), t(x.refersTo, '所涉文书'), fixed('）')] : []), fixed('。')),
      heading('查明事项'),
      ...x.facts.split(/\n+/).filter(Boolean).map((p) => para(t(p, '查明事项'))),
      heading('适用依据及决定内容'),
      ...x.basisAndDecision.split(/\n+/).filter(Boolean).map((p) => para(t(p, '适用依据及决定内容'))),
      para(fixed('本决定书自送达之日起生效。')),
      ...tribunalClose(d.tribunal, d.issuedDate),
    ],
  };
}


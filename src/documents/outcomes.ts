import { citationText, expandLawNames, fenInWords, parseCitations, plainChineseDate } from '../domain';
import { cnOrdinal, dispute, names, partyBlocks, tribunalClose } from './common';
import type { AgreementItem, AwardData, DocumentData } from './data';
import { fixed, heading, item, para, t, type Block, type DocumentModel, type Text } from './model';
import { annexBlocks, annexReference } from './annex';

/** Builders for the mediation statement (调解书) and the award (裁决书). Pure: data in, model out. */

const issuer = (d: DocumentData): Text => t(d.commissionName, '仲裁委员会名称');
/**
 * "申请人称：" + the statement, unless the arbitrator already began it so ("申请人称：…", "申请人诉称，…"): the label is
 * never printed twice.
 */
export function statement(label: '申请人称' | '被申请人辩称', text: string, field: string): Block {
  const already = label === '申请人称' ? /^\s*申请人(?:诉)?称/ : /^\s*被申请人(?:辩|答辩)?称/;
  return already.test(text) ? para(t(text.trim(), field)) : para(fixed(`${label}：`), t(text, field));
}

const paragraphs = (text: string, field: string): Block[] => text.split(/\n+/).map((s) => s.trim()).filter(Boolean).map((s) => para(t(s, field)));

function procedural(d: DocumentData, extra: string): Block {
  const c = d.case;
  const tr = d.tribunal;
  const comp = !tr ? '' : tr.mode === 'sole' ? '，依法由仲裁员独任仲裁' : '，依法组成仲裁庭';
  return para(
    fixed('申请人'), ...names(c.applicants, '申请人'), fixed('与被申请人'), ...names(c.respondents, '被申请人'),
    fixed(`${dispute(c)}一案，本委于${plainChineseDate(c.acceptanceDate ?? c.receivedDate)}受理后${comp}${extra}`),
  );
}

export function agreementRuns(a: AgreementItem, i: number): Text[] {
  const f = `第${i + 1}项协议`;
  const runs: Text[] = [];
  if (a.amountFen != null) {
    runs.push(t(a.payer, `${f}付款人`), fixed(a.instalments.length ? '分期' : ''));
    if (a.dueDate && !a.instalments.length) runs.push(fixed(`于${plainChineseDate(a.dueDate)}前`));
    runs.push(fixed('向'), t(a.payee, `${f}收款人`), fixed('支付'), t(a.subject, `${f}内容`), fixed(fenInWords(a.amountFen)));
    if (a.method) runs.push(fixed('，支付方式：'), t(a.method, `${f}支付方式`));
    if (a.instalments.length) {
      runs.push(fixed('，具体为：'));
      a.instalments.forEach((p, k) => runs.push(fixed(`${k ? '；' : ''}第${k + 1}期于${plainChineseDate(p.dueDate)}前支付${fenInWords(p.amountFen)}`)));
    }
    runs.push(fixed('。'));
  } else {
    runs.push(t(a.text ?? a.subject, `${f}内容`), fixed(/[。]$/.test(a.text ?? a.subject) ? '' : '。'));
  }
  return runs;
}

/** 调解书 — claims and the agreed result; effective when both parties sign for receipt (LDMAL Art 42). */
export function mediationStatement(d: DocumentData): DocumentModel {
  const m = d.mediation!;
  const total = m.items.reduce((s, a) => s + (a.amountFen ?? 0), 0);
  return {
    kind: 'mediation_statement', issuer: issuer(d), title: '调解书', caseNumber: d.case.caseNumber ? t(d.case.caseNumber, '案号') : null,
    meta: { subject: '调解书', date: d.issuedDate },
    blocks: [
      ...partyBlocks(d.case),
      procedural(d, '，经本委主持调解，双方当事人自愿达成调解协议。'),
      heading('仲裁请求'),
      ...d.case.claims.map((c, i) => item(`${i + 1}.`, t(c.text, `第${i + 1}项仲裁请求`), ...(c.amountFen != null ? [fixed(`，请求金额${fenInWords(c.amountFen)}`)] : []), fixed(i === d.case.claims.length - 1 ? '。' : '；'))),
      ...(m.applicantStatement ? [statement('申请人称', m.applicantStatement, '申请人陈述')] : []),
      ...(m.respondentDefence ? [statement('被申请人辩称', m.respondentDefence, '被申请人答辩')] : []),
      ...(m.factsFound ? [heading('本委查明'), ...paragraphs(m.factsFound, '查明事实')] : []),
      para(fixed('经本委主持调解，双方当事人自愿达成如下协议：')),
      ...m.items.map((a, i) => item(`${cnOrdinal(i + 1)}、`, ...agreementRuns(a, i))),
      ...(m.closing ? [item(`${cnOrdinal(m.items.length + 1)}、`, t(m.closing, '协议其他条款'), fixed(/[。]$/.test(m.closing) ? '' : '。'))] : []),
      ...(total > 0 ? [para(fixed(`以上款项合计${fenInWords(total)}。`))] : []),
      ...(m.annex ? [annexReference(m.annex)] : []),
      para(fixed('上述协议符合法律规定，本委予以确认。本调解书经双方当事人签收后，即发生法律效力（《中华人民共和国劳动争议调解仲裁法》第四十二条）。一方当事人逾期不履行的，另一方当事人可以依照民事诉讼法的有关规定向人民法院申请执行（第五十一条）。')),
      ...tribunalClose(d.tribunal, m.agreementDate),
      ...(m.annex ? annexBlocks(m.annex) : []),
    ],
  };
}

/** The rights notice printed on the award: final (LDMAL Arts 47–49) or non-final (Art 50), with enforcement (Art 51). */
export function rightsNotice(d: DocumentData, finality: 'final' | 'non-final' | 'mixed'): Block[] {
  const court = d.intermediateCourt;
  const basic = d.basicCourt ?? '有管辖权的基层人民法院';
  const enforce = para(fixed('当事人对发生法律效力的裁决书，应当依照规定的期限履行。一方当事人逾期不履行的，另一方当事人可以依照民事诉讼法的有关规定向人民法院申请执行（《中华人民共和国劳动争议调解仲裁法》第五十一条），申请执行的期间为二年（《中华人民共和国民事诉讼法》第二百五十条）。'));
  const finalBlocks = [
    para(fixed('本裁决为终局裁决，自作出之日起发生法律效力（《中华人民共和国劳动争议调解仲裁法》第四十七条）。')),
    para(fixed('劳动者对本裁决不服的，可以自收到本裁决书之日起十五日内向'), t(basic, '基层人民法院'), fixed('提起诉讼（第四十八条）。')),
    para(fixed('用人单位有证据证明本裁决有《中华人民共和国劳动争议调解仲裁法》第四十九条第一款规定情形之一的，可以自收到本裁决书之日起三十日内向'), t(court, '中级人民法院'), fixed('申请撤销裁决。')),
  ];
  const nonFinal = para(fixed('当事人对本裁决不服的，可以自收到本裁决书之日起十五日内向人民法院提起诉讼；期满不起诉的，本裁决书发生法律效力（《中华人民共和国劳动争议调解仲裁法》第五十条）。'));
  if (finality === 'final') return [...finalBlocks, enforce];
  if (finality === 'non-final') return [nonFinal, enforce];
  return [
    para(fixed('本裁决中标明为终局裁决的事项，自作出之日起发生法律效力（《中华人民共和国劳动争议调解仲裁法》第四十七条）；其余事项为非终局裁决。')),
    ...finalBlocks.slice(1),
    nonFinal,
    enforce,
  ];
}

/** Finality of the items a document carries. */
export function awardFinality(items: AwardData['items']): 'final' | 'non-final' | 'mixed' {
  const decided = items.filter((i) => i.result === 'supported' || i.result === 'partly' || i.result === 'rejected');
  if (decided.length === 0) return 'non-final';
  if (decided.every((i) => i.final)) return 'final';
  if (decided.every((i) => !i.final)) return 'non-final';
  return 'mixed';
}

/**
 * 裁决书 — claims, disputed facts, reasons, result, date (LDMAL Art 46); finality stated on the document (SPC Interp. (I)
 * Art 18). Per the 文书样式: under 本委认为 the reasons for each item, then "依照《…》第…条……之规定，裁决如下：" with every
 * article entered for the items this document decides, law names in full. A split award (之一 final / 之二 non-final)
 * carries only its own claims, numbered 1… in each part, their reasons and their rejections — never "驳回其他仲裁请求",
 * which would reject what the other part grants; a 先行裁决 likewise names what it rejects.
 */
export function award(d: DocumentData): DocumentModel {
  const a = d.award!;
  const items = a.items.filter((i) => a.part === 'all' || (a.part === 'final' ? i.final : !i.final));
  const finality = a.part === 'final' ? 'final' : a.part === 'non-final' ? 'non-final' : awardFinality(items);
  const own = a.part !== 'all' || a.partial;
  const no = new Map(items.map((x, i) => [x.claimSeq, i + 1]));
  const granted = items.filter((i) => i.result === 'supported' || i.result === 'partly');
  const anyRejected = items.some((i) => i.result === 'rejected' || i.result === 'partly');
  const hearing = a.hearingDates.length ? `，于${a.hearingDates.map(plainChineseDate).join('、')}公开开庭进行了审理` : '';
  const procedureText = a.procedure === 'simple' ? '，适用简易处理程序' : '';
  const title = a.partial ? '裁决书（先行裁决）' : '裁决书';
  const caseNumber = a.caseNumberOverride ? t(a.caseNumberOverride, '案号') : d.case.caseNumber ? t(d.case.caseNumber, '案号') : null;
  const resultItems: Block[] = granted.map((g, i) => {
    const runs: Text[] = [t(g.order, `第${g.claimSeq}项请求的裁决内容`)];
    if (g.amountFen != null) runs.push(fixed(fenInWords(g.amountFen)));
    runs.push(fixed('。'));
    if (finality === 'mixed') runs.push(fixed(g.final ? '（本项为终局裁决）' : '（本项为非终局裁决）'));
    return item(`${cnOrdinal(i + 1)}、`, ...runs);
  });
  if (anyRejected) {
    let text: string;
    if (!own) text = granted.length ? '驳回申请人的其他仲裁请求。' : '驳回申请人的全部仲裁请求。';
    else {
      const nums = (r: string) => items.filter((x) => x.result === r).map((x) => no.get(x.claimSeq)!).join('、');
      const parts = [
        ...(nums('partly') ? [`第${nums('partly')}项仲裁请求的其余部分`] : []),
        ...(nums('rejected') ? [`第${nums('rejected')}项仲裁请求`] : []),
      ];
      text = `驳回申请人的${parts.join('及')}。`;
    }
    resultItems.push(item(`${cnOrdinal(granted.length + 1)}、`, fixed(text)));
  }
  const notice = rightsNotice(d, finality);
  if (finality === 'mixed') {
    const finals = granted.map((g, i) => (g.final ? cnOrdinal(i + 1) : null)).filter(Boolean).join('、');
    notice[0] = para(fixed(`本裁决第${finals || '（无）'}项为终局裁决，自作出之日起发生法律效力（《中华人民共和国劳动争议调解仲裁法》第四十七条）；其余各项为非终局裁决。`));
  }
  const total = granted.reduce((s, g) => s + (g.amountFen ?? 0), 0);
  const citations = citationText(parseCitations(items.map((x) => x.articles ?? '')));
  const reasons = items.filter((x) => x.reasoning?.trim()).map((x) => para(fixed(`关于第${no.get(x.claimSeq)}项仲裁请求，`), t(expandLawNames(x.reasoning!.trim()), `第${x.claimSeq}项请求的理由`)));
  return {
    kind: 'award', issuer: issuer(d), title, caseNumber, meta: { subject: `裁决书（${finality === 'final' ? '终局' : finality === 'non-final' ? '非终局' : '部分终局'}）`, date: a.awardDate },
    blocks: [
      ...partyBlocks(d.case),
      procedural(d, `${procedureText}${hearing}。`),
      ...(a.appearance ? [para(t(a.appearance, '到庭情况'))] : []),
      ...(a.partial ? [para(fixed('因本案部分事实已经清楚，仲裁庭依照《中华人民共和国劳动争议调解仲裁法》第四十三条第二款的规定，就该部分先行裁决。'))] : []),
      heading('仲裁请求'),
      ...items.map((x, i) => item(`${i + 1}.`, t(x.claimText, `第${x.claimSeq}项仲裁请求`), fixed(i === items.length - 1 ? '。' : '；'))),
      ...(a.applicantStatement ? [statement('申请人称', a.applicantStatement, '申请人陈述')] : []),
      ...(a.respondentDefence ? [statement('被申请人辩称', a.respondentDefence, '被申请人答辩')] : []),
      heading('本委查明'),
      ...paragraphs(a.factsFound, '查明事实'),
      heading('本委认为'),
      // the general reasons speak of every claim: a part of a split award gives only its own items' reasons
      ...(a.part === 'all' ? paragraphs(expandLawNames(a.reasoning), '裁决理由') : []),
      ...reasons,
      ...(reasons.length === 0 && a.part !== 'all' ? paragraphs(expandLawNames(a.reasoning), '裁决理由') : []),
      citations
        ? para(fixed('综上，依照'), t(citations, '适用条文'), fixed('之规定，裁决如下：'))
        : para(fixed('综上，裁决如下：')),
      ...resultItems,
      ...(granted.filter((g) => g.amountFen != null).length > 1 ? [para(fixed(`以上款项合计${fenInWords(total)}。`))] : []),
      ...(a.annex ? [annexReference(a.annex)] : []),
      ...notice,
      ...tribunalClose(d.tribunal, a.awardDate),
      ...(a.annex ? annexBlocks(a.annex) : []),
    ],
  };
}


/**
 * 庭审笔录 — printed for the signatures of the parties, the tribunal and the clerk (LDMAL Art 40): time (start and end)
 * and place, the tribunal and the clerk by name, then the steps of the hearing in order — identities, rights and duties,
 * recusal, statements and defence, evidence, debate, final statements, willingness to mediate, closing — with what was
 * recorded for each; corrections follow, never overwrite, numbered 更正一、更正二; every page carries the line on which
 * those who read it sign that it is correct.
 */
export function hearingRecord(d: DocumentData): DocumentModel {
  const r = d.hearingRecord!;
  const tr = d.tribunal;
  const texts = (text: string, field: string): Block[] => (paragraphs(text, field).length ? paragraphs(text, field) : [para(fixed('（无）'))]);
  const when = `${plainChineseDate(r.recordDate)}${r.startTime ? ` ${r.startTime}` : ''}${r.endTime ? `至${r.endTime}` : ''}`;
  const tribunal: Text[] = !tr
    ? [fixed('（仲裁庭未组成）')]
    : tr.mode === 'sole'
      ? [fixed('独任仲裁员'), t(tr.presiding.displayName, '仲裁员姓名')]
      : [fixed('首席仲裁员'), t(tr.presiding.displayName, '首席仲裁员姓名'), ...tr.members.filter((m) => m.id !== tr.presiding.id).flatMap((m, i) => [fixed('，仲裁员'), t(m.displayName, `仲裁员${i + 1}姓名`)])];
  const step = (n: number, title: string, body: Block[]): Block[] => [heading(`${cnOrdinal(n)}、${title}`), ...body];
  return {
    kind: 'hearing_record', issuer: issuer(d), title: '庭审笔录', caseNumber: d.case.caseNumber ? t(d.case.caseNumber, '案号') : null,
    meta: { subject: '庭审笔录', date: r.recordDate },
    pageFooter: '以上笔录经核对无误　　当事人签名：　　　　　　　　　书记员：',
    blocks: [
      para(fixed('时间：'), t(when, '开庭时间')),
      para(fixed('地点：'), t(r.place, '开庭地点')),
      para(fixed('案由：'), t(dispute(d.case), '案由')),
      para(fixed('仲裁庭：'), ...tribunal),
      para(fixed('书记员：'), t(tr?.clerk.displayName ?? '', '书记员姓名')),
      para(fixed('当事人：申请人'), ...names(d.case.applicants, '申请人'), fixed('，被申请人'), ...names(d.case.respondents, '被申请人'), fixed('。')),
      ...step(1, '核对当事人身份', [para(fixed('书记员查明当事人和其他仲裁参与人到庭情况：'), t(r.attendees, '出庭人员'))]),
      ...step(2, '告知权利义务', [para(fixed('仲裁员宣布开庭，宣布仲裁庭组成人员和书记员名单，告知当事人在仲裁活动中的权利和义务。'))]),
      ...step(3, '询问是否申请回避', [para(fixed('仲裁员询问当事人是否申请回避。')), para(fixed('申请人：')), para(fixed('被申请人：'))]),
      ...step(4, '陈述与答辩', texts(r.statements, '当事人陈述')),
      ...step(5, '举证、质证', texts(r.evidence, '举证质证')),
      ...step(6, '仲裁庭调查与辩论', texts(r.questions, '仲裁庭询问')),
      ...step(7, '最后陈述', texts(r.finalStatements, '最后陈述')),
      ...step(8, '调解意愿', texts(r.mediationAttempt, '调解情况')),
      ...step(9, '闭庭', [para(fixed(`仲裁员宣布闭庭${r.endTime ? `（${r.endTime}）` : ''}。`))]),
      ...(r.corrections.length
        ? [heading('笔录补正'), ...r.corrections.map((c, i) => item(`更正${cnOrdinal(i + 1)}：`, fixed(`${plainChineseDate(c.date)}，应`), t(c.requestedBy, '补正申请人'), fixed('申请补正：'), t(c.text, '补正内容')))]
        : []),
      para(fixed('当事人和其他仲裁参与人认为对自己陈述的记录有遗漏或者差错的，有权申请补正；如不予补正，应当记录该申请（《劳动争议调解仲裁法》第四十条）。')),
      { type: 'right', lines: [[fixed('当事人（签名）：')], [fixed('其他仲裁参与人（签名）：')]], gapBefore: 1 },
      ...tribunalClose(d.tribunal, r.recordDate),
    ],
  };
}

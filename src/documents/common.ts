import type { CaseDetail, StoredParty, Tribunal } from '../api/views';
import { REPRESENTATIVE_KIND_LABELS, SEX_LABELS, chineseDate, plainChineseDate } from '../domain';
import { fixed, t, type Block, type Text } from './model';

const ROLE = { applicant: '申请人', respondent: '被申请人', third_party: '第三人' } as const;

function roleLabel(p: StoredParty, index: number, count: number): string {
  return count > 1 ? `${ROLE[p.role]}${index + 1}` : ROLE[p.role];
}

/** One party's block: identity line, the representative of a unit, and each agent (LDMAL Arts 24–25; Rules Art 29). */
export function partyBlock(p: StoredParty, index: number, count: number): Block {
  const label = roleLabel(p, index, count);
  const lines: Text[][] = [];
  if (p.kind === 'person') {
    const parts: Text[] = [fixed(`${ROLE[p.role]}：`), t(p.name, `${label}姓名`)];
    if (p.sex) parts.push(fixed(`，${SEX_LABELS[p.sex]}`));
    if (p.birthDate) parts.push(fixed(`，${plainChineseDate(p.birthDate)}出生`));
    if (p.ethnicity) parts.push(fixed('，'), t(p.ethnicity, `${label}民族`));
    if (p.idNumber) parts.push(fixed(p.idType === 'resident' ? '，公民身份号码' : '，证件号码'), t(p.idNumber, `${label}证件号码`));
    if (p.domicile) parts.push(fixed('，住'), t(p.domicile, `${label}住所`));
    parts.push(fixed('。'));
    lines.push(parts);
  } else {
    const parts: Text[] = [fixed(`${ROLE[p.role]}：`), t(p.name, `${label}名称`)];
    if (p.creditCode) parts.push(fixed('，统一社会信用代码'), t(p.creditCode, `${label}统一社会信用代码`));
    if (p.domicile) parts.push(fixed('，住所'), t(p.domicile, `${label}住所`));
    parts.push(fixed('。'));
    lines.push(parts);
    if (p.representativeName) {
      const rep: Text[] = [fixed(`${REPRESENTATIVE_KIND_LABELS[p.representativeKind]}：`), t(p.representativeName, `${label}${REPRESENTATIVE_KIND_LABELS[p.representativeKind]}姓名`)];
      if (p.representativeTitle) rep.push(fixed('，'), t(p.representativeTitle, `${label}${REPRESENTATIVE_KIND_LABELS[p.representativeKind]}职务`));
      rep.push(fixed('。'));
      lines.push(rep);
    }
  }
  p.agents.forEach((a, i) => {
    const line: Text[] = [fixed('委托代理人：'), t(a.name, `${label}委托代理人${i + 1}姓名`)];
    if (a.kind === 'lawyer' || a.kind === 'legal_aid_lawyer') {
      line.push(fixed('，'));
      if (a.organisation) line.push(t(a.organisation, `${label}委托代理人${i + 1}所在单位`));
      line.push(fixed(a.kind === 'legal_aid_lawyer' ? '律师（法律援助）' : '律师'));
    } else if (a.kind === 'relative' || a.kind === 'colleague') {
      line.push(fixed(`，系${ROLE[p.role]}`), t(p.name, `${label}${p.kind === 'person' ? '姓名' : '名称'}`), fixed(a.kind === 'relative' ? '的近亲属' : '的工作人员'));
    } else if (a.organisation) {
      line.push(fixed('，'), t(a.organisation, `${label}委托代理人${i + 1}所在单位`));
    }
    line.push(fixed('。'));
    lines.push(line);
  });
  return { type: 'party', lines };
}

/** Party blocks in the order the documents print them: applicants, respondents, third parties. */
export function partyBlocks(c: CaseDetail): Block[] {
  const groups = [c.applicants, c.respondents, c.thirdParties];
  return groups.flatMap((g) => g.map((p, i) => partyBlock(p, i, g.length)));
}

/** "张三、李四" with each name's field labelled as the party blocks label it ("申请人1姓名", "被申请人名称"). */
export const names = (ps: StoredParty[], role: string): Text[] =>
  ps.flatMap((p, i) => {
    const field = `${role}${ps.length > 1 ? i + 1 : ''}${p.kind === 'person' ? '姓名' : '名称'}`;
    return i === 0 ? [t(p.name, field)] : [fixed('、'), t(p.name, field)];
  });

/**
 * How a notice addresses its addressees: 你 (one person), 你单位 (one unit), 你们 (several) — never a bracketed plural placeholder.
 */
export function you(ps: StoredParty[]): string {
  if (ps.length > 1) return '你们';
  return ps[0]?.kind === 'org' ? '你单位' : '你';
}

/**
 * "本委地址：…；联系电话：…；联系人：…。" from the settings — where to come and whom to call; nothing when none is set.
 */
export function contactLine(d: { commissionAddress: string | null; commissionPhone?: string | null; commissionContact?: string | null }): Block[] {
  const parts: Text[] = [];
  const add = (label: string, value: string | null | undefined, field: string) => {
    if (!value) return;
    parts.push(fixed(`${parts.length ? '；' : ''}${label}：`), t(value, field));
  };
  add('本委地址', d.commissionAddress, '仲裁委员会地址');
  add('联系电话', d.commissionPhone, '仲裁委员会联系电话');
  add('联系人', d.commissionContact, '仲裁委员会联系人');
  return parts.length ? [{ type: 'paragraph', runs: [...parts, fixed('。')], indent: true }] : [];
}

/** "张三、李四：" — the addressee line of a notice. */
export function addressee(ps: StoredParty[], role: string): Block {
  return { type: 'paragraph', runs: [...names(ps, role), fixed('：')], indent: false };
}

/** The tribunal's signatures: 首席仲裁员 / 仲裁员 × 2, or 独任仲裁员 (LDMAL Arts 31, 46). */
export function tribunalSignatures(tr: Tribunal | null): Text[][] {
  if (!tr) return [[fixed('仲裁员')]];
  if (tr.mode === 'sole') return [[fixed('仲 裁 员  '), t(tr.presiding.displayName, '仲裁员姓名')]];
  return [
    [fixed('首席仲裁员  '), t(tr.presiding.displayName, '首席仲裁员姓名')],
    ...tr.members.filter((m) => m.id !== tr.presiding.id).map((m, i) => [fixed('仲 裁 员  '), t(m.displayName, `仲裁员${i + 1}姓名`)]),
  ];
}

/** Signature, date under the seal, and the clerk — the close of a tribunal document. */
export function tribunalClose(tr: Tribunal | null, date: string): Block[] {
  return [
    { type: 'right', lines: tribunalSignatures(tr), gapBefore: 1 },
    { type: 'seal', caption: '（仲裁委员会印章）' },
    { type: 'right', lines: [[fixed(chineseDate(date))]] },
    { type: 'right', lines: [[fixed('书 记 员  '), t(tr?.clerk.displayName ?? '', '书记员姓名')]] },
  ];
}

/** The commission's close: its name and the date under the seal (notices). */
export function commissionClose(commissionName: Text, date: string): Block[] {
  return [
    { type: 'right', lines: [[commissionName]], gapBefore: 2 },
    { type: 'seal', caption: '（仲裁委员会印章）' },
    { type: 'right', lines: [[fixed(chineseDate(date))]] },
  ];
}

/** "一、" "二、" … for numbered items. */
export function cnOrdinal(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n]!;
  if (n < 20) return `十${d[n - 10]}`;
  return `${d[Math.floor(n / 10)]}十${d[n % 10]}`;
}

/** "劳动报酬争议" — the cause of action as the documents name the dispute (the stored cause may or may not end in 争议). */
export function dispute(c: CaseDetail): string {
  return `${(c.cause ?? '劳动人事').replace(/争议$/, '')}争议`;
}

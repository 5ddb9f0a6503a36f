import type { CaseDetail } from '../api';
import { AppError } from '../api';
import { PARTY_ROLE_LABELS } from '../domain';
import { faceChains, segment, type FontPreference } from '../documents';

export interface PrintProblem {
  path: string;
  message: string;
}

/**
 * Characters the document faces cannot print, found at intake (a name in CJK Extension B such as 𠮷, an emoji), so the
 * clerk fixes them before acceptance instead of meeting a refusal on every document afterwards.
 */
export function printProblems(c: Pick<CaseDetail, 'applicants' | 'respondents' | 'thirdParties' | 'claims'>, pref: FontPreference): PrintProblem[] {
  const chain = faceChains(pref).body;
  const out: PrintProblem[] = [];
  const check = (text: string | undefined | null, path: string, field: string) => {
    if (!text) return;
    try {
      segment({ text, field }, chain);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.push({ path, message: e.message });
    }
  };
  const groups = [['applicants', c.applicants], ['respondents', c.respondents], ['thirdParties', c.thirdParties]] as const;
  for (const [key, parties] of groups) {
    parties.forEach((p, i) => {
      const who = `${PARTY_ROLE_LABELS[p.role]}${parties.length > 1 ? i + 1 : ''}`;
      check(p.name, `${key}.${i}.name`, `${who}姓名（名称）`);
      check(p.domicile, `${key}.${i}.domicile`, `${who}住所`);
      check(p.serviceAddress, `${key}.${i}.serviceAddress`, `${who}送达地址`);
      if (p.kind === 'org') check(p.representativeName, `${key}.${i}.representativeName`, `${who}法定代表人`);
      p.agents.forEach((a, j) => check(a.name, `${key}.${i}.agents.${j}.name`, `${who}代理人${j + 1}姓名`));
    });
  }
  c.claims.forEach((cl, i) => {
    check(cl.text, `claims.${i}.text`, `第${i + 1}项仲裁请求`);
    check(cl.facts, `claims.${i}.facts`, `第${i + 1}项请求的事实与理由`);
  });
  return out;
}

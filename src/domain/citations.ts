/**
 * Citing laws in papers sent to parties: full names at first mention (《中华人民共和国劳动合同法》, not 《劳动合同法》), and
 * the articles of a decision gathered into the award's "依照《…》第…条……之规定" sentence. Pure text functions.
 */

/** Short names people write → the law's full title. Laws of the NPC carry the "中华人民共和国" prefix; regulations and rules do not. */
export const LAW_FULL_NAMES: Record<string, string> = {
  劳动法: '中华人民共和国劳动法',
  劳动合同法: '中华人民共和国劳动合同法',
  劳动合同法实施条例: '中华人民共和国劳动合同法实施条例',
  劳动争议调解仲裁法: '中华人民共和国劳动争议调解仲裁法',
  调解仲裁法: '中华人民共和国劳动争议调解仲裁法',
  民事诉讼法: '中华人民共和国民事诉讼法',
  民法典: '中华人民共和国民法典',
  社会保险法: '中华人民共和国社会保险法',
  法律援助法: '中华人民共和国法律援助法',
  工会法: '中华人民共和国工会法',
  就业促进法: '中华人民共和国就业促进法',
  妇女权益保障法: '中华人民共和国妇女权益保障法',
  职业病防治法: '中华人民共和国职业病防治法',
  安全生产法: '中华人民共和国安全生产法',
  办案规则: '劳动人事争议仲裁办案规则',
  仲裁办案规则: '劳动人事争议仲裁办案规则',
  组织规则: '劳动人事争议仲裁组织规则',
  解释一: '最高人民法院关于审理劳动争议案件适用法律问题的解释（一）',
  '解释（一）': '最高人民法院关于审理劳动争议案件适用法律问题的解释（一）',
};

/** 《劳动合同法》 → 《中华人民共和国劳动合同法》; a name already full, or unknown, is returned as written. */
export function fullLawName(name: string): string {
  const bare = name.replace(/^《|》$/g, '').trim();
  return LAW_FULL_NAMES[bare] ?? bare;
}

/** Every 《short name》 in a text replaced by the full name (the text a party reads states each law in full). */
export function expandLawNames(text: string): string {
  return text.replace(/《([^《》]+)》/g, (_, n: string) => `《${fullLawName(n)}》`);
}

export interface Citation {
  /** Full law name, without 《》; '' when the articles were entered without a law. */
  law: string;
  /** "第三十条", "第四十七条第一项" …, in the order first cited. */
  articles: string[];
}

const ARTICLE = /第[一二三四五六七八九十百千零〇两\d]+条(?:之[一二三四五六七八九十]+)?(?:第[一二三四五六七八九十百零〇\d]+款)?(?:第?[（(][一二三四五六七八九十\d]+[）)]项|第[一二三四五六七八九十\d]+项)?/g;

/** Parses articles as entered ("《劳动合同法》第三十条、第四十六条；《劳动争议调解仲裁法》第六条") into citations, merged by law. */
export function parseCitations(entries: string[]): Citation[] {
  const out: Citation[] = [];
  const add = (law: string, article: string) => {
    let c = out.find((x) => x.law === law);
    if (!c) out.push((c = { law, articles: [] }));
    if (!c.articles.includes(article)) c.articles.push(article);
  };
  for (const entry of entries) {
    const text = entry.trim();
    if (!text) continue;
    const parts = text.split(/(《[^《》]+》)/).filter((s) => s.trim() !== '');
    let law = '';
    for (const part of parts) {
      if (/^《.*》$/.test(part)) {
        law = fullLawName(part);
        continue;
      }
      const arts = part.match(ARTICLE);
      if (arts) arts.forEach((a) => add(law, a));
      else if (part.replace(/[、，,；;\s和及与]/g, '') !== '') add(law, part.replace(/^[、，,；;\s]+|[、，,；;\s。]+$/g, ''));
    }
  }
  return out;
}

/** "《中华人民共和国劳动合同法》第三十条、第四十六条，《中华人民共和国劳动争议调解仲裁法》第六条" */
export function citationText(cs: Citation[]): string {
  return cs.map((c) => `${c.law ? `《${c.law}》` : ''}${c.articles.join('、')}`).join('，');
}

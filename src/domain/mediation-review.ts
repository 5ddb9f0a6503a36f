import { addDays } from './calendar';

/**
 * The arbitral review of a mediation agreement reached before a mediation organisation (Rules Arts 74–78,
 * domain-rules §2.11): both parties apply jointly within fifteen days of the agreement taking effect (Art 74; "jointly"
 * need not mean on the same day, but both within the period); the commission accepts and designates an arbitrator; the
 * arbitrator's conclusion is a 调解书, or a refusal on one of the grounds of Art 78.
 */
export const REVIEW_APPLICATION_DAYS = 15;

/** The last day on which a party may apply: fifteen days from the day the agreement took effect (Rules Art 74). */
export function reviewApplicationLastDay(agreementEffectiveDate: string): string {
  return addDays(agreementEffectiveDate, REVIEW_APPLICATION_DAYS);
}

/** Rules Art 78: the grounds on which no 调解书 is issued (items 1–6). */
export const REVIEW_REFUSAL_GROUNDS: Record<1 | 2 | 3 | 4 | 5 | 6, string> = {
  1: '违反法律、行政法规强制性规定',
  2: '损害国家利益、社会公共利益或者他人合法权益',
  3: '当事人提供证据材料有弄虚作假嫌疑',
  4: '违背当事人真实意思表示',
  5: '调解协议内容不明确',
  6: '其他不能出具调解书的情形',
};
export type ReviewRefusalGround = keyof typeof REVIEW_REFUSAL_GROUNDS;

import { fenInWords, formatFen } from '../domain';
import type { AnnexData } from './data';
import { fixed, heading, para, t, type Block, type TableRow } from './model';

/**
 * The annex of a collective case's award or 调解书 (issue 16 item 6): on a new page after the closing block, a table of
 * every worker — number, name, ID number, items, amount — whose header row is printed again on every page it runs on,
 * closed by the total (the sum of the rows), which the sentence before the table gives in figures and in words.
 *
 * The ID number is printed in full, as in the party blocks of the same document (the worker must be identifiable for
 * enforcement, LDMAL Art 51); the official model texts for a collective annex were not seen (docs/rules.md).
 */

/**
 * Column widths in characters of the body (28 in all) for the table's 12 pt (小四): a three-character name, an 18-character ID number, an item of nine characters and an
 * amount up to 9,999,999.99 each fit their cell on one line.
 */
export const ANNEX_COLUMNS = [3, 3, 9, 8, 5] as const;
export const ANNEX_SIZE_PT = 12;

const amount = (fen: number) => formatFen(fen).slice(1);

export function annexBlocks(a: AnnexData): Block[] {
  const header: TableRow = { header: true, cells: [[fixed('序号')], [fixed('姓名')], [fixed('公民身份号码')], [fixed('事项')], [fixed(a.amountLabel)]] };
  const rows: TableRow[] = a.rows.map((r) => ({
    cells: [[t(String(r.seq), '名单序号')], [t(r.name, '劳动者姓名')], [t(r.idNumber, '劳动者身份证号码')], [t(r.items, '劳动者事项')], [t(amount(r.amountFen), '劳动者金额')]],
  }));
  const total: TableRow = { cells: [[], [fixed('合计')], [t(`${a.rows.length}人`, '名单人数')], [], [t(amount(a.totalFen), '名单金额合计')]] };
  return [
    { type: 'pageBreak' },
    heading(a.title),
    // the count and total before the table, so that no page holds the sentence alone after the table's last row
    para(fixed(`本附件列明劳动者共${a.rows.length}人，金额合计${fenInWords(a.totalFen)}。`)),
    { type: 'table', columns: [...ANNEX_COLUMNS], rows: [header, ...rows, total], repeatHeader: true, size: ANNEX_SIZE_PT },
  ];
}

/** The sentence in the body that points to the annex. */
export function annexReference(a: AnnexData): Block {
  return para(fixed(`本案涉及劳动者共${a.rows.length}人，每一名劳动者的事项及金额见${a.title.replace(/^附件：/, '附件《')}》，附件是本文书的组成部分。`));
}

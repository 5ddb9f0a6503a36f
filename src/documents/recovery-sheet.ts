import path from 'node:path';
import PDFDocument from 'pdfkit';
import { fontsDir } from './fonts';

/**
 * The printable 恢复密钥 sheet (issue 12 item 5): the database's recovery key, printed once at set-up (and after every
 * re-key) and kept in the commission's safe. One A4 page, the key large in groups of four, what it opens and how to use
 * it. The key is not stored in any other document; the PDF should be printed and then deleted.
 */
export interface RecoverySheetInput {
  key: string;
  /** The database file the key opens (its name only is printed). */
  dbFile: string;
  /** When the key was made (shown in China time). */
  at: Date;
  reason: '初次设置' | '更换密钥';
}

const chinaTime = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export async function renderRecoverySheet(input: RecoverySheetInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 72, right: 72 }, lang: 'zh-CN', info: { Title: '数据库恢复密钥单', Creator: '劳动仲裁工作台', Producer: '劳动仲裁工作台' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('title', path.join(fontsDir(), 'NotoSerifSC-Bold.otf'));
  doc.registerFont('body', path.join(fontsDir(), 'NotoSerifSC-Regular.otf'));
  doc.registerFont('sans', path.join(fontsDir(), 'NotoSansSC-Regular.otf'));
  const width = doc.page.width - 144;
  doc.font('title').fontSize(22).text('劳动仲裁工作台　数据库恢复密钥单', { align: 'center', width });
  doc.moveDown(1.2);
  doc.font('body').fontSize(12);
  doc.text(`数据库文件：${path.basename(input.dbFile)}`, { width });
  doc.text(`生成时间：${chinaTime(input.at)}（北京时间）　事由：${input.reason}`, { width });
  doc.moveDown(1);
  doc.font('sans').fontSize(11).text('恢复密钥', { width });
  doc.moveDown(0.9);
  const groups = input.key.split('-');
  const lines = [groups.slice(0, 6).join('  '), groups.slice(6).join('  ')].filter(Boolean);
  const boxTop = doc.y;
  doc.font('sans').fontSize(20);
  for (const l of lines) doc.text(l, { align: 'center', width, characterSpacing: 2 });
  const boxBottom = doc.y + 6;
  doc.rect(72, boxTop - 8, width, boxBottom - boxTop + 8).lineWidth(1.2).stroke();
  doc.y = boxBottom + 18;
  doc.font('body').fontSize(12);
  const para = (t: string) => {
    doc.text(t, { width, lineGap: 4 });
    doc.moveDown(0.4);
  };
  para('一、本密钥可解开本委员会劳动仲裁工作台的数据库及其加密备份，其中含当事人身份证号码、联系方式、工资等个人信息。');
  para('二、请将本单打印后密封，存放于委员会保险柜，由两人共同登记保管；打印后请删除本单的电子文件，不要拍照、复印或通过网络发送。');
  para('三、电脑损坏、更换电脑或操作系统账号、密钥文件遗失时，将本密钥（字母不分大小写，短横线可省略）保存为文本文件，以 desk --passphrase-file <文件> 打开数据库或恢复备份。');
  para('四、更换密钥（desk db rekey）后会生成新的恢复密钥单，旧单仅能解开更换前制作的备份，请与新单一并保管，待旧备份按轮换删除后再销毁。');
  doc.moveDown(1.5);
  doc.text('保管人签字：____________　　见证人签字：____________', { width, lineGap: 10 });
  doc.text('日期：____________', { width });
  doc.end();
  return done;
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { tempDir } from './db';

export { tempDir };

/** Reading generated documents back with real tools: poppler (pdftotext, pdffonts, pdfinfo) and the DOCX's own XML. */

export function writeTemp(bytes: Buffer, name: string): string {
  const file = path.join(tempDir('desk-doc-'), name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The PDF's text, as pdftotext extracts it. */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', writeTemp(pdf, 'doc.pdf'), '-'], { encoding: 'utf8' });
}

/** Text with line breaks, spaces and page numbers ("— 2 —") removed, so a name broken across lines still matches. */
export function flat(text: string): string {
  return text.replace(/—\s*\d+\s*—/g, '').replace(/[\s\f]+/g, '');
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export function pdfFonts(pdf: Buffer): PdfFont[] {
  const out = execFileSync('pdffonts', [writeTemp(pdf, 'doc.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type... encoding emb sub uni object ID
    const n = cols.length;
    return { name: cols[0]!, type: cols.slice(1, n - 6).join(' '), embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes' };
  });
}

export function pdfInfo(pdf: Buffer): { pages: number; pageSize: string } {
  const out = execFileSync('pdfinfo', [writeTemp(pdf, 'doc.pdf')], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)![1]), pageSize: /Page size:\s+(.*)/.exec(out)![1]!.trim() };
}

export async function docxXml(docx: Buffer, part = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const f = zip.file(part);
  if (!f) throw new Error(`${part} missing from DOCX`);
  return f.async('string');
}

/** The text of document.xml: every w:t, paragraphs joined without separators (compare with flat()). */
export function docxText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")).join('');
}

export function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A fontconfig file that adds the bundled fonts, so LibreOffice finds the faces the DOCX names on any machine. */
export function fontconfigWithBundledFonts(): string {
  const dir = tempDir('desk-fc-');
  const file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(file, `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${path.resolve('resources/fonts')}</dir>
  <cachedir>${path.join(dir, 'cache')}</cachedir>
</fontconfig>
`);
  return file;
}

import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { AppError } from '../api/result';
import type { Text } from './model';

/**
 * Document fonts. The bundled faces are Noto Serif CJK SC Bold (title — the open substitute for 小标宋),
 * Noto Serif CJK SC Regular (body — Song style) and Noto Sans CJK SC Regular (section headings — 黑体 style, and the last
 * fallback). Settings may prefer the system's 仿宋 / 宋体 / 黑体 (Windows SimFang, SimSun, SimHei) when installed; the
 * bundled faces then remain as fallbacks for characters the system faces lack.
 */

export type FaceRole = 'title' | 'body' | 'heading';
export type FontPreference = 'bundled' | 'system';

export interface Face {
  /** Family name written into DOCX (East-Asian slot) — what Word, WPS and LibreOffice look up. */
  family: string;
  bold: boolean;
  /** PDF registration name, unique per face. */
  key: string;
  path: string;
  /** For collections (.ttc): the PostScript name of the face to use. */
  postscriptName?: string;
}

const BUNDLED = {
  serifBold: { family: 'Noto Serif CJK SC', bold: true, key: 'NotoSerifSC-Bold', file: 'NotoSerifSC-Bold.otf' },
  serif: { family: 'Noto Serif CJK SC', bold: false, key: 'NotoSerifSC-Regular', file: 'NotoSerifSC-Regular.otf' },
  sans: { family: 'Noto Sans CJK SC', bold: false, key: 'NotoSansSC-Regular', file: 'NotoSansSC-Regular.otf' },
} as const;

/** Where the bundled fonts are: $ARBITRATION_DESK_FONTS (set by the Electron shell), else resources/fonts above cwd or this module. */
export function fontsDir(): string {
  const env = process.env.ARBITRATION_DESK_FONTS;
  if (env && existsSync(join(env, BUNDLED.serif.file))) return env;
  const starts = [process.cwd()];
  try {
    starts.push(dirname(new URL(import.meta.url).pathname));
  } catch {
    /* bundled CJS: import.meta unavailable */
  }
  for (const start of starts) {
    let dir = resolve(start);
    for (let i = 0; i < 8; i++) {
      const candidate = join(dir, 'resources', 'fonts');
      if (existsSync(join(candidate, BUNDLED.serif.file))) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new AppError('INTERNAL', '找不到文书字体（resources/fonts），请重新安装本程序');
}

function bundled(which: keyof typeof BUNDLED): Face {
  const b = BUNDLED[which];
  return { family: b.family, bold: b.bold, key: b.key, path: join(fontsDir(), b.file) };
}

/** Windows and common Linux locations of the system's Chinese document faces. */
const SYSTEM_DIRS = [
  join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts'),
  join(homedir(), 'AppData', 'Local', 'Microsoft', 'Windows', 'Fonts'),
  '/usr/share/fonts/truetype/windows',
  '/usr/share/fonts/windows',
  join(homedir(), '.fonts'),
  join(homedir(), '.local', 'share', 'fonts'),
];
const SYSTEM_FACES: Record<FaceRole, { family: string; files: string[]; postscriptName?: string }[]> = {
  title: [
    { family: '方正小标宋简体', files: ['FZXBSJW.TTF', 'fzxbsjw.ttf', 'FZXBSK.TTF'] },
    { family: '黑体', files: ['simhei.ttf', 'SimHei.ttf'] },
  ],
  body: [
    { family: '仿宋_GB2312', files: ['FangSong_GB2312.ttf', 'simfang_gb2312.ttf'] },
    { family: '仿宋', files: ['simfang.ttf', 'SimFang.ttf'] },
    { family: '宋体', files: ['simsun.ttc', 'SimSun.ttc'], postscriptName: 'SimSun' },
  ],
  heading: [{ family: '黑体', files: ['simhei.ttf', 'SimHei.ttf'] }],
};

function findSystemFace(role: FaceRole): Face | null {
  for (const cand of SYSTEM_FACES[role]) {
    for (const dir of SYSTEM_DIRS) {
      for (const file of cand.files) {
        const path = join(dir, file);
        if (existsSync(path)) return { family: cand.family, bold: false, key: `sys-${role}-${file}`, path, postscriptName: cand.postscriptName };
      }
    }
  }
  return null;
}

/** The face chain for each role: preferred face first, then the bundled fallbacks. */
export function faceChains(pref: FontPreference): Record<FaceRole, Face[]> {
  const chains: Record<FaceRole, Face[]> = {
    title: [bundled('serifBold'), bundled('serif'), bundled('sans')],
    body: [bundled('serif'), bundled('sans')],
    heading: [bundled('sans'), bundled('serif')],
  };
  if (pref === 'system') {
    for (const role of ['title', 'body', 'heading'] as const) {
      const sys = findSystemFace(role);
      if (sys) chains[role].unshift(sys);
    }
  }
  return chains;
}

type Font = { hasGlyphForCodePoint(cp: number): boolean };
const fontCache = new Map<string, Font>();
const bufferCache = new Map<string, Buffer>();

/** The font file's bytes, read once per process (the renderers embed subsets of them). */
export function faceBytes(face: Face): Buffer {
  let b = bufferCache.get(face.path);
  if (!b) {
    b = readFileSync(face.path);
    bufferCache.set(face.path, b);
  }
  return b;
}

/** The parsed face, opened once per process and shared by every document (pdfkit accepts a fontkit font). */
export function openFace(face: Face): Font {
  const id = `${face.path}#${face.postscriptName ?? ''}`;
  let f = fontCache.get(id);
  if (!f) {
    const opened = fontkit.create(faceBytes(face), face.postscriptName) as unknown as Font;
    f = opened;
    fontCache.set(id, f);
  }
  return f;
}

/** A stretch of text set in one face. */
export interface Segment {
  text: string;
  face: Face;
}

const IGNORED = /[\s\u200b]/;

/**
 * Splits text into runs by the first face in the chain that has each character's glyph. A character no face covers is
 * refused with a message naming it, its code point and the field — never printed as an empty box.
 */
export function segment(text: Text, chain: Face[]): Segment[] {
  const out: Segment[] = [];
  for (const ch of text.text) {
    const cp = ch.codePointAt(0)!;
    let face: Face | undefined;
    if (IGNORED.test(ch)) face = out.at(-1)?.face ?? chain[0];
    else face = chain.find((f) => openFace(f).hasGlyphForCodePoint(cp));
    if (!face) {
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      throw new AppError('VALIDATION', `“${text.field}”中的字符“${ch}”（U+${hex}）无法用文书字体打印，请核对该字（可改用常用字并在备注中说明）后再生成`, [
        { path: text.field, message: `字符“${ch}”（U+${hex}）无法打印` },
      ]);
    }
    const last = out.at(-1);
    if (last && last.face === face) last.text += ch;
    else out.push({ text: ch, face });
  }
  return out;
}

/** Segments of several texts, adjacent runs in the same face merged (one text run per face change). */
export function segmentAll(texts: Text[], chain: Face[]): Segment[] {
  const out: Segment[] = [];
  for (const s of texts.flatMap((x) => segment(x, chain))) {
    const last = out.at(-1);
    if (last && last.face === s.face) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

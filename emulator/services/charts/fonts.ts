/**
 * The font charts are drawn with: DejaVu Sans (Debian package fonts-dejavu-core), which has every
 * Vietnamese letter (Liberation Sans 1.x, Debian's fonts-liberation, lacks the precomposed ones).
 * Its advance widths are read from the font file itself (cmap + hmtx), so labels are measured,
 * wrapped and cut exactly as they will be drawn.
 */
import fs from 'node:fs';
import path from 'node:path';

const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts'];
export const FONT_FAMILY = 'DejaVu Sans';

export interface FontFace {
  file: string;
  unitsPerEm: number;
  advance(codePoint: number): number;
  /** False when the font would draw the missing-glyph box. */
  has(codePoint: number): boolean;
}

function findFile(name: string): string | null {
  const stack = [...FONT_DIRS];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) stack.push(full);
      else if (e.name === name) return full;
    }
  }
  return null;
}

/** Minimal TrueType reader: unitsPerEm (head), cmap format 4 (BMP), advance widths (hhea + hmtx). */
function parseFace(file: string): FontFace {
  const b = fs.readFileSync(file);
  const tables = new Map<string, number>();
  const numTables = b.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    tables.set(b.toString('latin1', rec, rec + 4), b.readUInt32BE(rec + 8));
  }
  const head = tables.get('head')!;
  const hhea = tables.get('hhea')!;
  const hmtx = tables.get('hmtx')!;
  const cmap = tables.get('cmap')!;
  const unitsPerEm = b.readUInt16BE(head + 18);
  const numberOfHMetrics = b.readUInt16BE(hhea + 34);
  let sub = -1;
  const nSub = b.readUInt16BE(cmap + 2);
  for (let i = 0; i < nSub; i++) {
    const platform = b.readUInt16BE(cmap + 4 + i * 8);
    const encoding = b.readUInt16BE(cmap + 6 + i * 8);
    const offset = cmap + b.readUInt32BE(cmap + 8 + i * 8);
    if (platform === 3 && encoding === 1 && b.readUInt16BE(offset) === 4) sub = offset;
  }
  if (sub < 0) throw new Error(`emulator: ${file} has no Unicode BMP cmap`);
  const segX2 = b.readUInt16BE(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  const glyphOf = (cp: number): number => {
    for (let i = 0; i < segX2; i += 2) {
      if (b.readUInt16BE(ends + i) < cp) continue;
      const start = b.readUInt16BE(starts + i);
      if (start > cp) return 0;
      const delta = b.readInt16BE(deltas + i);
      const ro = b.readUInt16BE(rangeOffsets + i);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = b.readUInt16BE(rangeOffsets + i + ro + (cp - start) * 2);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number>();
  return {
    file,
    unitsPerEm,
    has: (cp: number) => glyphOf(cp) !== 0,
    advance(cp: number): number {
      let w = cache.get(cp);
      if (w === undefined) {
        const g = glyphOf(cp);
        w = b.readUInt16BE(hmtx + Math.min(g, numberOfHMetrics - 1) * 4);
        cache.set(cp, w);
      }
      return w;
    },
  };
}

let faces: { regular: FontFace; bold: FontFace } | null = null;

export function chartFonts(): { regular: FontFace; bold: FontFace } {
  if (faces) return faces;
  const regular = findFile('DejaVuSans.ttf');
  const bold = findFile('DejaVuSans-Bold.ttf');
  if (!regular || !bold) {
    throw new Error('emulator: Charts draws text with DejaVu Sans, which is not installed (Debian: apt-get install fonts-dejavu-core)');
  }
  faces = { regular: parseFace(regular), bold: parseFace(bold) };
  return faces;
}

/** Width in pixels of `text` set in DejaVu Sans at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
  const face = bold ? chartFonts().bold : chartFonts().regular;
  let units = 0;
  for (const ch of text.normalize('NFC')) units += face.advance(ch.codePointAt(0)!);
  return (units * size) / face.unitsPerEm;
}

/**
 * Resident text is untrusted. What staff see must be what was written: control characters,
 * zero-width characters and bidirectional overrides can hide or reorder words on screen (a
 * "trojan source" trick), so they are removed from the text staff work with. Nothing is lost:
 * the original is kept in a reversible, visible encoding when it differs.
 */

/** C0 controls except TAB and LF, DEL, C1 controls. */
const CONTROL = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f';
/** Zero-width and invisible formatting characters, including the soft hyphen. */
const INVISIBLE = '\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180e\\u200b-\\u200f\\u2060-\\u2064\\u206a-\\u206f\\u3164\\ufeff\\uffa0';
/** Bidirectional embeddings, overrides and isolates. */
const BIDI = '\\u202a-\\u202e\\u2066-\\u2069';

// The classes deliberately list lone combining and joining marks (U+034F, U+200D …).
// eslint-disable-next-line no-misleading-character-class
const HIDDEN = new RegExp(`[${CONTROL}${INVISIBLE}${BIDI}]`, 'g');
// eslint-disable-next-line no-misleading-character-class
const HIDDEN_ONE = new RegExp(`^[${CONTROL}${INVISIBLE}${BIDI}]$`);

export interface CleanText {
  /** What staff see and work with. */
  text: string;
  /** How many hidden characters were removed. */
  removed: number;
  /** The exact original in visible form (see encodeOriginal), only when it differs from `text`. */
  original: string | null;
}

export function cleanResidentText(input: string): CleanText {
  const unified = input.replace(/\r\n?/g, '\n');
  let removed = 0;
  const text = unified.replace(HIDDEN, () => {
    removed += 1;
    return '';
  });
  const trimmed = text.trim();
  return { text: trimmed, removed, original: trimmed === input ? null : encodeOriginal(input) };
}

/**
 * Makes every hidden character visible as \u{NNNN} (and "\" as "\\"), so the original can be
 * shown to a person and restored exactly with decodeOriginal.
 */
export function encodeOriginal(input: string): string {
  let out = '';
  for (const ch of input) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '\r' || HIDDEN_ONE.test(ch)) out += `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`;
    else out += ch;
  }
  return out;
}

export function decodeOriginal(encoded: string): string {
  return encoded.replace(/\\\\|\\u\{([0-9A-F]{1,6})\}/g, (_m, hex: string | undefined) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : '\\'));
}

/**
 * Text a spreadsheet (or a CSV opened in one) would take as a formula: a leading =, +, - or @,
 * also after spaces. Stored cells are plain-text formatted, so this is for flagging and exports.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[\s\u00a0]*[=+\-@]/.test(text);
}

/** Splits text into pieces of at most `size` characters without cutting a surrogate pair. */
export function splitIntoChunks(text: string, size: number): string[] {
  const chunks: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + size, text.length);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
    chunks.push(text.slice(i, end));
    i = end;
  }
  return chunks.length ? chunks : [''];
}

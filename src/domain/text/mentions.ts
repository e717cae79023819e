/**
 * Mentions of a person or a residential group inside published text, found the way people write
 * them and replaced by HIDDEN_MARK.
 *
 * A submitter's own name (known from "Người gửi") must never be published, whoever typed it into
 * the public summary or the answer. nameMasker(name) finds, with or without diacritics:
 *  - the full name ("Nguyễn Văn Bí Mật", "nguyen van bi mat", "NGUYỄN VĂN BÍ MẬT"): anywhere when
 *    it has 3 syllables or more; a 2-syllable full name ("Lê Na") only when capitalised, since
 *    some are ordinary words in lower case ("đỗ đạt");
 *  - the usual short forms after a form of address: the given name ("ông Mật", "ong Mat",
 *    "chị Mật"), the last two syllables ("bà Bí Mật"), surname and given name ("ông Nguyễn Mật").
 *    Only capitalised: the given name is often an ordinary word ("bà hoa mắt", "anh đi làm",
 *    "giữ bí mật", "bán mật ong"), which must not be masked.
 * A name right after a street or place word ("đường Nguyễn Văn Cừ", "phố Minh Khai") is a place
 * and stays. What stays unmasked: a short form with no form of address ("Mật đã gọi"), names typed
 * all in lower case after a form of address, and other people's names — this is a net under the
 * admins' approval of what is published, not a replacement for it.
 *
 * groupMasker(groups) finds residential groups as people write them: "Tổ dân phố 5", "tổ 5",
 * "TDP 5", "TDP số 5", "tổ dân phố số 5", "khu phố Hàng Bông" (never "tổ 50" for "tổ 5"), used on
 * the texts of cases folded into "Các tổ dân phố khác".
 *
 * Matching runs on a folded copy of the text (no diacritics, lower case, one character per
 * character of the original), so a span found there is the same span in the original, which is
 * what gets replaced. Pure; each masker is compiled once and used for many texts.
 */
import { foldDiacritics } from './fold';
import { HIDDEN_MARK } from './scrub';

/** One folded character for each UTF-16 unit of the text: "Mật" → "mat" (a letter of 2 units folds to 2). */
function foldedUnits(text: string): string {
  let out = '';
  for (const ch of text) {
    // The one folding rule (text/fold), a character at a time; one whose folded form is longer or
    // shorter stays as it is, so positions in the copy are positions in the original.
    const folded = foldDiacritics(ch);
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

function fold(word: string): string {
  return foldedUnits(word.normalize('NFC'));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}])';
/** Between the syllables of a name: spaces (any), at most a few. */
const SPACE = '[\\s\\u00a0]{1,3}';

/**
 * Forms of address before a name ("ông", "bà", "chị", "đồng chí", "ông/bà"…). Found folded, then
 * checked: written with these diacritics, or with none at all ("ong Mat") — folded, "đi" is "dì"
 * and "có" is "cô" ("đi Huế", "có Mai" are no forms of address).
 */
const ADDRESS_WRITTEN = ['ông', 'bà', 'anh', 'chị', 'cô', 'chú', 'bác', 'cụ', 'em', 'cháu', 'dì', 'thím', 'mợ', 'cậu', 'đồng chí', 'đ/c', 'ông/bà', 'ông bà', 'bà/ông', 'mr', 'mrs', 'ms'];
const ADDRESS = ADDRESS_WRITTEN.map((a) => fold(a));
const ADDRESS_PATTERN = `(?:${ADDRESS.sort((a, b) => b.length - a.length).map((a) => a.split(' ').map(escapeRegExp).join(SPACE)).join('|')})\\.?`;

/** Words after which a name is a place: a street, a bridge, a school named after someone. */
const PLACE_BEFORE = new RegExp(`${NOT_AFTER_WORD}(?:${['duong', 'pho', 'ngo', 'ngach', 'hem', 'kiet', 'dai lo', 'quan', 'huyen', 'phuong', 'xa', 'tinh', 'thanh pho', 'cau', 'cho', 'truong', 'benh vien', 'khu', 'cong vien', 'quang truong'].map((w) => w.split(' ').join(SPACE)).join('|')})[\\s,]*$`, 'u');

/** The syllables of a stored name, without a form of address typed into it ("Bà Tư" → ["Tư"]). */
export function nameSyllables(name: unknown): string[] {
  if (typeof name !== 'string') return [];
  const words = name
    .normalize('NFC')
    .slice(0, 120)
    .split(/[^\p{L}\p{M}]+/u)
    .filter((w) => w !== '')
    .slice(0, 8);
  // With diacritics only: "Cù", "Chu" are surnames.
  const isAddress = (w: string) => ADDRESS_WRITTEN.includes(w.toLowerCase());
  while (words.length > 1 && isAddress(words[0])) words.shift();
  return words.length === 1 && isAddress(words[0]) ? [] : words;
}

interface Form {
  syllables: string[];
  /** Needs a form of address before it. */
  addressed: boolean;
  /** Needs every syllable capitalised in the text. */
  capitalised: boolean;
}

function formsOf(syllables: string[]): Form[] {
  const n = syllables.length;
  const forms: Form[] = [];
  const add = (s: string[], addressed: boolean, capitalised: boolean) => {
    if (s.length && !forms.some((f) => f.syllables.join(' ') === s.join(' '))) forms.push({ syllables: s, addressed, capitalised });
  };
  if (n >= 3) add(syllables, false, false);
  else if (n === 2) add(syllables, false, true);
  if (n >= 3) add(syllables.slice(-2), true, true);
  if (n >= 3) add([syllables[0], syllables[n - 1]], true, true);
  add(syllables.slice(-1), true, true);
  // Longest first, so the full name wins over its short forms.
  return forms.sort((a, b) => b.syllables.length - a.syllables.length);
}

function isCapitalised(original: string): boolean {
  return original
    .split(/[\s\u00a0]+/)
    .filter(Boolean)
    .every((w) => w[0] !== w[0].toLowerCase());
}

function isAddressAsWritten(written: string): boolean {
  const w = written.toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/\.$/, '');
  return ADDRESS_WRITTEN.includes(w) || /^[\x20-\x7e]+$/.test(w);
}

/** Every match of a global pattern (String.prototype.matchAll is ES2020; Apps Script's bundle is ES2019). */
function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    out.push(m);
    if (m[0] === '') pattern.lastIndex += 1;
  }
  return out;
}

export type Masker = (text: string) => string;

const IDENTITY: Masker = (text) => text;

/** Replaces the spans found in the folded copy, in the original. */
function replaceSpans(text: string, spans: Array<[number, number]>): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [from, to] of spans) {
    out += text.slice(at, from) + HIDDEN_MARK;
    at = to;
  }
  return out + text.slice(at);
}

/** A masker for one submitter's name; the identity when the name has no letters. */
export function nameMasker(name: unknown): Masker {
  const forms = formsOf(nameSyllables(name));
  if (forms.length === 0) return IDENTITY;
  const alternatives = forms.map((f) => `(${f.syllables.map((s) => escapeRegExp(fold(s))).join(SPACE)})`);
  const pattern = new RegExp(`${NOT_AFTER_WORD}(?:(${ADDRESS_PATTERN})${SPACE})?(?:${alternatives.join('|')})${NOT_BEFORE_WORD}`, 'gu');
  return (text: string) => {
    if (typeof text !== 'string' || text === '') return '';
    const original = text.normalize('NFC');
    const folded = foldedUnits(original);
    const spans: Array<[number, number]> = [];
    for (const m of allMatches(pattern, folded)) {
      const address = m[1];
      const which = forms.findIndex((_, i) => m[i + 2] !== undefined);
      const form = forms[which];
      const nameText = m[which + 2];
      const end = m.index + m[0].length;
      const start = end - nameText.length;
      const addressed = address !== undefined && isAddressAsWritten(original.slice(m.index, m.index + address.length));
      if (form.addressed && !addressed) continue;
      if (form.capitalised && !isCapitalised(original.slice(start, end))) continue;
      if (!addressed && PLACE_BEFORE.test(folded.slice(Math.max(0, start - 30), start))) continue;
      spans.push([start, end]);
    }
    return replaceSpans(original, spans);
  };
}

/** Words that make a residential group, folded: "tổ dân phố", "TDP", "tổ", "khu phố"… */
const GROUP_WORDS = ['to dan pho', 'tdp', 'to', 'khu pho', 'kp', 'khu dan cu', 'thon', 'xom', 'ap', 'khoi'];
const GROUP_WORD_PATTERN = `(?:${GROUP_WORDS.sort((a, b) => b.length - a.length).map((w) => w.split(' ').join(SPACE)).join('|')})`;

/**
 * A masker for residential groups: each group by its full name, and by its number or name after
 * any group word ("Tổ dân phố 5" → "tổ 5", "TDP số 5", "tổ dân phố số 5"). Numbers are whole
 * ("tổ 5" never matches "tổ 50").
 */
export function groupMasker(groups: readonly string[]): Masker {
  const names = new Set<string>();
  const tails = new Set<string>();
  for (const g of groups) {
    if (typeof g !== 'string' || g.trim() === '') continue;
    const f = fold(g.trim().replace(/\s+/g, ' ')).slice(0, 120);
    names.add(f.split(' ').map(escapeRegExp).join(SPACE));
    const tail = new RegExp(`^${GROUP_WORD_PATTERN}(?:${SPACE}so)?${SPACE}(.+)$`, 'u').exec(f)?.[1];
    if (tail) tails.add(tail.split(' ').map(escapeRegExp).join(SPACE));
  }
  if (names.size === 0) return IDENTITY;
  const byLength = (a: string, b: string) => b.length - a.length;
  const alternatives = [...[...names].sort(byLength)];
  if (tails.size) alternatives.push(`${GROUP_WORD_PATTERN}(?:${SPACE}so)?[\\s\\u00a0:.]{0,3}(?:${[...tails].sort(byLength).join('|')})`);
  const pattern = new RegExp(`${NOT_AFTER_WORD}(?:${alternatives.join('|')})${NOT_BEFORE_WORD}`, 'gu');
  return (text: string) => {
    if (typeof text !== 'string' || text === '') return '';
    const original = text.normalize('NFC');
    const spans: Array<[number, number]> = [];
    for (const m of allMatches(pattern, foldedUnits(original))) spans.push([m.index, m.index + m[0].length]);
    return replaceSpans(original, spans);
  };
}

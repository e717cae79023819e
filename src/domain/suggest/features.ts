/**
 * What the suggestions read in a text: its syllables folded the way people type them (with or
 * without diacritics, any case: text/fold), the few abbreviations residents use spelled out
 * ("ko" → "khong", "đc" → "duoc"), and each pair of neighbouring syllables ("bốc mùi" →
 * "boc mui"), since a Vietnamese word is often two syllables. Beside them, each syllable as written
 * when it has diacritics ("mất" and "mắt" both fold to "mat"): a text typed with them says a little
 * more (on the dev bench, test/bench/suggest-dev-seed.ts, +1.9 points after 140 decisions), one typed
 * without still matches every folded feature. Each feature counts once per text.
 * The words as the resident wrote them are kept beside, so staff see why in their own spelling.
 */
import { foldDiacritics } from '../text/fold';

/** Abbreviations and spellings residents type for common syllables (folded), spelled out. */
const SPELLED_OUT: Record<string, string> = {
  ko: 'khong',
  k: 'khong',
  kg: 'khong',
  kh: 'khong',
  hok: 'khong',
  dc: 'duoc',
  dk: 'duoc',
  dg: 'duong',
  ng: 'nguoi',
  nc: 'nuoc',
  vs: 'voi',
  mk: 'minh',
  j: 'gi',
  ntn: 'nhu the nao',
};

/** A text's words: `folded` (what is compared) and `shown` (as written, lower case), aligned. */
export interface Words {
  folded: string[];
  shown: string[];
  /** The syllables as written (lower case) that have diacritics, in order. */
  marked: string[];
  /** Every word as written (lower case), bare numbers dropped: what a lesson keeps (wordsOf reads it back the same). */
  written: string[];
}

/** Words (letters and digits) in the order written; digits alone are dropped (house numbers, dates). */
export function wordsOf(text: string): Words {
  const folded: string[] = [];
  const shown: string[] = [];
  const marked: string[] = [];
  const written: string[] = [];
  for (const raw of String(text ?? '').normalize('NFC').split(/[^\p{L}\p{N}]+/u)) {
    if (!raw || /^\p{N}+$/u.test(raw)) continue;
    const f = foldDiacritics(raw).replace(/[^a-z0-9]/g, '');
    if (!f) continue;
    const lower = raw.toLowerCase();
    written.push(lower);
    if (lower !== f) marked.push(lower);
    for (const part of (SPELLED_OUT[f] ?? f).split(' ')) {
      folded.push(part);
      shown.push(lower);
    }
  }
  return { folded, shown, marked, written };
}

/** Separates the two syllables of a pair feature (never inside a folded syllable). */
export const PAIR = '_';
/** Starts a syllable feature as written, with its diacritics (never in a folded syllable). */
export const MARKED = '^';

/** The features of folded words: each syllable and each neighbouring pair, and each `marked` syllable, once each. */
export function featuresOfWords(folded: readonly string[], marked: readonly string[] = []): string[] {
  const out = new Set<string>();
  for (let i = 0; i < folded.length; i++) {
    out.add(folded[i]);
    if (i + 1 < folded.length) out.add(`${folded[i]}${PAIR}${folded[i + 1]}`);
  }
  for (const m of marked) out.add(`${MARKED}${m}`);
  return [...out];
}

export function featuresOf(text: string): string[] {
  const words = wordsOf(text);
  return featuresOfWords(words.folded, words.marked);
}

/** How a feature reads to staff, in the resident's spelling where the text has it. */
export function shownFeature(feature: string, words: Words): string {
  if (feature.startsWith(MARKED)) return feature.slice(MARKED.length);
  const parts = feature.split(PAIR);
  for (let i = 0; i + parts.length <= words.folded.length; i++) {
    if (parts.every((p, j) => words.folded[i + j] === p)) return words.shown.slice(i, i + parts.length).filter((w, j, a) => j === 0 || w !== a[j - 1]).join(' ');
  }
  return parts.join(' ');
}

/**
 * The counts a suggestion is computed from: for each kind of suggestion (the category, whether the
 * case is complex, the handling body), for each label, how many cases staff gave that label and in
 * how many of them each feature appeared. A staff decision only moves counts (a case's features
 * added under the label chosen, and taken away from the label it had before, if staff change
 * their mind): there is no training step. A fresh ward starts from the keyword rules in the
 * settings, given as pseudo-counts (seedFromRules), so it suggests what the rules did.
 */
import type { CategoryRule } from '../classify';
import { featuresOf, MARKED, PAIR } from './features';

export const SUGGESTION_KINDS = ['category', 'complexity', 'body'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export interface LabelCounts {
  /** Cases with this label (pseudo-cases for the seed). */
  docs: number;
  /** Feature → in how many of those cases it appeared. */
  features: Map<string, number>;
}

export type KindCounts = Map<string, LabelCounts>;
export type Counts = Record<SuggestionKind, KindCounts>;

export function emptyCounts(): Counts {
  return { category: new Map(), complexity: new Map(), body: new Map() };
}

/** One staff decision as it moves counts: the features of the case, added under `add`, taken from `remove`. */
export interface Correction {
  kind: SuggestionKind;
  add: string;
  /** The label the case had before, when staff changed it. */
  remove?: string;
  features: string[];
}

function labelOf(kind: KindCounts, label: string): LabelCounts {
  let l = kind.get(label);
  if (!l) {
    l = { docs: 0, features: new Map() };
    kind.set(label, l);
  }
  return l;
}

/** Adds `weight` (negative: takes away, never below zero) to a label's case and feature counts. */
export function addTo(counts: Counts, kind: SuggestionKind, label: string, features: readonly string[], weight: number, docs = weight): void {
  const l = labelOf(counts[kind], label);
  l.docs = Math.max(0, l.docs + docs);
  for (const f of features) {
    const n = (l.features.get(f) ?? 0) + weight;
    if (n > 0) l.features.set(f, n);
    else l.features.delete(f);
  }
}

export function applyCorrection(counts: Counts, c: Correction): void {
  if (c.remove === c.add) return;
  if (c.remove) addTo(counts, c.kind, c.remove, c.features, -1);
  addTo(counts, c.kind, c.add, c.features, 1);
}

/** How much one keyword of the settings weighs, in cases: as if that many cases had said it. */
export const SEED_WEIGHT = 10;

/**
 * The words of any request to the ward, whatever its field: how letters to a ward are phrased
 * ("Kính gửi Ủy ban, tôi đề nghị phường xem xét giải quyết…"), pronouns and the commonest function
 * words. Folded, their syllables are also syllables of keywords ("đề" and "đe" of "đe dọa", "nghị"
 * and "nghi" of "khả nghi", "trả" of "trả kết quả"), so a seed that counted them alone would read
 * a field into every polite request: "Đề nghị phường xem xét" drew "An ninh, trật tự" at 99 %.
 */
export const REQUEST_WORDS = [
  'đề nghị', 'kiến nghị', 'xin', 'cảm ơn', 'kính gửi', 'giải quyết', 'trả lời', 'ý kiến', 'góp ý', 'phản ánh',
  'người dân', 'nhân dân', 'phường', 'tổ', 'ủy ban', 'tôi', 'chúng tôi', 'gia đình', 'có', 'không', 'được', 'cho',
  'hỏi', 'mong', 'nhờ', 'giúp', 'xem xét', 'kiểm tra', 'sớm', 'rất', 'nhiều', 'các', 'của', 'và', 'là', 'đã', 'bị',
  'muốn', 'anh', 'chị', 'em', 'ông', 'bà', 'cô', 'chú', 'bác', 'việc', 'nhà', 'đến', 'với', 'về', 'này', 'thì', 'nên',
  'vì', 'lại', 'ra', 'vào', 'làm',
] as const;

/** The single syllables (folded and as written) of the request words: never seeded alone. */
const REQUEST_SYLLABLES = new Set(REQUEST_WORDS.flatMap((w) => featuresOf(w)).filter((f) => !f.includes(PAIR)));

/**
 * The keyword rules as pseudo-counts: each category is a pseudo-case, and each of its keywords's
 * features counts as SEED_WEIGHT cases of that category — but a syllable of the request words
 * only inside its pair ("đe dọa" seeds "de_doa" and "doa", not "de"). A category without keywords
 * ("Khác") starts with its pseudo-case only: it is suggested once staff have taught it. What staff
 * teach keeps every syllable: the spread weight (suggest.ts) makes the common ones weigh little.
 */
export function seedFromRules(rules: readonly CategoryRule[]): Counts {
  const counts = emptyCounts();
  for (const rule of rules) {
    addTo(counts, 'category', rule.category, [], 0, 1);
    for (const k of rule.keywords) addTo(counts, 'category', rule.category, featuresOf(k).filter((f) => !REQUEST_SYLLABLES.has(f)), SEED_WEIGHT, 0);
  }
  return counts;
}

/** `extra` added into `into` (a seed plus what the ward taught). */
export function mergeCounts(into: Counts, extra: Counts): Counts {
  for (const kind of SUGGESTION_KINDS) {
    for (const [label, l] of extra[kind]) {
      const target = labelOf(into[kind], label);
      target.docs += l.docs;
      for (const [f, n] of l.features) target.features.set(f, (target.features.get(f) ?? 0) + n);
    }
  }
  return into;
}

/** Features of a case for the handling body: its words and its category (bodies follow categories). */
export const CATEGORY_FEATURE = '@';
/** The category weighs as much as this many words of the text. */
const CATEGORY_WEIGHT = 3;

export function bodyFeatures(text: string, category: string): string[] {
  const own = featuresOf(text);
  if (!category) return own;
  const name = featuresOf(category).filter((f) => !f.includes(PAIR) && !f.startsWith(MARKED)).join('.');
  return [...own, ...Array.from({ length: CATEGORY_WEIGHT }, (_, i) => `${CATEGORY_FEATURE}${i}${name}`)];
}

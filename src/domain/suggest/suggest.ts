/**
 * A suggestion from the counts (suggest/model): multinomial naive Bayes over a text's features,
 * each counted once (binary), with add-one smoothing, each feature's log-likelihood weighed by how
 * few labels have seen it (on the bench this lifts accuracy by 3 to 6 points: README). It suggests, never decides: the top label,
 * and a second one when it is close, each with a confidence (the posterior probability), or
 * nothing at all when the best is below the threshold or the text shares no feature with what
 * the ward has taught. Staff see why: the text's features that weighed most for the label,
 * in the resident's own spelling.
 */
import { shownFeature, wordsOf, MARKED, PAIR, type Words } from './features';
import { CATEGORY_FEATURE, type KindCounts } from './model';

export interface Ranked {
  label: string;
  /** 0–1: how sure, as the posterior probability among the labels allowed. */
  confidence: number;
}

export interface SuggestionOf {
  /** One or two labels, the likelier first. */
  top: Ranked[];
  /** The words that weighed most for the first label, as the resident wrote them. */
  why: string[];
}

export interface SuggestOptions {
  /** Labels that may be suggested (the settings' list now); others in the counts are ignored. */
  labels: readonly string[];
  /** Below this confidence nothing is suggested. */
  threshold: number;
  /** A second label is shown when its confidence reaches this. */
  second?: number;
  /** How many words of why. */
  why?: number;
  /** Whose why (default: the first label). */
  explain?: string;
}

const ALPHA = 1;

interface Scored {
  label: string;
  logp: number;
}

/** Every feature any allowed label has seen (the vocabulary the smoothing spreads over). */
function vocabularyOf(counts: KindCounts, labels: readonly string[]): Set<string> {
  const v = new Set<string>();
  for (const l of labels) for (const f of counts.get(l)?.features.keys() ?? []) v.add(f);
  return v;
}

function totalOf(features: Map<string, number>): number {
  let t = 0;
  for (const n of features.values()) t += n;
  return t;
}

/** The suggestion for a text's features (`words`: the text, for why), or null (silent). */
export function suggestFrom(counts: KindCounts, features: readonly string[], words: Words, o: SuggestOptions): SuggestionOf | null {
  // Only what the counts know a word of: a label never taught (a category without keywords before
  // staff chose it) would win every word it has never seen, by smoothing alone.
  const labels = [...new Set(o.labels)].filter((l) => (counts.get(l)?.features.size ?? 0) > 0);
  if (labels.length < 2) return null;
  const countsOf = (l: string) => counts.get(l)!;
  const vocabulary = vocabularyOf(counts, labels);
  const known = features.filter((f) => vocabulary.has(f));
  if (known.length === 0) return null;
  const docs = labels.reduce((s, l) => s + countsOf(l).docs, 0);
  // A feature every label has seen ("đề nghị", "phường") says little: each weighs by how few labels
  // have seen it (an inverse label frequency), so the words of one field decide.
  const spread = (f: string) => labels.reduce((n, l) => n + (countsOf(l).features.has(f) ? 1 : 0), 0);
  const weightOf = (f: string) => Math.log((labels.length + 1) / spread(f));
  const V = vocabulary.size;
  const logLikelihood = new Map<string, (f: string) => number>();
  const scored: Scored[] = labels.map((label) => {
    const c = countsOf(label);
    const denominator = totalOf(c.features) + ALPHA * V;
    const ll = (f: string) => Math.log(((c.features.get(f) ?? 0) + ALPHA) / denominator);
    logLikelihood.set(label, ll);
    let logp = Math.log((c.docs + ALPHA) / (docs + ALPHA * labels.length));
    for (const f of known) logp += weightOf(f) * ll(f);
    return { label, logp };
  });
  scored.sort((a, b) => b.logp - a.logp);
  const max = scored[0].logp;
  const z = scored.reduce((s, x) => s + Math.exp(x.logp - max), 0);
  const ranked = scored.map((s) => ({ label: s.label, confidence: Math.exp(s.logp - max) / z }));
  if (ranked[0].confidence < o.threshold) return null;
  const top = [ranked[0]];
  if (ranked.length > 1 && ranked[1].confidence >= (o.second ?? 1)) top.push(ranked[1]);
  return { top, why: whyOf(known, o.explain ?? ranked[0].label, labels, logLikelihood, words, o.why ?? 3) };
}

/** A syllable-as-written feature ("^chó") as the folded syllable it stands beside ("cho"). */
function foldedSyllable(feature: string): string {
  return wordsOf(feature.slice(MARKED.length)).folded.join(PAIR);
}

/**
 * The features that weighed most for `label`: how much likelier each makes it than the average
 * other label; a pair chosen hides its own syllables; words of the category feature are not words.
 */
function whyOf(known: string[], label: string, labels: string[], ll: Map<string, (f: string) => number>, words: Words, n: number): string[] {
  const others = labels.filter((l) => l !== label);
  const weight = (f: string) => ll.get(label)!(f) - others.reduce((s, o) => s + ll.get(o)!(f), 0) / others.length;
  // A syllable as written stands for its folded form: whichever of the two weighed more speaks for
  // both (the seed gives "chó" only as written, since folded it is the "cho" of every request).
  const candidates = known
    .filter((f) => !f.startsWith(CATEGORY_FEATURE))
    .map((f) => ({ f: f.startsWith(MARKED) ? foldedSyllable(f) : f, said: f, w: weight(f) }))
    .filter((x) => x.w > 0.5)
    .sort((a, b) => b.w - a.w || b.f.length - a.f.length);
  /** Folded feature → the feature that weighed most for it (itself, or the syllable as written). */
  const spoken = new Map<string, string>();
  for (const x of candidates) if (!spoken.has(x.f)) spoken.set(x.f, x.said);
  // A pair says more than its syllables: it takes their place; a syllable of a chosen pair adds nothing.
  let chosen: string[] = [];
  for (const f of spoken.keys()) {
    const parts = f.split(PAIR);
    if (parts.length === 1 && chosen.some((c) => c.split(PAIR).length > 1 && c.split(PAIR).includes(f))) continue;
    if (parts.length > 1) {
      // Two pairs that share a syllable ("bốc mùi", "ngõ bốc") overlap: the first says it.
      if (chosen.some((c) => c.includes(PAIR) && c.split(PAIR).some((p) => parts.includes(p)))) continue;
      const inside = chosen.filter((c) => parts.includes(c));
      if (inside.length === 0 && chosen.length >= n) continue;
      chosen = chosen.filter((c) => !parts.includes(c));
    } else if (chosen.length >= n) continue;
    chosen.push(f);
  }
  const shown = chosen.map((f) => shownFeature(spoken.get(f) ?? f, words));
  return shown.filter((s, i) => shown.indexOf(s) === i);
}

export { wordsOf };

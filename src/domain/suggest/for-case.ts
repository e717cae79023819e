/**
 * The three suggestions staff see on a case, from the ward's counts (seed + what staff taught):
 * the category, whether it looks complex (20 working days), and the handling body most often
 * chosen for similar cases. And the corrections a staff decision teaches.
 */
import { featuresOf, featuresOfWords, wordsOf } from './features';
import { applyCorrection, bodyFeatures, mergeCounts, seedFromRules, type Correction, type Counts } from './model';
import { suggestFrom, type SuggestionOf } from './suggest';
import type { CategoryRule } from '../classify';

/** The case's words the suggestions read: what the resident chose as topic, wrote, and where. */
export function caseText(c: { topic: string; content: string; location: string }): string {
  return `${c.topic} ${c.content} ${c.location}`;
}

/** Confidence below which nothing is said, per kind (set on the bench: test/bench/suggestions.ts). */
export const THRESHOLDS = { category: 0.4, complexity: 0.2, body: 0.4 } as const;
/** A second category is shown from this confidence. */
export const SECOND_AT = 0.2;
/** Complexity and bodies are learned only: nothing is said before staff have decided this many cases. */
export const LEARNED_AT_LEAST = 10;

export interface CaseSuggestions {
  category: SuggestionOf | null;
  /** Said only when the case looks complex. */
  complex: SuggestionOf | null;
  body: SuggestionOf | null;
}

export interface Labels {
  categories: readonly string[];
  bodies: readonly string[];
}

/** The counts to suggest from: the settings' keyword rules as the seed, plus what the ward taught. */
export function countsFor(rules: readonly CategoryRule[], taught: Counts | null): Counts {
  const seed = seedFromRules(rules);
  return taught ? mergeCounts(seed, taught) : seed;
}

function decided(counts: Counts, kind: 'complexity' | 'body'): number {
  let n = 0;
  for (const l of counts[kind].values()) n += l.docs;
  return n;
}

export function suggestCategoryOf(counts: Counts, text: string, categories: readonly string[]): SuggestionOf | null {
  const words = wordsOf(text);
  return suggestFrom(counts.category, featuresOfWords(words.folded, words.marked), words, { labels: categories, threshold: THRESHOLDS.category, second: SECOND_AT });
}

export function suggestForCase(counts: Counts, text: string, category: string, labels: Labels): CaseSuggestions {
  const words = wordsOf(text);
  const features = featuresOfWords(words.folded, words.marked);
  // Complex cases are few: said when they are likely enough, even if less likely than not.
  const complexity =
    decided(counts, 'complexity') >= LEARNED_AT_LEAST ? suggestFrom(counts.complexity, features, words, { labels: ['complex', 'normal'], threshold: 0, second: 0, explain: 'complex' }) : null;
  const complex = complexity?.top.find((t) => t.label === 'complex');
  const body =
    decided(counts, 'body') >= LEARNED_AT_LEAST ? suggestFrom(counts.body, bodyFeatures(text, category), words, { labels: labels.bodies, threshold: THRESHOLDS.body }) : null;
  return {
    category: suggestCategoryOf(counts, text, labels.categories),
    complex: complexity && complex && complex.confidence >= THRESHOLDS.complexity ? { top: [complex], why: complexity.why } : null,
    body,
  };
}

/** What classifying teaches: the category (moved from the one the case had), and its complexity. */
export function classifyCorrections(text: string, before: { category: string; complexity: string }, after: { category: string; complexity: string }): Correction[] {
  const features = featuresOf(text);
  const out: Correction[] = [];
  if (after.category !== before.category) out.push({ kind: 'category', add: after.category, ...(before.category ? { remove: before.category } : {}), features });
  const was = before.category ? before.complexity : '';
  if (after.complexity !== was) out.push({ kind: 'complexity', add: after.complexity, ...(was ? { remove: was } : {}), features });
  return out;
}

/** What assigning teaches: the body (moved from the one the case had). */
export function assignCorrection(text: string, category: string, before: string, after: string): Correction | null {
  if (before === after) return null;
  return { kind: 'body', add: after, ...(before ? { remove: before } : {}), features: bodyFeatures(text, category) };
}

export function teach(counts: Counts, corrections: readonly Correction[]): Counts {
  for (const c of corrections) applyCorrection(counts, c);
  return counts;
}

/**
 * The suggestions shown on a case (domain/suggest/for-case): computed when the case is viewed, from
 * the counts the runtime's cache read brought (no request of its own), or from the keyword rules'
 * seed alone when the cache has none. Only for who may classify or assign; a case already
 * classified and assigned has nothing to suggest.
 */
import type { CaseRecord } from '../../domain/case-record';
import { caseText, countsFor, suggestForCase } from '../../domain/suggest/for-case';
import type { SuggestionOf } from '../../domain/suggest/suggest';
import { can, type Actor } from '../../domain/permissions';
import type { Runtime } from '../../services/platform/runtime';
import { taughtCounts } from '../../services/platform/suggestion-model';

export interface Suggested {
  label: string;
  /** 0–100. */
  percent: number;
}

export interface SuggestionsView {
  /** One or two categories, likelier first; empty: nothing to say. */
  categories: Suggested[];
  categoryWhy: string[];
  /** The chance it is complex, when that is worth saying. */
  complex: { percent: number; why: string[] } | null;
  body: (Suggested & { why: string[] }) | null;
  /** How many staff decisions the counts hold (0: the keyword rules only). */
  learnedFrom: number;
}

/** Never "100%": a suggestion is never certain. */
const percent = (x: number) => Math.min(99, Math.round(x * 100));
const ranked = (s: SuggestionOf | null): Suggested[] => (s ? s.top.map((t) => ({ label: t.label, percent: percent(t.confidence) })) : []);

export function suggestionsView(rt: Runtime, c: CaseRecord, actor: Actor): SuggestionsView | null {
  const mayClassify = can(actor, 'classify') && !c.category;
  const mayAssign = can(actor, 'assign') && !c.assignedBody;
  if (!mayClassify && !mayAssign) return null;
  const taught = taughtCounts(rt);
  const counts = countsFor(rt.settings.categories, taught);
  const category = c.category || c.suggestedCategory;
  const s = suggestForCase(counts, caseText(c), category, { categories: rt.settings.categories.map((x) => x.category), bodies: rt.settings.bodies.map((b) => b.name) });
  let learnedFrom = 0;
  for (const l of taught?.category.values() ?? []) learnedFrom += l.docs;
  return {
    categories: mayClassify ? ranked(s.category) : [],
    categoryWhy: mayClassify ? (s.category?.why ?? []) : [],
    complex: mayClassify && s.complex ? { percent: percent(s.complex.top[0].confidence), why: s.complex.why } : null,
    body: mayAssign && s.body ? { ...ranked(s.body)[0], why: s.body.why } : null,
    learnedFrom,
  };
}

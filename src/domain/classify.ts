/**
 * Suggests a category (lĩnh vực) from the text with the admin's keyword rules. Matching ignores
 * diacritics and case and works on whole words, so "duong hong", "đường hỏng" and "ĐƯỜNG HỎNG"
 * all match the keyword "đường hỏng", while "hong" does not match inside "phong".
 * It only suggests: staff confirm or change the category.
 */
import { searchableWords } from './text/fold';

export interface CategoryRule {
  category: string;
  keywords: string[];
}

export interface Suggestion {
  category: string | null;
  /** The keywords (as the admin wrote them) that matched, for staff to see why. */
  matched: string[];
}

export interface CompiledRules {
  rules: Array<{ category: string; keywords: Array<{ text: string; folded: string }> }>;
}

export function compileRules(rules: CategoryRule[]): CompiledRules {
  return {
    rules: rules.map((r) => ({
      category: r.category,
      keywords: r.keywords
        .map((k) => ({ text: k.trim(), folded: searchableWords(k) }))
        .filter((k) => k.folded.trim().length > 0),
    })),
  };
}

/**
 * The category with the most matching keywords wins (a longer keyword counts for its words);
 * ties go to the rule listed first, so the admin's order decides.
 */
export function suggestCategory(text: string, compiled: CompiledRules): Suggestion {
  const haystack = searchableWords(text);
  let best: Suggestion = { category: null, matched: [] };
  let bestScore = 0;
  for (const rule of compiled.rules) {
    let score = 0;
    const matched: string[] = [];
    for (const k of rule.keywords) {
      if (haystack.includes(k.folded)) {
        score += k.folded.trim().split(' ').length;
        matched.push(k.text);
      }
    }
    if (score > bestScore) {
      bestScore = score;
      best = { category: rule.category, matched };
    }
  }
  return best;
}

/** Keywords as an admin types them in one cell: separated by commas, semicolons or new lines. */
export function parseKeywordList(cell: string): string[] {
  return cell
    .split(/[,;\n]/)
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
}

/**
 * The suggestion bench (issue 21): accuracy on held-out cases of the labelled submissions
 * (suggestion-data.ts), never timed. The keyword rules of the settings alone, then the learning
 * suggestions with 0, 50 and 200 staff decisions taught; the complex-case and handling-body
 * suggestions after 200. A silent suggestion counts as wrong for accuracy (staff had to choose
 * themselves); "shown" is how often something was suggested and "right when shown" how often it
 * was right then. Averaged over several splits (seeds), each printed line a mean.
 * Run alone: `npx tsx test/bench/suggestions.ts`; `npm run bench` prints it first.
 */
import { compileRules, suggestCategory } from '../../src/domain/classify';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { assignCorrection, caseText, classifyCorrections, countsFor, suggestCategoryOf, suggestForCase, teach } from '../../src/domain/suggest/for-case';
import { emptyCounts } from '../../src/domain/suggest/model';
import { readWritten, splitCases, type Labelled } from './suggestion-data';

const SEEDS = [1, 2, 3, 4, 5];
const categories = DEFAULT_SETTINGS.categories.map((c) => c.category);
const bodies = DEFAULT_SETTINGS.bodies.map((b) => b.name);

interface Tally {
  right: number;
  shown: number;
  rightShown: number;
  total: number;
}
const tally = (): Tally => ({ right: 0, shown: 0, rightShown: 0, total: 0 });
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');

function teachFirst(cases: Labelled[], n: number) {
  const taught = emptyCounts();
  for (const c of cases.slice(0, n)) {
    const text = caseText({ topic: '', content: c.text, location: '' });
    teach(taught, classifyCorrections(text, { category: '', complexity: '' }, { category: c.category, complexity: c.complex ? 'complex' : 'normal' }));
    const body = assignCorrection(text, c.category, '', c.body);
    if (body) teach(taught, [body]);
  }
  return countsFor(DEFAULT_SETTINGS.categories, taught);
}

export function suggestionBench(): string[] {
  const written = readWritten();
  const rows: Record<string, Tally> = {};
  /** `rightShown`: what was suggested was right (for the complex case: it was complex). */
  const add = (name: string, shown: boolean, right: boolean, rightShown = shown && right) => {
    const t = (rows[name] ??= tally());
    t.total += 1;
    if (shown) t.shown += 1;
    if (right) t.right += 1;
    if (rightShown) t.rightShown += 1;
  };
  let heldOutSize = 0;
  let taughtSize = 0;
  for (const seed of SEEDS) {
    const { taught, heldOut } = splitCases(written, seed);
    heldOutSize += heldOut.length;
    taughtSize += taught.length;
    const rules = compileRules(DEFAULT_SETTINGS.categories);
    for (const c of heldOut) {
      const s = suggestCategory(c.text, rules).category;
      add('keyword rules (before this issue)', s !== null, s === c.category);
    }
    for (const n of [0, 50, 200]) {
      const counts = teachFirst(taught, n);
      for (const c of heldOut) {
        const text = caseText({ topic: '', content: c.text, location: '' });
        const s = suggestCategoryOf(counts, text, categories);
        add(`category, ${n} decisions taught`, s !== null, s?.top[0].label === c.category);
        if (n === 200) {
          add(`category, ${n} taught: right among the one or two shown`, s !== null, !!s?.top.some((t) => t.label === c.category));
          const all = suggestForCase(counts, text, c.category, { categories, bodies });
          add(`complex case, ${n} taught (silent = normal)`, all.complex !== null, (all.complex !== null) === c.complex, all.complex !== null && c.complex);
          if (c.complex) add(`complex case, ${n} taught: complex cases flagged`, all.complex !== null, all.complex !== null);
          add(`handling body, ${n} taught`, all.body !== null, all.body?.top[0].label === c.body);
        }
      }
    }
    for (const c of heldOut) add('complex case: always "normal" (for comparison)', false, !c.complex);
  }
  const complexHeld = rows['complex case, 200 taught: complex cases flagged'];
  const lines = [
    `Suggestions (npx tsx test/bench/suggestions.ts): ${written.length} written cases, each with one variant (no diacritics, capitals, abbreviations, typos);`,
    `per split ${Math.round(taughtSize / SEEDS.length)} to teach from, ${Math.round(heldOutSize / SEEDS.length)} held out; mean of ${SEEDS.length} splits.`,
    '',
    '| suggestion | accuracy (silent = wrong) | shown | right when shown |',
    '| --- | --- | --- | --- |',
  ];
  for (const [name, t] of Object.entries(rows)) {
    if (name.endsWith('flagged')) continue;
    lines.push(`| ${name} | ${pct(t.right, t.total)} | ${pct(t.shown, t.total)} | ${pct(t.rightShown, t.shown)} |`);
  }
  lines.push('', `Complex cases held out (all splits): ${complexHeld.total}, flagged complex after 200 taught: ${complexHeld.right} (${pct(complexHeld.right, complexHeld.total)}).`);
  return lines;
}

if (require.main === module) console.log(suggestionBench().join('\n'));

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
import { countRows, countsToText, lessonRow, lessonsFrom, readLedger, WORDS_MAX } from '../../src/domain/suggest/ledger';
import { COMPLEXITY } from '../../src/domain/case';
import type { CaseRecord } from '../../src/domain/case-record';
import { random, variant } from './suggestion-data';
import { SUGGESTION_CACHE_CHARS } from '../../src/services/platform/runtime-cache';
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
      add('keyword rules alone (the default list; intake while the cache has no counts)', s !== null, s === c.category);
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

/**
 * The size of what is stored at `n` cases decided (classified, then assigned): texts made from
 * the written cases — two or three of them cut at random places and joined, then typed as a
 * resident might (suggestion-data variant) — so each case brings new pairs and typos, more than a
 * ward's repetitive mail would. Measures the lesson rows an hour of them would append, the count
 * rows the hourly job folds them into, the cache's copy, and the time to fold and to suggest.
 */
export function sizeBench(n = 10_000): string[] {
  const written = readWritten();
  const rnd = random(42);
  const pick = () => written[Math.floor(rnd() * written.length)];
  const rows = [];
  let lessonChars = 0;
  let longest = 0;
  for (let i = 0; i < n; i++) {
    const first = pick();
    const words = [first, pick(), ...(rnd() < 0.5 ? [pick()] : [])].flatMap((c) => {
      const w = c.text.split(' ');
      const from = Math.floor(rnd() * Math.max(1, w.length - 8));
      return w.slice(from, from + 8 + Math.floor(rnd() * 20));
    });
    const content = variant(words.join(' '), rnd);
    const before = { code: `GY-2026-${String(i + 1).padStart(5, '0')}`, version: 1, topic: '', content, location: '', category: '', complexity: COMPLEXITY.normal, assignedBody: '' } as unknown as CaseRecord;
    const classified = { ...before, version: 2, category: first.category, complexity: first.complex ? COMPLEXITY.complex : COMPLEXITY.normal };
    const assigned = { ...classified, version: 3, assignedBody: first.body };
    for (const lessons of [lessonsFrom(before, classified), lessonsFrom(classified, assigned)]) {
      if (!lessons.length) continue;
      const r = lessonRow(lessons);
      lessonChars += r.id.length + r.kind.length + r.data.length;
      longest = Math.max(longest, r.data.length);
      rows.push(r);
    }
  }
  const ledger = readLedger(rows);
  const compacted = countRows(ledger.counts);
  // An hourly fold: the count rows and an hour's lessons (say 100).
  let t = performance.now();
  countRows(readLedger([...compacted, ...rows.slice(0, 100)]).counts);
  const foldMs = performance.now() - t;
  const tabChars = compacted.reduce((s, r) => s + r.id.length + r.kind.length + r.data.length, 0);
  const cacheText = countsToText(ledger.counts);
  // What platform/suggestion-model puts: the rarest features dropped until it fits (minimum count 1, 2, 4 …).
  let min = 1;
  while (countsToText(ledger.counts, min).length > SUGGESTION_CACHE_CHARS) min *= 2;
  const cached = countsToText(ledger.counts, min).length;
  let features = 0;
  for (const kind of ['category', 'complexity', 'body'] as const) for (const l of ledger.counts[kind].values()) features += l.features.size;
  const counts = countsFor(DEFAULT_SETTINGS.categories, readLedger(compacted).counts);
  t = performance.now();
  const probes = written.slice(0, 100);
  for (const c of probes) suggestForCase(counts, c.text, c.category, { categories, bodies });
  const suggestMs = (performance.now() - t) / probes.length;
  const kb = (chars: number) => `${Math.round(chars / 1000).toLocaleString('en')}k characters`;
  return [
    `Size at ${n.toLocaleString('en')} cases classified and assigned (texts cut from the written cases, joined, typed with typos):`,
    `- lesson rows: ${rows.length.toLocaleString('en')} (one a decision: classified, assigned), ${kb(lessonChars)}, the longest ${longest.toLocaleString('en')} characters (a case's words are capped at ${WORDS_MAX.toLocaleString('en')});`,
    `- after the hourly fold: ${compacted.length} count rows, ${kb(tabChars)} in all, the longest ${Math.max(...compacted.map((r) => r.data.length)).toLocaleString('en')} characters (a cell holds 50,000); ${features.toLocaleString('en')} feature counts;`,
    `- the counts as text: ${kb(cacheText.length)}; the cache carries ${kb(SUGGESTION_CACHE_CHARS)} (24 values of 30,000), so its copy drops features seen fewer than ${min} times: ${kb(cached)} (the tab keeps them all);`,
    `- the hourly fold (the count rows and 100 new lessons): ${Math.round(foldMs)} ms; one case's three suggestions: ${suggestMs.toFixed(1)} ms (Node; Apps Script's V8 is slower).`,
  ];
}

if (require.main === module) console.log([...suggestionBench(), '', ...sizeBench()].join('\n'));

/**
 * Dev bench for the keyword seed and the NB weighting (issue 21, accuracy push): dev-CV at 0 / 50
 * / 140 decisions taught, inside each split's taught part (three folds, five splits), never on
 * the held-out cases. `npx tsx test/bench/suggest-dev-seed.ts [experiment]`, experiment one of
 * lexicon (default), nbsvm, nbsvm2, other, other2, other3, marks, weights, triples, product; figures in
 * the README's suggestion section (accuracy push).
 */
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { CategoryRule } from '../../src/domain/classify';
import { caseText, classifyCorrections, suggestCategoryOf, teach } from '../../src/domain/suggest/for-case';
import { addTo, emptyCounts, mergeCounts, type Counts, type KindCounts } from '../../src/domain/suggest/model';
import { featuresOf } from '../../src/domain/suggest/features';
import type { Labelled } from './suggestion-data';
import { devFolds, evaluateCV, nb, type Predictor } from './suggest-dev';
import { PREVIOUS } from './previous-lexicon';
import { withoutExtra } from './extra-keywords';

/**
 * The richer lexicon this bench chose: the default list (domain/vocabulary.ts) as the accuracy push
 * left it, before the third round's words (extra-keywords.ts, measured in suggest-dev-weigh.ts).
 */
const RICH = withoutExtra(DEFAULT_SETTINGS.categories);

const categories = DEFAULT_SETTINGS.categories.map((c) => c.category);
const textOf = (c: Labelled) => caseText({ topic: '', content: c.text, location: '' });
export type { Predictor };

export function seedWith(rules: readonly CategoryRule[], weight: number): Counts {
  const counts = emptyCounts();
  for (const rule of rules) {
    addTo(counts, 'category', rule.category, [], 0, 1);
    for (const k of rule.keywords) addTo(counts, 'category', rule.category, featuresOf(k), weight, 0);
  }
  return counts;
}

function taughtCounts(train: Labelled[]): Counts {
  const taught = emptyCounts();
  for (const c of train) teach(taught, classifyCorrections(textOf(c), { category: '', complexity: '' }, { category: c.category, complexity: 'normal' }));
  return taught;
}

/** The product's NB (suggestFrom) over a seed from `rules` at `weight`. */
export const nbSeed = (rules: readonly CategoryRule[], weight: number): Predictor => (train) => {
  const counts = mergeCounts(seedWith(rules, weight), taughtCounts(train));
  return (t) => suggestCategoryOf(counts, t, categories)?.top[0].label ?? null;
};

/** Scores from the per-label counts: a scorer gets the category counts and the text's features. */
export type Score = (counts: KindCounts, labels: string[], known: string[]) => Map<string, number>;
export const withScore = (rules: readonly CategoryRule[], weight: number, score: Score): Predictor => (train) => {
  const all = mergeCounts(seedWith(rules, weight), taughtCounts(train)).category;
  const labels = categories.filter((l) => (all.get(l)?.features.size ?? 0) > 0);
  const V = new Set<string>();
  for (const l of labels) for (const f of all.get(l)!.features.keys()) V.add(f);
  return (t) => {
    const known = featuresOf(t).filter((f) => V.has(f));
    if (!known.length || labels.length < 2) return null;
    const s = score(all, labels, known);
    return [...s].sort((a, b) => b[1] - a[1])[0][0];
  };
};

export const evaluateCVAt = (p: Predictor, n: number): number => evaluateCV(p, n);

export const AT = [0, 50, 140];
export const row = (name: string, p: Predictor) => console.log(name.padEnd(52), AT.map((n) => evaluateCVAt(p, n).toFixed(1).padStart(5)).join(' / '));

if (require.main === module && (process.argv[2] ?? 'lexicon') === 'lexicon') {
  const current = PREVIOUS;
  console.log('dev-CV at taught', AT.join(' / '));
  for (const w of [3, 5, 10, 20]) row(`current lexicon, seed ${w}`, nbSeed(current, w));
  for (const w of [3, 5, 10, 20]) row(`rich lexicon, seed ${w}`, nbSeed(RICH, w));
}

const sum = (m: Map<string, number>) => { let t = 0; for (const v of m.values()) t += v; return t; };
const spreadWeight = (counts: KindCounts, labels: string[]) => (f: string) => Math.log((labels.length + 1) / labels.reduce((n, l) => n + (counts.get(l)!.features.has(f) ? 1 : 0), 0));

/**
 * NB-SVM's log-count ratio (Wang & Manning 2012), one label against the rest, from the counts:
 * r_c(f) = log(p_c(f)/|p_c|) − log(q_c(f)/|q_c|), p = α + label's counts, q = α + the others'; score =
 * Σ r_c(f) over the text's features (× the spread weight if `spread`) + `prior`·log(N_c / N_¬c).
 * `beta` < 1: the interpolation w = (1−β)·mean|r_c| + β·r_c (their MNB-interpolation form).
 */
export const nbsvm = (o: { alpha?: number; spread?: boolean; prior?: number; beta?: number; mixNb?: number }): Score => (counts, labels, known) => {
  const a = o.alpha ?? 1;
  const V = new Set<string>();
  for (const l of labels) for (const f of counts.get(l)!.features.keys()) V.add(f);
  const tot = new Map(labels.map((l) => [l, sum(counts.get(l)!.features)]));
  const T = [...tot.values()].reduce((x, y) => x + y, 0);
  const docs = labels.reduce((s, l) => s + counts.get(l)!.docs, 0);
  const w = o.spread ? spreadWeight(counts, labels) : () => 1;
  const out = new Map<string, number>();
  for (const l of labels) {
    const c = counts.get(l)!;
    const others = (f: string) => labels.reduce((s, m) => s + (m === l ? 0 : counts.get(m)!.features.get(f) ?? 0), 0);
    const lp = (f: string) => Math.log(((c.features.get(f) ?? 0) + a) / (tot.get(l)! + a * V.size));
    const r = (f: string) => lp(f) - Math.log((others(f) + a) / (T - tot.get(l)! + a * V.size));
    let s = (o.prior ?? 1) * Math.log((c.docs + 1) / (docs - c.docs + 1));
    let meanAbs = 0;
    if (o.beta !== undefined && o.beta < 1) { let n = 0; for (const f of V) { meanAbs += Math.abs(r(f)); n++; } meanAbs /= n; }
    for (const f of known) {
      const rf = o.beta !== undefined && o.beta < 1 ? (1 - o.beta) * meanAbs + o.beta * r(f) : r(f);
      s += w(f) * (rf + (o.mixNb ?? 0) * lp(f));
    }
    out.set(l, s);
  }
  return out;
};

if (require.main === module && process.argv[2] === 'nbsvm') {
  console.log('dev-CV at taught', AT.join(' / '));
  for (const [name, rules] of [['current', PREVIOUS], ['rich', RICH]] as const) {
    row(`${name}: product NB, seed 10`, nbSeed(rules, 10));
    for (const alpha of [1, 0.5]) for (const spread of [false, true]) for (const prior of [0, 1]) row(`${name}: NBSVM r, a${alpha} spread ${spread} prior ${prior}`, withScore(rules, 10, nbsvm({ alpha, spread, prior })));
  }
}

if (require.main === module && process.argv[2] === 'nbsvm2') {
  console.log('dev-CV at taught', AT.join(' / '));
  for (const beta of [0.25, 0.5, 0.75]) row(`rich: NBSVM interpolated beta ${beta}, spread`, withScore(RICH, 10, nbsvm({ spread: true, prior: 0, beta })));
  for (const mixNb of [0.5, 1]) row(`rich: NBSVM r + ${mixNb}·NB log-lik, spread`, withScore(RICH, 10, nbsvm({ spread: true, prior: 0, mixNb })));
  for (const w of [5, 20]) row(`rich: NBSVM r, spread, seed ${w}`, withScore(RICH, w, nbsvm({ spread: true, prior: 0 })));
}

/** Skip pairs: each syllable with the one after next ("mất trộm" in "bị mất xe trộm" … ). */
export const withSkips = (text: string) => {
  const w = wordsOfText(text);
  const out = new Set(featuresOf(text));
  for (let i = 0; i + 2 < w.length; i++) out.add(`${w[i]}~${w[i + 2]}`);
  return [...out];
};
import { wordsOf as wordsOfRaw } from '../../src/domain/suggest/features';
const wordsOfText = (t: string) => wordsOfRaw(t).folded;

export interface Gen { rules: readonly CategoryRule[]; weight: number; phrase?: boolean; budget?: number; feats?: (t: string) => string[]; score?: Score }
/**
 * `phrase`: a keyword seeds only its whole form (its pairs if it has two syllables or more, else its
 * syllable), as the keyword rules match it. `budget`: each category's seed mass scaled to this total.
 */
export const gen = (g: Gen): Predictor => (train) => {
  const feats = g.feats ?? featuresOf;
  const counts = emptyCounts();
  for (const rule of g.rules) {
    addTo(counts, 'category', rule.category, [], 0, 1);
    const fs = rule.keywords.map((k) => { const all = feats(k); const pairs = all.filter((f) => f.includes('_')); return g.phrase && pairs.length ? pairs : all; });
    const mass = fs.reduce((s, f) => s + f.length, 0);
    const w = g.budget && mass ? g.budget / mass : g.weight;
    for (const f of fs) addTo(counts, 'category', rule.category, f, w, 0);
  }
  for (const c of train) addTo(counts, 'category', c.category, feats(textOf(c)), 1);
  const labels = categories.filter((l) => (counts.category.get(l)?.features.size ?? 0) > 0);
  const V = new Set<string>();
  for (const l of labels) for (const f of counts.category.get(l)!.features.keys()) V.add(f);
  return (t) => {
    if (g.score) {
      const known = feats(t).filter((f) => V.has(f));
      if (!known.length || labels.length < 2) return null;
      return [...g.score(counts.category, labels, known)].sort((a, b) => b[1] - a[1])[0][0];
    }
    return suggestFrom(counts.category, feats(t), wordsOfRaw(t), { labels: categories, threshold: 0.4 })?.top[0].label ?? null;
  };
};

/** Bernoulli-style presence: log of the share of the label's cases (seed: `weight` pseudo-cases) that have the feature. */
export const presence = (weight: number, alpha = 1): Score => (counts, labels, known) => {
  const w = spreadWeight(counts, labels);
  const docs = labels.reduce((s, l) => s + counts.get(l)!.docs, 0);
  return new Map(labels.map((l) => {
    const c = counts.get(l)!;
    const D = c.docs + weight;
    let s = Math.log((c.docs + 1) / (docs + labels.length));
    for (const f of known) s += w(f) * Math.log(((c.features.get(f) ?? 0) + alpha) / (D + 2 * alpha));
    return [l, s];
  }));
};
import { suggestFrom } from '../../src/domain/suggest/suggest';
/** Folded features only (the product before the written syllables). */
export const featuresFolded = (t: string) => featuresOf(t).filter((f) => !f.startsWith('^'));

if (require.main === module && process.argv[2] === 'other') {
  console.log('dev-CV at taught', AT.join(' / '));
  row('rich: gen NB seed 10 (= product)', gen({ rules: RICH, weight: 10 }));
  for (const w of [5, 10, 20]) row(`rich: phrase-only seed ${w}`, gen({ rules: RICH, weight: w, phrase: true }));
  for (const b of [300, 600, 1200]) row(`rich: seed budget ${b} per category`, gen({ rules: RICH, weight: 10, budget: b }));
  row('rich: + skip pairs', gen({ rules: RICH, weight: 10, feats: withSkips }));
  for (const w of [5, 10, 20]) row(`rich: presence (Bernoulli-ish), seed ${w}`, gen({ rules: RICH, weight: w, score: presence(w) }));
}

/** Common written abbreviations of Vietnamese administration, spelled out before the features. */
export const ABBR: Record<string, string> = {
  ubnd: 'ủy ban nhân dân', hdnd: 'hội đồng nhân dân', mttq: 'mặt trận tổ quốc', tdp: 'tổ dân phố', bhyt: 'bảo hiểm y tế', bhxh: 'bảo hiểm xã hội',
  cccd: 'căn cước công dân', cmnd: 'chứng minh nhân dân', ccb: 'cựu chiến binh', pccc: 'phòng cháy chữa cháy', atgt: 'an toàn giao thông', csgt: 'cảnh sát giao thông', gcn: 'giấy chứng nhận', qsdd: 'quyền sử dụng đất',
};
export const withAbbr = (t: string) => featuresOf(t.split(/([^\p{L}\p{N}]+)/u).map((w) => ABBR[foldDiacriticsRaw(w)] ?? w).join(''));
import { foldDiacritics as foldDiacriticsRaw } from '../../src/domain/text/fold';

const KHAC: CategoryRule[] = RICH.map((r) => (r.category === 'Khác' ? { ...r, keywords: ['cảm ơn', 'khen ngợi', 'góp ý chung', 'đề xuất', 'hỏi đáp', 'thắc mắc'] } : r));
/** The product's NB with the threshold at `th` (silent = wrong on this bench). */
export const nbTh = (rules: readonly CategoryRule[], th: number): Predictor => (train) => {
  const counts = mergeCounts(seedWith(rules, 10), taughtCounts(train));
  return (t) => { const w = wordsOfRaw(t); return suggestFrom(counts.category, featuresOf(t), w, { labels: categories, threshold: th })?.top[0].label ?? null; };
};

if (require.main === module && process.argv[2] === 'other2') {
  console.log('dev-CV at taught', AT.join(' / '));
  row('rich: abbreviations spelled out', gen({ rules: RICH, weight: 10, feats: withAbbr }));
  row('rich + Khác keywords', gen({ rules: KHAC, weight: 10 }));
  for (const th of [0, 0.3]) row(`rich: threshold ${th} (product 0.4)`, nbTh(RICH, th));
  for (const th of [0, 0.3]) row(`current: threshold ${th} (product 0.4)`, nbTh(PREVIOUS, th));
}

/** Jelinek-Mercer: p(f|c) = λ·p_ML(f|c) + (1−λ)·p(f|all labels), × the spread weight if `spread`. */
export const jm = (lambda: number, spread = true): Score => (counts, labels, known) => {
  const w = spread ? spreadWeight(counts, labels) : () => 1;
  const tot = new Map(labels.map((l) => [l, sum(counts.get(l)!.features)]));
  const T = [...tot.values()].reduce((x, y) => x + y, 0);
  const bg = (f: string) => labels.reduce((s, l) => s + (counts.get(l)!.features.get(f) ?? 0), 0) / T;
  const docs = labels.reduce((s, l) => s + counts.get(l)!.docs, 0);
  return new Map(labels.map((l) => {
    const c = counts.get(l)!;
    let s = Math.log((c.docs + 1) / (docs + labels.length));
    for (const f of known) s += w(f) * Math.log(lambda * ((c.features.get(f) ?? 0) / tot.get(l)!) + (1 - lambda) * bg(f));
    return [l, s];
  }));
};
/** The folded features plus each syllable as written (lower case, diacritics kept), when it has diacritics. */
export const withMarks = (t: string) => {
  const out = new Set(featuresOf(t));
  for (const raw of String(t).normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (raw && foldDiacriticsRaw(raw) !== raw) out.add(`^${raw}`);
  return [...out];
};

if (require.main === module && process.argv[2] === 'other3') {
  console.log('dev-CV at taught', AT.join(' / '));
  for (const l of [0.5, 0.8, 0.95]) row(`rich: Jelinek-Mercer λ ${l}, spread`, gen({ rules: RICH, weight: 10, score: jm(l) }));
  row('rich: Jelinek-Mercer λ 0.8, no spread', gen({ rules: RICH, weight: 10, score: jm(0.8, false) }));
  row('rich: + syllables with their diacritics', gen({ rules: RICH, weight: 10, feats: withMarks }));
}

/** Paired: tries where a is right and b wrong, and the reverse (McNemar's discordant pairs). */
export function paired(a: Predictor, b: Predictor, n: number): [number, number] {
  let ab = 0;
  let ba = 0;
  for (const { train, test } of devFolds(n)) {
    const fa = a(train);
    const fb = b(train);
    for (const c of test) {
      const ra = fa(textOf(c)) === c.category;
      const rb = fb(textOf(c)) === c.category;
      if (ra && !rb) ab++;
      if (rb && !ra) ba++;
    }
  }
  return [ab, ba];
}
/** Marked syllables and marked pairs too. */
export const withMarkedPairs = (t: string) => {
  const out = new Set(withMarks(t));
  const ws = String(t).normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w && !/^\p{N}+$/u.test(w));
  for (let i = 0; i + 1 < ws.length; i++) if (foldDiacriticsRaw(ws[i] + ws[i + 1]) !== ws[i] + ws[i + 1]) out.add(`^${ws[i]}_${ws[i + 1]}`);
  return [...out];
};

if (require.main === module && process.argv[2] === 'marks') {
  console.log('dev-CV at taught', AT.join(' / '));
  row('rich: + marked syllables and marked pairs', gen({ rules: RICH, weight: 10, feats: withMarkedPairs }));
    for (const n of AT) console.log(`paired at ${n}: marks right & plain wrong / the reverse:`, paired(gen({ rules: RICH, weight: 10, feats: withMarks }), gen({ rules: RICH, weight: 10 }), n).join(' / '));
}

if (require.main === module && process.argv[2] === 'product') {
  console.log('dev-CV at taught', AT.join(' / '));
  row('the product before the third round (suggest-dev-weigh.ts extra), seed 10', nbSeed(RICH, 10));
  row('the product now (countsFor: the default list, request words not seeded alone)', nb);
}

/** The product's NB (suggestFrom's sums) with a multiplier per kind of feature: syllable, pair, syllable as written. */
export const nbWeighted = (m: { syllable?: number; pair?: number; marked?: number }): Score => (counts, labels, known) => {
  const w = spreadWeight(counts, labels);
  const V = new Set<string>();
  for (const l of labels) for (const f of counts.get(l)!.features.keys()) V.add(f);
  const docs = labels.reduce((s, l) => s + counts.get(l)!.docs, 0);
  const kindOf = (f: string) => (f.startsWith('^') ? m.marked ?? 1 : f.includes('_') ? m.pair ?? 1 : m.syllable ?? 1);
  return new Map(labels.map((l) => {
    const c = counts.get(l)!;
    const den = sum(c.features) + V.size;
    let s = Math.log((c.docs + 1) / (docs + labels.length));
    for (const f of known) s += kindOf(f) * w(f) * Math.log(((c.features.get(f) ?? 0) + 1) / den);
    return [l, s];
  }));
};

if (require.main === module && process.argv[2] === 'weights') {
  console.log('dev-CV at taught', AT.join(' / '));
  row('product sums, marks ×1 (= product)', gen({ rules: RICH, weight: 10, score: nbWeighted({}) }));
  for (const marked of [0.5, 2]) row(`marks ×${marked}`, gen({ rules: RICH, weight: 10, score: nbWeighted({ marked }) }));
  row('no marks, syllables ×2 (is it the diacritics or the weight?)', gen({ rules: RICH, weight: 10, feats: featuresFolded, score: nbWeighted({ syllable: 2 }) }));
  row('no marks, pairs ×0.5', gen({ rules: RICH, weight: 10, feats: featuresFolded, score: nbWeighted({ pair: 0.5 }) }));
  for (const w of [5, 20]) row(`product, seed ${w}`, nbSeed(RICH, w));
}

/** The product's features plus folded syllable triples. */
export const withTriples = (t: string) => {
  const w = wordsOfText(t);
  const out = new Set(featuresOf(t));
  for (let i = 0; i + 2 < w.length; i++) out.add(`${w[i]}_${w[i + 1]}_${w[i + 2]}`);
  return [...out];
};
if (require.main === module && process.argv[2] === 'triples') {
  console.log('dev-CV at taught', AT.join(' / '));
  row('product + folded triples', gen({ rules: RICH, weight: 10, feats: withTriples }));
}

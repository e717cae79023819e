/**
 * Dev bench for the category suggestion (issue 21): every modelling choice is made here, on dev
 * cases INSIDE each split's taught part, never on the held-out cases: three folds of the taught
 * part, each tried once and taught from the other two (evaluateCV).
 * `npx tsx test/bench/suggest-dev.ts` prints the dev figures; with `heldout`, the held-out figures
 * after 0 / 50 / 200 decisions, looked at once, at the end.
 */
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { caseText, classifyCorrections, countsFor, suggestCategoryOf, teach } from '../../src/domain/suggest/for-case';
import { emptyCounts } from '../../src/domain/suggest/model';
import { featuresOf } from '../../src/domain/suggest/features';
import { readWritten, splitCases, type Labelled } from './suggestion-data';

const SEEDS = [1, 2, 3, 4, 5];
const categories = DEFAULT_SETTINGS.categories.map((c) => c.category);
const textOf = (c: Labelled) => caseText({ topic: '', content: c.text, location: '' });

export type Predictor = (train: Labelled[]) => (text: string) => string | null;

export const nb: Predictor = (train) => {
  const taught = emptyCounts();
  for (const c of train) teach(taught, classifyCorrections(textOf(c), { category: '', complexity: '' }, { category: c.category, complexity: 'normal' }));
  const counts = countsFor(DEFAULT_SETTINGS.categories, taught);
  return (t) => suggestCategoryOf(counts, t, categories)?.top[0].label ?? null;
};

/** Online multiclass linear model, one pass per correction in order; keyword seed as prior weights. */
export interface LinOpts {
  algo: 'pa' | 'perceptron' | 'lr';
  seed: number;
  C?: number;
  lr?: number;
  idf?: boolean;
  epochs?: number;
  avg?: boolean;
  /** Extra features: folded character n-grams of this length inside words (0: none). */
  grams?: number;
  /** Drop the pairs. */
  noPairs?: boolean;
}
export function featsWith(o: { grams?: number; noPairs?: boolean }, text: string): string[] {
  let fs = featuresOf(text);
  if (o.noPairs) fs = fs.filter((f) => !f.includes('_'));
  if (o.grams) {
    const g = new Set<string>();
    for (const w of fs.filter((f) => !f.includes('_'))) { const b = `<${w}>`; for (let i = 0; i + o.grams <= b.length; i++) g.add(`#${b.slice(i, i + o.grams)}`); }
    fs = [...fs, ...g];
  }
  return fs;
}
export function linear(o: LinOpts): Predictor {
  const sc = linearScores(o);
  return (train) => {
    const f = sc(train);
    return (t) => { const m = f(t); return m.size ? [...m].sort((a, b) => b[1] - a[1])[0][0] : null; };
  };
}
export function linearScores(o: LinOpts): (train: Labelled[]) => (text: string) => Map<string, number> {
  return (train) => {
    const W = new Map<string, Map<string, number>>();
    for (const c of categories) W.set(c, new Map());
    const df = new Map<string, number>();
    let nDocs = 0;
    for (const rule of DEFAULT_SETTINGS.categories) for (const k of rule.keywords) for (const f of featuresOf(k)) { const w = W.get(rule.category)!; w.set(f, (w.get(f) ?? 0) + o.seed); }
    const vec = (feats: string[]) => {
      const x = new Map<string, number>();
      for (const f of feats) x.set(f, o.idf ? Math.log((nDocs + 2) / ((df.get(f) ?? 0) + 1)) : 1);
      let n = 0;
      for (const v of x.values()) n += v * v;
      n = Math.sqrt(n) || 1;
      for (const [f, v] of x) x.set(f, v / n);
      return x;
    };
    const score = (x: Map<string, number>, c: string) => { let s = 0; const w = W.get(c)!; for (const [f, v] of x) s += (w.get(f) ?? 0) * v; return s; };
    const U = new Map<string, Map<string, number>>(categories.map((c) => [c, new Map()]));
    let step = 1;
    const upd = (c: string, x: Map<string, number>, a: number) => { const w = W.get(c)!; const u = U.get(c)!; for (const [f, v] of x) { w.set(f, (w.get(f) ?? 0) + a * v); u.set(f, (u.get(f) ?? 0) + step * a * v); } };
    const feats = train.map((c) => featsWith(o, textOf(c)));
    for (let e = 0; e < (o.epochs ?? 1); e++)
      train.forEach((c, i) => {
        if (e === 0) { nDocs++; for (const f of feats[i]) df.set(f, (df.get(f) ?? 0) + 1); }
        step++;
        const x = vec(feats[i]);
        const s = categories.map((k) => ({ k, s: score(x, k) }));
        if (o.algo === 'lr') {
          const m = Math.max(...s.map((z) => z.s));
          const z = s.reduce((a, b) => a + Math.exp(b.s - m), 0);
          for (const { k, s: v } of s) upd(k, x, (o.lr ?? 1) * ((k === c.category ? 1 : 0) - Math.exp(v - m) / z));
          return;
        }
        const right = s.find((z) => z.k === c.category)!.s;
        const rival = s.filter((z) => z.k !== c.category).sort((a, b) => b.s - a.s)[0];
        const loss = Math.max(0, 1 - (right - rival.s));
        if (loss <= 0 || (o.algo === 'perceptron' && right > rival.s)) return;
        const tau = o.algo === 'pa' ? Math.min(o.C ?? 1, loss / 2) : 1;
        upd(c.category, x, tau);
        upd(rival.k, x, -tau);
      });
    if (o.avg) for (const c of categories) { const w = W.get(c)!; for (const [f, u] of U.get(c)!) w.set(f, (w.get(f) ?? 0) - u / step); }
    return (t) => {
      const x = vec(featsWith(o, t));
      if (x.size === 0) return new Map<string, number>();
      return new Map(categories.map((k) => [k, score(x, k)]));
    };
  };
}

export function evaluate(p: Predictor, heldout = false, nTrain = heldout ? 200 : 140): number {
  const written = readWritten();
  let right = 0;
  let total = 0;
  for (const seed of SEEDS) {
    const { taught, heldOut } = splitCases(written, seed);
    const train = taught.slice(0, nTrain);
    const test = heldout ? heldOut : taught.slice(140);
    const f = p(train);
    for (const c of test) { total++; if (f(textOf(c)) === c.category) right++; }
  }
  return (100 * right) / total;
}


/** Scores per category from a predictor variant, for blends. */
export type Scorer = (train: Labelled[]) => (text: string) => Map<string, number>;

/** Cosine k-nearest-neighbour vote over the taught cases (tf-idf, binary tf). */
export const knn = (k: number): Scorer => (train) => {
  const df = new Map<string, number>();
  const feats = train.map((c) => featuresOf(textOf(c)));
  for (const fs of feats) for (const f of fs) df.set(f, (df.get(f) ?? 0) + 1);
  const idf = (f: string) => Math.log((train.length + 1) / ((df.get(f) ?? 0) + 1)) + 1;
  const vec = (fs: string[]) => { const x = new Map<string, number>(); for (const f of fs) x.set(f, idf(f)); let n = 0; for (const v of x.values()) n += v * v; n = Math.sqrt(n) || 1; for (const [f, v] of x) x.set(f, v / n); return x; };
  const vs = feats.map(vec);
  return (t) => {
    const x = vec(featuresOf(t));
    const sims = vs.map((v, i) => { let s = 0; for (const [f, a] of x) s += a * (v.get(f) ?? 0); return { s, c: train[i].category }; }).sort((a, b) => b.s - a.s).slice(0, k);
    const out = new Map<string, number>(categories.map((c) => [c, 0]));
    for (const { s, c } of sims) out.set(c, out.get(c)! + s);
    return out;
  };
};

/** NB posterior per category, from the product's own counts. */
export const nbScores: Scorer = (train) => {
  const taught = emptyCounts();
  for (const c of train) teach(taught, classifyCorrections(textOf(c), { category: '', complexity: '' }, { category: c.category, complexity: 'normal' }));
  const counts = countsFor(DEFAULT_SETTINGS.categories, taught);
  return (t) => {
    const out = new Map<string, number>(categories.map((c) => [c, 0]));
    const s = suggestCategoryOf(counts, t, categories);
    // all posteriors: ask for the second too
    if (s) for (const r of s.top) out.set(r.label, r.confidence);
    return out;
  };
};

export const blend = (parts: Array<[Scorer, number]>): Predictor => (train) => {
  const fs = parts.map(([s, w]) => [s(train), w] as const);
  return (t) => {
    const tot = new Map<string, number>(categories.map((c) => [c, 0]));
    for (const [f, w] of fs) { const m = f(t); const sum = [...m.values()].reduce((a, b) => a + Math.max(0, b), 0) || 1; for (const [c, v] of m) tot.set(c, tot.get(c)! + (w * Math.max(0, v)) / sum); }
    return [...tot].sort((a, b) => b[1] - a[1])[0][0];
  };
};

/**
 * The dev tries: in each split's taught part, each third tried once, taught from the other two (in
 * their order, the first `n` of them when given). Held-out cases are never among them.
 */
export function* devFolds(n?: number): Generator<{ train: Labelled[]; test: Labelled[] }> {
  const written = readWritten();
  for (const seed of SEEDS) {
    const { taught } = splitCases(written, seed);
    const third = Math.ceil(taught.length / 3);
    for (let k = 0; k < 3; k++) {
      const train = [...taught.slice(0, k * third), ...taught.slice((k + 1) * third)];
      yield { train: n === undefined ? train : train.slice(0, n), test: taught.slice(k * third, (k + 1) * third) };
    }
  }
}

/** Dev accuracy over the three folds of every split, taught from the first `n` (default: all). */
export function evaluateCV(p: Predictor, n?: number): number {
  let right = 0;
  let total = 0;
  for (const { train, test } of devFolds(n)) {
    const f = p(train);
    for (const c of test) {
      total++;
      if (f(textOf(c)) === c.category) right++;
    }
  }
  return (100 * right) / total;
}

/** NB variants from the product's counts: smoothing alpha, the label-spread weight's power, the prior's weight, length normalisation. */
export interface NbOpts { alpha?: number; spreadPow?: number; prior?: number; norm?: boolean; cnb?: boolean }
export const nbv = (o: NbOpts): Predictor => (train) => {
  const taught = emptyCounts();
  for (const c of train) teach(taught, classifyCorrections(textOf(c), { category: '', complexity: '' }, { category: c.category, complexity: 'normal' }));
  const counts = countsFor(DEFAULT_SETTINGS.categories, taught).category;
  const labels = categories.filter((l) => (counts.get(l)?.features.size ?? 0) > 0);
  const V = new Set<string>();
  for (const l of labels) for (const f of counts.get(l)!.features.keys()) V.add(f);
  const tot = new Map(labels.map((l) => [l, [...counts.get(l)!.features.values()].reduce((a, b) => a + b, 0)]));
  const docs = labels.reduce((s, l) => s + counts.get(l)!.docs, 0);
  const a = o.alpha ?? 1;
  return (t) => {
    const known = featuresOf(t).filter((f) => V.has(f));
    if (!known.length) return null;
    const w = (f: string) => Math.pow(Math.log((labels.length + 1) / labels.reduce((n, l) => n + (counts.get(l)!.features.has(f) ? 1 : 0), 0)), o.spreadPow ?? 1);
    const wsum = known.reduce((s, f) => s + w(f), 0) || 1;
    let best = '';
    let bestS = -Infinity;
    for (const l of labels) {
      const c = counts.get(l)!;
      let s = (o.prior ?? 1) * Math.log((c.docs + a) / (docs + a * labels.length));
      let ll = 0;
      for (const f of known) ll += w(f) * Math.log(((c.features.get(f) ?? 0) + a) / (tot.get(l)! + a * V.size));
      s += o.norm ? (ll / wsum) * 10 : ll;
      if (s > bestS) { bestS = s; best = l; }
    }
    return best;
  };
};

/** Softmax of a linear model's scores (temperature T), to blend with NB's posteriors. */
const softened = (o: LinOpts, T: number): Scorer => (train) => {
  const f = linearScores(o)(train);
  return (t) => {
    const m = f(t);
    const mx = Math.max(...m.values());
    return new Map([...m].map(([k, v]) => [k, Math.exp((v - mx) / T)]));
  };
};

if (require.main === module) {
  const pa = (seed: number, C: number, epochs = 1): LinOpts => ({ algo: 'pa', seed, C, idf: true, epochs });
  const candidates: Array<[string, Predictor]> = [
    ['naive Bayes (the product)', nb],
    ['passive-aggressive, one pass (seed 0.7, C 1)', linear(pa(0.7, 1))],
    ['passive-aggressive, two passes', linear(pa(0.7, 1, 2))],
    ['averaged passive-aggressive (seed 0.5)', linear({ ...pa(0.5, 1), avg: true })],
    ['perceptron (seed 2)', linear({ algo: 'perceptron', seed: 2, idf: true })],
    ['online logistic regression (seed 1)', linear({ algo: 'lr', seed: 1, idf: true, lr: 1 })],
    ['NB + 10-nearest-neighbour vote', blend([[nbScores, 1], [knn(10), 0.5]])],
    ['NB + PA one pass', blend([[nbScores, 1], [softened(pa(0.7, 1), 0.05), 2]])],
    ['NB + PA two passes', blend([[nbScores, 1], [softened(pa(0.7, 1, 2), 0.05), 2]])],
    ['NB, alpha 0.5', nbv({ alpha: 0.5 })],
  ];
  if (process.argv[2] === 'heldout') {
    for (const [name, p] of candidates) console.log(name.padEnd(48), [0, 50, 200].map((n) => evaluate(p, true, n).toFixed(1)).join(' / '));
  } else {
    for (const [name, p] of candidates) console.log(name.padEnd(48), evaluateCV(p).toFixed(1));
  }
}

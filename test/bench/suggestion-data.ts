/**
 * The labelled submissions of the suggestion bench (data/submissions-*.txt, written by hand) and
 * the ways residents really type them: without diacritics, in capitals, with the abbreviations of
 * a phone keyboard, with a slip of the finger. Each written case gives itself and one such
 * variant; the split into taught and held-out cases is by written case, so a variant of a
 * held-out case is never taught.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_WARD } from '../../src/domain/vocabulary';

export interface Labelled {
  /** The written case it comes from (variants share it). */
  base: number;
  text: string;
  category: string;
  complex: boolean;
  body: string;
}

const BODIES: Record<string, string> = {
  UB: 'UBND phường',
  CA: 'Công an phường',
  MT: 'Ủy ban MTTQ Việt Nam phường',
  KT: 'Phòng Kinh tế, Hạ tầng và Đô thị',
  VX: 'Phòng Văn hóa - Xã hội',
  TDP: 'Ban Công tác Mặt trận tổ dân phố',
};

export function readWritten(dir = join(__dirname, 'data')): Omit<Labelled, 'base'>[] {
  const out: Omit<Labelled, 'base'>[] = [];
  const categories = DEFAULT_WARD.categories.map((c) => c.category as string);
  for (const file of readdirSync(dir).filter((f) => f.startsWith('submissions-')).sort()) {
    let category = '';
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.startsWith('## ')) {
        category = line.slice(3).trim();
        if (!categories.includes(category)) throw new Error(`${file}: no such category in the settings: ${category}`);
        continue;
      }
      const m = /^([nc])\|([A-Z]+)\|(.+)$/.exec(line.trim());
      if (!m) continue;
      if (!BODIES[m[2]]) throw new Error(`${file}: no such body: ${m[2]}`);
      out.push({ category, complex: m[1] === 'c', body: BODIES[m[2]], text: m[3] });
    }
  }
  return out;
}

/** A small deterministic random source (mulberry32), so every run prints the same figures. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stripped = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** Phone-keyboard abbreviations residents use (whole words, any case). */
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bkhông\b/giu, 'ko'],
  [/\bđược\b/giu, 'đc'],
  [/\bỦy ban nhân dân\b/giu, 'UBND'],
  [/\bđường\b/giu, 'đg'],
  [/\bngười\b/giu, 'ng'],
  [/\btổ dân phố\b/giu, 'TDP'],
  [/\bvới\b/giu, 'vs'],
];

/** One way a resident might have typed the same words. */
export function variant(text: string, rnd: () => number): string {
  let t = text;
  const r = rnd();
  for (const [re, short] of ABBREVIATIONS) if (rnd() < 0.7) t = t.replace(re, short);
  if (r < 0.4) t = stripped(t);
  else if (r < 0.55) t = t.toUpperCase();
  else if (r < 0.7) t = stripped(t).toLowerCase();
  // A typo or two: two neighbouring letters swapped, or a letter dropped.
  const typos = Math.floor(rnd() * 3);
  for (let i = 0; i < typos; i++) {
    const at = 1 + Math.floor(rnd() * (t.length - 3));
    if (!/\p{L}\p{L}/u.test(t.slice(at, at + 2))) continue;
    t = rnd() < 0.5 ? t.slice(0, at) + t[at + 1] + t[at] + t.slice(at + 2) : t.slice(0, at) + t.slice(at + 1);
  }
  return t;
}

export interface Split {
  taught: Labelled[];
  heldOut: Labelled[];
}

/**
 * `heldOutShare` of the written cases held out, each as written and as one variant; the others
 * are taught one by one in a shuffled order, each as written or as a variant (a coin toss), so
 * every decision taught is another case, as a ward's staff meet them.
 */
export function splitCases(written: Omit<Labelled, 'base'>[], seed: number, heldOutShare = 0.4): Split {
  const rnd = random(seed);
  const order = written.map((w, i) => ({ w, i, k: rnd() })).sort((a, b) => a.k - b.k);
  const cut = Math.round(order.length * heldOutShare);
  const heldOut = order.slice(0, cut).flatMap(({ w, i }) => [
    { ...w, base: i },
    { ...w, base: i, text: variant(w.text, rnd) },
  ]);
  const taught = order.slice(cut).map(({ w, i }) => ({ ...w, base: i, text: rnd() < 0.5 ? w.text : variant(w.text, rnd) }));
  return { taught, heldOut };
}

/**
 * Where the counts live: rows of a hidden system tab, never a cell or a property that a limit
 * could truncate. Each staff decision appends one row with its lessons (its id: the case's code and
 * the version of the change that taught it, so a retried commit finds it and never counts it twice);
 * the hourly job folds them into count rows (compaction), each row well under a cell's 50,000
 * characters. Reading is forgiving: a row edited by hand that no longer parses is skipped.
 */
import { COMPLEXITY } from '../case';
import type { CaseRecord } from '../case-record';
import { featuresOf, wordsOf } from './features';
import { caseText } from './for-case';
import { addTo, bodyFeatures, emptyCounts, SUGGESTION_KINDS, type Correction, type Counts, type SuggestionKind } from './model';

/** One decision's lesson, as its row keeps it: the case's words, not its features (half the size). */
export interface Lesson {
  id: string;
  kind: SuggestionKind;
  add: string;
  remove?: string;
  /**
   * The case's words as written, lower case (what the features come from: folded and with their
   * diacritics), at most WORDS_MAX characters. Rows written before kept them folded: they still
   * read, and teach the folded features only.
   */
  words: string;
  /** The case's category, for a body lesson (bodies follow categories). */
  category?: string;
}

export interface LedgerRow {
  id: string;
  kind: string;
  data: string;
}

/** A lesson keeps this much of a case's words: the features of a long letter are in its start. */
export const WORDS_MAX = 4_000;
/** A count row holds at most this many characters (a cell holds 50,000). */
export const ROW_CHARS = 40_000;
/** Count rows' ids start with this; a lesson's id is its case's code. */
export const COUNTS_ID = '#';

const complexityKey = (label: string) => (label === COMPLEXITY.complex ? 'complex' : 'normal');

/**
 * What a change of a case teaches (any action: classify, assign, or another that changed them):
 * its category, its complexity (once it is classified) and its handling body, each moved from
 * what the case had. `version`: the change's, for the lesson's id.
 */
export function lessonsFrom(before: CaseRecord, after: CaseRecord): Lesson[] {
  const words = wordsOf(caseText(after)).written.join(' ').slice(0, WORDS_MAX);
  const id = (kind: SuggestionKind) => `${after.code}.v${after.version}.${kind}`;
  const out: Lesson[] = [];
  if (after.category && after.category !== before.category) out.push({ id: id('category'), kind: 'category', add: after.category, ...(before.category ? { remove: before.category } : {}), words });
  const was = before.category ? complexityKey(before.complexity) : '';
  const now = after.category ? complexityKey(after.complexity) : '';
  if (now && now !== was) out.push({ id: id('complexity'), kind: 'complexity', add: now, ...(was ? { remove: was } : {}), words });
  if (after.assignedBody && after.assignedBody !== before.assignedBody)
    out.push({ id: id('body'), kind: 'body', add: after.assignedBody, ...(before.assignedBody ? { remove: before.assignedBody } : {}), words, category: after.category });
  return out;
}

export function correctionOf(l: Lesson): Correction {
  const features = l.kind === 'body' ? bodyFeatures(l.words, l.category ?? '') : featuresOf(l.words);
  return { kind: l.kind, add: l.add, ...(l.remove ? { remove: l.remove } : {}), features };
}

/** The lessons of one change as one row (one appendRow in the commit): id, the case's words once, each lesson's label moves. */
export function lessonRow(lessons: readonly Lesson[]): LedgerRow {
  const first = lessons[0];
  const id = first.id.slice(0, first.id.lastIndexOf('.'));
  const items = lessons.map((l) => ({ kind: l.kind, add: l.add, ...(l.remove ? { remove: l.remove } : {}), ...(l.category !== undefined ? { category: l.category } : {}) }));
  return { id, kind: LESSONS_KIND, data: JSON.stringify({ words: first.words, items }) };
}

/** The "Loại" of a lesson row. */
export const LESSONS_KIND = 'lessons';

const isKind = (k: unknown): k is SuggestionKind => typeof k === 'string' && (SUGGESTION_KINDS as readonly string[]).includes(k);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** A lesson row back, or null (a hand edit: skipped whole). */
function lessonsOf(r: LedgerRow): Lesson[] | null {
  try {
    const d = JSON.parse(r.data) as Record<string, unknown>;
    if (!isText(r.id) || typeof d.words !== 'string' || !Array.isArray(d.items)) return null;
    const out: Lesson[] = [];
    for (const raw of d.items as Array<Record<string, unknown>>) {
      if (!raw || !isKind(raw.kind) || !isText(raw.add) || (raw.remove !== undefined && !isText(raw.remove))) return null;
      out.push({ id: `${r.id}.${raw.kind}`, kind: raw.kind, add: raw.add, words: d.words, ...(isText(raw.remove) ? { remove: raw.remove } : {}), ...(typeof raw.category === 'string' ? { category: raw.category } : {}) });
    }
    return out;
  } catch {
    return null;
  }
}

/** A count row: one label's cases and (part of) its feature counts. */
interface CountData {
  label: string;
  docs: number;
  features: Array<[string, number]>;
}

function countsOf(r: LedgerRow): CountData | null {
  try {
    const d = JSON.parse(r.data) as Record<string, unknown>;
    if (!isKind(r.kind) || !isText(d.label) || typeof d.docs !== 'number' || !Number.isFinite(d.docs) || !Array.isArray(d.features)) return null;
    const features = (d.features as unknown[]).filter((p): p is [string, number] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number' && Number.isFinite(p[1]) && p[1] > 0);
    return { label: d.label, docs: d.docs, features };
  } catch {
    return null;
  }
}

export interface Ledger {
  counts: Counts;
  /** The ids of the lessons in the tab (a retried commit's lessons are there already). */
  lessonIds: Set<string>;
  /** Rows that did not parse (a hand edit), skipped. */
  skipped: number;
}

/** The tab's rows as counts: count rows added, then each lesson applied in order. */
export function readLedger(rows: readonly LedgerRow[]): Ledger {
  const counts = emptyCounts();
  const lessonIds = new Set<string>();
  let skipped = 0;
  for (const r of rows) {
    if (!r.id && !r.data) continue;
    if (String(r.id).startsWith(COUNTS_ID)) {
      const c = countsOf(r);
      if (!c) skipped += 1;
      else {
        addTo(counts, r.kind as SuggestionKind, c.label, [], 0, c.docs);
        const l = counts[r.kind as SuggestionKind].get(c.label)!;
        for (const [f, n] of c.features) l.features.set(f, (l.features.get(f) ?? 0) + n);
      }
      continue;
    }
    const lessons = lessonsOf(r);
    if (!lessons) {
      skipped += 1;
      continue;
    }
    for (const lesson of lessons) {
      if (lessonIds.has(lesson.id)) continue;
      lessonIds.add(lesson.id);
      const c = correctionOf(lesson);
      if (c.remove && c.remove !== c.add) addTo(counts, c.kind, c.remove, c.features, -1);
      if (c.remove !== c.add) addTo(counts, c.kind, c.add, c.features, 1);
    }
  }
  return { counts, lessonIds, skipped };
}

/** The counts as count rows, each under ROW_CHARS: what compaction writes in place of every row. */
export function countRows(counts: Counts): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const kind of SUGGESTION_KINDS) {
    for (const [label, l] of counts[kind]) {
      if (l.docs === 0 && l.features.size === 0) continue;
      const entries = [...l.features.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      let part: Array<[string, number]> = [];
      let size = 0;
      let n = 0;
      const flush = (always: boolean) => {
        if (!always && part.length === 0) return;
        rows.push({ id: `${COUNTS_ID}${kind}#${label}#${n}`, kind, data: JSON.stringify({ label, docs: n === 0 ? l.docs : 0, features: part }) });
        n += 1;
        part = [];
        size = 0;
      };
      for (const e of entries) {
        const len = JSON.stringify(e).length + 1;
        if (size + len > ROW_CHARS - 500 - label.length * 2) flush(true);
        part.push(e);
        size += len;
      }
      flush(n === 0);
    }
  }
  return rows;
}

/** Counts as one JSON text (for the document cache); `minCount`: drop features seen fewer times. */
export function countsToText(counts: Counts, minCount = 1): string {
  const out: Record<string, Record<string, [number, Record<string, number>]>> = {};
  for (const kind of SUGGESTION_KINDS) {
    out[kind] = {};
    for (const [label, l] of counts[kind]) {
      const f: Record<string, number> = {};
      for (const [k, n] of l.features) if (n >= minCount) f[k] = n;
      out[kind][label] = [l.docs, f];
    }
  }
  return JSON.stringify(out);
}

/** Counts back from countsToText, or null when the text is not such counts. */
export function countsFromText(text: string | null | undefined): Counts | null {
  if (!text) return null;
  try {
    const d = JSON.parse(text) as Record<string, Record<string, [number, Record<string, number>]>>;
    const counts = emptyCounts();
    for (const kind of SUGGESTION_KINDS) {
      for (const [label, [docs, f]] of Object.entries(d[kind] ?? {})) {
        addTo(counts, kind, label, [], 0, Number(docs) || 0);
        const l = counts[kind].get(label)!;
        for (const [k, n] of Object.entries(f)) if (typeof n === 'number' && n > 0) l.features.set(k, n);
      }
    }
    return counts;
  } catch {
    return null;
  }
}

/**
 * The intake journal. The Google Form is the journal of record: every submission is a form
 * response, and a submission's identity is a key derived from the response itself — its
 * timestamp (to the second, as the responses tab, the trigger event and FormApp all give it)
 * and its answers — never a row number. So a clerk who deletes, sorts, inserts or clears rows
 * of the responses tab, or re-links the form (a new responses tab), cannot make a submission
 * look filed, nor file one twice.
 *
 * The journal state kept in document properties is small: the keys filed since the watermark
 * (intake's fast duplicate check), the keys being filed with their reserved case codes (a unit
 * interrupted half-way is completed under the same code), and the watermark itself: the time
 * before which every response is known to be filed. The durable record of what is filed is the
 * cases tab ("Mã phản hồi biểu mẫu") and the audit tab ("Tiếp nhận" rows name the key).
 * Pure: no Apps Script here.
 */
import { foldDiacritics } from './text/fold';

export interface JournalState {
  /** Epoch ms: every response submitted before this is filed (reconcile moves it forward). */
  since: number;
  /** Keys filed recently (since `since`, plus a day) → case code. */
  filed: Record<string, string>;
  /** Keys whose filing started → the case code reserved for them. */
  pending: Record<string, string>;
  /**
   * A key (see responseKey) → the exact fingerprints of the responses filed under it and its
   * "~2", "~3" … in that order: two residents who answer in the same second with answers that
   * differ only in digits or punctuation share a key; intake tells them apart by this (a second
   * delivery of one has its fingerprint). Absent for keys filed before it existed or by reconcile.
   */
  prints?: Record<string, string[]>;
}

export const EMPTY_JOURNAL: JournalState = { since: 0, filed: {}, pending: {} };

/** Recently filed keys are kept this long behind the watermark (late second deliveries). */
export const FILED_KEEP_MS = 24 * 3_600_000;

/** What a key is made of: the response's answers that survive the trip into a sheet cell. */
export interface KeyParts {
  timestamp: Date;
  group: string;
  content: string;
  name: string;
  email: string;
}

/**
 * Letters only, without diacritics: a cell may turn "0912" into 912 or trim spaces, and the
 * responses tab may hold a long answer cut at 50,000 characters; the key must not change.
 */
function letters(text: string, max = 2000): string {
  return foldDiacritics(String(text ?? '').slice(0, max)).replace(/[^a-z]/g, '');
}

/** FNV-1a, 32 bits, as 7 base-36 characters: enough to tell apart responses of the same second. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/** "F1764000000-0abc123": the response's second and a hash of its answers. */
export function responseKey(p: KeyParts): string {
  const second = Math.floor(p.timestamp.getTime() / 1000);
  return `F${second}-${shortHash([p.group, p.content, p.name, p.email].map((t) => letters(t)).join('|'))}`;
}

/**
 * "P1764000000-GY-2026-00012-v5": a follow-up filed from a case, by the second that version of
 * the case was last changed, its code and the version the follow-up makes — so a retry of the
 * same action finds the follow-up it filed instead of filing another.
 */
export function followUpKey(caseChangedAt: Date, code: string, version: number): string {
  return `P${Math.floor(caseChangedAt.getTime() / 1000)}-${code}-v${version}`;
}

/**
 * "R1764000000-GY-2026-00012": the follow-up a resident files from the lookup page after rating the
 * answer 1–2, by the second of that rating and the case's code — one follow-up per rating, so a
 * retry (or a second try with other words) finds the one already filed instead of filing another.
 */
export function residentFollowUpKey(ratedAt: Date, code: string): string {
  return `R${Math.floor(ratedAt.getTime() / 1000)}-${code}`;
}

/**
 * When the submission behind a key was made (epoch ms, to the second). Every key starts with a
 * letter and that second: "F…" a form response, "S…" a staff entry, "P…" a follow-up, "R…" a
 * resident's follow-up from the lookup page (the second of the rating it follows).
 */
export function keyTime(key: string): number | null {
  const m = /^[A-Z](\d+)-/.exec(key);
  return m ? Number(m[1]) * 1000 : null;
}

/**
 * Keys for a batch of responses: identical responses of the same second (a double tap on
 * "Gửi") get "~2", "~3" … in the order given, so each is filed once.
 */
/**
 * A response's fingerprint: its row in the responses tab, as the trigger event's range gives it
 * and reconcile reads it — a second delivery of the same event has the same row, two residents'
 * responses never do. (The answers cannot serve: identical answers may come from two people.)
 */
export function rowPrint(row: number): string {
  return `r${row}`;
}

/**
 * The key intake files a response under, among responses of the same second whose letters agree
 * (same `base`): the one already filed with this fingerprint, else the next "~n" after those
 * filed; reconcile's keysFor numbers them the same way from the same fingerprints. A base filed
 * without fingerprints (by reconcile, or before they existed) is taken as this response.
 */
export function keyAmong(j: JournalState, base: string, print: string): string {
  const prints = j.prints?.[base];
  if (!prints) return base;
  const i = prints.indexOf(print);
  const n = i >= 0 ? i + 1 : prints.length + 1;
  return n === 1 ? base : `${base}~${n}`;
}

/** Notes that the response with fingerprint `print` was filed under `key` (a keyAmong result). */
export function notePrint(j: JournalState, key: string, print: string): void {
  const m = /^(.*?)(?:~(\d+))?$/.exec(key)!;
  const base = m[1];
  const at = m[2] ? Number(m[2]) - 1 : 0;
  const prints = [...(j.prints?.[base] ?? [])];
  prints[at] = print;
  j.prints = { ...(j.prints ?? {}), [base]: Array.from(prints, (p) => p ?? '') };
}

export function keysFor(parts: Array<KeyParts & { print?: string }>, prints: Record<string, string[]> = {}): string[] {
  const bases = parts.map((p) => responseKey(p));
  const used = new Map<string, Set<number>>();
  const usedOf = (base: string) => used.get(base) ?? used.set(base, new Set()).get(base)!;
  const numbers = parts.map((p, i) => {
    // A response intake filed keeps the number it was filed under (its fingerprint says which).
    const n = p.print ? (prints[bases[i]] ?? []).indexOf(p.print) + 1 : 0;
    if (n === 0 || usedOf(bases[i]).has(n)) return 0;
    usedOf(bases[i]).add(n);
    return n;
  });
  return parts.map((_, i) => {
    let n = numbers[i];
    if (n === 0) {
      // The others take the lowest number left, in the order given.
      n = 1;
      while (usedOf(bases[i]).has(n)) n++;
      usedOf(bases[i]).add(n);
    }
    return n === 1 ? bases[i] : `${bases[i]}~${n}`;
  });
}

export function parseJournal(value: unknown): JournalState {
  const j = (value ?? {}) as Partial<JournalState>;
  return { since: Number(j.since) || 0, filed: { ...(j.filed ?? {}) }, pending: { ...(j.pending ?? {}) }, ...(j.prints ? { prints: { ...j.prints } } : {}) };
}

/** After a reconcile that saw every response up to `upTo` filed: move the watermark, forget old keys. */
export function advanceJournal(j: JournalState, upTo: number): JournalState {
  const since = Math.max(j.since, upTo);
  const kept = ([key]: [string, unknown]) => {
    const t = keyTime(key);
    return t === null || t >= since - FILED_KEEP_MS;
  };
  const filed = Object.fromEntries(Object.entries(j.filed).filter(kept));
  const prints = j.prints ? { prints: Object.fromEntries(Object.entries(j.prints).filter(kept)) } : {};
  return { since, filed, pending: j.pending, ...prints };
}

/**
 * The monthly publication: the results the ward posts every month (plan: "công khai kết quả hằng
 * tháng, không nêu tên"). It is built from the cases tab; "Người gửi" is read only for the names
 * to hide (rule 3), never shown. It follows four rules, each of which outranks the wish to show
 * more:
 *
 * 1. Which cases. A month lists the cases whose resident was answered in it (answerSentAt in the
 *    month) or that were closed in it (closedAt in the month), both in Vietnam time (UTC+7, the
 *    ward's wall calendar). A case answered in November and closed in December is listed in both
 *    months: each month reports what happened in it. A written but unsent answer is not an
 *    answer (lifecycle.ts): such a case is not listed until it is sent or closed.
 *
 * 2. Misuse never appears. A case marked as misuse (outcome "Lợi dụng, vi phạm pháp luật") or
 *    hidden from the public is left out of the list AND out of every count — not gathered into a
 *    "khác" line. It is a matter for the ward police, not the public board; a count of "other"
 *    cases in a small ward, month after month, would tell neighbours that someone was reported,
 *    and when. It is also left out before the small-cell rule below is applied: were it counted
 *    there, a group × category cell showing two cases unfolded (a cell needs three) would betray
 *    a hidden third one.
 *
 * 3. Texts only when approved, never when confidential. A line always shows the code, the day of
 *    receipt, the residential group, the category and the status (and the outcome once closed).
 *    The public summary and the answer are shown only when staff approved the case for
 *    publication (answerPublic, with a public summary written) and the submitter did not ask for
 *    confidentiality; the answer, moreover, only once the resident has it (answerSentAt): nobody
 *    should learn their own answer from the public board. Both texts go through
 *    scrubPublicText (phones, identity numbers, e-mails, house numbers), then the case's own
 *    submitter's name is hidden wherever it appears in them (text/mentions.ts: the full name and
 *    its short forms, "ông Mật" for "Nguyễn Văn Bí Mật") — staff paste from what the resident
 *    wrote, and may greet them by name in the answer.
 *
 * 4. Small counts identify. In a residential group of a few hundred households, "1 case about
 *    security in group 12" points at a family. When a group × category cell holds fewer than
 *    MIN_CELL cases, those cases are shown under OTHER_GROUPS instead of their group — in the
 *    list and in the totals by group (the totals by category and overall are ward-wide and
 *    unaffected). Cases without a known group are shown there too. A folded case's texts must
 *    not undo the folding: every residential group named in them ("Tổ dân phố 5", "tổ 5",
 *    "TDP số 5") is hidden.
 *
 * Pure: no Apps Script globals, no clock, no time zone of the host.
 */
import { formatVietnameseDate, toYmd, vietnamDayOf } from './calendar/civil-date';
import { OUTCOME, STATUS, UNCLASSIFIED } from './case';
import type { CaseRecord } from './case-record';
import { statusOf } from './lifecycle';
import { groupMasker, nameMasker, type Masker } from './text/mentions';
import { scrubPublicText } from './text/scrub';
import { PERIOD, PUBLICATION_DOC } from '../i18n/reports';

/** What the publication needs of a case — nothing about the submitter. */
export type PublicationCase = Pick<
  CaseRecord,
  | 'code'
  | 'receivedAt'
  | 'group'
  | 'category'
  | 'status'
  | 'outcome'
  | 'answerSentAt'
  | 'closedAt'
  | 'answerPublic'
  | 'publicSummary'
  | 'answer'
  | 'approvedBy'
  | 'confidential'
  | 'hiddenFromPublic'
>;

/** A group × category cell with fewer cases than this is folded into OTHER_GROUPS. */
export const MIN_CELL = 3;

/** The coarser line folded groups are shown under. */
export const OTHER_GROUPS = PUBLICATION_DOC.otherGroups;

export interface PublicationRow {
  code: string;
  /** Day of receipt in Vietnam, dd/mm/yyyy. */
  receivedOn: string;
  /** The residential group, or OTHER_GROUPS (small cell, or group unknown). */
  group: string;
  /** The category, or UNCLASSIFIED. */
  category: string;
  /** The case's status as residents should read it (STATUS values, per lifecycle.statusOf). */
  status: string;
  /** The outcome of a closed case ('' while open). Never the misuse outcome: those are not listed. */
  outcome: string;
  /** The scrubbed public summary, or '' (not approved, confidential, or nothing written). */
  summary: string;
  /** The scrubbed answer, or '' (as summary, and also while the resident has not been answered). */
  answer: string;
}

export interface Publication {
  year: number;
  month: number;
  /** "Tháng 11 năm 2026". */
  label: string;
  /** By day of receipt, then code. */
  rows: PublicationRow[];
  totals: {
    /** Cases listed (each once, even when both answered and closed in the month). */
    total: number;
    /** Listed cases whose resident was answered in the month. */
    answered: number;
    /** Listed cases closed in the month. */
    closed: number;
    /** Most cases first, then by name. */
    byCategory: Array<{ category: string; count: number }>;
    /** With folding applied; by name (numbers in order: "Tổ 2" before "Tổ 10"), OTHER_GROUPS last. */
    byGroup: Array<{ group: string; count: number }>;
  };
}

function validDate(d: unknown): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

function inMonth(d: unknown, year: number, month: number): boolean {
  if (!validDate(d)) return false;
  const ymd = toYmd(vietnamDayOf(d));
  return ymd.year === year && ymd.month === month;
}

/** Misuse, or hidden by staff: never published, never counted. */
export function isWithheld(c: Pick<CaseRecord, 'outcome' | 'hiddenFromPublic'>): boolean {
  return c.outcome === OUTCOME.misuse || c.hiddenFromPublic === true;
}

/** Approved for publication and not confidential: its texts may be shown. */
export function textsPublic(c: Pick<CaseRecord, 'answerPublic' | 'confidential' | 'publicSummary'>): boolean {
  return c.answerPublic === true && c.confidential !== true && typeof c.publicSummary === 'string' && c.publicSummary.trim() !== '';
}

/** A text as it is published (rule 3): scrubbed, then without its submitter's name. */
export function publishedText(text: string, submitterName: string): string {
  return nameMasker(submitterName)(scrubPublicText(text));
}

/**
 * What the publication and the board need besides the cases: the residential groups (to hide
 * them in folded cases' texts) and the submitters' names by case code — asked for once, and only
 * when a text is shown (the service reads "Người gửi" then).
 */
export interface Disclosure {
  groups: readonly string[];
  names: () => ReadonlyMap<string, string>;
}

const NO_DISCLOSURE: Disclosure = { groups: [], names: () => new Map() };

/**
 * The published summary and answer of a case (rule 3, and rule 4's part on texts): scrubbed,
 * without its submitter's name, and without any group when it is folded. One per publication or
 * board: the name list and the group masker are made once for all its cases.
 */
export function publishedTexts(d: Disclosure = NO_DISCLOSURE): (c: PublicationCase, folded: boolean) => { summary: string; answer: string } {
  let names: ReadonlyMap<string, string> | null = null;
  const groupMaskers = new Map<string, Masker>();
  const groups = groupMasker(d.groups);
  return (c, folded) => {
    if (!textsPublic(c)) return { summary: '', answer: '' };
    names = names ?? d.names();
    const name = names.get(c.code) ?? '';
    const own = (c.group ?? '').trim();
    let group: Masker = groups;
    if (folded && own !== '' && !d.groups.includes(own)) {
      if (!groupMaskers.has(own)) groupMaskers.set(own, groupMasker([own]));
      const alsoOwn = groupMaskers.get(own)!;
      group = (t) => alsoOwn(groups(t));
    }
    const publish = (text: string) => {
      const t = publishedText(text, name);
      return folded ? group(t) : t;
    };
    return { summary: publish(c.publicSummary), answer: validDate(c.answerSentAt) ? publish(c.answer ?? '') : '' };
  };
}

/**
 * Natural order without the host's locale: digit runs compare as numbers ("Tổ 2" < "Tổ 10"),
 * text compares by its letters without diacritics first, then exactly (so the order is total).
 */
export function naturalCompare(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    const bothNumbers = /^\d/.test(p) && /^\d/.test(q);
    if (bothNumbers) {
      const diff = Number(p) - Number(q);
      if (diff !== 0) return diff < 0 ? -1 : 1;
    } else {
      const fp = fold(p);
      const fq = fold(q);
      if (fp !== fq) return fp < fq ? -1 : 1;
    }
  }
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

interface Listed {
  c: PublicationCase;
  day: number;
  answered: boolean;
  closed: boolean;
  group: string;
  category: string;
}

export function buildPublication(cases: PublicationCase[], period: { year: number; month: number }, disclosure?: Disclosure): Publication {
  const { year, month } = period;
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(PERIOD.monthInvalid(month, year));

  // Rules 1 and 2: the month's cases, misuse left out before anything is counted.
  const listed: Listed[] = [];
  for (const c of cases) {
    if (isWithheld(c)) continue;
    const answered = inMonth(c.answerSentAt, year, month);
    const closed = inMonth(c.closedAt, year, month);
    if (!answered && !closed) continue;
    listed.push({
      c,
      day: validDate(c.receivedAt) ? vietnamDayOf(c.receivedAt) : Number.POSITIVE_INFINITY,
      answered,
      closed,
      group: (c.group ?? '').trim(),
      category: (c.category ?? '').trim() || UNCLASSIFIED,
    });
  }

  // Rule 4: group × category cells under MIN_CELL are shown under OTHER_GROUPS.
  const cellKey = (l: Listed) => JSON.stringify([l.group, l.category]);
  const cells = new Map<string, number>();
  for (const l of listed) cells.set(cellKey(l), (cells.get(cellKey(l)) ?? 0) + 1);
  const shownGroup = (l: Listed) => (l.group === '' || (cells.get(cellKey(l)) ?? 0) < MIN_CELL ? OTHER_GROUPS : l.group);

  listed.sort((p, q) => (p.day !== q.day ? (p.day < q.day ? -1 : 1) : naturalCompare(p.c.code, q.c.code)));

  const texts = publishedTexts(disclosure);
  const rows: PublicationRow[] = listed.map((l) => {
    const { c } = l;
    const group = shownGroup(l);
    // Rule 3: texts only when approved and not confidential; the answer only once sent.
    const status = STATUS[statusOf(c)];
    return {
      code: c.code,
      receivedOn: Number.isFinite(l.day) ? formatVietnameseDate(l.day) : '',
      group,
      category: l.category,
      status,
      outcome: status === STATUS.closed ? c.outcome ?? '' : '',
      ...texts(c, group === OTHER_GROUPS),
    };
  });

  const count = <K extends string>(keys: K[]) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return Array.from(m.entries());
  };
  const byCategory = count(rows.map((r) => r.category))
    .map(([category, n]) => ({ category, count: n }))
    .sort((p, q) => q.count - p.count || naturalCompare(p.category, q.category));
  const byGroup = count(rows.map((r) => r.group))
    .map(([group, n]) => ({ group, count: n }))
    .sort((p, q) => Number(p.group === OTHER_GROUPS) - Number(q.group === OTHER_GROUPS) || naturalCompare(p.group, q.group));

  return {
    year,
    month,
    label: PERIOD.month(month, year),
    rows,
    totals: {
      total: rows.length,
      answered: listed.filter((l) => l.answered).length,
      closed: listed.filter((l) => l.closed).length,
      byCategory,
      byGroup,
    },
  };
}

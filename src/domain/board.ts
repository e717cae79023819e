/**
 * The public results board (the web app): for one residential group and one month, the cases
 * received — date, category, status, due date and, once staff approved it for the public, the
 * summary and the answer (scrubbed) — with the month's totals from the monthly publication. The
 * same anonymity rules as the publication: misuse never appears, confidential cases show no text,
 * no submitter's name in any text, and a group × category cell under 3 is shown under "Các tổ dân
 * phố khác", never under its group, with no group named in its texts.
 */
import { PERIOD } from '../i18n/reports';
import { formatVietnameseDate, toYmd, vietnamDayOf } from './calendar/civil-date';
import { STATUS, UNCLASSIFIED } from './case';
import type { CaseRecord } from './case-record';
import { statusOf } from './lifecycle';
import { buildPublication, isWithheld, MIN_CELL, naturalCompare, OTHER_GROUPS, publishedTexts, type Disclosure, type Publication, type PublicationCase } from './publication';

export type BoardCase = PublicationCase & Pick<CaseRecord, 'dueDate'>;

export interface BoardRow {
  code: string;
  receivedOn: string;
  category: string;
  status: string;
  dueOn: string;
  summary: string;
  answer: string;
}

export interface Board {
  year: number;
  month: number;
  label: string;
  group: string;
  rows: BoardRow[];
  totals: Publication['totals'];
}

/** Every field of a case the board reads: the board service reads only these columns. */
export const BOARD_FIELDS = ['code', 'receivedAt', 'group', 'category', 'status', 'outcome', 'dueDate', 'answerSentAt', 'closedAt', 'answerPublic', 'publicSummary', 'answer', 'approvedBy', 'confidential', 'hiddenFromPublic'] as const satisfies ReadonlyArray<keyof BoardCase>;
// Compile-time check that no field of BoardCase is missing from BOARD_FIELDS.
type MissingBoardField = Exclude<keyof BoardCase, (typeof BOARD_FIELDS)[number]>;
const allBoardFields: [MissingBoardField] extends [never] ? true : MissingBoardField = true;
void allBoardFields;

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b || ((a ?? '') === '' && (b ?? '') === ''));

/** Does this change of a case change what the board shows (or may show)? */
export function boardDiffers(before: Pick<CaseRecord, (typeof BOARD_FIELDS)[number]>, after: Pick<CaseRecord, (typeof BOARD_FIELDS)[number]>): boolean {
  return BOARD_FIELDS.some((f) => !same(before[f], after[f]));
}

const valid = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

export function buildBoard(cases: BoardCase[], period: { year: number; month: number }, group: string, disclosure?: Disclosure): Board {
  const { year, month } = period;
  const inMonth = cases.filter((c) => {
    if (isWithheld(c) || !valid(c.receivedAt)) return false;
    const ymd = toYmd(vietnamDayOf(c.receivedAt));
    return ymd.year === year && ymd.month === month;
  });
  const cell = (c: BoardCase) => JSON.stringify([(c.group ?? '').trim(), (c.category ?? '').trim() || UNCLASSIFIED]);
  const counts = new Map<string, number>();
  for (const c of inMonth) counts.set(cell(c), (counts.get(cell(c)) ?? 0) + 1);
  const shownGroup = (c: BoardCase) => ((c.group ?? '').trim() === '' || (counts.get(cell(c)) ?? 0) < MIN_CELL ? OTHER_GROUPS : c.group.trim());
  const texts = publishedTexts(disclosure);
  const rows = inMonth
    .filter((c) => shownGroup(c) === group)
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || naturalCompare(a.code, b.code))
    .map((c) => {
      const status = STATUS[statusOf(c)];
      return {
        code: c.code,
        receivedOn: formatVietnameseDate(vietnamDayOf(c.receivedAt)),
        category: (c.category ?? '').trim() || UNCLASSIFIED,
        status: status === STATUS.closed && c.outcome ? `${status} — ${c.outcome}` : status,
        dueOn: valid(c.dueDate) ? formatVietnameseDate(vietnamDayOf(c.dueDate)) : '',
        ...texts(c, group === OTHER_GROUPS),
      };
    });
  return { year, month, label: PERIOD.month(month, year), group, rows, totals: buildPublication(cases, period).totals };
}

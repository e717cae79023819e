/**
 * The results board of one residential group and month (domain/board): the cases' public
 * columns, and the submitters' names when the page shows a text (to hide them), cached for 5 minutes per group and month (a QR poster can bring a whole group at once)
 * under the board's generation, which every change the board shows moves on
 * (platform/board-cache): a case marked misuse leaves the board for the very next visitor.
 */
import { PERIOD } from '../../i18n/reports';
import { toYmd, vietnamDayOf } from '../../domain/calendar/civil-date';
import { BOARD_FIELDS, buildBoard, type Board } from '../../domain/board';
import { OTHER_GROUPS } from '../../domain/publication';
import { PUBLIC } from '../../i18n/vi';
import { readCaseColumnsOfMonth } from '../cases/with-archive';
import { readSubmitterNames } from '../cases/submitter-names';
import { boardGeneration } from '../platform/board-cache';
import { UserError } from '../platform/errors';
import { loadRuntime } from '../platform/runtime';

export interface BoardPage extends Board {
  groups: string[];
  months: Array<{ year: number; month: number; label: string }>;
  /**
   * What the page says when it lists nothing: a group's page never claims the group had no
   * opinions — its cases may be folded into "Các tổ dân phố khác" — and reads the same whether
   * it had some or none, so the page tells nothing either way.
   */
  empty: string;
}

function emptyNote(group: string, rows: number): string {
  if (rows > 0) return '';
  return group === OTHER_GROUPS ? PUBLIC.noCasesOther : PUBLIC.noCases;
}

const CACHE_SECONDS = 300;

export function publicBoard(groupInput: unknown, yearInput: unknown, monthInput: unknown): BoardPage {
  const rt = loadRuntime();
  const groups = [...rt.settings.groups, OTHER_GROUPS];
  const today = toYmd(vietnamDayOf(new Date()));
  const year = yearInput === undefined || yearInput === null || yearInput === '' ? today.year : Number(yearInput);
  const month = monthInput === undefined || monthInput === null || monthInput === '' ? today.month : Number(monthInput);
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || year < 2020 || year * 12 + month > today.year * 12 + today.month) throw new UserError(PUBLIC.badMonth);
  const group = String(groupInput ?? '') || groups[0];
  if (!groups.includes(group)) throw new UserError(PUBLIC.badGroup);
  const months = Array.from({ length: 12 }, (_, i) => {
    const n = today.year * 12 + (today.month - 1) - i;
    return { year: Math.floor(n / 12), month: (n % 12) + 1, label: PERIOD.month((n % 12) + 1, Math.floor(n / 12)) };
  });
  const cache = CacheService.getScriptCache();
  const ss = SpreadsheetApp.getActive();
  const cacheKey = `board.${boardGeneration(ss, rt)}.${year}.${month}.${Utilities.base64EncodeWebSafe(group)}`.slice(0, 250);
  const hit = cache?.get(cacheKey);
  if (hit) {
    const cached = JSON.parse(hit) as Board;
    return { ...cached, groups, months, empty: emptyNote(group, cached.rows.length) };
  }
  const cases = readCaseColumnsOfMonth(ss, rt, [...BOARD_FIELDS], year, month).filter((c) => c.code && c.receivedAt instanceof Date);
  const board = buildBoard(cases, { year, month }, group, { groups: rt.settings.groups, names: () => readSubmitterNames(ss, rt) });
  const json = JSON.stringify(board);
  if (json.length < 90_000) cache?.put(cacheKey, json, CACHE_SECONDS);
  return { ...board, groups, months, empty: emptyNote(group, board.rows.length) };
}

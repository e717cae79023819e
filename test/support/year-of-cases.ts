/**
 * A realistic year of cases for report tests, written straight into "Ý kiến" in one setValues:
 * every channel (QR most), 40 residential groups with a few silent, every category, some complex,
 * answers on time and late (by e-mail, phone, letter), open and overdue cases, duplicates, misuse,
 * reopened cases — deterministic (seeded). Due dates follow the ward's calendar, holidays included.
 */
import { vietnamMidnight, vietnamDayOf } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';
import { ANSWER_METHOD, CHANNELS, COMPLEXITY, OUTCOME, POLICE_TRANSFER, STATUS } from '../../src/domain/case';
import { buildIndex, type CaseRecord } from '../../src/domain/case-record';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { CASE_COLUMNS } from '../../src/services/platform/sheets/schema';
import type { Ward } from './ward';

export const SILENT_GROUPS = ['Tổ dân phố 37', 'Tổ dân phố 38', 'Tổ dân phố 39', 'Tổ dân phố 40'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** `n` cases received through `year` (up to `until`), as CaseRecords. */
export function yearOfCases(n: number, year: number, until: Date, seed = 2026): CaseRecord[] {
  const r = rng(seed);
  const cal = new WorkingCalendar();
  const start = Date.UTC(year, 0, 1, 1) - 7 * 3_600_000;
  const span = until.getTime() - start;
  const groups = DEFAULT_SETTINGS.groups.filter((g) => !SILENT_GROUPS.includes(g));
  const categories = DEFAULT_SETTINGS.categories.map((c) => c.category);
  const bodies = DEFAULT_SETTINGS.bodies.map((b) => b.name);
  const channels = [CHANNELS.qr, CHANNELS.qr, CHANNELS.qr, CHANNELS.qr, CHANNELS.qr, CHANNELS.qr, CHANNELS.qr, CHANNELS.paper, CHANNELS.inPerson, CHANNELS.phone, CHANNELS.email, CHANNELS.zalo];
  const times = Array.from({ length: n }, () => start + Math.floor(r() * span)).sort((a, b) => a - b);
  return times.map((t, i) => {
    const receivedAt = new Date(t);
    const complex = r() < 0.1;
    const due = cal.addWorkingDays(receivedAt, complex ? 20 : 7);
    const dueDate = vietnamMidnight(due);
    const classified = r() < 0.95;
    const category = classified ? pick(r, categories) : '';
    const body = classified && r() < 0.8 ? pick(r, bodies) : '';
    const roll = r();
    const code = `GY-${year}-${String(i + 1).padStart(5, '0')}`;
    const base: CaseRecord = {
      code, receivedAt, channel: pick(r, channels), group: pick(r, groups), groupKnown: true, topic: '', suggestedCategory: category || 'Khác', category,
      content: `Ý kiến số ${i + 1}`, contentNote: '', contentOriginal: '', location: '', confidential: r() < 0.05, hasEmail: r() < 0.5, hasPhone: r() < 0.6,
      status: category ? (body ? STATUS.inProgress : STATUS.classified) : STATUS.new, complexity: complex ? COMPLEXITY.complex : COMPLEXITY.normal, dueDate,
      bodyDueDate: body && r() < 0.5 ? vietnamMidnight(cal.addWorkingDays(receivedAt, 5)) : '', assignedBody: body, assignee: '', answer: '', answerPublic: false, publicSummary: '',
      outcome: '', outcomeNote: '', answeredAt: '', answerSentAt: '', answerMethod: '', approvedBy: '', closedAt: '', linkedCases: '', hiddenFromPublic: false,
      history: '', index: '', responseKey: `F${Math.floor(t / 1000)}-gen${i}`, version: 2, updatedAt: receivedAt,
    };
    const after = (days: number) => new Date(Math.min(until.getTime() - 3_600_000, receivedAt.getTime() + days * 86_400_000));
    if (!category) return base;
    if (roll < 0.55) {
      // Answered, mostly within the deadline, some late.
      const at = after(r() < 0.85 ? 1 + r() * 8 : 12 + r() * 20);
      if (at.getTime() <= receivedAt.getTime()) return base;
      const method = base.hasEmail ? ANSWER_METHOD.email : pick(r, [ANSWER_METHOD.phone, ANSWER_METHOD.letter]);
      const closed = r() < 0.6;
      return { ...base, answer: 'Đã xử lý.', answeredAt: at, answerSentAt: at, answerMethod: method, status: closed ? STATUS.closed : STATUS.answered, outcome: closed ? OUTCOME.resolved : '', closedAt: closed ? at : '' };
    }
    if (roll < 0.6) return { ...base, status: STATUS.closed, outcome: OUTCOME.duplicate, outcomeNote: 'GY-0', closedAt: after(1) };
    // Misuse: most reached the police; every third was marked when the ward had no police address.
    if (roll < 0.62) return { ...base, status: STATUS.closed, outcome: OUTCOME.misuse, hiddenFromPublic: true, closedAt: after(2), policeTransfer: i % 3 ? POLICE_TRANSFER.sent : POLICE_TRANSFER.noAddress };
    if (roll < 0.65) return { ...base, status: STATUS.closed, outcome: OUTCOME.notCompetent, outcomeNote: 'Tòa án', closedAt: after(3) };
    if (roll < 0.68) {
      // Reopened: answered once, then reopened — its delivery cleared, open again.
      return { ...base, answer: 'Trả lời cũ.', answeredAt: after(3), status: STATUS.inProgress };
    }
    if (roll < 0.74) return { ...base, answer: 'Dự thảo.', answeredAt: after(2), status: STATUS.draftAnswer };
    return base; // still open (overdue when past its due date)
  });
}

/** Writes the cases into "Ý kiến" in one call, columns found by header, index cells built. */
export function writeCases(ward: Ward, cases: CaseRecord[]): void {
  const sheet = ward.SpreadsheetApp.getActive().getSheetByName('Ý kiến')!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const keyAt = header.map((h) => CASE_COLUMNS.find((c) => c.header === h)?.key);
  const rows = cases.map((c) => {
    const record = { ...c, index: buildIndex(c) } as unknown as Record<string, unknown>;
    return keyAt.map((k) => (k === undefined ? '' : (record[k] ?? '')));
  });
  const need = rows.length + 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need + 10);
  sheet.getRange(2, 1, rows.length, header.length).setValues(rows);
}

export { vietnamDayOf };

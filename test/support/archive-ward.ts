/**
 * A ward with years of cases (issue 19, item 4): real cases that came through the form in 2025 and
 * were worked on in the sidebar (answered by e-mail and closed, rated low and left open, still open,
 * closed with an open follow-up, closed days before the move), and generated years 2024–2026
 * (test/support/year-of-cases) written straight into "Ý kiến"; the clock then stands in March 2026,
 * when every closed case of 2024 and 2025 has had its 30 days.
 */
import { buildIndex, type CaseRecord } from '../../src/domain/case-record';
import { CASE_COLUMNS } from '../../src/services/platform/sheets/schema';
import { ADMIN, formAnswers, runHourly, tabValues, type Ward } from './ward';
import { yearOfCases } from './year-of-cases';

export const CASES_TAB = 'Ý kiến';
export const VIEWER = 'xem@luukiem.example';
export type View = { code: string; row: number; version: number; status: string; archived?: number; actions: Array<{ key: string }>; linkedCases: string };

export const open = (w: Ward, code: string, row?: number) => w.app.call('getCase', code, row) as View;
export const act = (w: Ward, code: string, input: Record<string, unknown>) => {
  const v = open(w, code);
  return (w.app.call('caseAction', v.code, v.row, v.version, input) as { view: View }).view;
};

/** Generated cases of a year, numbered from `from` (the form's own cases keep the first numbers). */
export function generated(n: number, year: number, until: Date, from: number, seed: number): CaseRecord[] {
  return yearOfCases(n, year, until, seed).map((c, i) => ({ ...c, code: `GY-${year}-${String(from + i).padStart(5, '0')}` }));
}

/** The real cases' codes and what happened to them. */
export const REAL = {
  /** Answered by e-mail in 2025, closed: moves. */
  closed: 'GY-2025-00001',
  /** Answered, rated 2/5 by its resident, not closed: stays. */
  lowRated: 'GY-2025-00002',
  /** Never answered: stays. */
  open: 'GY-2025-00003',
  /** Answered and closed in 2025, but its follow-up (GY-2025-00006) is still being worked on: stays. */
  withOpenFollowUp: 'GY-2025-00004',
  /** Answered in 2025, closed on 20 February 2026 — within its 30 days on 2 March: stays. */
  justClosed: 'GY-2025-00005',
  /** The follow-up of case 4, filed by staff in 2025, open. */
  followUp: 'GY-2025-00006',
} as const;

/** The lookup key the acknowledgement e-mail to `email` carried. */
export function lookupKeyOf(w: Ward, email: string): string {
  const body = w.ws.mail.outbox().filter((m) => m.to.includes(email)).map((m) => m.body).join('\n');
  return /([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})/.exec(body)?.[1] ?? '';
}

/** When the ward is set up: 3 March 2025. */
export const SET_UP_ON = { now: '2025-03-03T02:00:00Z' };

/**
 * Fills a ward set up on SET_UP_ON as described above (wardFactory(fillYears(), SET_UP_ON)); the
 * clock is left at 2026-03-02 09:00 (Vietnam), the hourly job not yet run that month.
 */
export const fillYears = (sizes = { y2024: 300, y2025: 500, y2026: 150 }) => (w: Ward): void => {
  w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([[VIEWER, 'Xem', '']]);
  runHourly(w);
  const emails = ['an@gmail.com', 'binh@gmail.com', '', 'dung@gmail.com', 'giang@gmail.com'];
  emails.forEach((email, i) => w.ws.forms.submit(w.formId, formAnswers({ content: `Ý kiến thật số ${i + 1}: đèn đường ngõ ${i + 1} hỏng`, group: `Tổ dân phố ${i + 1}`, ...(email ? { email, name: `Người dân ${i + 1}` } : {}) })));
  const answerByMail = (code: string) => {
    act(w, code, { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
    act(w, code, { action: 'assign', body: 'UBND phường', assignee: '' });
    act(w, code, { action: 'answer', text: `Trả lời ${code}: đèn đã được thay.` });
    act(w, code, { action: 'sendAnswer' });
  };
  for (const code of [REAL.closed, REAL.lowRated, REAL.withOpenFollowUp, REAL.justClosed]) answerByMail(code);
  runHourly(w);
  act(w, REAL.closed, { action: 'setPublic', isPublic: true, publicSummary: 'Đèn ngõ 1 đã được thay.' });
  act(w, REAL.closed, { action: 'close', outcome: 'resolved' });
  // The resident of case 2 rates the answer 2/5 from the lookup page.
  w.ws.webapp.run('ratePublicAnswer', [REAL.lowRated, lookupKeyOf(w, 'binh@gmail.com'), 2, 'Chưa ổn'], { user: '' });
  act(w, REAL.withOpenFollowUp, { action: 'close', outcome: 'resolved' });
  act(w, REAL.withOpenFollowUp, { action: 'followUp', content: 'Đèn lại hỏng sau một tuần' });
  runHourly(w);
  // The generated years: 2024 whole, 2025 from its fifth week (after the real ones), 2026 to the end of February.
  const march2026 = new Date('2026-03-02T02:00:00Z');
  const cases = [
    ...generated(sizes.y2024, 2024, new Date('2024-12-31T16:00:00Z'), 1, 2024),
    ...generated(sizes.y2025, 2025, new Date('2025-12-31T16:00:00Z'), 101, 2025),
    ...generated(sizes.y2026, 2026, new Date('2026-02-28T16:00:00Z'), 1, 2026),
  ];
  appendCases(w, cases);
  // No hourly run from here: its first run of March 2026 is the automatic move (tests run it).
  w.ws.clock.setTo('2026-02-20T02:00:00Z');
  act(w, REAL.justClosed, { action: 'close', outcome: 'resolved' });
  w.ws.clock.setTo(march2026);
};

/** Appends generated cases under the last row of "Ý kiến" in one call, columns found by header, index cells built. */
export function appendCases(w: Ward, cases: CaseRecord[]): void {
  // year-of-cases writes from row 2: write there into a scratch copy, then append its rows.
  const sheet = w.SpreadsheetApp.getActive().getSheetByName(CASES_TAB)!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const last = sheet.getLastRow();
  const rows = buildRows(header, cases);
  const need = last + rows.length + 500 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  sheet.getRange(last + 1, 1, rows.length, header.length).setValues(rows);
}


function buildRows(header: string[], cases: CaseRecord[]): unknown[][] {
  const keyAt = header.map((h) => CASE_COLUMNS.find((c) => c.header === h)?.key);
  return cases.map((c) => {
    const record = { ...c, index: buildIndex(c) } as unknown as Record<string, unknown>;
    return keyAt.map((k) => (k === undefined ? '' : (record[k] ?? '')));
  });
}

/** Every case code in the cases tab and in every archive tab, with where it is. */
export function whereCases(w: Ward): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of w.SpreadsheetApp.getActive().getSheets()) {
    const name = s.getName();
    if (name !== CASES_TAB && !name.startsWith('Lưu trữ ')) continue;
    const [header, ...rows] = tabValues(w, name);
    const at = header.indexOf('Mã ý kiến');
    for (const r of rows) {
      const code = String(r[at] ?? '');
      if (code) out.set(code, [...(out.get(code) ?? []), name]);
    }
  }
  return out;
}

/** Each case's row as header → value (display-independent), by code, over the cases tab and the archive tabs. */
export function caseRows(w: Ward): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const s of w.SpreadsheetApp.getActive().getSheets()) {
    const name = s.getName();
    if (name !== CASES_TAB && !name.startsWith('Lưu trữ ')) continue;
    const [header, ...rows] = tabValues(w, name);
    for (const r of rows) {
      const rec: Record<string, unknown> = {};
      header.forEach((h, i) => {
        if (h) rec[String(h)] = r[i] instanceof Date ? (r[i] as Date).toISOString() : r[i];
      });
      if (rec['Mã ý kiến']) out.set(String(rec['Mã ý kiến']), rec);
    }
  }
  return out;
}

export { ADMIN };

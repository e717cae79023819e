/**
 * npm run bench: what the operations cost in Apps Script terms, measured with the emulator's call
 * counters. Estimated real time = calls × 0.15 s + cells × 0.01 ms (the emulator's latency model,
 * emulator/core/kernel.ts DEFAULT_COSTS). Prints a table; asserts nothing (tests do that).
 */
import path from 'node:path';
import { createWorkspace, type StatsReport } from '../../emulator';
import { FORM } from '../../src/i18n/vi';
import { sheetPage } from '../../emulator/server/pages';
import { writeCases, yearOfCases } from '../support/year-of-cases';

const ROOT = path.resolve(__dirname, '../..');
const CALL_S = 0.15;
const CELL_MS = 0.01;

function ward(options: Parameters<typeof createWorkspace>[0] = {}) {
  const ws = createWorkspace({ user: 'admin@luukiem.example', now: '2026-11-24T02:00:00Z', ...options });
  const ssId = ws.spreadsheets.create('Hòm thư số — CSDL');
  ws.spreadsheets.setActive(ssId);
  const app = ws.load(path.join(ROOT, 'build'));
  ws.open('LIMITED');
  ws.resetStats();
  app.call('setupMailbox');
  const setup = ws.stats();
  return { ws, app, ssId, formId: ws.forms.list()[0].id, setup };
}

function row(label: string, s: StatsReport, wallMs: number): string[] {
  const ss = s.services.SpreadsheetApp;
  const cells = s.total.cellsRead + s.total.cellsWritten;
  const estimate = s.total.calls * CALL_S + (cells * CELL_MS) / 1000;
  return [label, String(ss.calls), String(s.total.calls), String(cells), `${estimate.toFixed(2)} s`, `${wallMs.toFixed(0)} ms`];
}

function print(rows: string[][]): void {
  const header = ['operation', 'Spreadsheet calls', 'all calls', 'cells', 'estimated in Apps Script', 'emulator wall time'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  for (const r of all) console.log(r.map((c, i) => c.padEnd(widths[i])).join(' | '));
}

const answers = (i: number, email = false) => ({
  [FORM.group]: `Tổ dân phố ${(i % 40) + 1}`,
  [FORM.content]: `Ý kiến số ${i}: đèn đường hỏng, rác thải ở ngõ ${i % 50}`,
  [FORM.name]: 'Nguyễn Văn A',
  [FORM.phone]: '0912345678',
  ...(email ? { [FORM.email]: `dan${i}@gmail.com` } : {}),
});

const rows: string[][] = [];
const first = ward();
rows.push(row('setup (first run, fresh spreadsheet)', first.setup, 0));
first.ws.resetStats();
first.app.call('setupMailbox');
rows.push(row('setup (second run, nothing to change)', first.ws.stats(), 0));

for (const existing of [10, 1_000, 100_000]) {
  const w = ward();
  const sheet = (w.ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive().getSheetByName('Ý kiến')!;
  sheet.insertRowsAfter(sheet.getMaxRows(), existing + 1000);
  const width = sheet.getLastColumn();
  sheet.getRange(2, 1, existing, width).setValues(Array.from({ length: existing }, (_, i) => [`GY-2025-${String(i + 1).padStart(5, '0')}`, ...new Array(width - 1).fill('x')]));
  w.ws.resetStats();
  const t = performance.now();
  w.ws.forms.submit(w.formId, answers(1, true));
  rows.push(row(`file one submission (contact + acknowledgement), ${existing.toLocaleString('en')} cases`, w.ws.stats(), performance.now() - t));
}

{
  const w = ward();
  w.ws.resetStats();
  const t = performance.now();
  w.ws.forms.submit(w.formId, { [FORM.group]: 'Tổ dân phố 1', [FORM.content]: 'Ý kiến ẩn danh' });
  rows.push(row('file one anonymous submission', w.ws.stats(), performance.now() - t));
}

{
  const w = ward();
  w.app.addFile('bench.js', "function stopIntake() { ScriptApp.getProjectTriggers().filter(function (t) { return t.getHandlerFunction() === 'onFormSubmitIntake'; }).forEach(function (t) { ScriptApp.deleteTrigger(t); }); }");
  w.app.call('stopIntake');
  for (let i = 0; i < 5000; i++) w.ws.forms.submit(w.formId, answers(i));
  w.ws.resetStats();
  const t = performance.now();
  w.app.call('resyncMailbox');
  const s = w.ws.stats();
  rows.push(row('reconcile 5,000 unfiled responses ("Đồng bộ lại")', s, performance.now() - t));
  const m = s.services.SpreadsheetApp.methods;
  console.log(`reconcile reads: Range.getValues × ${m['Range.getValues']?.calls ?? 0}, writes: Range.setValues × ${m['Range.setValues']?.calls ?? 0}`);
  if (process.env.BENCH_DETAIL) console.log(JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.calls]))));
}

{
  const w = ward({ quotas: { emailRecipientsPerDay: 0 } });
  for (let i = 0; i < 100; i++) w.ws.forms.submit(w.formId, answers(i, true));
  w.ws.setQuotas({ emailRecipientsPerDay: 1500 });
  w.ws.clock.setTo('2026-11-25T01:00:00Z');
  w.ws.resetStats();
  const t = performance.now();
  w.ws.runDueTriggers();
  rows.push(row('hourly job: send 100 waiting acknowledgements', w.ws.stats(), performance.now() - t));
}

{
  const w = ward();
  w.ws.forms.submit(w.formId, answers(1, true));
  const ss = (w.ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive();
  const sheet = ss.getSheetByName('Ý kiến')!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const indexCol = header.indexOf('Chỉ mục (hệ thống)') + 1;
  const sample = sheet.getRange(2, indexCol).getValue() as string;
  sheet.insertRowsAfter(sheet.getMaxRows(), 100_000);
  sheet.getRange(3, indexCol, 100_000, 1).setValues(Array.from({ length: 100_000 }, (_, i) => [sample.replace('GY-2026-00001', `GY-2025-${String(i + 1).padStart(6, '0')}`)]));
  w.ws.resetStats();
  let t = performance.now();
  w.app.call('getInbox', { pageSize: 20 });
  rows.push(row('open the inbox (first page), 100,000 cases', w.ws.stats(), performance.now() - t));
  w.ws.resetStats();
  t = performance.now();
  w.app.call('getInbox', { text: 'den duong', group: 'Tổ dân phố 2' });
  rows.push(row('search the inbox without diacritics, 100,000 cases', w.ws.stats(), performance.now() - t));
  const v = w.app.call('getCase', 'GY-2026-00001', 2) as { code: string; row: number; version: number };
  w.ws.resetStats();
  t = performance.now();
  const r = w.app.call('caseAction', v.code, v.row, v.version, { action: 'classify', category: 'Môi trường', complexity: 'complex' }) as { view: typeof v };
  rows.push(row('one action on a case (classify)', w.ws.stats(), performance.now() - t));
  w.ws.resetStats();
  t = performance.now();
  w.app.call('caseAction', r.view.code, r.view.row, r.view.version, { action: 'assign', body: 'UBND phường', assignee: 'ubnd@luukiem.example' });
  rows.push(row('one action that queues an e-mail (assign)', w.ws.stats(), performance.now() - t));
}

// Reports over a generated database of 100,000 cases (two years of a large ward).
{
  const now = '2026-12-20T03:00:00Z';
  const w = ward({ now });
  const cases = [...yearOfCases(50_000, 2025, new Date('2025-12-31T16:00:00Z'), 7), ...yearOfCases(50_000, 2026, new Date(now), 8)];
  writeCases({ ...w, SpreadsheetApp: w.ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp }, cases);
  w.ws.resetStats();
  let t = performance.now();
  w.app.call('createReportDocument', { kind: 'quarter', year: 2026, index: 4 });
  rows.push(row('quarterly report Doc (2 charts, appendix), 100,000 cases', w.ws.stats(), performance.now() - t));
  w.ws.resetStats();
  t = performance.now();
  w.app.call('createPublicationDocument', { year: 2026, month: 11 });
  rows.push(row('monthly publication Doc, 100,000 cases', w.ws.stats(), performance.now() - t));
  w.ws.resetStats();
  t = performance.now();
  w.app.call('getDashboard');
  rows.push(row('"Tổng quan" dashboard, 100,000 cases', w.ws.stats(), performance.now() - t));
}

// Printing for the residential groups (issue 11): Document calls grow with pages, not with cases.
{
  const w = ward();
  for (const [label, run] of [
    ['QR posters, 42 pages (40 groups, office, centre)', () => w.app.call('createQrPosters')],
    ['QR poster of one place (a torn one reprinted)', () => w.app.call('createQrPosters', 'Tổ dân phố 7')],
    ['QR sticker sheet, 42 stickers on 4 pages', () => w.app.call('createQrStickers')],
    ['paper slips, 40 for one group (20 pages)', () => w.app.call('createPaperSlips', { group: 'Tổ dân phố 1', count: 40 })],
  ] as const) {
    w.ws.resetStats();
    const t = performance.now();
    run();
    rows.push(row(label, w.ws.stats(), performance.now() - t));
  }
}

print(rows);

// The local ward's "Ý kiến" view (npm start) with 1,000 cases and one of 100,000 characters: the
// server's part (reading the tab, rendering one page of 200 rows); a long cell is cut to 120
// characters with the rest behind "xem thêm", so the browser lays out a page of that size.
{
  const w = ward();
  for (let i = 0; i < 1000; i++) w.ws.forms.submit(w.formId, answers(i));
  w.ws.forms.submit(w.formId, { [FORM.group]: 'Tổ dân phố 1', [FORM.content]: 'Rất dài. '.repeat(11_112) });
  const ssId = w.ws.spreadsheets.activeId()!;
  const t = performance.now();
  const view = w.ws.spreadsheets.view(ssId);
  const page = String(sheetPage(view, view.sheets.find((x) => x.name === 'Ý kiến')!.sheetId, 6));
  console.log(`\nlocal ward, "Ý kiến" view with 1,001 cases (one of 100,000 characters), last page: ${Math.round(performance.now() - t)} ms on the server, ${(page.length / 1024).toFixed(0)} KiB of HTML`);
}
console.log(`\nheap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB`);

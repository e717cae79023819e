/**
 * npm run bench: what the operations cost in Apps Script terms, measured with the emulator's
 * counters and its cost model (emulator/core/costs.ts: requests × their cost + cells × 0.01 ms;
 * a Spreadsheet write batch is one request). Prints README-ready markdown: the cost model, the
 * naive baseline beside the add-on at every size, then the add-on's other operations, then the
 * accuracy and size of the learning suggestions (suggestions.ts; `npx tsx test/bench/suggestions.ts`
 * prints that part alone). Asserts
 * nothing (tests do that). BENCH_SIZES=1000,10000 limits the sizes compared.
 */
import { DEFAULT_COSTS } from '../../emulator/core/kernel';
import { FORM } from '../../src/i18n/vi';
import { sheetPage } from '../../emulator/server/pages';
import { compare, comparisonTable } from './compare';
import { costTable } from './cost-table';
import { estimate, markdownTable, measure, measured, type Measured } from './measure';
import { benchWard } from './ward';
import { sizeBench, suggestionBench } from './suggestions';

const started = performance.now();
const sizes = (process.env.BENCH_SIZES ?? '100,1000,10000,100000').split(',').map(Number);
const log = (line: string) => console.error(line);

const other: Array<[string, Measured]> = [];
const onCompared: Array<[string, Measured]> = [];
const row = (label: string, m: Measured): string[] => [label, String(m.requests), String(m.calls), String(m.stats.services.SpreadsheetApp.calls), m.cells.toLocaleString('en'), estimate(m), m.wallMs ? `${Math.round(m.wallMs)} ms` : '—'];

const answers = (i: number, email = false) => ({
  [FORM.group]: `Tổ dân phố ${(i % 40) + 1}`,
  [FORM.content]: `Ý kiến số ${i}: đèn đường hỏng, rác thải ở ngõ ${i % 50}`,
  [FORM.name]: 'Nguyễn Văn A',
  [FORM.phone]: '0912345678',
  ...(email ? { [FORM.email]: `dan${i}@gmail.com` } : {}),
});

// ---- the naive baseline beside the add-on ---------------------------------------------------
const largest = Math.max(...sizes);
const pairs = compare(sizes, log, (w, n) => {
  if (n !== largest) return;
  const at = `${n.toLocaleString('en')} cases`;
  onCompared.push([`"Tổng quan" dashboard, ${at}`, measure(w.ws, () => void w.app.call('getDashboard'))]);
  const open = w.cases.find((c) => c.status === 'Đã phân loại');
  if (open) {
    const v = w.app.call('getCase', open.code) as { code: string; row: number; version: number };
    onCompared.push([`one action that queues an e-mail (assign), ${at}`, measure(w.ws, () => void w.app.call('caseAction', v.code, v.row, v.version, { action: 'assign', body: 'UBND phường', assignee: 'ubnd@luukiem.example' }))]);
  }
});

// ---- the add-on's other operations -----------------------------------------------------------
{
  const first = benchWard();
  other.push(['setup (first run, fresh spreadsheet)', measured(first.setup)]);
  other.push(['setup (second run, nothing to change)', measure(first.ws, () => void first.app.call('setupMailbox'))]);
}

{
  const w = benchWard();
  other.push(['file one anonymous submission', measure(w.ws, () => void w.ws.forms.submit(w.formId, { [FORM.group]: 'Tổ dân phố 1', [FORM.content]: 'Ý kiến ẩn danh' }))]);
}

{
  const w = benchWard();
  w.app.addFile('bench.js', "function stopIntake() { ScriptApp.getProjectTriggers().filter(function (t) { return t.getHandlerFunction() === 'onFormSubmitIntake'; }).forEach(function (t) { ScriptApp.deleteTrigger(t); }); }");
  w.app.call('stopIntake');
  for (let i = 0; i < 5000; i++) w.ws.forms.submit(w.formId, answers(i));
  other.push(['reconcile 5,000 unfiled responses ("Đồng bộ lại")', measure(w.ws, () => void w.app.call('resyncMailbox'))]);
}

{
  const w = benchWard({ quotas: { emailRecipientsPerDay: 0 } });
  for (let i = 0; i < 100; i++) w.ws.forms.submit(w.formId, answers(i, true));
  w.ws.setQuotas({ emailRecipientsPerDay: 1500 });
  w.ws.clock.setTo('2026-11-25T01:00:00Z');
  other.push(['hourly job: send 100 waiting acknowledgements', measure(w.ws, () => void w.ws.runDueTriggers())]);
}

// Printing for the residential groups (issue 11): Document calls grow with pages, not with cases.
{
  const w = benchWard();
  for (const [label, run] of [
    ['QR posters, 42 pages (40 groups, office, centre)', () => w.app.call('createQrPosters')],
    ['QR poster of one place (a torn one reprinted)', () => w.app.call('createQrPosters', 'Tổ dân phố 7')],
    ['QR sticker sheet, 42 stickers on 4 pages', () => w.app.call('createQrStickers')],
    ['paper slips, 40 for one group (20 pages)', () => w.app.call('createPaperSlips', { group: 'Tổ dân phố 1', count: 40 })],
  ] as const) {
    other.push([label, measure(w.ws, () => void run())]);
  }
}

// The local ward's "Ý kiến" view (npm start) with 1,000 cases and one of 100,000 characters: the
// server's part (reading the tab, rendering one page of 200 rows); a long cell is cut to 120
// characters with the rest behind "xem thêm", so the browser lays out a page of that size.
const localView = (() => {
  const w = benchWard();
  for (let i = 0; i < 1000; i++) w.ws.forms.submit(w.formId, answers(i));
  w.ws.forms.submit(w.formId, { [FORM.group]: 'Tổ dân phố 1', [FORM.content]: 'Rất dài. '.repeat(11_112) });
  const ssId = w.ws.spreadsheets.activeId()!;
  const t = performance.now();
  const view = w.ws.spreadsheets.view(ssId);
  const page = String(sheetPage(view, view.sheets.find((x) => x.name === 'Ý kiến')!.sheetId, 6));
  return `Local ward, "Ý kiến" view with 1,001 cases (one of 100,000 characters), last page: ${Math.round(performance.now() - t)} ms on the server, ${(page.length / 1024).toFixed(0)} KiB of HTML.`;
})();

console.log('### Cost model\n');
console.log(costTable(DEFAULT_COSTS.perCellMs));
console.log('\n### The naive way beside the add-on\n');
console.log('requests / calls / estimated time in Apps Script; "dies": stopped by the 6-minute limit (figures up to that point).\n');
console.log(comparisonTable(pairs));
console.log('\n### Other operations of the add-on\n');
console.log(markdownTable(['operation', 'requests', 'calls', 'Spreadsheet calls', 'cells', 'estimated', 'emulator wall time'], [...other, ...onCompared].map(([label, m]) => row(label, m))));
console.log(`\n${localView}`);
console.log('\n### Suggestions that learn (issue 21)\n');
console.log([...suggestionBench(), '', ...sizeBench()].join('\n'));
console.log(`\nBench wall time: ${((performance.now() - started) / 1000).toFixed(0)} s; heap used at the end: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB.`);

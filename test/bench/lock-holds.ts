/**
 * npm run bench:locks — who takes the document lock, how long they wait for it, and the longest
 * they hold it, measured on the emulator's modelled clock (each service call advances it by its
 * cost: 0.15 s a call, 0.01 ms a cell) on a ward of 100,000 cases. The README's table "Who waits
 * for the lock" prints these figures; test/integration/lock-holds.test.ts and
 * hourly-concurrency.test.ts assert the budget (no hold over a staff action's 10 s wait).
 */
import path from 'node:path';
import { createWorkspace, type Workspace, type App } from '../../emulator';
import { FORM } from '../../src/i18n/vi';
import { LOCK_WAIT_MS } from '../../src/services/platform/lock-waits';
import { writeCases, yearOfCases } from '../support/year-of-cases';

const ROOT = path.resolve(__dirname, '../..');
const ADMIN = 'admin@luukiem.example';
const STOP_INTAKE = "function stopIntake() { ScriptApp.getProjectTriggers().filter(function (t) { return t.getHandlerFunction() === 'onFormSubmitIntake'; }).forEach(function (t) { ScriptApp.deleteTrigger(t); }); }";

interface W {
  ws: Workspace;
  app: App;
  ssId: string;
  formId: string;
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}

function ward(now = '2026-12-20T03:00:00Z'): W {
  const ws = createWorkspace({ user: ADMIN, now });
  const ssId = ws.spreadsheets.create('Hòm thư số — CSDL');
  ws.spreadsheets.setActive(ssId);
  const app = ws.load(path.join(ROOT, 'build'));
  ws.open('LIMITED');
  app.call('setupMailbox');
  return { ws, app, ssId, formId: ws.forms.list()[0].id, SpreadsheetApp: ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp };
}

/** A ward of 100,000 cases (two years), with a handler for UBND phường. */
function bigWard(): W {
  const w = ward();
  w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([['ubnd@luukiem.example', 'Xử lý', 'UBND phường']]);
  const cases = [...yearOfCases(50_000, 2025, new Date('2025-12-31T16:00:00Z'), 7), ...yearOfCases(50_000, 2026, new Date('2026-12-20T03:00:00Z'), 8)];
  writeCases(w, cases);
  w.ws.clock.advance(3_600_000);
  w.ws.runDueTriggers();
  return w;
}

const answers = (i: number, email = true) => ({
  [FORM.group]: `Tổ dân phố ${(i % 40) + 1}`,
  [FORM.content]: `Ý kiến số ${i}: đèn đường hỏng, rác thải ở ngõ ${i % 50}`,
  [FORM.name]: 'Nguyễn Văn A',
  [FORM.phone]: '0912345678',
  ...(email ? { [FORM.email]: `dan${i}@gmail.com` } : {}),
});

/** The document-lock holds `fn` made. */
function holds(w: W, fn: () => void): Array<{ label: string; heldMs: number }> {
  const before = w.ws.locks.holds().length;
  fn();
  return w.ws.locks.holds().slice(before).filter((h) => h.lock === 'document').map((h) => ({ label: h.label, heldMs: h.heldMs }));
}

/** The hourly job's own account of each hold, by step (its execution log lines). */
function stepHolds(w: W, fn: () => void): Map<string, number[]> {
  const before = w.ws.logs().length;
  fn();
  const out = new Map<string, number[]>();
  for (const line of w.ws.logs().slice(before)) {
    const m = /^(.+): document lock held (\d+) ms$/.exec(line.message);
    if (m) out.set(m[1], [...(out.get(m[1]) ?? []), Number(m[2])]);
  }
  return out;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** One hold, or how many and the longest. */
const told = (ms: number[]) => (ms.length === 1 ? s(ms[0]) : `${ms.length} holds, longest ${s(Math.max(...ms))}`);
const longest = (xs: Array<{ heldMs: number }>) => Math.max(0, ...xs.map((x) => x.heldMs));
const rows: string[][] = [];
const row = (who: string, waitMs: number, held: string) => rows.push([who, s(waitMs), held]);

const w = bigWard();
const view = (code: string) => w.app.call('getCase', code) as { code: string; row: number; version: number };
const act = (code: string, input: Record<string, unknown>) => {
  const v = view(code);
  w.app.call('caseAction', v.code, v.row, v.version, input);
};

w.ws.forms.submit(w.formId, answers(1));
const code = (w.app.call('getInbox', { pageSize: 1 }) as { items: Array<{ code: string }> }).items[0].code;
row('form submission (intake trigger), with its acknowledgement sent at once', LOCK_WAIT_MS.intake, s(longest(holds(w, () => w.ws.forms.submit(w.formId, answers(2))))));
row('staff action: classify', LOCK_WAIT_MS.staffAction, s(longest(holds(w, () => act(code, { action: 'classify', category: 'Môi trường', complexity: 'normal' })))));
row('staff action that queues its e-mail: assign', LOCK_WAIT_MS.staffAction, s(longest(holds(w, () => act(code, { action: 'assign', body: 'UBND phường', assignee: 'ubnd@luukiem.example' })))));
let key = '';
row('new lookup key ("Cấp mã tra cứu mới")', LOCK_WAIT_MS.staffAction, s(longest(holds(w, () => (key = (w.app.call('issueCaseLookupKey', code) as { key: string }).key)))));
row('sender search (its audit rows)', LOCK_WAIT_MS.staffAction, s(longest(holds(w, () => w.app.call('findCasesBySender', '0912345678', 'người dân gọi điện hỏi')))));
row('staff entry ("Nhập ý kiến")', LOCK_WAIT_MS.staffEntry, s(longest(holds(w, () => w.app.call('submitStaffCase', { channel: 'phone', content: 'Xin hỏi lịch tiêm chủng', group: 'Tổ dân phố 2', receivedAt: '', name: '', phone: '', email: '', confidential: false, requestId: 'b1' })))));
row('paper slips numbered (40)', LOCK_WAIT_MS.paperSlips, s(longest(holds(w, () => w.app.call('createPaperSlips', { group: 'Tổ dân phố 1', count: 40 })))));
row('setup, run again', LOCK_WAIT_MS.setup, told(holds(w, () => w.app.call('setupMailbox')).map((h) => h.heldMs)));

// The hourly job on the same ward: 100 acknowledgements waiting, an answer's delivery to carry to its case.
w.ws.setQuotas({ emailRecipientsPerDay: 0 });
for (let i = 10; i < 110; i++) w.ws.forms.submit(w.formId, answers(i));
w.ws.setQuotas({ emailRecipientsPerDay: 1500 });
act(code, { action: 'answer', text: 'Đã thay bóng đèn.' });
act(code, { action: 'sendAnswer' });
w.ws.clock.setTo('2026-12-21T01:00:00Z');
const steps = stepHolds(w, () => w.ws.runDueTriggers());
for (const [step, ms] of steps) row(`hourly job (100 acknowledgements to send, an answer's delivery), step "${step}"`, LOCK_WAIT_MS.hourlyStep, told(ms));

// The resident rates the answer that reached them (with the key issued above).
{
  row("a resident's rating on the lookup page", LOCK_WAIT_MS.publicAction, told(holds(w, () => w.ws.webapp.run('ratePublicAnswer', [code, key, 4, ''], { user: '' })).map((h) => h.heldMs)));
}

// Reconcile after a day without the intake trigger: 5,000 responses, on the same ward.
{
  w.app.addFile('stop.js', STOP_INTAKE);
  w.app.call('stopIntake');
  for (let i = 0; i < 5000; i++) w.ws.forms.submit(w.formId, answers(i, false));
  const filed = stepHolds(w, () => w.app.call('resyncMailbox')).get('reconcile') ?? [];
  row('"Đồng bộ lại" (or the hourly job), step "reconcile": 5,000 responses to file', LOCK_WAIT_MS.hourlyStep, told(filed));
}
{
  const f = createWorkspace({ user: ADMIN, now: '2026-11-24T02:00:00Z' });
  f.spreadsheets.setActive(f.spreadsheets.create('Hòm thư số — CSDL'));
  const app = f.load(path.join(ROOT, 'build'));
  f.open('LIMITED');
  const before = f.locks.holds().length;
  app.call('setupMailbox');
  const held = f.locks.holds().slice(before).map((h) => h.heldMs);
  const tabs = (f.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive().getSheets().length;
  row(`setup, first run (a fresh spreadsheet, ${tabs} tabs made)`, LOCK_WAIT_MS.setup, told(held));
}

const header = ['who takes the document lock (ward of 100,000 cases)', 'waits for it', 'holds it (modelled)'];
const all = [header, ...rows];
const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
for (const r of all) console.log(`| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`);

/** A ward set up on the emulator, as an admin would leave it after "Thiết lập hòm thư". */
import path from 'node:path';
import { createWorkspace, type Workspace, type App, type WorkspaceOptions } from '../../emulator';
import { FORM } from '../../src/i18n/vi';

export const ROOT = path.resolve(__dirname, '../..');
export const ADMIN = 'admin@luukiem.example';

export interface Ward {
  ws: Workspace;
  app: App;
  ssId: string;
  formId: string;
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}

export function setUpWard(options: WorkspaceOptions = {}): Ward {
  const ws = createWorkspace({ user: ADMIN, now: '2026-11-24T02:00:00Z', ...options });
  const ssId = ws.spreadsheets.create('Hòm thư số — CSDL');
  ws.spreadsheets.setActive(ssId);
  const app = ws.load(path.join(ROOT, 'build'));
  ws.open('LIMITED');
  app.call('setupMailbox');
  const formId = ws.forms.list()[0].id;
  return { ws, app, ssId, formId, SpreadsheetApp: ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp };
}

export interface ResidentAnswers {
  group?: string;
  topic?: string;
  content?: string;
  location?: string;
  name?: string;
  phone?: string;
  email?: string;
  confidential?: boolean;
}

/** The resident's answers as the form's question titles. */
export function formAnswers(a: ResidentAnswers): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {
    [FORM.group]: a.group ?? 'Tổ dân phố 1',
    [FORM.content]: a.content ?? 'Đèn đường ở ngõ 5 bị hỏng',
  };
  if (a.topic) out[FORM.topic] = a.topic;
  if (a.location) out[FORM.location] = a.location;
  if (a.name) out[FORM.name] = a.name;
  if (a.phone) out[FORM.phone] = a.phone;
  if (a.email) out[FORM.email] = a.email;
  if (a.confidential) out[FORM.confidential] = [FORM.confidentialChoice];
  return out;
}

/** A tab as header → values records (display values). */
export function tabRecords(ward: Ward, name: string): Array<Record<string, string>> {
  const sheet = ward.ws.spreadsheets.view(ward.ssId).sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no tab ${name}`);
  const [header, ...rows] = sheet.displayValues;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Raw values of a tab (getValues), header row first. */
export function tabValues(ward: Ward, name: string): unknown[][] {
  const sheet = ward.SpreadsheetApp.getActive().getSheetByName(name)!;
  return sheet.getDataRange().getValues();
}

/** A ward built once (setUpWard, then `prepare`) and restored from its snapshot for each run: fault sweeps repeat an operation many times. */
export function wardFactory(prepare: (ward: Ward) => void = () => {}, options: WorkspaceOptions = {}): () => Ward {
  const first = setUpWard(options);
  prepare(first);
  const snapshot = first.ws.snapshot();
  return () => {
    const ws = createWorkspace({ snapshot });
    const app = ws.load(path.join(ROOT, 'build'));
    return { ws, app, ssId: first.ssId, formId: first.formId, SpreadsheetApp: ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp };
  };
}

/** Runs the hourly job as its trigger would (advancing the clock an hour). */
export function runHourly(ward: Ward): void {
  ward.ws.clock.advance(3_600_000);
  ward.ws.runDueTriggers();
}

/**
 * A fault sweep over one hourly run: for each of its `total` service calls, a fresh ward whose
 * run fails at that call, then two clean runs (the second carries what the first reported, e.g.
 * the admin's notice of a mail that may not have left), then `check` with the call's label.
 */
export function sweepHourlyRun(fresh: () => Ward, total: number, check: (w: Ward, where: string) => void): void {
  for (let k = 1; k <= total; k++) {
    const w = fresh();
    w.ws.faults.failNthCall(k);
    try {
      runHourly(w);
    } catch {
      // a trigger's failure: the next run picks it up
    }
    const failed = w.ws.faults.sweepState().failed;
    w.ws.faults.failNthCall(0);
    runHourly(w);
    runHourly(w);
    check(w, `call ${k} (${failed})`);
  }
}

/**
 * A cut-off sweep over one hourly run, whose steps each take the lock and whose mail leaves
 * without it: for each of its `total` service calls, a fresh ward whose run dies at that call (as
 * at the time limit: nothing after it runs, its lock is released — whatever it claimed is left
 * "Đang gửi"), then "Đồng bộ lại" by an admin a minute later (the dead run's claim still looks
 * alive: it must be left alone), then two hourly runs, then `check` with the call's label.
 */
export function sweepHourlyCutOff(fresh: () => Ward, total: number, check: (w: Ward, where: string) => void): void {
  for (let k = 1; k <= total; k++) {
    const w = fresh();
    w.ws.faults.cutOffAtCall(k);
    runHourly(w);
    const failed = w.ws.faults.sweepState().failed;
    w.ws.faults.failNthCall(0);
    w.ws.clock.advance(60_000);
    w.ws.ui.runMenuItem('resyncMailbox', { user: ADMIN });
    runHourly(w);
    runHourly(w);
    check(w, `cut off at call ${k} (${failed})`);
  }
}

/**
 * The event Apps Script hands the form-submit trigger for a response already in the responses
 * tab: a Range object and the AuthMode enum (which no google.script.run call can forge), the
 * trigger's uid, the row's values. Used to deliver an event a second time, as Apps Script may.
 * https://developers.google.com/apps-script/guides/triggers/events#form-submit_1
 */
export function formSubmitEvent(ward: Ward, destination: { sheetId: number; row: number; numColumns: number; header: string[]; displayValues: string[] }, triggerUid?: string): Record<string, unknown> {
  const range = ward.ws.spreadsheets.range(ward.ssId, destination.sheetId, destination.row, 1, 1, destination.numColumns);
  const namedValues = Object.fromEntries(destination.header.map((h, i) => [h, [destination.displayValues[i]]]));
  const AuthMode = (ward.ws.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp).AuthMode;
  return { authMode: AuthMode.FULL, ...(triggerUid ? { triggerUid } : {}), range, values: destination.displayValues, namedValues };
}

/**
 * A resident's case taken to a drafted answer by an admin (classified, sent to UBND phường, answered);
 * `publish`: also delivered (by e-mail, or by a letter handed over) and published. Returns its code.
 */
export function answeredCase(w: Ward, content: string, extra: ResidentAnswers = {}, publish = false): string {
  w.ws.forms.submit(w.formId, formAnswers({ content, ...extra }));
  const inbox = w.app.call('getInbox', {}) as { items: Array<{ code: string }> };
  let v = w.app.call('getCase', inbox.items[0].code) as { code: string; row: number; version: number };
  const act = (input: Record<string, unknown>) => (v = (w.app.call('caseAction', v.code, v.row, v.version, input) as { view: typeof v }).view);
  act({ action: 'classify', category: 'Môi trường', complexity: 'normal' });
  act({ action: 'assign', body: 'UBND phường', assignee: '' });
  act({ action: 'answer', text: `Trả lời cho ${v.code}: đã thu gom rác.` });
  // Published answers are answers the resident has had: by e-mail, or by a letter handed over.
  if (publish && extra.email) {
    act({ action: 'sendAnswer' });
    // The e-mail leaves with "Đồng bộ lại" (or the hourly job): only then is the case answered.
    w.app.call('resyncMailbox');
    v = w.app.call('getCase', v.code) as typeof v;
  } else if (publish) {
    w.app.call('createCaseDocument', v.code, 'letter');
    act({ action: 'recordLetter', note: 'Qua tổ trưởng tổ dân phố' });
  }
  if (publish) act({ action: 'setPublic', isPublic: true, publicSummary: `Đã thu gom rác (${v.code}).` });
  return v.code;
}

/** Runs `fn` as `user` at the keyboard, then back to the admin. */
export function asUser<T>(w: Ward, user: string, fn: () => T): T {
  w.ws.setUser(user);
  try {
    return fn();
  } finally {
    w.ws.setUser(ADMIN);
  }
}

/** Adds rows to "Cán bộ" under the last one (as an admin types them); the hourly job or the next call applies them. */
export function addStaff(ward: Ward, rows: string[][]): void {
  const sheet = ward.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!;
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, 3).setValues(rows);
}

/** The last message the spreadsheet UI showed (alert or toast). */
export function lastUiMessage(ward: Ward): string {
  return ward.ws.ui.events().at(-1)?.message ?? '';
}

/** Everything a person or a trigger could notice: the spreadsheet, the document properties, triggers, forms. */
export function wardState(ward: Ward) {
  const props = (ward.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!.getProperties();
  return { sheets: ward.ws.spreadsheets.view(ward.ssId), props, triggers: ward.ws.triggers(), forms: ward.ws.forms.list().map((f) => ward.ws.forms.model(f.id)) };
}

/** A case as the sidebar's case view shows it to `user` (default the admin): `V` names the fields a test reads. */
export function openInSidebar<V>(w: Ward, code: string, user = ADMIN): V & { row: number; version: number } {
  return w.ws.sidebar.run('getCase', [code], { user }) as V & { row: number; version: number };
}

/** One action on a case from the sidebar, as `user` would take it: the case opened first, its row and version sent. */
export function actInSidebar(w: Ward, code: string, input: Record<string, unknown>, user = ADMIN): unknown {
  const v = openInSidebar(w, code, user);
  return w.ws.sidebar.run('caseAction', [code, v.row, v.version, input], { user });
}

/** Classifies a case (Hạ tầng, giao thông; normal) and assigns it to a handling body and one of its people, as staff do in the sidebar. */
export function assignCase(w: Ward, code: string, body: string, assignee: string): void {
  let v = w.app.call('getCase', code) as { code: string; row: number; version: number };
  v = (w.app.call('caseAction', v.code, v.row, v.version, { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' }) as { view: typeof v }).view;
  w.app.call('caseAction', v.code, v.row, v.version, { action: 'assign', body, assignee });
}

/** The personal-link token in the newest e-mail sent to `to` that carries one. */
export function linkTokenSentTo(w: Ward, to: string): string {
  const mail = [...w.ws.mail.outbox()].reverse().find((m) => m.to[0] === to && /\?p=[0-9a-f]{64}/.test(m.body))!;
  return /\?p=([0-9a-f]{64})/.exec(mail.body)![1];
}

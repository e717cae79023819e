/**
 * The add-on menu's items. A menu item is a top-level function like any other, so it can also be
 * called through google.script.run from the web app's page, where there is no spreadsheet UI
 * (SpreadsheetApp.getUi() throws there) and no identified caller: the caller is established
 * first, then the UI, each with a Vietnamese refusal. Inside the spreadsheet, refusals and results
 * come back as dialogs.
 */
import type { Actor, Capability } from '../../domain/permissions';
import { ACCESS, ARCHIVE, MENU, RESYNC, SIDEBAR } from '../../i18n/vi';
import { identifiedCaller, staffActor } from '../../services/access/caller';
import { createPosters, createStickers } from '../../services/documents/posters';
import { BusyError, DeniedError, describeError, NotSetUpError, UserError, type ErrorPlace } from '../../services/platform/errors';
import { withDocumentLock } from '../../services/platform/lock';
import { ACTION_LOCK_WAIT_MS } from '../../services/cases/actions';
import { archivePastYears } from '../../services/jobs/archive';
import { runMaintenance } from '../../services/jobs/maintenance';
import { loadRuntime, type Runtime } from '../../services/platform/runtime';
import { describeSetup, runSetup } from '../../services/jobs/setup';
import { rpc } from './rpc';
import { openSidebar } from './sidebar';
import { connectMailbox } from './mailbox-setup';

/** The spreadsheet's UI, or a refusal where there is none (the web app's page, a trigger). */
export function menuUi(): GoogleAppsScript.Base.Ui {
  try {
    return SpreadsheetApp.getUi();
  } catch {
    throw new DeniedError(ACCESS.menuOnly);
  }
}

/** The identified caller at the spreadsheet, with its UI; refusals before anything else is read. */
function atSpreadsheet(): { email: string; ui: GoogleAppsScript.Base.Ui } {
  const email = identifiedCaller();
  if (!email) throw new DeniedError(ACCESS.signInNeeded);
  return { email, ui: menuUi() };
}

/**
 * A menu item's work, shown as dialogs: a refusal the person can act on keeps its Vietnamese
 * message; a fault of ours is logged to the errors tab and shown as the plain Vietnamese message,
 * exactly as for every call a page makes (ui/server/rpc).
 */
function inDialog(ui: GoogleAppsScript.Base.Ui, where: ErrorPlace, work: () => void): void {
  try {
    rpc(where, work);
  } catch (error) {
    ui.alert(SIDEBAR.title, error instanceof NotSetUpError ? SIDEBAR.notSetUp : describeError(error), ui.ButtonSet.OK);
  }
}

/** A staff menu item: the caller must hold `capability`. */
function staffItem(capability: Capability, where: ErrorPlace, run: (ui: GoogleAppsScript.Base.Ui, rt: Runtime, actor: Actor) => void): void {
  const { email, ui } = atSpreadsheet();
  inDialog(ui, where, () => {
    const rt = loadRuntime();
    run(ui, rt, staffActor(rt, email, capability));
  });
}

/** "Mở hòm thư": the sidebar checks who is there on its own first call. */
export function sidebarFromMenu(): void {
  openSidebar(menuUi());
}

/** "Thiết lập hòm thư": on a fresh spreadsheet whoever is at it sets up (and becomes its first admin); then admins only. */
export function setupFromMenu(): void {
  const { email, ui } = atSpreadsheet();
  try {
    ui.alert(SIDEBAR.title, describeSetup(runSetup(email), email), ui.ButtonSet.OK);
  } catch (error) {
    // A fault is left to Apps Script to report: setup may not have made the errors tab yet.
    if (!(error instanceof UserError)) throw error;
    ui.alert(SIDEBAR.title, error.message, ui.ButtonSet.OK);
  }
}

/** "Lưu trữ ý kiến các năm trước": the move, under the document lock, and what it did as a dialog. */
export function archiveFromMenu(): void {
  staffItem('archive', 'archive', (ui, rt) => {
    const run = withDocumentLock(ACTION_LOCK_WAIT_MS, () => new BusyError(ARCHIVE.busy), () => archivePastYears(SpreadsheetApp.getActive(), rt));
    ui.alert(SIDEBAR.title, ARCHIVE.result(run.moved, run.byYear, run.staying), ui.ButtonSet.OK);
  });
}

export function resyncFromMenu(): void {
  staffItem('resync', 'reconcile', (ui) => ui.alert(SIDEBAR.title, RESYNC.result(runMaintenance().recovered), ui.ButtonSet.OK));
}

/** Menu "In mã QR" / "In tem dán mã QR": the Doc, and a dialog with its link (a refusal as an alert). */
export function postersFromMenu(what: 'posters' | 'stickers'): void {
  staffItem('makeDocuments', 'documents', (ui, rt, actor) => {
    const doc = (what === 'posters' ? createPosters : createStickers)(rt, actor);
    // Text and address go in escaped: nothing here is parsed as markup.
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const made = what === 'posters' ? MENU.postersMade : MENU.stickersMade;
    const html = `<p style="font:16px Arial">${escape(made)} ${escape(doc.name)}</p><p style="font:16px Arial"><a href="${escape(doc.url)}" target="_blank" rel="noopener">${escape(MENU.open)}</a></p>`;
    ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(420).setHeight(180), what === 'posters' ? MENU.posters : MENU.stickers);
  });
}

/** "Kết nối hộp thư chính thức": a new shared secret for the official mailbox, shown once (admins). */
export function connectMailboxFromMenu(): void {
  staffItem('setup', 'mailbox', connectMailbox);
}

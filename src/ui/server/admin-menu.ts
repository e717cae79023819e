/** The admin's menu items: set up the mailbox, re-sync it. Answers come back as dialogs. */
import { can } from '../../domain/permissions';
import { roleOf } from '../../domain/settings';
import { MENU, RESYNC, SIDEBAR } from '../../i18n/vi';
import { createPosters, createStickers } from '../../services/documents/posters';
import { UserError } from '../../services/platform/errors';
import { describeError, logError, NotSetUpError } from '../../services/platform/errors';
import { runMaintenance } from '../../services/platform/maintenance';
import { loadRuntime } from '../../services/platform/runtime';
import { describeSetup, runSetup, SetupDenied } from '../../services/platform/setup';
import { currentUser } from './current-user';

export function setupFromMenu(ui: GoogleAppsScript.Base.Ui): void {
  const user = currentUser();
  try {
    ui.alert(SIDEBAR.title, describeSetup(runSetup(user), user), ui.ButtonSet.OK);
  } catch (error) {
    if (error instanceof SetupDenied) ui.alert(SIDEBAR.title, error.message, ui.ButtonSet.OK);
    else throw error;
  }
}

export function resyncFromMenu(ui: GoogleAppsScript.Base.Ui): void {
  let rt;
  try {
    rt = loadRuntime();
  } catch (error) {
    if (error instanceof NotSetUpError) {
      ui.alert(SIDEBAR.title, RESYNC.notSetUp, ui.ButtonSet.OK);
      return;
    }
    throw error;
  }
  if (!can(roleOf(rt.settings, currentUser()), 'resync')) {
    ui.alert(SIDEBAR.title, RESYNC.notAdmin, ui.ButtonSet.OK);
    return;
  }
  try {
    const result = runMaintenance();
    ui.alert(SIDEBAR.title, RESYNC.result(result.recovered), ui.ButtonSet.OK);
  } catch (error) {
    logError({ where: 'reconcile', message: describeError(error) }, rt.schema);
    ui.alert(SIDEBAR.title, describeError(error), ui.ButtonSet.OK);
  }
}

/** Menu "In mã QR" / "In tem dán mã QR": the Doc, and a dialog with its link (a refusal as an alert). */
export function postersFromMenu(ui: GoogleAppsScript.Base.Ui, what: 'posters' | 'stickers'): void {
  let doc;
  try {
    doc = (what === 'posters' ? createPosters : createStickers)(currentUser());
  } catch (error) {
    if (error instanceof UserError || error instanceof NotSetUpError) {
      ui.alert(SIDEBAR.title, error.message, ui.ButtonSet.OK);
      return;
    }
    throw error;
  }
  // Text and address go in escaped: nothing here is parsed as markup.
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const made = what === 'posters' ? MENU.postersMade : MENU.stickersMade;
  const html = `<p style="font:16px Arial">${escape(made)} ${escape(doc.name)}</p><p style="font:16px Arial"><a href="${escape(doc.url)}" target="_blank" rel="noopener">${escape(MENU.open)}</a></p>`;
  ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(420).setHeight(180), what === 'posters' ? MENU.posters : MENU.stickers);
}

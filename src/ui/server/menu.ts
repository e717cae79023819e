import { ARCHIVE, MAILBOX_SETUP, MENU } from '../../i18n/vi';

/**
 * Builds the add-on menu. onOpen may run in AuthMode.NONE (an add-on not yet used in this
 * document), where only menu building is allowed: touch nothing else here.
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 */
export function buildAddonMenu(): void {
  let ui: GoogleAppsScript.Base.Ui;
  try {
    ui = SpreadsheetApp.getUi();
  } catch {
    // Called from the web app's page or a trigger: no spreadsheet in front of anyone, no menu to build.
    return;
  }
  ui.createAddonMenu()
    .addItem(MENU.openSidebar, 'showSidebar')
    .addSeparator()
    .addItem(MENU.setup, 'setupMailbox')
    .addItem(MENU.resync, 'resyncMailbox')
    .addItem(MENU.posters, 'printQrPosters')
    .addItem(MENU.stickers, 'printQrStickers')
    .addItem(ARCHIVE.menu, 'archivePastCases')
    .addItem(MAILBOX_SETUP.menu, 'connectOfficialMailbox')
    .addToUi();
}

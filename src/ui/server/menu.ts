import { MENU } from '../strings';

/**
 * Builds the add-on menu. onOpen may run in AuthMode.NONE (an add-on not yet used in this
 * document), where only menu building is allowed: touch nothing else here.
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 */
export function buildAddonMenu(ui: GoogleAppsScript.Base.Ui): void {
  ui.createAddonMenu().addItem(MENU.openSidebar, 'showSidebar').addToUi();
}

/**
 * The one barrel of entry points: every export becomes a top-level function of build/Code.js
 * (gas-webpack-plugin), which is what menus, triggers and google.script.run can call. Nothing
 * here holds logic: it wires Apps Script's globals to the code in ui/, services/ and domain/.
 */
import { buildAddonMenu } from '../ui/server/menu';
import { openSidebar } from '../ui/server/sidebar';
import { greet } from '../ui/server/greeting';
import type { Greeting } from '../ui/shared/rpc';

/** Simple trigger: the spreadsheet was opened. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu(SpreadsheetApp.getUi());
}

/** Simple trigger: the add-on was installed from the Marketplace. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu "Mở hòm thư". */
export function showSidebar(): void {
  openSidebar(SpreadsheetApp.getUi());
}

/** RPC: the sidebar's first call. */
export function getGreeting(): Greeting {
  return greet(new Date(), Session.getActiveUser().getEmail());
}

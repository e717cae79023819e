import { SIDEBAR } from '../../i18n/vi';

/** The sidebar page built from src/ui/pages/Sidebar.html into build/Sidebar.html. */
export const SIDEBAR_PAGE = 'Sidebar';

export function openSidebar(ui: GoogleAppsScript.Base.Ui): void {
  ui.showSidebar(HtmlService.createHtmlOutputFromFile(SIDEBAR_PAGE).setTitle(SIDEBAR.title));
}

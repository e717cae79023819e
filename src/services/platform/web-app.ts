/** Where residents and handling bodies reach the ward: the address of the web app this script serves. */

/** The web app's address, or '' when it is not deployed (then residents ask the ward). */
export function webAppUrl(): string {
  try {
    return ScriptApp.getService().getUrl() || '';
  } catch {
    return '';
  }
}

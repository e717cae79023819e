/**
 * Triggers check their event and their owner. A trigger handler is a top-level function like any
 * other, so anyone can call it through google.script.run — from the public web app's page it even
 * runs as the ward's account, the trigger's owner — with an event they made up, trigger uid
 * included (uids are not secret). What they cannot make up is an Apps Script object:
 * google.script.run carries only primitives, arrays and plain objects
 * (https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)), while
 * Apps Script's own events carry service objects — the edited or submitted Range, the Spreadsheet
 * (https://developers.google.com/apps-script/guides/triggers/events#google_sheets_events) — and
 * every event carries `authMode`, a ScriptApp.AuthMode enum value
 * (https://developers.google.com/apps-script/reference/script/auth-mode).
 */

type Kind = 'formSubmit' | 'clock' | 'edit' | 'change';

function isServiceObject(value: unknown, method: string): boolean {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[method] === 'function';
}

/**
 * An AuthMode enum value: an object whose name is one of the modes. A JSON value cannot be one: a
 * string is no object, an array is refused (String(["FULL"]) is "FULL"), and a plain object has
 * no toString of its own ("[object Object]"; `{"toString": 1}` throws, caught here).
 */
function isAuthMode(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  try {
    return ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'].includes(String(value));
  } catch {
    return false;
  }
}

/**
 * Was this event made by Apps Script for a trigger of this kind (not typed into a console)? The
 * fields checked are those the events page lists for each kind: form submit and edit events carry
 * the Range; a change event and a time-driven one have no object but authMode.
 */
export function isTriggerEvent(e: unknown, kind: Kind): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const event = e as Record<string, unknown>;
  if (!isAuthMode(event.authMode)) return false;
  switch (kind) {
    case 'formSubmit':
      return isServiceObject(event.range, 'getRow');
    case 'edit':
      return isServiceObject(event.range, 'getSheet');
    case 'clock':
    case 'change':
      return true;
  }
  return false;
}

/** Whose trigger this execution is: "the account of the user who created the trigger" (Session#getEffectiveUser). */
export function triggerOwner(): string {
  return String(Session.getEffectiveUser().getEmail() ?? '').trim().toLowerCase();
}

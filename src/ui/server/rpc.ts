/**
 * The one wrapper of every function a page calls. A failure the person can act on (a UserError:
 * bad input, no right, a stale view, busy) keeps its Vietnamese message and is not logged: anyone
 * can cause one. Anything else is a fault of ours: it is written to the errors tab under the place
 * it happened, with its stable code, and the person gets a plain message. Only a message crosses
 * google.script.run.
 *
 * The errors tab is for staff to act on, and the web app's page lets anyone call any function: a
 * fault an unidentified caller can trigger at will would fill the tab. So for them a fault goes to
 * the execution log every time and to the errors tab once an hour per place and code.
 */
import { ERRORS } from '../../i18n/vi';
import { identifiedCaller } from '../../services/access/caller';
import { AppError, describeError, ERROR_CODES, logError, UserError, type ErrorPlace } from '../../services/platform/errors';
import { redactPersonalData } from '../../domain/redact';

const ANONYMOUS_FAULT_SECONDS = 3600;

/** True the first time in an hour this fault is reported for an unidentified caller. */
function firstThisHour(where: ErrorPlace, code: string): boolean {
  try {
    const cache = CacheService.getScriptCache();
    const key = `hts.fault.${where}.${code}`;
    if (!cache || cache.get(key)) return false;
    cache.put(key, '1', ANONYMOUS_FAULT_SECONDS);
    return true;
  } catch {
    return false;
  }
}

function report(where: ErrorPlace, code: string, message: string): void {
  let identified: boolean;
  try {
    identified = identifiedCaller() !== '';
  } catch {
    identified = false;
  }
  if (identified || firstThisHour(where, code)) logError({ where, message });
  else console.error(`[${ERRORS.where[where]}] ${redactPersonalData(message)}`);
}

export function rpc<T>(where: ErrorPlace, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = error instanceof AppError ? error.code : ERROR_CODES.internal;
    report(where, code, `[${code}] ${describeError(error)}`);
    // The cause is in the errors tab; ES2019 has no `cause`.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(ERRORS.systemError(code));
  }
}

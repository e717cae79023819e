/**
 * The one wrapper of every function the sidebar calls. A failure the person can act on (a
 * UserError: bad input, no right, a stale view, busy) keeps its Vietnamese message; anything else
 * is written to the errors tab under the place it happened, with its stable code, and the person
 * gets a plain message. Only a message crosses google.script.run.
 */
import { ERRORS } from '../../i18n/vi';
import { AppError, describeError, ERROR_CODES, logError, UserError, type ErrorPlace } from '../../services/platform/errors';

export function rpc<T>(where: ErrorPlace, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = error instanceof AppError ? error.code : ERROR_CODES.internal;
    logError({ where, message: `[${code}] ${describeError(error)}` });
    // The cause is in the errors tab; ES2019 has no `cause`.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(ERRORS.systemError(code));
  }
}

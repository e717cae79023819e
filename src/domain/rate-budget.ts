/**
 * A global budget of web-form submissions for the whole ward: at most `max` in any `windowMs`.
 * The web form is open to anyone without sign-in, so a script could file thousands of cases; a
 * per-person limit needs an identity the web app withholds (anonymous visitors), so the budget is
 * the ward's. The times of the last `max` filings are all it keeps.
 */
export interface Budget {
  max: number;
  windowMs: number;
}

/**
 * 40 in 10 minutes = 240 an hour: far above a ward's busiest hour (a ward gets a few hundred
 * cases in a month), and a meeting where everyone scans the poster at once spreads over minutes.
 * A flood is held to 5,760 cases a day instead of whatever a script can send.
 */
export const WEB_FORM_BUDGET: Budget = { max: 40, windowMs: 10 * 60_000 };

/** The filings still inside the window, oldest first (anything unreadable dropped). */
export function recentStamps(stamps: unknown, now: number, budget: Budget = WEB_FORM_BUDGET): number[] {
  if (!Array.isArray(stamps)) return [];
  return stamps
    .filter((t): t is number => typeof t === 'number' && Number.isFinite(t) && t > now - budget.windowMs && t <= now + 60_000)
    .sort((a, b) => a - b)
    .slice(-budget.max);
}

export function budgetAllows(stamps: unknown, now: number, budget: Budget = WEB_FORM_BUDGET): boolean {
  return recentStamps(stamps, now, budget).length < budget.max;
}

/** The stamps after one more filing at `now`. */
export function spend(stamps: unknown, now: number, budget: Budget = WEB_FORM_BUDGET): number[] {
  return [...recentStamps(stamps, now, budget), now].slice(-budget.max);
}

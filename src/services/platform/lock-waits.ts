/**
 * Every wait for a lock, in one place (the README's table "Who waits for the lock" lists them
 * with the longest hold measured on the emulator).
 *
 * The rule that keeps staff from being blocked: no holder keeps the document lock longer than
 * HOLD_BUDGET_MS, the shortest wait of anyone at a screen (a staff action's). So whoever arrives
 * behind one holder gets the lock within their wait. Work that takes longer — the hourly job,
 * setup — takes the lock in steps, each short, and does what needs no lock (sending mail,
 * reading the form, building the form) with the lock released.
 * test/integration/lock-holds.test.ts measures every holder against HOLD_BUDGET_MS.
 */

export const LOCK_WAIT_MS = {
  /** A staff action from the sidebar or a personal link; a new lookup key; the audit rows of a sender search. */
  staffAction: 10_000,
  /** A case typed in by staff ("Nhập ý kiến"). */
  staffEntry: 10_000,
  /** A resident's submission of the web app's form (the page says "busy, try again" and keeps what was typed). */
  webForm: 10_000,
  /** A resident's rating or follow-up on the lookup page. */
  publicAction: 10_000,
  /** Numbering printed paper slips. */
  paperSlips: 10_000,
  /** The form-submit trigger: a submission left waiting is filed by reconcile, never lost. */
  intake: 20_000,
  /** Each step of the hourly job ("Đồng bộ lại" too): behind a person, who holds it briefly. */
  hourlyStep: 30_000,
  /** Setup's writes: it tells the admin in Vietnamese when it cannot have the lock, having written nothing. */
  setup: 30_000,
  /** Each step of a poll of the official mailbox (its nonce, each message, its replies): the mailbox polls again in 10 minutes. */
  mailbox: 20_000,
  /** The script lock around the lookup page's wrong-key counters (not the document lock). */
  lookupCounters: 5_000,
} as const;

/** The longest any holder may keep the document lock: what a staff action waits for it. */
export const HOLD_BUDGET_MS = LOCK_WAIT_MS.staffAction;

/**
 * A step that works through a list under the lock (reports to settle, actions to complete)
 * stops taking more after this long and takes the lock again for the rest — one item more is
 * always well under HOLD_BUDGET_MS.
 */
export const STEP_WORK_MS = 4_000;

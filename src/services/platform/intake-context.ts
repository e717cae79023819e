/**
 * What preparing a case needs from the runtime, the same for every channel (the form's trigger,
 * reconcile, staff entry, the web form, the official mailbox, follow-ups): the settings, the
 * working calendar, the keyword rules, and what staff taught the suggestions when the document
 * cache holds it (no Spreadsheet call: it came with the runtime's one cache read).
 */
import type { IntakeContext } from '../../domain/intake';
import type { Runtime } from './runtime';
import { taughtCounts } from './suggestion-model';

export function intakeContext(rt: Runtime, now: Date): IntakeContext {
  return { settings: rt.settings, calendar: rt.calendar, rules: rt.rules, now, taught: taughtCounts(rt) };
}

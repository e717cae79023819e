/** What is written down without changing the case: an internal note, progress, a resident's follow-up. */
import { LIFECYCLE, TEXT_LABELS } from '../../i18n/cases';
import { dateInput, text } from './inputs';
import { ActionRefused, changes, type Handler } from './types';

export const note: Handler<'note'> = (_c, input) => {
  const detail = text(input.text, TEXT_LABELS.note);
  if (!detail) throw new ActionRefused(LIFECYCLE.noteEmpty);
  return changes({}, { detail });
};

/** Progress, with the body's committed date moved when a new one is given. */
export const progress: Handler<'progress'> = (_c, input, { now }) => {
  const detail = text(input.text, TEXT_LABELS.progress);
  if (!detail) throw new ActionRefused(LIFECYCLE.progressEmpty);
  return changes(input.bodyDueDate ? { bodyDueDate: dateInput(input.bodyDueDate, TEXT_LABELS.bodyDueDate, now) } : {}, { detail });
};

/** The resident came back on this case: a new case is filed from it (services do the filing). */
export const followUp: Handler<'followUp'> = (_c, input) => {
  const detail = text(input.content, TEXT_LABELS.followUp);
  if (!detail) throw new ActionRefused(LIFECYCLE.followUpEmpty);
  return changes({}, { detail, effects: [{ kind: 'fileFollowUp', content: input.content }] });
};

/** Publishing an answered case on the public board, with a summary staff wrote. */
import { LIFECYCLE, TEXT_LABELS } from '../../i18n/cases';
import { text } from './inputs';
import { ActionRefused, changes, type Handler } from './types';

export const setPublic: Handler<'setPublic'> = (c, input) => {
  if (c.hiddenFromPublic) throw new ActionRefused(LIFECYCLE.misuseNotPublic);
  const summary = input.publicSummary !== undefined ? text(input.publicSummary, TEXT_LABELS.publicSummary) : c.publicSummary;
  if (input.isPublic && !summary) throw new ActionRefused(LIFECYCLE.summaryFirst);
  return changes({ answerPublic: input.isPublic === true, publicSummary: summary });
};

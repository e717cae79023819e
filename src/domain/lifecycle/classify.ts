/** Classify: the category and complexity, and the ward's due date that follows from them. */
import { vietnamMidnight } from '../calendar/civil-date';
import { COMPLEXITY, STATUS } from '../case';
import { dueDayOf } from '../deadline';
import { LIFECYCLE } from '../../i18n/cases';
import { text } from './inputs';
import { ActionRefused, changes, type Handler } from './types';

export const classify: Handler<'classify'> = (c, input, { settings, calendar, status }) => {
  const category = text(input.category);
  if (!settings.categories.some((x) => x.category === category)) throw new ActionRefused(LIFECYCLE.categoryUnknown);
  if (input.complexity !== 'normal' && input.complexity !== 'complex') throw new ActionRefused(LIFECYCLE.complexityInvalid);
  const patch: ReturnType<Handler<'classify'>>['patch'] = { category, complexity: COMPLEXITY[input.complexity] };
  patch.dueDate = vietnamMidnight(dueDayOf(c.receivedAt, input.complexity, settings.deadlineDays, calendar));
  if (status === 'new') patch.status = STATUS.classified;
  return changes(patch);
};

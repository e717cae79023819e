/** Assign: the handling body (and its member) that works on the case, and the date they commit to. */
import { accessOf, bodyPeople } from '../body-people';
import { STATUS } from '../case';
import { checkEmail } from '../contact';
import { roleOf } from '../settings';
import { LIFECYCLE, TEXT_LABELS } from '../../i18n/cases';
import { announcements, announceToBody } from './announce';
import { dateInput, text } from './inputs';
import { ActionRefused, type Effect, type Handler, type Notice } from './types';

export const assign: Handler<'assign'> = (c, input, ctx) => {
  const { settings, now, status } = ctx;
  const body = settings.bodies.find((b) => b.name === text(input.body));
  if (!body) throw new ActionRefused(LIFECYCLE.bodyUnknown);
  const assignee = text(input.assignee).toLowerCase();
  if (assignee && !checkEmail(assignee).valid) throw new ActionRefused(LIFECYCLE.assigneeInvalid);
  const patch: Partial<typeof c> = { assignedBody: body.name, assignee, bodyDueDate: dateInput(input.bodyDueDate, TEXT_LABELS.bodyDueDate, now) };
  // A draft answer stays a draft: only a case not yet being handled moves to "Đang xử lý".
  if (status === 'new' || status === 'classified') patch.status = STATUS.inProgress;
  const next = { ...c, ...patch };
  let notices: Notice[] = [];
  const effects: Effect[] = [];
  if (c.assignedBody !== body.name) {
    // New to this body (first assignment, or moved from another): everyone who hears of its cases is told.
    const told = announceToBody(next, body, assignee, ctx, 'assigned');
    notices = told.notices;
    effects.push(...told.effects);
  } else if (assignee && assignee !== c.assignee && !bodyPeople(body, settings.staff).some((p) => p.email === assignee)) {
    // The same body again: its people know the case already; only an assignee new to it is told.
    notices = announcements(next, body, [{ email: assignee, access: accessOf(assignee, body, settings.staff) }], ctx, 'assigned');
  }
  if (assignee && !roleOf(settings, assignee) && accessOf(assignee, body, settings.staff) === 'none') effects.push({ kind: 'assigneeNotStaff', email: assignee });
  return { patch, detail: '', notices, effects };
};

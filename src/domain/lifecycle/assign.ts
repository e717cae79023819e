/** Assign: the handling body (and its member) that works on the case, and the date they commit to. */
import { formatVietnameseDate, vietnamDayOf } from '../calendar/civil-date';
import { STATUS } from '../case';
import { checkEmail } from '../contact';
import { roleOf } from '../settings';
import { LIFECYCLE, TEXT_LABELS } from '../../i18n/cases';
import { dateInput, text } from './inputs';
import { ActionRefused, type Effect, type Handler, type Notice } from './types';

export const assign: Handler<'assign'> = (c, input, { settings, now, status }) => {
  const body = settings.bodies.find((b) => b.name === text(input.body));
  if (!body) throw new ActionRefused(LIFECYCLE.bodyUnknown);
  const assignee = text(input.assignee).toLowerCase();
  if (assignee && !checkEmail(assignee).valid) throw new ActionRefused(LIFECYCLE.assigneeInvalid);
  const patch: Partial<typeof c> = { assignedBody: body.name, assignee, bodyDueDate: dateInput(input.bodyDueDate, TEXT_LABELS.bodyDueDate, now) };
  // A draft answer stays a draft: only a case not yet being handled moves to "Đang xử lý".
  if (status === 'new' || status === 'classified') patch.status = STATUS.inProgress;
  const notices: Notice[] = [];
  const to = assignee || body.email;
  if (to) notices.push({ kind: 'assignee', to, code: c.code, body: body.name, dueOn: formatVietnameseDate(vietnamDayOf(c.dueDate)) });
  const effects: Effect[] = [{ kind: 'linkBodyMembers', body: body.name, assignee }];
  if (assignee && !roleOf(settings, assignee)) effects.push({ kind: 'assigneeNotStaff', email: assignee });
  return { patch, detail: '', notices, effects };
};

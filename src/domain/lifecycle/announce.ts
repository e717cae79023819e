/**
 * Every case that reaches a body is announced (issue 18.1): assigned to it — first, or moved from
 * another body — or reopened while with it. Each person who hears of the body's cases
 * (domain/body-people) gets one e-mail with the code, the due date and how far off it is; the
 * masked summary and their personal link are put in by the commit (services/cases/effects).
 */
import { formatVietnameseDate, vietnamDayOf } from '../calendar/civil-date';
import { announcementRecipients, type BodyRecipient } from '../body-people';
import type { CaseRecord } from '../case-record';
import { deadlinesOn } from '../deadline';
import type { HandlingBody } from '../settings';
import type { Announcement, Effect, HandlerContext } from './types';

export function announcements(c: Pick<CaseRecord, 'code' | 'dueDate'> & { bodyDueDate: Date | '' }, body: HandlingBody, recipients: BodyRecipient[], ctx: Pick<HandlerContext, 'now' | 'calendar'>, why: Announcement['why'], reason = ''): Announcement[] {
  const due = vietnamDayOf(c.dueDate);
  const left = deadlinesOn(vietnamDayOf(ctx.now), ctx.calendar).workingDaysLeft(due);
  const bodyDueOn = c.bodyDueDate instanceof Date ? formatVietnameseDate(vietnamDayOf(c.bodyDueDate)) : '';
  return recipients.map((r) => ({ kind: 'assignee', to: r.email, access: r.access, code: c.code, body: body.name, dueOn: formatVietnameseDate(due), left, bodyDueOn, why, reason }));
}

/**
 * The announcements of a case now with `body` (assignee: its assignee), and the effect that tells
 * the person acting when nobody can be told.
 */
export function announceToBody(c: Pick<CaseRecord, 'code' | 'dueDate'> & { bodyDueDate: Date | '' }, body: HandlingBody, assignee: string, ctx: Pick<HandlerContext, 'now' | 'calendar' | 'settings'>, why: Announcement['why'], reason = ''): { notices: Announcement[]; effects: Effect[] } {
  const recipients = announcementRecipients(body, ctx.settings.staff, assignee);
  if (recipients.length === 0) return { notices: [], effects: [{ kind: 'nobodyTold', body: body.name }] };
  return { notices: announcements(c, body, recipients, ctx, why, reason), effects: [] };
}

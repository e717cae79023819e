/**
 * The hourly job's daily part: at most once a day (from 7:00 in Hà Nội), on working days a digest
 * to each handling body with cases due soon or overdue (domain/report/reminders: the inbox's own
 * counts), each recipient with their personal link — the one they hold, or a new one
 * (access/portal-links), stored before the mail is queued — never the spreadsheet; and reminders
 * to admins of the quarterly report and the monthly publication (which also names the groups whose
 * QR poster brought nothing in 2 weeks). Everything goes through the outbox (its quota, its
 * retries); ids carry the day or the period, so a second run the same day queues nothing twice,
 * and a link a cut-off run recorded is the one the next run carries (its id is the same).
 */
import { toIsoDate, vietnamDayOf, vietnamWallTime } from '../../domain/calendar/civil-date';
import { adminReminders, bodyDigests } from '../../domain/report/reminders';
import { DUE_SOON_WORKING_DAYS } from '../../domain/deadline';
import { ADOPTION, REMINDERS } from '../../i18n/vi';
import { readIndex } from '../cases/store';
import { carriedLink, portalAddress } from '../access/portal-links';
import { PROPERTY_NAMES } from '../platform/document-store';
import { UserError } from '../platform/errors';
import { queueMail, type OutgoingMail } from '../platform/outbox';
import type { Runtime } from '../platform/runtime';
import { webAppUrl } from '../platform/web-app';
import { staffWith } from '../../domain/permissions';

/** Reminders start at this hour, Vietnam time (not in the night). */
export const REMINDER_HOUR = 7;

const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);

export function sendDailyReminders(rt: Runtime, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, now: Date = new Date()): number {
  const today = vietnamDayOf(now);
  const hour = vietnamWallTime(now).hour;
  const iso = toIsoDate(today);
  if (hour < REMINDER_HOUR || rt.store.get(PROPERTY_NAMES.remindersDay) === iso) return 0;
  const mails: OutgoingMail[] = [];
  const entries = readIndex(ss, rt);
  const digests = bodyDigests(entries, rt.settings.bodies, rt.settings.staff, today, rt.calendar);
  const links: Record<string, string> = {};
  const base = digests.length ? webAppUrl() : '';
  // One message per address: the outbox sends to one plain address at a time (no lists, no headers).
  for (const d of digests) {
    for (const to of d.to) {
      const id = `NN-${slug(d.body)}-${slug(to.email)}-${iso}`;
      let slot: string;
      try {
        slot = carriedLink(rt, { email: to.email, asBody: to.access === 'body' ? d.body : undefined }, id, now, links);
      } catch (e) {
        // Someone who can hold no link (the staff list changed since): no digest, as for anyone without one.
        if (e instanceof UserError) continue;
        throw e;
      }
      mails.push({
        id,
        kind: REMINDERS.kindBody,
        code: '',
        recipient: to.email,
        subject: REMINDERS.bodySubject(d.body, d.overdue.length, d.dueSoon.length),
        body: REMINDERS.bodyText({ body: d.body, committee: rt.settings.committeeName, soonDays: DUE_SOON_WORKING_DAYS, dueSoon: d.dueSoon, overdue: d.overdue, url: portalAddress(base, slot) }),
      });
    }
  }
  // The links first: a queued digest always has its link's record.
  if (Object.keys(links).length) rt.store.setMany(links);
  const done = new Set(JSON.parse(rt.store.get(PROPERTY_NAMES.remindersSent) ?? '[]') as string[]);
  const admins = staffWith(rt.settings.staff, 'makeReports').map((m) => m.email);
  const due = adminReminders(today, rt.calendar, { entries, groups: rt.settings.groups }).filter((r) => !done.has(r.key));
  for (const r of due) {
    const body = REMINDERS.adminText(r, rt.settings.committeeName, rt.schema.spreadsheetUrl, r.qrPosters ? ADOPTION.mailLines(r.qrPosters) : []);
    for (const to of admins) mails.push({ id: `NQ-${r.key}-${slug(to)}`, kind: REMINDERS.kindAdmin, code: '', recipient: to, subject: REMINDERS.adminSubject(r), body });
  }
  queueMail(ss, rt, mails, now);
  rt.store.setMany({ [PROPERTY_NAMES.remindersDay]: iso, [PROPERTY_NAMES.remindersSent]: JSON.stringify([...done, ...due.map((r) => r.key)].slice(-24)) });
  return mails.length;
}

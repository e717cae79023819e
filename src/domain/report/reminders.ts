/**
 * The daily reminders, decided purely: which handling body gets a digest today (a working day: its
 * open cases due soon and its overdue ones, as the inbox counts them) and whether admins are reminded of the
 * quarterly report (5 working days before the 25th of the quarter's last month, the plan's
 * deadline) or of the monthly publication (the month's first working day, for the month before).
 * The monthly reminder also names the residential groups whose QR poster brought no case in the
 * last 2 weeks (adoption.ts), so admins check the posters are still up and readable.
 */
import { formatVietnameseDate, fromYmd, toYmd, type CivilDay } from '../calendar/civil-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { IndexEntry } from '../case-record';
import { inNamedSet } from '../inbox';
import type { HandlingBody, StaffMember } from '../settings';
import { qrWatchStarted, staleQrGroups, STALE_QR_DAYS, type AdoptionEntry, type StaleQrGroup } from './adoption';
import { bodyPeople, type BodyRecipient } from '../body-people';
import { canSee, type Actor } from '../permissions';
import { deadlinesOn } from '../deadline';
import { PERIOD } from '../../i18n/reports';

export interface DigestLine {
  code: string;
  category: string;
  group: string;
  dueOn: string;
  /** Working days left (0 = today), negative when overdue (deadline.ts). */
  left: number;
}

export interface BodyDigest {
  body: string;
  /** Who gets it, each with their own personal link (domain/body-people): never the spreadsheet. */
  to: BodyRecipient[];
  dueSoon: DigestLine[];
  overdue: DigestLine[];
}

/**
 * Each body's digest (issue 18.2): on working days only; to the people who hear of its cases and
 * open them through a personal link (its members, else its own address); its cases as its
 * members see them, counted by the inbox's own "due soon" and "overdue" sets — so the digest says
 * what a member's inbox and personal-link page say that day.
 */
export function bodyDigests(entries: IndexEntry[], bodies: HandlingBody[], staff: StaffMember[], today: CivilDay, calendar: WorkingCalendar): BodyDigest[] {
  if (!calendar.isWorkingDay(today)) return [];
  const deadlines = deadlinesOn(today, calendar);
  const out: BodyDigest[] = [];
  for (const body of bodies) {
    const to = bodyPeople(body, staff).filter((r) => r.access === 'member' || r.access === 'body');
    if (to.length === 0) continue;
    const reader: Actor = { email: '', role: 'handler', body: body.name, via: 'link' };
    const mine = entries.filter((e) => canSee(reader, e));
    const line = (e: IndexEntry): DigestLine => ({ code: e.code, category: e.category || e.suggestedCategory, group: e.group, dueOn: formatVietnameseDate(e.dueDay), left: deadlines.workingDaysLeft(e.dueDay) });
    const lines = (name: 'dueSoon' | 'overdue') => mine.filter((e) => inNamedSet(name, e, deadlines)).map(line).sort((a, b) => a.left - b.left || a.code.localeCompare(b.code));
    const digest = { body: body.name, to, dueSoon: lines('dueSoon'), overdue: lines('overdue') };
    if (digest.dueSoon.length || digest.overdue.length) out.push(digest);
  }
  return out;
}

export interface AdminReminder {
  /** Once per period: the key the hourly job remembers it by. */
  key: string;
  kind: 'quarterly' | 'monthly';
  /** The report's deadline, or the month to publish. */
  label: string;
  dueOn: string;
  /**
   * Monthly only, when the cases were given: the groups whose poster brought no case in the last
   * `days` days (empty: every group did); null while the ward has received for fewer days.
   */
  qrPosters?: { days: number; stale: StaleQrGroup[] } | null;
}

/** What the monthly reminder needs to name the groups with a stale QR poster. */
export interface AdoptionInput {
  entries: readonly AdoptionEntry[];
  groups: readonly string[];
}

/** The working day `n` working days before `day` (or `day` itself when n = 0). */
function workingDaysBefore(day: CivilDay, n: number, calendar: WorkingCalendar): CivilDay {
  let d = day;
  let left = n;
  while (left > 0) {
    d -= 1;
    if (calendar.isWorkingDay(d)) left -= 1;
  }
  return d;
}

export function adminReminders(today: CivilDay, calendar: WorkingCalendar, adoption?: AdoptionInput): AdminReminder[] {
  const { year, month } = toYmd(today);
  const out: AdminReminder[] = [];
  const quarterEnd = Math.ceil(month / 3) * 3;
  const deadline = fromYmd(year, quarterEnd, 25);
  if (month === quarterEnd && today >= workingDaysBefore(deadline, 5, calendar) && today <= deadline) {
    out.push({ key: `q-${year}-${quarterEnd / 3}`, kind: 'quarterly', label: PERIOD.quarter(['I', 'II', 'III', 'IV'][quarterEnd / 3 - 1], year), dueOn: formatVietnameseDate(deadline) });
  }
  // The month's first working day (or a run within the next two, if the job missed that day).
  let first = fromYmd(year, month, 1);
  while (!calendar.isWorkingDay(first)) first += 1;
  if (today >= first && today <= calendar.addWorkingDaysFrom(first, 2)) {
    const prev = month === 1 ? { y: year - 1, m: 12 } : { y: year, m: month - 1 };
    const monthly: AdminReminder = { key: `m-${prev.y}-${prev.m}`, kind: 'monthly', label: PERIOD.month(prev.m, prev.y), dueOn: formatVietnameseDate(first) };
    if (adoption) monthly.qrPosters = qrWatchStarted(adoption.entries, today) ? { days: STALE_QR_DAYS, stale: staleQrGroups(adoption.entries, adoption.groups, today) } : null;
    out.push(monthly);
  }
  return out;
}

/**
 * The portal: what a handling body's member (or a viewer) sees and does through their personal
 * link — their body's cases (a viewer: every open case), content and facts, due dates, and the
 * history of their own actions; never who sent a case. A member records progress (with a
 * committed date) and drafts the answer; MTTQ staff check it and answer the resident from the
 * sidebar. Actions go through the same all-or-nothing path as the sidebar's, as the holder.
 * The page is a work list (issue 18.3, domain/worklist): overdue and due-soon cases first, marked
 * and counted as the inbox counts them; why a case was reopened; the body's own proposed answer
 * and where it stands.
 */
import { formatVietnameseDate, formatVietnameseStamp, vietnamDayOf } from '../../domain/calendar/civil-date';
import { parseHistory } from '../../domain/case-record';
import { isBodyAddress } from '../../domain/body-people';
import { deadlinesOn } from '../../domain/deadline';
import { historyFor, residentMasker } from '../../domain/disclosure';
import { isOpen } from '../../domain/inbox';
import { worksOnBodyByLink } from '../../domain/permissions';
import { bodyProposal, lastReopening, pressing, worklistOrder, type Pressing, type ProposalState } from '../../domain/worklist';
import { PORTAL } from '../../i18n/vi';
import { performAction } from '../cases/actions';
import { linkActor } from '../access/caller';
import { can, canSee, seesEveryCase } from '../../domain/permissions';
import { fields, integer, text } from '../../domain/input';
import type { ActionInput } from '../../domain/lifecycle';
import { readCaseColumns } from '../cases/store';
import { readSubmitterNames } from '../cases/submitter-names';
import { DeniedError } from '../platform/errors';
import { loadRuntime } from '../platform/runtime';
import { portalHolder } from '../access/portal-links';
import { caseFacts } from './lookup';
import { shownPhotoCounts } from '../photos/view';

export interface PortalCase {
  code: string;
  row: number;
  version: number;
  receivedOn: string;
  group: string;
  category: string;
  status: string;
  dueOn: string;
  bodyDueOn: string;
  content: string;
  location: string;
  /** The holder's own actions on the case. */
  mine: Array<{ at: string; action: string; detail: string }>;
  canAct: boolean;
  /** Overdue, due soon, open, or done — as the inbox counts them. */
  pressing: Pressing;
  /** Working days left to answer the resident (0: today; negative: late); null once done. */
  left: number | null;
  /** The last reopening: its day and the reason given (masked as the reader reads it). */
  reopened: { on: string; reason: string } | null;
  /** What the body itself proposed as the answer, and where that proposal stands. */
  proposal: { text: string; on: string; state: ProposalState; answeredOn: string; method: string } | null;
  /** Residents' photos of the case the page can load (getPortalPhotos); hidden ones are not counted. */
  photos: number;
}

export interface PortalPage {
  email: string;
  body: string;
  role: 'handler' | 'viewer';
  expiresOn: string;
  /** Over every case the link shows (not only the first PORTAL_MAX_CASES). */
  counts: { overdue: number; dueSoon: number; open: number; done: number };
  cases: PortalCase[];
}

/** A page shows at most this many cases (open ones first). */
export const PORTAL_MAX_CASES = 200;

export function portalPage(token: unknown): PortalPage {
  const rt = loadRuntime();
  const now = new Date();
  const holder = portalHolder(rt, token, now);
  const actor = linkActor(holder);
  if (!can(actor, 'viewCase')) throw new DeniedError(PORTAL.invalid);
  const day = (d: unknown) => (d instanceof Date ? formatVietnameseDate(vietnamDayOf(d)) : '');
  const ss = SpreadsheetApp.getActive();
  const rows = readCaseColumns(ss, rt, ['code', 'receivedAt', 'group', 'category', 'suggestedCategory', 'status', 'dueDate', 'bodyDueDate', 'assignedBody', 'content', 'location', 'history', 'answer', 'answerSentAt', 'answerMethod', 'approvedBy', 'version', 'hiddenFromPublic']);
  const t = deadlinesOn(vietnamDayOf(now), rt.calendar);
  const ms = (d: unknown) => (d instanceof Date ? d.getTime() : 0);
  // A body's member gets their body's cases, open or not; a reader of every case those in progress.
  const mine = rows
    .filter((c) => c.code && canSee(actor, c) && (!seesEveryCase(actor) || isOpen(c)))
    .map((c) => {
      const dueDay = c.dueDate instanceof Date ? vietnamDayOf(c.dueDate) : 0;
      return { c, dueDay, receivedAt: ms(c.receivedAt), pressing: pressing({ status: c.status, dueDay, hasPhone: false, hasEmail: false, answerSentAt: c.answerSentAt, approvedBy: c.approvedBy }, t) };
    });
  const counts = { overdue: 0, dueSoon: 0, open: 0, done: 0 };
  for (const m of mine) counts[m.pressing] += 1;
  const ordered = mine.sort(worklistOrder).slice(0, PORTAL_MAX_CASES);
  // The submitters' names, to hide them in the residents' words: once for the page.
  const names = ordered.length ? readSubmitterNames(ss, rt) : new Map<string, string>();
  const photos = ordered.length ? shownPhotoCounts(rt, ss) : new Map<string, number>();
  // The body's own people: its members who work by link, its address, the holder.
  const ofBody = (body: string) => (email: string) => email === holder.email || isBodyAddress(rt.settings.bodies, body, email) || rt.settings.staff.some((m) => m.email === email && worksOnBodyByLink(m, body));
  return {
    email: holder.email,
    body: holder.body,
    role: holder.role as 'handler' | 'viewer',
    expiresOn: day(new Date(holder.expiresAt)),
    counts,
    cases: ordered.map(({ c, dueDay, pressing: p }) => {
      // The resident's words without their contact details or name; the history as a handler
      // or viewer reads any history (domain/disclosure).
      const name = names.get(c.code) ?? '';
      const resident = residentMasker(holder.role, name);
      const history = historyFor(holder.role, parseHistory(c.history), name);
      const reopening = lastReopening(history);
      const proposal = bodyProposal({ status: c.status, answer: resident(c.answer), answerSentAt: c.answerSentAt, approvedBy: c.approvedBy, answerMethod: c.answerMethod }, history, ofBody(c.assignedBody));
      return {
        ...caseFacts(c),
        // A group not in the list is what the resident typed.
        group: resident(c.group),
        row: c.row,
        version: c.version,
        bodyDueOn: day(c.bodyDueDate),
        content: resident(c.content),
        location: resident(c.location),
        mine: history.filter((e) => e.by === holder.email).map((e) => ({ at: formatVietnameseStamp(new Date(e.at)), action: e.action, detail: e.detail ?? '' })),
        canAct: can(actor, 'progress', c) && isOpen(c),
        pressing: p,
        left: p === 'done' ? null : t.workingDaysLeft(dueDay),
        reopened: reopening ? { on: day(new Date(reopening.at)), reason: reopening.reason } : null,
        proposal: proposal ? { text: proposal.text, on: day(new Date(proposal.at)), state: proposal.state, answeredOn: proposal.answeredAt ? day(new Date(proposal.answeredAt)) : '', method: proposal.method } : null,
        photos: photos.get(c.code) ?? 0,
      };
    }),
  };
}

export type PortalInput = { kind: 'progress'; text: string; bodyDueDate?: string } | { kind: 'answer'; text: string };

/** Progress or a draft answer through a personal link, as its holder; the inputs as any caller may have typed them. */
export function portalAct(token: unknown, code: unknown, row: unknown, version: unknown, input: unknown): PortalPage {
  const rt = loadRuntime();
  const actor = linkActor(portalHolder(rt, token, new Date()));
  if (!can(actor, 'progress')) throw new DeniedError(PORTAL.invalid);
  const i = fields(input);
  const action: ActionInput = i.kind === 'answer' ? { action: 'answer', text: text(i.text) } : { action: 'progress', text: text(i.text), bodyDueDate: text(i.bodyDueDate) || undefined };
  performAction(actor, text(code, 64), integer(row) ?? undefined, integer(version) ?? -1, action, rt);
  return portalPage(token);
}

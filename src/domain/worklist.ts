/**
 * The personal-link page as a work list (issue 18.3), decided purely: how pressing each case is
 * (overdue and due soon by the inbox's own sets, so the page says what the inbox and the digest
 * say), in what order the cases come, why a case was reopened, and what the body itself proposed
 * as the answer and where that proposal stands — awaiting MTTQ's review, approved, sent to the
 * resident, changed by MTTQ, or overtaken by a reopening. The history given is the one the reader
 * may read (domain/disclosure), so masked words stay masked here.
 */
import type { HistoryEvent } from './case-record';
import type { DeadlinesOn } from './deadline';
import { inNamedSet, isOpen, type Judgeable } from './inbox';
import { ACTION_LABELS, answerStateOf, FIELD_LABELS } from './lifecycle';

/** How pressing a case is: overdue, due soon, open otherwise, or done (answered or closed). */
export type Pressing = 'overdue' | 'dueSoon' | 'open' | 'done';

export function pressing(c: Judgeable, t: DeadlinesOn): Pressing {
  if (!isOpen(c)) return 'done';
  if (inNamedSet('overdue', c, t)) return 'overdue';
  if (inNamedSet('dueSoon', c, t)) return 'dueSoon';
  return 'open';
}

const RANK: Record<Pressing, number> = { overdue: 0, dueSoon: 1, open: 2, done: 3 };

/** The work list's order: overdue, due soon, then other open cases, each soonest due first; done cases last, newest first. */
export function worklistOrder(a: { pressing: Pressing; dueDay: number; receivedAt: number }, b: { pressing: Pressing; dueDay: number; receivedAt: number }): number {
  return RANK[a.pressing] - RANK[b.pressing] || (a.pressing === 'done' ? b.receivedAt - a.receivedAt : a.dueDay - b.dueDay || a.receivedAt - b.receivedAt);
}

/** The last reopening: when, and the reason given. */
export function lastReopening(events: readonly HistoryEvent[]): { at: string; reason: string } | null {
  const e = [...events].reverse().find((x) => x.action === ACTION_LABELS.reopen);
  return e ? { at: e.at, reason: e.detail ?? '' } : null;
}

export type ProposalState = 'awaitingReview' | 'approved' | 'answered' | 'revised' | 'reopened';

export interface Proposal {
  text: string;
  /** When the body wrote it (ISO). */
  at: string;
  state: ProposalState;
  /** When the resident was answered (ISO) and how ('' while not). */
  answeredAt: string;
  method: string;
}

/**
 * The body's own proposed answer (the last "Soạn trả lời" by one of `ofBody`) and where it stands.
 * `c.answer` is the case's answer as the reader may read it; while the proposal is still the
 * case's answer it is shown whole from there (the history keeps a shortened copy).
 */
export function bodyProposal(c: { status: string; answer: string; answerSentAt: Date | ''; approvedBy: string; answerMethod: string }, events: readonly HistoryEvent[], ofBody: (email: string) => boolean): Proposal | null {
  const i = events.map((e) => e.action === ACTION_LABELS.answer && ofBody(e.by)).lastIndexOf(true);
  if (i < 0) return null;
  const later = events.slice(i + 1);
  const written = events[i].changes?.find((ch) => ch.field === FIELD_LABELS.answer)?.to;
  const reopened = later.some((e) => e.action === ACTION_LABELS.reopen);
  const revised = later.some((e) => e.action === ACTION_LABELS.answer);
  const sent = c.answerSentAt instanceof Date && !reopened ? c.answerSentAt : null;
  const answered = { answeredAt: sent ? sent.toISOString() : '', method: sent ? c.answerMethod : '' };
  const current = !reopened && !revised;
  const text = current ? c.answer : (written ?? '');
  if (reopened) return { text, at: events[i].at, state: 'reopened', ...answered };
  if (revised) return { text, at: events[i].at, state: 'revised', ...answered };
  const state = answerStateOf({ status: c.status, answer: c.answer, answerSentAt: c.answerSentAt, approvedBy: c.approvedBy, answerMethod: c.answerMethod });
  return { text, at: events[i].at, state: state === 'approved' ? 'approved' : state === 'draft' || state === 'awaitingApproval' || state === 'none' ? 'awaitingReview' : 'answered', ...answered };
}

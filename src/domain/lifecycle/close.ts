/** The ways a case closes (an honest outcome, a duplicate, misuse) and how it reopens. */
import { canonicalCode } from '../case-code';
import { OUTCOME, POLICE_TRANSFER, STATUS, type OutcomeKey } from '../case';
import type { CaseRecord } from '../case-record';
import { policeBody } from '../settings';
import { LIFECYCLE, TEXT_LABELS } from '../../i18n/cases';
import { announceToBody } from './announce';
import { linkCodes, text } from './inputs';
import { ActionRefused, changes, type Handler, type Notice } from './types';

export const close: Handler<'close'> = (_c, input, { status, now }) => {
  const outcome = input.outcome as OutcomeKey;
  const note = text(input.note, TEXT_LABELS.outcomeNote);
  if (outcome === 'resolved' && status !== 'answered') throw new ActionRefused(LIFECYCLE.resolvedOnlyAnswered);
  if (outcome === 'notCompetent' && !note) throw new ActionRefused(LIFECYCLE.notCompetentWhere);
  if (!['resolved', 'notCompetent', 'insufficient'].includes(outcome)) throw new ActionRefused(LIFECYCLE.outcomeInvalid);
  return changes({ outcome: OUTCOME[outcome], outcomeNote: note, status: STATUS.closed, closedAt: now });
};

/** Closed as a duplicate of another case, which gets linked back when this is committed. */
export const duplicate: Handler<'duplicate'> = (c, input, { now }) => {
  // The original's code in its one form (GY-2026-000012 is GY-2026-00012); what is no code stays as typed, to be refused as unknown.
  const typedOf = text(input.of);
  const of = canonicalCode(typedOf) || typedOf.toUpperCase();
  if (!of || of === c.code) throw new ActionRefused(LIFECYCLE.duplicateOf);
  return changes({ outcome: OUTCOME.duplicate, outcomeNote: of, linkedCases: linkCodes(c.linkedCases, of), status: STATUS.closed, closedAt: now }, { effects: [{ kind: 'linkOriginal', of }] });
};

/**
 * Misuse of the mailbox: closed, never public, and sent to the ward police's address. The case
 * records the transfer as waiting for that mail to leave (mail-settled.ts then says whether it
 * did); a ward with no police address records it as not transferred, and the person is told.
 */
export const misuse: Handler<'misuse'> = (c, input, { settings, now }) => {
  const reason = text(input.reason, TEXT_LABELS.reason);
  if (!reason) throw new ActionRefused(LIFECYCLE.misuseReason);
  const notices: Notice[] = [];
  const police = policeBody(settings);
  if (police?.email) notices.push({ kind: 'police', to: police.email, code: c.code, reason });
  const closed: Partial<CaseRecord> = { outcome: OUTCOME.misuse, outcomeNote: reason, hiddenFromPublic: true, answerPublic: false, status: STATUS.closed, closedAt: now };
  if (notices.length) return changes({ ...closed, policeTransfer: POLICE_TRANSFER.waiting }, { detail: reason, notices });
  return changes({ ...closed, policeTransfer: POLICE_TRANSFER.noAddress }, { detail: reason, effects: [{ kind: 'policeUnreachable' }] });
};

/** Where work stood before the answer: with a body, classified, or new. */
function reopenedStatus(c: CaseRecord): string {
  if (c.assignedBody) return STATUS.inProgress;
  if (c.category) return STATUS.classified;
  return STATUS.new;
}

export const reopen: Handler<'reopen'> = (c, input, ctx) => {
  const reason = text(input.reason, TEXT_LABELS.reason);
  if (!reason) throw new ActionRefused(LIFECYCLE.reopenReason);
  const patch: Partial<CaseRecord> = {
    status: reopenedStatus(c),
    // What was published stays unpublished until an admin publishes the case again.
    answerPublic: false,
    outcome: '',
    outcomeNote: '',
    closedAt: '',
    // A new answer will be needed: the earlier one stays in the history and the audit trail.
    answerSentAt: '',
    answerMethod: '',
    approvedBy: '',
  };
  if (c.outcome === OUTCOME.misuse) patch.hiddenFromPublic = false;
  if (!c.assignedBody) return changes(patch, { detail: reason });
  // Back with its body: the body hears of it again, and why (issue 18.1).
  const body = ctx.settings.bodies.find((b) => b.name === c.assignedBody) ?? { name: c.assignedBody, email: '' };
  return changes(patch, { detail: reason, ...announceToBody(c, body, c.assignee, ctx, 'reopened', reason) });
};

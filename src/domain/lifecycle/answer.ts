/** Drafting the answer and approving it. Written is not answered: the resident has heard nothing yet. */
import { STATUS } from '../case';
import { can } from '../permissions';
import { unfilledBlank } from '../settings';
import { LIFECYCLE, TEXT_LABELS } from '../../i18n/cases';
import { text } from './inputs';
import { ActionRefused, changes, type Handler } from './types';

export const answer: Handler<'answer'> = (c, input, { actor, now, settings }) => {
  const written = text(input.text, TEXT_LABELS.answer);
  if (!written) throw new ActionRefused(LIFECYCLE.answerEmpty);
  if (!c.category) throw new ActionRefused(LIFECYCLE.classifyFirst);
  const patch: Partial<typeof c> = { answer: written };
  if (input.publicSummary !== undefined) {
    const summary = text(input.publicSummary, TEXT_LABELS.publicSummary);
    // What residents read is written by admins only.
    if (summary !== c.publicSummary && !can(actor, 'editPublic')) throw new ActionRefused(LIFECYCLE.summaryAdminsOnly);
    patch.publicSummary = summary;
  }
  patch.answeredAt = now;
  // The clock keeps running; a changed answer needs approving again.
  patch.approvedBy = '';
  patch.status = settings.approvalRequired ? STATUS.awaitingApproval : STATUS.draftAnswer;
  return changes(patch);
};

export const approve: Handler<'approve'> = (c, _input, { actor }) => {
  if (unfilledBlank(c.answer)) throw new ActionRefused(LIFECYCLE.blankLeft);
  return changes({ approvedBy: actor.email, status: STATUS.approved });
};

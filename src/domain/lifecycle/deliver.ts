/**
 * The three ways a resident is answered — an e-mail, a call, a letter handed over — each offered
 * by the contact they left; any of them makes the case "Đã trả lời". A call or a letter is
 * recorded once it happened; the e-mail is only queued here: the case is "Đã trả lời" (and the
 * answer "Đã gửi qua email") once the mail has left the outbox (lifecycle/mail-settled.ts).
 */
import { ANSWER_METHOD, STATUS, type AnswerMethodKey, type StatusKey } from '../case';
import type { CaseRecord } from '../case-record';
import { unfilledBlank, type Settings } from '../settings';
import { LIFECYCLE, TEXT_LABELS } from '../../i18n/cases';
import { show, text } from './inputs';
import { ActionRefused, changes, type Handler } from './types';

/** What every way of answering checks: an answer, approved where approval is required, not answered yet. */
function checkDeliverable(c: CaseRecord, key: StatusKey, settings: Settings): void {
  if (!c.answer) throw new ActionRefused(LIFECYCLE.noAnswer);
  if (unfilledBlank(c.answer)) throw new ActionRefused(LIFECYCLE.blankLeft);
  if (c.answerSentAt) throw new ActionRefused(LIFECYCLE.alreadyAnswered(show(c.answerSentAt)));
  if (settings.approvalRequired && key !== 'approved') throw new ActionRefused(LIFECYCLE.approveFirst);
}

function delivered(method: AnswerMethodKey, now: Date): Partial<CaseRecord> {
  return { answerSentAt: now, answerMethod: ANSWER_METHOD[method], status: STATUS.answered };
}

/**
 * The answer e-mail is waiting in the outbox: queued by "Gửi", not yet left (nor failed). Nothing
 * else may be sent or rewritten meanwhile — the mail carries the answer as it was.
 */
export function answerMailWaiting(c: Partial<Pick<CaseRecord, 'answerMethod' | 'answerSentAt'>>): boolean {
  return c.answerMethod === ANSWER_METHOD.email && !(c.answerSentAt instanceof Date);
}

/**
 * Queues the answer e-mail. Sending it is the decision that this answer goes: the case waits as
 * "Đã duyệt, chờ gửi" with the e-mail as its way, until the outbox reports the mail left or failed.
 */
export const sendAnswer: Handler<'sendAnswer'> = (c, _input, { settings, status }) => {
  checkDeliverable(c, status, settings);
  if (!c.hasEmail) throw new ActionRefused(LIFECYCLE.noEmail);
  return changes({ answerMethod: ANSWER_METHOD.email, status: STATUS.approved }, { notices: [{ kind: 'answer', code: c.code }], effects: [{ kind: 'answerQueued' }] });
};

export const recordCall: Handler<'recordCall'> = (c, input, { settings, status, now }) => {
  checkDeliverable(c, status, settings);
  if (c.hasEmail) throw new ActionRefused(LIFECYCLE.useEmail);
  const detail = text(input.note, TEXT_LABELS.callNote);
  // What was said, not who said it: the note stays with admins (disclosure.ts), and a name is not needed.
  if (!detail) throw new ActionRefused(LIFECYCLE.callNoteEmpty);
  return changes(delivered('phone', now), { detail });
};

export const recordLetter: Handler<'recordLetter'> = (c, input, { settings, status, now, letterMadeAt: made }) => {
  checkDeliverable(c, status, settings);
  if (c.hasEmail) throw new ActionRefused(LIFECYCLE.useEmail);
  // The letter handed over must be the answer as it stands, not one printed from an older draft.
  if (!made || (c.answeredAt instanceof Date && made.getTime() < c.answeredAt.getTime())) throw new ActionRefused(LIFECYCLE.letterNotCurrent);
  const detail = text(input.note, TEXT_LABELS.letterNote);
  if (!detail) throw new ActionRefused(LIFECYCLE.letterNoteEmpty);
  return changes(delivered('letter', now), { detail });
};

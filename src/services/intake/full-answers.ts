/**
 * A sheet cell holds 50,000 characters, so a longer answer reaches the responses tab cut short;
 * the form itself keeps the whole response. When an answer arrives exactly at the limit, the
 * whole text is read back from the form (FormApp: no Spreadsheet call), matched by timestamp and
 * by the part the sheet has.
 */
import { CELL_LIMIT } from '../../domain/intake';

export type Answers = Record<string, string>;

export function isCut(value: string): boolean {
  return value.length >= CELL_LIMIT;
}

/** Replaces cut answers (by question title) with the form's whole answers, when it can find them. */
export function restoreCutAnswers(formId: string | null, receivedAt: Date, answersByTitle: Answers): Answers {
  const cut = Object.entries(answersByTitle).filter(([, v]) => isCut(v));
  if (!formId || cut.length === 0) return answersByTitle;
  const form = FormApp.openById(formId);
  const candidates = form.getResponses(new Date(receivedAt.getTime() - 2000)).filter((r) => Math.abs(r.getTimestamp().getTime() - receivedAt.getTime()) < 2000);
  const restored = { ...answersByTitle };
  for (const response of candidates) {
    const whole = new Map(response.getItemResponses().map((ir) => [ir.getItem().getTitle(), String(ir.getResponse())]));
    if (cut.every(([title, part]) => (whole.get(title) ?? '').startsWith(part))) {
      for (const [title] of cut) restored[title] = whole.get(title) ?? restored[title];
      return restored;
    }
  }
  return restored;
}

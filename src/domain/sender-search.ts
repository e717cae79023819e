/**
 * Finding a case by its sender (issue 18, item 7). The form's confirmation page is the same for
 * everyone, so a resident who left only a phone number never saw a case code: when they call, an
 * admin finds their cases by the number they call from or by the name they give. Pure matching
 * here; reading "Người gửi", the permission and the audit row are services/cases/sender-search.
 */
import { nationalDigits } from './contact';
import { searchableWords } from './text/fold';

/** What the admin typed: the digits of a number, or the words of a name (folded). */
export type SenderQuery = { kind: 'phone'; digits: string } | { kind: 'name'; words: string[] };

/** Fewer digits than this find too many people to be a search: the last 4 of a number is the least. */
export const MIN_PHONE_DIGITS = 4;
/** Letters a name search needs at least. */
export const MIN_NAME_LETTERS = 2;

/** Letters make it a name; otherwise it is a number, however grouped. Null: too little to search by. */
export function senderQuery(input: string): SenderQuery | null {
  const words = searchableWords(input).trim();
  if (/[a-z]/.test(words)) {
    return words.replace(/[^a-z]/g, '').length >= MIN_NAME_LETTERS ? { kind: 'name', words: words.split(' ') } : null;
  }
  const digits = nationalDigits(input);
  return digits.length >= MIN_PHONE_DIGITS ? { kind: 'phone', digits } : null;
}

/**
 * A number matches when the digits typed appear in the sender's (both read as national digits):
 * the whole number in any form, or its last digits. A name matches when each word typed is the
 * start of some word of the sender's name, diacritics and case aside, in any order.
 */
export function matchesSender(q: SenderQuery, sender: { name: string; phone: string }): boolean {
  if (q.kind === 'phone') {
    const digits = nationalDigits(sender.phone);
    return digits !== '' && digits.includes(q.digits);
  }
  const nameWords = searchableWords(sender.name).trim().split(' ').filter((w) => w !== '');
  return nameWords.length > 0 && q.words.every((w) => nameWords.some((n) => n.startsWith(w)));
}

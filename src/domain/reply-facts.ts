/** The facts of a case a reply to its resident is composed from (domain/reply), in one place. */
import { formatVietnameseDate, vietnamDayOf } from './calendar/civil-date';
import type { CaseRecord } from './case-record';
import type { ReplyFacts } from './reply';
import { contactText, type Settings } from './settings';

export function replyFacts(settings: Settings, c: Pick<CaseRecord, 'code' | 'receivedAt' | 'category' | 'suggestedCategory' | 'answer'>, residentName: string): ReplyFacts {
  return {
    code: c.code,
    residentName,
    receivedOn: c.receivedAt instanceof Date ? formatVietnameseDate(vietnamDayOf(c.receivedAt)) : '',
    category: c.category || c.suggestedCategory,
    committee: settings.committeeName,
    contactLine: contactText(settings),
    answer: c.answer,
  };
}

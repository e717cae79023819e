/** The facts of a case a reply to its resident is composed from (domain/reply), in one place. */
import { formatVietnameseDate, vietnamDayOf } from '../../domain/calendar/civil-date';
import type { CaseRecord } from '../../domain/case-record';
import type { ReplyFacts } from '../../domain/reply';
import { contactText, type Settings } from '../../domain/settings';

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

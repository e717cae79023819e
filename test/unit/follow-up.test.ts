/**
 * domain/lookup mayFollowUp, domain/journal residentFollowUpKey (issue 18, item 8): the lookup page
 * offers a follow-up once the answer reached the resident and they rated it 1–2, and one per rating.
 */
import { isLowRating } from '../../src/domain/case';
import { keyTime, residentFollowUpKey } from '../../src/domain/journal';
import { mayFollowUp } from '../../src/domain/lookup';

const sent = new Date('2026-11-25T03:00:00Z');
const ratedAt = new Date('2026-11-26T04:05:06.789Z');

describe('mayFollowUp', () => {
  it('after an answer that reached the resident and a rating of 1 or 2 only', () => {
    expect([1, 2, 3, 4, 5].map((rating) => mayFollowUp({ answerSentAt: sent, rating, ratedAt }))).toEqual([true, true, false, false, false]);
    expect(mayFollowUp({ answerSentAt: sent, rating: '', ratedAt: '' })).toBe(false);
    expect(mayFollowUp({ answerSentAt: '', rating: 1, ratedAt })).toBe(false);
    expect(mayFollowUp({ answerSentAt: sent, rating: 1, ratedAt: '' })).toBe(false);
  });

  it('a low rating is a whole number 1–2', () => {
    expect([0, 1, 2, 2.5, 3, '1', null].map(isLowRating)).toEqual([false, true, true, false, false, false, false]);
  });
});

describe('residentFollowUpKey', () => {
  it('one key per rating of a case, timed by the rating', () => {
    expect(residentFollowUpKey(ratedAt, 'GY-2026-00012')).toBe('R1795665906-GY-2026-00012');
    expect(keyTime(residentFollowUpKey(ratedAt, 'GY-2026-00012'))).toBe(1795665906000);
    expect(residentFollowUpKey(new Date(ratedAt.getTime() + 1000), 'GY-2026-00012')).not.toBe(residentFollowUpKey(ratedAt, 'GY-2026-00012'));
  });
});

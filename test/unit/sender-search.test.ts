/**
 * domain/sender-search (issue 18, item 7): a resident who left only a phone number never saw a
 * case code, so an admin finds their cases by the number they call from or the name they give.
 * A number matches however either side wrote it (spaces, dots, dashes, brackets, +84 / 84 / 0);
 * a name matches with or without diacritics, in any case, each word typed being the start of a
 * word of the name.
 */
import { nationalDigits } from '../../src/domain/contact';
import { matchesSender, MIN_PHONE_DIGITS, senderQuery } from '../../src/domain/sender-search';

const row = (name: string, phone: string) => ({ name, phone });

describe('nationalDigits: a phone number as its national digits', () => {
  it.each([
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['84912345678', '0912345678'],
    ['(024) 3825-1234', '02438251234'],
    ['', ''],
  ])('%s → %s', (typed, digits) => {
    expect(nationalDigits(typed)).toBe(digits);
  });
});

describe('senderQuery: what the admin typed', () => {
  it('digits (however grouped) are a phone number; letters are a name', () => {
    expect(senderQuery(' +84 912-345-678 ')).toEqual({ kind: 'phone', digits: '0912345678' });
    expect(senderQuery('Nguyễn Thị LAN')).toEqual({ kind: 'name', words: ['nguyen', 'thi', 'lan'] });
    expect(senderQuery('nguyen thi lan')).toEqual({ kind: 'name', words: ['nguyen', 'thi', 'lan'] });
  });

  it(`too little to find anyone by: fewer than ${MIN_PHONE_DIGITS} digits, or fewer than 2 letters`, () => {
    expect(senderQuery('091')).toBeNull();
    expect(senderQuery('L')).toBeNull();
    expect(senderQuery('   ')).toBeNull();
    expect(senderQuery('+ . -')).toBeNull();
  });
});

describe('matchesSender', () => {
  it('a number typed in any form finds the number stored in any form, the last digits included', () => {
    for (const stored of ['0912345678', '0912 345 678', '+84 912.345.678', '84912345678']) {
      for (const typed of ['0912345678', '+84912345678', '0912.345.678', '912 345 678', '5678']) {
        expect([stored, typed, matchesSender(senderQuery(typed)!, row('', stored))]).toEqual([stored, typed, true]);
      }
    }
    expect(matchesSender(senderQuery('0912345679')!, row('', '0912345678'))).toBe(false);
    expect(matchesSender(senderQuery('0912345678')!, row('', ''))).toBe(false);
  });

  it('a name with or without diacritics, any case, words in any order, each the start of a word', () => {
    const lan = row('Nguyễn Thị Lan', '');
    expect(matchesSender(senderQuery('nguyen thi lan')!, lan)).toBe(true);
    expect(matchesSender(senderQuery('NGUYỄN THỊ LAN')!, lan)).toBe(true);
    expect(matchesSender(senderQuery('lan nguyen')!, lan)).toBe(true);
    expect(matchesSender(senderQuery('nguy la')!, lan)).toBe(true);
    expect(matchesSender(senderQuery('Đặng Lan')!, lan)).toBe(false);
    expect(matchesSender(senderQuery('an')!, lan)).toBe(false);
    expect(matchesSender(senderQuery('duc')!, row('Trần Đức', ''))).toBe(true);
    expect(matchesSender(senderQuery('lan')!, row('', '0912345678'))).toBe(false);
  });
});

/**
 * domain/calendar/working-calendar around Quốc khánh (from issue 7's bug catchers). Expected values are worked
 * out by hand from /work/shared/holidays.md and the Labour Code 2019 (art. 111(3): a holiday on
 * the weekly rest day is given back on the next working day; art. 112: Quốc khánh is 2/9 plus one
 * adjacent day), with weekdays read off a wall calendar — never from the code under test.
 */
import { fromYmd, parseIsoDate, weekday } from '../../src/domain/calendar/civil-date';
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar';

const iso = (s: string) => parseIsoDate(s)!;

describe('i. Quốc khánh 2/9 on a Sunday (2029)', () => {
  // 2029-09-02 is a Sunday (wall calendar: Fri 31/8, Sat 1/9, Sun 2/9, Mon 3/9, Tue 4/9, Wed 5/9).
  // Whichever adjacent day is granted, the result is the same:
  //  - Mon 3/9 as the adjacent day: 2/9 (Sunday, rest day) is given back on the next working day, Tue 4/9;
  //  - Sat 1/9 as the adjacent day: both fall on rest days, given back on Mon 3/9 and Tue 4/9.
  // So Mon 3/9 and Tue 4/9 are days off; Fri 31/8 and Wed 5/9 are working days.
  const cal = new WorkingCalendar();

  it('the calendar itself: 2/9/2029 is a Sunday', () => {
    expect(weekday(iso('2029-09-02'))).toBe(0);
  });

  it.each([
    ['2029-08-30', true],
    ['2029-08-31', true],
    ['2029-09-01', false],
    ['2029-09-02', false],
    ['2029-09-03', false],
    ['2029-09-04', false],
    ['2029-09-05', true],
    ['2029-09-06', true],
    ['2029-09-07', true],
  ])('%s is a working day: %s', (day, working) => {
    expect(cal.isWorkingDay(iso(day))).toBe(working);
  });

  it('Mon 3/9 and Tue 4/9 are holidays (not mere weekends), and the only weekdays off around 2/9', () => {
    for (const day of ['2029-09-03', '2029-09-04']) expect(cal.status(iso(day))).toMatchObject({ working: false, reason: 'holiday' });
    const weekdaysOff: string[] = [];
    for (let d = iso('2029-08-20'); d <= iso('2029-09-16'); d++) {
      if (weekday(d) !== 0 && weekday(d) !== 6 && !cal.isWorkingDay(d)) weekdaysOff.push(new Date(d * 86_400_000).toISOString().slice(0, 10));
    }
    expect(weekdaysOff).toEqual(['2029-09-03', '2029-09-04']);
  });

  it('deadlines step over the break: Fri 31/8 + 1 working day is Wed 5/9; 7 working days after Thu 30/8 is Wed 12/9', () => {
    expect(cal.addWorkingDaysFrom(iso('2029-08-31'), 1)).toBe(iso('2029-09-05'));
    // Fri 31/8 (1), Wed 5/9 (2), Thu 6 (3), Fri 7 (4), Mon 10 (5), Tue 11 (6), Wed 12 (7).
    expect(cal.addWorkingDays(new Date('2029-08-30T03:00:00Z'), 7)).toBe(iso('2029-09-12'));
    expect(cal.workingDaysLeft(iso('2029-08-31'), iso('2029-09-05'))).toBe(1);
  });

  it('the adjacent day is the weekday next to 2/9, Mon 3/9, and Tue 4/9 gives back the Sunday', () => {
    // The government has always granted a weekday as the adjacent day (2021 Fri 3/9, 2022 Thu 1/9,
    // 2023 Fri 1/9 when 2/9 was a Saturday, 2024 Tue 3/9, 2025 Mon 1/9): next to a Sunday the only
    // weekday is Monday 3/9; the Sunday itself is then given back on the next working day, Tue 4/9.
    const sept = cal.holidaysOf(2029).filter((h) => h.day >= iso('2029-08-31') && h.day <= iso('2029-09-05'));
    expect(sept.map((h) => [new Date(h.day * 86_400_000).toISOString().slice(0, 10), h.kind])).toEqual([
      ['2029-09-02', 'NATIONAL_DAY'],
      ['2029-09-03', 'NATIONAL_DAY'],
      ['2029-09-04', 'COMPENSATORY'],
    ]);
  });

  it('in every year the 2-day Quốc khánh holiday takes exactly 2 weekdays off, whatever weekday 2/9 falls on', () => {
    // 2 statutory days; each one on a rest day comes back on a weekday. No other holiday is near.
    for (let year = 2021; year <= 2035; year++) {
      let off = 0;
      for (let d = fromYmd(year, 8, 25); d <= fromYmd(year, 9, 10); d++) if (weekday(d) !== 0 && weekday(d) !== 6 && !cal.isWorkingDay(d)) off += 1;
      expect({ year, weekdayOfSep2: weekday(fromYmd(year, 9, 2)), off }).toEqual({ year, weekdayOfSep2: weekday(fromYmd(year, 9, 2)), off: 2 });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { dateLabel, makeCalendar, parseDate } from '../../src/scenario/calendar.ts';

describe('makeCalendar', () => {
  it('keeps years below 100 as written (Date.UTC would read 0050 as 1950)', () => {
    const cal = makeCalendar(parseDate('0050-01-03')!, parseDate('0050-12-31')!, 'week')!;
    expect(dateLabel(cal, 0)).toBe('0050-01-03');
    expect(cal.steps).toBe(52);
    expect(parseDate('0100-02-29')).toBeUndefined(); // 100 is not a leap year, 1900 neither, 2000 is
    expect(parseDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(makeCalendar(parseDate('0099-12')!, parseDate('0100-01')!, 'month')!.steps).toBe(2);
  });
});

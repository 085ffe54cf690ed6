import type { CalendarDay } from './calendar-day';
import { CHINA_2026 } from './china-2026';
import { WorkingCalendar } from './working-calendar';

// Every expected date and count below was worked out by hand from a 2026 wall calendar and the
// State Council's 2026 schedule, not taken from the implementation.

/** An instant given as China Standard Time wall-clock time. */
const at = (date: string, time = '09:00'): Date => new Date(`${date}T${time}:00+08:00`);

/** A deterministic PRNG (mulberry32), so the property checks are repeatable. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('WorkingCalendar', () => {
  const china = new WorkingCalendar(CHINA_2026);
  const plain = new WorkingCalendar([]);

  describe('localDate', () => {
    it('turns the date at midnight China Standard Time, not UTC midnight', () => {
      expect(china.localDate(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
      expect(china.localDate(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
      expect(china.localDate(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
      expect(china.localDate(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    });

    it('uses the configured offset', () => {
      expect(new WorkingCalendar([], { utcOffsetMinutes: 0 }).localDate(new Date('2026-03-01T16:30:00Z'))).toBe(
        '2026-03-01',
      );
      expect(new WorkingCalendar([], { utcOffsetMinutes: -300 }).localDate(new Date('2026-03-01T03:00:00Z'))).toBe(
        '2026-02-28',
      );
      expect(new WorkingCalendar([], { utcOffsetMinutes: 330 }).localDate(new Date('2026-03-01T18:29:00Z'))).toBe(
        '2026-03-01',
      );
      expect(new WorkingCalendar([], { utcOffsetMinutes: 330 }).localDate(new Date('2026-03-01T18:30:00Z'))).toBe(
        '2026-03-02',
      );
    });

    it('counts a filing late on Sunday evening UTC as Monday in China', () => {
      // 2026-03-01T16:30Z is Monday 2026-03-02 00:30 in Beijing; 1 working day later is Tuesday.
      expect(china.addWorkingDays(new Date('2026-03-01T16:30:00Z'), 1)).toBe('2026-03-03');
      // 15:30Z is still Sunday 23:30 in Beijing; 1 working day later is Monday.
      expect(china.addWorkingDays(new Date('2026-03-01T15:30:00Z'), 1)).toBe('2026-03-02');
    });

    it('rejects an invalid Date and an unreasonable offset', () => {
      expect(() => china.localDate(new Date('nope'))).toThrow(RangeError);
      expect(() => new WorkingCalendar([], { utcOffsetMinutes: 900 })).toThrow(RangeError);
      expect(() => new WorkingCalendar([], { utcOffsetMinutes: 0.5 })).toThrow(RangeError);
    });
  });

  describe('isWorkingDay', () => {
    it('follows Monday to Friday without exceptions', () => {
      expect(plain.isWorkingDay('2026-03-02')).toBe(true); // Mon
      expect(plain.isWorkingDay('2026-03-06')).toBe(true); // Fri
      expect(plain.isWorkingDay('2026-03-07')).toBe(false); // Sat
      expect(plain.isWorkingDay('2026-03-08')).toBe(false); // Sun
      expect(plain.isWorkingDay('2026-10-01')).toBe(true); // Thu, no holidays listed
    });

    it('puts exceptions first', () => {
      expect(china.isWorkingDay('2026-01-01')).toBe(false); // 元旦, Thu
      expect(china.isWorkingDay('2026-01-04')).toBe(true); // make-up Sun
      expect(china.isWorkingDay('2026-02-14')).toBe(true); // make-up Sat
      expect(china.isWorkingDay('2026-02-16')).toBe(false); // 春节, Mon
      expect(china.isWorkingDay('2026-02-21')).toBe(false); // 春节, Sat
      expect(china.isWorkingDay('2026-02-24')).toBe(true); // Tue after 春节
      expect(china.isWorkingDay('2026-02-28')).toBe(true); // make-up Sat
      expect(china.isWorkingDay('2026-03-01')).toBe(false); // Sun
      expect(china.isWorkingDay('2026-09-20')).toBe(true); // make-up Sun
      expect(china.isWorkingDay('2026-10-07')).toBe(false); // 国庆, Wed
      expect(china.isWorkingDay('2026-10-10')).toBe(true); // make-up Sat
      expect(china.isWorkingDay('2026-10-11')).toBe(false); // Sun
    });

    it('rejects a malformed or impossible date', () => {
      expect(() => china.isWorkingDay('2026-02-30')).toThrow(RangeError);
      expect(() => china.isWorkingDay('2026-2-3')).toThrow(RangeError);
      expect(() => china.isWorkingDay('2026-03-02T00:00')).toThrow(RangeError);
    });
  });

  describe('a plain week (March 2026, no exceptions)', () => {
    it('counts from Monday 2026-03-02', () => {
      expect(china.workingDaysBetween(at('2026-03-02'), at('2026-03-09'))).toBe(5); // Tue-Fri, Mon
      expect(china.workingDaysBetween(at('2026-03-02'), at('2026-03-08'))).toBe(4); // Tue-Fri
      expect(china.workingDaysBetween(at('2026-03-06'), at('2026-03-09'))).toBe(1); // Mon only
      expect(china.workingDaysBetween(at('2026-03-07'), at('2026-03-08'))).toBe(0); // weekend
      expect(china.workingDaysBetween(at('2026-03-02'), at('2026-03-30'))).toBe(20); // four weeks
    });

    it('finds deadlines', () => {
      expect(china.addWorkingDays(at('2026-03-02'), 1)).toBe('2026-03-03');
      expect(china.addWorkingDays(at('2026-03-02'), 4)).toBe('2026-03-06');
      expect(china.addWorkingDays(at('2026-03-02'), 5)).toBe('2026-03-09');
      expect(china.addWorkingDays(at('2026-03-06'), 1)).toBe('2026-03-09'); // Fri -> Mon
      expect(china.addWorkingDays(at('2026-03-07'), 1)).toBe('2026-03-09'); // Sat -> Mon
    });

    it('counts a day once it has begun, whatever the time', () => {
      expect(china.workingDaysBetween(at('2026-03-02', '23:59'), at('2026-03-03', '00:00'))).toBe(1);
      expect(china.workingDaysBetween(at('2026-03-02', '00:00'), at('2026-03-02', '23:59'))).toBe(0);
    });
  });

  describe('edge cases of workingDaysBetween', () => {
    it('is 0 on the same day and when `to` is before `from`', () => {
      expect(china.workingDaysBetween(at('2026-03-03', '08:00'), at('2026-03-03', '18:00'))).toBe(0);
      expect(china.workingDaysBetween(at('2026-03-03', '18:00'), at('2026-03-03', '08:00'))).toBe(0);
      expect(china.workingDaysBetween(at('2026-03-10'), at('2026-03-03'))).toBe(0);
      expect(china.workingDaysBetween(at('2026-03-03'), at('2026-03-10'))).toBe(5);
    });

    it('counts the whole of 2026 as 248 working days', () => {
      // 261 weekdays (52 weeks + Thursday 2026-01-01), less 19 weekday holidays, plus 6 make-up days.
      expect(china.workingDaysBetween(at('2025-12-31'), at('2026-12-31'))).toBe(248);
      expect(plain.workingDaysBetween(at('2025-12-31'), at('2026-12-31'))).toBe(261);
    });

    it('agrees with a day-by-day count over random spans of up to ten years', () => {
      const random = seeded(20260101);
      const base = Date.parse('2020-01-01T00:00:00+08:00');
      const mismatches: string[] = [];
      for (let i = 0; i < 200; i++) {
        const from = new Date(base + Math.floor(random() * 3650 * 86_400_000));
        const to = new Date(from.getTime() + Math.floor(random() * 3650 * 86_400_000));
        // step through the local dates after from's, up to and including to's
        const last = china.localDate(to);
        let expected = 0;
        for (let day = new Date(`${china.localDate(from)}T00:00:00Z`); ;) {
          day = new Date(day.getTime() + 86_400_000);
          const date = day.toISOString().slice(0, 10);
          if (date > last) break;
          if (china.isWorkingDay(date)) expected++;
        }
        const actual = china.workingDaysBetween(from, to);
        if (actual !== expected)
          mismatches.push(`${from.toISOString()} -> ${to.toISOString()}: ${actual}, expected ${expected}`);
      }
      expect(mismatches).toEqual([]);
    });
  });

  describe('国庆 2026 (Oct 1-7 off; Sep 20 Sun and Oct 10 Sat worked)', () => {
    it('gives a filing on Wednesday 2026-09-30 its 5th working day on Tuesday 2026-10-13', () => {
      // Oct 8 Thu (1), Oct 9 Fri (2), Oct 10 Sat make-up (3), Oct 11 Sun off, Oct 12 Mon (4), Oct 13 Tue (5)
      expect(china.addWorkingDays(at('2026-09-30'), 1)).toBe('2026-10-08');
      expect(china.addWorkingDays(at('2026-09-30'), 3)).toBe('2026-10-10');
      expect(china.addWorkingDays(at('2026-09-30'), 4)).toBe('2026-10-12');
      expect(china.addWorkingDays(at('2026-09-30'), 5)).toBe('2026-10-13');
      expect(china.workingDaysBetween(at('2026-09-30'), at('2026-10-07'))).toBe(0);
      expect(china.workingDaysBetween(at('2026-09-30'), at('2026-10-13'))).toBe(5);
    });

    it('counts the Sunday make-up day and skips 中秋', () => {
      expect(china.addWorkingDays(at('2026-09-18'), 1)).toBe('2026-09-20'); // Fri -> make-up Sun
      expect(china.addWorkingDays(at('2026-09-24'), 1)).toBe('2026-09-28'); // Thu -> past 中秋 Sep 25-27
      // Sep 28, 29, 30, Oct 8
      expect(china.workingDaysBetween(at('2026-09-24'), at('2026-10-08'))).toBe(4);
      // Sep 20-24 (5), Sep 28-30 (3), Oct 8, 9, 10, 12, 13 (5)
      expect(china.workingDaysBetween(at('2026-09-18'), at('2026-10-13'))).toBe(13);
    });
  });

  describe('春节 2026 (Feb 15-23 off; Sat Feb 14 and Sat Feb 28 worked)', () => {
    it('counts both make-up Saturdays', () => {
      // after Fri Feb 13: Feb 14 (1), Feb 24 (2), 25 (3), 26 (4), 27 (5), Sat 28 (6), Mon Mar 2 (7)
      expect(china.addWorkingDays(at('2026-02-13'), 1)).toBe('2026-02-14');
      expect(china.addWorkingDays(at('2026-02-13'), 2)).toBe('2026-02-24');
      expect(china.addWorkingDays(at('2026-02-13'), 5)).toBe('2026-02-27');
      expect(china.addWorkingDays(at('2026-02-13'), 6)).toBe('2026-02-28');
      expect(china.addWorkingDays(at('2026-02-13'), 7)).toBe('2026-03-02');
      expect(china.workingDaysBetween(at('2026-02-13'), at('2026-03-01'))).toBe(6);
      expect(china.workingDaysBetween(at('2026-02-14'), at('2026-02-23'))).toBe(0);
    });

    it('starts a clock filed during the holiday on the first day back', () => {
      expect(china.addWorkingDays(at('2026-02-16'), 1)).toBe('2026-02-24');
      expect(china.workingDaysBetween(at('2026-02-16'), at('2026-02-24'))).toBe(1);
    });
  });

  describe('elapsedWorkingDays', () => {
    // Clock from Mon 2026-03-02 09:00 to Mon 2026-03-16 09:00: Mar 3-6 (4), 9-13 (5), 16 (1) = 10.
    const start = at('2026-03-02');
    const now = at('2026-03-16');

    it('is workingDaysBetween without pauses', () => {
      expect(china.elapsedWorkingDays(start, now, [])).toBe(10);
    });

    it('excludes a pause in the middle', () => {
      // Thu Mar 5 10:00 to Tue Mar 10 15:00 excludes Mar 6, 9, 10.
      expect(
        china.elapsedWorkingDays(start, now, [{ from: at('2026-03-05', '10:00'), to: at('2026-03-10', '15:00') }]),
      ).toBe(7);
    });

    it('runs an open pause until now', () => {
      // From Fri Mar 13 10:00, still open: excludes Mon Mar 16.
      expect(china.elapsedWorkingDays(start, now, [{ from: at('2026-03-13', '10:00'), to: null }])).toBe(9);
      expect(
        china.elapsedWorkingDays(start, now, [
          { from: at('2026-03-05', '10:00'), to: at('2026-03-10', '15:00') },
          { from: at('2026-03-13', '10:00'), to: null },
        ]),
      ).toBe(6);
    });

    it('clips pauses to the clock', () => {
      // From Fri Feb 27, clipped to start: excludes Mar 3, 4.
      expect(china.elapsedWorkingDays(start, now, [{ from: at('2026-02-27'), to: at('2026-03-04', '12:00') }])).toBe(8);
      // Until Fri Mar 20, clipped to now: excludes Mar 13, 16.
      expect(china.elapsedWorkingDays(start, now, [{ from: at('2026-03-12'), to: at('2026-03-20') }])).toBe(8);
      // Entirely after now, or entirely before start: excludes nothing.
      expect(china.elapsedWorkingDays(start, now, [{ from: at('2026-03-20'), to: null }])).toBe(10);
      expect(china.elapsedWorkingDays(start, now, [{ from: at('2026-02-20'), to: at('2026-03-01') }])).toBe(10);
    });

    it('excludes nothing for a pause within one day', () => {
      expect(
        china.elapsedWorkingDays(start, now, [{ from: at('2026-03-04', '09:00'), to: at('2026-03-04', '17:00') }]),
      ).toBe(10);
    });

    it('excludes a day inside overlapping pauses once', () => {
      // (Mar 5, Mar 10] and (Mar 9, Mar 11] together exclude Mar 6, 9, 10, 11; summed naively, 3 + 2.
      const pauses = [
        { from: at('2026-03-05', '10:00'), to: at('2026-03-10', '15:00') },
        { from: at('2026-03-09', '08:00'), to: at('2026-03-11', '08:00') },
      ];
      expect(china.elapsedWorkingDays(start, now, pauses)).toBe(6);
      expect(china.elapsedWorkingDays(start, now, [...pauses].reverse())).toBe(6);
    });

    it('is never negative', () => {
      expect(china.elapsedWorkingDays(start, now, [{ from: at('2026-03-01'), to: null }])).toBe(0);
      expect(
        china.elapsedWorkingDays(start, now, [
          { from: at('2026-03-01'), to: null },
          { from: at('2026-03-03'), to: at('2026-03-05') },
        ]),
      ).toBe(0);
      expect(china.elapsedWorkingDays(now, start, [{ from: start, to: now }])).toBe(0);
    });

    it('skips holidays inside a pause', () => {
      // Clock Mon Sep 28 to Fri Oct 16: Sep 29, 30, Oct 8, 9, 10, 12-16 = 10.
      // Paused Sep 30 10:00 to Oct 9 10:00: excludes Oct 8, 9.
      expect(china.elapsedWorkingDays(at('2026-09-28'), at('2026-10-16'), [])).toBe(10);
      expect(
        china.elapsedWorkingDays(at('2026-09-28'), at('2026-10-16'), [
          { from: at('2026-09-30', '10:00'), to: at('2026-10-09', '10:00') },
        ]),
      ).toBe(8);
    });
  });

  describe('addWorkingDays', () => {
    it('inverts workingDaysBetween for random starts in 2026 and n in 1..30', () => {
      const random = seeded(42);
      const base = Date.parse('2026-01-01T00:00:00+08:00');
      const parse = (date: string): Date => new Date(`${date}T00:00:00+08:00`);
      const mismatches: string[] = [];
      for (let i = 0; i < 100; i++) {
        const from = new Date(base + Math.floor(random() * 365 * 86_400_000));
        for (let n = 1; n <= 30; n++) {
          const deadline = china.addWorkingDays(from, n);
          const midnight = parse(deadline);
          // a working day, n working days after from, and the first such day
          const ok =
            china.isWorkingDay(deadline) &&
            china.workingDaysBetween(from, midnight) === n &&
            china.workingDaysBetween(from, new Date(midnight.getTime() - 1)) === n - 1;
          if (!ok) mismatches.push(`${from.toISOString()} + ${n} = ${deadline}`);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it('reaches years ahead quickly', () => {
      // A plain calendar: 3650 working days are exactly 730 weeks (5110 days) from a Monday;
      // 2026-03-02 to 2040-03-02 is 14 * 365 + 4 leap days = 5114 days, so 4 days earlier.
      expect(plain.addWorkingDays(at('2026-03-02'), 3650)).toBe('2040-02-27');
      expect(plain.workingDaysBetween(at('2026-03-02'), at('2040-02-27'))).toBe(3650);
    });

    it('rejects a count that is not a whole number of at least 1', () => {
      expect(() => china.addWorkingDays(at('2026-03-02'), 0)).toThrow(RangeError);
      expect(() => china.addWorkingDays(at('2026-03-02'), -1)).toThrow(RangeError);
      expect(() => china.addWorkingDays(at('2026-03-02'), 1.5)).toThrow(RangeError);
      expect(() => china.addWorkingDays(at('2026-03-02'), Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
    });
  });

  describe('missingYears', () => {
    const loaded = new WorkingCalendar([], { loadedYears: [2025, 2026] });

    it('names the years not loaded among the days a clock counts, the start day excluded', () => {
      expect(loaded.missingYears(at('2026-03-02'), '2026-12-31')).toEqual([]);
      expect(loaded.missingYears(at('2026-12-14'), '2027-01-11')).toEqual([2027]);
      expect(loaded.missingYears(at('2024-12-30'), '2028-01-03')).toEqual([2024, 2027, 2028]);
      // A clock started on Dec 31 counts from Jan 1: the start's year is not needed.
      expect(loaded.missingYears(at('2024-12-31'), '2025-02-01')).toEqual([]);
    });

    it('names none for a calendar that does not track its years', () => {
      expect(plain.missingYears(at('2026-12-14'), '2030-01-11')).toEqual([]);
      expect(plain.years).toBeNull();
      expect(loaded.years).toEqual([2025, 2026]);
    });
  });

  describe('construction', () => {
    const day = (date: string, working = false): CalendarDay => ({ date, working, note: '' });

    it('rejects malformed and repeated dates', () => {
      expect(() => new WorkingCalendar([day('2026-13-01')])).toThrow(RangeError);
      expect(() => new WorkingCalendar([day('2026-01-01'), day('2026-01-01', true)])).toThrow(/listed twice/);
    });

    it('reads table rows with day as text and refuses a Date', () => {
      const calendar = WorkingCalendar.fromRows([
        { day: '2026-03-03', working: false, note: null },
        { day: '2026-03-07', working: true },
      ]);
      expect(calendar.isWorkingDay('2026-03-03')).toBe(false);
      expect(calendar.isWorkingDay('2026-03-07')).toBe(true);
      // Mon Mar 2 -> Sat Mar 7: Mar 4, 5, 6, 7
      expect(calendar.workingDaysBetween(at('2026-03-02'), at('2026-03-07'))).toBe(4);
      expect(() => WorkingCalendar.fromRows([{ day: new Date() as unknown as string, working: true }])).toThrow(
        /day::text/,
      );
    });
  });
});

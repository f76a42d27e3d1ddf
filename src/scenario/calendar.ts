/** The time axis of a run: one step is a month, a week or a year. */
export interface Calendar {
  step: 'month' | 'week' | 'year';
  /** first step's date as days since 1970-01-01 (UTC) */
  startDay: number;
  startYear: number;
  startMonth: number;
  /** number of steps from start to end inclusive */
  steps: number;
  /** length of a step in years, the unit of every rate */
  dt: number;
  /** length of a step in months */
  monthsPerStep: number;
}

const DAY_MS = 86_400_000;

/** Returns the UTC time of a date; unlike Date.UTC, years 0–99 stay themselves (not 1900–1999). */
function utc(year: number, month0: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month0, day);
  return d.getTime();
}

/** Parses YYYY, YYYY-MM or YYYY-MM-DD; returns undefined when the text is not a real date. */
export function parseDate(value: unknown): { year: number; month: number; day: number } | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12) return undefined;
  const daysInMonth = new Date(utc(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  return { year, month, day };
}

/** Returns the calendar for a start and end date, or undefined when end precedes start. */
export function makeCalendar(
  start: { year: number; month: number; day: number },
  end: { year: number; month: number; day: number },
  step: Calendar['step'],
): Calendar | undefined {
  const startDay = utc(start.year, start.month - 1, start.day) / DAY_MS;
  const base = { step, startDay, startYear: start.year, startMonth: start.month };
  const steps = stepIndex({ ...base, steps: 0, dt: 0, monthsPerStep: 0 }, end) + 1;
  if (steps < 1) return undefined;
  const monthsPerStep = step === 'month' ? 1 : step === 'year' ? 12 : 12 / (365.25 / 7);
  return { ...base, steps, dt: monthsPerStep / 12, monthsPerStep };
}

/** Returns the step at which a date falls (may be negative or past the end). */
export function stepIndex(cal: Calendar, date: { year: number; month: number; day: number }): number {
  switch (cal.step) {
    case 'month':
      return (date.year - cal.startYear) * 12 + (date.month - cal.startMonth);
    case 'year':
      return date.year - cal.startYear;
    case 'week':
      return Math.floor((utc(date.year, date.month - 1, date.day) / DAY_MS - cal.startDay) / 7);
  }
}

/** Returns the label of a step's date: YYYY-MM for months, YYYY for years, YYYY-MM-DD for weeks. */
export function dateLabel(cal: Calendar, step: number): string {
  if (cal.step === 'year') return String(cal.startYear + step);
  if (cal.step === 'month') {
    const m = cal.startMonth - 1 + step;
    const year = cal.startYear + Math.floor(m / 12);
    const month = (((m % 12) + 12) % 12) + 1;
    return `${year}-${String(month).padStart(2, '0')}`;
  }
  return new Date((cal.startDay + step * 7) * DAY_MS).toISOString().slice(0, 10);
}

/** Returns a step's date as a fractional year, e.g. 1999.083 for Feb 1999. */
export function decimalYear(cal: Calendar, step: number): number {
  if (cal.step === 'week') {
    const d = new Date((cal.startDay + step * 7) * DAY_MS);
    const y = d.getUTCFullYear();
    const start = utc(y, 0, 1);
    return y + (d.getTime() - start) / (utc(y + 1, 0, 1) - start);
  }
  return cal.startYear + (cal.startMonth - 1) / 12 + step * cal.dt;
}

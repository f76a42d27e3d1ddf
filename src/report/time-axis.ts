/** The x encoding of every time chart: UTC dates, labelled by year, so the machine's time zone never shifts a point. */
export function timeX(title = 'Date') {
  return { field: 'date', type: 'temporal', timeUnit: 'utcyearmonthdate', title, axis: { format: '%Y', labelAngle: 0, tickCount: 12 } } as const;
}

/** Turns a step date label (YYYY, YYYY-MM or YYYY-MM-DD) into an ISO date Vega parses as UTC. */
export function isoDate(label: string): string {
  if (/^\d{4}$/.test(label)) return `${label}-01-01`;
  if (/^\d{4}-\d{2}$/.test(label)) return `${label}-01`;
  return label;
}

/** Returns fractional months between two step labels, for laying out labels along a time axis. */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma] = isoDate(a).split('-').map(Number);
  const [yb, mb] = isoDate(b).split('-').map(Number);
  return (yb - ya) * 12 + (mb - ma);
}

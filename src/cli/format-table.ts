/** Lays out rows as a plain-text table; numbers are right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly (string | number)[])[], indent = '  '): string {
  const cells = [header, ...rows].map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)));
  const widths = header.map((_, k) => Math.max(...cells.map((r) => (r[k] ?? '').length)));
  const numeric = header.map((_, k) => rows.length > 0 && rows.every((r) => typeof r[k] === 'number' || /^[-−+]?[\d.]+/.test(String(r[k]))));
  return cells
    .map((r) => indent + r.map((c, k) => (numeric[k] && k > 0 ? c.padStart(widths[k]) : c.padEnd(widths[k]))).join('  ').trimEnd())
    .join('\n');
}

/** Formats a number for people: 3 significant decimals, a real minus sign, "–" for NaN. */
export function formatNumber(x: number, digits = 3): string {
  if (Number.isNaN(x)) return '–';
  if (Number.isInteger(x) && Math.abs(x) < 1e9) return String(x).replace('-', '−');
  return x.toFixed(digits).replace('-', '−');
}

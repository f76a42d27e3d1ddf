/** Returns a `--set` path segment for a list entry's id: `.id`, or `[id]` when the id holds a dot. */
export function idSegment(id: string): string {
  return /^[A-Za-z0-9_-]+$/.test(id) ? `.${id}` : `[${id}]`;
}

/** Rounds a value written into a `--set` assignment to four decimals, so commands stay readable. */
export function round4(x: number): number {
  return Number(x.toFixed(4));
}

/**
 * A problem found in a scenario, as plain data. The core never throws for bad input; it returns
 * issues and the shell prints them as `file:line:col  path  message`.
 */
export interface ScenarioIssue {
  /** stable code, e.g. "unknown-key", "unknown-id", "invalid-type" */
  code: string;
  /** key path into the scenario document, e.g. ["events", 3, "date"] */
  path: (string | number)[];
  /** what was expected and what was found, in one sentence */
  message: string;
  /** a fix to try, e.g. `did you mean "receptivity"?` */
  suggestion?: string;
  /** where the problem is: file name and 1-based line and column, when known */
  file?: string;
  line?: number;
  column?: number;
}

export function issue(
  code: string,
  path: (string | number)[],
  message: string,
  suggestion?: string,
): ScenarioIssue {
  return suggestion ? { code, path, message, suggestion } : { code, path, message };
}

/** Formats a key path the way a user writes it: events[3].date. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out || '(document)';
}

/** Returns the edit distance between two strings, a swap of neighbours counting as one edit. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Returns the candidate closest to `word` when it is close enough to be a likely misspelling. */
export function closest(word: string, candidateList: Iterable<string>): string | undefined {
  const candidates = [...candidateList];
  let best: string | undefined;
  let bestDistance = Infinity;
  let bestExact = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    const exact = distance(word, c);
    if (d < bestDistance || (d === bestDistance && exact < bestExact)) {
      best = c;
      bestDistance = d;
      bestExact = exact;
    }
  }
  // A one-letter id is "close" to every other one-letter id; only suggest what shares most letters.
  const limit = Math.max(1, Math.floor(word.length / 3));
  if (bestDistance <= limit && bestDistance < word.length) return best;
  // An id given by some of its parts ("mumbai-2008" for "mumbai-attacks-2008") is plainly meant.
  const parts = word.toLowerCase().split(/[-_.:]/).filter((p) => p.length > 1);
  if (parts.length > 1) {
    const matches = candidates.filter((c) => parts.every((p) => c.toLowerCase().includes(p)));
    if (matches.length === 1) return matches[0];
  }
  // A word cut short ("rivalry" for "rivalries") is far in edits but plainly meant.
  if (word.length >= 4) {
    for (const c of candidates) {
      const stem = word.toLowerCase().slice(0, Math.max(4, word.length - 2));
      if (c.toLowerCase().startsWith(stem)) return c;
    }
  }
  return undefined;
}

/** Returns `did you mean "x"?` for a misspelt word, or undefined. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = closest(word, candidates);
  return match === undefined ? undefined : `did you mean "${match}"?`;
}

/** Describes a found value briefly for messages: strings quoted, long values cut. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return 'a mapping';
}

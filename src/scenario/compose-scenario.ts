import { issue, type ScenarioIssue } from './issues.ts';
import { dropRemoved, isPlainObject, mergeScenario } from './merge-scenario.ts';
import { parseScenarioText, type ParsedDocument, type PathSegment } from './parse-document.ts';
import { resolveScenario, flattenParameters } from './resolve-scenario.ts';
import type { Limits } from './limits.ts';
import type { ParameterTree } from './schema.ts';
import { applySet } from './set-path.ts';
import type { Scenario } from './types.ts';

/** Reads a scenario file by name, relative to the file that `extends` it; the shell supplies it. */
export type SourceReader = (name: string, from?: string) => { file: string; text: string } | { error: string };

export interface ComposeResult {
  scenario?: Scenario;
  issues: ScenarioIssue[];
  /** the merged document after `extends` and `--set`, before validation */
  document: unknown;
  /** the files read, entry first */
  files: { file: string; text: string }[];
}

const MAX_EXTENDS_DEPTH = 16;

/**
 * Loads a scenario: reads the entry file and the chain it `extends`, merges them, applies
 * `--set` assignments, validates and resolves within `limits` (defaults: DEFAULT_LIMITS). Every
 * issue carries file, line and column when the problem can be traced to a file.
 */
export function composeScenario(entry: string, read: SourceReader, sets: readonly string[] = [], limits: Partial<Limits> = {}): ComposeResult {
  const files: { file: string; text: string }[] = [];
  const parsed: ParsedDocument[] = [];
  const issues: ScenarioIssue[] = [];
  const origins: Record<string, string> = {};

  const load = (name: string, from: ParsedDocument | undefined, chain: string[]): unknown => {
    const got = read(name, from?.file);
    const atExtends = (found: ScenarioIssue) => (from ? locateIssue(found, [from]) : found);
    if ('error' in got) {
      issues.push(atExtends(issue('read-error', from ? ['extends'] : [], got.error)));
      return undefined;
    }
    if (chain.includes(got.file)) {
      issues.push(atExtends(issue('extends-cycle', ['extends'], `expected a chain of files without cycles, found ${[...chain, got.file].join(' → ')}`)));
      return undefined;
    }
    if (chain.length >= MAX_EXTENDS_DEPTH) {
      issues.push(atExtends(issue('extends-depth', ['extends'], `expected at most ${MAX_EXTENDS_DEPTH} levels of extends`)));
      return undefined;
    }
    files.push(got);
    const doc = parseScenarioText(got.file, got.text);
    parsed.push(doc);
    issues.push(...doc.issues);
    if (doc.issues.length > 0) return undefined;
    if (!isPlainObject(doc.value)) {
      issues.push({ ...issue('not-a-mapping', [], 'expected a mapping of scenario keys at the top of the file'), file: got.file, line: 1, column: 1 });
      return undefined;
    }
    const { extends: parent, ...own } = doc.value;
    // Parameters may be nested or dotted; one flat form lets variants and --set override either.
    if (isPlainObject(own.parameters)) {
      const flat: Record<string, unknown> = {};
      for (const { path, value } of flattenParameters(own.parameters as ParameterTree)) {
        if (path in flat) issues.push(locateIssue(issue('duplicate-parameter', ['parameters', ...path.split('.')], `expected each parameter once, found "${path}" twice (nested and dotted)`), [doc]));
        flat[path] = value;
      }
      own.parameters = flat;
    }
    let merged: unknown = own;
    if (parent !== undefined) {
      if (typeof parent !== 'string') {
        issues.push(locateIssue(issue('invalid-type', ['extends'], 'expected the name of a scenario file'), [doc]));
        return undefined;
      }
      const base = load(parent, doc, [...chain, got.file]);
      if (base === undefined) return undefined;
      merged = mergeScenario(base, own);
    }
    if (isPlainObject(own.parameters)) {
      for (const { path } of flattenParameters(own.parameters as ParameterTree)) origins[path] = got.file;
    }
    return merged;
  };

  let document = load(entry, undefined, []);
  if (document === undefined) return { issues, document, files };
  document = dropRemoved(document);
  const targets: { assignment: string; target: PathSegment[] }[] = [];
  for (const assignment of sets) {
    const r = applySet(document, assignment);
    issues.push(...r.issues);
    document = r.doc;
    if (r.target) targets.push({ assignment, target: r.target });
    const [path] = assignment.split('=', 1);
    const bare = path.startsWith('parameters.') ? path.slice('parameters.'.length) : path;
    origins[bare] = '--set';
  }
  if (issues.length > 0) return { issues, document, files };
  const resolved = resolveScenario(document, origins, limits);
  const located = resolved.issues.map((i) => locateIssue(i, parsed, document, targets));
  // Reading order: by file as loaded (the entry first), then line and column.
  const order = new Map(files.map((f, k) => [f.file, k]));
  located.sort((a, b) => (order.get(a.file ?? '') ?? 99) - (order.get(b.file ?? '') ?? 99) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ...(resolved.scenario ? { scenario: resolved.scenario } : {}), issues: located, document, files };
}

/** Returns id-aware segments for a path in the merged document, so list entries match across files. */
function segmentsFor(document: unknown, path: readonly (string | number)[]): PathSegment[] {
  const out: PathSegment[] = [];
  let node = document;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') {
      const entry = node[key];
      const id = isPlainObject(entry) ? (entry.id ?? entry.group) : undefined;
      out.push(typeof id === 'string' ? { id } : key);
      node = entry;
    } else {
      out.push(key);
      node = isPlainObject(node) ? node[key as string] : undefined;
    }
  }
  return out;
}

/** Adds file, line and column: the most derived file that holds the path wins. */
function locateIssue(
  found: ScenarioIssue,
  docs: ParsedDocument[],
  document?: unknown,
  targets: readonly { assignment: string; target: PathSegment[] }[] = [],
): ScenarioIssue {
  if (found.file) return found;
  const segments = document === undefined ? found.path : segmentsFor(document, found.path);
  const same = (a: PathSegment, b: PathSegment) => (typeof a === 'object' && typeof b === 'object' ? a.id === b.id : a === b);
  for (const { assignment, target } of [...targets].reverse()) {
    if (target.length <= segments.length && target.every((t, k) => same(t, segments[k]))) return { ...found, file: `--set ${assignment}` };
  }
  let fallback: ScenarioIssue | undefined;
  for (const doc of docs) {
    const pos = doc.locate(segments);
    if (pos?.exact) return { ...found, file: doc.file, line: pos.line, column: pos.column };
    if (pos && !fallback) fallback = { ...found, file: doc.file, line: pos.line, column: pos.column };
  }
  return fallback ?? found;
}

import { parse as parseYamlScalar } from 'yaml';
import { PARAMETER_BY_PATH } from '../model/parameters.ts';
import { didYouMean, issue, type ScenarioIssue } from './issues.ts';
import { isPlainObject } from './merge-scenario.ts';
import type { PathSegment } from './parse-document.ts';

const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const TOP_LEVEL_KEYS = [
  'name', 'description', 'sources', 'seed', 'calendar', 'states', 'rivalries', 'agents', 'trust',
  'parameters', 'mechanisms', 'events', 'stochastic',
];

/** Splits `events[lahore].enabled` or `states.PK.receptivity` into segments. */
export function splitSetPath(path: string): string[] {
  const segments: string[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) segments.push(m[1] ?? m[2]);
  return segments;
}

/**
 * Applies one `--set path=value` assignment to a scenario document (a copy is returned).
 * A list entry is addressed by its id or index; a bare parameter path such as `transfer.mu` means
 * `parameters.transfer.mu`. The value is read as a YAML scalar, so `0.5`, `true` and `[a, b]` work;
 * the result is then validated like a file.
 */
export function applySet(doc: unknown, assignment: string): { doc: unknown; issues: ScenarioIssue[]; target?: PathSegment[] } {
  const eq = assignment.indexOf('=');
  const where: (string | number)[] = [];
  const at = (i: ScenarioIssue): ScenarioIssue => ({ ...i, file: `--set ${assignment}` });
  if (eq <= 0) {
    return { doc, issues: [at(issue('set-syntax', where, 'expected path=value, e.g. states.PK.receptivity=0.8'))] };
  }
  const rawPath = assignment.slice(0, eq).trim();
  let value: unknown;
  try {
    value = parseYamlScalar(assignment.slice(eq + 1));
  } catch {
    value = assignment.slice(eq + 1);
  }
  let segments = splitSetPath(rawPath);
  // Sweep specs carry assignments too, and they travel between people: no path may reach a prototype.
  const unsafe = segments.find((s) => UNSAFE_KEYS.has(s));
  if (unsafe !== undefined) {
    return { doc, issues: [at(issue('set-unknown-key', where, `"${unsafe}" cannot be part of a path: it is not a scenario key`))] };
  }
  if (!TOP_LEVEL_KEYS.includes(segments[0]) && PARAMETER_BY_PATH.has(rawPath)) {
    segments = ['parameters', ...segments];
  }
  if (!TOP_LEVEL_KEYS.includes(segments[0])) {
    const hint = didYouMean(segments[0], TOP_LEVEL_KEYS) ?? didYouMean(rawPath, PARAMETER_BY_PATH.keys());
    return {
      doc,
      issues: [at(issue('set-unknown-key', where, `"${rawPath}" is neither a scenario key nor a model parameter`, hint))],
    };
  }
  const root = structuredClone(doc) as Record<string, unknown>;
  if (segments[0] === 'parameters' && segments.length > 1) {
    // parameters are kept flat, keyed by their dotted path (see compose-scenario.ts)
    const params = isPlainObject(root.parameters) ? root.parameters : (root.parameters = {});
    (params as Record<string, unknown>)[segments.slice(1).join('.')] = value;
    return { doc: root, issues: [], target: segments };
  }
  let node: unknown = root;
  const target: PathSegment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i];
    target.push(Array.isArray(node) ? (/^\d+$/.test(key) ? Number(key) : { id: key }) : key);
    if (i === segments.length - 1) break;
    const child = step(node, key);
    if (child.error) return { doc, issues: [at(issue('set-unknown-id', where, child.error, child.hint))] };
    if (child.value === undefined && isPlainObject(node)) {
      node[key] = {};
      node = node[key];
    } else {
      node = child.value;
    }
  }
  const last = segments[segments.length - 1];
  if (Array.isArray(node)) {
    const target = step(node, last);
    if (target.error) return { doc, issues: [at(issue('set-unknown-id', where, target.error, target.hint))] };
    const index = node.indexOf(target.value);
    node[index] = value;
  } else if (isPlainObject(node)) {
    node[last] = value;
  } else {
    return { doc, issues: [at(issue('set-not-a-mapping', where, `cannot set "${last}" inside a value that is not a mapping`))] };
  }
  return { doc: root, issues: [], target };
}

function step(node: unknown, key: string): { value?: unknown; error?: string; hint?: string } {
  if (Array.isArray(node)) {
    if (/^\d+$/.test(key)) {
      const index = Number(key);
      if (index < node.length) return { value: node[index] };
      return { error: `index ${index} is past the end of a list of ${node.length}` };
    }
    const ids = node.map((e) => (isPlainObject(e) ? (e.id ?? e.group) : undefined)).filter((x) => typeof x === 'string');
    const found = node.find((e) => isPlainObject(e) && (e.id === key || e.group === key));
    if (found !== undefined) return { value: found };
    return { error: `no entry with id "${key}"`, hint: didYouMean(key, ids as string[]) };
  }
  if (isPlainObject(node)) return { value: Object.hasOwn(node, key) ? node[key] : undefined };
  return { error: `"${key}" is inside a value that is not a mapping` };
}

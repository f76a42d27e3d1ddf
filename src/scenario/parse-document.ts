import { isCollection, isMap, isSeq, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml';
import { issue, type ScenarioIssue } from './issues.ts';

/** A key, a list index, or a list entry named by its `id` (or `group`), which survives merging. */
export type PathSegment = string | number | { id: string };

/** A parsed scenario file: its plain value and a way back from key paths to positions. */
export interface ParsedDocument {
  file: string;
  value: unknown;
  /** Returns the 1-based line and column of the deepest node on `path` that exists in this file. */
  locate(path: readonly PathSegment[]): { line: number; column: number; exact: boolean } | undefined;
  issues: ScenarioIssue[];
}

// Guards against alias bombs ("billion laughs"): far more alias expansions than any scenario needs.
export const MAX_ALIAS_COUNT = 1000;
// A scenario nests five levels deep (events[3].set.receptivity); deeper input is hostile or broken,
// and recursive code further on (merging, validation) must never see it.
export const MAX_NESTING = 32;

/** Parses YAML (JSON is a subset) and keeps node positions for error messages. */
export function parseScenarioText(file: string, text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const issues: ScenarioIssue[] = [];
  const at = (offset: number) => lineCounter.linePos(offset);
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = at(e.pos[0]);
    issues.push({ ...issue('syntax', [], syntaxMessage(e.message)), file, line: pos.line, column: pos.col });
  }
  // A list or mapping used as a key (`? [a, b] : c`) has no place in a scenario; refused here, before
  // conversion would stringify it with a warning on the console.
  if (doc.errors.length === 0) {
    visit(doc, {
      Pair(_key, pair) {
        if (!isCollection(pair.key)) return undefined;
        const pos = at(pair.key.range?.[0] ?? 0);
        issues.push({ ...issue('syntax', [], 'expected a plain key (a name), found a list or mapping used as a key'), file, line: pos.line, column: pos.col });
        return visit.BREAK;
      },
    });
  }
  let value: unknown = undefined;
  if (issues.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      issues.push({ ...issue('syntax', [], syntaxMessage((e as Error).message)), file, line: 1, column: 1 });
    }
  }
  if (issues.length === 0) {
    const shape = checkShape(value);
    if (shape) {
      const pos = locate(shape.path);
      issues.push({ ...issue(shape.code, shape.path, shape.message), file, line: pos?.line ?? 1, column: pos?.column ?? 1 });
      value = undefined;
    }
  }
  function locate(path: readonly PathSegment[]) {
    let node: unknown = doc.contents;
    let exact = true;
    let found = node as YamlNode | null;
    for (let k = 0; k < path.length; k++) {
      const key = path[k];
      let next: unknown;
      if (isMap(node)) {
        const keyOf = (p: { key: unknown }) => (p.key as { value?: unknown } | null)?.value;
        let pair = node.items.find((p) => keyOf(p) === key);
        // Parameters may be written dotted ("forgetting.delta": 2): the rest of the path as one key.
        const dotted = path.slice(k).join('.');
        if (!pair && path.slice(k).every((s) => typeof s === 'string')) {
          pair = node.items.find((p) => keyOf(p) === dotted);
          if (pair) k = path.length - 1;
        }
        next = pair ? (pair.value ?? pair.key) : undefined;
        if (pair && !pair.value) found = pair.key as YamlNode;
      } else if (isSeq(node) && typeof key === 'number') {
        next = node.items[key];
      } else if (isSeq(node) && typeof key === 'object') {
        next = node.items.find(
          (item) => isMap(item) && (item.get('id') === key.id || item.get('group') === key.id),
        );
      }
      if (next === undefined || next === null) {
        exact = false;
        break;
      }
      node = next;
      found = next as YamlNode;
    }
    const range = (found as { range?: [number, number, number] } | null)?.range;
    if (!range) return undefined;
    const pos = at(range[0]);
    return { line: pos.line, column: pos.col, exact };
  }
  return { file, value, locate, issues };
}


/** Rewrites the yaml package's messages for hostile input into what to do about it. */
function syntaxMessage(message: string): string {
  const first = message.split('\n')[0];
  if (/maximum call stack/i.test(first)) return `expected at most ${MAX_NESTING} levels of nesting; this file nests lists or mappings too deeply to read`;
  if (/excessive alias count/i.test(first)) {
    return `expected at most ${MAX_ALIAS_COUNT} uses of aliases (*name); this file expands them far more often, as an "alias bomb" does`;
  }
  return first;
}

/**
 * Walks a parsed value without recursion and returns the first thing no scenario holds: nesting
 * beyond MAX_NESTING, or a `__proto__` key (which would reach an object's prototype when merged).
 */
function checkShape(value: unknown): { code: string; path: (string | number)[]; message: string } | undefined {
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: value, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (path.length >= MAX_NESTING) return { code: 'too-deep', path, message: `expected at most ${MAX_NESTING} levels of nesting, found more` };
    if (!Array.isArray(node) && Object.getPrototypeOf(node) !== Object.prototype) {
      return { code: 'invalid-type', path, message: 'expected a number, string, list or mapping, found a value of another YAML type (such as !!binary or !!set)' };
    }
    if (Array.isArray(node)) {
      node.forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
      continue;
    }
    for (const key of Object.keys(node)) {
      if (key === '__proto__') return { code: 'unknown-key', path: [...path, key], message: 'unknown key "__proto__"; no scenario or spec has it' };
      stack.push({ node: (node as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}

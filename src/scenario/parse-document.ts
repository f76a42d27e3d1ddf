import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
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

// Guards against alias bombs ("billion laughs"): far more aliases than any scenario needs.
const MAX_ALIAS_COUNT = 1000;

/** Parses YAML (JSON is a subset) and keeps node positions for error messages. */
export function parseScenarioText(file: string, text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const issues: ScenarioIssue[] = [];
  const at = (offset: number) => lineCounter.linePos(offset);
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = at(e.pos[0]);
    issues.push({ ...issue('syntax', [], e.message.split('\n')[0]), file, line: pos.line, column: pos.col });
  }
  let value: unknown = undefined;
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      issues.push({ ...issue('syntax', [], (e as Error).message), file, line: 1, column: 1 });
    }
  }
  function locate(path: readonly PathSegment[]) {
    let node: unknown = doc.contents;
    let exact = true;
    let found = node as YamlNode | null;
    for (const key of path) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
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


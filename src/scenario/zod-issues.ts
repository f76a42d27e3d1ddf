import type { z } from 'zod';
import { describeValue, didYouMean, issue, type ScenarioIssue } from './issues.ts';

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Returns the keys a strict object accepts at `path` of the schema, for "did you mean". */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let nodes: unknown[] = [schema];
  for (const key of [...path, null]) {
    const next: unknown[] = [];
    const keys: string[] = [];
    const visit = (node: unknown): void => {
      const def = defOf(node);
      switch (def.type) {
        case 'optional':
        case 'default':
        case 'nullable':
        case 'prefault':
          return visit(def.innerType);
        case 'lazy':
          return visit((def.getter as () => unknown)());
        case 'union':
          return (def.options as unknown[]).forEach(visit);
        case 'object': {
          const shape = def.shape as Record<string, unknown>;
          if (key === null) keys.push(...Object.keys(shape));
          else if (typeof key === 'string' && key in shape) next.push(shape[key]);
          return;
        }
        case 'array':
          if (typeof key === 'number') next.push(def.element);
          return;
        case 'tuple':
          if (typeof key === 'number') next.push((def.items as unknown[])[key]);
          return;
        case 'record':
          if (key !== null) next.push(def.valueType);
          return;
      }
    };
    nodes.forEach(visit);
    if (key === null) return keys;
    nodes = next;
  }
  return [];
}

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let node = doc;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function expectedFromType(expected: string): string {
  switch (expected) {
    case 'number':
      return 'a number';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping';
    default:
      return expected;
  }
}

/** Turns zod's issues into scenario issues that say what was expected and what was found. */
export function fromZodIssues(schema: z.ZodType, doc: unknown, zodIssues: readonly z.core.$ZodIssue[]): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const zi of zodIssues) {
    const path = zi.path.filter((k): k is string | number => typeof k !== 'symbol');
    const found = describeValue(valueAt(doc, path));
    switch (zi.code) {
      case 'unrecognized_keys':
        for (const key of zi.keys) {
          const known = knownKeysAt(schema, path);
          out.push(
            issue('unknown-key', [...path, key], `unknown key "${key}"; expected one of ${known.join(', ')}`, didYouMean(key, known)),
          );
        }
        break;
      case 'invalid_type':
        if (found === 'nothing') out.push(issue('missing-key', path, `expected ${expectedFromType(zi.expected)}, found nothing: this key is required`));
        else out.push(issue('invalid-type', path, `expected ${expectedFromType(zi.expected)}, found ${found}`));
        break;
      case 'invalid_value': {
        const values = zi.values.map(String);
        const shown = values.length > 12 ? `${values.slice(0, 12).join(', ')}, ...` : values.join(', ');
        out.push(
          issue('invalid-value', path, `expected one of ${shown}; found ${found}`, typeof valueAt(doc, path) === 'string' ? didYouMean(String(valueAt(doc, path)), values) : undefined),
        );
        break;
      }
      case 'too_small':
      case 'too_big': {
        const bound = zi.code === 'too_small' ? (zi.inclusive ? '≥' : '>') : zi.inclusive ? '≤' : '<';
        const what =
          zi.origin === 'array' ? `a list with ${bound} ${zi.code === 'too_small' ? zi.minimum : zi.maximum} entries` :
          zi.origin === 'string' ? 'a non-empty string' :
          `a number ${bound} ${zi.code === 'too_small' ? zi.minimum : zi.maximum}`;
        out.push(issue('out-of-range', path, `expected ${what}, found ${found}`));
        break;
      }
      case 'invalid_union':
        out.push(issue('invalid-type', path, `expected ${unionExpectation(path)}, found ${found}`));
        break;
      case 'invalid_format':
        out.push(issue('invalid-format', path, `expected ${zi.message}, found ${found}`));
        break;
      default:
        out.push(issue('invalid', path, `${zi.message}; found ${found}`));
    }
  }
  return out;
}

function unionExpectation(path: readonly (string | number)[]): string {
  const last = path[path.length - 1];
  if (last === 'severity') return 'a number in [0, 1] or a range [min, max]';
  if (last === 'from' || last === 'to') return 'a selector or a list of selectors';
  if (last === 'against') return 'a state id or a list of state ids';
  if (last === 'cameo') return 'a CAMEO code such as "057"';
  if (path[0] === 'parameters') return 'a number, an expression string, or a mapping of parameters';
  return 'a number or an expression string';
}

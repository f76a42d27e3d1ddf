import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { expectWellFormed, loadTexts, SHIPPED } from './fuzz-helpers.ts';

/*
 * Mutations of the shipped scenarios: a key dropped, an entry duplicated, a value retyped, two
 * values swapped, a number pushed to an extreme, an id copied, a value nested deeply or made huge.
 * Each mutated file must load, or fail with a list of located issues; never throw or hang.
 */

type Path = (string | number)[];

/** Lists every path of a document, the root excluded, depth first. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

function get(doc: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], doc);
}

function parentOf(doc: unknown, path: Path): { parent: Record<string | number, unknown> | unknown[]; key: string | number } {
  return { parent: get(doc, path.slice(0, -1)) as Record<string, unknown>, key: path[path.length - 1] };
}

function set(doc: unknown, path: Path, value: unknown): void {
  const { parent, key } = parentOf(doc, path);
  (parent as Record<string | number, unknown>)[key] = value;
}

const EXTREMES = [1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, -0, NaN, Infinity, -Infinity, 2 ** 53 + 1, -1, 0, 1, 1e6, 1e-300, 0.5];

/** A replacement value of any YAML type, extremes and oddities included. */
const replacement = fc.oneof(
  fc.constantFrom(...EXTREMES),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('x'.repeat(10_000), '', ' ', 'year > 2000 ? 0.1 : 0.2', 'import("fs")', 'H_ARL * 1e308', '2000-13', '1999-02', '*', 'ARL', 'ARL:track2', '0057', '\u0000', '\u202e'),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxKeys: 3 }),
);

const MUTATIONS = ['drop', 'duplicate', 'retype', 'swap', 'extreme', 'copy-id', 'nest', 'huge-list', 'self-extends'] as const;
type Mutation = { kind: (typeof MUTATIONS)[number]; at: number; other: number; value: unknown };
const mutation = fc.record({ kind: fc.constantFrom(...MUTATIONS), at: fc.nat(), other: fc.nat(), value: replacement });

/** Applies a mutation in place; `at` and `other` pick paths modulo the number of paths. */
function mutate(doc: Record<string, unknown>, m: Mutation): void {
  const all = paths(doc);
  if (all.length === 0) return;
  const path = all[m.at % all.length];
  const other = all[m.other % all.length];
  const { parent, key } = parentOf(doc, path);
  switch (m.kind) {
    case 'drop':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Record<string, unknown>)[key];
      return;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]));
      else (parent as Record<string, unknown>)[`${key}`] = structuredClone(get(doc, other));
      return;
    case 'retype':
    case 'extreme':
      return set(doc, path, m.kind === 'extreme' ? EXTREMES[m.other % EXTREMES.length] : m.value);
    case 'swap': {
      if (path.length <= other.length && other.slice(0, path.length).every((k, i) => k === path[i])) return;
      if (other.length <= path.length && path.slice(0, other.length).every((k, i) => k === other[i])) return;
      const a = get(doc, path);
      set(doc, path, get(doc, other));
      set(doc, other, a);
      return;
    }
    case 'copy-id': {
      const ids = all.filter((p) => p[p.length - 1] === 'id');
      if (ids.length >= 2) set(doc, ids[m.at % ids.length], get(doc, ids[m.other % ids.length]));
      return;
    }
    case 'nest': {
      let v: unknown = get(doc, path);
      for (let i = 0; i < 20 + (m.other % 30); i++) v = i % 2 ? [v] : { k: v };
      return set(doc, path, v);
    }
    case 'huge-list':
      return set(doc, path, Array.from({ length: 200 + (m.other % 300) }, (_, i) => (m.other % 2 ? i : { id: `x${i}` })));
    case 'self-extends':
      doc.extends = 'main.yaml';
      return;
  }
}

function fuzzShipped(name: string, runs: number, seed: number) {
  const base = parse(SHIPPED[name]) as Record<string, unknown>;
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.nat(2), (mutations, style) => {
      const doc = structuredClone(base);
      for (const m of mutations) mutate(doc, m);
      // JSON has no NaN or Infinity: JSON.stringify writes null, which must be refused as well
      const text = style > 0 ? JSON.stringify(doc) : stringify(doc);
      expectWellFormed(loadTexts({ 'main.yaml': text }));
    }),
    { numRuns: runs, seed },
  );
}

describe('mutations of the shipped scenarios end in a scenario or located issues', () => {
  it('classroom.yaml, 1,300 mutated files', () => fuzzShipped('classroom', 1300, 61));
  it('india-pakistan.yaml, 60 mutated files', () => fuzzShipped('india-pakistan', 60, 62));
  it('korean-peninsula.yaml, 60 mutated files', () => fuzzShipped('korean-peninsula', 60, 63));

  it('names the mutation in the issue: non-finite numbers, duplicate ids, deep nesting, self-extends', () => {
    const base = parse(SHIPPED.classroom) as Record<string, unknown>;
    const load = (edit: (doc: Record<string, unknown>) => void) => {
      const doc = structuredClone(base);
      edit(doc);
      return loadTexts({ 'main.yaml': stringify(doc) }).issues.map((i) => `${i.path.join('.')} ${i.message}`);
    };
    const states = (doc: Record<string, unknown>) => doc.states as Record<string, unknown>[];
    expect(load((d) => (states(d)[0].receptivity = NaN))).toEqual(['states.0.receptivity expected a number or an expression string, found NaN']);
    expect(load((d) => (states(d)[0].receptivity = Infinity))).toEqual(['states.0.receptivity expected a number or an expression string, found Infinity']);
    expect(load((d) => (states(d)[0].receptivity = 1e308))[0]).toMatch(/^states\.0\.receptivity expected a number in \[0, 1\]/);
    expect(load((d) => (states(d)[1].id = 'ARL'))[0]).toMatch(/^states\.1\.id expected a unique id, found "ARL" again/);
    expect(load((d) => (states(d)[0].name = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['deep']]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]))[0]).toContain('expected at most 32 levels of nesting');
    expect(load((d) => (d.extends = 'main.yaml'))).toEqual(['extends expected a chain of files without cycles, found main.yaml → main.yaml']);
    expect(load((d) => (d.description = 'x'.repeat(1_000_000)))).toEqual([]);
    expect(load((d) => (d.events = Array.from({ length: 5000 }, (_, i) => ({ id: `e${i}`, kind: 'skirmish', date: '2001-01', by: 'ARL', severity: 0.1 }))))).toEqual([]);
    expect(load((d) => (d.agents = Array.from({ length: 21000 }, (_, i) => ({ id: `a${i}`, kind: 'negotiator', side: 'ARL' })))).join('\n')).toContain('agents expected at most 20000 agents, states included, found 21002');
  });
});

/** Random edits of the text itself: the parser must survive whatever a broken editor leaves. */
describe('text-level damage to a shipped scenario ends in located issues', () => {
  const text = SHIPPED.classroom;
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(text.length), length: fc.nat(200) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(text.length), chars: fc.string({ unit: fc.constantFrom(...':-[]{}&*!|>\'"#%@`,?\n \t\\0a1.'), maxLength: 12 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(text.length) }),
  );
  it('800 damaged copies of classroom.yaml', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let t = text;
        for (const e of edits) {
          const at = e.at % (t.length + 1);
          if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + e.length);
          else if (e.kind === 'insert') t = t.slice(0, at) + e.chars + t.slice(at);
          else t = t.slice(0, at);
        }
        expectWellFormed(loadTexts({ 'main.yaml': t }));
      }),
      { numRuns: 800, seed: 64 },
    );
  });
});

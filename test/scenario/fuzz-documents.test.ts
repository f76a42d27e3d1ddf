import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { EVENT_KINDS, FACILITATOR_TYPES, STRATEGIES, TRACK2_TYPES } from '../../src/model/kinds.ts';
import { PARAMETERS } from '../../src/model/parameters.ts';
import { expectWellFormed, loadTexts } from './fuzz-helpers.ts';

/*
 * Random documents: arbitrary JSON and YAML values, scenario-shaped documents with random
 * content, `extends` graphs with cycles, binary garbage and alias bombs. Every one must load, or
 * fail with located issues; a scenario that loads runs a few steps without NaN (fuzz-helpers.ts).
 */

describe('arbitrary documents', () => {
  it('1,200 random JSON values, as JSON and as YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.boolean(), (value, asYaml) => {
        expectWellFormed(loadTexts({ 'main.yaml': asYaml ? stringify(value) : JSON.stringify(value) }));
      }),
      { numRuns: 1200, seed: 81 },
    );
  });

  it('500 strings of random bytes (binary garbage), read as UTF-8 and as Latin-1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.boolean(), (bytes, utf8) => {
        expectWellFormed(loadTexts({ 'main.yaml': Buffer.from(bytes).toString(utf8 ? 'utf8' : 'latin1') }));
      }),
      { numRuns: 500, seed: 82 },
    );
  });

  it('300 random YAML texts made of YAML punctuation, anchors, aliases, tags and indentation', () => {
    const piece = fc.constantFrom('a', 'name', ':', ': ', '- ', '\n', '  ', '[', ']', '{', '}', ',', '&x ', '*x', '&y ', '*y', '!!str ', '!!binary ', '!!set ', '!!map ', '!!js/function ', '? ', '|', '>', '"', "'", '#', '%YAML 1.2\n', '---\n', '...\n', '<<: ', '1e999', '.nan', '-.inf', '0x1F', '\t', '\u00a0', '\uFEFF');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (pieces) => expectWellFormed(loadTexts({ 'main.yaml': pieces.join('') }))),
      { numRuns: 300, seed: 83 },
    );
  });
});

describe('alias bombs', () => {
  /** A "billion laughs": each level lists the previous one `width` times. */
  const bomb = (levels: number, width: number) =>
    ['l0: &l0 [lol]', ...Array.from({ length: levels }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(width).fill(`*l${i}`).join(', ')}]`)].join('\n') + '\n';

  it('refuses a billion laughs with a clear message, without expanding it', () => {
    const issues = loadTexts({ 'main.yaml': bomb(9, 10) }).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'syntax', file: 'main.yaml', line: 1, column: 1 });
    expect(issues[0].message).toBe('expected at most 1000 uses of aliases (*name); this file expands them far more often, as an "alias bomb" does');
  });

  it('100 random bombs end in the alias message or in ordinary issues', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (levels, width) => {
        const result = loadTexts({ 'main.yaml': bomb(levels, width) });
        expectWellFormed(result);
        // expansions grow as width^levels; far beyond the limit the alias guard must be what stops it
        if (width ** levels > 100_000) expect(result.issues[0].message).toContain('alias bomb');
      }),
      { numRuns: 100, seed: 84 },
    );
  });
});

describe('extends graphs', () => {
  it('300 random graphs of five files end in a scenario, a cycle error or other located issues', () => {
    const base = stringify({ name: 'Base', calendar: { start: '2000-01', end: '2000-12' }, states: [{ id: 'A' }, { id: 'B' }], rivalries: [{ between: ['A', 'B'] }] });
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), { minLength: 5, maxLength: 5 }), (targets) => {
        const name = (k: number) => (k === 0 ? 'main.yaml' : k === 5 ? 'base.yaml' : `f${k}.yaml`);
        const files: Record<string, string> = { 'base.yaml': base };
        targets.forEach((t, k) => (files[name(k)] = stringify({ ...(t !== undefined ? { extends: name(t) } : {}), name: `file ${k}` })));
        const result = loadTexts(files);
        expectWellFormed(result, Object.keys(files));
        // follow the chain from main.yaml: a file met twice is a cycle, which must be named as one
        const seen: number[] = [];
        for (let k: number | undefined = 0; k !== undefined && k !== 5; k = targets[k]) {
          if (seen.includes(k)) {
            expect(result.issues.map((i) => i.code)).toContain('extends-cycle');
            return;
          }
          seen.push(k);
        }
      }),
      { numRuns: 300, seed: 85 },
    );
  });
});

/** Scenario-shaped documents with random content: most reach the checks of meaning, many load and run. */
describe('scenario-shaped random documents', () => {
  /** Mostly something valid, now and then something that is not: so that most documents get far. */
  const usually = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ weight: 60, arbitrary: good }, { weight: 1, arbitrary: bad });
  const ids = ['A', 'B', 'C'];
  const extreme = fc.constantFrom(-1, 1e308, -1e308, 5e-324, -0, NaN, Infinity, 1e6);
  // Constants that are never a number are refused when the file is checked, so the non-finite ones
  // depend on t and reach the run's guard; one constant stays to reach the check.
  const expression = fc.constantFrom('year > 2000.5 ? 0.2 : 0.9', 'H_A * 2', 'tau_A_B', 'log(t - t)', '1 / (t - t)', 'pow(10, 400 + t)', 'trackII', 'sqrt(-1 - t)', 'agreements + t * dt', 'max(H_A, H_B) ^ 40', 'exp(H_A * 1000)', 'H_D', '1 / 0');
  const unit = usually(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1)), extreme);
  const unitOrExpression = fc.oneof({ weight: 6, arbitrary: unit }, { weight: 1, arbitrary: expression });
  const date = usually(fc.constantFrom('2000-01', '2000-06', '2000-12', '2000-03'), fc.constantFrom('1999-01', '2003-01', '2000-13', '2000-02-30', 2000));
  const selector = usually(fc.constantFrom(...ids, 'A:negotiator', 'B:track2', 'C:academic', 'neg-A', 'group-B', '*', 'facilitator'), fc.constantFrom('nobody', 'A:nonsense'));
  const state = (id: string) =>
    fc.record(
      { id: usually(fc.constant(id), fc.constantFrom('A', 'bad id', '')), receptivity: unitOrExpression, hawkishness: unitOrExpression, reaction: unitOrExpression, restraint: unitOrExpression, grievance: unitOrExpression, hostility: usually(fc.double({ min: 0, max: 3, noNaN: true }), extreme), strategy: usually(fc.constantFrom(...STRATEGIES), fc.constant('hawk')) },
      { requiredKeys: ['id'] },
    );
  const agent = fc.oneof(
    fc.record({ id: usually(fc.constantFrom('neg-A', 'neg-B', 'neg-C'), fc.constant('A')), kind: fc.constant('negotiator'), side: usually(fc.constantFrom(...ids), fc.constant('Z')), vulnerability: unit }, { requiredKeys: ['id', 'kind', 'side'] }),
    fc.record({ group: fc.constantFrom('group-A', 'group-B'), kind: fc.constant('track2'), type: usually(fc.constantFrom(...TRACK2_TYPES), fc.constant('spy')), side: fc.constantFrom(...ids), count: usually(fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 1e6, 1e9, 2.5)), access: unit, credibility: unit }, { requiredKeys: ['group', 'kind', 'type', 'side'] }),
    fc.record({ id: fc.constant('host'), kind: fc.constant('facilitator'), type: fc.constantFrom(...FACILITATOR_TYPES), skill: unit }, { requiredKeys: ['id', 'kind'] }),
  );
  const dialogue = fc.record(
    { kind: fc.constantFrom(...EVENT_KINDS.slice(0, 6)), date, participants: fc.array(selector, { minLength: 1, maxLength: 3 }), facilitator: usually(fc.constant('host'), fc.constant('neg-A')), offRecord: fc.boolean(), intensity: usually(fc.double({ min: 0, max: 2, noNaN: true }), extreme), outcome: usually(fc.constantFrom('success', 'failure', 'agreement'), fc.constant('draw')), cameo: fc.constantFrom('057', '036', '9999'), cost: usually(fc.double({ min: 0, max: 10, noNaN: true }), extreme) },
    { requiredKeys: ['kind', 'date', 'participants'] },
  );
  const recurring = fc.record({ kind: fc.constant('track2-workshop'), from: date, to: date, every: usually(fc.integer({ min: 1, max: 6 }), fc.constantFrom(0, 1e9, 0.5)), participants: fc.constant(['A', 'B']) }, { requiredKeys: ['kind', 'from', 'participants'] });
  const shock = fc.record({ kind: fc.constantFrom('terror-attack', 'skirmish', 'nuclear-test'), date, by: fc.constantFrom(...ids), against: fc.oneof(fc.constantFrom(...ids), fc.array(fc.constantFrom(...ids), { minLength: 1, maxLength: 2 })), severity: unit }, { requiredKeys: ['kind', 'date', 'by', 'severity'] });
  const change = fc.record({ kind: fc.constant('political-change'), date, state: fc.constantFrom(...ids), set: fc.record({ receptivity: unitOrExpression, hawkishness: unitOrExpression }, { requiredKeys: [] }), suspendTalks: usually(fc.integer({ min: 0, max: 24 }), extreme), resumeTalks: fc.boolean() }, { requiredKeys: ['kind', 'date', 'state'] });
  const events = fc.array(fc.oneof(dialogue, recurring, shock, change), { maxLength: 5 }).map((list) => list.map((e, k) => ({ id: `e${k}`, ...e })));
  const stochastic = fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('skirmish'), rate: usually(fc.double({ min: 0, max: 5, noNaN: true }), fc.constantFrom(1e6, 1e7, -1)), by: fc.constantFrom(...ids), severity: usually(fc.tuple(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0.5, max: 1, noNaN: true })), fc.tuple(unit, unit)) }),
      fc.record({ kind: fc.constant('back-channel'), rate: fc.double({ min: 0, max: 12, noNaN: true }), participants: fc.constant(['A:negotiator', 'B:negotiator']) }),
    ),
    { maxLength: 2 },
  ).map((list) => list.map((e, k) => ({ id: `s${k}`, ...e })));
  // Parameters at the ends of their ranges, now and then past them or as an expression.
  const parameter = fc.constantFrom(...PARAMETERS).chain((p) =>
    fc.tuple(fc.constant(p.path), usually(fc.constantFrom(p.min, p.max, p.default), fc.oneof(fc.constantFrom(p.max * 10, p.min - 1), extreme, expression))),
  );
  const document = fc.record(
    {
      name: usually(fc.constant('Random'), fc.constant('')),
      calendar: usually(fc.record({ start: fc.constant('2000-01'), end: fc.constantFrom('2000-12', '2001-06') }), fc.record({ start: fc.constantFrom('2000-01-03', '2000'), end: fc.constantFrom('2001-01-01', '1999-12'), step: fc.constantFrom('month', 'week', 'year', 'day') })),
      states: fc.tuple(state('A'), state('B'), fc.option(state('C'), { nil: undefined })).map((list) => list.filter((x) => x !== undefined)),
      rivalries: usually(fc.constant([{ between: ['A', 'B'] }]), fc.array(fc.record({ between: fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)), weight: fc.oneof(unit, extreme) }), { maxLength: 3 })),
      agents: usually(fc.uniqueArray(agent, { selector: (a) => ('id' in a ? a.id : a.group), maxLength: 5 }), fc.array(agent, { maxLength: 5 })),
      trust: fc.record({ default: unit, within: unit, rules: fc.array(fc.record({ from: selector, to: selector, value: unit }), { maxLength: 2 }) }, { requiredKeys: [] }),
      parameters: fc.array(parameter, { maxLength: 4 }).map((pairs) => Object.fromEntries(pairs)),
      mechanisms: usually(fc.dictionary(fc.constantFrom('dialogue', 'transfer', 'shocks', 'hostility', 'strategies', 'negotiation', 'forgetting'), fc.boolean()), fc.constant({ magic: true })),
      events,
      stochastic,
    },
    { requiredKeys: ['name', 'calendar', 'states', 'rivalries'] },
  );

  it('800 random scenarios end in a scenario that runs without NaN, or in located issues', () => {
    let loaded = 0;
    fc.assert(
      fc.property(document, (doc) => {
        const result = loadTexts({ 'main.yaml': stringify(doc) });
        expectWellFormed(result, ['main.yaml'], Infinity);
        if (result.scenario) loaded++;
      }),
      { numRuns: 800, seed: 86 },
    );
    // the generator must reach the checks of meaning and the engine, not stop at the schema
    expect(loaded).toBeGreaterThan(100);
  });
});

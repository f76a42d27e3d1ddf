import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { AGENT_CEILING, DEFAULT_LIMITS, MAX_AGENTS, parseLimits, raiseHint, withDefaults } from '../../src/scenario/limits.ts';
import { twoStates } from '../helpers.ts';
import { loadTexts } from './fuzz-helpers.ts';

describe('parseLimits', () => {
  it('reads name=N assignments, file-mb in mebibytes, later ones winning', () => {
    expect(parseLimits(['agents=20000', 'steps=100', 'file-mb=2', 'steps=200'])).toEqual({ limits: { agents: 20000, steps: 200, fileBytes: 2 * 1024 * 1024 } });
    expect(parseLimits([])).toEqual({ limits: {} });
  });
  it.each([
    ['agentz=5', 'unknown limit "agentz" in "agentz=5"; expected one of agents, steps, events, runs, pairs, file-mb, as name=number'],
    ['agents', 'limit "agents": expected agents=N with N a whole number above 0'],
    ['agents=0', 'limit "agents=0": expected agents=N with N a whole number above 0'],
    ['agents=50000', 'limit "agents=50000": agents can be raised to at most 46,340'],
    ['agents=1.5', 'limit "agents=1.5": expected agents=N with N a whole number above 0'],
    ['agents=lots', 'limit "agents=lots": expected agents=N with N a whole number above 0'],
    ['__proto__=1', 'unknown limit "__proto__" in "__proto__=1"; expected one of agents, steps, events, runs, pairs, file-mb, as name=number'],
  ])('refuses %s', (text, error) => expect(parseLimits([text])).toEqual({ error }));
  it('completes partial limits with the defaults, and the agent default is the one constant', () => {
    expect(withDefaults({ steps: 5 })).toEqual({ ...DEFAULT_LIMITS, steps: 5 });
    expect(DEFAULT_LIMITS.agents).toBe(MAX_AGENTS);
    expect(raiseHint('fileBytes', 3 * 1024 * 1024 + 1)).toBe('if you trust this file, raise the limit: --limit file-mb=4 (or DETENTE_LIMITS=file-mb=4)');
  });
  it('holds the agent limit of a library caller to the ceiling the trust store\'s 32-bit pair keys allow', () => {
    expect(withDefaults({ agents: 50_000 }).agents).toBe(AGENT_CEILING);
    expect(withDefaults({ agents: AGENT_CEILING }).agents).toBe(AGENT_CEILING);
    expect(withDefaults({ agents: 30_000, steps: 5 })).toEqual({ ...DEFAULT_LIMITS, agents: 30_000, steps: 5 });
  });
});

describe('resolveScenario within limits', () => {
  const load = (doc: Record<string, unknown>, limits = {}) => loadTexts({ 'main.yaml': stringify(doc) }, 'main.yaml', [], limits);
  const only = (doc: Record<string, unknown>, limits = {}) => load(doc, limits).issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.path.join('.')} ${i.message} | ${i.suggestion}`);

  it('counts agents, states included, before expanding groups: a group of a million costs nothing', () => {
    const doc = twoStates();
    (doc.agents as unknown[]).push({ group: 'crowd', kind: 'track2', type: 'academic', side: 'A', count: 1_000_000 });
    expect(only(doc)).toEqual([`main.yaml:15:3 agents expected at most ${MAX_AGENTS} agents, states included, found 1000009 | the engine takes at most 46,340 agents; model large groups with fewer, representative agents`]);
    expect(load(twoStates(), { agents: 9 }).scenario?.agents).toHaveLength(9);
    expect(only(twoStates(), { agents: 8 })[0]).toContain('expected at most 8 agents, states included, found 9');
  });

  it('refuses a calendar of more steps than the limit, at its end date', () => {
    expect(only(twoStates({ calendar: { start: '0001-01-01', end: '9999-12-31', step: 'week' } }))).toEqual([
      'main.yaml:4:8 calendar.end expected a calendar of at most 20000 weeks, found 521723 | if you trust this file, raise the limit: --limit steps=521723 (or DETENTE_LIMITS=steps=521723)',
    ]);
    expect(load(twoStates(), { steps: 60 }).issues).toEqual([]);
    expect(only(twoStates(), { steps: 59 })[0]).toContain('expected a calendar of at most 59 months, found 60');
  });

  it('counts each occurrence of a recurring event and each random source, without listing them first', () => {
    const events = [
      { id: 'monthly', kind: 'track2-workshop', from: '2000-01', every: 1, participants: ['A:track2', 'B:track2'] },
      { id: 'clash', kind: 'skirmish', date: '2001-01', by: 'A', severity: 0.5 },
    ];
    const stochastic = [{ id: 'raids', kind: 'skirmish', rate: 1, by: 'B', severity: 0.2 }];
    expect(load(twoStates({ events, stochastic }), { events: 62 }).issues).toEqual([]);
    expect(only(twoStates({ events, stochastic }), { events: 61 })).toEqual([
      'main.yaml:49:3 events expected at most 61 event occurrences and random sources, found 62 or more | if you trust this file, raise the limit: --limit events=62 (or DETENTE_LIMITS=events=62)',
    ]);
    expect(only(twoStates({ events, stochastic }), { events: 50 })[0]).toContain('found 61 or more');
  });
});

import { stringify } from 'yaml';
import { composeScenario } from '../src/scenario/compose-scenario.ts';
import type { Scenario } from '../src/scenario/types.ts';

/** Loads a scenario from in-memory files (name → YAML text or object); throws on issues. */
export function scenarioFrom(doc: unknown, others: Record<string, unknown> = {}, sets: string[] = []): Scenario {
  const r = loadFrom(doc, others, sets);
  if (!r.scenario) throw new Error(`scenario has issues:\n${JSON.stringify(r.issues, null, 2)}`);
  return r.scenario;
}

export function loadFrom(doc: unknown, others: Record<string, unknown> = {}, sets: string[] = []) {
  const files: Record<string, string> = { 'main.yaml': typeof doc === 'string' ? doc : stringify(doc) };
  for (const [name, content] of Object.entries(others)) files[name] = typeof content === 'string' ? content : stringify(content);
  return composeScenario('main.yaml', (name) => (name in files ? { file: name, text: files[name] } : { error: `no file ${name}` }), sets);
}

/** A minimal two-state scenario with one negotiator and two Track II actors per side. */
export function twoStates(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Two states',
    calendar: { start: '2000-01', end: '2004-12' },
    states: [
      { id: 'A', hostility: 0.5 },
      { id: 'B', hostility: 0.5 },
    ],
    rivalries: [{ between: ['A', 'B'] }],
    agents: [
      { id: 'a-neg', kind: 'negotiator', side: 'A' },
      { id: 'b-neg', kind: 'negotiator', side: 'B' },
      { group: 'a-t2', kind: 'track2', type: 'academic', side: 'A', count: 2, access: 0.5, credibility: 0.8 },
      { group: 'b-t2', kind: 'track2', type: 'ngo', side: 'B', count: 2, access: 0.5, credibility: 0.8 },
      { id: 'host', kind: 'facilitator', skill: 0.6 },
    ],
    trust: { default: 0.3, within: 0.7, rules: [{ from: 'A', to: 'B', value: 0.2 }, { from: 'B', to: 'A', value: 0.2 }] },
    ...overrides,
  };
}

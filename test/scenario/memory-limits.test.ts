import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileModel } from '../../src/engine/model.ts';
import { composeScenario } from '../../src/scenario/compose-scenario.ts';
import type { Limits } from '../../src/scenario/limits.ts';
import { twoStates } from '../helpers.ts';

const load = (doc: unknown, limits: Partial<Limits> = {}) => composeScenario('main.yaml', () => ({ file: 'main.yaml', text: stringify(doc) }), [], limits);
const messages = (doc: unknown, limits: Partial<Limits> = {}) => load(doc, limits).issues.map((i) => `${i.path.join('.')} ${i.message}${i.suggestion ? ` | ${i.suggestion}` : ''}`);

/** Two sides of `perSide` Track II actors and one workshop of all of them: perSide² pairs each way. */
function crowdWorkshop(perSide: number) {
  return twoStates({
    agents: [
      { id: 'a-neg', kind: 'negotiator', side: 'A' },
      { id: 'b-neg', kind: 'negotiator', side: 'B' },
      { group: 'ga', kind: 'track2', type: 'academic', side: 'A', count: perSide },
      { group: 'gb', kind: 'track2', type: 'academic', side: 'B', count: perSide },
    ],
    events: [{ id: 'all-meet', kind: 'track2-workshop', date: '2001-01', participants: ['A:track2', 'B:track2'] }],
  });
}

describe('limits on what a run keeps in memory', () => {
  it('counts the rival participant pairs of dialogue events and refuses too many, at the largest event', () => {
    expect(messages(crowdWorkshop(1000))).toEqual([]);
    expect(messages(crowdWorkshop(1001))).toEqual([
      'events.0.participants expected at most 2,000,000 participant pairs from rival states over all dialogue events, found 2,004,002 (this event alone has 2,004,002); each pair\'s trust is kept for the run | if you trust this file, raise the limit: --limit pairs=2004002 (or DETENTE_LIMITS=pairs=2004002); or let smaller groups meet',
    ]);
    expect(messages(crowdWorkshop(1001), { pairs: 3_000_000 })).toEqual([]);
    // 2 × 30 × 30 pairs
    expect(messages(crowdWorkshop(30), { pairs: 1799 })[0]).toMatch(/found 1,800/);
  });

  it('refuses trust rules that give thousands of agents a baseline row of their own', () => {
    const n = 5100;
    const doc = twoStates({
      agents: [{ id: 'a-neg', kind: 'negotiator', side: 'A' }, { id: 'b-neg', kind: 'negotiator', side: 'B' }, { group: 'crowd', kind: 'track2', type: 'ngo', side: 'A', count: n }],
      trust: { default: 0.3, within: 0.7, rules: Array.from({ length: n }, (_, k) => ({ from: `crowd.${k + 1}`, to: 'B', value: 0.2 })) },
    });
    const found = messages(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^trust\.rules expected trust rules that give at most 4,8\d\d distinct rows of initial trust for 5,104 agents, found 5,10\d \| write rules for groups or states/);
    // The same rules for a group compile to a handful of rows.
    const grouped = twoStates({ agents: (doc as { agents: unknown }).agents, trust: { default: 0.3, within: 0.7, rules: [{ from: 'crowd', to: 'B', value: 0.2 }] } });
    const model = compileModel(load(grouped).scenario!);
    expect(model.baseline.rows.length).toBeLessThanOrEqual(4);
  });
});

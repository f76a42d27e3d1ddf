import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { loadScenario } from '../../src/io/load-scenario.ts';
import { replicateSeed } from '../../src/engine/rng.ts';

function load(sets: string[] = []) {
  const r = loadScenario('classroom', sets);
  if (!r.scenario) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe('common random numbers', () => {
  it('removing one event leaves the draws of every other stream unchanged', () => {
    const base = simulate(load(), { seed: 11, trace: true }).draws!;
    for (const removed of ['border-clash', 'talks-2005', 'workshop']) {
      const variant = simulate(load([`events[${removed}].enabled=false`]), { seed: 11, trace: true }).draws!;
      for (const [name, draws] of base) {
        const other = variant.get(name)!;
        expect(other, name).toBeDefined();
        // Collapse draws happen only when an agreement is in force, so their count may differ;
        // every other stream draws a fixed number per occurrence or step.
        const n = Math.min(draws.length, other.length);
        expect(other.slice(0, n), `${name} without ${removed}`).toEqual(draws.slice(0, n));
        if (!name.includes('collapse') && !name.startsWith('event:border-clash')) expect(other.length, name).toBe(draws.length);
      }
    }
  });

  it('names streams after their source, so a stream does not depend on the order of events in the file', () => {
    const a = simulate(load(), { seed: 3, trace: true }).draws!;
    expect([...a.keys()]).toEqual(expect.arrayContaining(['event:workshop', 'event:talks-2005', 'stochastic:incidents', 'strategy:ARL']));
  });

  it('derives distinct replicate seeds, replicate 0 being the base seed', () => {
    const seeds = Array.from({ length: 1000 }, (_, r) => replicateSeed(42, r));
    expect(seeds[0]).toBe(42);
    expect(new Set(seeds).size).toBe(1000);
    expect(replicateSeed(42, 5)).toBe(replicateSeed(42, 5));
  });
});

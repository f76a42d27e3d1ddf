import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { scenarioFrom } from '../helpers.ts';

const ONLY_STRATEGIES = { dialogue: false, transfer: false, shocks: false, forgetting: false, hostility: false, negotiation: false, politicalChange: false };

function game(a: string, b: string, months: number) {
  return scenarioFrom({
    name: 'Game',
    calendar: { start: '2000-01', end: `${2000 + Math.floor((months - 1) / 12)}-${String(((months - 1) % 12) + 1).padStart(2, '0')}` },
    states: [{ id: 'A', strategy: a }, { id: 'B', strategy: b }],
    rivalries: [{ between: ['A', 'B'] }],
    mechanisms: ONLY_STRATEGIES,
  });
}

describe('two states playing strategies with the standard payoff table', () => {
  it.each([
    ['tit-for-tat', 'tit-for-tat', 200, 600, 600],
    ['tit-for-tat', 'always-hawk', 200, 199, 204],
    ['always-hawk', 'always-hawk', 200, 200, 200],
    ['always-dove', 'always-hawk', 200, 0, 1000],
    // GRIT (patience 6) conciliates for 6 rounds (0 vs 5 each), then defects for 18 (1 each)
    ['grit', 'always-hawk', 24, 18, 48],
    ['grit', 'tit-for-tat', 24, 72, 72],
  ])('%s vs %s over %i rounds scores %i : %i', (a, b, rounds, sa, sb) => {
    const result = simulate(game(a, b, rounds), { seed: 3 });
    expect(result.summary.payoffs).toEqual({ A: sa, B: sb });
  });

  it('generous tit-for-tat scores between tit-for-tat and always-dove against a defector, and repeats with the seed', () => {
    const s = game('generous-tit-for-tat', 'always-hawk', 120);
    const one = simulate(s, { seed: 5 }).summary.payoffs!;
    expect(one.A).toBeGreaterThan(0);
    expect(one.A).toBeLessThan(120);
    expect(simulate(s, { seed: 5 }).summary.payoffs).toEqual(one);
  });
});

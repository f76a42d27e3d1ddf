import { describe, expect, it } from 'vitest';
import type { StrategyName } from '../../src/model/kinds.ts';
import { chooseMove, COOPERATE, DEFECT, newStrategyMemory, payoff, rememberMove } from '../../src/model/strategy.ts';

const table = { T: 5, R: 3, P: 1, S: 0 };
const options = { generosity: 1 / 3, gritPatience: 2 };

/** Plays n rounds and returns both scores; u is a fixed draw. */
function play(a: StrategyName, b: StrategyName, n: number, u = 0.5): [number, number] {
  const ma = newStrategyMemory();
  const mb = newStrategyMemory();
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) {
    const x = chooseMove(a, ma, options, u);
    const y = chooseMove(b, mb, options, u);
    sa += payoff(x, y, table);
    sb += payoff(y, x, table);
    rememberMove(ma, y);
    rememberMove(mb, x);
  }
  return [sa, sb];
}

describe('iterated prisoner\'s dilemma', () => {
  it('reproduces the known scores of Axelrod\'s payoff table over 10 rounds', () => {
    expect(play('tit-for-tat', 'tit-for-tat', 10)).toEqual([30, 30]);
    expect(play('tit-for-tat', 'always-hawk', 10)).toEqual([9, 14]);
    expect(play('always-hawk', 'always-hawk', 10)).toEqual([10, 10]);
    expect(play('always-dove', 'always-hawk', 10)).toEqual([0, 50]);
  });
  it('GRIT absorbs up to `patience` defections before retaliating', () => {
    // patience 2: two unanswered conciliatory moves, then retaliation
    const m = newStrategyMemory();
    const moves: number[] = [];
    for (let i = 0; i < 5; i++) {
      moves.push(chooseMove('grit', m, options, 0));
      rememberMove(m, DEFECT);
    }
    expect(moves).toEqual([COOPERATE, COOPERATE, DEFECT, DEFECT, DEFECT]);
    rememberMove(m, COOPERATE);
    expect(chooseMove('grit', m, options, 0)).toBe(COOPERATE);
  });
  it('generous tit-for-tat forgives a defection when the draw is below its generosity', () => {
    const m = newStrategyMemory();
    rememberMove(m, DEFECT);
    expect(chooseMove('generous-tit-for-tat', m, options, 0.2)).toBe(COOPERATE);
    expect(chooseMove('generous-tit-for-tat', m, options, 0.5)).toBe(DEFECT);
  });
});

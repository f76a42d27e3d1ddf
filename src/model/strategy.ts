import type { StrategyName } from './kinds.ts';

export const COOPERATE = 1;
export const DEFECT = 0;
export type Move = typeof COOPERATE | typeof DEFECT;

/** What a state remembers of one rival in the iterated game. */
export interface StrategyMemory {
  /** the rival's previous move, or -1 before the first round */
  lastOther: number;
  /** consecutive rival defections that GRIT has let pass */
  unreciprocated: number;
}

export interface StrategyOptions {
  generosity: number;
  gritPatience: number;
}

export function newStrategyMemory(): StrategyMemory {
  return { lastOther: -1, unreciprocated: 0 };
}

/**
 * Returns a state's move this round. `u` is a uniform draw in [0,1), consumed by every strategy so
 * that the random streams stay aligned whichever strategy is chosen (common random numbers).
 * GRIT (Osgood 1962) makes `gritPatience` conciliatory moves that go unanswered, then answers
 * defection with defection until the rival conciliates again.
 */
export function chooseMove(strategy: StrategyName, memory: StrategyMemory, options: StrategyOptions, u: number): Move {
  const last = memory.lastOther;
  switch (strategy) {
    case 'always-hawk':
      return DEFECT;
    case 'always-dove':
      return COOPERATE;
    case 'tit-for-tat':
      return last === DEFECT ? DEFECT : COOPERATE;
    case 'generous-tit-for-tat':
      return last === DEFECT && u >= options.generosity ? DEFECT : COOPERATE;
    case 'grit':
      return last === DEFECT && memory.unreciprocated >= options.gritPatience ? DEFECT : COOPERATE;
  }
}

/** Records the rival's move in the memory after a round. */
export function rememberMove(memory: StrategyMemory, otherMove: Move): void {
  memory.unreciprocated = otherMove === DEFECT ? memory.unreciprocated + 1 : 0;
  memory.lastOther = otherMove;
}

export interface PayoffTable {
  T: number;
  R: number;
  P: number;
  S: number;
}

/** Returns the row player's payoff for a round of the prisoner's dilemma. */
export function payoff(own: Move, other: Move, table: PayoffTable): number {
  if (own === COOPERATE) return other === COOPERATE ? table.R : table.S;
  return other === COOPERATE ? table.T : table.P;
}

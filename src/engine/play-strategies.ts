import { chooseMove, COOPERATE, payoff, rememberMove, type Move } from '../model/strategy.ts';
import { recordHostilityChange } from './ledger.ts';
import { setEntryTrust, type Run } from './run.ts';
import { entryOf, entryValue } from './trust-store.ts';

/**
 * Plays one round of the iterated prisoner's dilemma between every pair of rival states that
 * both follow a strategy. Moves are chosen simultaneously from memory. A conciliatory move
 * raises the rival officials' trust in the mover's; a hostile move raises the rival's hostility.
 * Each state draws one number per rival per step, used or not.
 */
export function playStrategies(run: Run, moves: Int8Array): void {
  const { model, state } = run;
  const { S } = model;
  const p = state.parameters;
  const states = model.scenario.states;
  const options = { generosity: p['strategy.generosity'], gritPatience: p['strategy.gritPatience'] };
  const table = { T: p['strategy.payoffT'], R: p['strategy.payoffR'], P: p['strategy.payoffP'], S: p['strategy.payoffS'] };
  moves.fill(-1);
  for (const [s, r] of model.rivalPairs) {
    const u = run.strategyStreams[s]();
    const strategy = states[s].strategy;
    if (strategy && states[r].strategy) moves[s * S + r] = chooseMove(strategy, state.strategyMemory[s * S + r], options, u);
  }
  const cause = model.mechanismCause['strategy'];
  for (const [s, r] of model.rivalPairs) {
    const own = moves[s * S + r] as Move | -1;
    const other = moves[r * S + s] as Move | -1;
    if (own === -1 || other === -1) continue;
    state.payoffs[s] += payoff(own, other, table);
    if (own === COOPERATE) state.cooperation[s] += 1;
    rememberMove(state.strategyMemory[s * S + r], other);
    if (own === COOPERATE) {
      const gain = p['strategy.conciliatoryTrust'];
      for (const i of model.officials[r]) {
        for (const j of model.officials[s]) {
          const e = entryOf(state.trust, model, i, j);
          const t = entryValue(state.trust, e);
          setEntryTrust(run, e, i, j, t + gain * (1 - t), cause);
        }
      }
    } else {
      const jump = p['strategy.hostileImpulse'];
      state.hostility[r] += jump;
      recordHostilityChange(run.ledger, model, r, jump, cause);
    }
  }
}

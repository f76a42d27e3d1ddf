import { newStrategyMemory, type StrategyMemory } from '../model/strategy.ts';
import type { StateAttribute } from '../scenario/types.ts';
import type { Model } from './model.ts';
import { createTrustStore, type TrustStore } from './trust-store.ts';

/** An agreement in force between states. */
export interface Agreement {
  id: string;
  label: string;
  step: number;
  sides: number[];
}

/** Everything that changes during a run, as plain data and typed arrays. */
export interface RunState {
  step: number;
  /** T[i][j], stored by row-block and touched pairs (see trust-store.ts) */
  trust: TrustStore;
  hostility: Float64Array;
  /** current state attributes, changed by political change and expressions */
  attributes: Record<StateAttribute, Float64Array>;
  /** product of (1 − grievanceCut) over the agreements a state has signed (the ratchet) */
  grievanceFactor: Float64Array;
  /** official talks between s and r are suspended while step < suspendedUntil[s·S + r] */
  suspendedUntil: Int32Array;
  agreements: Agreement[];
  /** derived state-level trust tau, S×S, refreshed when trust changes */
  tau: Float64Array;
  strategyMemory: StrategyMemory[];
  payoffs: Float64Array;
  cooperation: Float64Array;
  /** current parameter values, expressions evaluated */
  parameters: Record<string, number>;
}

export function createRunState(model: Model): RunState {
  const { N, S } = model;
  const attributes = {} as Record<StateAttribute, Float64Array>;
  for (const [name, values] of Object.entries(model.attributes)) attributes[name as StateAttribute] = values.slice();
  return {
    step: 0,
    trust: createTrustStore(N, S),
    hostility: model.initialHostility.slice(),
    attributes,
    grievanceFactor: new Float64Array(S).fill(1),
    suspendedUntil: new Int32Array(S * S),
    agreements: [],
    tau: new Float64Array(S * S),
    strategyMemory: Array.from({ length: S * S }, newStrategyMemory),
    payoffs: new Float64Array(S),
    cooperation: new Float64Array(S),
    parameters: { ...model.parameters },
  };
}

import type { Ledger, LedgerRecorder } from './ledger.ts';
import { createLedgerRecorder, recordTrustChange } from './ledger.ts';
import type { Model } from './model.ts';
import { createRunState, type RunState } from './run-state.ts';
import { createLazyStream, type Stream } from './rng.ts';
import { createSortedViews, type SortedViews } from '../model/transfer.ts';
import { deriveStateTrust } from './aggregates.ts';
import { entryValue, setEntryValue } from './trust-store.ts';

/** One line of a run's event log. */
export interface EventLogEntry {
  step: number;
  id: string;
  kind: string;
  label: string;
  /** success, failure, agreement, suspended, shock, change, collapse, disabled */
  outcome: string;
  severity?: number;
  cost?: number;
  /** for a collapse: the shock that caused it */
  cause?: string;
}

/** A run in progress: the model, its state, its random streams and what it has recorded. */
export interface Run {
  model: Model;
  state: RunState;
  seed: number;
  ledger: LedgerRecorder;
  log: EventLogEntry[];
  eventStreams: Stream[];
  stochasticStreams: Stream[];
  stochasticCollapseStreams: Stream[];
  strategyStreams: Stream[];
  tauDirty: boolean;
  totalCost: number;
  /** scratch buffers reused every step */
  views: Float64Array;
  weights: Float64Array;
  /** per rival pair: its Track II views in order, kept from step to step */
  sortedViews: SortedViews[];
  sideMark: Uint8Array;
  /** per dialogue plan: its pairs' trust entries, once the plan has been used */
  planEntries: (Int32Array | undefined)[];
  /** per rival pair: the entries of officials' pairs, once transfer has used them */
  officialEntries: (Int32Array | undefined)[];
  /** trust of the pairs that met this step, kept across forgetting */
  keptValues: Float64Array;
  /** per rival pair: the block sums behind tau and Track II trust, before and after forgetting */
  pairSums: Float64Array;
  pairSumsAfter: Float64Array;
  /** every draw per stream name, when tracing (tests of common random numbers) */
  trace?: Map<string, number[]>;
}

function traced(stream: Stream, name: string, trace: Map<string, number[]> | undefined): Stream {
  if (!trace) return stream;
  const draws: number[] = [];
  trace.set(name, draws);
  return () => {
    const u = stream();
    draws.push(u);
    return u;
  };
}

export function createRun(model: Model, seed: number, options: { ledger?: boolean; trace?: boolean } = {}): Run {
  const trace = options.trace ? new Map<string, number[]>() : undefined;
  // Seeding a stream costs more than a run's draws from most of them, so a stream is seeded on its first draw.
  const make = (name: string) => traced(createLazyStream(seed, name), name, trace);
  const { scenario } = model;
  const maxTrack2 = Math.max(1, ...model.track2.map((list) => list.length));
  return {
    model,
    state: createRunState(model),
    seed,
    ledger: createLedgerRecorder(model, options.ledger ?? true),
    log: [],
    eventStreams: scenario.events.map((e) => make(`event:${e.id}`)),
    stochasticStreams: scenario.stochastic.map((e) => make(`stochastic:${e.id}`)),
    stochasticCollapseStreams: scenario.stochastic.map((e) => make(`stochastic-collapse:${e.id}`)),
    strategyStreams: scenario.states.map((s) => make(`strategy:${s.id}`)),
    tauDirty: true,
    totalCost: 0,
    views: new Float64Array(maxTrack2),
    weights: new Float64Array(maxTrack2),
    sortedViews: model.rivalPairs.map(() => createSortedViews(maxTrack2)),
    sideMark: new Uint8Array(model.S),
    planEntries: [],
    officialEntries: [],
    keptValues: new Float64Array(64),
    pairSums: new Float64Array(2 * model.rivalPairs.length),
    pairSumsAfter: new Float64Array(2 * model.rivalPairs.length),
    ...(trace ? { trace } : {}),
  };
}

/** Sets the trust of entry e (pair i, j), clamped to [0, 1], and records the change against `cause`. */
export function setEntryTrust(run: Run, e: number, i: number, j: number, value: number, cause: number): void {
  const store = run.state.trust;
  const old = entryValue(store, e);
  const next = value < 0 ? 0 : value > 1 ? 1 : value;
  if (next === old) return;
  setEntryValue(store, run.model, e, next);
  run.tauDirty = true;
  recordTrustChange(run.ledger, run.model, i, j, next - old, cause);
}

/** Returns the current state-level trust, recomputing it only after trust has changed. */
export function currentTau(run: Run): Float64Array {
  if (run.tauDirty) {
    deriveStateTrust(run.model, run.state.trust, run.state.tau);
    run.tauDirty = false;
  }
  return run.state.tau;
}

export type { Ledger };

import type { Scenario } from '../scenario/types.ts';
import { deriveStateTrust, meanTrackI, meanTrackII } from './aggregates.ts';
import { collectStep, createSeries, seriesLayout, type Series } from './collect-series.ts';
import type { Ledger } from './ledger.ts';
import { compileModel, type Model } from './model.ts';
import { createRun, type EventLogEntry } from './run.ts';
import { createStepScratch, step } from './step.ts';
import { trustMatrix } from './trust-store.ts';
import { summarizeRun, type RunSummary } from './summarize-run.ts';

export interface SimulateOptions {
  /** the run seed; defaults to the scenario's seed, else 1 */
  seed?: number;
  /** run only the first `steps` steps of the calendar */
  steps?: number;
  /** record the trust ledger (default true) */
  ledger?: boolean;
  /** record the full trust matrix every `trustEvery` steps (default: never) */
  trustEvery?: number;
  /** record the full trust matrix at these steps too */
  trustSteps?: readonly number[];
  /** record every random draw by stream name (tests of common random numbers) */
  trace?: boolean;
}

/** Trust snapshots are full N×N matrices: refused above this many agents (2,000² doubles = 32 MB each). */
export const MAX_SNAPSHOT_AGENTS = 2000;

/** Full trust matrices at chosen steps, for long-format pairwise output. */
export interface TrustSnapshot {
  step: number;
  trust: Float64Array;
}

export interface RunResult {
  model: Model;
  seed: number;
  series: Series;
  log: EventLogEntry[];
  ledger?: Ledger;
  summary: RunSummary;
  trust?: TrustSnapshot[];
  draws?: Map<string, number[]>;
}

/**
 * Runs a scenario (or a model compiled from one) from a seed and returns its series, event log,
 * ledger and summary. Pure: the same scenario and seed give the same result, bit for bit.
 *
 * ```ts
 * const { scenario } = loadScenario('scenarios/classroom.yaml');
 * const result = simulate(scenario, { seed: 7 });
 * result.summary.outcome; // 'de-escalated' | 'stalemate' | 'escalated' | 'war'
 * ```
 */
export function simulate(input: Scenario | Model, options: SimulateOptions = {}): RunResult {
  const model = 'schedule' in input ? input : compileModel(input, options.steps);
  if ('schedule' in input && options.steps !== undefined && options.steps !== model.steps) {
    throw new Error('simulate: a compiled model fixes its number of steps; compile it with compileModel(scenario, steps)');
  }
  const seed = options.seed ?? model.scenario.seed ?? 1;
  const run = createRun(model, seed, { ledger: options.ledger ?? true, trace: options.trace ?? false });
  const scratch = createStepScratch(run);
  const series = createSeries(model);
  const layout = seriesLayout(model, series);
  deriveStateTrust(model, run.state.trust, run.state.tau);
  const initial = {
    hostility: run.state.hostility.slice(),
    trackI: meanTrackI(model, run.state.tau),
    trackII: meanTrackII(model, run.state.trust),
  };
  const snapshots: TrustSnapshot[] = [];
  if ((options.trustEvery || options.trustSteps?.length) && model.N > MAX_SNAPSHOT_AGENTS) {
    throw new RangeError(`simulate: trust snapshots are N×N matrices, available up to ${MAX_SNAPSHOT_AGENTS} agents (this model has ${model.N})`);
  }
  const snapshotAt = new Set(options.trustSteps ?? []);
  for (let t = 0; t < model.steps; t++) {
    run.state.step = t;
    const logStart = run.log.length;
    step(run, scratch);
    collectStep(run, layout, t, logStart);
    if ((options.trustEvery && (t % options.trustEvery === 0 || t === model.steps - 1)) || snapshotAt.has(t)) {
      snapshots.push({ step: t, trust: trustMatrix(run.state.trust, model) });
    }
  }
  const ledger = run.ledger.enabled ? run.ledger.ledger : undefined;
  const summary = summarizeRun(model, seed, series, run.log, ledger, initial, run.state.parameters, run.totalCost, run.state.payoffs);
  return {
    model,
    seed,
    series,
    log: run.log,
    ...(ledger ? { ledger } : {}),
    summary,
    ...(options.trustEvery || snapshotAt.size ? { trust: snapshots } : {}),
    ...(run.trace ? { draws: run.trace } : {}),
  };
}

/**
 * The functional core, with no Node imports, so it runs in a browser or a worker as well:
 *
 *   scenario text → parse → extends/merge → --set → validate (zod) → resolve (ids, dates,
 *   selectors, expressions) → compileModel (typed arrays, schedule) → simulate: for each step
 *   [expressions → political change → shocks → strategies → dialogue → transfer → forgetting →
 *   hostility] → collect series and ledger → summarize.
 */
export { composeScenario, type ComposeResult, type SourceReader } from './scenario/compose-scenario.ts';
export { resolveScenario } from './scenario/resolve-scenario.ts';
export { formatPath, type ScenarioIssue } from './scenario/issues.ts';
export type { Scenario, ResolvedAgent, ResolvedEvent, ResolvedState, ResolvedStochastic } from './scenario/types.ts';
export { scenarioSchema, type ScenarioDocument } from './scenario/schema.ts';
export { compileModel, type Model } from './engine/model.ts';
export { simulate, type RunResult, type SimulateOptions, type TrustSnapshot } from './engine/simulate.ts';
export { replicate, type Replicate } from './engine/replicate.ts';
export { replicateSeed, deriveSeed, createStream } from './engine/rng.ts';
export { summaryMetrics, OUTCOMES, type RunSummary, type OutcomeClass } from './engine/summarize-run.ts';
export type { Ledger } from './engine/ledger.ts';
export type { Series } from './engine/collect-series.ts';
export type { EventLogEntry } from './engine/run.ts';
export { PARAMETERS, defaultParameters, type ParameterSpec } from './model/parameters.ts';
export * from './model/kinds.ts';
export { describeSample, describePairedDifference, type SampleSummary } from './stats/describe-sample.ts';
export { summarizeReplications, type ReplicationSummary } from './stats/summarize-replications.ts';

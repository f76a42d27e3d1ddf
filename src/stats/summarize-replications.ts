import { OUTCOMES } from '../engine/summarize-run.ts';
import { describeSample, type SampleSummary } from './describe-sample.ts';

export interface ReplicationSummary {
  runs: number;
  metrics: Record<string, SampleSummary>;
  /** share of runs in each outcome class */
  outcomes: Record<string, number>;
}

/** Summarises each metric across replications: mean, sd and 95% interval; and outcome shares. */
export function summarizeReplications(rows: readonly { metrics: Record<string, number>; summary: { outcome: string } }[]): ReplicationSummary {
  const names = rows.length ? Object.keys(rows[0].metrics).filter((n) => !n.startsWith('outcome.')) : [];
  const metrics: Record<string, SampleSummary> = {};
  for (const n of names) metrics[n] = describeSample(rows.map((r) => r.metrics[n] ?? NaN));
  const outcomes: Record<string, number> = {};
  for (const o of OUTCOMES) outcomes[o] = rows.filter((r) => r.summary.outcome === o).length / Math.max(1, rows.length);
  return { runs: rows.length, metrics, outcomes };
}

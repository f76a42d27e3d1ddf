import type { EventLogEntry } from '../engine/run.ts';
import type { RunSummary } from '../engine/summarize-run.ts';

/**
 * Everything a report shows, as plain data. It is built from a run in memory or read back from a
 * run's output folder, so `report <dir>` draws exactly what `run --report` draws.
 */
export interface ReportData {
  title: string;
  description: string;
  sources: string[];
  seed: number;
  command: string;
  version: string;
  calendarStep: 'month' | 'week' | 'year';
  states: { id: string; name: string }[];
  /** ordered rival pairs as "A>B" */
  rivalPairs: string[];
  thresholds: { crisis: number; war: number };
  dates: string[];
  columns: Record<string, ArrayLike<number>>;
  summary: RunSummary;
  ledger: LedgerRow[];
  log: (EventLogEntry & { date: string })[];
  parameters: { path: string; value: number | string; default: number; setIn?: string; description: string }[];
  timeline: { id: string; label: string; kind: string; dates: string; source?: string; enabled: boolean }[];
  network?: NetworkData;
  replications?: ReplicationData;
}

export interface LedgerRow {
  step: number;
  date: string;
  cause: string;
  causeKind: string;
  target: string;
  delta: number;
}

export interface NetworkData {
  agents: { id: string; name: string; kind: string; side: string }[];
  snapshots: { date: string; edges: { from: string; to: string; trust: number }[] }[];
}

/** Per-step quantiles across replications, and the share of each outcome class. */
export interface ReplicationData {
  runs: number;
  bands: Record<string, { p05: number[]; p25: number[]; p50: number[]; p75: number[]; p95: number[] }>;
  outcomes: Record<string, number>;
}

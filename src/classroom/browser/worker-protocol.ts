import type { ScenarioIssue } from '../../scenario/issues.ts';
import type { ClassroomBundle } from '../classroom-bundle.ts';
import type { PageReplications, PageRun } from '../run-page.ts';

/** Messages from the page to a worker. */
export type ToWorker =
  | { type: 'init'; bundle: ClassroomBundle }
  | { type: 'run'; id: number; sets: string[]; seed: number }
  | { type: 'replicate'; id: number; sets: string[]; seed: number; runs: number };

/** Messages from a worker to the page. */
export type FromWorker =
  | { type: 'run'; id: number; run?: PageRun; issues: ScenarioIssue[] }
  | { type: 'progress'; id: number; done: number; runs: number }
  | { type: 'replicate'; id: number; replications?: PageReplications; issues: ScenarioIssue[] }
  | { type: 'failed'; id: number; message: string };

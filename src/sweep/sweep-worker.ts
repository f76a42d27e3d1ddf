// The worker-thread entry of a sweep: piscina calls the default export with one task at a time.
import { runPoints, type SweepTask, type TaskResult } from './run-points.ts';

export default function work(task: SweepTask): TaskResult {
  return runPoints(task);
}

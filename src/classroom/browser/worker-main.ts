import type { ClassroomBundle } from '../classroom-bundle.ts';
import { replicatePage, runPage } from '../run-page.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

/** The worker side: runs and replications off the page's thread, so the controls stay responsive. */
export function startWorker(): void {
  const scope = self as unknown as { postMessage(m: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
  let bundle: ClassroomBundle | undefined;
  scope.onmessage = ({ data: msg }) => {
    if (msg.type === 'init') {
      bundle = msg.bundle;
      return;
    }
    try {
      if (!bundle) throw new Error('the worker was not given the scenario');
      if (msg.type === 'run') {
        scope.postMessage({ type: 'run', id: msg.id, ...runPage(bundle, msg.sets, msg.seed) });
      } else {
        // A progress message per replicate would flood the page; about twenty are enough for a bar.
        const every = Math.max(1, Math.floor(msg.runs / 20));
        const result = replicatePage(bundle, msg.sets, msg.seed, msg.runs, (done) => {
          if (done % every === 0) scope.postMessage({ type: 'progress', id: msg.id, done, runs: msg.runs });
        });
        scope.postMessage({ type: 'replicate', id: msg.id, ...result });
      }
    } catch (error) {
      scope.postMessage({ type: 'failed', id: msg.id, message: error instanceof Error ? error.message : String(error) });
    }
  };
}

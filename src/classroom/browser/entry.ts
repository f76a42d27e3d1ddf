/*
 * One script for the classroom page and its workers: the page starts the workers from this very
 * script's text (a blob: URL), so the engine is inlined once and nothing is ever fetched.
 */
import { startPage } from './page-app.ts';
import { startWorker } from './worker-main.ts';

if (typeof document === 'undefined') {
  startWorker();
} else {
  startPage().catch((error: unknown) => {
    document.body.dataset.state = 'error';
    const status = document.getElementById('status');
    if (status) status.textContent = `The page could not start: ${error instanceof Error ? error.message : String(error)}`;
    console.error(error);
  });
}

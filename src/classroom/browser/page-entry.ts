/*
 * The classroom page's own script: controls, charts and playback. It holds no engine; the
 * simulation runs in workers started from the page's second script (see worker-entry.ts).
 */
import { startPage } from './page-app.ts';

startPage().catch((error: unknown) => {
  document.body.dataset.state = 'error';
  const status = document.getElementById('status');
  if (status) status.textContent = `The page could not start: ${error instanceof Error ? error.message : String(error)}`;
  console.error(error);
});

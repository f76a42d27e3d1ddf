import type { ScenarioIssue } from '../../scenario/issues.ts';
import type { ClassroomBundle } from '../classroom-bundle.ts';
import { decodeSettings, encodeSettings, runCommand, settingsSets, type ClassroomSettings } from '../classroom-settings.ts';
import type { PageModel } from '../page-model.ts';
import type { PageRun } from '../run-page.ts';
import { seriesCsv } from '../series-csv.ts';
import { ChartsView } from './charts-view.ts';
import { ControlsView } from './controls-view.ts';
import { byId, download } from './dom.ts';
import { Playhead } from './playhead.ts';
import { SummaryView } from './summary-view.ts';
import { WorkerClient } from './worker-client.ts';
import type { FromWorker } from './worker-protocol.ts';

const issueText = (issues: readonly ScenarioIssue[]) => issues.map((i) => `${i.file ?? ''} ${i.path.join('.')}: ${i.message}`).join('; ');

/**
 * The page: builds the controls the CLI described, runs in a worker whatever they say (the
 * worker composes the bundled scenario files exactly as `detente run` does), and draws it. `document.body.dataset.state` is `ready` once the charts show
 * the run of the current settings (the browser tests wait for it).
 */
export async function startPage(): Promise<void> {
  const status = byId('status');
  // What the page could not use from its link stays on show until the settings change by hand.
  let notice = '';
  const setState = (state: 'running' | 'ready' | 'error', message = notice) => {
    document.body.dataset.state = state;
    status.textContent = message;
    status.className = state === 'error' ? 'status error' : 'status';
  };
  const { bundle, model } = JSON.parse(byId('classroom-data').textContent!) as { bundle: ClassroomBundle; model: PageModel };
  const workerCode = byId('classroom-worker').textContent!;
  const scriptUrl = URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' }));
  const crash = (message: string) => setState('error', `The simulation stopped: ${message}`);
  const runner = new WorkerClient(scriptUrl, bundle, (m) => void answered(m), crash);
  // The replications' worker starts on first use, so it does not slow the page's start.
  let replicator: WorkerClient | undefined;
  const { controls, timeline, states, times, dates } = model;
  const steps = dates.length;

  const seedInput = byId<HTMLInputElement>('seed');
  const scrub = byId<HTMLInputElement>('scrub');
  const now = byId<HTMLOutputElement>('now');
  const play = byId<HTMLButtonElement>('play');
  const repsButton = byId<HTMLButtonElement>('reps-run');
  const repsProgress = byId<HTMLProgressElement>('reps-progress');
  scrub.max = String(steps - 1);

  const charts = new ChartsView(states, { stateNames: states.map((s) => s.name), thresholds: model.thresholds, start: times[0], end: times[steps - 1] }, times, {
    hostility: byId('chart-hostility'),
    trust: byId('chart-trust'),
    fan: byId('chart-fan'),
  });
  const summary = new SummaryView(states, { strip: byId('strip'), table: byId<HTMLTableSectionElement>('summary'), happened: byId('happened'), outcomes: byId('reps-outcomes') });
  const view = new ControlsView(controls, timeline, byId('sliders'), byId('events'), () => settingsChanged());

  let settings: ClassroomSettings = { seed: bundle.seed, values: {}, switched: [] };
  let current: PageRun | undefined;
  let baseline: PageRun | undefined;
  let fanWanted = false;
  let runCount = 0;
  let writtenHash = '';

  const playhead = new Playhead(steps, (step, playing) => {
    scrub.value = String(step);
    now.textContent = dates[step];
    play.textContent = playing ? '❚❚ Pause' : '▶ Play';
    play.setAttribute('aria-pressed', String(playing));
    // A screen reader hears the date when the run stops or steps, not at every frame of the animation.
    now.setAttribute('aria-live', playing ? 'off' : 'polite');
    view.markPast(step);
    if (current) summary.showHappened(current, step);
    void charts.setCursor(step);
  });


  const allSets = () => [...bundle.sets, ...settingsSets(controls, timeline, settings)];

  function settingsChanged(): void {
    const seed = Number(seedInput.value);
    if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
      setState('error', 'The seed must be a whole number from 0 to 4294967295.');
      seedInput.setAttribute('aria-invalid', 'true');
      return;
    }
    seedInput.removeAttribute('aria-invalid');
    notice = '';
    settings = view.read(seed);
    apply();
  }

  /** Writes the settings into the link and the command, and asks the workers for their run. */
  function apply(): void {
    writtenHash = encodeSettings(settings);
    history.replaceState(null, '', writtenHash);
    const command = runCommand(bundle.scenarioArg, settings.seed, allSets());
    byId('command').textContent = command;
    byId<HTMLInputElement>('link').value = location.href;
    setState('running', notice || 'Running…');
    runner.request({ type: 'run', sets: allSets(), seed: settings.seed });
    if (fanWanted) requestFan();
  }

  function requestFan(): void {
    const runs = Number(byId<HTMLSelectElement>('reps-count').value);
    replicator ??= new WorkerClient(scriptUrl, bundle, (m) => void replicated(m), crash);
    replicator.cancel();
    repsProgress.max = runs;
    repsProgress.value = 0;
    repsProgress.hidden = false;
    byId('reps-outcomes').textContent = `Running ${runs} replications in the background…`;
    byId('fan-section').dataset.state = 'running';
    replicator.request({ type: 'replicate', sets: allSets(), seed: settings.seed, runs });
  }

  async function answered(m: FromWorker): Promise<void> {
    if (m.type === 'failed') return crash(m.message);
    if (m.type !== 'run') return;
    if (!m.run) return setState('error', `These settings make the scenario invalid: ${issueText(m.issues)}`);
    current = m.run;
    summary.show(current, baseline);
    summary.showHappened(current, playhead.step);
    await charts.setRun(current);
    if (runner.idle) {
      runCount++;
      document.body.dataset.runs = String(runCount);
      setState('ready');
    }
  }

  async function replicated(m: FromWorker): Promise<void> {
    const section = byId('fan-section');
    if (m.type === 'failed') return crash(m.message);
    if (m.type === 'progress') {
      repsProgress.value = m.done;
      return;
    }
    if (m.type !== 'replicate') return;
    if (!m.replications) {
      byId('reps-outcomes').textContent = `These settings make the scenario invalid: ${issueText(m.issues)}`;
      return;
    }
    repsProgress.hidden = true;
    await charts.showFan(m.replications);
    summary.showOutcomes(m.replications);
    if (replicator!.idle) section.dataset.state = 'ready';
  }

  function fromHash(): void {
    const decoded = decodeSettings(location.hash, controls, timeline, bundle.seed);
    settings = decoded.settings;
    seedInput.value = String(settings.seed);
    view.show(settings);
    notice = decoded.problems.length > 0 ? `Parts of the link were not used: ${decoded.problems.join('; ')}.` : '';
    apply();
  }

  // Playback controls and keys: Space plays or pauses, arrows step, Home resets (when no control has focus).
  play.addEventListener('click', () => (playhead.playing ? playhead.pause() : playhead.play()));
  byId('step').addEventListener('click', () => playhead.moveTo(playhead.step + 1));
  byId('back').addEventListener('click', () => playhead.moveTo(playhead.step - 1));
  byId('reset').addEventListener('click', () => playhead.moveTo(0));
  scrub.addEventListener('input', () => playhead.moveTo(Number(scrub.value)));
  const speed = byId<HTMLSelectElement>('speed');
  speed.addEventListener('change', () => (playhead.speed = Number(speed.value)));
  playhead.speed = Number(speed.value);
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (e.altKey || e.ctrlKey || e.metaKey || target.closest('input, select, textarea, button, a, summary')) return;
    const keys: Record<string, () => void> = {
      ' ': () => (playhead.playing ? playhead.pause() : playhead.play()),
      ArrowRight: () => playhead.moveTo(playhead.step + 1),
      ArrowLeft: () => playhead.moveTo(playhead.step - 1),
      Home: () => playhead.moveTo(0),
      End: () => playhead.moveTo(steps - 1),
    };
    if (keys[e.key]) {
      e.preventDefault();
      keys[e.key]();
    }
  });

  seedInput.addEventListener('change', settingsChanged);
  byId('new-seed').addEventListener('click', () => {
    seedInput.value = String(settings.seed + 1);
    settingsChanged();
  });
  byId('reset-settings').addEventListener('click', () => {
    notice = '';
    settings = { seed: settings.seed, values: {}, switched: [] };
    view.show(settings);
    apply();
  });
  byId('keep-baseline').addEventListener('click', async () => {
    if (!current) return;
    baseline = current;
    byId<HTMLButtonElement>('clear-baseline').disabled = false;
    summary.show(current, baseline);
    await charts.setBaseline(baseline);
    status.textContent = 'Kept as the baseline (dashed). Change a setting to compare.';
  });
  byId('clear-baseline').addEventListener('click', async () => {
    baseline = undefined;
    byId<HTMLButtonElement>('clear-baseline').disabled = true;
    if (current) summary.show(current, undefined);
    await charts.setBaseline(undefined);
  });
  repsButton.addEventListener('click', () => {
    fanWanted = true;
    byId('fan-section').hidden = false;
    requestFan();
  });
  byId('download-series').addEventListener('click', () => current && download('series.csv', seriesCsv(current.dates, current.columns), 'text/csv'));
  byId('download-summary').addEventListener('click', () => current && download('summary.json', JSON.stringify(current.summary, null, 2) + '\n', 'application/json'));
  window.addEventListener('hashchange', () => {
    if (location.hash !== writtenHash) fromHash();
  });

  playhead.moveTo(steps - 1);
  fromHash();
}

import { readFileSync } from 'node:fs';
import { browserBuild } from '../render/report-html.ts';
import { escapeHtml as h, jsonForScript } from '../render/escape.ts';
import type { ClassroomBundle } from './classroom-bundle.ts';
import { CLASSROOM_STYLE } from './classroom-style.ts';
import type { PageModel } from './page-model.ts';

/*
 * Scripts run from the page itself, workers from a blob: URL of the page's own script; nothing
 * may be fetched, so the page works from a USB stick with the network off. `child-src` is there
 * for browsers that predate `worker-src`.
 */
const CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; worker-src blob:; child-src blob:; style-src 'unsafe-inline'; img-src data: blob:";

const SPEEDS = [1, 2, 4, 8, 16, 32];

/** Reads a classroom script built by scripts/build.mjs, made safe to sit inside a <script> element. */
export function readClassroomScript(file: string): string {
  return readFileSync(file, 'utf8').replace(/<\/script/gi, '<\\/script');
}

/**
 * Returns the self-contained classroom page: the scenario files, what the controls show, the
 * page's script, the workers' script (the engine, kept as text for blob: workers) and the
 * charting libraries, all inlined.
 */
export function classroomHtml(bundle: ClassroomBundle, model: PageModel, description: string, scripts: { page: string; worker: string }): string {
  const meta = { title: model.title, description };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${h(meta.title)} — detente-sim classroom</title>
<style>${CLASSROOM_STYLE}</style>
</head>
<body data-state="loading">
<header class="top">
  <h1 title="${h(meta.title)}">${h(meta.title)}</h1>
  <div class="transport" role="toolbar" aria-label="Play the run step by step">
    <button id="reset" type="button" aria-keyshortcuts="Home" title="Back to the first step (Home)">Reset</button>
    <button id="back" type="button" aria-keyshortcuts="ArrowLeft" title="One step back (←)">◂ Back</button>
    <button id="play" type="button" class="primary" aria-pressed="false" aria-keyshortcuts="Space" title="Play or pause (Space)">▶ Play</button>
    <button id="step" type="button" aria-keyshortcuts="ArrowRight" title="One step forward (→)">Step ▸</button>
    <label for="speed">Speed</label>
    <select id="speed">${SPEEDS.map((s) => `<option value="${s}"${s === 8 ? ' selected' : ''}>${s} steps/s</option>`).join('')}</select>
    <label for="scrub" class="visually-hidden">Date shown</label>
    <input id="scrub" type="range" min="0" max="0" step="1" value="0">
    <output id="now" for="scrub" aria-live="polite"></output>
  </div>
</header>
<div class="layout">
<aside class="controls" aria-label="Settings">
  <h2 id="settings-heading">Settings</h2>
  <div class="field"><label for="seed">Seed</label><input id="seed" type="number" min="0" max="4294967295" step="1" inputmode="numeric"><button id="new-seed" type="button">Next seed</button></div>
  <div id="sliders"></div>
  <button id="reset-settings" type="button">Back to the scenario's values</button>
  <h2 id="events-heading">Events (what-if)</h2>
  <p class="help">Untick an event to run history without it. Random sources are at the end.</p>
  <ul id="events" class="events" aria-labelledby="events-heading"></ul>
</aside>
<main class="stage">
  <div class="resultbar">
    <div id="strip" aria-live="polite"></div>
    <div class="baseline-buttons"><button id="keep-baseline" type="button">Keep as baseline</button>
    <button id="clear-baseline" type="button" disabled>Clear baseline</button></div>
  </div>
  <div id="status" class="status" role="status"></div>
  <div id="chart-hostility" class="chart" role="img" aria-label="Hostility per state over time, with the crisis and war thresholds; triangles are shocks, circles agreements"></div>
  <div id="chart-trust" class="chart" role="img" aria-label="Track I and Track II cross-side trust over time"></div>
  <div class="columns">
    <section aria-labelledby="happened-heading"><h2 id="happened-heading">What happened up to now</h2><ol id="happened" class="happened"></ol></section>
    <section aria-labelledby="summary-heading"><h2 id="summary-heading">Results of the whole run</h2>
      <table><thead><tr><th scope="col">measure</th><th scope="col">this run</th><th scope="col">baseline</th><th scope="col">change</th></tr></thead><tbody id="summary"></tbody></table>
    </section>
  </div>
  <section aria-labelledby="reps-heading">
    <h2 id="reps-heading">Replications</h2>
    <p class="help">The same settings with many seeds: how much is chance? Computed in the background; the page stays usable.</p>
    <div class="field"><label for="reps-count">Runs</label><select id="reps-count"><option>10</option><option selected>20</option><option>50</option><option>100</option></select>
    <button id="reps-run" type="button">Run replications</button><progress id="reps-progress" hidden aria-label="Replications done"></progress></div>
    <div id="fan-section" hidden><p id="reps-outcomes" aria-live="polite"></p><div id="chart-fan" class="chart" role="img" aria-label="Median and 50% and 90% bands of hostility and trust across the replications"></div></div>
  </section>
  <section aria-labelledby="share-heading">
    <h2 id="share-heading">Share and reproduce</h2>
    <p class="help">The link holds every setting; opening it gives the same run. The command gives the same numbers in a terminal.</p>
    <label for="link">Link to these settings</label><input id="link" readonly>
    <p class="help">Command:</p><code id="command" class="command"></code>
    <p><button id="download-series" type="button">Download series.csv</button> <button id="download-summary" type="button">Download summary.json</button></p>
    <p class="help">${h(meta.description)} · detente-sim ${h(bundle.version)}</p>
  </section>
</main>
</div>
<script id="classroom-data" type="application/json">${jsonForScript({ bundle, model })}</script>
<script id="classroom-worker" type="text/plain">${scripts.worker}</script>
<!-- The page's script comes first, so its worker loads the engine while the charting libraries load. -->
<script id="classroom-app">${scripts.page}</script>
<script>${browserBuild('vega', 'vega.min.js')}</script>
<script>${browserBuild('vega-lite', 'vega-lite.min.js')}</script>
<script>${browserBuild('vega-embed', 'vega-embed.min.js')}</script>
</body>
</html>
`;
}

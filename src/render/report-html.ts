import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportChart } from '../report/report-charts.ts';
import type { ReportData } from '../report/report-data.ts';
import { escapeHtml as h, jsonForScript } from './escape.ts';

/** Returns the text of a library's browser build, found beside its main module (its `exports` hide the path). */
export function browserBuild(pkg: string, file: string): string {
  const main = fileURLToPath(import.meta.resolve(pkg));
  // A script may not contain "</script"; escaping the slash keeps the JavaScript the same.
  return readFileSync(join(dirname(main), file), 'utf8').replace(/<\/script/gi, '<\\/script');
}

export const fmt = (x: number | null | undefined, digits = 3) => (x === null || x === undefined || Number.isNaN(x) ? '–' : Number.isInteger(x) ? String(x) : x.toFixed(digits));

const STYLE = `
  body { font-family: 'DejaVu Sans', system-ui, sans-serif; margin: 0 auto; max-width: 1000px; padding: 24px; color: #222; line-height: 1.45; }
  h1 { font-size: 28px; margin-bottom: 4px; } h2 { font-size: 21px; margin-top: 36px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
  table { border-collapse: collapse; margin: 8px 0; font-size: 14px; } th, td { border-bottom: 1px solid #e4e4e4; padding: 4px 10px; text-align: left; vertical-align: top; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; } tr.overridden td { background: #fff4d6; }
  figure { margin: 24px 0; } figcaption { font-size: 14px; color: #444; max-width: 900px; } .chart { min-height: 120px; overflow-x: auto; }
  code, .command { font-family: 'DejaVu Sans Mono', monospace; font-size: 13px; background: #f4f4f4; padding: 2px 4px; word-break: break-all; }
  .meta { color: #555; } .error { color: #B2182B; }
`;

/** Returns the self-contained HTML report: vega, vega-lite and vega-embed inlined; no network request. */
export function reportHtml(data: ReportData, charts: readonly ReportChart[]): string {
  const s = data.summary;
  const names = new Map(data.states.map((st) => [st.id, st.name]));
  const hostilityRows = Object.entries(s.hostility)
    .map(([id, x]) => `<tr><td>${h(names.get(id) ?? id)}</td><td class="num">${fmt(x.initial)}</td><td class="num">${fmt(x.final)}</td><td class="num">${fmt(x.peak)}</td><td>${h(x.peakDate)}</td></tr>`)
    .join('');
  const parameterRows = data.parameters
    .map((p) => `<tr${p.setIn ? ' class="overridden"' : ''}><td><code>${h(p.path)}</code></td><td class="num">${h(typeof p.value === 'number' ? fmt(p.value, 4) : p.value)}</td><td class="num">${fmt(p.default, 4)}</td><td>${p.setIn ? `overridden in ${h(p.setIn)}` : ''}</td><td>${h(p.description)}</td></tr>`)
    .join('');
  const eventRows = data.timeline
    .map((e) => `<tr><td>${h(e.dates)}</td><td>${h(e.label)}${e.enabled ? '' : ' <em>(switched off)</em>'}</td><td>${h(e.kind)}</td><td>${h(e.source ?? '')}</td></tr>`)
    .join('');
  const figures = charts.map(figure).join('\n');
  const body = `<header>
<h1>${h(data.title)}</h1>
<p>${h(data.description)}</p>
<p class="meta">${h(data.dates[0])} to ${h(data.dates[data.dates.length - 1])} (${data.dates.length} ${h(data.calendarStep)}s) · seed ${data.seed} · detente-sim ${h(data.version)}</p>
<p class="meta">Reproduce with <span class="command">${h(data.command)}</span></p>
</header>
<h2>Summary</h2>
<table>
<tr><th>Outcome</th><td>${h(s.outcome)}</td></tr>
<tr><th>Months in crisis</th><td class="num">${fmt(s.monthsInCrisis, 0)}</td></tr>
<tr><th>Months at war</th><td class="num">${fmt(s.monthsAtWar, 0)}</td></tr>
<tr><th>Agreements</th><td>${s.agreementsSigned} signed, ${s.agreementsCollapsed} collapsed, ${s.agreementsInForce} in force at the end${s.firstAgreement ? `; first in ${h(s.firstAgreement)}` : ''}</td></tr>
<tr><th>Official (Track I) cross-side trust</th><td>${fmt(s.trackI.initial)} → ${fmt(s.trackI.final)}</td></tr>
<tr><th>Track II cross-side trust</th><td>${fmt(s.trackII.initial)} → ${fmt(s.trackII.final)}</td></tr>
<tr><th>Dialogue events</th><td>${s.events.held} held (${s.events.succeeded} succeeded, ${s.events.failed} failed), ${s.events.suspended} called off; ${s.events.shocks} shock${s.events.shocks === 1 ? '' : 's'}</td></tr>
${data.replications ? `<tr><th>Replications</th><td>${data.replications.runs} runs; outcome shares: ${Object.entries(data.replications.outcomes).map(([o, p]) => `${h(o)} ${(100 * p).toFixed(0)}%`).join(', ')} (the rest of this table is the run with the base seed)</td></tr>` : ''}
</table>
<table><tr><th>Hostility</th><th>initial</th><th>final</th><th>peak</th><th>peak date</th></tr>${hostilityRows}</table>
<h2>Charts</h2>
${figures}
<h2>Parameters</h2>
<p>Highlighted rows differ from the default.</p>
<table><tr><th>parameter</th><th>value</th><th>default</th><th>set</th><th>meaning</th></tr>${parameterRows}</table>
<h2>Scheduled events</h2>
<table><tr><th>date</th><th>event</th><th>kind</th><th>source</th></tr>${eventRows}</table>
<h2>Sources</h2>
<ul>${data.sources.map((src) => `<li>${h(src)}</li>`).join('')}</ul>
<p class="meta">Model: docs/MODEL.md of detente-sim. Charts drawn with Vega-Lite.</p>
`;
  return page(`${data.title} — detente-sim report`, body, charts);
}

/** Returns one chart figure with its title and caption; the chart is drawn into the div by vega-embed. */
export function figure(c: ReportChart, i: number): string {
  return `<figure><div class="chart" id="chart-${i}" role="img" aria-label="${h(c.title)}"></div><figcaption>${h(c.caption)} <span class="meta">(Spec: <code>${h(c.name)}.vl.json</code>; also <code>${h(c.name)}.svg</code> and <code>${h(c.name)}.png</code>.)</span></figcaption></figure>`;
}

/**
 * Wraps a body in a self-contained page: the charts' specs and the vega, vega-lite and
 * vega-embed builds are inlined, and a content security policy forbids any network request.
 */
export function page(title: string, body: string, charts: readonly ReportChart[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:">
<title>${h(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
<script>${browserBuild('vega', 'vega.min.js')}</script>
<script>${browserBuild('vega-lite', 'vega-lite.min.js')}</script>
<script>${browserBuild('vega-embed', 'vega-embed.min.js')}</script>
<script id="specs" type="application/json">${jsonForScript(charts.map((c) => c.spec))}</script>
<script>
  const specs = JSON.parse(document.getElementById('specs').textContent);
  window.chartsRendered = Promise.all(specs.map((spec, i) =>
    vegaEmbed('#chart-' + i, spec, { actions: false, renderer: 'svg' }).catch((error) => {
      const el = document.getElementById('chart-' + i);
      el.className = 'chart error';
      el.textContent = 'This chart could not be drawn: ' + error.message;
      throw error;
    })));
</script>
</body>
</html>
`;
}

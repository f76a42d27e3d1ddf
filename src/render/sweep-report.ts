import type { OutputFile } from '../io/write-output-dir.ts';
import type { ReportChart } from '../report/report-charts.ts';
import { morrisBars, sobolBars, sweepHeatmap, sweepMetricByFactor, type SweepPointRow } from '../report/sweep-charts.ts';
import type { SensitivityResult } from '../sweep/sensitivity/analyze-sensitivity.ts';
import { escapeHtml as h } from './escape.ts';
import { chartFiles } from './report-files.ts';
import { figure, fmt, page } from './report-html.ts';

export interface SweepReportData {
  name: string;
  description: string;
  design: string;
  factors: string[];
  metrics: string[];
  replications: number;
  version: string;
  points: SweepPointRow[];
  sensitivity?: SensitivityResult;
}

const PREFERRED = ['monthsInCrisis', 'finalTrackI', 'agreementsSigned', 'finalTrackII'];

/** Chooses the sweep's charts: heatmaps and response curves for grids, index bars for Sobol and Morris designs. */
export function sweepReportCharts(data: SweepReportData): ReportChart[] {
  const key = [...PREFERRED.filter((m) => data.metrics.includes(m)), ...data.metrics.filter((m) => !PREFERRED.includes(m))].slice(0, 2);
  const [x, y] = data.factors;
  const charts: ReportChart[] = [];
  const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (data.design === 'grid' && y !== undefined) {
    for (const metric of ['P(escalated or war)', ...key]) {
      charts.push({ name: `sweep-heatmap-${slug(metric)}`, title: `${metric} over ${x} and ${y}`, caption: `Read across a row to see what ${x} does at a fixed ${y}, and up a column for the reverse; a gradient along the diagonal means the two work together.`, spec: sweepHeatmap(data.points, x, y, metric) });
    }
  }
  if (data.design !== 'sobol' && data.design !== 'morris') {
    for (const metric of key) {
      charts.push({ name: `sweep-${slug(metric)}-by-${slug(x)}`, title: `${metric} against ${x}`, caption: 'Where the bands of two lines do not overlap, the difference between them is resolved by the replications.', spec: sweepMetricByFactor(data.points, x, metric, data.design === 'grid' && data.factors.length === 2 ? y : undefined) });
    }
  }
  const s = data.sensitivity;
  for (const metric of data.metrics.slice(0, 4)) {
    if (s?.sobol) charts.push({ name: `sweep-sobol-${slug(metric)}`, title: `Sobol indices of ${metric}`, caption: 'A factor with a large total index matters; a gap between its total and first-order index means its effect depends on other factors.', spec: sobolBars(s.factors, s.sobol[metric], metric) });
    if (s?.morris) charts.push({ name: `sweep-morris-${slug(metric)}`, title: `Morris screening of ${metric}`, caption: 'Factors with a small mu* can be fixed at their defaults in later sweeps; a large sigma flags interactions or non-linearity.', spec: morrisBars(s.factors, s.morris[metric], metric) });
  }
  return charts;
}

/** Returns the sweep report: sweep-report.html and every chart as .vl.json, .svg and .png. */
export async function sweepReportFiles(data: SweepReportData): Promise<OutputFile[]> {
  const charts = sweepReportCharts(data);
  const shown = data.metrics.filter((m) => PREFERRED.includes(m)).slice(0, 3);
  const rows = data.points
    .slice(0, 100)
    .map((p) => `<tr>${data.factors.map((f) => `<td class="num">${fmt(p.factors[f], 4)}</td>`).join('')}<td class="num">${p.runs}</td>${shown.map((m) => `<td class="num">${fmt(p.metrics[m].mean)} [${fmt(p.metrics[m].low)}, ${fmt(p.metrics[m].high)}]</td>`).join('')}<td class="num">${fmt((p.outcomes.escalated ?? 0) + (p.outcomes.war ?? 0))}</td></tr>`)
    .join('');
  const body = `<header>
<h1>${h(data.name)}</h1>
<p>${h(data.description)}</p>
<p class="meta">${h(data.design)} design · ${data.points.length} points × ${data.replications} replications · factors: ${data.factors.map(h).join(', ')} · detente-sim ${h(data.version)}</p>
</header>
<h2>Charts</h2>
${charts.map(figure).join('\n')}
<h2>Points</h2>
<p>Mean over replications with its 95% interval${data.points.length > 100 ? `; the first 100 of ${data.points.length} points (all of them are in summary.csv)` : ''}.</p>
<table><tr>${data.factors.map((f) => `<th>${h(f)}</th>`).join('')}<th>runs</th>${shown.map((m) => `<th>${h(m)}</th>`).join('')}<th>P(escalated or war)</th></tr>${rows}</table>`;
  return [{ name: 'sweep-report.html', content: page(`${data.name} — sweep report`, body, charts) }, ...(await chartFiles(charts))];
}

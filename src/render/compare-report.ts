import type { OutputFile } from '../io/write-output-dir.ts';
import { compareSeriesChart, metricDifferenceChart, type CompareData } from '../report/compare-charts.ts';
import type { ReportChart } from '../report/report-charts.ts';
import { escapeHtml as h } from './escape.ts';
import { chartFiles } from './report-files.ts';
import { figure, fmt, page } from './report-html.ts';

/** Returns the charts of a comparison: each compared series, then the metric differences. */
export function compareCharts(data: CompareData): ReportChart[] {
  return [
    ...data.series.map((s) => ({
      name: `compare-${s.column.replace(/[^A-Za-z0-9]+/g, '-')}`,
      title: s.name,
      caption: 'The upper panel shows both sides\' means; the lower one the paired difference run by run. Because replicate r of both sides shares its random numbers, the band shows the effect of the change, not noise.',
      spec: compareSeriesChart(data, s.column),
    })),
    {
      name: 'compare-metrics',
      title: 'Differences in the summary metrics',
      caption: 'An interval that does not cross zero is a difference the paired runs resolve at 95% confidence.',
      spec: metricDifferenceChart(data),
    },
  ];
}

/** Returns the comparison report's files: compare.html and every chart as .vl.json, .svg and .png. */
export async function compareReportFiles(data: CompareData): Promise<OutputFile[]> {
  const charts = compareCharts(data);
  const rows = data.metrics
    .map((m) => `<tr><td><code>${h(m.metric)}</code></td><td class="num">${fmt(m.baseline)}</td><td class="num">${fmt(m.variant)}</td><td class="num">${fmt(m.difference)}</td><td class="num">${Number.isNaN(m.low) ? '–' : `[${fmt(m.low)}, ${fmt(m.high)}]`}</td></tr>`)
    .join('');
  const body = `<header>
<h1>${h(data.title)}: baseline vs ${h(data.variant)}</h1>
<p class="meta">${data.runs} paired runs from seed ${data.seed} · baseline ${h(data.baseline)} · detente-sim ${h(data.version)}</p>
<p class="meta">Reproduce with <span class="command">${h(data.command)}</span></p>
</header>
<h2>Metric differences</h2>
<table><tr><th>metric</th><th>baseline</th><th>variant</th><th>difference</th><th>95% interval</th></tr>${rows}</table>
<h2>Charts</h2>
${charts.map(figure).join('\n')}`;
  return [{ name: 'compare.html', content: page(`${data.title} — comparison`, body, charts) }, ...(await chartFiles(charts))];
}

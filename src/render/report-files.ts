import type { OutputFile } from '../io/write-output-dir.ts';
import { reportCharts, type ReportChart } from '../report/report-charts.ts';
import type { ReportData } from '../report/report-data.ts';
import { renderPng, renderSvg } from './render-chart.ts';
import { reportHtml } from './report-html.ts';

/** Returns the report's files: report.html, and for every chart its .vl.json spec, .svg and .png. */
export async function reportFiles(data: ReportData): Promise<OutputFile[]> {
  const charts = reportCharts(data);
  return [{ name: 'report.html', content: reportHtml(data, charts) }, ...(await chartFiles(charts))];
}

/** Returns each chart as its editable Vega-Lite spec (.vl.json), an .svg and a .png. */
export async function chartFiles(charts: readonly ReportChart[]): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const chart of charts) {
    const svg = await renderSvg(chart.spec);
    files.push(
      { name: `${chart.name}.vl.json`, content: JSON.stringify(chart.spec, null, 2) + '\n' },
      { name: `${chart.name}.svg`, content: svg },
      { name: `${chart.name}.png`, content: renderPng(svg) },
    );
  }
  return files;
}

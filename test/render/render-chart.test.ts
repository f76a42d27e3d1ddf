import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderPng, renderSvg } from '../../src/render/render-chart.ts';
import { reportCharts } from '../../src/report/report-charts.ts';
import { reportDataFor } from '../report/fixtures.ts';

const data = reportDataFor('classroom', 1);
const charts = reportCharts(data);
const hostility = charts.find((c) => c.name === 'hostility')!;

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*width="([\d.]+)"[^>]*height="([\d.]+)"/.exec(svg)!;
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** Share of non-white pixels in a rectangle given as fractions of the image. */
function ink(png: PNG, x0: number, y0: number, x1: number, y1: number): number {
  let dark = 0;
  let total = 0;
  for (let y = Math.floor(y0 * png.height); y < y1 * png.height; y++) {
    for (let x = Math.floor(x0 * png.width); x < x1 * png.width; x++) {
      const k = (y * png.width + x) * 4;
      total++;
      if (png.data[k] < 200 || png.data[k + 1] < 200 || png.data[k + 2] < 200) dark++;
    }
  }
  return dark / total;
}

describe('renderSvg', () => {
  it('draws one line per state, the thresholds and the event labels', async () => {
    const svg = await renderSvg(hostility.spec);
    expect(svg.startsWith('<svg')).toBe(true);
    // one line mark container per state, each holding its path
    expect(svg.match(/class="mark-line role-mark concat_0_layer_0_marks"/g)).toHaveLength(2);
    for (const text of ['Hostility per state', 'crisis', 'war', 'Border clash', 'Arland', 'Borovia']) expect(svg).toContain(text);
  });
  it('draws every chart of the report', async () => {
    for (const chart of charts) {
      const svg = await renderSvg(chart.spec);
      expect(svg, chart.name).toContain('role-mark');
      expect(svgSize(svg).width, chart.name).toBeGreaterThan(300);
    }
  });
});

describe('renderPng', () => {
  it('decodes, is twice the SVG size, has ink in the plot area and text in the title', async () => {
    const svg = await renderSvg(hostility.spec);
    const png = PNG.sync.read(Buffer.from(renderPng(svg)));
    const size = svgSize(svg);
    expect(png.width).toBe(Math.round(size.width * 2));
    expect(png.height).toBe(Math.round(size.height * 2));
    // the plot area (middle of the upper panel) holds the lines and grid
    expect(ink(png, 0.1, 0.2, 0.9, 0.55)).toBeGreaterThan(0.01);
    // the title's text renders with the bundled font: dark pixels top left, white elsewhere in that band
    expect(ink(png, 0, 0, 0.3, 0.04)).toBeGreaterThan(0.02);
    expect(ink(png, 0.75, 0, 1, 0.03)).toBeLessThan(0.01);
  });
  it('renders the same bytes twice (fonts are fixed, not the system\'s)', async () => {
    const svg = await renderSvg(hostility.spec);
    expect(Buffer.from(renderPng(svg)).equals(Buffer.from(renderPng(svg)))).toBe(true);
  });
});

describe('escaping', () => {
  it('shows scenario strings in the SVG as text', async () => {
    const hostile = reportDataFor('test/fixtures/hostile-names.yaml', 1);
    for (const chart of reportCharts(hostile)) {
      const svg = await renderSvg(chart.spec);
      expect(svg, chart.name).not.toMatch(/<script|<svg onload|<\/text><script/i);
    }
    const svg = await renderSvg(reportCharts(hostile)[0].spec);
    expect(svg).toContain('&lt;script&gt;document.title=');
  });
});

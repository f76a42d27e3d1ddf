import { describe, expect, it } from 'vitest';
import { reportHtml } from '../../src/render/report-html.ts';
import { reportCharts } from '../../src/report/report-charts.ts';
import { reportDataFor } from '../report/fixtures.ts';

describe('reportHtml', () => {
  const data = reportDataFor('india-pakistan', 1947);
  const html = reportHtml(data, reportCharts(data));

  it('is self-contained: the libraries are inlined and nothing is fetched', () => {
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/https?:\/\/(?!vega\.github\.io\/schema)[^\s"'<>]*\.(js|css)/);
    expect(html).toContain("Content-Security-Policy");
    expect(html).toContain('vegaEmbed');
  });
  it('has the title, date range, seed, command line, summary, every chart with a caption, parameters and events', () => {
    for (const text of ['India–Pakistan (1990–2025)', '1990-01 to 2025-12', 'seed 1947', 'detente run india-pakistan', 'Outcome', 'Months in crisis', 'Parameters', 'Scheduled events', 'Lahore Declaration', 'transfer.mu', 'Sources']) {
      expect(html).toContain(text);
    }
    expect(html.match(/<figure>/g)).toHaveLength(reportCharts(data).length);
    expect(html.match(/<figcaption>/g)).toHaveLength(reportCharts(data).length);
  });
  it('marks overridden parameters', () => {
    const changed = reportDataFor('india-pakistan', 1947, 1, ['transfer.mu=2']);
    const page = reportHtml(changed, reportCharts(changed));
    expect(page).toMatch(/<tr class="overridden"><td><code>transfer\.mu<\/code><\/td><td class="num">2<\/td><td class="num">1<\/td><td>overridden in --set<\/td>/);
  });
  it('escapes every string that comes from a scenario', () => {
    const hostile = reportDataFor('test/fixtures/hostile-names.yaml', 1);
    const page = reportHtml(hostile, reportCharts(hostile));
    const body = page.slice(0, page.indexOf('<script>'));
    expect(body).not.toMatch(/<script|<img|<b>|<i>|<svg onload/i);
    expect(body).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &quot;Quotes&quot; &#39;R&amp;D&#39;');
    const open = page.indexOf('>', page.indexOf('<script id="specs"')) + 1;
    const specs = page.slice(open, page.indexOf('</script>', open));
    expect(specs).toContain('\\u003cscript\\u003edocument.title=');
    expect(specs).not.toMatch(/<\/script|<script/i);
  });
});

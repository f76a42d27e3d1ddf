import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * Opens generated reports in Debian's Chromium, offline: every request that is not a local file is
 * aborted and counted. .ci/run installs chromium when it is missing.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve('test-artifacts');
let browser: Browser;

function runReport(scenario: string, extra: string[] = []): string {
  const out = join(mkdtempSync(join(tmpdir(), 'detente-report-')), 'out');
  const r = spawnSync(process.execPath, ['bin/detente.js', 'run', scenario, '--report', '--out', out, ...extra], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return join(out, 'report.html');
}

async function open(file: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href);
  await page.evaluate(async () => {
    await (window as unknown as { chartsRendered: Promise<unknown> }).chartsRendered;
    return true;
  });
  return { page, context, errors, dialogs, blocked };
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (.ci/run does)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
});
afterAll(async () => browser?.close());

describe('report.html in a real browser', () => {
  it('draws every chart, offline, with no console errors', async () => {
    const file = runReport('india-pakistan', ['--runs', '10']);
    const { page, context, errors, blocked } = await open(file);
    const figures = await page.locator('figure').count();
    expect(figures).toBe(9);
    expect(await page.locator('.chart svg').count()).toBe(figures);
    for (let i = 0; i < figures; i++) expect(await page.locator(`#chart-${i} svg .role-mark`).count(), `chart ${i}`).toBeGreaterThan(0);
    expect(await page.locator('.chart.error').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    await context.close();
  });

  it('shows hostile scenario strings as text and runs none of them', async () => {
    const file = runReport('test/fixtures/hostile-names.yaml');
    const { page, context, errors, dialogs } = await open(file);
    expect(dialogs).toEqual([]);
    expect(await page.title()).toContain('<script>alert("pwned")</script>');
    expect(await page.locator('h1').textContent()).toBe('<script>alert("pwned")</script> & "Quotes" \'R&D\'');
    expect(await page.locator('body').textContent()).toContain('<img src=x onerror=alert(1)> source & co');
    expect(await page.locator('h1 script, header img, td b').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'report-hostile-names.png') });
    await context.close();
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * Opens the classroom page in Debian's Chromium at projector size, offline: every request that
 * is not a local file, data: or blob: URL is aborted and counted.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve('test-artifacts');
const BIN = join(process.cwd(), 'bin/detente.js');
let browser: Browser;
let pageFile: string;
const tmp = () => mkdtempSync(join(tmpdir(), 'detente-classroom-browser-'));

function cli(args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`detente ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

async function open(hash = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(pathToFileURL(pageFile).href + hash);
  await ready(page, 1);
  return { page, context, problems, blocked };
}

/** Waits until the page shows the run of its current settings, after at least `runs` runs. */
async function ready(page: Page, runs: number) {
  await page.waitForFunction((n) => document.body.dataset.state === 'ready' && Number(document.body.dataset.runs) >= n, runs, { timeout: 30_000 });
}

const runsShown = (page: Page) => page.evaluate(() => Number(document.body.dataset.runs));
const linePaths = (page: Page) => page.locator('#chart-hostility .mark-line path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
const summaryText = (page: Page) => page.locator('#summary').innerText();

async function downloaded(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return readFileSync((await file.path())!, 'utf8');
}

async function screenshot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name) });
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (.ci/run does)`);
  pageFile = join(tmp(), 'classroom.html');
  cli(['classroom', 'classroom', '--out', pageFile, '--seed', '3']);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => browser?.close());

/*
 * One page serves the tests in order, each starting from the scenario's settings (a new hash is
 * applied without a reload); a second page checks that the link reopens the same run. Console
 * problems and blocked requests are counted over the whole session.
 */
describe('the classroom page in a real browser', () => {
  let session: Awaited<ReturnType<typeof open>>;
  let page: Page;

  beforeAll(async () => {
    session = await open();
    page = session.page;
  });
  afterAll(async () => session?.context.close());

  /** Back to the scenario's settings with no baseline, and waits for that run. */
  async function restart() {
    if (await page.locator('#clear-baseline').isEnabled()) await page.click('#clear-baseline');
    const runs = await runsShown(page);
    if ((await page.evaluate(() => location.hash)) !== '#seed=3') {
      await page.evaluate(() => (location.hash = '#seed=3'));
      await ready(page, runs + 1);
    }
  }

  it('loads offline and draws both charts', async () => {
    expect(await page.locator('#chart-hostility svg .role-mark').count()).toBeGreaterThan(0);
    expect(await linePaths(page)).toHaveLength(2);
    expect(await page.locator('#chart-trust .mark-line path').count()).toBe(2);
    expect(await page.locator('#seed').inputValue()).toBe('3');
    expect(await page.locator('#command').textContent()).toBe('detente run classroom --seed 3');
    await screenshot(page, 'classroom.png');
  });

  it('moving a slider with the keyboard changes the charted series and the link', async () => {
    await restart();
    const before = await linePaths(page);
    const runs = await runsShown(page);
    const slider = page.getByLabel('Borovia receptivity');
    await slider.focus();
    for (let k = 0; k < 4; k++) await slider.press('ArrowRight');
    await page.waitForFunction(() => location.hash.includes('receptivity.BOR=0.6'));
    await ready(page, runs + 1);
    expect(await page.locator('#control-1-value').textContent()).toBe('0.60');
    expect(await linePaths(page)).not.toEqual(before);
    expect(await page.locator('#command').textContent()).toBe('detente run classroom --seed 3 --set states.BOR.receptivity=0.6');
  });

  it('switching an event off changes the result, drawn against the kept baseline', async () => {
    await restart();
    const before = await summaryText(page);
    await page.click('#keep-baseline');
    await page.waitForFunction(() => document.querySelectorAll('#chart-hostility .mark-line path').length === 4);
    const runs = await runsShown(page);
    await page.getByRole('checkbox', { name: /Border clash/ }).uncheck();
    await ready(page, runs + 1);
    expect(await page.evaluate(() => location.hash)).toBe('#seed=3&switch=events.border-clash');
    expect(await summaryText(page)).not.toEqual(before);
    // The baseline column still holds the run with the clash: one shock more.
    const shocks = (await page.locator('#summary tr', { hasText: 'Shocks' }).locator('td').allTextContents()).map(Number);
    expect(shocks[1] - shocks[0]).toBe(1);
    expect(await page.locator('#chart-hostility .mark-line path').count()).toBe(4);
    await screenshot(page, 'classroom-what-if.png');
  });

  it('gives the same numbers as the command it shows; its link reopens the same run', async () => {
    const hash = '#seed=11&receptivity.ARL=0.25&dialogue=1.5&forgetting=0.3&switch=events.border-clash';
    await restart();
    const runs = await runsShown(page);
    await page.evaluate((h) => (location.hash = h), hash);
    await ready(page, runs + 1);
    expect(await page.locator('#seed').inputValue()).toBe('11');
    expect(await page.getByLabel('Arland receptivity').inputValue()).toBe('0.25');
    expect(await page.locator('#control-3-value').textContent()).toBe('× 1.50');
    expect(await page.getByRole('checkbox', { name: /Border clash/ }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: /Envoy talks/ }).isChecked()).toBe(true);
    const command = (await page.locator('#command').textContent())!;
    expect(command).toBe('detente run classroom --seed 11 --set states.ARL.receptivity=0.25 --set events.workshop.every=4 --set events.talks-2005.every=3 --set forgetting.delta=0.3 --set events.border-clash.enabled=false');
    const out = join(tmp(), 'cli');
    cli([...command.split(' ').slice(1), '--out', out]);
    expect(await downloaded(page, '#download-series')).toBe(readFileSync(join(out, 'series.csv'), 'utf8'));
    expect(await downloaded(page, '#download-summary')).toBe(readFileSync(join(out, 'summary.json'), 'utf8'));

    // The link, opened in a new tab, shows the same settings and the same run.
    const link = await page.locator('#link').inputValue();
    expect(link.endsWith(hash)).toBe(true);
    const again = await session.context.newPage();
    again.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && session.problems.push(`${m.type()}: ${m.text()}`));
    await again.goto(link);
    await ready(again, 1);
    expect(await again.evaluate(() => location.hash)).toBe(hash);
    expect(await summaryText(again)).toBe(await summaryText(page));
    expect(await linePaths(again)).toEqual(await linePaths(page));

    // A new link in the same tab (only the hash changes): parts it cannot use are reported, the rest is run.
    await again.goto(pathToFileURL(pageFile).href + '#seed=5&epsilon=9&nothing=1');
    await ready(again, 2);
    expect(await again.locator('#status').textContent()).toBe('Parts of the link were not used: Confidence bound: "9" is outside 0–1; no setting "nothing" on this page.');
    expect(await again.evaluate(() => location.hash)).toBe('#seed=5');
    await again.close();
  });

  it('computes the replications fan in a worker, equal to the CLI\'s replications', async () => {
    await restart();
    const runs = await runsShown(page);
    await page.selectOption('#reps-count', '20');
    await page.click('#reps-run');
    // The page answers while the worker runs: a slider still moves the run.
    await page.getByLabel('Confidence bound').fill('0.5');
    await ready(page, runs + 1);
    await page.waitForFunction(() => document.getElementById('fan-section')!.dataset.state === 'ready', null, { timeout: 60_000 });
    expect(await page.locator('#chart-fan .mark-area path').count()).toBeGreaterThanOrEqual(8);
    const out = join(tmp(), 'reps');
    cli(['run', 'classroom', '--seed', '3', '--set', 'transfer.epsilon=0.5', '--runs', '20', '--out', out]);
    const reps = JSON.parse(readFileSync(join(out, 'replications.json'), 'utf8')) as { outcomes: Record<string, number> };
    const shares = Object.entries(reps.outcomes).map(([o, p]) => `${o} ${(100 * p).toFixed(0)}%`).join(', ');
    expect(await page.locator('#reps-outcomes').textContent()).toBe(`20 runs from seed 3: ${shares}`);
    await page.locator('#fan-section').scrollIntoViewIfNeeded();
    await screenshot(page, 'classroom-fan.png');
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('plays, pauses and steps the run from the keyboard', async () => {
    await restart();
    await page.click('#reset');
    expect(await page.locator('#now').textContent()).toBe('2000-01');
    await page.locator('h1').click();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#now').textContent()).toBe('2000-02');
    await page.locator('#speed').selectOption('32');
    await page.locator('h1').click();
    await page.keyboard.press('Space');
    expect(await page.locator('#play').getAttribute('aria-pressed')).toBe('true');
    await page.waitForFunction(() => document.getElementById('now')!.textContent! >= '2003-07');
    await page.keyboard.press('Space');
    expect(await page.locator('#play').getAttribute('aria-pressed')).toBe('false');
    // By mid-2003 the border clash has happened and shows in the list of what happened.
    expect(await page.locator('#happened').innerText()).toContain('Border clash: shock');
    await screenshot(page, 'classroom-playing.png');
  });

  it('shows hostile scenario strings as text and runs none of them', async () => {
    const file = join(tmp(), 'hostile.html');
    cli(['classroom', 'test/fixtures/hostile-names.yaml', '--out', file]);
    const hostile = await session.context.newPage();
    const dialogs: string[] = [];
    hostile.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    hostile.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && session.problems.push(`${m.type()}: ${m.text()}`));
    await hostile.goto(pathToFileURL(file).href);
    await ready(hostile, 1);
    expect(await hostile.title()).toBe('<script>alert("pwned")</script> & "Quotes" \'R&D\' — detente-sim classroom');
    expect(await hostile.locator('h1').textContent()).toBe('<script>alert("pwned")</script> & "Quotes" \'R&D\'');
    expect(await hostile.locator('label[for="control-1"]').textContent()).toBe('B & "Sons" <i> receptivity');
    expect(await hostile.locator('#events').textContent()).toContain('<svg onload=alert(3)> talks');
    expect(await hostile.locator('header script, aside i, aside svg, #events script, #happened svg').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await hostile.close();
  });

  it('logged no console error or warning and made no network request all along', () => {
    expect(session.problems).toEqual([]);
    expect(session.blocked).toEqual([]);
  });
});

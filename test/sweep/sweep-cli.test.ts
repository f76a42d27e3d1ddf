import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { query } from '../store-helpers.ts';
import { describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'bin/detente.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const tmp = () => mkdtempSync(join(tmpdir(), 'detente-sweep-'));


/** Waits until `ready()` holds (polling), so a test does not guess how long a busy machine takes. */
async function waitFor(ready: () => boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const RUNS = 'select run_key, seed, outcome, "monthsInCrisis", "finalTrackI", "agreementsSigned" from runs order by run_key';

describe('detente sweep', () => {
  it('gives the same runs with 1 and 2 workers, resumes without rerunning, and exports', async () => {
    const one = join(tmp(), 'one');
    const two = join(tmp(), 'two');
    const a = cli('sweep', 'test/fixtures/sweeps/small.yaml', '--workers', '1', '--out', one);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toContain('9 points × 4 replications = 36 runs');
    expect(cli('sweep', 'test/fixtures/sweeps/small.yaml', '--workers', '2', '--out', two).status).toBe(0);
    expect(await query(join(one, 'sweep.duckdb'), RUNS)).toEqual(await query(join(two, 'sweep.duckdb'), RUNS));
    const again = cli('sweep', 'test/fixtures/sweeps/small.yaml', '--workers', '2', '--out', two);
    expect(again.stdout).toContain('0 run now');
    expect(again.stdout).toContain('36 already stored');
    const bands = await query(join(two, 'sweep.duckdb'), "select count(*) as n from bands where series = 'trackI'");
    expect(Number(bands[0].n)).toBe(9 * 120);

    const parquet = join(tmp(), 'runs.parquet');
    expect(cli('sweep', 'export', two, '--format', 'parquet', '--out', parquet).status).toBe(0);
    const back = await query(':memory:', `select run_key, seed, outcome, "monthsInCrisis", "finalTrackI", "agreementsSigned" from read_parquet('${parquet}') order by run_key`);
    expect(back).toEqual(await query(join(two, 'sweep.duckdb'), RUNS));
    const factors = await query(':memory:', `select distinct receptivity, mu from read_parquet('${parquet}') order by 1, 2`);
    expect(factors).toHaveLength(9);

    const summary = cli('sweep', 'summarize', two);
    expect(summary.status).toBe(0);
    const csv = readFileSync(join(two, 'summary.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(10);
    expect(csv[0]).toContain("monthsInCrisis.low95");
    expect(readFileSync(join(two, "bands.csv"), "utf8").trim().split("\n")).toHaveLength(1 + 9 * 120);
  });

  it('refuses a changed spec that would alter run identity, unless asked for a new sweep', () => {
    const out = join(tmp(), 'x');
    expect(cli('sweep', 'test/fixtures/sweeps/small.yaml', '--workers', '0', '--out', out).status).toBe(0);
    const changed = join(tmp(), 'changed.yaml');
    const text = readFileSync('test/fixtures/sweeps/small.yaml', 'utf8').replace('seed: 3', 'seed: 4').replace('../../../scenarios/classroom.yaml', join(process.cwd(), 'scenarios/classroom.yaml'));
    writeFileSync(changed, text);
    const r = cli('sweep', changed, '--workers', '0', '--out', out);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('holds a sweep whose runs this spec would change');
    expect(cli('sweep', changed, '--workers', '0', '--out', out, '--new').status).toBe(0);
  });

  it('survives SIGKILL midway: the resumed store has every run exactly once, equal to an uninterrupted sweep', async () => {
    const killed = join(tmp(), 'killed');
    const child = spawn(process.execPath, [BIN, 'sweep', 'test/fixtures/sweeps/long.yaml', '--workers', '2', '--out', killed], { stdio: 'ignore' });
    // kill once some batches are committed (the store file appears when the sweep starts)
    await waitFor(() => existsSync(join(killed, 'sweep.duckdb')));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const partial = Number((await query(join(killed, 'sweep.duckdb'), 'select count(*) as n from runs'))[0].n);
    const resumed = cli('sweep', 'test/fixtures/sweeps/long.yaml', '--workers', '2', '--out', killed);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`${partial} already stored`);
    const whole = join(tmp(), 'whole');
    expect(cli('sweep', 'test/fixtures/sweeps/long.yaml', '--workers', '2', '--out', whole).status).toBe(0);
    const counts = await query(join(killed, 'sweep.duckdb'), 'select count(*) as n, count(distinct run_key) as k from runs');
    expect(Number(counts[0].n)).toBe(600);
    expect(Number(counts[0].k)).toBe(600);
    expect(await query(join(killed, 'sweep.duckdb'), RUNS)).toEqual(await query(join(whole, 'sweep.duckdb'), RUNS));
  });

  it('stops cleanly on Ctrl-C (SIGINT) and resumes to the same runs', async () => {
    const out = join(tmp(), 'int');
    const child = spawn(process.execPath, [BIN, 'sweep', 'test/fixtures/sweeps/long.yaml', '--workers', '1', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    // the Ctrl-C handler is in place once the store exists
    await waitFor(() => existsSync(join(out, 'sweep.duckdb')));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stdout).toContain('Stopped early');
    const resumed = cli('sweep', 'test/fixtures/sweeps/long.yaml', '--workers', '1', '--out', out);
    expect(resumed.status).toBe(0);
    const counts = await query(join(out, 'sweep.duckdb'), 'select count(*) as n, count(distinct run_key) as k from runs');
    expect([Number(counts[0].n), Number(counts[0].k)]).toEqual([600, 600]);
  });

  it('reports a broken spec with file, line and column', () => {
    const bad = join(tmp(), 'bad.yaml');
    writeFileSync(bad, 'name: x\nscenario: classroom\nfactors:\n  - { path: transfer.mu, levles: [1] }\n');
    const r = cli('sweep', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:4:\d+  factors\[0\]\.levles  unknown key "levles"/);
    expect(r.stderr).toContain('did you mean "levels"?');
  });
});

describe('sweep summarize', () => {
  it('computes Sobol indices for a Saltelli design and draws the sweep report', () => {
    const out = join(tmp(), 'sobol');
    expect(cli('sweep', 'test/fixtures/sweeps/sobol-small.yaml', '--workers', '0', '--out', out).status).toBe(0);
    const r = cli('sweep', 'summarize', out, '--report');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Sobol indices of monthsInCrisis');
    const s = JSON.parse(readFileSync(join(out, 'sensitivity.json'), 'utf8'));
    expect(s.method).toBe('sobol');
    expect(s.factors).toEqual(['receptivity', 'mu', 'delta']);
    for (const m of ['monthsInCrisis', 'finalTrackI']) {
      expect(s.sobol[m]).toHaveLength(3);
      for (const f of s.sobol[m]) expect(Number.isFinite(f.ST)).toBe(true);
    }
    const html = readFileSync(join(out, 'sweep-report.html'), 'utf8');
    expect(html.match(/<figure>/g)!.length).toBe(2);
    expect(r.stderr).not.toContain('WARN');
  });
  it('draws heatmaps and response curves for a grid', () => {
    const out = join(tmp(), 'grid');
    expect(cli('sweep', 'test/fixtures/sweeps/small.yaml', '--workers', '0', '--out', out).status).toBe(0);
    const r = cli('sweep', 'summarize', out, '--report');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('WARN');
    const files = readdirSync(out);
    expect(files).toEqual(expect.arrayContaining(['sweep-report.html', 'sweep-heatmap-P-escalated-or-war.png', 'sweep-heatmap-monthsInCrisis.svg', 'sweep-monthsInCrisis-by-receptivity.vl.json']));
  });
});

describe('quick sweeps from the command line', () => {
  it('builds the spec from --scenario and --factor flags', async () => {
    const out = join(tmp(), 'quick');
    const r = cli('sweep', '--scenario', 'classroom', '--factor', 'states.BOR.receptivity=0.2,0.8', '--factor', 'transfer.mu=0.5:2:3:log', '--replications', '2', '--workers', '0', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('6 points × 2 replications = 12 runs');
    const mu = await query(join(out, 'sweep.duckdb'), 'select distinct mu from points order by mu');
    expect(mu.map((x) => Number(x.mu))).toEqual([0.5, 1, 2].map((v, i) => (i === 1 ? Math.exp((Math.log(0.5) + Math.log(2)) / 2) : v)));
  });
  it('refuses a misspelt factor path before running anything', () => {
    const r = cli('sweep', '--scenario', 'classroom', '--factor', 'transfer.muu=1,2', '--workers', '0', '--out', join(tmp(), 'm'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean "transfer.mu"?');
  });
  it('says what is wrong with a factor flag', () => {
    const r = cli('sweep', '--scenario', 'classroom', '--factor', 'transfer.mu=a:b');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"a" is not a number');
  });
});

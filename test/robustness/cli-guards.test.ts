import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { twoStates } from '../helpers.ts';

/* The guards as a user meets them: hostile files, limits, allowed folders and existing outputs. */

const BIN = join(process.cwd(), 'bin/detente.js');
function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'detente-guards-'));
const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('hostile scenario files', () => {
  it('refuses escaping expressions and alias bombs with file, line and column, exit 2 and no stack trace', () => {
    const dir = tmp();
    const file = join(dir, 'hostile.yaml');
    writeFileSync(file, stringify(twoStates({ parameters: { 'transfer.mu': 'import({}, {override: true})' }, states: [{ id: 'A', receptivity: 'A["constructor"]' }, { id: 'B' }] })));
    const r = cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/hostile\.yaml:\d+:\d+  states\[0\]\.receptivity  expected arithmetic on numbers and variables, not property or index access/);
    expect(r.stderr).toMatch(/hostile\.yaml:\d+:\d+  parameters\.transfer\.mu  expected one of the functions abs, .*; found "import"/);
    noStack(r.stderr);
    const bomb = join(dir, 'bomb.yaml');
    writeFileSync(bomb, ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n') + '\n');
    const b = cli(['run', bomb, '--out', join(dir, 'never')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('bomb.yaml:1:1  expected at most 1000 uses of aliases (*name); this file expands them far more often, as an "alias bomb" does');
    noStack(b.stderr);
  });

  it('keeps `extends` inside the scenario\'s folder unless --allow-path names another', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'shared'));
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'shared', 'base.yaml'), stringify(twoStates()));
    writeFileSync(join(dir, 'mine', 'variant.yaml'), stringify({ extends: '../shared/base.yaml', name: 'Variant' }));
    const refused = cli(['validate', join(dir, 'mine', 'variant.yaml')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`variant.yaml:1:10  extends  cannot read "../shared/base.yaml": it is outside the folders a scenario may extend`);
    expect(refused.stderr).toContain(`pass --allow-path ${join(dir, 'shared')}`);
    const allowed = cli(['validate', join(dir, 'mine', 'variant.yaml'), '--allow-path', join(dir, 'shared')]);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stdout).toContain('ok  ');
  });

  it('refuses a --set path that would reach a prototype', () => {
    const r = cli(['validate', 'classroom', '--set', 'calendar.__proto__.polluted=1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"__proto__" cannot be part of a path: it is not a scenario key');
  });
});

describe('limits', () => {
  it('are set by --limit or DETENTE_LIMITS (flags win), and say how to raise them', () => {
    const flag = cli(['validate', 'classroom', '--limit', 'agents=10']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('agents  expected at most 10 agents, states included, found 11');
    expect(flag.stderr).toContain('hint: if you trust this file, raise the limit: --limit agents=11 (or DETENTE_LIMITS=agents=11)');
    const env = cli(['validate', 'classroom'], { DETENTE_LIMITS: 'steps=100,agents=50' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('calendar.end  expected a calendar of at most 100 months, found 120');
    expect(cli(['validate', 'classroom', '--limit', 'steps=120'], { DETENTE_LIMITS: 'steps=100' }).code).toBe(0);
    const bad = cli(['validate', 'classroom', '--limit', 'agent=5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('detente: --limit: unknown limit "agent" in "agent=5"; expected one of agents, steps, events, runs, pairs, file-mb');
    const runs = cli(['run', 'classroom', '--runs', '20', '--limit', 'runs=10', '--out', join(tmp(), 'r')]);
    expect(runs.code).toBe(2);
    expect(runs.stderr).toContain('detente: --runs 20 is above the limit of 10 runs');
  });

  it('hold in every run of a sweep, not only when the spec is checked', () => {
    const dir = tmp();
    const scenario = join(dir, 'crowd.yaml');
    writeFileSync(scenario, stringify(twoStates({ agents: [{ id: 'a-neg', kind: 'negotiator', side: 'A' }, { id: 'b-neg', kind: 'negotiator', side: 'B' }, { group: 'crowd', kind: 'track2', type: 'academic', side: 'A', count: 2 }] })));
    const r = cli(['sweep', '--scenario', scenario, '--factor', 'agents[crowd].count=2,30', '--limit', 'agents=20', '--workers', '0', '--out', join(dir, 's')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 points × 1 replications = 2 runs; 1 run now');
    expect(r.stdout).toContain('1 points invalid');
  });

  it('refuse a sweep of too many runs before planning it', () => {
    const spec = join(tmp(), 'huge.yaml');
    writeFileSync(spec, stringify({ name: 'huge', scenario: 'classroom', replications: 10, factors: ['transfer.mu', 'forgetting.delta', 'transfer.epsilon'].map((path) => ({ path, range: [0, 1], steps: 10_000 })) }));
    const r = cli(['sweep', spec, '--workers', '0', '--out', join(tmp(), 's')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/huge\.yaml:\d+:\d+  design  expected a sweep of at most 1000000 runs \(points × replications\), found 10,000,000,000,000/);
    expect(r.stderr).toContain('--limit runs=10000000000000');
  });
});

describe('number options', () => {
  it('echo a --seed that is not a number as typed, not as NaN', () => {
    for (const command of ['run', 'classroom']) {
      const r = cli([command, 'classroom', '--seed', 'abc', '--out', join(tmp(), 'never')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--seed expects a whole number from 0 to 4294967295, found abc');
      noStack(r.stderr);
    }
  });
});

describe('existing outputs are replaced only with --force', () => {
  it('run --force replaces only a detente output folder, and never the current folder', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'precious', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'precious', 'sub', 'thesis.tex'), 'x');
    const foreign = cli(['run', 'classroom', '--out', join(dir, 'precious'), '--force']);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('is not a detente output folder');
    noStack(foreign.stderr);
    expect(readFileSync(join(dir, 'precious', 'sub', 'thesis.tex'), 'utf8')).toBe('x');
    const here = spawnSync(process.execPath, [BIN, 'run', 'classroom', '--out', '.', '--force'], { cwd: join(dir, 'precious'), encoding: 'utf8' });
    expect(here.status).toBe(2);
    expect(here.stderr).toContain('--out . is the current folder');
    noStack(here.stderr);
    expect(readFileSync(join(dir, 'precious', 'sub', 'thesis.tex'), 'utf8')).toBe('x');
    expect(cli(['run', 'classroom', '--out', join(dir, 'run'), '--seed', '1']).code).toBe(0);
    const again = cli(['run', 'classroom', '--out', join(dir, 'run'), '--seed', '2', '--force']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'run', 'manifest.json'), 'utf8')).seed).toBe(2);
  });

  it('sweep summarize and sweep export (run and compare: test/cli)', () => {
    const dir = tmp();
    const sweep = join(dir, 'sweep');
    expect(cli(['sweep', 'test/fixtures/sweeps/small.yaml', '--workers', '0', '--out', sweep]).code).toBe(0);
    expect(cli(['sweep', 'summarize', sweep]).code).toBe(0);
    const summary = readFileSync(join(sweep, 'summary.csv'), 'utf8');
    const twice = cli(['sweep', 'summarize', sweep]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('already holds summary.csv, summary.json, bands.csv from an earlier summary');
    expect(twice.stderr).toContain('hint: pass --force to replace them');
    expect(cli(['sweep', 'summarize', sweep, '--force']).code).toBe(0);
    expect(readFileSync(join(sweep, 'summary.csv'), 'utf8')).toBe(summary);

    const exported = join(dir, 'runs.csv');
    expect(cli(['sweep', 'export', sweep, '--format', 'csv', '--out', exported]).code).toBe(0);
    writeFileSync(exported, 'mine\n');
    const over = cli(['sweep', 'export', sweep, '--format', 'csv', '--out', exported]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('pass --force to replace it');
    expect(readFileSync(exported, 'utf8')).toBe('mine\n');
    expect(cli(['sweep', 'export', sweep, '--format', 'csv', '--out', exported, '--force']).code).toBe(0);
    expect(readFileSync(exported, 'utf8').split('\n')[0]).toContain('run_key');
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'bin/detente.js');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: process.cwd() });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'detente-cli-'));

describe('detente run', () => {
  it('writes series, summary, ledger, events and a manifest, and prints a summary', () => {
    const out = join(tmp(), 'run');
    const r = cli('run', 'classroom', '--out', out, '--seed', '4');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Outcome:');
    expect(r.stdout).toContain('Largest changes in official cross-side trust');
    expect(r.stdout).toContain(`Outputs written to ${out}/`);
    expect(readdirSync(out).sort()).toEqual(['events.csv', 'ledger.csv', 'manifest.json', 'network.json', 'scenario.json', 'series.csv', 'series.json', 'summary.json']);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.seed).toBe(4);
    expect(['de-escalated', 'stalemate', 'escalated', 'war']).toContain(summary.outcome);
    expect(readFileSync(join(out, 'ledger.csv'), 'utf8').split('\n')[0]).toBe('step,date,cause,causeKind,target,delta');
    expect(readFileSync(join(out, 'series.csv'), 'utf8').split('\n')[0]).toMatch(/^date,step,hostility:ARL,hostility:BOR,tau:ARL>BOR/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.scenario.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.seed).toBe(4);
    expect(manifest.command).toBe(`detente run classroom --out ${out} --seed 4`);
    expect(manifest.parameters['transfer.mu']).toEqual({ value: 1, default: 1 });
    expect(manifest.tool.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('gives byte-identical outputs for the same seed', () => {
    const a = join(tmp(), 'a');
    const b = join(tmp(), 'b');
    expect(cli('run', 'classroom', '--out', a, '--seed', '9', '--trust-every', '12').code).toBe(0);
    expect(cli('run', 'classroom', '--out', b, '--seed', '9', '--trust-every', '12').code).toBe(0);
    for (const f of readdirSync(a)) {
      if (f === 'manifest.json') continue; // it records the command line, which names the folder
      expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    }
    expect(readFileSync(join(a, 'trust.csv'), 'utf8').split('\n')[0]).toBe('step,date,from,to,trust');
  });

  it('never replaces an existing output folder without --force', () => {
    const out = join(tmp(), 'x');
    expect(cli('run', 'classroom', '--out', out).code).toBe(0);
    const again = cli('run', 'classroom', '--out', out, '--seed', '2');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(again.stderr).toContain('--force');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).seed).toBe(1);
    expect(cli('run', 'classroom', '--out', out, '--seed', '2', '--force').code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).seed).toBe(2);
  });

  it('runs replications and summarises across them', () => {
    const out = join(tmp(), 'reps');
    const r = cli('run', 'classroom', '--runs', '6', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 replications');
    expect(r.stdout).toMatch(/95% CI/);
    expect(readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n')).toHaveLength(7);
    expect(JSON.parse(readFileSync(join(out, 'replications.json'), 'utf8')).runs).toBe(6);
  });

  it('stops at --until and applies --set', () => {
    const out = join(tmp(), 'until');
    expect(cli('run', 'classroom', '--until', '2003-12', '--set', 'states.BOR.receptivity=0.9', '--out', out).code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.end).toBe('2003-12');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.states.BOR.receptivity).toBe(0.9);
  });

  it.each([
    [['run', 'classroom', '--until', '2030-01'], 'outside the scenario\'s calendar'],
    [['run', 'classroom', '--steps', '5', '--until', '2001-01'], 'either --until or --steps'],
    [['run', 'classroom', '--set', 'transfer.muu=2'], 'did you mean "transfer.mu"?'],
    [['run', 'classroom', '--seed', '-1'], '--seed expects'],
    [['run', 'no-such-scenario'], 'no scenario "no-such-scenario"'],
    [['frobnicate'], 'Unknown argument'],
    [['run'], 'Not enough non-option arguments'],
    [['run', 'classroom', '--out', 'package.json'], 'is a file, not a folder'],
  ])('exits 2 with a clear message for %j', (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('detente validate', () => {
  it('accepts the shipped scenarios', () => {
    const r = cli('validate', 'scenarios/classroom.yaml', 'india-pakistan', 'korean-peninsula');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^ok /gm)).toHaveLength(3);
  });
  it('reports every problem with file, line and column, and exits 2', () => {
    const r = cli('validate', 'test/fixtures/broken/unknown-ids.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('test/fixtures/broken/unknown-ids.yaml:6:42  agents[0].side  expected a state id (A, B), found "AA"');
    expect(r.stderr).toContain('4 problems');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('detente list, describe, compare', () => {
  it('lists the shipped scenarios with a description', () => {
    const r = cli('list');
    expect(r.code).toBe(0);
    for (const name of ['classroom', 'india-pakistan', 'korean-peninsula']) expect(r.stdout).toMatch(new RegExp(`^${name}\\s+\\S`, 'm'));
  });
  it('describes agents, the timeline and every parameter with where it was set', () => {
    const r = cli('describe', 'classroom', '--set', 'transfer.mu=2');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Agents by kind and side');
    expect(r.stdout).toContain('Event timeline');
    expect(r.stdout).toMatch(/\*\s+transfer\.mu\s+2\s+1\s+--set/);
  });
  it('compares a counterfactual with paired differences and 95% intervals', () => {
    const out = join(tmp(), 'cmp');
    const r = cli('compare', 'classroom', '--without', 'border-clash', '--runs', '12', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('baseline vs without border-clash');
    expect(r.stdout).toMatch(/peakHostility\.ARL\s+\S+\s+\S+\s+−\S+\s+\[/);
    expect(existsSync(join(out, 'compare.csv'))).toBe(true);
  });
  it('suggests the event id meant', () => {
    const r = cli('compare', 'classroom', '--without', 'border-clsh');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "border-clash"?');
  });
  it('refuses --vs a scenario on another calendar', () => {
    const r = cli('compare', 'classroom', '--vs', 'korean-peninsula', '--runs', '2');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the variant's calendar");
  });
  it('needs a variant', () => {
    expect(cli('compare', 'classroom').code).toBe(2);
  });
});

describe('help and version', () => {
  it.each(['run', 'validate', 'list', 'describe', 'compare'])('%s --help shows usage with examples', (command) => {
    const r = cli(command, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });
  it('--version prints the package version', () => {
    const r = cli('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});

describe('reports from the CLI', () => {
  it('run --report writes report.html and every chart as .vl.json, .svg and .png, and says where', () => {
    const out = join(tmp(), 'rep');
    const r = cli('run', 'classroom', '--report', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Report: ${join(out, 'report.html')}`);
    const files = readdirSync(out);
    for (const chart of ['hostility', 'tracks', 'state-trust', 'ledger-by-year', 'ledger-waterfall', 'network']) {
      for (const ext of ['vl.json', 'svg', 'png']) expect(files).toContain(`${chart}.${ext}`);
    }
  });
  it('report <dir> redraws an earlier run with the same charts', () => {
    const a = join(tmp(), 'a');
    expect(cli('run', 'classroom', '--report', '--out', a).code).toBe(0);
    const b = join(tmp(), 'b');
    expect(cli('run', 'classroom', '--out', b).code).toBe(0);
    expect(existsSync(join(b, 'report.html'))).toBe(false);
    const r = cli('report', b);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Report: ${join(b, 'report.html')}`);
    for (const f of readdirSync(a).filter((f) => f.endsWith('.vl.json') || f.endsWith('.svg'))) {
      expect(readFileSync(join(b, f), 'utf8'), f).toBe(readFileSync(join(a, f), 'utf8'));
    }
    expect(cli('report', b).code).toBe(2); // would replace the report: needs --force
    expect(cli('report', b, '--force').code).toBe(0);
  });
  it('report on a folder that is not a run says so', () => {
    const r = cli('report', tmp());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not the output folder of a run');
  });
  it('compare --report draws compare.html', () => {
    const out = join(tmp(), 'cmp');
    const r = cli('compare', 'classroom', '--set', 'states.BOR.receptivity=0.9', '--runs', '8', '--report', '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['compare.html', 'compare-metrics.png', 'compare-hostility-ARL.svg']));
  });
});

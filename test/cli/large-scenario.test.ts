import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { syntheticScenario } from '../../bench/synthetic-scenario.ts';

const BIN = join(process.cwd(), 'bin/detente.js');
const detente = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('a scenario of 2,500 agents from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'detente-large-'));
  const file = join(dir, 'large.yaml');
  writeFileSync(file, stringify(syntheticScenario(2500, 24)));

  it('runs, without the N×N network snapshots', () => {
    const out = join(dir, 'out');
    const r = detente('run', file, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.outcome).toMatch(/de-escalated|stalemate|escalated|war/);
    expect(existsSync(join(out, 'series.csv'))).toBe(true);
    expect(existsSync(join(out, 'network.json'))).toBe(false);
  });

  it('refuses --trust-every, which would write every pair, with exit code 2 and a way out', () => {
    const r = detente('run', file, '--out', join(dir, 'out2'), '--trust-every', '12');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--trust-every writes every pair's trust.*2502 agents/);
    expect(r.stderr).toMatch(/drop --trust-every/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm run bench -- --quick', () => {
  it('runs every part of the harness at a tiny size and writes its figures (no timing is asserted)', () => {
    const out = mkdtempSync(join(tmpdir(), 'bench-test-'));
    const r = spawnSync(process.execPath, ['dist/bench.js', '--quick', '--long-sweep', '1000', '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'bench-quick.json'), 'utf8'));
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.scenarios).toHaveLength(6);
    expect(results.scalingAgents.length).toBeGreaterThanOrEqual(2);
    expect(results.kernel.ratio).toBeGreaterThan(0);
    expect(results.kernel.denseMedianMs).toBeGreaterThan(0);
    expect(results.longSweep.runs).toBe(1000);
    expect(results.longSweep.peakRssMiB).toBeGreaterThan(0);
    expect(results.sweeps.map((s: { workers: number; runs: number }) => [s.workers, s.runs])).toEqual([[1, 8], [2, 8]]);
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SweepStore } from '../../src/io/sweep-store.ts';
import { exportRuns, summarizePoints } from '../../src/io/sweep-summary.ts';
import type { RunRow } from '../../src/sweep/run-points.ts';
import type { FactorSpec } from '../../src/sweep/sweep-spec.ts';
import type { SweepPlan } from '../../src/sweep/sweep-plan.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'detente-summary-'));
const factor = { name: 'x', paths: ['states.A.receptivity'], spec: { path: 'states.A.receptivity', levels: [0.1, 0.2] } as FactorSpec };
const plan = (replications: number, values = [0.1, 0.2]): SweepPlan => ({
  factors: [factor],
  points: values.map((v, index) => ({ index, key: `x=${v}`, values: [v], unit: [], role: '' })),
  replications,
});

// Values whose floating-point sum depends on the order they are added in.
const VALUES = [1e16, 1, -1e16, 1, 0.1, 0.2, 0.3, 3e-17];
const OUTCOMES = ['de-escalated', 'stalemate', 'escalated', 'war'];
const rows = (points: number, replications: number): RunRow[] =>
  Array.from({ length: points * replications }, (_, k) => {
    const point = Math.floor(k / replications);
    const replicate = k % replications;
    return { point, replicate, seed: 7 + replicate, outcome: OUTCOMES[(point + replicate) % 4], metrics: { m: VALUES[(replicate + point) % VALUES.length] * (point + 1), n: replicate === 2 ? NaN : replicate / 3 } };
  });

/** A store holding `runs` of `stored`, written one run per transaction in the order given. */
async function storeWith(stored: SweepPlan, runs: RunRow[]): Promise<SweepStore> {
  const store = await SweepStore.open(join(tmp(), 'sweep.duckdb'), stored, ['m', 'n']);
  for (const r of runs) await store.write(stored.points, [r], [], []);
  return store;
}

describe('summarizePoints', () => {
  it('gives byte-identical summaries whatever order the runs were inserted in', async () => {
    const p = plan(VALUES.length);
    const forward = rows(2, VALUES.length);
    const shuffled = [...forward].reverse();
    [shuffled[1], shuffled[5]] = [shuffled[5], shuffled[1]];
    const a = await storeWith(p, forward);
    const b = await storeWith(p, shuffled);
    try {
      const sa = await summarizePoints(a, ['x'], p);
      const sb = await summarizePoints(b, ['x'], p);
      expect(JSON.stringify(sb)).toBe(JSON.stringify(sa));
      expect(sa.outside).toBe(0);
      expect(sa.points.map((q) => q.runs)).toEqual([8, 8]);
      expect(sa.points[0].factors).toEqual({ x: 0.1 });
      // a metric missing from a run (NaN, stored as NULL) is left out of its sample
      expect(sa.points[0].metrics.n.mean).toBeCloseTo((0 + 1 + 3 + 4 + 5 + 6 + 7) / 3 / 7, 12);
      expect(Object.values(sa.points[0].outcomes).reduce((s, x) => s + x, 0)).toBe(1);
      const fa = join(tmp(), 'runs.csv');
      const fb = join(tmp(), 'runs.csv');
      await exportRuns(a, fa, 'csv', p);
      await exportRuns(b, fb, 'csv', p);
      expect(readFileSync(fb, 'utf8')).toBe(readFileSync(fa, 'utf8'));
    } finally {
      a.close();
      b.close();
    }
  });

  it('uses only the planned runs (points of the plan, replicate below its replications) and counts the others', async () => {
    // stored with 3 points × 4 replications; the plan now has 2 points × 3 replications
    const before = plan(4, [0.1, 0.2, 0.3]);
    const store = await storeWith(before, rows(3, 4));
    const now = plan(3);
    const fresh = await storeWith(now, rows(2, 3));
    try {
      const s = await summarizePoints(store, ['x'], now);
      expect(s.outside).toBe(12 - 6);
      expect(s.points.map((q) => [q.point_key, q.runs])).toEqual([['x=0.1', 3], ['x=0.2', 3]]);
      expect(JSON.stringify(s.points)).toBe(JSON.stringify((await summarizePoints(fresh, ['x'], now)).points));
      const file = join(tmp(), 'runs.csv');
      expect(await exportRuns(store, file, 'csv', now)).toEqual({ runs: 6, outside: 6 });
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(7);
      expect(lines[0]).toBe('run_key,point_key,replicate,seed,outcome,m,n,point_index,role,x');
      expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['x=0.1|r=0', 'x=0.1|r=1', 'x=0.1|r=2', 'x=0.2|r=0', 'x=0.2|r=1', 'x=0.2|r=2']);
    } finally {
      store.close();
      fresh.close();
    }
  });
});

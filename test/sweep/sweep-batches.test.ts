import { describe, expect, it } from 'vitest';
import { batchSize, pendingRuns, sweepBatches } from '../../src/sweep/sweep-batches.ts';
import { planSweep, runSeed } from '../../src/sweep/sweep-plan.ts';
import { sweepSpecSchema } from '../../src/sweep/sweep-spec.ts';

const spec = sweepSpecSchema.parse({ name: 't', scenario: 'classroom', seed: 9, replications: 3, factors: [{ path: 'transfer.mu', levels: [1, 2, 3, 4] }] });
const plan = planSweep(spec);

describe('pendingRuns', () => {
  it('lists the planned replicates not stored, within a shard when given', () => {
    const stored = new Map([['mu=1', new Set([0, 2])], ['mu=2', new Set([0, 1, 2])]]);
    expect(pendingRuns(plan, stored).map((p) => [p.point.key, p.replicates])).toEqual([['mu=1', [1]], ['mu=3', [0, 1, 2]], ['mu=4', [0, 1, 2]]]);
    expect(pendingRuns(plan, stored, [{ point: 0, replicates: [0, 1] }, { point: 3, replicates: [2] }]).map((p) => [p.point.key, p.replicates])).toEqual([['mu=1', [1]], ['mu=4', [2]]]);
  });
});

describe('sweepBatches', () => {
  it('fills batches to about the asked size without splitting a point, seeds matching replicates', () => {
    const pending = pendingRuns(plan, new Map([['mu=1', new Set([0])]]));
    const batches = [...sweepBatches(spec, plan, pending, 4)];
    // 2 + 3 runs reach 4 → first batch; 3 + 3 → second
    expect(batches.map((b) => b.map((p) => p.key))).toEqual([['mu=1', 'mu=2'], ['mu=3', 'mu=4']]);
    expect(batches.map(batchSize)).toEqual([5, 6]);
    const first = batches[0][0];
    expect(first.replicates).toEqual([1, 2]);
    expect(first.seeds).toEqual([1, 2].map((r) => runSeed(spec, plan.points[0], r)));
    expect(first.sets).toEqual(['transfer.mu=1']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, partFileName, shardRuns } from '../../src/sweep/shard.ts';

describe('parseShard', () => {
  it('reads i/N counting from 0 and says what is wrong otherwise', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard(' 3 / 4 ')).toEqual({ index: 3, count: 4 });
    expect(parseShard('4/4')).toEqual({ error: expect.stringContaining('counts from 0') });
    expect(parseShard('1/0')).toEqual({ error: expect.stringContaining('at least 1') });
    expect(parseShard('a/4')).toEqual({ error: expect.stringContaining('expects i/N') });
  });
});

describe('shardRuns', () => {
  it('deals whole points round robin when there are enough points', () => {
    expect(shardRuns(5, 2, { index: 1, count: 2 })).toEqual([{ point: 1, replicates: [0, 1] }, { point: 3, replicates: [0, 1] }]);
    expect(shardRuns(5, 2, { index: 0, count: 2 }).map((p) => p.point)).toEqual([0, 2, 4]);
  });
  it('gives shards beyond the number of points no runs, and never splits a point', () => {
    expect(shardRuns(2, 5, { index: 1, count: 4 })).toEqual([{ point: 1, replicates: [0, 1, 2, 3, 4] }]);
    expect(shardRuns(2, 5, { index: 3, count: 4 })).toEqual([]);
    expect(shardRuns(1, 3, { index: 0, count: 5 })).toEqual([{ point: 0, replicates: [0, 1, 2] }]);
    expect(shardRuns(1, 3, { index: 4, count: 5 })).toEqual([]);
  });
  it('puts every run and every point in exactly one shard, and no shard has more than its share of points rounded up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 30 }), (points, replications, count) => {
        const seen = new Map<string, number>();
        const owner = new Map<number, number>();
        const sizes: number[] = [];
        for (let index = 0; index < count; index++) {
          let n = 0;
          for (const { point, replicates } of shardRuns(points, replications, { index, count })) {
            expect(owner.has(point)).toBe(false);
            owner.set(point, index);
            expect(replicates).toEqual(Array.from({ length: replications }, (_, r) => r));
            for (const r of replicates) {
              const key = `${point}|${r}`;
              seen.set(key, (seen.get(key) ?? 0) + 1);
              n++;
            }
          }
          sizes.push(n);
        }
        expect(seen.size).toBe(points * replications);
        expect([...seen.values()].every((c) => c === 1)).toBe(true);
        expect(owner.size).toBe(points);
        const perShard = Math.ceil(points / count) * replications;
        expect(Math.max(...sizes)).toBeLessThanOrEqual(perShard);
      }),
    );
  });
});

describe('partFileName', () => {
  it('pads the index so that a listing sorts by shard', () => {
    expect(partFileName({ index: 3, count: 12 })).toBe('part-03-of-12.duckdb');
    expect(partFileName({ index: 0, count: 1 })).toBe('part-0-of-1.duckdb');
  });
});

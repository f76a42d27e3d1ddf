/** Shard `index` of `count` (0-based, as Slurm array ids and Kubernetes completion indexes are). */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/N`; returns a message saying what is wrong instead of throwing. */
export function parseShard(text: string): Shard | { error: string } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return { error: `--shard expects i/N (shard i of N, counting from 0), found "${text}"` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) return { error: `--shard ${text}: N must be at least 1` };
  if (index >= count) return { error: `--shard ${text}: i counts from 0, so it must be below N (0 to ${count - 1})` };
  return { index, count };
}

/** A point of the plan with the replicates a shard (or a batch) runs of it. */
export interface PointRuns {
  point: number;
  replicates: number[];
}

/**
 * The runs of a plan of `points` × `replications` that belong to one shard: whole points, round
 * robin (points i, i+N, i+2N, …), each with all its replicates. A point is never split across
 * shards, so every point keeps its quantile bands, and neighbouring points, which cost about the
 * same, are spread over the shards. A shard beyond the number of points gets no runs (its part is
 * valid and empty). Every run, and every point, belongs to exactly one shard.
 */
export function shardRuns(points: number, replications: number, shard: Shard): PointRuns[] {
  const { index, count } = shard;
  const out: PointRuns[] = [];
  for (let p = index; p < points; p += count) out.push({ point: p, replicates: Array.from({ length: replications }, (_, r) => r) });
  return out;
}

/** File name of a shard's part: zero-padded so that a listing sorts by shard. */
export function partFileName(shard: Shard): string {
  const width = String(shard.count - 1).length;
  return `part-${String(shard.index).padStart(width, '0')}-of-${shard.count}.duckdb`;
}

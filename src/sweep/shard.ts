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
 * The runs of a plan of `points` × `replications` that belong to one shard. With at least as many
 * points as shards, a shard takes whole points, round robin (points i, i+N, i+2N, …), so each
 * point's replicates stay together for its quantile bands and neighbouring points, which cost
 * about the same, are spread over the shards. With fewer points than shards it takes a consecutive
 * block of runs in point-then-replicate order. Either way every run belongs to exactly one shard.
 */
export function shardRuns(points: number, replications: number, shard: Shard): PointRuns[] {
  const { index, count } = shard;
  const out: PointRuns[] = [];
  if (points >= count) {
    for (let p = index; p < points; p += count) out.push({ point: p, replicates: Array.from({ length: replications }, (_, r) => r) });
    return out;
  }
  const total = points * replications;
  const from = Math.floor((index * total) / count);
  const to = Math.floor(((index + 1) * total) / count);
  for (let run = from; run < to; ) {
    const point = Math.floor(run / replications);
    const end = Math.min(to, (point + 1) * replications);
    out.push({ point, replicates: Array.from({ length: end - run }, (_, k) => run - point * replications + k) });
    run = end;
  }
  return out;
}

/** File name of a shard's part: zero-padded so that a listing sorts by shard. */
export function partFileName(shard: Shard): string {
  const width = String(shard.count - 1).length;
  return `part-${String(shard.index).padStart(width, '0')}-of-${shard.count}.duckdb`;
}

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../cli/errors.ts';
import { redactUrl } from '../queue/redis-target.ts';
import { shardRuns } from '../sweep/shard.ts';
import { completeness, readStoreInfo, storedPlan, storedSpec } from './sweep-merge.ts';
import { STORE_FILE } from './sweep-runner.ts';
import { SweepStore } from './sweep-store.ts';

export interface StoreStatus {
  file: string;
  name: string;
  shard?: string;
  /** the planned runs of this store (of its shard, for a part) */
  planned: number;
  stored: number;
  invalid: number;
  /** the (redacted) queue the store was filled from */
  queue?: string;
}

/** Progress of the store and of every shard part in a sweep's folder. */
export async function folderStatus(dir: string): Promise<StoreStatus[]> {
  // the target may be a mistyped queue URL (redis:/:pw@h), so it is echoed with any password masked
  if (!existsSync(dir)) throw new UserError('NO_STORE', `no folder ${redactUrl(dir)}`, 'give the --out folder of a sweep, or a redis:// URL');
  const files = [STORE_FILE, ...readdirSync(dir).filter((f) => /^part-\d+-of-\d+\.duckdb$/.test(f)).sort()].filter((f) => existsSync(join(dir, f)));
  if (files.length === 0) throw new UserError('NO_STORE', `${redactUrl(dir)} holds no ${STORE_FILE} and no part files`, 'give the --out folder of a sweep, or a redis:// URL');
  const out: StoreStatus[] = [];
  for (const f of files) {
    const file = join(dir, f);
    const info = await readStoreInfo(file);
    const plan = storedPlan(info.meta);
    const store = await SweepStore.openExisting(file, { readOnly: true });
    try {
      const all = await completeness(store, plan);
      let planned = all.planned;
      let stored = all.stored;
      let invalid = all.invalid;
      if (info.meta.shard) {
        // a part counts against its own shard's runs
        const [index, count] = info.meta.shard.split('/').map(Number);
        const mine = shardRuns(plan.points.length, plan.replications, { index, count });
        const have = await store.storedReplicates();
        const failed = new Set((await store.connection.runAndReadAll('select point_key from failures')).getRowObjects().map((r) => String(r.point_key)));
        planned = stored = invalid = 0;
        for (const { point, replicates } of mine) {
          const key = plan.points[point].key;
          planned += replicates.length;
          for (const r of replicates) {
            if (have.get(key)?.has(r)) stored++;
            else if (failed.has(key)) invalid++;
          }
        }
      }
      out.push({ file, name: storedSpec(info.meta).name, ...(info.meta.shard ? { shard: info.meta.shard } : {}), planned, stored, invalid, ...(info.meta.queue ? { queue: info.meta.queue } : {}) });
    } finally {
      store.close();
    }
  }
  return out;
}


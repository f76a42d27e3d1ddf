import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ALL_BANDS as BANDS, ALL_RUNS as RUNS, query } from '../store-helpers.ts';

const BIN = join(process.cwd(), 'bin/detente.js');
const DETENTE = `${process.execPath} ${BIN}`;
const SPEC = 'test/fixtures/sweeps/small.yaml';
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const tmp = () => mkdtempSync(join(tmpdir(), 'detente-shard-'));

/** Runs a shell script as Slurm would, with the array variables set; resolves with its result. */
function slurm(script: string, env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [script], { env: { ...process.env, DETENTE, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}


let reference: string;

beforeAll(() => {
  reference = join(tmp(), 'ref');
  const r = cli('sweep', SPEC, '--workers', '0', '--out', reference);
  expect(r.status, r.stderr).toBe(0);
});

describe('sweep --shard and sweep merge', () => {
  it('runs the Slurm example as an array job would, reports the missing shard, and merges to exactly the local sweep', async () => {
    const dir = tmp();
    const parts = join(dir, 'parts');
    const out = join(dir, 'merged');
    const env = (k: number) => ({ SLURM_ARRAY_TASK_ID: String(k), SLURM_ARRAY_TASK_COUNT: '3', SLURM_CPUS_PER_TASK: '1', SPEC, PARTS: parts, OUT: out });
    const first = await Promise.all([0, 2].map((k) => slurm('examples/cluster/slurm-sweep.sh', env(k))));
    for (const r of first) expect(r.status, r.stderr).toBe(0);
    expect(first[0].stdout).toContain('shard 0/3: 12 of 36 runs');

    const partial = cli('sweep', 'merge', parts, '--out', out);
    expect(partial.status, partial.stderr).toBe(0);
    expect(partial.stdout).toContain('24 runs added');
    expect(partial.stdout).toContain('Incomplete: 24 of 36 planned runs stored, 12 missing (no part for shard 1/3)');
    const status = cli('sweep', 'status', parts);
    expect(status.stdout).toMatch(/part-0-of-3\.duckdb\s+small\s+0\/3\s+12\/12 \(100%\)/);

    const last = await slurm('examples/cluster/slurm-sweep.sh', env(1));
    expect(last.status, last.stderr).toBe(0);
    const merge = await slurm('examples/cluster/slurm-merge.sh', env(0));
    expect(merge.status, merge.stderr).toBe(0);
    // shards 0 and 2 were merged before: their runs come again, identical, and are kept once
    expect(merge.stdout).toContain('12 runs added, 24 duplicate run ids with identical results kept once');
    expect(merge.stdout).toContain('Complete: 36 of 36 planned runs stored');
    expect(merge.stdout).toContain('sweep-report.html');

    const merged = join(out, 'sweep.duckdb');
    const ref = join(reference, 'sweep.duckdb');
    expect(await query(merged, RUNS)).toEqual(await query(ref, RUNS));
    expect(await query(merged, BANDS)).toEqual(await query(ref, BANDS));
    expect(await query(merged, 'select * from points order by point_index')).toEqual(await query(ref, 'select * from points order by point_index'));
    const meta = Object.fromEntries((await query(merged, 'select key, value from meta')).map((r) => [r.key, r.value]));
    expect(meta.shard).toBeUndefined();
    expect(meta.sweepHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses parts of another spec and parts with conflicting results, merging nothing', async () => {
    const dir = tmp();
    const parts = join(dir, 'parts');
    expect(cli('sweep', SPEC, '--shard', '0/2', '--workers', '0', '--out', parts).status).toBe(0);
    const changed = join(dir, 'changed.yaml');
    writeFileSync(changed, readFileSync(SPEC, 'utf8').replace('seed: 3', 'seed: 4').replace('../../../scenarios/classroom.yaml', join(process.cwd(), 'scenarios/classroom.yaml')));
    const other = join(dir, 'other');
    expect(cli('sweep', changed, '--shard', '1/2', '--workers', '0', '--out', other).status).toBe(0);

    const out = join(dir, 'merged');
    expect(cli('sweep', 'merge', parts, '--out', out).status).toBe(0);
    const before = await query(join(out, 'sweep.duckdb'), RUNS);
    const r = cli('sweep', 'merge', join(other, 'part-1-of-2.duckdb'), '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('holds another sweep than the parts');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const mixed = cli('sweep', 'merge', join(parts, 'part-0-of-2.duckdb'), join(other, 'part-1-of-2.duckdb'), '--out', join(dir, 'fresh'));
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/part-1-of-2\.duckdb is a part of another sweep than .*part-0-of-2\.duckdb \(sweep hash [0-9a-f]{12}… vs [0-9a-f]{12}…/);
    expect(mixed.stderr).toContain('nothing was merged');

    // a part whose run disagrees with the same run in the store
    const forged = join(dir, 'forged');
    mkdirSync(forged);
    copyFileSync(join(parts, 'part-0-of-2.duckdb'), join(forged, 'part-0-of-2.duckdb'));
    await query(join(forged, 'part-0-of-2.duckdb'), `update runs set "finalTrackI" = "finalTrackI" + 0.5 where run_key = (select min(run_key) from runs)`);
    const conflict = cli('sweep', 'merge', forged, '--out', out);
    expect(conflict.status).toBe(2);
    expect(conflict.stderr).toMatch(/1 run id in .*part-0-of-2\.duckdb has other results than the same run in the store/);
    expect(await query(join(out, 'sweep.duckdb'), RUNS)).toEqual(before);
  });
});

describe('more shards than points, merge order and a shrunk spec', () => {
  it('gives shards beyond the point count empty parts, and the same summary, bands and export whatever the merge order', async () => {
    const dir = tmp();
    const parts = join(dir, 'parts');
    // 12 shards of 9 points: shards 9, 10 and 11 get no runs; no point is split
    const shards = await Promise.all(Array.from({ length: 12 }, (_, k) => new Promise<number | null>((resolve) => spawn(process.execPath, [BIN, 'sweep', SPEC, '--shard', `${k}/12`, '--workers', '0', '--out', parts]).on('exit', resolve))));
    expect(shards).toEqual(Array(12).fill(0));
    const files = Array.from({ length: 12 }, (_, k) => join(parts, `part-${String(k).padStart(2, '0')}-of-12.duckdb`));
    expect(Number((await query(files[11], 'select count(*) as n from runs'))[0].n)).toBe(0);
    expect(Number((await query(files[4], 'select count(*) as n from runs'))[0].n)).toBe(4);
    const summaries: Record<string, string>[] = [];
    for (const [name, order] of [['forward', files], ['reverse', [...files].reverse()]] as const) {
      const out = join(dir, name);
      const merge = cli('sweep', 'merge', ...order, '--out', out);
      expect(merge.status, merge.stderr).toBe(0);
      expect(merge.stdout).toContain('Complete: 36 of 36 planned runs stored');
      expect(merge.stdout).not.toContain('not in this spec');
      expect(await query(join(out, 'sweep.duckdb'), BANDS)).toEqual(await query(join(reference, 'sweep.duckdb'), BANDS));
      expect(cli('sweep', 'summarize', out).status).toBe(0);
      expect(cli('sweep', 'export', out, '--format', 'csv').status).toBe(0);
      summaries.push(Object.fromEntries(['summary.json', 'summary.csv', 'bands.csv', 'runs.csv'].map((f) => [f, readFileSync(join(out, f), 'utf8')])));
    }
    const ref = mkdtempSync(join(tmpdir(), 'detente-shard-ref-'));
    copyFileSync(join(reference, 'sweep.duckdb'), join(ref, 'sweep.duckdb'));
    expect(cli('sweep', 'summarize', ref).status).toBe(0);
    expect(cli('sweep', 'export', ref, '--format', 'csv').status).toBe(0);
    const local = Object.fromEntries(['summary.json', 'summary.csv', 'bands.csv', 'runs.csv'].map((f) => [f, readFileSync(join(ref, f), 'utf8')]));
    expect(summaries[0]).toEqual(local);
    expect(summaries[1]).toEqual(local);
  }, 240_000);

  it('leaves runs the spec no longer plans out of merge counts, summary and export, and says how many', () => {
    const dir = tmp();
    const three = join(dir, 'three.yaml');
    writeFileSync(three, readFileSync(SPEC, 'utf8').replace('replications: 4', 'replications: 3').replace('../../../scenarios/classroom.yaml', join(process.cwd(), 'scenarios/classroom.yaml')));
    const parts = join(dir, 'parts');
    expect(cli('sweep', SPEC, '--shard', '0/2', '--workers', '0', '--out', parts).status).toBe(0);
    expect(cli('sweep', three, '--shard', '0/2', '--workers', '0', '--out', parts).stdout).toContain('15 already stored');
    expect(cli('sweep', three, '--shard', '1/2', '--workers', '0', '--out', parts).status).toBe(0);
    const out = join(dir, 'merged');
    const merge = cli('sweep', 'merge', parts, '--out', out);
    expect(merge.status, merge.stderr).toBe(0);
    expect(merge.stdout).toContain('Complete: 27 of 27 planned runs stored');
    expect(merge.stdout).toContain("5 stored runs are not in this spec's plan and were left out");
    const summary = cli('sweep', 'summarize', out);
    expect(summary.stdout).toContain("5 stored runs are not in this spec's plan and were left out");
    const points = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).points as { runs: number }[];
    expect(points.map((p) => p.runs)).toEqual(Array(9).fill(3));
    const exported = cli('sweep', 'export', out, '--format', 'csv');
    expect(exported.stdout).toContain('Exported 27 runs');
    expect(readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n')).toHaveLength(28);

    // the same for a local store run with 4 replications, then resumed with 3
    const local = join(dir, 'local');
    expect(cli('sweep', SPEC, '--workers', '0', '--out', local).status).toBe(0);
    expect(cli('sweep', three, '--workers', '0', '--out', local).stdout).toContain('27 already stored');
    const fresh = join(dir, 'fresh');
    expect(cli('sweep', three, '--workers', '0', '--out', fresh).status).toBe(0);
    expect(cli('sweep', 'summarize', local).stdout).toContain("9 stored runs are not in this spec's plan and were left out");
    expect(cli('sweep', 'summarize', fresh).stdout).not.toContain('not in this spec');
    for (const f of ['summary.json', 'summary.csv']) {
      expect(readFileSync(join(local, f), 'utf8')).toBe(readFileSync(join(fresh, f), 'utf8'));
      expect(readFileSync(join(out, f), 'utf8')).toBe(readFileSync(join(fresh, f), 'utf8'));
    }
  }, 240_000);
});

describe('the Kubernetes example', () => {
  it('is an Indexed Job whose pods run shard JOB_COMPLETION_INDEX of completions, and a merge Job', () => {
    const docs = parseAllDocuments(readFileSync('examples/cluster/k8s-indexed-job.yaml', 'utf8')).map((d) => {
      expect(d.errors).toEqual([]);
      return d.toJS();
    });
    const job = docs.find((d) => d.kind === 'Job');
    expect(job.apiVersion).toBe('batch/v1');
    expect(job.spec.completionMode).toBe('Indexed');
    const pod = job.spec.template.spec;
    expect(pod.restartPolicy).toBe('Never');
    const container = pod.containers[0];
    const shards = container.env.find((e: { name: string }) => e.name === 'SHARDS').value;
    expect(Number(shards)).toBe(job.spec.completions);
    const command = [...container.command, ...container.args].join(' ');
    expect(command).toContain('--shard "$JOB_COMPLETION_INDEX/$SHARDS"');
    const spec = container.env.find((e: { name: string }) => e.name === 'SPEC').value;
    expect(readFileSync(spec, 'utf8')).toContain('factors:');
    const claim = docs.find((d) => d.kind === 'PersistentVolumeClaim');
    expect(pod.volumes[0].persistentVolumeClaim.claimName).toBe(claim.metadata.name);
    expect(claim.spec.accessModes).toContain('ReadWriteMany');

    const merge = parseAllDocuments(readFileSync('examples/cluster/k8s-merge-job.yaml', 'utf8')).map((d) => d.toJS())[0];
    expect(merge.kind).toBe('Job');
    expect(merge.spec.template.spec.containers[0].args.join(' ')).toContain('sweep merge /results/parts --out /results/sweep');
    expect(merge.spec.template.spec.volumes[0].persistentVolumeClaim.claimName).toBe(claim.metadata.name);
  });
});

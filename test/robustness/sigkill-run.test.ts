import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';

/*
 * `detente run` killed with SIGKILL at random moments, and at random moments while it writes its
 * folder, must leave the folder absent, as it was before, or complete: every file the manifest
 * lists, with its size and SHA-256, each JSON file parsing and each CSV row whole.
 */

const BIN = join(process.cwd(), 'bin/detente.js');
const ARGS = ['run', 'india-pakistan', '--trust-every', '12', '--force'];

/** Checks a run folder is whole; returns the seed it was written with. */
function expectComplete(dir: string): number {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { seed: number; outputs: { file: string; bytes: number; sha256: string }[] };
  expect(readdirSync(dir).sort()).toEqual([...manifest.outputs.map((o) => o.file), 'manifest.json'].sort());
  for (const o of manifest.outputs) {
    const bytes = readFileSync(join(dir, o.file));
    expect(bytes.length, o.file).toBe(o.bytes);
    expect(createHash('sha256').update(bytes).digest('hex'), o.file).toBe(o.sha256);
    if (o.file.endsWith('.json')) expect(() => JSON.parse(bytes.toString('utf8'))).not.toThrow();
    if (o.file.endsWith('.csv')) {
      expect(bytes.at(-1), `${o.file} ends with a newline`).toBe(10);
      // csv-parse throws on a row with fewer or more fields than the header
      const rows = parse(bytes, { columns: true }) as unknown[];
      expect(rows.length, o.file).toBeGreaterThan(0);
    }
  }
  return manifest.seed;
}

/** Runs `detente run` and kills it: after `delay` ms, or `delay` ms after its temporary folder appears. */
async function killedRun(out: string, seed: number, delay: number, whileWriting: boolean): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...ARGS, '--seed', String(seed), '--out', out], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let done = false;
  void exited.then(() => (done = true));
  if (whileWriting) {
    const temp = join(out, '..', `.run.tmp-${child.pid}`);
    while (!done && !existsSync(temp)) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await new Promise((resolve) => setTimeout(resolve, delay));
  child.kill('SIGKILL');
  await exited;
}

describe('detente run under SIGKILL', () => {
  it('leaves its output folder absent, as before, or complete, and the next run cleans up', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'detente-kill-'));
    const out = join(parent, 'run');
    const random = seedrandom('sigkill');
    const first = spawnSync(process.execPath, [BIN, ...ARGS, '--seed', '1', '--out', out], { encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    let previous = expectComplete(out);
    expect(previous).toBe(1);
    let outcomes = { previous: 0, replaced: 0, restorable: 0 };
    for (let k = 2; k <= 7; k++) {
      const whileWriting = k % 2 === 0;
      await killedRun(out, k, whileWriting ? Math.floor(random() * 40) : 150 + Math.floor(random() * 2500), whileWriting);
      if (existsSync(out)) {
        const seed = expectComplete(out);
        expect([previous, k]).toContain(seed);
        outcomes = { ...outcomes, [seed === k ? 'replaced' : 'previous']: outcomes[seed === k ? 'replaced' : 'previous'] + 1 };
        previous = seed;
      } else {
        // killed between the two renames: the previous folder waits beside it, whole
        const aside = readdirSync(parent).find((f) => f.startsWith('.run.old-'));
        expect(aside, readdirSync(parent).join(', ')).toBeDefined();
        expect(expectComplete(join(parent, aside!))).toBe(previous);
        outcomes.restorable++;
      }
    }
    // Some kills must have landed before the rename; whether any landed after depends on timing.
    expect(outcomes.previous + outcomes.restorable).toBeGreaterThan(0);
    const last = spawnSync(process.execPath, [BIN, ...ARGS, '--seed', '99', '--out', out], { encoding: 'utf8' });
    expect(last.status, last.stderr).toBe(0);
    expect(expectComplete(out)).toBe(99);
    // what the killed runs left beside the folder is gone
    expect(readdirSync(parent)).toEqual(['run']);
    expect(statSync(out).isDirectory()).toBe(true);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'bin/detente.js');

/** Makes a folder with a sweep.duckdb that holds a trap besides tables, as someone could send. */
async function trappedStore(trap: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'detente-store-'));
  const secret = join(dir, 'secret.txt');
  writeFileSync(secret, 'a private key\n');
  const instance = await DuckDBInstance.create(join(dir, 'sweep.duckdb'));
  const c = await instance.connect();
  await c.run("create table meta (key varchar primary key, value varchar)");
  await c.run("insert into meta values ('factors', '[]'), ('spec', 'name: x'), ('design', 'grid')");
  await c.run('create table points (point_key varchar, point_index integer, role varchar)');
  await c.run(trap.replaceAll('SECRET', secret.replace(/'/g, "''")));
  c.closeSync();
  instance.closeSync();
  return dir;
}

describe('a sweep store from someone else', () => {
  it.each([
    ['a view that reads a local file', "create view runs as select content as run_key, '' as point_key, 0 as replicate, 0 as seed, '' as outcome from read_text('SECRET')", 'a view "runs"'],
    ['a macro', "create table runs (run_key varchar, point_key varchar, replicate integer, seed ubigint, outcome varchar); create macro leak() as (select content from read_text('SECRET'))", 'a macro "leak"'],
  ])('holding %s is refused before any query reads it', async (_what, trap, named) => {
    const dir = await trappedStore(trap);
    for (const args of [['sweep', 'summarize', dir], ['sweep', 'export', dir, '--format', 'csv']]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(`${join(dir, 'sweep.duckdb')} holds ${named}, which no detente sweep writes; it is not opened`);
      expect(r.stdout + r.stderr).not.toContain('a private key');
    }
    expect(existsSync(join(dir, 'summary.csv'))).toBe(false);
    expect(existsSync(join(dir, 'runs.csv'))).toBe(false);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCore } from '../scripts/build.mjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const CORE_DIRS = ['src/model', 'src/engine', 'src/scenario', 'src/stats'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('the functional core', () => {
  it('imports nothing from Node, nor from the shell', () => {
    for (const dir of CORE_DIRS) {
      for (const file of files(dir)) {
        const text = readFileSync(file, 'utf8');
        expect(text, file).not.toMatch(/from ['"]node:|from ['"](fs|path|os|child_process|worker_threads)['"]/);
        expect(text, file).not.toMatch(/from ['"]\.\.\/(cli|io)\//);
        expect(text, file).not.toMatch(/\bprocess\.|\bBuffer\b/);
      }
    }
  });
  it('bundles for the browser', async () => {
    await expect(buildCore(join(mkdtempSync(join(tmpdir(), 'core-')), 'core.js'))).resolves.toBeUndefined();
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('run with an expression that gives no number', () => {
  it('says so on the console, not only in events.csv', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'detente-nan-')), 'run');
    const r = spawnSync(process.execPath, [join(process.cwd(), 'bin/detente.js'), 'run', 'classroom', '--set', 'transfer.mu=1/(trackI - trackI)', '--out', out], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Warning: the expression "1/(trackI - trackI)" gave no number from 2000-01; it counted as 0 there (see events.csv)');
  });
});

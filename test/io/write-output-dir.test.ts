import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesInto, writeOutputDir } from '../../src/io/write-output-dir.ts';

/** The id of a process that has exited, as a killed writer's would be. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('writeOutputDir', () => {
  it('puts back a previous folder that a killed writer had moved aside, removes its temporary folder, and protects what it restored', () => {
    const parent = mkdtempSync(join(tmpdir(), 'detente-write-'));
    const out = join(parent, 'run');
    const pid = deadPid();
    mkdirSync(join(parent, `.run.old-${pid}`));
    writeFileSync(join(parent, `.run.old-${pid}`, 'summary.json'), '{"previous":true}\n');
    mkdirSync(join(parent, `.run.tmp-${pid}`));
    writeFileSync(join(parent, `.run.tmp-${pid}`, 'summary.json'), '{"half');
    expect(() => writeOutputDir(out, [{ name: 'summary.json', content: '{"new":true}\n' }], false)).toThrow('already exists and is not empty');
    expect(readdirSync(parent)).toEqual(['run']);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('{"previous":true}\n');
    writeOutputDir(out, [{ name: 'summary.json', content: '{"new":true}\n' }], true);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('{"new":true}\n');
    expect(readdirSync(parent)).toEqual(['run']);
  });

  it('leaves the temporary folder of a writer that is still running alone', () => {
    const parent = mkdtempSync(join(tmpdir(), 'detente-write-'));
    mkdirSync(join(parent, `.run.tmp-${process.ppid}`));
    writeOutputDir(join(parent, 'run'), [{ name: 'a.txt', content: 'a' }], false);
    expect(readdirSync(parent).sort()).toEqual([`.run.tmp-${process.ppid}`, 'run']);
  });
});

describe('writeFilesInto', () => {
  it('replaces files only with force, and removes temporary files of dead writers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'detente-into-'));
    writeFileSync(join(dir, 'report.html'), 'old');
    writeFileSync(join(dir, `.report.html.tmp-${deadPid()}`), 'half');
    expect(() => writeFilesInto(dir, [{ name: 'report.html', content: 'new' }], false)).toThrow(`${dir} already holds report.html`);
    writeFilesInto(dir, [{ name: 'report.html', content: 'new' }, { name: 'chart.svg', content: new Uint8Array([60, 47, 62]) }], true);
    expect(readdirSync(dir).sort()).toEqual(['chart.svg', 'report.html']);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'chart.svg'), 'utf8')).toBe('</>');
  });
});

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

const MANIFEST = JSON.stringify({ tool: { name: 'detente-sim', version: '0.0.0' } });

describe('writeOutputDir', () => {
  it('puts back a previous folder that a killed writer had moved aside, removes its temporary folder, and protects what it restored', () => {
    const parent = mkdtempSync(join(tmpdir(), 'detente-write-'));
    const out = join(parent, 'run');
    const pid = deadPid();
    mkdirSync(join(parent, `.run.old-${pid}`));
    writeFileSync(join(parent, `.run.old-${pid}`, 'summary.json'), '{"previous":true}\n');
    writeFileSync(join(parent, `.run.old-${pid}`, 'manifest.json'), MANIFEST);
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

  it('refuses to replace a folder that detente did not write, even with force, and leaves its files alone', () => {
    const parent = mkdtempSync(join(tmpdir(), 'detente-write-'));
    const out = join(parent, 'precious');
    mkdirSync(join(out, 'sub'), { recursive: true });
    writeFileSync(join(out, 'sub', 'thesis.tex'), 'x');
    writeFileSync(join(out, 'manifest.json'), '{"tool":{"name":"something-else"}}');
    for (const force of [false, true]) {
      expect(() => writeOutputDir(out, [{ name: 'a.txt', content: 'a' }], force)).toThrow(expect.objectContaining({ code: 'OUTPUT_FOREIGN', message: expect.stringContaining('is not a detente output folder') }));
    }
    expect(readFileSync(join(out, 'sub', 'thesis.tex'), 'utf8')).toBe('x');
    expect(readdirSync(parent)).toEqual(['precious']);
  });

  it('replaces an empty folder and, with force, an earlier run or compare output folder', () => {
    const parent = mkdtempSync(join(tmpdir(), 'detente-write-'));
    mkdirSync(join(parent, 'empty'));
    writeOutputDir(join(parent, 'empty'), [{ name: 'a.txt', content: 'a' }], false);
    expect(readdirSync(join(parent, 'empty'))).toEqual(['a.txt']);
    for (const name of ['manifest.json', 'compare.json']) {
      const out = join(parent, name);
      writeOutputDir(out, [{ name, content: MANIFEST }, { name: 'old.csv', content: 'old' }], false);
      writeOutputDir(out, [{ name, content: MANIFEST }], true);
      expect(readdirSync(out)).toEqual([name]);
    }
  });

  it('refuses the current folder, its ancestors and a file-system root', () => {
    for (const dir of ['.', '..', process.cwd(), '/']) {
      expect(() => writeOutputDir(dir, [{ name: 'a.txt', content: 'a' }], true)).toThrow(expect.objectContaining({ code: 'OUTPUT_ENCLOSING' }));
    }
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

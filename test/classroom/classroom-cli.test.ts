import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'bin/detente.js');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'detente-classroom-cli-'));

describe('detente classroom', () => {
  it('writes one self-contained page that fetches nothing, and never replaces it without --force', () => {
    const out = join(tmp(), 'page.html');
    const r = cli('classroom', 'classroom', '--out', out, '--seed', '7', '--set', 'transfer.mu=2');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Classroom page: ${out}`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(`content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; worker-src blob:; child-src blob:; style-src 'unsafe-inline'; img-src data: blob:"`);
    // Outside the inlined scripts, no element may load anything.
    const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
    expect(markup.match(/<[^>]+\s(src|href)=[^>]*>|<link\b[^>]*>/gi)).toBeNull();
    expect(markup.match(/<script\b[^>]*>/g)).toHaveLength(6);
    const data = JSON.parse(/<script id="classroom-data" type="application\/json">(.*?)<\/script>/s.exec(html)![1]);
    expect(data.model.controls).toHaveLength(7);
    expect(data.bundle).toMatchObject({ scenarioArg: 'classroom', sets: ['transfer.mu=2'], seed: 7 });
    expect(data.bundle.files[0].text).toBe(readFileSync('scenarios/classroom.yaml', 'utf8'));
    // A page travels to a class: it names files as the user would, not by this machine's paths.
    expect(data.bundle.files[0].file).toBe('scenarios/classroom.yaml');
    expect(html).not.toContain(process.cwd());

    const again = cli('classroom', 'classroom', '--out', out, '--seed', '8');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(again.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe(html);
    expect(cli('classroom', 'classroom', '--out', out, '--seed', '8', '--force').code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('"seed":8');
  });

  it.each([
    [['classroom', 'no-such-scenario'], 'no scenario "no-such-scenario"'],
    [['classroom', 'classroom', '--seed', '-1'], '--seed expects a whole number'],
    [['classroom', 'classroom', '--set', 'states.ARL.receptivity=3'], 'expected a number in [0, 1]'],
    [['classroom', 'classroom', '--bogus'], 'Unknown argument'],
    [['classroom', 'classroom', '--limit', 'agents=10'], 'expected at most 10 agents'],
  ])('exits 2 with a clear message for %j', (args, message) => {
    const out = join(tmp(), 'page.html');
    const r = cli(...args, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('points at the file, line and column of a broken scenario, and refuses a folder as --out', () => {
    const dir = tmp();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: Bad\ncalendar: { start: 2000-01, end: 2001-12 }\nstates:\n  - { id: A, receptivity: 4 }\n');
    const r = cli('classroom', bad, '--out', join(dir, 'p.html'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:4:\d+/);
    mkdirSync(join(dir, 'folder.html'));
    const folder = cli('classroom', 'classroom', '--out', join(dir, 'folder.html'));
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('is a folder');
  });
});

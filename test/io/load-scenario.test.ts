import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario, SCENARIO_DIR } from '../../src/io/load-scenario.ts';
import { twoStates } from '../helpers.ts';

/** A folder tree: project/variants/{a,…}.yaml, project/base.yaml and outside/secret.yaml. */
function tree() {
  const root = mkdtempSync(join(tmpdir(), 'detente-extends-'));
  const project = join(root, 'project');
  mkdirSync(join(project, 'variants', 'deeper'), { recursive: true });
  mkdirSync(join(root, 'outside'));
  const base = stringify(twoStates({ name: 'Base' }));
  writeFileSync(join(project, 'base.yaml'), base);
  writeFileSync(join(project, 'variants', 'deeper', 'base.yaml'), base);
  writeFileSync(join(root, 'outside', 'secret.yaml'), base);
  const variant = (name: string, target: string) => {
    const file = join(project, 'variants', name);
    writeFileSync(file, stringify({ extends: target, name: 'Variant' }));
    return file;
  };
  return { root, project, variant };
}

const messages = (file: string, options = {}) => loadScenario(file, [], options).issues.map((i) => i.message);

describe('loadScenario: where `extends` may read', () => {
  it('reads files in the scenario\'s own folder and below it, and the shipped scenarios', () => {
    const { variant } = tree();
    expect(messages(variant('down.yaml', 'deeper/base.yaml'))).toEqual([]);
    expect(messages(variant('shipped.yaml', join(SCENARIO_DIR, 'classroom.yaml')))).toEqual([]);
  });

  it('refuses a ".." escape, an absolute path and a symlink that leads outside, naming the way to allow it', () => {
    const { root, project, variant } = tree();
    const up = messages(variant('up.yaml', '../base.yaml'));
    expect(up).toHaveLength(1);
    expect(up[0]).toMatch(/^cannot read "\.\.\/base\.yaml": it is outside the folders a scenario may extend \(.*variants, .*scenarios\); if you trust it, pass --allow-path .*project$/);
    expect(messages(variant('absolute.yaml', join(root, 'outside', 'secret.yaml')))[0]).toContain('is outside the folders a scenario may extend');
    symlinkSync(join(root, 'outside', 'secret.yaml'), join(project, 'variants', 'link.yaml'));
    expect(messages(variant('via-link.yaml', 'link.yaml'))[0]).toContain('cannot read "link.yaml": it is outside the folders a scenario may extend');
    expect(messages(variant('etc.yaml', '/etc/passwd'))[0]).toContain('cannot read "/etc/passwd": it is outside');
  });

  it('reads outside when the user allows the folder with --allow-path', () => {
    const { root, project, variant } = tree();
    expect(messages(variant('up.yaml', '../base.yaml'), { allowPaths: [project] })).toEqual([]);
    expect(messages(variant('absolute.yaml', join(root, 'outside', 'secret.yaml')), { allowPaths: [relative(process.cwd(), join(root, 'outside'))] })).toEqual([]);
    expect(messages(variant('absolute2.yaml', join(root, 'outside', 'secret.yaml')), { allowPaths: [project] })[0]).toContain('is outside');
  });

  it('gives the same message through the chain: a file in an allowed folder cannot reach further', () => {
    const { root, project } = tree();
    writeFileSync(join(project, 'relay.yaml'), stringify({ extends: '../outside/secret.yaml', name: 'Relay' }));
    writeFileSync(join(project, 'entry.yaml'), stringify({ extends: 'relay.yaml', name: 'Entry' }));
    const issues = loadScenario(join(project, 'entry.yaml')).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: ['extends'], line: 1, column: 10 });
    expect(issues[0].file).toContain('relay.yaml');
    expect(issues[0].message).toContain(`pass --allow-path ${join(root, 'outside')}`);
  });
});

describe('loadScenario: file size', () => {
  it('refuses a file above the limit before reading it, and says how to raise the limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'detente-size-'));
    const big = join(dir, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, 17 * 1024 * 1024);
    const issues = loadScenario(big).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toBe(`cannot read "${big}": ${17 * 1024 * 1024} bytes is more than the limit of ${16 * 1024 * 1024}; if you trust this file, raise the limit: --limit file-mb=17 (or DETENTE_LIMITS=file-mb=17)`);
    const small = join(dir, 'small.yaml');
    writeFileSync(small, stringify(twoStates()));
    expect(loadScenario(small, [], { limits: { fileBytes: 100 } }).issues[0].message).toMatch(/bytes is more than the limit of 100; .*--limit file-mb=1 /);
  });
});

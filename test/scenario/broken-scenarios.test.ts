import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../src/cli/format-issues.ts';
import { loadScenario } from '../../src/io/load-scenario.ts';

const DIR = 'test/fixtures/broken';
const cases = readdirSync(DIR).filter((f) => f.endsWith('.expected')).map((f) => f.replace(/\.expected$/, ''));

describe('the catalogue of broken scenarios', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(10));
  it.each(cases)('%s.yaml reports exactly the expected problems', (name) => {
    const loaded = loadScenario(`${DIR}/${name}.yaml`);
    expect(loaded.scenario).toBeUndefined();
    const expected = readFileSync(`${DIR}/${name}.expected`, 'utf8');
    const n = loaded.issues.length;
    expect(`${formatIssues(loaded.issues)}\n${n} problem${n === 1 ? '' : 's'} in ${DIR}/${name}.yaml\n`).toBe(expected);
  });
  it('the base the variants extend is itself valid', () => {
    expect(loadScenario(`${DIR}/base.yaml`).issues).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDSTEIN } from '../../src/scenario/cameo-table.ts';
import { goldsteinWeight, intensityFromGoldstein, severityFromGoldstein } from '../../src/scenario/cameo.ts';

describe('the CAMEO/Goldstein table', () => {
  it('matches data/cameo-goldstein.tsv entry for entry, leading zeros kept', () => {
    const rows = readFileSync('data/cameo-goldstein.tsv', 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    expect(rows.length).toBe(311);
    expect(Object.keys(GOLDSTEIN).length).toBe(rows.length);
    for (const [code, weight] of rows) expect(GOLDSTEIN[code], code).toBe(Number(weight));
    expect(goldsteinWeight('016')).toBe(-2);
    expect(goldsteinWeight('9999')).toBeUndefined();
    expect(goldsteinWeight('constructor')).toBeUndefined();
  });
  it('maps weights to severity −G/10 and intensity G/reference', () => {
    expect(severityFromGoldstein(-7.2)).toBeCloseTo(0.72, 12);
    expect(severityFromGoldstein(3)).toBe(0);
    expect(intensityFromGoldstein(7, 5)).toBeCloseTo(1.4, 12);
    expect(intensityFromGoldstein(10, 2)).toBe(2);
  });
});

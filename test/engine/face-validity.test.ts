import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/model.ts';
import { simulate, type RunResult } from '../../src/engine/simulate.ts';
import { loadScenario } from '../../src/io/load-scenario.ts';

/*
 * Face validity over 100 seeds: the shipped scenarios should put hostility peaks where the record
 * puts the crises, and Track II trust should outlast official trust after shocks. Tolerances are
 * set below what the current model reaches (see the note on each) so that a change which breaks
 * the pattern fails, while seed-to-seed noise does not.
 */
const SEEDS = 100;

function runs(name: string): RunResult[] {
  const loaded = loadScenario(name);
  const model = compileModel(loaded.scenario!);
  return Array.from({ length: SEEDS }, (_, seed) => simulate(model, { seed, ledger: false }));
}

function peakDate(r: RunResult, state: string): string {
  const h = r.series.columns[`hostility:${state}`];
  let at = 0;
  for (let t = 1; t < h.length; t++) if (h[t] > h[at]) at = t;
  return r.series.dates[at];
}

function windowMaxOverMean(r: RunResult, state: string, from: string, to: string): number {
  const h = r.series.columns[`hostility:${state}`];
  let max = 0;
  let sum = 0;
  r.series.dates.forEach((d, t) => {
    sum += h[t];
    if (d >= from && d <= to) max = Math.max(max, h[t]);
  });
  return max / (sum / h.length);
}

/** Share of severe shocks (severity ≥ 0.5) after which mean Track II cross-side trust exceeds Track I's. */
function track2AboveAfterShocks(all: RunResult[]): number {
  let above = 0;
  let total = 0;
  for (const r of all) {
    for (const e of r.log) {
      if (e.outcome !== 'shock' || (e.severity ?? 0) < 0.5) continue;
      const t = Math.min(e.step + 1, r.series.dates.length - 1);
      total++;
      if (r.series.columns.trackII[t] > r.series.columns.trackI[t]) above++;
    }
  }
  return above / total;
}

const share = (xs: boolean[]) => xs.filter(Boolean).length / xs.length;
const within = (d: string, windows: [string, string][]) => windows.some(([a, b]) => d >= a && d <= b);

describe('India–Pakistan face validity (100 seeds)', () => {
  const all = runs('india-pakistan');
  const crises: [string, string][] = [
    ['1999-05', '1999-10'], // Kargil
    ['2001-12', '2002-08'], // Parliament attack and the 2001–02 standoff
    ['2008-11', '2009-04'], // Mumbai
    ['2016-09', '2017-02'], // Uri and the surgical strikes
    ['2019-02', '2019-07'], // Pulwama and Balakot
    ['2025-04', '2025-09'], // Pahalgam and the May 2025 strikes
  ];
  it('India\'s hostility peaks in a recorded crisis in at least 90% of seeds (model: 96%)', () => {
    expect(share(all.map((r) => within(peakDate(r, 'IN'), crises)))).toBeGreaterThanOrEqual(0.9);
  });
  it.each([crises[0], crises[1], crises[2], crises[4], crises[5]])('hostility in %s–%s rises well above the run\'s mean in every seed (model: ≥ 1.4×)', (from, to) => {
    for (const r of all) expect(windowMaxOverMean(r, 'IN', from, to)).toBeGreaterThan(1.3);
  });
  it('after severe shocks Track II cross-side trust stays above Track I\'s in at least 90% of cases (model: 95%)', () => {
    expect(track2AboveAfterShocks(all)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('Korean Peninsula face validity (100 seeds)', () => {
  const all = runs('korean-peninsula');
  it('the ROK\'s hostility peaks in the 2010 Cheonan–Yeonpyeong year in at least 80% of seeds (model: 91%)', () => {
    expect(share(all.map((r) => within(peakDate(r, 'KR'), [['2010-03', '2011-03']])))).toBeGreaterThanOrEqual(0.8);
  });
  it('US hostility peaks in the 2016–2017 nuclear and ICBM tests in at least 95% of seeds (model: 100%)', () => {
    expect(share(all.map((r) => within(peakDate(r, 'US'), [['2016-01', '2018-01']])))).toBeGreaterThanOrEqual(0.95);
  });
  it('after severe shocks Track II cross-side trust stays above Track I\'s in at least 75% of cases (model: 83%)', () => {
    expect(track2AboveAfterShocks(all)).toBeGreaterThanOrEqual(0.75);
  });
});

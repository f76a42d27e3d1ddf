import type { Scenario } from '../scenario/types.ts';

/**
 * Initial trust T0[i][j], which forgetting returns to, stored by distinct row. A row depends only on
 * the agent's side and on which trust rules list it under `from`, so agents of one group share a
 * row and 10,000 agents need a few rows of N numbers instead of an N×N matrix.
 */
export interface Baseline {
  /** row index of each agent */
  rowOf: Int32Array;
  /** distinct rows, each of length N; the diagonal is read as 1 whatever the row holds */
  rows: Float64Array[];
}

export function compileBaseline(scenario: Scenario, side: Int16Array): Baseline {
  const N = side.length;
  const { rules } = scenario.trust;
  // The rules that list each agent under `from`, in file order.
  const applyingTo: number[][] = Array.from({ length: N }, () => []);
  rules.forEach((rule, k) => {
    for (const i of rule.from) if (applyingTo[i].at(-1) !== k) applyingTo[i].push(k);
  });
  const rowOf = new Int32Array(N);
  const rows: Float64Array[] = [];
  const bySignature = new Map<string, number>();
  for (let i = 0; i < N; i++) {
    const applying = applyingTo[i];
    const signature = `${side[i]}:${applying.join(',')}`;
    let row = bySignature.get(signature);
    if (row === undefined) {
      const values = new Float64Array(N);
      for (let j = 0; j < N; j++) values[j] = side[i] >= 0 && side[i] === side[j] ? scenario.trust.within : scenario.trust.default;
      // Later rules win, as in the file.
      for (const k of applying) for (const j of rules[k].to) values[j] = rules[k].value;
      row = rows.push(values) - 1;
      bySignature.set(signature, row);
    }
    rowOf[i] = row;
  }
  return { rowOf, rows };
}

export function baselineOf(baseline: Baseline, i: number, j: number): number {
  return i === j ? 1 : baseline.rows[baseline.rowOf[i]][j];
}

/** Returns the sum of T0[i][j] over the agents j in `to`. */
export function baselineSum(baseline: Baseline, i: number, to: readonly number[]): number {
  const row = baseline.rows[baseline.rowOf[i]];
  let sum = 0;
  for (const j of to) sum += j === i ? 1 : row[j];
  return sum;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baselineOf } from '../../src/engine/baseline.ts';
import { compileModel } from '../../src/engine/model.ts';
import {
  createTrustStore, entryOf, entryValue, markContact, rowSum, rowSumNegotiators, setEntryValue, transformBlock, trustMatrix, trustOf,
} from '../../src/engine/trust-store.ts';
import { KIND_NEGOTIATOR } from '../../src/model/kinds.ts';
import { loadScenario } from '../../src/io/load-scenario.ts';

const model = compileModel(loadScenario('korean-peninsula').scenario!);
const { N, S } = model;
const blocks = model.changeablePairs.flatMap(([s, r]) => model.affiliated[s].map((i) => ({ i, r })));
const pairs = model.changeablePairs.flatMap(([s, r]) => model.affiliated[s].flatMap((i) => model.affiliated[r].map((j) => ({ i, j }))));

/** One change the engine makes to trust: a pair set to a value, or a row-block map x ← αx + βb. */
const operation = fc.oneof(
  fc.record({ type: fc.constant('set' as const), pair: fc.nat(pairs.length - 1), value: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ type: fc.constant('forget' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ type: fc.constant('shock' as const), block: fc.nat(blocks.length - 1), factor: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })) }),
);

describe('trust store', () => {
  it('agrees with a dense N×N matrix under any sequence of pair writes, forgetting and shocks', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 120 }), (ops) => {
        const store = createTrustStore(N, S);
        const dense = new Float64Array(N * N);
        for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) dense[i * N + j] = baselineOf(model.baseline, i, j);
        let step = 0;
        for (const op of ops) {
          if (op.type === 'set') {
            const { i, j } = pairs[op.pair];
            const e = entryOf(store, model, i, j);
            setEntryValue(store, model, e, op.value);
            markContact(store, e, step);
            dense[i * N + j] = op.value;
          } else if (op.type === 'shock') {
            const { i, r } = blocks[op.block];
            transformBlock(store, model, i * S + r, op.factor, 0);
            for (const j of model.affiliated[r]) dense[i * N + j] *= op.factor;
          } else {
            // Forgetting as the engine applies it: every row-block, then the pairs met this step get their value back.
            const met = store.metStep === step ? Array.from(store.met.subarray(0, store.metCount)) : [];
            const kept = met.map((e) => entryValue(store, e));
            for (const { i, r } of blocks) transformBlock(store, model, i * S + r, 1 - op.fraction, op.fraction);
            met.forEach((e, k) => setEntryValue(store, model, e, kept[k]));
            const spared = new Set(met.map((e) => `${Math.floor(store.block[e] / S)},${store.col[e]}`));
            for (const { i, j } of pairs) if (!spared.has(`${i},${j}`)) dense[i * N + j] += op.fraction * (baselineOf(model.baseline, i, j) - dense[i * N + j]);
            step++;
          }
        }
        const matrix = trustMatrix(store, model);
        for (let k = 0; k < N * N; k++) expect(matrix[k]).toBeCloseTo(dense[k], 10);
        for (const { i, j } of pairs.slice(0, 50)) expect(trustOf(store, model, i, j)).toBeCloseTo(dense[i * N + j], 10);
        for (const { i, r } of blocks) {
          let all = 0;
          let negotiators = 0;
          for (const j of model.affiliated[r]) {
            all += dense[i * N + j];
            if (model.kind[j] === KIND_NEGOTIATOR) negotiators += dense[i * N + j];
          }
          expect(rowSum(store, model, i * S + r)).toBeCloseTo(all, 9);
          expect(rowSumNegotiators(store, model, i * S + r)).toBeCloseTo(negotiators, 9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps a value exactly readable after a block multiplier underflows (rebase)', () => {
    const store = createTrustStore(N, S);
    const [s, r] = model.rivalPairs[0];
    const i = model.affiliated[s][0];
    const j = model.affiliated[r][0];
    const e = entryOf(store, model, i, j);
    setEntryValue(store, model, e, 0.9);
    for (let k = 0; k < 400; k++) transformBlock(store, model, i * S + r, 0.95, 0);
    expect(store.mul[i * S + r]).toBeGreaterThanOrEqual(1e-6);
    expect(entryValue(store, e)).toBeCloseTo(0.9 * 0.95 ** 400, 15);
    transformBlock(store, model, i * S + r, 0, 0);
    expect(entryValue(store, e)).toBe(0);
    expect(rowSum(store, model, i * S + r)).toBe(0);
  });

  it('grows its entries and hash table past their first capacity', () => {
    const store = createTrustStore(N, S);
    pairs.forEach(({ i, j }, k) => setEntryValue(store, model, entryOf(store, model, i, j), (k % 97) / 97));
    expect(store.size).toBe(pairs.length);
    pairs.forEach(({ i, j }, k) => expect(trustOf(store, model, i, j)).toBeCloseTo((k % 97) / 97, 12));
  });
});

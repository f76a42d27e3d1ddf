import { KIND_NEGOTIATOR } from '../model/kinds.ts';
import { baselineOf } from './baseline.ts';
import type { Model } from './model.ts';

/**
 * Pairwise trust T[i][j] without an N×N matrix.
 *
 * Trust leaves its baseline b_ij only inside the blocks of agents of state s toward agents of state r
 * for the model's changeable state pairs. The changes that sweep a whole block — forgetting
 * (x ← (1−φ)x + φb) and shocks (x ← f_i·x) — are affine maps x ← αx + βb whose α and β depend on the
 * row only, so each row-block (agent i, state r) keeps them as coefficients instead of visiting pairs:
 *
 * - a pair never touched individually ("lazy") is x = coef·b, because every map keeps that form;
 * - a pair touched individually (dialogue, transfer, strategy, agreement) is an entry storing u, with
 *   x = mul·u + add·b, so the row-block's maps update mul and add, not the entries.
 *
 * Row sums over a state's agents, and over its negotiators, follow from the row-block's coefficients,
 * the precomputed baseline sums and running sums of the entries' u and b: O(1) per row. A step is then
 * O(agents + pairs touched), never O(N²). Entries are found by an open-addressing hash of i·N + j.
 */
export interface TrustStore {
  N: number;
  S: number;
  /** per row-block rb = i·S + r */
  coef: Float64Array;
  mul: Float64Array;
  add: Float64Array;
  sumU: Float64Array;
  sumB: Float64Array;
  sumUNeg: Float64Array;
  sumBNeg: Float64Array;
  head: Int32Array;
  /** entries */
  size: number;
  col: Int32Array;
  block: Int32Array;
  u: Float64Array;
  b: Float64Array;
  next: Int32Array;
  /** last step at which the pair met in a dialogue event (forgetting spares it that step) */
  contact: Int32Array;
  /** entries that met this step, in order of first contact */
  met: Int32Array;
  metCount: number;
  metStep: number;
  /** hash of i·N + j → entry; keys −1 when free */
  keys: Int32Array;
  slots: Int32Array;
  shift: number;
}

/** Below this a row-block's multiplier is folded into its entries, so u stays bounded. */
const REBASE_BELOW = 1e-6;
const INITIAL_ENTRIES = 256;

export function createTrustStore(N: number, S: number): TrustStore {
  const blocks = N * S;
  const capacity = INITIAL_ENTRIES;
  const table = capacity * 2;
  return {
    N,
    S,
    coef: new Float64Array(blocks).fill(1),
    mul: new Float64Array(blocks).fill(1),
    add: new Float64Array(blocks),
    sumU: new Float64Array(blocks),
    sumB: new Float64Array(blocks),
    sumUNeg: new Float64Array(blocks),
    sumBNeg: new Float64Array(blocks),
    head: new Int32Array(blocks).fill(-1),
    size: 0,
    col: new Int32Array(capacity),
    block: new Int32Array(capacity),
    u: new Float64Array(capacity),
    b: new Float64Array(capacity),
    next: new Int32Array(capacity),
    contact: new Int32Array(capacity),
    met: new Int32Array(capacity),
    metCount: 0,
    metStep: -1,
    keys: new Int32Array(table).fill(-1),
    slots: new Int32Array(table),
    shift: 32 - Math.log2(table),
  };
}

function hashOf(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}

/** Returns the entry of pair (i, j), or −1 when the pair is lazy. */
export function findEntry(store: TrustStore, i: number, j: number): number {
  const key = i * store.N + j;
  const { keys } = store;
  const mask = keys.length - 1;
  for (let h = hashOf(key, store.shift); ; h = (h + 1) & mask) {
    const k = keys[h];
    if (k === key) return store.slots[h];
    if (k === -1) return -1;
  }
}

/** Returns T[i][j]. */
export function trustOf(store: TrustStore, model: Model, i: number, j: number): number {
  const r = model.side[j];
  if (r < 0 || model.side[i] < 0) return baselineOf(model.baseline, i, j);
  const rb = i * store.S + r;
  const e = findEntry(store, i, j);
  if (e >= 0) return store.mul[rb] * store.u[e] + store.add[rb] * store.b[e];
  return store.coef[rb] * baselineOf(model.baseline, i, j);
}

/** Returns the current value of an entry. */
export function entryValue(store: TrustStore, e: number): number {
  const rb = store.block[e];
  return store.mul[rb] * store.u[e] + store.add[rb] * store.b[e];
}

/** Sets an entry's value to x, keeping its row-block's sums. */
export function setEntryValue(store: TrustStore, model: Model, e: number, x: number): void {
  const rb = store.block[e];
  const u = (x - store.add[rb] * store.b[e]) / store.mul[rb];
  const d = u - store.u[e];
  store.u[e] = u;
  store.sumU[rb] += d;
  if (model.kind[store.col[e]] === KIND_NEGOTIATOR) store.sumUNeg[rb] += d;
}

/** Returns the entry of pair (i, j), creating it from the pair's lazy value if needed. Both agents must have a side. */
export function entryOf(store: TrustStore, model: Model, i: number, j: number): number {
  const found = findEntry(store, i, j);
  if (found >= 0) return found;
  if (store.size === store.col.length) growEntries(store);
  if (2 * (store.size + 1) > store.keys.length) growTable(store);
  const e = store.size++;
  const rb = i * store.S + model.side[j];
  const b = baselineOf(model.baseline, i, j);
  const u = (store.coef[rb] * b - store.add[rb] * b) / store.mul[rb];
  store.col[e] = j;
  store.block[e] = rb;
  store.u[e] = u;
  store.b[e] = b;
  store.contact[e] = -1;
  store.next[e] = store.head[rb];
  store.head[rb] = e;
  store.sumU[rb] += u;
  store.sumB[rb] += b;
  if (model.kind[j] === KIND_NEGOTIATOR) {
    store.sumUNeg[rb] += u;
    store.sumBNeg[rb] += b;
  }
  insertKey(store, i * store.N + j, e);
  return e;
}

function insertKey(store: TrustStore, key: number, e: number): void {
  const { keys } = store;
  const mask = keys.length - 1;
  let h = hashOf(key, store.shift);
  while (keys[h] !== -1) h = (h + 1) & mask;
  keys[h] = key;
  store.slots[h] = e;
}

function growEntries(store: TrustStore): void {
  const capacity = store.col.length * 2;
  const grow = <T extends Int32Array | Float64Array>(a: T): T => {
    const b = new (a.constructor as { new (n: number): T })(capacity);
    b.set(a);
    return b;
  };
  store.col = grow(store.col);
  store.block = grow(store.block);
  store.u = grow(store.u);
  store.b = grow(store.b);
  store.next = grow(store.next);
  store.contact = grow(store.contact);
  store.met = grow(store.met);
}

function growTable(store: TrustStore): void {
  const table = store.keys.length * 2;
  store.keys = new Int32Array(table).fill(-1);
  store.slots = new Int32Array(table);
  store.shift = 32 - Math.log2(table);
  for (let e = 0; e < store.size; e++) insertKey(store, Math.floor(store.block[e] / store.S) * store.N + store.col[e], e);
}

/** Marks an entry as having met at `step`; forgetting spares the entries met in its step. */
export function markContact(store: TrustStore, e: number, step: number): void {
  if (store.metStep !== step) {
    store.metStep = step;
    store.metCount = 0;
  }
  if (store.contact[e] === step) return;
  store.contact[e] = step;
  store.met[store.metCount++] = e;
}

/** Applies x ← alpha·x + beta·b to every pair of row-block rb. */
export function transformBlock(store: TrustStore, model: Model, rb: number, alpha: number, beta: number): void {
  store.coef[rb] = alpha * store.coef[rb] + beta;
  const mul = alpha * store.mul[rb];
  store.add[rb] = alpha * store.add[rb] + beta;
  store.mul[rb] = mul;
  if (!(mul >= REBASE_BELOW)) rebaseBlock(store, model, rb);
}

/** Folds a row-block's multiplier and offset into its entries' u (mul = 1, add = 0), and resums exactly. */
function rebaseBlock(store: TrustStore, model: Model, rb: number): void {
  const mul = store.mul[rb];
  const add = store.add[rb];
  let sumU = 0;
  let sumUNeg = 0;
  for (let e = store.head[rb]; e >= 0; e = store.next[e]) {
    const x = mul * store.u[e] + add * store.b[e];
    store.u[e] = x;
    sumU += x;
    if (model.kind[store.col[e]] === KIND_NEGOTIATOR) sumUNeg += x;
  }
  store.mul[rb] = 1;
  store.add[rb] = 0;
  store.sumU[rb] = sumU;
  store.sumUNeg[rb] = sumUNeg;
}

/** Returns Σ_j T[i][j] over all agents j of state r, for row-block rb = i·S + r. */
export function rowSum(store: TrustStore, model: Model, rb: number): number {
  return store.coef[rb] * (model.baseSum[rb] - store.sumB[rb]) + store.mul[rb] * store.sumU[rb] + store.add[rb] * store.sumB[rb];
}

/** Returns Σ_j T[i][j] over the negotiators j of state r, for row-block rb = i·S + r. */
export function rowSumNegotiators(store: TrustStore, model: Model, rb: number): number {
  return store.coef[rb] * (model.baseSumNeg[rb] - store.sumBNeg[rb]) + store.mul[rb] * store.sumUNeg[rb] + store.add[rb] * store.sumBNeg[rb];
}

/** Returns the full N×N matrix (row-major). O(N²): for snapshots and small models only. */
export function trustMatrix(store: TrustStore, model: Model): Float64Array {
  const { N, S } = store;
  const out = new Float64Array(N * N);
  const { rowOf, rows } = model.baseline;
  for (let i = 0; i < N; i++) {
    const row = rows[rowOf[i]];
    const si = model.side[i];
    for (let j = 0; j < N; j++) {
      const r = model.side[j];
      const b = i === j ? 1 : row[j];
      out[i * N + j] = si >= 0 && r >= 0 ? store.coef[i * S + r] * b : b;
    }
  }
  for (let e = 0; e < store.size; e++) {
    const i = Math.floor(store.block[e] / S);
    out[i * N + store.col[e]] = entryValue(store, e);
  }
  return out;
}

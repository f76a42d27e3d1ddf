/** What a dialogue event's participants imply, worked out once per event when the model is compiled. */
export interface DialoguePlan {
  /** ordered participant pairs (i, j) from rival states, as agent indices */
  from: Int32Array;
  to: Int32Array;
  /** states with at least one rival among the participants' states */
  sides: Int32Array;
  /** ordered pairs [s, r] of those states that are rivals */
  sidePairs: Int32Array;
  /** per participant pair: its rival pair's index in model.rivalPairs (−1: none) and its shares of the ledger's tau and Track II targets */
  ledgerPair: Int32Array;
  tauShare: Float64Array;
  track2Share: Float64Array;
  /** index of the plan in the model, where a run keeps the plan's trust entries */
  index: number;
}

/** Returns the plan of a dialogue among `participants`; `side` maps agents to states (−1: none). */
export function planDialogue(participants: readonly number[], side: Int16Array, rivalry: Float64Array, S: number): DialoguePlan {
  const from: number[] = [];
  const to: number[] = [];
  for (const i of participants) {
    for (const j of participants) {
      if (i !== j && side[i] >= 0 && side[j] >= 0 && rivalry[side[i] * S + side[j]] > 0) {
        from.push(i);
        to.push(j);
      }
    }
  }
  const present = new Set(participants.map((i) => side[i]).filter((s) => s >= 0));
  const sides = [...present].filter((s) => [...present].some((r) => r !== s && rivalry[s * S + r] > 0)).sort((a, b) => a - b);
  const sidePairs: number[] = [];
  for (const s of sides) for (const r of sides) if (s !== r && rivalry[s * S + r] > 0) sidePairs.push(s, r);
  const n = from.length;
  return { from: Int32Array.from(from), to: Int32Array.from(to), sides: Int32Array.from(sides), sidePairs: Int32Array.from(sidePairs), ledgerPair: new Int32Array(n).fill(-1), tauShare: new Float64Array(n), track2Share: new Float64Array(n), index: -1 };
}

/** Returns trust moved a fraction `fraction` of the way back to its baseline. */
export function trustAfterForgetting(trust: number, baseline: number, fraction: number): number {
  return trust + fraction * (baseline - trust);
}

import { GOLDSTEIN } from './cameo-table.ts';

/** Returns the Goldstein weight of a CAMEO code, or undefined for an unknown code. */
export function goldsteinWeight(code: string): number | undefined {
  return Object.hasOwn(GOLDSTEIN, code) ? GOLDSTEIN[code] : undefined;
}

/** Returns a shock's severity from its CAMEO code: the conflict side of the Goldstein scale, −G/10. */
export function severityFromGoldstein(weight: number): number {
  return Math.min(1, Math.max(0, -weight / 10));
}

/** Returns a dialogue's intensity from its CAMEO code: G / reference, kept within [0, 2]. */
export function intensityFromGoldstein(weight: number, reference: number): number {
  return Math.min(2, Math.max(0, weight / reference));
}

/** Normalises a code written as a YAML number (57 → "057" is ambiguous, so only strings are exact). */
export function cameoCode(value: string | number): string {
  return typeof value === 'number' ? String(value).padStart(2, '0') : value;
}

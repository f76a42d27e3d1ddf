import seedrandom from 'seedrandom';

/** A stream of uniform numbers in [0, 1). */
export type Stream = () => number;

/**
 * Returns the named random stream of a run. Each mechanism and each event source draws from its
 * own stream, derived from the run seed and the stream's name only, so adding or removing one
 * event leaves every other stream's draws unchanged (common random numbers). Alea is used for
 * its speed; seedrandom's default ARC4 is several times slower to seed.
 */
export function createStream(seed: number, name: string): Stream {
  return seedrandom.alea(`${seed}\u0000${name}`);
}

/** Returns the same stream as createStream, seeded on its first draw. */
export function createLazyStream(seed: number, name: string): Stream {
  let stream: Stream | undefined;
  return () => (stream ??= createStream(seed, name))();
}

/** Returns a 32-bit seed derived from a seed and a label, e.g. the seed of replicate r. */
export function deriveSeed(seed: number, label: string): number {
  return Math.floor(seedrandom.alea(`${seed}\u0001${label}`)() * 2 ** 32);
}

/** Returns the seed of replicate `r` of a run with base seed `seed`; replicate 0 is the base seed. */
export function replicateSeed(seed: number, r: number): number {
  return r === 0 ? seed : deriveSeed(seed, `replicate:${r}`);
}

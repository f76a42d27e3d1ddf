import { quantileSeq } from 'mathjs';

export const BAND_PROBABILITIES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export interface Bands {
  p05: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p95: number[];
}

/**
 * Collects one series per replication and returns, at each step, the 5th, 25th, 50th, 75th and
 * 95th percentiles across replications (linear interpolation between order statistics).
 */
export class BandCollector {
  private readonly values: Float64Array[];
  private runs = 0;

  constructor(
    private readonly steps: number,
    private readonly capacity: number,
  ) {
    this.values = Array.from({ length: steps }, () => new Float64Array(capacity));
  }

  add(series: ArrayLike<number>): void {
    if (this.runs >= this.capacity) throw new Error('BandCollector: more series than its capacity');
    for (let t = 0; t < this.steps; t++) this.values[t][this.runs] = series[t];
    this.runs++;
  }

  bands(): Bands {
    const out: Bands = { p05: [], p25: [], p50: [], p75: [], p95: [] };
    for (let t = 0; t < this.steps; t++) {
      const xs = Array.from(this.values[t].subarray(0, this.runs)).filter((x) => !Number.isNaN(x));
      const q = xs.length ? (quantileSeq(xs, [...BAND_PROBABILITIES]) as number[]) : BAND_PROBABILITIES.map(() => NaN);
      out.p05.push(q[0]);
      out.p25.push(q[1]);
      out.p50.push(q[2]);
      out.p75.push(q[3]);
      out.p95.push(q[4]);
    }
    return out;
  }
}

import { describe, expect, it } from 'vitest';
import { transferDelta } from '../../src/model/transfer.ts';

const f = (xs: number[]) => Float64Array.from(xs);

describe('transferDelta', () => {
  it('pulls toward views within the confidence bound', () => {
    // one view 0.5, weight 0.1, T = 0.3: 0.1*(0.2) = 0.02
    expect(transferDelta(0.3, f([0.5]), f([0.1]), 1, 0.3, 0)).toBeCloseTo(0.02, 12);
  });
  it('ignores views beyond the bound when backlash is off', () => {
    expect(transferDelta(0.1, f([0.6]), f([0.5]), 1, 0.3, 0)).toBe(0);
  });
  it('pushes away from views beyond the bound with backlash', () => {
    // -0.5*0.2*(0.6-0.1) = -0.05
    expect(transferDelta(0.1, f([0.6]), f([0.2]), 1, 0.3, 0.5)).toBeCloseTo(-0.05, 12);
  });
  it('normalises several strong pulls so one step never overshoots', () => {
    // weights 0.8 + 0.8 = 1.6 > 1: (0.8*0.2 + 0.8*0.2)/1.6 = 0.2 → lands exactly on the views
    expect(transferDelta(0.3, f([0.5, 0.5]), f([0.8, 0.8]), 2, 0.3, 0)).toBeCloseTo(0.2, 12);
  });
  it('uses only the first `count` entries', () => {
    expect(transferDelta(0.3, f([0.5, 0.0]), f([0.1, 0.9]), 1, 0.3, 0)).toBeCloseTo(0.02, 12);
  });
});

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

describe('transferDeltaSorted', () => {
  it('gives the change transferDelta gives, whatever the views, weights and bounds', async () => {
    const fc = (await import('fast-check')).default;
    const { createSortedViews, sortViews, transferDeltaSorted, transferDelta: reference } = await import('../../src/model/transfer.ts');
    fc.assert(
      fc.property(
        fc.array(fc.record({ v: fc.double({ min: 0, max: 1, noNaN: true }), w: fc.double({ min: 0, max: 0.5, noNaN: true }) }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2, noNaN: true })),
        (actors, trusts, epsilon, backlash) => {
          const views = Float64Array.from(actors, (a) => a.v);
          const weights = Float64Array.from(actors, (a) => a.w);
          const sorted = createSortedViews(actors.length);
          // twice, so the second sort starts from the first one's order
          sortViews(views, weights, actors.length, sorted);
          views.reverse();
          weights.reverse();
          sortViews(views, weights, actors.length, sorted);
          for (const t of trusts) expect(transferDeltaSorted(t, sorted, epsilon, backlash)).toBeCloseTo(reference(t, views, weights, actors.length, epsilon, backlash), 12);
        },
      ),
      { numRuns: 500 },
    );
  });
});

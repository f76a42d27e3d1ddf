import { z } from 'zod';

/*
 * A sweep spec: which scenario, which factors to vary and how, how many replications, which
 * metrics and series to keep. Factors name values with the same paths as `--set`.
 */
const factor = z.strictObject({
  /** a --set path, or several that take the same value (e.g. the access of every Track II group) */
  path: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a name of letters, digits and "_"').optional(),
  levels: z.array(z.number()).min(1).optional(),
  range: z.tuple([z.number(), z.number()]).optional(),
  steps: z.number().int().min(2).max(10_000).optional(),
  scale: z.enum(['linear', 'log']).default('linear'),
  integer: z.boolean().default(false),
});

export const sweepSpecSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  scenario: z.string().min(1),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  replications: z.number().int().min(1).max(1_000_000).default(1),
  commonRandomNumbers: z.boolean().default(true),
  until: z.union([z.string(), z.number()]).optional(),
  set: z.array(z.string()).default([]),
  design: z
    .strictObject({
      type: z.enum(['grid', 'random', 'lhs', 'sobol', 'morris']).default('grid'),
      samples: z.number().int().min(1).max(10_000_000).optional(),
      /** Morris grid levels: even, so that the step Δ = p/(2(p−1)) lands on the grid */
      levels: z.number().int().min(2).max(100).refine((l) => l % 2 === 0, 'an even number of levels').default(4),
      bootstrap: z.number().int().min(0).max(100_000).default(200),
    })
    .default({ type: 'grid', levels: 4, bootstrap: 200 }),
  factors: z.array(factor).min(1),
  metrics: z.array(z.string()).optional(),
  series: z.array(z.string()).default([]),
});

export type SweepSpec = z.infer<typeof sweepSpecSchema>;
export type FactorSpec = z.infer<typeof factor>;

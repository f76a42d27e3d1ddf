import { trustAfterForgetting } from '../model/forgetting.ts';
import { rateToFraction } from '../model/logistic.ts';
import { setTrust, type Run } from './run.ts';

/** Moves every pair that did not meet this step a fraction 1 − e^(−delta·dt) back toward its baseline. */
export function applyForgetting(run: Run): void {
  const { model, state } = run;
  const fraction = rateToFraction(state.parameters['forgetting.delta'], model.dt);
  if (fraction === 0) return;
  const cause = model.mechanismCause['forgetting'];
  const { N, baseline } = model;
  const { trust, lastContact } = state;
  const step = state.step;
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const k = i * N + j;
      const t = trust[k];
      if (t === baseline[k] || lastContact[k] === step) continue;
      setTrust(run, i, j, trustAfterForgetting(t, baseline[k], fraction), cause);
    }
  }
}

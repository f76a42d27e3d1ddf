import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/load-scenario.ts';

const problems = (sets: string[]) => loadScenario('classroom', sets).issues.map((i) => `${i.path.join('.')} ${i.message}`);

describe('expressions of constants only are worked out when the file is checked', () => {
  it('refuses one that is never a number', () => {
    expect(problems(['transfer.mu=1/0'])).toEqual(['parameters.transfer.mu expected an expression with a finite value, found "1/0", which is never a number']);
    expect(problems(['forgetting.delta=log(-1)'])[0]).toMatch(/never a number/);
  });

  it('checks its value against the parameter\'s range, as for a plain number', () => {
    expect(problems(['states.ARL.receptivity=0.5*4'])).toEqual(['states.0.receptivity expected a number in [0, 1] (default willingness of a government to take up Track II views), found 2']);
    expect(problems(['transfer.mu=0.5*2'])).toEqual([]);
  });

  it('leaves expressions of the run\'s variables to the run', () => {
    expect(problems(['transfer.mu=1/(1 + trackI)'])).toEqual([]);
  });
});

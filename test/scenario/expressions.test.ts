import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/scenario/expressions.ts';

const vars = new Set(['t', 'year', 'H_A']);
const scope = new Map([['t', 3], ['year', 2001.5], ['H_A', 0.8]]);

describe('compileExpression', () => {
  it('evaluates arithmetic, comparisons, conditionals and allowed functions', () => {
    expect(compileExpression('0.3 + 0.1 * (year > 2001)', vars).expression!.evaluate(scope)).toBeCloseTo(0.4, 12);
    expect(compileExpression('H_A > 1 ? 0.2 : 0.6', vars).expression!.evaluate(scope)).toBe(0.6);
    expect(compileExpression('max(0, 1 - exp(-t))', vars).expression!.evaluate(scope)).toBeCloseTo(1 - Math.exp(-3), 12);
  });
  it.each([
    ['import({}, {override: true})', 'functions'],
    ['createUnit("x")', 'functions'],
    ['evaluate("1+1")', 'functions'],
    ['parse("1")', 'functions'],
    ['simplify("x")', 'functions'],
    ['derivative("x^2", "x")', 'functions'],
    ['resolve(t)', 'functions'],
    ['f(x) = x', 'assignment'],
    ['x = 1', 'assignment'],
    ['t.constructor', 'property or index access'],
    ['t["constructor"]', 'property or index access'],
    ['[1, 2, 3]', 'a matrix'],
    ['{a: 1}', 'an object'],
    ['"text"', 'numbers only'],
    ['1; 2', 'several statements'],
    ['1:1000000', 'a range'],
    ['process', 'known variable'],
    ['(t', 'a valid expression'],
    ['1 +'.repeat(400) + '1', 'at most'],
  ])('refuses %s', (source, why) => {
    const r = compileExpression(source, vars);
    expect(r.expression).toBeUndefined();
    expect(r.error).toContain(why);
  });
});

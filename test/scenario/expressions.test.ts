import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileExpression } from '../../src/scenario/expressions.ts';
import { formatIssues } from '../../src/cli/format-issues.ts';
import { loadTexts } from './fuzz-helpers.ts';
import { twoStates } from '../helpers.ts';

const vars = new Set(['t', 'year', 'H_A']);
const scope = new Map([['t', 3], ['year', 2001.5], ['H_A', 0.8]]);

describe('compileExpression', () => {
  it('evaluates arithmetic, comparisons, logic, conditionals and allowed functions', () => {
    const value = (source: string) => compileExpression(source, vars).expression!.evaluate(scope);
    expect(value('0.3 + 0.1 * (year > 2001)')).toBeCloseTo(0.4, 12);
    expect(value('H_A > 1 ? 0.2 : 0.6')).toBe(0.6);
    expect(value('max(0, 1 - exp(-t))')).toBeCloseTo(1 - Math.exp(-3), 12);
    expect(value('t >= 3 and not (H_A == 1)')).toBe(1);
    expect(value('t mod 2 + log(8, 2) + min(4, t, 5) + pow(2, 3)')).toBe(1 + 3 + 3 + 8);
    expect(value('2t - -1')).toBe(7);
    expect(compileExpression('H_A * year + t', vars).expression!.variables.sort()).toEqual(['H_A', 't', 'year']);
  });

  /*
   * Escape attempts against the restricted mathjs instance, each refused when the file is checked:
   * [source, what the message must say]. Nothing here is ever compiled, so nothing here runs.
   */
  const escapes: [string, string][] = [
    // the functions that reach mathjs itself
    ['import({}, {override: true})', 'one of the functions abs, min, max'],
    ['createUnit("foo")', 'found "createUnit"'],
    ['evaluate("1+1")', 'found "evaluate"'],
    ['parse("1")', 'found "parse"'],
    ['compile("1")', 'found "compile"'],
    ['simplify("x")', 'found "simplify"'],
    ['derivative("x^2", "x")', 'found "derivative"'],
    ['resolve(t)', 'found "resolve"'],
    ['reviver()', 'found "reviver"'],
    ['config({number: "BigNumber"})', 'found "config"'],
    ['chain(1)', 'found "chain"'],
    ['typeOf(t)', 'found "typeOf"'],
    // objects, prototypes and property access
    ['t.constructor', 'property or index access'],
    ['t["constructor"]', 'property or index access'],
    ['a["constructor"]', 'property or index access'],
    ['t.__proto__', 'property or index access'],
    ['t["__proto__"]["polluted"]', 'property or index access'],
    ['max.constructor', 'property or index access'],
    ['constructor', 'a known variable; "constructor" is not one'],
    ['__proto__', 'a known variable; "__proto__" is not one'],
    ['prototype', 'a known variable; "prototype" is not one'],
    ['process', 'a known variable; "process" is not one'],
    ['{a: 1}', 'not an object'],
    // definitions, assignments and runaway recursion
    ['f(x) = f(x)', 'not a function definition'],
    ['f(x) = x', 'not a function definition'],
    ['f=x->f(x)', 'a valid expression'],
    ['x = 1', 'not an assignment'],
    ['f(x) = x; f(1)', 'not several statements'],
    ['1; 2', 'not several statements'],
    // huge matrices, ranges and strings
    ['zeros(1e9)', 'found "zeros"'],
    ['ones(1e5, 1e5)', 'found "ones"'],
    ['range(1, 1e9)', 'found "range"'],
    ['1:1e9', 'not a range'],
    ['[1, 2, 3]', 'not a matrix'],
    ['max([1])', 'not a matrix'],
    ['"text"', 'numbers only; found a string'],
    ['concat("a", "b")', 'found "concat"'],
    ['format(t)', 'found "format"'],
    ['string(t)', 'found "string"'],
    // huge numbers by other roads
    ['cube(1e308)', 'found "cube"'],
    ['factorial(1e9)', 'found "factorial"'],
    ['1e9!', 'found "!" (factorial)'],
    ['gamma(1e9)', 'found "gamma"'],
    // units
    ['5 cm', 'a known variable; "cm" is not one'],
    ['unit("5 cm")', 'found "unit"'],
    ['t to t', 'found "to" (unit conversion)'],
    ['t in t', 'found "in" (unit conversion)'],
    // operators mathjs would reject at run time, which must not reach a run
    ['year & 1', 'found "&" (a bitwise operator)'],
    ['~t', 'found "~" (a bitwise operator)'],
    ['t << 40', 'found "<<" (a bitwise operator)'],
    ['t .* 2', 'found ".*" (an element-wise matrix operator)'],
    ["t'", "found \"'\" (matrix transpose)"],
    ['t ?? 1', 'found "??"'],
    ['true + true', 'numbers only; found the constant true'],
    ['null', 'numbers only; found the constant null'],
    // calls with the wrong number of arguments
    ['min()', '1 to 64 arguments to min(), found 0'],
    ['pow(2)', '2 arguments to pow(), found 1'],
    ['abs(1, 2)', '1 argument to abs(), found 2'],
    ['round(t, 20)', '1 argument to round(), found 2'],
    ['log(1, 2, 3)', '1 or 2 arguments to log(), found 3'],
    // size
    ['(t', 'a valid expression'],
    ['1+'.repeat(400) + '1', 'at most 500 terms'],
    ['t' + ' '.repeat(1000), 'at most 1000 characters, found 1001'],
    ['('.repeat(300) + 't' + ')'.repeat(300), 'at most 40 levels of parentheses'],
  ];
  it.each(escapes)('refuses %s', (source, why) => {
    const r = compileExpression(source, vars);
    expect(r.expression).toBeUndefined();
    expect(r.error).toContain(why);
  });

  it('evaluates to NaN, never throws, where numbers leave the finite reals', () => {
    for (const source of ['log(-1)', 'sqrt(-1)', 'pow(10, 400)', '1 / 0', '0 / 0', 'exp(1e6)', 'H_A * 1e308 * 10', 'log(0)', '(-1) ^ 0.5', 'pow(-8, 1/3)']) {
      const r = compileExpression(source, vars);
      expect(r.error, source).toBeUndefined();
      expect(r.expression!.evaluate(scope), source).toBeNaN();
    }
  });

  it('refuses at validation time with the file, line and column of the expression and what is allowed', () => {
    const doc = stringify(twoStates({ parameters: { transfer: { mu: 'import({}, {override: true})' } }, states: [{ id: 'A', receptivity: 'A.constructor' }, { id: 'B', grievance: 'zeros(1e9)' }] }));
    const text = formatIssues(loadTexts({ 'main.yaml': doc }).issues);
    expect(text).toMatch(/^main\.yaml:\d+:\d+  states\[0\]\.receptivity  expected arithmetic on numbers and variables, not property or index access$/m);
    expect(text).toMatch(/^main\.yaml:\d+:\d+  states\[1\]\.grievance  expected one of the functions abs, min, max, exp, log, sqrt, pow, floor, ceil, round, sign, sin, cos; found "zeros"$/m);
    expect(text).toMatch(/^main\.yaml:\d+:\d+  parameters\.transfer\.mu  expected one of the functions .*; found "import"$/m);
  });

  /** Random token soups of allowed and forbidden pieces: compiling never throws, evaluating never throws. */
  it('never throws on 1,500 random expressions, and what compiles evaluates to a finite number or NaN', () => {
    const token = fc.constantFrom(
      't', 'year', 'H_A', 'x', 'pi', 'e', '0', '1', '2.5', '1e308', '-', '+', '*', '/', '^', 'mod', '%', '(', ')', '(', ')', ',', '?', ':',
      '<', '>=', '==', '!=', 'and', 'or', 'not', 'max(', 'min(', 'log(', 'pow(', 'sqrt(', 'exp(', 'abs(', 'round(', '!', "'", '&', '|', '[', ']', '{', '}',
      '.', '"a"', '=', ';', 'f(x)', 'import(', 'constructor', '[ "constructor" ]', ':', 'to', 'cm', '->', '\n',
    );
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 25 }), (tokens) => {
        const r = compileExpression(tokens.join(' '), vars);
        if (r.expression) {
          const v = r.expression.evaluate(scope);
          expect(Number.isFinite(v) || Number.isNaN(v)).toBe(true);
        } else {
          expect(r.error!.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 1500, seed: 71 },
    );
  });
});

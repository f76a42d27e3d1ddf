import { all, create, type MathNode } from 'mathjs';

/*
 * Scenario expressions run in a restricted mathjs instance. Files are shared between researchers,
 * so an expression is checked against a whitelist — node types, operators, functions with their
 * number of arguments, and the named variables of a run — before anything is compiled, at
 * validation time. What passes can only compute a number from numbers: it cannot reach objects,
 * define functions, loop or build matrices, strings or units. Evaluation never throws: whatever is
 * not a finite number comes back as NaN, which the engine replaces and reports
 * (src/engine/expression-scope.ts).
 */
const forbidden = ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'compile', 'reviver', 'chain', 'config'];
let restrictedParse: ((source: string) => MathNode) | undefined;

/** Returns the restricted instance's parser, creating the instance on first use (it is slow to build). */
function parser(): (source: string) => MathNode {
  if (restrictedParse) return restrictedParse;
  const math = create(all);
  const parse = math.parse;
  // The whitelist below already refuses these; disabling them too means a gap in it is not an escape.
  math.import(
    Object.fromEntries(
      forbidden.map((name) => [
        name,
        () => {
          throw new Error(`function "${name}" is disabled in scenario expressions`);
        },
      ]),
    ),
    { override: true },
  );
  restrictedParse = (source) => parse(source);
  return restrictedParse;
}

/** The functions an expression may call, with the least and most arguments each takes. */
const FUNCTION_ARITY = {
  abs: [1, 1], min: [1, 64], max: [1, 64], exp: [1, 1], log: [1, 2], sqrt: [1, 1], pow: [2, 2],
  floor: [1, 1], ceil: [1, 1], round: [1, 1], sign: [1, 1], sin: [1, 1], cos: [1, 1],
} as const satisfies Record<string, readonly [number, number]>;
export const EXPRESSION_FUNCTIONS = Object.keys(FUNCTION_ARITY) as (keyof typeof FUNCTION_ARITY)[];

/** Operators by mathjs function name: arithmetic, comparisons and logic on plain numbers. */
const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  'add', 'subtract', 'multiply', 'divide', 'pow', 'mod', 'unaryMinus', 'unaryPlus',
  'smaller', 'smallerEq', 'larger', 'largerEq', 'equal', 'unequal', 'and', 'or', 'not',
]);
export const EXPRESSION_OPERATORS = '+ - * / ^ mod, < <= > >= == !=, and or not, and "a ? b : c"';
const CONSTANTS: ReadonlySet<string> = new Set(['pi', 'e']);
const ALLOWED_NODES: ReadonlySet<string> = new Set([
  'ConstantNode', 'SymbolNode', 'OperatorNode', 'ParenthesisNode', 'FunctionNode', 'ConditionalNode',
]);
export const MAX_EXPRESSION_LENGTH = 1000;
const MAX_NODES = 500;
// mathjs parses by recursive descent: deep brackets would overflow its stack before any check.
const MAX_BRACKET_DEPTH = 40;

/** A compiled expression: evaluate it with the current values of its variables. */
export interface CompiledExpression {
  source: string;
  variables: string[];
  /** Returns the expression's value, or NaN when it is not a finite number; never throws. */
  evaluate(scope: Map<string, number>): number;
}

type Problem = { error: string; suggestion?: string };

/** Compiles an expression or returns what is wrong with it; `variables` lists the names allowed. */
export function compileExpression(
  source: string,
  variables: ReadonlySet<string>,
): { expression?: CompiledExpression; error?: string; suggestion?: string } {
  if (source.length > MAX_EXPRESSION_LENGTH) return { error: `an expression of at most ${MAX_EXPRESSION_LENGTH} characters, found ${source.length}` };
  if (bracketDepth(source) > MAX_BRACKET_DEPTH) return { error: `an expression with at most ${MAX_BRACKET_DEPTH} levels of parentheses` };
  let node: MathNode;
  try {
    node = parser()(source);
  } catch (e) {
    return { error: `a valid expression (${(e as Error).message})` };
  }
  let count = 0;
  let problem: Problem | undefined;
  const used = new Set<string>();
  node.traverse((n, _path, parent) => {
    if (problem) return;
    if (++count > MAX_NODES) problem = { error: `an expression of at most ${MAX_NODES} terms` };
    else problem = checkNode(n, parent, variables, used);
  });
  if (problem) return problem;
  const compiled = node.compile();
  return {
    expression: {
      source,
      variables: [...used],
      evaluate(scope) {
        let value: unknown;
        try {
          value = compiled.evaluate(scope);
        } catch {
          // e.g. a domain error inside mathjs; the caller treats NaN as "no number this step"
          return NaN;
        }
        const n = typeof value === 'boolean' ? Number(value) : value;
        return typeof n === 'number' && Number.isFinite(n) ? n : NaN;
      },
    },
  };
}

/** Returns why one node is not allowed, or undefined; records the variables it reads. */
function checkNode(n: MathNode, parent: MathNode | null, variables: ReadonlySet<string>, used: Set<string>): Problem | undefined {
  if (!ALLOWED_NODES.has(n.type)) return { error: `arithmetic on numbers and variables, not ${describeNode(n.type)}` };
  switch (n.type) {
    case 'ConstantNode': {
      const value = (n as unknown as { value: unknown }).value;
      if (typeof value !== 'number') return { error: `numbers only; found ${typeof value === 'string' ? 'a string' : `the constant ${String(value)}`}` };
      return undefined;
    }
    case 'OperatorNode': {
      const { op, fn } = n as unknown as { op: string; fn: string };
      if (!ALLOWED_OPERATORS.has(fn)) return { error: `the operators ${EXPRESSION_OPERATORS}; found "${op}" (${describeOperator(fn)})` };
      return undefined;
    }
    case 'FunctionNode': {
      const { fn, args } = n as unknown as { fn: MathNode & { name?: string }; args: MathNode[] };
      const name = fn.type === 'SymbolNode' ? fn.name : undefined;
      const arity = name !== undefined && Object.hasOwn(FUNCTION_ARITY, name) ? FUNCTION_ARITY[name as keyof typeof FUNCTION_ARITY] : undefined;
      if (!arity) return { error: `one of the functions ${EXPRESSION_FUNCTIONS.join(', ')}; found ${name ? `"${name}"` : 'a computed function'}` };
      if (args.length < arity[0] || args.length > arity[1]) {
        const wanted = arity[0] === arity[1] ? `${arity[0]}` : arity[1] > 2 ? `${arity[0]} to ${arity[1]}` : `${arity[0]} or ${arity[1]}`;
        return { error: `${wanted} argument${arity[1] === 1 ? '' : 's'} to ${name}(), found ${args.length}` };
      }
      return undefined;
    }
    case 'SymbolNode': {
      const name = (n as unknown as { name: string }).name;
      const isCallee = parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === n;
      if (isCallee) return undefined;
      if (variables.has(name) || CONSTANTS.has(name)) {
        if (variables.has(name)) used.add(name);
        return undefined;
      }
      const hint = [...variables].find((v) => v.toLowerCase() === name.toLowerCase());
      return {
        error: `a known variable; "${name}" is not one (variables: ${[...variables].slice(0, 12).join(', ')}${variables.size > 12 ? ', ...' : ''})`,
        ...(hint ? { suggestion: `did you mean "${hint}"?` } : {}),
      };
    }
    default:
      return undefined;
  }
}

/** Returns the deepest nesting of brackets in a text, quotes ignored (they are refused later anyway). */
function bracketDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (const c of source) {
    if (c === '(' || c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

function describeNode(type: string): string {
  switch (type) {
    case 'AssignmentNode':
      return 'an assignment';
    case 'FunctionAssignmentNode':
      return 'a function definition';
    case 'AccessorNode':
    case 'IndexNode':
      return 'property or index access';
    case 'ObjectNode':
      return 'an object';
    case 'ArrayNode':
      return 'a matrix';
    case 'BlockNode':
      return 'several statements';
    case 'RangeNode':
      return 'a range';
    default:
      return type;
  }
}

function describeOperator(fn: string): string {
  if (fn.startsWith('bit') || fn.includes('Shift')) return 'a bitwise operator';
  if (fn.startsWith('dot')) return 'an element-wise matrix operator';
  if (fn === 'factorial') return 'factorial';
  if (fn === 'ctranspose' || fn === 'transpose') return 'matrix transpose';
  if (fn === 'to') return 'unit conversion';
  return fn;
}

/** Returns the symbol name used in expressions for an id: characters other than letters and digits become "_". */
export function symbolName(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, '_');
}

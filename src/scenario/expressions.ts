import { all, create, type MathNode } from 'mathjs';

/*
 * Scenario expressions run in a restricted mathjs instance. Files are shared between researchers,
 * so an expression may use only arithmetic, comparisons, conditionals, a short list of pure
 * functions and the named variables of a run; it is compiled once, at validation time.
 */
const forbidden = ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'compile', 'reviver', 'chain'];
let restrictedParse: ((source: string) => MathNode) | undefined;

/** Returns the restricted instance's parser, creating the instance on first use (it is slow to build). */
function parser(): (source: string) => MathNode {
  if (restrictedParse) return restrictedParse;
  const math = create(all);
  const parse = math.parse;
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

export const EXPRESSION_FUNCTIONS = [
  'abs', 'min', 'max', 'exp', 'log', 'sqrt', 'pow', 'floor', 'ceil', 'round', 'sign', 'sin', 'cos',
] as const;
const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set(EXPRESSION_FUNCTIONS);
const CONSTANTS: ReadonlySet<string> = new Set(['pi', 'e', 'true', 'false']);
const ALLOWED_NODES: ReadonlySet<string> = new Set([
  'ConstantNode', 'SymbolNode', 'OperatorNode', 'ParenthesisNode', 'FunctionNode', 'ConditionalNode',
]);
const MAX_LENGTH = 1000;
const MAX_NODES = 500;

/** A compiled expression: evaluate it with the current values of its variables. */
export interface CompiledExpression {
  source: string;
  variables: string[];
  evaluate(scope: Map<string, number>): number;
}

/** Compiles an expression or returns what is wrong with it; `variables` lists the names allowed. */
export function compileExpression(
  source: string,
  variables: ReadonlySet<string>,
): { expression?: CompiledExpression; error?: string; suggestion?: string } {
  if (source.length > MAX_LENGTH) return { error: `an expression of at most ${MAX_LENGTH} characters` };
  let node: MathNode;
  try {
    node = parser()(source);
  } catch (e) {
    return { error: `a valid expression (${(e as Error).message})` };
  }
  let count = 0;
  let problem: { error: string; suggestion?: string } | undefined;
  const used = new Set<string>();
  node.traverse((n, _path, parent) => {
    if (problem) return;
    if (++count > MAX_NODES) problem = { error: `an expression of at most ${MAX_NODES} terms` };
    else if (!ALLOWED_NODES.has(n.type)) {
      problem = { error: `arithmetic on numbers and variables, not ${describeNode(n.type)}` };
    } else if (n.type === 'ConstantNode' && typeof (n as unknown as { value: unknown }).value !== 'number') {
      problem = { error: 'numbers only; found a string or other constant' };
    } else if (n.type === 'FunctionNode') {
      const fn = n as unknown as { fn: MathNode & { name?: string } };
      const name = fn.fn.type === 'SymbolNode' ? fn.fn.name : undefined;
      if (!name || !ALLOWED_FUNCTIONS.has(name)) {
        problem = {
          error: `one of the functions ${EXPRESSION_FUNCTIONS.join(', ')}; found ${name ? `"${name}"` : 'a computed function'}`,
        };
      }
    } else if (n.type === 'SymbolNode') {
      const name = (n as unknown as { name: string }).name;
      const isCallee = parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === n;
      if (!isCallee && !variables.has(name) && !CONSTANTS.has(name)) {
        const hint = [...variables].find((v) => v.toLowerCase() === name.toLowerCase());
        problem = {
          error: `a known variable; "${name}" is not one (variables: ${[...variables].slice(0, 12).join(', ')}${variables.size > 12 ? ', ...' : ''})`,
          ...(hint ? { suggestion: `did you mean "${hint}"?` } : {}),
        };
      } else if (!isCallee) used.add(name);
    }
  });
  if (problem) return problem;
  const compiled = node.compile();
  return {
    expression: {
      source,
      variables: [...used],
      evaluate(scope) {
        const value: unknown = compiled.evaluate(scope);
        const n = typeof value === 'boolean' ? Number(value) : value;
        return typeof n === 'number' && Number.isFinite(n) ? n : NaN;
      },
    },
  };
}

function describeNode(type: string): string {
  switch (type) {
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      return 'an assignment';
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

/** Returns the symbol name used in expressions for an id: characters other than letters and digits become "_". */
export function symbolName(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, '_');
}

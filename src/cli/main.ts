import yargs from 'yargs';
import { PACKAGE_VERSION } from '../io/run-files.ts';
import { classroomCommand } from './commands/classroom.ts';
import { compareCommand, compareHandler, type CompareArgs } from './commands/compare.ts';
import { describeCommand } from './commands/describe.ts';
import { listCommand } from './commands/list.ts';
import { reportCommand } from './commands/report.ts';
import { sweepCommand } from './commands/sweep.ts';
import { runCommand, runHandler, type RunArgs } from './commands/run.ts';
import { validateCommand, validateHandler } from './commands/validate.ts';
import { workerCommand } from './commands/worker.ts';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, ScenarioError, UserError, wasInterrupted } from './errors.ts';
import { formatIssues } from './format-issues.ts';
import { configureLoading } from './shared.ts';

/**
 * Runs the CLI and returns its exit code: 0 on success, 2 for usage or input errors (printed
 * without a stack trace), 1 for anything else. The only place that decides exit codes.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let code = EXIT_OK;
  const args = [...argv];
  const cli = yargs(args)
    .scriptName('detente')
    .usage('$0 <command> [options]\n\nAgent-based simulation of conflict de-escalation through Track I and Track II diplomacy.')
    .command({ ...runCommand, handler: (a) => runHandler({ ...(a as unknown as RunArgs), argv: args }) })
    .command({ ...validateCommand, handler: (a) => void (code = validateHandler(a as unknown as { scenarios: string[]; set?: string[] })) })
    .command(listCommand)
    .command(reportCommand)
    .command(sweepCommand)
    .command(workerCommand)
    .command(describeCommand)
    .command({ ...compareCommand, handler: (a) => compareHandler({ ...(a as unknown as CompareArgs), argv: args }) })
    .command(classroomCommand)
    // Every command that loads scenarios reads the same limits and allowed folders.
    .middleware((a) => configureLoading(a.limit as string[] | undefined, a['allow-path'] as string[] | undefined))
    .demandCommand(1, 'Name a command: run, validate, list, describe, compare, report, sweep, worker or classroom (see --help).')
    .recommendCommands()
    .strict()
    .version(PACKAGE_VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilogue('Docs: README.md (CLI and scenario format), docs/MODEL.md (equations and parameters).')
    .exitProcess(false)
    .fail((message, error) => {
      // Throwing stops yargs before it calls a handler with missing arguments.
      throw error ?? new UserError('USAGE', message, 'run `detente --help` or `detente <command> --help` for usage');
    });
  try {
    await cli.parseAsync();
  } catch (error) {
    return report(error);
  }
  // A command that stopped early on a signal (a sweep on Ctrl-C) says so with 130.
  if (wasInterrupted()) return EXIT_INTERRUPTED;
  return code;
}

function report(error: unknown): number {
  if (error instanceof ScenarioError) {
    console.error(formatIssues(error.issues));
    console.error(`${error.message}; nothing was run.`);
    return EXIT_USAGE;
  }
  if (error instanceof UserError) {
    console.error(`detente: ${error.message}${error.suggestion ? `\n  hint: ${error.suggestion}` : ''}`);
    return EXIT_USAGE;
  }
  console.error('detente: internal error (please report it with the command you ran):');
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return EXIT_FAILURE;
}

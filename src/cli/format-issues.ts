import { formatPath, type ScenarioIssue } from '../scenario/issues.ts';

/** Formats issues one per line: `file:line:col  key.path  message`, with a hint line when there is one. */
export function formatIssues(issues: readonly ScenarioIssue[]): string {
  return issues
    .map((i) => {
      const where = i.file ? `${i.file}${i.line ? `:${i.line}:${i.column}` : ''}` : '(scenario)';
      const path = i.path.length ? `  ${formatPath(i.path)}` : '';
      return `${where}${path}  ${i.message}${i.suggestion ? `\n    hint: ${i.suggestion}` : ''}`;
    })
    .join('\n');
}

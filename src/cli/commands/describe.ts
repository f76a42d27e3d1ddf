import type { Argv } from 'yargs';
import { AGENT_KINDS, isDialogueKind, isShockKind } from '../../model/kinds.ts';
import { PARAMETERS } from '../../model/parameters.ts';
import { dateLabel } from '../../scenario/calendar.ts';
import { STATE_ATTRIBUTES, type Scenario, type Value } from '../../scenario/types.ts';
import { formatNumber, formatTable } from '../format-table.ts';
import { pick } from '../options.ts';
import { loadOrFail } from '../shared.ts';

export const describeCommand = {
  command: 'describe <scenario>',
  describe: 'Show a scenario: agents by kind and side, the event timeline, and every parameter',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true })
      .option('set', { type: 'string', array: true, describe: 'describe with these overrides applied: path=value' })
      .options(pick('limit', 'allow-path'))
      .example('$0 describe india-pakistan', 'what is in the shipped India–Pakistan scenario')
      .example('$0 describe classroom --set transfer.mu=2', 'see where a parameter was overridden'),
  handler: (args: { scenario: string; set?: string[] }) => {
    const { scenario } = loadOrFail(args.scenario, args.set ?? []);
    console.log(describeScenario(scenario));
  },
};

const show = (v: Value) => (typeof v === 'number' ? formatNumber(v) : `= ${v.source}`);

/** Returns a readable description of a resolved scenario. */
export function describeScenario(s: Scenario): string {
  const cal = s.calendar;
  const lines = [s.name, s.description, `${dateLabel(cal, 0)} to ${dateLabel(cal, cal.steps - 1)}, ${cal.steps} ${cal.step}s${s.seed !== undefined ? `, default seed ${s.seed}` : ''}`, ''];
  lines.push('States');
  lines.push(
    formatTable(
      ['id', 'name', ...STATE_ATTRIBUTES, 'hostility', 'strategy'],
      s.states.map((st) => [st.id, st.name, ...STATE_ATTRIBUTES.map((a) => (typeof st.attributes[a] === 'number' && Number.isNaN(st.attributes[a]) ? 'default' : show(st.attributes[a]))), Number.isNaN(st.hostility) ? 'default' : st.hostility, st.strategy ?? '']),
    ),
  );
  const rivals: string[] = [];
  const S = s.states.length;
  for (let a = 0; a < S; a++) for (let b = a + 1; b < S; b++) if (s.rivalry[a * S + b] > 0) rivals.push(`${s.states[a].id}–${s.states[b].id} (weight ${formatNumber(s.rivalry[a * S + b])})`);
  lines.push(`Rivalries: ${rivals.join(', ') || 'none'}`, '', 'Agents by kind and side');
  const sideName = (i: number) => (i < 0 ? 'neutral' : s.states[i].id);
  const groups = new Map<string, string[]>();
  for (const a of s.agents) {
    const key = `${a.kind}|${sideName(a.side)}`;
    const label = a.group ? a.group : a.id;
    const list = groups.get(key) ?? [];
    if (!list.includes(label)) list.push(label);
    groups.set(key, list);
  }
  const rows: string[][] = [];
  for (const kind of AGENT_KINDS) {
    for (const [key, list] of groups) {
      const [k, side] = key.split('|');
      if (k !== kind) continue;
      const count = s.agents.filter((a) => a.kind === kind && sideName(a.side) === side).length;
      rows.push([kind, side, String(count), list.join(', ')]);
    }
  }
  lines.push(formatTable(['kind', 'side', 'count', 'agents and groups'], rows));
  lines.push('', 'Event timeline');
  const timeline = s.events
    .flatMap((e) => (e.steps.length ? [{ e, first: e.steps[0], last: e.steps[e.steps.length - 1] }] : []))
    .sort((a, b) => a.first - b.first);
  lines.push(
    formatTable(
      ['date', 'id', 'kind', 'label', 'details'],
      timeline.map(({ e, first, last }) => [
        e.steps.length > 1 ? `${dateLabel(cal, first)}…${dateLabel(cal, last)} (${e.steps.length}×)` : dateLabel(cal, first),
        e.id,
        e.kind,
        e.label,
        [
          e.enabled ? '' : 'disabled',
          !isShockKind(e.kind) || Number.isNaN(e.severity) ? '' : `severity ${formatNumber(e.severity)}`,
          isDialogueKind(e.kind) && e.intensity !== 1 ? `intensity ${formatNumber(e.intensity)}` : '',
          e.outcome ? `outcome ${e.outcome}` : '',
          e.offRecord ? 'off the record' : '',
        ].filter(Boolean).join(', '),
      ]),
    ),
  );
  if (s.stochastic.length) {
    lines.push('', 'Random event sources');
    lines.push(formatTable(['id', 'kind', 'rate/yr', 'severity'], s.stochastic.map((e) => [e.id, e.kind, e.rate, Number.isNaN(e.severity[0]) ? '' : `${formatNumber(e.severity[0])}–${formatNumber(e.severity[1])}`])));
  }
  lines.push('', `Mechanisms: ${Object.entries(s.mechanisms).map(([m, on]) => `${m} ${on ? 'on' : 'OFF'}`).join(', ')}`);
  lines.push('', 'Parameters (* = overridden)');
  lines.push(
    formatTable(
      ['', 'parameter', 'value', 'default', 'set in', 'meaning'],
      PARAMETERS.map((p) => {
        const v = s.parameters[p.path];
        return [v === undefined ? '' : '*', p.path, v === undefined ? formatNumber(p.default) : show(v), formatNumber(p.default), s.parameterOrigins[p.path] ?? '', p.description];
      }),
    ),
  );
  return lines.join('\n');
}

import { isDialogueKind, isShockKind } from '../model/kinds.ts';
import { dateLabel } from '../scenario/calendar.ts';
import type { Scenario } from '../scenario/types.ts';
import { idSegment } from './set-path.ts';

/** One scheduled event or random source of the page's event list, which can be switched off or on. */
export interface TimelineEntry {
  /** `events.<id>` or `stochastic.<id>`: its key in the URL hash and the start of its `--set` path */
  key: string;
  id: string;
  label: string;
  kind: string;
  group: 'dialogue' | 'shock' | 'change';
  /** when it happens, in words: a date, a range with its interval, or a rate */
  when: string;
  /** first step it can happen at, for ordering */
  step: number;
  /** on in the scenario as written */
  enabled: boolean;
}

const groupOf = (kind: string): TimelineEntry['group'] => (isDialogueKind(kind) ? 'dialogue' : isShockKind(kind) ? 'shock' : 'change');

/** Returns the scenario's scheduled events in date order, then its random sources in file order. */
export function timelineEntries(scenario: Scenario): TimelineEntry[] {
  const cal = scenario.calendar;
  const unit = cal.step;
  const doc = scenario.document;
  const scheduled = scenario.events.map((e): TimelineEntry => {
    const every = doc.events.find((d) => d.id === e.id)?.every;
    const first = e.steps[0] ?? 0;
    const last = e.steps[e.steps.length - 1] ?? 0;
    const when = e.steps.length === 0 ? 'outside the calendar' : e.steps.length === 1 ? dateLabel(cal, first) : `${dateLabel(cal, first)} to ${dateLabel(cal, last)}, every ${every ?? 1} ${unit}${(every ?? 1) === 1 ? '' : 's'}`;
    return { key: `events${idSegment(e.id)}`, id: e.id, label: e.label, kind: e.kind, group: groupOf(e.kind), when, step: first, enabled: e.enabled };
  });
  scheduled.sort((a, b) => a.step - b.step);
  const random = scenario.stochastic.map((s): TimelineEntry => {
    const span = s.fromStep > 0 || s.toStep < cal.steps - 1 ? `, ${dateLabel(cal, s.fromStep)} to ${dateLabel(cal, s.toStep)}` : '';
    return { key: `stochastic${idSegment(s.id)}`, id: s.id, label: s.label, kind: s.kind, group: groupOf(s.kind), when: `random, ${s.rate} a year${span}`, step: s.fromStep, enabled: s.enabled };
  });
  return [...scheduled, ...random];
}

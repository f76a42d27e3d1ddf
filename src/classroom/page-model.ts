import { dateLabel } from '../scenario/calendar.ts';
import type { Scenario } from '../scenario/types.ts';
import { isoDate } from '../report/time-axis.ts';
import { teachingControls, type TeachingControl } from './teaching-controls.ts';
import { timelineEntries, type TimelineEntry } from './timeline-entries.ts';

/**
 * What the page draws its controls and axes from, read off the scenario as the CLI composed it.
 * Plain data, so the CLI writes it into the page and the page itself need not load the engine
 * (only its worker does).
 */
export interface PageModel {
  title: string;
  states: { id: string; name: string }[];
  thresholds: { crisis: number; war: number };
  /** each step's date label, and its date in ms since 1970 (UTC) for the charts */
  dates: string[];
  times: number[];
  controls: TeachingControl[];
  timeline: TimelineEntry[];
}

export function pageModel(scenario: Scenario): PageModel {
  const cal = scenario.calendar;
  const dates = Array.from({ length: cal.steps }, (_, t) => dateLabel(cal, t));
  const threshold = (path: string, fallback: number) => (typeof scenario.parameters[path] === 'number' ? (scenario.parameters[path] as number) : fallback);
  return {
    title: scenario.name,
    states: scenario.states.map((s) => ({ id: s.id, name: s.name })),
    thresholds: { crisis: threshold('hostility.crisis', 1), war: threshold('hostility.war', 2) },
    dates,
    times: dates.map((d) => Date.parse(isoDate(d))),
    controls: teachingControls(scenario),
    timeline: timelineEntries(scenario),
  };
}

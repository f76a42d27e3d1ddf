import type { TopLevelSpec } from 'vega-lite';
import { hostilityChart } from './hostility-chart.ts';
import { ledgerByYearChart, ledgerWaterfallChart } from './ledger-charts.ts';
import { networkChart } from './network-chart.ts';
import { hostilityFanChart, outcomeChart, trustFanChart } from './replication-charts.ts';
import type { ReportData } from './report-data.ts';
import { stateTrustChart, tracksChart } from './trust-charts.ts';

/** One chart of a report: a file name, its Vega-Lite spec and a caption that says what to look at. */
export interface ReportChart {
  name: string;
  title: string;
  caption: string;
  spec: TopLevelSpec;
}

/** Returns the charts of a run's report, in reading order. */
export function reportCharts(data: ReportData): ReportChart[] {
  const charts: (ReportChart | undefined)[] = [
    {
      name: 'hostility',
      title: 'Hostility per state',
      caption: 'Look for the peaks: do they line up with the shocks marked underneath, and how fast does each state come back below the crisis line? A state that stays above it ends the run in crisis.',
      spec: hostilityChart(data),
    },
    {
      name: 'tracks',
      title: 'Track I and Track II cross-side trust',
      caption: 'The central claim of the source texts: after a shock (grey rules) officials\' trust falls further than that of unofficial actors, so Track II keeps a channel open that later pulls official trust back up.',
      spec: tracksChart(data),
    },
    {
      name: 'state-trust',
      title: 'State-level trust for each pair of states',
      caption: 'Trust is directed: one state can trust another more than it is trusted in return. Compare the rival pairs (solid) with allies (dashed), if any.',
      spec: stateTrustChart(data),
    },
    {
      name: 'ledger-by-year',
      title: 'What moved official trust, year by year',
      caption: 'Each bar segment is one cause\'s contribution in a year: dialogue events and transfer from Track II build trust (above zero); shocks, failed talks and forgetting erode it (below).',
      spec: ledgerByYearChart(data),
    },
    {
      name: 'ledger-waterfall',
      title: 'Largest causes of the change in official trust',
      caption: 'Read from left to right: starting trust, then each of the largest causes adds or removes its total share, ending at the final trust.',
      spec: ledgerWaterfallChart(data),
    },
    data.network && {
      name: 'network',
      title: 'The agent network',
      caption: 'Each panel is a date. Thicker, darker lines are cross-side pairs with more mutual trust; watch which ties survive the crises.',
      spec: networkChart(data)!,
    },
    data.replications && {
      name: 'hostility-fan',
      title: 'Hostility across replications',
      caption: 'The spread shows how much of a trajectory is chance: where the bands are narrow, the scenario\'s events decide the outcome; where they are wide, random shocks and failed talks do.',
      spec: hostilityFanChart(data)!,
    },
    data.replications && {
      name: 'trust-fan',
      title: 'Cross-side trust across replications',
      caption: 'Median and 50%/90% bands of Track I and Track II trust over all replications.',
      spec: trustFanChart(data)!,
    },
    data.replications && {
      name: 'outcomes',
      title: 'Outcome classes',
      caption: 'How often the replications end de-escalated, in stalemate, escalated or at war (see docs/MODEL.md for the rule).',
      spec: outcomeChart(data)!,
    },
  ];
  return charts.filter((c): c is ReportChart => c !== undefined);
}

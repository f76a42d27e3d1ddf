import type { TopLevelSpec } from 'vega-lite';
import { BASELINE, THIS_RUN, TRACK_I, TRACK_II, fanSpec, hostilitySpec, trustSpec, type ChartFrame, type ChartRows } from '../classroom-charts.ts';
import type { PageReplications, PageRun } from '../run-page.ts';

/** The few calls of a Vega view the page makes; vega and vega-embed are inlined globals. */
interface VegaView {
  data(name: string, values: object[]): VegaView;
  signal(name: string, value: unknown): VegaView;
  runAsync(): Promise<VegaView>;
  finalize(): void;
}
/** The charting libraries are inlined after the page's script; they are there once the document is parsed. */
const chartingLoaded = new Promise<void>((resolve) => {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  else resolve();
});
declare const vegaEmbed: (el: HTMLElement, spec: TopLevelSpec, options: object) => Promise<{ view: VegaView }>;

export interface StateInfo {
  id: string;
  name: string;
}

/** Turns runs into the charts' rows and keeps the views up to date. */
export class ChartsView {
  private hostility?: VegaView;
  private trust?: VegaView;
  private fan?: VegaView;
  private current?: PageRun;
  private baseline?: PageRun;
  private cursor = 0;
  private hostilityHeight = 200;
  /** serialises view updates: a new run's data never interleaves with a step of the animation */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly states: StateInfo[],
    private readonly frame: Omit<ChartFrame, 'width' | 'hasBaseline'>,
    private readonly times: number[],
    private readonly elements: { hostility: HTMLElement; trust: HTMLElement; fan: HTMLElement },
  ) {}

  /** Draws the two run charts with the current data, sized to the window; again when a baseline is kept or dropped. */
  private embed(): Promise<void> {
    return this.enqueue(async () => {
      await chartingLoaded;
      this.hostility?.finalize();
      this.trust?.finalize();
      const frame = { ...this.frame, width: this.width(), hasBaseline: this.baseline !== undefined };
      const room = Math.max(300, window.innerHeight - 370);
      this.hostilityHeight = Math.round(room * 0.55);
      const { rows, ymax } = this.rows();
      const options = { actions: false, renderer: 'svg' };
      [this.hostility, this.trust] = await Promise.all([
        vegaEmbed(this.elements.hostility, hostilitySpec(frame, this.hostilityHeight, rows), options).then((r) => r.view),
        vegaEmbed(this.elements.trust, trustSpec(frame, Math.round(room * 0.45), rows), options).then((r) => r.view),
      ]);
      await this.signals(ymax);
    });
  }

  /** Shows a run: the first one draws the charts, later ones replace their data. */
  setRun(run: PageRun): Promise<void> {
    this.current = run;
    return this.hostility ? this.update() : this.embed();
  }

  /** Keeps a run as the baseline (or drops it) and redraws with the legend that says so. */
  setBaseline(run: PageRun | undefined): Promise<void> {
    this.baseline = run;
    return this.embed();
  }

  setCursor(step: number): Promise<void> {
    this.cursor = step;
    return this.enqueue(() => this.signals());
  }

  async showFan(reps: PageReplications): Promise<void> {
    const rows = [
      ...this.states.map((s) => this.bandRows(reps, `hostility:${s.id}`, 'hostility', s.name)).flat(),
      ...this.bandRows(reps, 'trackI', 'trust', TRACK_I),
      ...this.bandRows(reps, 'trackII', 'trust', TRACK_II),
    ];
    await this.enqueue(async () => {
      if (this.fan) {
        await this.fan.data('fan', rows).runAsync();
      } else {
        const frame = { ...this.frame, width: this.width(), hasBaseline: false };
        this.fan = (await vegaEmbed(this.elements.fan, fanSpec(frame, 200, { fan: rows }), { actions: false, renderer: 'svg' })).view;
      }
    });
  }

  private bandRows(reps: PageReplications, column: string, panel: string, series: string) {
    const b = reps.bands[column];
    return this.times.map((date, t) => ({ date, panel, series, p05: b.p05[t], p25: b.p25[t], p50: b.p50[t], p75: b.p75[t], p95: b.p95[t] }));
  }

  private width(): number {
    return Math.max(420, this.elements.hostility.clientWidth - 90);
  }

  private enqueue(task: () => Promise<unknown>): Promise<void> {
    this.queue = this.queue.then(task, task);
    return this.queue.then(() => undefined);
  }

  private update(): Promise<void> {
    return this.enqueue(async () => {
      const { rows, ymax } = this.rows();
      for (const view of [this.hostility, this.trust]) view?.data('marks', rows.marks!);
      this.hostility?.data('hostility', rows.hostility!);
      this.trust?.data('trust', rows.trust!);
      await this.signals(ymax);
    });
  }

  private async signals(ymax?: number): Promise<void> {
    for (const view of [this.hostility, this.trust]) view?.signal('cursor', this.cursor).signal('cursorTime', this.times[this.cursor]);
    if (ymax !== undefined) this.hostility?.signal('ymax', ymax);
    await Promise.all([this.hostility?.runAsync(), this.trust?.runAsync()]);
  }

  /**
   * Returns the top of the hostility axis: the highest line or the crisis threshold, and the war
   * threshold too when the lines come close to it, plus a band of 30 px for the row of event marks.
   */
  private hostilityTop(highest: number): number {
    const { crisis, war } = this.frame.thresholds;
    let top = Math.max(highest, crisis) * 1.05;
    if (war <= top * 1.2) top = Math.max(top, war * 1.05);
    return top / (1 - 30 / this.hostilityHeight);
  }

  /** The charts' rows for this run and the baseline, and the top of the hostility axis. */
  private rows(): { rows: ChartRows; ymax: number } {
    const hostility: object[] = [];
    const trust: object[] = [];
    let top = 0;
    for (const [run, r] of [[THIS_RUN, this.current], [BASELINE, this.baseline]] as const) {
      if (!r) continue;
      for (const s of this.states) {
        r.columns[`hostility:${s.id}`].forEach((value, step) => {
          hostility.push({ step, date: this.times[step], state: s.name, run, value });
          if (value > top) top = value;
        });
      }
      for (const [track, column] of [[TRACK_I, 'trackI'], [TRACK_II, 'trackII']] as const) {
        r.columns[column].forEach((value, step) => trust.push({ step, date: this.times[step], track, run, value }));
      }
    }
    const marks = (this.current?.log ?? [])
      .filter((e) => e.outcome === 'shock' || e.outcome === 'agreement')
      .map((e) => ({ step: e.step, date: this.times[e.step], label: e.label, when: this.current!.dates[e.step], group: e.outcome === 'shock' ? 'shock' : 'agreement' }));
    return { rows: { hostility, trust, marks }, ymax: this.hostilityTop(top) };
  }
}

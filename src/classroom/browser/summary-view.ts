import type { RunSummary } from '../../engine/summarize-run.ts';
import type { PageReplications, PageRun } from '../run-page.ts';
import type { StateInfo } from './charts-view.ts';
import { el, fmt } from './dom.ts';

interface Row {
  label: string;
  value: (s: RunSummary) => number | string | null;
}

function rows(states: readonly StateInfo[]): Row[] {
  return [
    { label: 'Outcome', value: (s) => s.outcome },
    { label: 'Months in crisis', value: (s) => s.monthsInCrisis },
    { label: 'Months at war', value: (s) => s.monthsAtWar },
    { label: 'Agreements signed', value: (s) => s.agreementsSigned },
    { label: 'Agreements collapsed', value: (s) => s.agreementsCollapsed },
    { label: 'First agreement', value: (s) => s.firstAgreement ?? 'none' },
    { label: 'Track I trust at the end', value: (s) => s.trackI.final },
    { label: 'Track II trust at the end', value: (s) => s.trackII.final },
    ...states.flatMap((st): Row[] => [
      { label: `${st.name}: peak hostility`, value: (s) => s.hostility[st.id].peak },
      { label: `${st.name}: hostility at the end`, value: (s) => s.hostility[st.id].final },
    ]),
    { label: 'Dialogue events held (succeeded)', value: (s) => `${s.events.held} (${s.events.succeeded})` },
    { label: 'Talks called off', value: (s) => s.events.suspended },
    { label: 'Shocks', value: (s) => s.events.shocks },
  ];
}

const show = (v: number | string | null) => (typeof v === 'number' ? fmt(v) : (v ?? '–'));

/** The results in words and numbers: a one-line strip, the table against the baseline, what happened so far. */
export class SummaryView {
  private readonly rows: Row[];

  constructor(
    states: readonly StateInfo[],
    private readonly elements: { strip: HTMLElement; table: HTMLTableSectionElement; happened: HTMLElement; outcomes: HTMLElement },
  ) {
    this.rows = rows(states);
  }

  show(run: PageRun, baseline: PageRun | undefined): void {
    const s = run.summary;
    const b = baseline?.summary;
    const vs = (x: string, y: string | undefined) => (y !== undefined && y !== x ? `${x} (baseline ${y})` : x);
    this.elements.strip.replaceChildren(
      el('span', { class: `outcome ${s.outcome}` }, vs(s.outcome, b?.outcome)),
      el('span', {}, `crisis ${vs(fmt(s.monthsInCrisis), b && fmt(b.monthsInCrisis))} months`),
      el('span', {}, `${vs(String(s.agreementsSigned), b && String(b.agreementsSigned))} agreement${s.agreementsSigned === 1 ? '' : 's'}`),
      el('span', {}, `Track I trust ${fmt(s.trackI.initial, 2)} → ${vs(fmt(s.trackI.final, 2), b && fmt(b.trackI.final, 2))}`),
    );
    this.elements.table.replaceChildren(
      ...this.rows.map((r) => {
        const v = r.value(s);
        const w = b ? r.value(b) : undefined;
        const diff = typeof v === 'number' && typeof w === 'number' ? v - w : undefined;
        return el('tr', {}, el('th', { scope: 'row' }, r.label), el('td', { class: 'num' }, show(v)), el('td', { class: 'num' }, b ? show(w ?? null) : ''), el('td', { class: 'num' }, diff === undefined ? '' : `${diff > 0 ? '+' : ''}${fmt(diff)}`));
      }),
    );
  }

  /** Lists the last things that happened up to a step, newest first. */
  showHappened(run: PageRun, step: number): void {
    const past = run.log.filter((e) => e.step <= step && e.outcome !== 'disabled');
    const last = past.slice(-6).reverse();
    this.elements.happened.replaceChildren(
      ...(last.length ? last.map((e) => el('li', { class: e.outcome }, el('span', { class: 'when' }, run.dates[e.step]), ' ', `${e.label}: ${e.outcome}`)) : [el('li', {}, 'Nothing yet.')]),
    );
  }

  showOutcomes(reps: PageReplications): void {
    this.elements.outcomes.textContent = `${reps.runs} runs from seed ${reps.seed}: ${Object.entries(reps.outcomes).map(([o, p]) => `${o} ${(100 * p).toFixed(0)}%`).join(', ')}`;
  }
}

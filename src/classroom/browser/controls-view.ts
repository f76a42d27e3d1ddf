import type { TeachingControl } from '../teaching-controls.ts';
import type { TimelineEntry } from '../timeline-entries.ts';
import type { ClassroomSettings } from '../classroom-settings.ts';
import { el } from './dom.ts';

const showValue = (c: TeachingControl, v: number) => (c.kind === 'scale' ? `× ${v.toFixed(2)}` : v.toFixed(2));

/**
 * The sliders and the event list. Each slider and checkbox has a <label for>, a description and
 * a visible value; `onChange` hears every move with the settings it makes.
 */
export class ControlsView {
  private readonly sliders = new Map<string, { input: HTMLInputElement; output: HTMLOutputElement; row: HTMLElement }>();
  private readonly boxes = new Map<string, { input: HTMLInputElement; item: HTMLElement }>();
  /** values the user (or a link) gave; a slider snaps to its step, so its position alone would round a scenario's 0.33 */
  private values: Record<string, number> = {};

  constructor(
    private readonly controls: readonly TeachingControl[],
    private readonly timeline: readonly TimelineEntry[],
    sliderBox: HTMLElement,
    eventList: HTMLElement,
    private readonly onChange: () => void,
  ) {
    controls.forEach((c, k) => {
      const id = `control-${k}`;
      const input = el('input', { type: 'range', id, min: c.min, max: c.max, step: c.step, value: c.baseline, 'aria-describedby': `${id}-help`, 'data-control': c.id, disabled: c.inert !== undefined });
      const output = el('output', { for: id, id: `${id}-value` }, showValue(c, c.baseline));
      const note = c.inert ? ` Not used here: ${c.inert}.` : c.expression ? ` The scenario writes an expression (${c.expression}); moving the slider replaces it.` : '';
      const row = el('div', { class: 'slider' }, el('div', { class: 'slider-head' }, el('label', { for: id }, c.label), output), input, el('p', { class: 'help', id: `${id}-help` }, c.help + note));
      input.addEventListener('input', () => {
        const v = Number(input.value);
        if (v === c.baseline) delete this.values[c.id];
        else this.values[c.id] = v;
        output.textContent = showValue(c, v);
        row.classList.toggle('changed', v !== c.baseline);
        this.onChange();
      });
      this.sliders.set(c.id, { input, output, row });
      sliderBox.append(row);
    });
    timeline.forEach((e, k) => {
      const id = `event-${k}`;
      const input = el('input', { type: 'checkbox', id, 'data-event': e.key, checked: e.enabled });
      const item = el(
        'li',
        { class: `event ${e.group}` },
        input,
        el('label', { for: id }, el('span', { class: 'when' }, e.when), ' ', el('span', { class: 'what' }, e.label), ' ', el('span', { class: 'kind' }, `(${e.kind})`)),
      );
      input.addEventListener('change', () => {
        item.classList.toggle('changed', input.checked !== e.enabled);
        this.onChange();
      });
      this.boxes.set(e.key, { input, item });
      eventList.append(item);
    });
  }

  /** Returns the settings the controls show now, keeping only what differs from the scenario. */
  read(seed: number): ClassroomSettings {
    const values: Record<string, number> = {};
    for (const c of this.controls) if (c.id in this.values) values[c.id] = this.values[c.id];
    const switched = this.timeline.filter((e) => this.boxes.get(e.key)!.input.checked !== e.enabled).map((e) => e.key);
    return { seed, values, switched };
  }

  /** Puts every control at the given settings (from a link), without announcing a change. */
  show(settings: ClassroomSettings): void {
    this.values = { ...settings.values };
    for (const c of this.controls) {
      const { input, output, row } = this.sliders.get(c.id)!;
      const v = settings.values[c.id] ?? c.baseline;
      input.value = String(v);
      output.textContent = showValue(c, v);
      row.classList.toggle('changed', v !== c.baseline);
    }
    const switched = new Set(settings.switched);
    for (const e of this.timeline) {
      const { input, item } = this.boxes.get(e.key)!;
      input.checked = switched.has(e.key) ? !e.enabled : e.enabled;
      item.classList.toggle('changed', switched.has(e.key));
    }
  }

  /** Marks the events whose first date the animation has passed. */
  markPast(step: number): void {
    for (const e of this.timeline) this.boxes.get(e.key)!.item.classList.toggle('past', e.step <= step && !e.key.startsWith('stochastic'));
  }
}

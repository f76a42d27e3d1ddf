/**
 * The animation's clock: moves a step cursor forward at a speed in steps per second, one frame at
 * a time, and stops at the last step. The page draws whatever step `onMove` reports.
 */
export class Playhead {
  step: number;
  speed = 4;
  private frame = 0;
  private last = 0;
  private carry = 0;

  constructor(
    private readonly steps: number,
    private readonly onMove: (step: number, playing: boolean) => void,
  ) {
    this.step = steps - 1;
  }

  get playing(): boolean {
    return this.frame !== 0;
  }

  play(): void {
    if (this.playing) return;
    if (this.step >= this.steps - 1) this.step = 0;
    this.last = performance.now();
    this.carry = 0;
    this.frame = requestAnimationFrame(this.tick);
    this.onMove(this.step, true);
  }

  pause(): void {
    if (!this.playing) return;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.onMove(this.step, false);
  }

  /** Moves to a step (clamped); stepping by hand pauses the animation. */
  moveTo(step: number): void {
    if (this.playing) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    this.step = Math.max(0, Math.min(this.steps - 1, step));
    this.onMove(this.step, false);
  }

  private readonly tick = (now: number): void => {
    this.carry += ((now - this.last) / 1000) * this.speed;
    this.last = now;
    const advance = Math.floor(this.carry);
    if (advance > 0) {
      this.carry -= advance;
      this.step = Math.min(this.steps - 1, this.step + advance);
      if (this.step >= this.steps - 1) {
        this.frame = 0;
        this.onMove(this.step, false);
        return;
      }
      this.onMove(this.step, true);
    }
    this.frame = requestAnimationFrame(this.tick);
  };
}

import type { ClassroomBundle } from '../classroom-bundle.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

type Request = Extract<ToWorker, { id: number }>;
type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

/**
 * One worker running the page's own script (from a blob: URL, so nothing is fetched). Requests
 * are coalesced: while the worker is busy only the latest waits, so dragging a slider never
 * builds a queue of stale runs. `cancel` stops the work in progress by replacing the worker.
 */
export class WorkerClient {
  private worker!: Worker;
  private busy = false;
  private pending: RequestBody | undefined;
  private nextId = 1;
  /** id of the request whose answer the page wants; answers to older ones are dropped */
  private latest = 0;

  constructor(
    private readonly scriptUrl: string,
    private readonly bundle: ClassroomBundle,
    private readonly onAnswer: (message: FromWorker) => void,
    private readonly onCrash: (message: string) => void,
  ) {
    this.start();
  }

  /** true when no request is running or waiting: the last answer is for the last request */
  get idle(): boolean {
    return !this.busy && !this.pending;
  }

  request(body: RequestBody): void {
    this.pending = body;
    if (!this.busy) this.flush();
  }

  cancel(): void {
    this.pending = undefined;
    if (this.busy) {
      this.worker.terminate();
      this.busy = false;
      this.start();
    }
  }

  private start(): void {
    this.worker = new Worker(this.scriptUrl, { name: 'detente-classroom' });
    this.worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      // Shown even when a newer request waits, so a dragged slider moves the charts as it goes.
      const wanted = data.id === this.latest;
      if (data.type !== 'progress') {
        this.busy = false;
        if (this.pending) this.flush();
      }
      if (wanted) this.onAnswer(data);
    };
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.busy = false;
      this.onCrash(e.message || 'the worker stopped');
    };
    this.worker.postMessage({ type: 'init', bundle: this.bundle } satisfies ToWorker);
  }

  private flush(): void {
    const body = this.pending!;
    this.pending = undefined;
    this.latest = this.nextId++;
    this.busy = true;
    this.worker.postMessage({ ...body, id: this.latest } as ToWorker);
  }
}

/**
 * At most `concurrency` transcodes at a time (one per core), the others wait their turn in order; past
 * `maxWaiting` waiting, a new one is refused at once rather than queued for minutes.
 */
export class QueueFullError extends Error {
  constructor() {
    super('transcode queue full');
  }
}

export class TranscodeQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** the most transcodes seen running at once (for tests and the bench) */
  peakRunning = 0;

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {
    if (!(concurrency >= 1)) throw new Error('concurrency must be at least 1');
  }

  get stats() {
    return { running: this.running, waiting: this.waiting.length, peakRunning: this.peakRunning };
  }

  /** Runs `task` when a slot is free (FIFO). Throws QueueFullError when too many already wait. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new QueueFullError();
      // The slot is handed over by release(): `running` is not decremented in between, so nobody jumps the queue.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    this.peakRunning = Math.max(this.peakRunning, this.running);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}

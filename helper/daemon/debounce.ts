// Coalesces bursts: a job scheduled again before its quiet time is over runs once, with the last arguments,
// after the last schedule. A job never runs twice at the same time: a schedule that arrives while it runs
// waits for it and then for its own quiet time. So a hook fires once per burst of changes (an agent that
// pushes the SVID and then the CA bundle a moment later restarts kube-apiserver once, not twice).

/** The timer functions the debouncer uses; tests pass a manual clock. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as NodeJS.Timeout);
  },
  now: () => Date.now(),
};

export interface DebounceOptions {
  readonly timers?: Timers;
  /** Receives what a job threw (jobs are expected to report their own failures). */
  readonly onError?: (key: string, err: unknown) => void;
}

interface Slot {
  run: () => Promise<void>;
  /** When the job must run at the latest, however often it is rescheduled. */
  deadline: number;
  timer: unknown;
  running: Promise<void> | undefined;
  /** Scheduled again while running: run once more afterwards. */
  again: { delayMs: number } | undefined;
}

export class Debouncer {
  readonly #timers: Timers;
  readonly #onError: (key: string, err: unknown) => void;
  readonly #slots = new Map<string, Slot>();
  #closed = false;
  #idleWaiters: (() => void)[] = [];

  constructor(options: DebounceOptions = {}) {
    this.#timers = options.timers ?? realTimers;
    this.#onError = options.onError ?? (() => undefined);
  }

  /**
   * Runs `run` once `delayMs` passed without another schedule of `key` (the latest `run` wins), and at the
   * latest `maxWaitMs` (default 5 × delayMs) after the first schedule of a burst.
   */
  schedule(key: string, delayMs: number, run: () => Promise<void>, maxWaitMs = delayMs * 5): void {
    if (this.#closed) return;
    const now = this.#timers.now();
    let slot = this.#slots.get(key);
    if (slot === undefined) {
      slot = { run, deadline: now + maxWaitMs, timer: undefined, running: undefined, again: undefined };
      this.#slots.set(key, slot);
    }
    slot.run = run;
    if (slot.running !== undefined) {
      slot.again = { delayMs };
      return;
    }
    if (slot.timer !== undefined) this.#timers.clearTimeout(slot.timer);
    const wait = Math.max(0, Math.min(delayMs, slot.deadline - now));
    const scheduled = slot;
    slot.timer = this.#timers.setTimeout(() => {
      this.#fire(key, scheduled);
    }, wait);
  }

  /** Returns the number of jobs waiting or running. */
  get size(): number {
    return this.#slots.size;
  }

  /** Runs every waiting job now and resolves when all jobs have finished (shutdown: content changed). */
  async flush(): Promise<void> {
    for (const [key, slot] of [...this.#slots]) {
      if (slot.running === undefined && slot.timer !== undefined) {
        this.#timers.clearTimeout(slot.timer);
        this.#fire(key, slot);
      }
    }
    await this.idle();
  }

  /** Resolves when no job is waiting or running. */
  idle(): Promise<void> {
    if (this.#slots.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Drops waiting jobs (running ones finish) and refuses new ones. */
  close(): void {
    this.#closed = true;
    for (const [key, slot] of this.#slots) {
      if (slot.running === undefined) {
        if (slot.timer !== undefined) this.#timers.clearTimeout(slot.timer);
        this.#remove(key);
      } else {
        slot.again = undefined;
      }
    }
  }

  #remove(key: string): void {
    this.#slots.delete(key);
    if (this.#slots.size > 0) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  #fire(key: string, slot: Slot): void {
    slot.timer = undefined;
    const run = slot.run;
    slot.running = (async () => {
      try {
        await run();
      } catch (err) {
        this.#onError(key, err);
      }
    })().finally(() => {
      slot.running = undefined;
      const again = slot.again;
      slot.again = undefined;
      if (again === undefined || this.#closed) {
        this.#remove(key);
        return;
      }
      const now = this.#timers.now();
      slot.deadline = now + again.delayMs * 5;
      slot.timer = this.#timers.setTimeout(() => {
        this.#fire(key, slot);
      }, again.delayMs);
    });
  }
}

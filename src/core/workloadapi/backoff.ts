// Retry pacing for the Workload API. The shape follows go-spiffe's default (workloadapi/backoff.go):
// linear steps of the initial delay (1 s, 2 s, 3 s, ...) capped at 30 s, reset once a message arrives.
import { setTimeout as delay } from 'node:timers/promises';
import { CoreError } from '../errors/index.js';

/** Time as the retry logic sees it; tests inject a fake one so retries run instantly and countably. */
export interface Clock {
  /** Returns the current time in milliseconds (monotonic in the default clock). */
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface BackoffOptions {
  /** First delay and linear step in milliseconds; default 1000. */
  readonly initialMs?: number;
  /** Upper bound of one delay in milliseconds; default 30000. */
  readonly maxMs?: number;
  readonly clock?: Clock;
}

export const DEFAULT_INITIAL_BACKOFF_MS = 1000;
export const DEFAULT_MAX_BACKOFF_MS = 30_000;

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: async (ms, signal) => {
    if (signal.aborted) return;
    try {
      await delay(ms, undefined, { signal });
    } catch {
      // Aborted: the caller looks at the signal.
    }
  },
};

/** Linear backoff state for one operation (one fetch or one watch). */
export class LinearBackoff {
  private attempts = 0;
  private readonly initialMs: number;
  private readonly maxMs: number;

  constructor(options: BackoffOptions = {}) {
    this.initialMs = options.initialMs ?? DEFAULT_INITIAL_BACKOFF_MS;
    this.maxMs = options.maxMs ?? DEFAULT_MAX_BACKOFF_MS;
    if (!Number.isFinite(this.initialMs) || this.initialMs < 0) {
      throw new CoreError(
        'CONFIG_INVALID',
        'workloadapi',
        `backoff initialMs ${this.initialMs} must be a finite number >= 0`,
      );
    }
    if (!Number.isFinite(this.maxMs) || this.maxMs < this.initialMs) {
      throw new CoreError(
        'CONFIG_INVALID',
        'workloadapi',
        `backoff maxMs ${this.maxMs} must be a finite number >= initialMs (${this.initialMs})`,
      );
    }
  }

  /** Returns the delay before the next attempt and advances the step. */
  next(): number {
    this.attempts += 1;
    return Math.min(this.initialMs * this.attempts, this.maxMs);
  }

  /** Starts again from the initial delay (after a message proved the connection healthy). */
  reset(): void {
    this.attempts = 0;
  }
}

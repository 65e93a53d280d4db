// How the daemon keeps its resident memory flat across rotations (docs/helper/run.md, "Resource use").
//
// - No optimizing compilers: neither TurboFan nor the mid-tier Maglev. Their code and the memory they
//   compile in stay out of the process: Maglev compiling the push path once it ran hot raised the peak
//   resident size by ~5 MB (~6 MB for TurboFan). The interpreter and the baseline compiler (Sparkplug) run
//   a push in a few milliseconds. Set when `run` starts, before any code is hot.
// - Full garbage collections, when Node runs with --expose-gc (the systemd unit sets it in NODE_OPTIONS).
//   What a push leaves behind outlives it in V8's old generation: the previous message and its native
//   memory (buffers, keys) that V8 does not count towards its heap and would let grow for a long time. A
//   collection runs once the daemon has been idle for a moment after a push, or after every
//   COLLECT_EVERY pushes when they come back to back, always after the files are written: its cost never
//   delays a write, and a burst of pushes pays for one collection per COLLECT_EVERY of them.
import { setFlagsFromString } from 'node:v8';

/** Quiet time after a push before a collection starts. */
export const COLLECT_AFTER_IDLE_MS = 1000;
/** Pushes back to back (never idle that long) between two collections. */
export const COLLECT_EVERY = 8;

export interface CollectorOptions {
  /** The collection (default: V8's, globalThis.gc with --expose-gc; without it nothing is collected). */
  readonly collect?: () => void;
  readonly idleMs?: number;
  readonly every?: number;
}

/**
 * Returns what to call after each push: it starts a collection COLLECT_AFTER_IDLE_MS later unless another
 * push comes first, and at once on every COLLECT_EVERY-th push since the last collection.
 */
export function pushCollector(options: CollectorOptions = {}): () => void {
  const collect = options.collect ?? (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) return () => undefined;
  const idleMs = options.idleMs ?? COLLECT_AFTER_IDLE_MS;
  const every = options.every ?? COLLECT_EVERY;
  let pushes = 0;
  let timer: NodeJS.Timeout | undefined;
  const run = (): void => {
    clearTimeout(timer);
    timer = undefined;
    pushes = 0;
    collect();
  };
  return () => {
    pushes += 1;
    if (pushes >= every) {
      run();
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(run, idleMs);
    // Never what keeps the process alive.
    timer.unref();
  };
}

/** Applies the settings above; returns what to call after each push (see pushCollector). */
export function tuneForDaemon(): () => void {
  setFlagsFromString('--no-opt');
  setFlagsFromString('--no-maglev');
  return pushCollector();
}

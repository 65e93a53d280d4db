// JWT-SVID outputs: a token for an audience in a file, fetched again before it expires. JWT-SVIDs are not
// pushed by the agent (FetchJWTSVID is unary), so each output has its own loop: fetch, write if changed,
// sleep until the refresh time (default: half of the remaining lifetime, as spiffe-helper does), repeat;
// failures back off from 1 s doubling to 60 s.
import { dirname } from 'node:path';
import type { JwtSvid } from '../../src/core/svid/index.js';
import type { CoreError } from '../../src/core/errors/index.js';
import { ensureDirectory, remove, writeFileIfChanged, type WriteOutcome } from '../outputs/atomic-write.js';
import type { JwtOutput } from './config.js';

export const MIN_REFRESH_MS = 1000;
export const JWT_BACKOFF_INITIAL_MS = 1000;
export const JWT_BACKOFF_MAX_MS = 60_000;

/** Returns the delay until a token expiring at `expiresAt` should be fetched again. */
export function refreshDelayMs(expiresAt: Date, now: Date, refreshBeforeMs: number | undefined): number {
  const remaining = expiresAt.getTime() - now.getTime();
  const delay = refreshBeforeMs === undefined ? remaining / 2 : remaining - refreshBeforeMs;
  return Math.max(MIN_REFRESH_MS, Math.floor(delay));
}

/** Returns the token of `svids` to write: the one with the output's hint, else the first (default). */
export function pickJwtSvid(svids: readonly JwtSvid[], output: JwtOutput): JwtSvid | undefined {
  if (output.hint === undefined) return svids[0];
  return svids.find((svid) => svid.hint === output.hint);
}

/** Writes `token` to the output's file (atomically, only when it changed). */
export async function writeToken(output: JwtOutput, token: string): Promise<WriteOutcome> {
  await ensureDirectory(dirname(output.path), output.dirAccess);
  return writeFileIfChanged(output.path, token, output.access);
}

/** Removes the output's token file (withdrawal with on_withdraw: remove). */
export async function removeToken(output: JwtOutput): Promise<void> {
  await remove(output.path);
}

export interface JwtLoopEvents {
  /** A token was fetched; resolves with the write outcome. */
  onToken(svid: JwtSvid): Promise<WriteOutcome>;
  /** Fetching or writing failed; the loop backs off and tries again. */
  onError(err: CoreError | Error): Promise<void>;
}

export interface JwtLoopDeps {
  fetch(signal: AbortSignal): Promise<JwtSvid[]>;
  now(): Date;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** Runs the fetch/write/sleep loop of one JWT output until `signal` aborts. */
export async function runJwtLoop(
  output: JwtOutput,
  deps: JwtLoopDeps,
  events: JwtLoopEvents,
  signal: AbortSignal,
): Promise<void> {
  let backoffMs = JWT_BACKOFF_INITIAL_MS;
  while (!signal.aborted) {
    let delay: number;
    try {
      const svids = await deps.fetch(signal);
      const svid = pickJwtSvid(svids, output);
      if (svid === undefined) {
        throw new Error(
          `the agent returned no JWT-SVID with hint ${JSON.stringify(output.hint)} for audience ${output.audience.join(', ')}`,
        );
      }
      await events.onToken(svid);
      backoffMs = JWT_BACKOFF_INITIAL_MS;
      delay = refreshDelayMs(svid.expiresAt, deps.now(), output.refreshBeforeMs);
    } catch (err) {
      if (isAborted(signal)) return;
      await events.onError(err instanceof Error ? err : new Error(String(err)));
      delay = backoffMs;
      backoffMs = Math.min(backoffMs * 2, JWT_BACKOFF_MAX_MS);
    }
    await deps.sleep(delay, signal);
  }
}

/** Returns whether `signal` has aborted (a call, so the compiler keeps no earlier narrowing). */
function isAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}

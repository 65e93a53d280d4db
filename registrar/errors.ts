// The registrar's error and exit codes. Like the helper's, one code per cause a systemd unit or a script
// may want to tell apart; messages are one line and never carry key material or join tokens.
import { CoreError, type ErrorCode } from '../src/core/errors/index.js';

export const ExitCode = {
  /** Stopped by SIGTERM/SIGINT, or `--once` finished with everything in place. */
  OK: 0,
  /** A bug or an error nobody classified; the message says what happened. */
  INTERNAL: 1,
  /** Bad flags or unreadable files (SVID, key, bundle); nothing was contacted. */
  CONFIG: 2,
  /** `--once`: the SPIRE server could not be reached (no socket, TLS refused, deadline). */
  SERVER_UNREACHABLE: 3,
  /** `--once`: the server refused the registrar (not local, not an admin SVID). */
  DENIED: 4,
  /** `--once`: the cycle ran, but some entries could not be written or some roles or nodes were skipped. */
  INCOMPLETE: 5,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export type RegistrarErrorCode = 'CONFIG' | 'INTERNAL';

/** An error the registrar raises itself (configuration problems); core errors pass through as CoreError. */
export class RegistrarError extends Error {
  override readonly name = 'RegistrarError';
  readonly code: RegistrarErrorCode;

  constructor(code: RegistrarErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

const UNREACHABLE: ReadonlySet<ErrorCode> = new Set([
  'SPIRE_API_UNAVAILABLE',
  'TIMEOUT',
  'CHAIN_UNTRUSTED',
  'CANCELLED',
]);
const DENIED: ReadonlySet<ErrorCode> = new Set(['SPIRE_API_DENIED', 'SPIRE_API_UNAUTHENTICATED']);
const CONFIG: ReadonlySet<ErrorCode> = new Set([
  'CONFIG_INVALID',
  'SPIFFEID_INVALID',
  'PEM_INVALID',
  'KEY_INVALID',
  'KEY_MISMATCH',
  'BUNDLE_INVALID',
  'SVID_INVALID',
]);

/** Returns the exit code for anything thrown. */
export function exitCodeFor(err: unknown): ExitCodeValue {
  if (err instanceof RegistrarError) return err.code === 'CONFIG' ? ExitCode.CONFIG : ExitCode.INTERNAL;
  if (err instanceof CoreError) {
    if (UNREACHABLE.has(err.code)) return ExitCode.SERVER_UNREACHABLE;
    if (DENIED.has(err.code)) return ExitCode.DENIED;
    if (CONFIG.has(err.code)) return ExitCode.CONFIG;
  }
  return ExitCode.INTERNAL;
}

/** Returns the message of anything thrown, on one line. */
export function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text
    .replace(/\s*\n\s*/g, '; ')
    .replace(/\s+/g, ' ')
    .trim();
}

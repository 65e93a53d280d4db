// The helper's error: core's codes plus the failures only a CLI that writes files and runs hooks has.
// Like CoreError it carries a machine code, a message prefixed by where it came from, and its cause.
import { CoreError, type ErrorCode } from '../src/core/errors/index.js';

export type HelperOnlyCode =
  /** No SVID matches --spiffe-id / --hint among those the agent returned. */
  | 'SVID_NOT_FOUND'
  /** An SVID on disk or from the agent has another SPIFFE ID than the one asked for. */
  | 'ID_MISMATCH'
  /** A DNS or IP SAN the caller requires is not in the certificate. */
  | 'SAN_MISSING'
  /** A file `check` (or --renew-before) needs is not there. */
  | 'FILE_MISSING'
  | 'WRITE_FAILED'
  | 'HOOK_FAILED'
  /** `check`: valid, but expires within --min-valid. */
  | 'EXPIRING_SOON'
  | 'INTERNAL';

export type HelperErrorCode = ErrorCode | HelperOnlyCode;

export interface HelperErrorOptions {
  cause?: unknown;
  suggestions?: readonly string[];
  details?: Readonly<Record<string, unknown>>;
}

/** An error the helper raises itself; `module` is the part of the helper ("outputs", "cert fetch", ...). */
export class HelperError extends Error {
  override readonly name = 'HelperError';
  readonly code: HelperErrorCode;
  readonly module: string;
  readonly suggestions: readonly string[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: HelperErrorCode, module: string, message: string, options: HelperErrorOptions = {}) {
    super(`${module}: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.module = module;
    this.suggestions = options.suggestions ?? [];
    this.details = options.details ?? {};
  }
}

/** What the CLI reports for any failure: a code, a one-line message and machine-readable facts. */
export interface Failure {
  readonly code: HelperErrorCode;
  /** One line, naming the cause; never key material. */
  readonly message: string;
  readonly suggestions: readonly string[];
  readonly details: Readonly<Record<string, unknown>>;
}

/** Returns the Failure for anything thrown: HelperError, CoreError, or an unexpected error (INTERNAL). */
export function failureOf(err: unknown): Failure {
  if (err instanceof HelperError || err instanceof CoreError) {
    return {
      code: err.code,
      message: oneLine(err.message),
      suggestions: err.suggestions,
      details: err.details,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: oneLine(message), suggestions: [], details: {} };
}

/** Returns `text` on one line: whitespace runs (newlines, tabs) become single spaces. */
export function oneLine(text: string): string {
  return text
    .replace(/\s*\n\s*/g, '; ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Returns a HelperError for a filesystem operation that failed, naming the path and the errno. */
export function writeError(what: string, path: string, cause: unknown): HelperError {
  const errno = (cause as NodeJS.ErrnoException | undefined)?.code;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new HelperError('WRITE_FAILED', 'outputs', `cannot ${what} ${path}: ${reason}`, {
    cause,
    details: { path, ...(errno === undefined ? {} : { errno }) },
  });
}

/**
 * The one error type src/core throws. `code` is for machines (exit codes, diagnostics, retries);
 * the message is prefixed by the module that raised it ("spiffeid: ...") and `cause` keeps the chain.
 */
export type ErrorCode =
  | 'SPIFFEID_INVALID'
  | 'PEM_INVALID'
  | 'KEY_INVALID'
  | 'KEY_MISMATCH'
  | 'BUNDLE_INVALID'
  | 'SVID_INVALID'
  | 'JWT_INVALID'
  | 'CHAIN_UNTRUSTED'
  | 'CONFIG_INVALID'
  | 'WORKLOAD_API_UNAVAILABLE'
  | 'WORKLOAD_API_INVALID_ARGUMENT'
  | 'WORKLOAD_API_UNIMPLEMENTED'
  | 'NO_IDENTITY'
  | 'SPIRE_API_UNAVAILABLE'
  | 'SPIRE_API_DENIED'
  | 'SPIRE_API_UNAUTHENTICATED'
  | 'SPIRE_API_NOT_FOUND'
  | 'SPIRE_API_ALREADY_EXISTS'
  | 'SPIRE_API_INVALID_ARGUMENT'
  | 'SPIRE_API_FAILED_PRECONDITION'
  | 'SPIRE_API_FAILED'
  | 'CANCELLED'
  | 'TIMEOUT';

export interface CoreErrorOptions {
  cause?: unknown;
  /** Short hints a CLI may print under the message ("Try this: ..."). */
  suggestions?: readonly string[];
  /** Extra machine-readable facts (for example the entry ID of a failed batch item). */
  details?: Readonly<Record<string, unknown>>;
}

export class CoreError extends Error {
  override readonly name = 'CoreError';
  readonly code: ErrorCode;
  /** The module that raised the error ("spiffeid", "svid", ...); also the message prefix. */
  readonly module: string;
  readonly suggestions: readonly string[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, module: string, message: string, options: CoreErrorOptions = {}) {
    super(`${module}: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.module = module;
    this.suggestions = options.suggestions ?? [];
    this.details = options.details ?? {};
  }

  /** Returns a plain object for `--json` output and logs; never includes key material. */
  toJSON(): {
    code: ErrorCode;
    module: string;
    message: string;
    details: Readonly<Record<string, unknown>>;
    cause?: string;
  } {
    const out: {
      code: ErrorCode;
      module: string;
      message: string;
      details: Readonly<Record<string, unknown>>;
      cause?: string;
    } = { code: this.code, module: this.module, message: this.message, details: this.details };
    if (this.cause instanceof Error) out.cause = this.cause.message;
    else if (typeof this.cause === 'string') out.cause = this.cause;
    return out;
  }
}

/** Returns true when `err` is a CoreError, optionally with the given code. */
export function isCoreError(err: unknown, code?: ErrorCode): err is CoreError {
  return err instanceof CoreError && (code === undefined || err.code === code);
}

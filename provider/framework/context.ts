// What every resource, data source and provider callback receives besides its request.
import { Diagnostics } from './diagnostics.js';

/** Structured logging to Terraform's log (stderr). Never pass secrets: fields are logged as given. */
export interface Logger {
  trace(message: string, fields?: Readonly<Record<string, unknown>>): void;
  debug(message: string, fields?: Readonly<Record<string, unknown>>): void;
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** A logger that drops everything (tests, and code running outside a plugin process). */
export const silentLogger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export interface RequestContext<D> {
  readonly diagnostics: Diagnostics;
  /** The value the provider's `configure` returned. Reading it before configuration throws. */
  readonly provider: D;
  /** Aborted when Terraform asks the provider to stop (StopProvider, Ctrl-C). */
  readonly signal: AbortSignal;
  readonly log: Logger;
}

export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * Private state: data Terraform stores next to a resource's state without showing it, handed back on the
 * next plan, apply and read. Keyed JSON; carried through plan and apply unchanged unless set.
 */
export class PrivateState {
  readonly #entries: Map<string, JsonValue>;

  private constructor(entries: Map<string, JsonValue>) {
    this.#entries = entries;
  }

  /** Returns the private state stored as `bytes` (empty, or JSON written by `toBytes`). */
  static fromBytes(bytes: Uint8Array): PrivateState {
    if (bytes.length === 0) return new PrivateState(new Map());
    const parsed: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('private state is not a JSON object');
    }
    return new PrivateState(new Map(Object.entries(parsed as Record<string, JsonValue>)));
  }

  static empty(): PrivateState {
    return new PrivateState(new Map());
  }

  get(key: string): JsonValue | undefined {
    return this.#entries.get(key);
  }

  set(key: string, value: JsonValue): void {
    this.#entries.set(key, value);
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Returns the bytes to send to Terraform: empty when there is nothing to keep. */
  toBytes(): Uint8Array {
    if (this.#entries.size === 0) return new Uint8Array();
    return Buffer.from(JSON.stringify(Object.fromEntries(this.#entries)), 'utf8');
  }
}

export interface ResourceContext<D> extends RequestContext<D> {
  readonly private: PrivateState;
}

/** Builds a context; `provider` is read lazily so validation works before configuration. */
export function makeContext<D>(options: {
  readonly provider: () => D;
  readonly signal: AbortSignal;
  readonly log: Logger;
  readonly diagnostics?: Diagnostics;
}): RequestContext<D> {
  return {
    diagnostics: options.diagnostics ?? new Diagnostics(),
    get provider() {
      return options.provider();
    },
    signal: options.signal,
    log: options.log,
  };
}

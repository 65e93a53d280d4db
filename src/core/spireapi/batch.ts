// Batch* calls: inputs are sent in chunks, one RPC per chunk, one after the other, and every input gets
// exactly one result at its own index. Per-item statuses, whole-chunk failures and inputs that could
// not even be encoded all become a failed result for that item; nothing is dropped.
import { CoreError } from '../errors/index.js';
import type { ErrorCode } from '../errors/index.js';
import { MODULE, errorFromCall, errorFromItemStatus } from './status.js';
import type { ItemStatus } from './status.js';
import type { CallOptions } from './transport.js';

/** The outcome of one input of a batch call, at the same index as the input. */
export type ItemResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CoreError };

export const DEFAULT_CHUNK_SIZE = 50;

/** Options of every Batch* method. */
export interface BatchOptions extends CallOptions {
  /** Items per RPC; default 50. Chunks are sent one after the other, in input order. */
  chunkSize?: number;
}

// A whole-chunk failure with one of these codes would recur for every following chunk (no server, no
// permission, deadline, cancel), so the rest is not sent and fails with the same error.
const STOP_CODES: ReadonlySet<ErrorCode> = new Set([
  'SPIRE_API_UNAVAILABLE',
  'CHAIN_UNTRUSTED',
  'SPIRE_API_DENIED',
  'SPIRE_API_UNAUTHENTICATED',
  'TIMEOUT',
  'CANCELLED',
]);

export interface BatchSpec<In, Wire, Res extends { status?: ItemStatus | null }, Out> {
  /** The RPC name for messages ("BatchCreateEntry"). */
  what: string;
  items: readonly In[];
  chunkSize?: number | undefined;
  /** Names one input for a person: `entry 3 (id "abc")`. */
  describe: (item: In, index: number) => string;
  /** Machine-readable facts about one input for CoreError.details. */
  details: (item: In, index: number) => Record<string, unknown>;
  /** Converts one input to its wire form; a CoreError thrown here fails that input only. */
  encode: (item: In) => Wire;
  /** Sends one chunk; resolves with the server's results, one per sent item, in order. */
  send: (chunk: Wire[]) => Promise<readonly Res[]>;
  /** Converts a successful result; a CoreError thrown here fails that input only. */
  decode: (result: Res, item: In) => Out;
  /** Extra details for a failed item (for example the existing entry on ALREADY_EXISTS). */
  failureDetails?: (result: Res) => Record<string, unknown>;
}

/** Returns one result per input, in input order. */
export async function runBatch<In, Wire, Res extends { status?: ItemStatus | null }, Out>(
  spec: BatchSpec<In, Wire, Res, Out>,
): Promise<ItemResult<Out>[]> {
  const chunkSize = validChunkSize(spec.chunkSize, spec.what);
  const results: (ItemResult<Out> | undefined)[] = new Array<ItemResult<Out> | undefined>(spec.items.length);
  const fail = (index: number, error: CoreError): void => {
    results[index] = { ok: false, error };
  };

  // Encode everything first so a bad input fails alone and never shifts the others.
  const pending: { index: number; item: In; wire: Wire }[] = [];
  spec.items.forEach((item, index) => {
    try {
      pending.push({ index, item, wire: spec.encode(item) });
    } catch (err) {
      fail(index, itemError(err, spec, item, index));
    }
  });

  let stopped: CoreError | undefined;
  for (let start = 0; start < pending.length; start += chunkSize) {
    const chunk = pending.slice(start, start + chunkSize);
    if (stopped !== undefined) {
      for (const { index, item } of chunk) fail(index, notSent(stopped, spec, item, index));
      continue;
    }
    let response: readonly Res[];
    try {
      response = await spec.send(chunk.map((pendingItem) => pendingItem.wire));
    } catch (err) {
      const callError = errorFromCall(err, spec.what);
      for (const { index, item } of chunk) fail(index, chunkFailed(callError, spec, item, index));
      if (STOP_CODES.has(callError.code)) stopped = callError;
      continue;
    }
    chunk.forEach(({ index, item }, position) => {
      const result = response[position];
      if (result === undefined) {
        fail(
          index,
          new CoreError(
            'SPIRE_API_FAILED',
            MODULE,
            `${spec.what}: ${spec.describe(item, index)} got no result (the server answered ${response.length} of ${chunk.length})`,
            { details: spec.details(item, index) },
          ),
        );
        return;
      }
      // SPIRE always sets a status; an absent one reads as code 0 (OK), as in the Go client.
      const status = result.status ?? { code: 0, message: '' };
      if (status.code !== 0) {
        fail(
          index,
          errorFromItemStatus(status, spec.what, spec.describe(item, index), {
            ...spec.details(item, index),
            ...spec.failureDetails?.(result),
          }),
        );
        return;
      }
      try {
        results[index] = { ok: true, value: spec.decode(result, item) };
      } catch (err) {
        fail(index, itemError(err, spec, item, index));
      }
    });
  }
  return results.map(
    (result, index) =>
      result ??
        // Unreachable: every index is set above; kept so a future bug cannot drop an item silently.
        {
          ok: false as const,
          error: new CoreError('SPIRE_API_FAILED', MODULE, `${spec.what}: item ${index} has no result`),
        },
  );
}

function validChunkSize(chunkSize: number | undefined, what: string): number {
  const size = chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(size) || size < 1) {
    throw new CoreError(
      'SPIRE_API_INVALID_ARGUMENT',
      MODULE,
      `${what}: chunkSize must be a positive integer, got ${size}`,
    );
  }
  return size;
}

function itemError<In>(
  err: unknown,
  spec: Pick<BatchSpec<In, unknown, never, unknown>, 'what' | 'describe' | 'details'>,
  item: In,
  index: number,
): CoreError {
  const cause = err instanceof CoreError ? err : errorFromCall(err, spec.what);
  return new CoreError(cause.code, MODULE, `${spec.what}: ${spec.describe(item, index)}: ${cause.message}`, {
    cause,
    details: spec.details(item, index),
  });
}

function chunkFailed<In>(
  callError: CoreError,
  spec: Pick<BatchSpec<In, unknown, never, unknown>, 'describe' | 'details'>,
  item: In,
  index: number,
): CoreError {
  return new CoreError(
    callError.code,
    MODULE,
    `${spec.describe(item, index)} not applied: ${callError.message}`,
    {
      cause: callError,
      details: spec.details(item, index),
    },
  );
}

function notSent<In>(
  stopped: CoreError,
  spec: Pick<BatchSpec<In, unknown, never, unknown>, 'describe' | 'details'>,
  item: In,
  index: number,
): CoreError {
  return new CoreError(
    stopped.code,
    MODULE,
    `${spec.describe(item, index)} not sent because an earlier chunk failed: ${stopped.message}`,
    { cause: stopped, details: spec.details(item, index) },
  );
}

// What every simulated SPIRE API service shares: the datastore, the CA, the configuration, the test
// controls, and SPIRE's way of turning a failure into a gRPC status.
import * as grpc from '@grpc/grpc-js';
import type { SimCa } from './ca.js';
import type { SimDatastore } from './datastore.js';
import type { Status } from '../../src/core/generated/spire/api/types/Status.js';

/** gRPC status codes by name, as numbers (the wire values of google.rpc.Code). */
export const Code = grpc.status;

/** Returns the gRPC status of a numeric code (UNKNOWN for a number that is not a code). */
export function statusCode(code: number): grpc.status {
  return STATUS_BY_NUMBER.get(code) ?? grpc.status.UNKNOWN;
}

const STATUS_BY_NUMBER = new Map<number, grpc.status>(
  Object.values(grpc.status)
    .filter((value): value is grpc.status => typeof value !== 'string')
    .map((value) => [value, value]),
);

/** An RPC failure: code and the exact message SPIRE would send. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: grpc.status,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Returns the message SPIRE builds for a failure (pkg/common/api/status.go MakeErr): `msg: cause`, except
 * NotFound, which never carries the cause.
 */
export function apiMessage(code: grpc.status, msg: string, cause?: string): string {
  if (code === Code.NOT_FOUND || cause === undefined) return msg;
  return `${msg}: ${cause}`;
}

/** Returns an ApiError built like SPIRE's MakeErr. */
export function makeErr(code: grpc.status, msg: string, cause?: string): ApiError {
  return new ApiError(code, apiMessage(code, msg, cause));
}

/** Returns a per-item status built like SPIRE's MakeStatus. */
export function makeStatus(code: grpc.status, msg: string, cause?: string): Status {
  return { code, message: apiMessage(code, msg, cause) };
}

/** SPIRE pkg/common/api/status.go OK(): code 0 with the message "OK". */
export function okStatus(): Status {
  return { code: Code.OK, message: 'OK' };
}

/** Returns the cause text of a thrown rule error (or anything else). */
export function causeOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One scheduled per-item failure of a Batch* RPC. */
export interface BatchFailure {
  /** Short RPC name, e.g. "BatchCreateEntry". */
  method: string;
  /** Index of the item in the request. */
  index: number;
  /** gRPC status code (number) of the item's status. */
  code: number;
  message: string;
  /** How many calls it affects (default 1). */
  times?: number;
}

/** One scheduled failure of a whole RPC. */
export interface RpcFailure {
  /** Short RPC name, e.g. "ListEntries". */
  method: string;
  /** gRPC status code (number). */
  code: number;
  message: string;
  /** How many calls it affects (default 1). */
  times?: number;
}

/** Test controls shared by every server endpoint of one simulation. */
export class SimControls {
  private latencyMs = 0;
  private clockOffsetSeconds = 0;
  private readonly counts = new Map<string, number>();
  private batchFailures: (BatchFailure & { remaining: number })[] = [];
  private rpcFailures: (RpcFailure & { remaining: number })[] = [];

  /** Makes item `index` of the next `times` calls of `method` fail with this status (not applied). */
  injectBatchFailure(failure: BatchFailure): void {
    this.batchFailures.push({ ...failure, remaining: failure.times ?? 1 });
  }

  /** Makes the next `times` calls of `method` fail as a whole. */
  injectRpcFailure(failure: RpcFailure): void {
    this.rpcFailures.push({ ...failure, remaining: failure.times ?? 1 });
  }

  /** Delays every RPC by `ms` from now on (0 removes the delay). */
  addLatency(ms: number): void {
    this.latencyMs = ms;
  }

  latency(): number {
    return this.latencyMs;
  }

  /**
   * Moves the servers' clock (join token expiry, created_at) forward by `seconds`. Certificates keep
   * real time, so TLS still works.
   */
  advanceClock(seconds: number): void {
    this.clockOffsetSeconds += seconds;
  }

  /** Returns the servers' current time in epoch seconds. */
  nowSeconds(): number {
    return Math.floor(Date.now() / 1000) + this.clockOffsetSeconds;
  }

  /** Returns short RPC name → calls received since the last reset (all endpoints). */
  rpcCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  resetCounts(): void {
    this.counts.clear();
  }

  /** Forgets all injected failures and latency. */
  clearFaults(): void {
    this.latencyMs = 0;
    this.batchFailures = [];
    this.rpcFailures = [];
  }

  count(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
  }

  /** Returns the injected whole-RPC failure for this call, consuming one use. */
  takeRpcFailure(method: string): RpcFailure | undefined {
    const failure = this.rpcFailures.find((f) => f.method === method && f.remaining > 0);
    if (failure === undefined) return undefined;
    failure.remaining--;
    this.rpcFailures = this.rpcFailures.filter((f) => f.remaining > 0);
    return failure;
  }

  /** Returns the injected failures of one Batch* call by item index, consuming one use of each. */
  takeBatchFailures(method: string): Map<number, Status> {
    const byIndex = new Map<number, Status>();
    for (const failure of this.batchFailures) {
      if (failure.method !== method || failure.remaining <= 0) continue;
      failure.remaining--;
      byIndex.set(failure.index, { code: failure.code, message: failure.message });
    }
    this.batchFailures = this.batchFailures.filter((f) => f.remaining > 0);
    return byIndex;
  }
}

/** Everything a service implementation needs. */
export interface ServerContext {
  /** The server trust domain name. */
  readonly trustDomain: string;
  readonly ds: SimDatastore;
  readonly ca: SimCa;
  /** SPIFFE ID URIs configured as admin_ids. */
  readonly adminIds: ReadonlySet<string>;
  readonly controls: SimControls;
  /** Returns the current time in epoch seconds (one clock for tokens, expiry and created_at). */
  now(): number;
}

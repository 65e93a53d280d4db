// The wire: dials the endpoint with @grpc/grpc-js, adds the security header to every call and turns
// streams and unary calls into promises that honour an AbortSignal. Proto types stay in this module.
import * as grpc from '@grpc/grpc-js';
import type { ProtoGrpcType } from '../generated/workload.js';
import type { SpiffeWorkloadAPIClient } from '../generated/SpiffeWorkloadAPI.js';
import { loadProto, protoFiles } from '../proto/index.js';
import type { WorkloadEndpoint } from './address.js';
import { errorFromStatus, streamClosedError, type CallSite } from './status.js';

export type { SpiffeWorkloadAPIClient as WireClient };

/** The static header every Workload API request carries (SPIFFE_Workload_Endpoint.md §3). */
export const SECURITY_HEADER = 'workload.spiffe.io';

/** Returns fresh metadata holding the security header. */
export function securityMetadata(): grpc.Metadata {
  const metadata = new grpc.Metadata();
  metadata.set(SECURITY_HEADER, 'true');
  return metadata;
}

let serviceConstructor: ProtoGrpcType['SpiffeWorkloadAPI'] | undefined;

function workloadService(): ProtoGrpcType['SpiffeWorkloadAPI'] {
  serviceConstructor ??= (loadProto(protoFiles.workload) as unknown as ProtoGrpcType).SpiffeWorkloadAPI;
  return serviceConstructor;
}

/**
 * Returns a new channel to the endpoint. Each attempt dials afresh so that our backoff, not the channel's
 * own reconnect timer, decides when the agent is tried again; the caller closes it when the attempt ends.
 */
export function dial(endpoint: WorkloadEndpoint): SpiffeWorkloadAPIClient {
  const Service = workloadService();
  return new Service(endpoint.grpcTarget, grpc.credentials.createInsecure(), {
    // The Workload API is local and unauthenticated (Endpoint spec §3.1); a fixed authority keeps
    // unix targets from leaking the socket path into :authority.
    'grpc.default_authority': 'localhost',
  });
}

/**
 * Returns the first message of a server stream and cancels the rest; rejects with the mapped CoreError
 * when the call fails, the stream ends empty, or `signal` aborts (CANCELLED).
 */
export function firstMessage<T>(
  open: (metadata: grpc.Metadata) => grpc.ClientReadableStream<T>,
  site: CallSite,
  signal: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const call = open(securityMetadata());
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = (): void => {
      call.cancel();
    };
    call.on('data', (message: T) => {
      finish(() => {
        resolve(message);
      });
      call.cancel();
    });
    call.on('error', (err: unknown) => {
      finish(() => {
        reject(errorFromStatus(err, site, signal.aborted));
      });
    });
    call.on('end', () => {
      finish(() => {
        reject(streamClosedError(site));
      });
    });
    if (signal.aborted) call.cancel();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Delivers each message of a server stream to `onMessage`, one at a time (the stream is paused while a
 * returned promise is pending). Resolves never: it rejects with the CoreError that ended the stream —
 * CANCELLED after `signal` aborts, WORKLOAD_API_UNAVAILABLE when the agent closed it — or with whatever
 * `onMessage` threw.
 */
export async function eachMessage<T>(
  open: (metadata: grpc.Metadata) => grpc.ClientReadableStream<T>,
  site: CallSite,
  signal: AbortSignal,
  onMessage: (message: T) => Promise<void> | void,
): Promise<never> {
  const call = open(securityMetadata());
  const onAbort = (): void => {
    call.cancel();
  };
  if (signal.aborted) call.cancel();
  else signal.addEventListener('abort', onAbort, { once: true });
  // An object, not a boolean, so the compiler does not assume it is still false after the loop.
  const handler = { failed: false };
  try {
    for await (const message of call as AsyncIterable<T>) {
      try {
        await onMessage(message);
      } catch (err) {
        handler.failed = true;
        throw err;
      }
    }
    throw streamClosedError(site);
  } catch (err) {
    if (handler.failed) throw err;
    throw errorFromStatus(err, site, signal.aborted);
  } finally {
    signal.removeEventListener('abort', onAbort);
    call.cancel();
  }
}

/** Returns the response of a unary call; rejects with the mapped CoreError (CANCELLED after `signal` aborts). */
export function unary<T>(
  invoke: (metadata: grpc.Metadata, callback: grpc.requestCallback<T>) => grpc.ClientUnaryCall,
  site: CallSite,
  signal: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const call = invoke(securityMetadata(), (err, response) => {
      signal.removeEventListener('abort', onAbort);
      if (err !== null) reject(errorFromStatus(err, site, signal.aborted));
      else if (response === undefined) reject(streamClosedError(site));
      else resolve(response);
    });
    const onAbort = (): void => {
      call.cancel();
    };
    if (signal.aborted) call.cancel();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

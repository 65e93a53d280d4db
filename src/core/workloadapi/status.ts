// The one place where gRPC statuses from the Workload API become CoreErrors, and where the retry rule
// (SPIFFE_Workload_Endpoint.md Appendix A) is decided from the resulting code.
import { status as Status, type ServiceError } from '@grpc/grpc-js';
import { CoreError, isCoreError, type ErrorCode } from '../errors/index.js';

export const MODULE = 'workloadapi';

export type RpcName =
  'FetchX509SVID' | 'FetchX509Bundles' | 'FetchJWTSVID' | 'FetchJWTBundles' | 'ValidateJWTSVID';

export interface CallSite {
  /** Display form of the endpoint (`unix:///...`), named in every message. */
  readonly endpoint: string;
  readonly rpc: RpcName;
}

function isServiceError(err: unknown): err is ServiceError {
  return (
    err instanceof Error &&
    typeof (err as Partial<ServiceError>).code === 'number' &&
    'metadata' in err &&
    'details' in err
  );
}

/**
 * Returns the CoreError for a failed Workload API call (a gRPC ServiceError or anything else thrown).
 * `cancelledHere` tells a cancellation we asked for from one the agent caused by dropping the call.
 */
export function errorFromStatus(err: unknown, site: CallSite, cancelledHere: boolean): CoreError {
  if (isCoreError(err)) return err;
  if (!isServiceError(err)) {
    return failure(
      'WORKLOAD_API_UNAVAILABLE',
      `${site.rpc} on the Workload API at ${site.endpoint} failed`,
      site,
      {
        cause: err,
      },
    );
  }
  // A code outside the enum has no name; the number is shown instead.
  const name = err.code in Status ? Status[err.code] : `status ${err.code}`;
  const said = err.details === '' ? name : `${name}: ${err.details}`;
  const base = { cause: err, grpcCode: name };
  switch (err.code) {
    case Status.PERMISSION_DENIED:
      // SPIRE pkg/agent/endpoints/workload/handler.go answers "no identity issued" when no entry matches.
      return failure(
        'NO_IDENTITY',
        `the Workload API at ${site.endpoint} has no identity for this workload (${said})`,
        site,
        base,
        ['Check that a registration entry matches this workload and that the agent has synced it.'],
      );
    case Status.INVALID_ARGUMENT:
      if (site.rpc === 'ValidateJWTSVID') {
        // SPIRE returns InvalidArgument for a token that fails validation (handler.go ValidateJWTSVID).
        return failure(
          'JWT_INVALID',
          `the Workload API at ${site.endpoint} rejected the JWT-SVID (${said})`,
          site,
          base,
        );
      }
      // SPIRE pkg/agent/endpoints/middleware.go: "security header missing from request".
      return failure(
        'WORKLOAD_API_INVALID_ARGUMENT',
        `the Workload API at ${site.endpoint} rejected ${site.rpc} as invalid (${said})`,
        site,
        base,
      );
    case Status.UNIMPLEMENTED:
      return failure(
        'WORKLOAD_API_UNIMPLEMENTED',
        `the Workload API at ${site.endpoint} does not implement ${site.rpc} (${said})`,
        site,
        base,
      );
    case Status.CANCELLED:
      if (cancelledHere) {
        return failure(
          'CANCELLED',
          `${site.rpc} on the Workload API at ${site.endpoint} was cancelled`,
          site,
          base,
        );
      }
      // An agent shutting down resets its streams with CANCEL; for us that is the agent going away.
      return failure(
        'WORKLOAD_API_UNAVAILABLE',
        `the Workload API at ${site.endpoint} dropped ${site.rpc} (${said})`,
        site,
        base,
      );
    case Status.DEADLINE_EXCEEDED:
      return failure(
        'TIMEOUT',
        `${site.rpc} on the Workload API at ${site.endpoint} timed out (${said})`,
        site,
        base,
      );
    case Status.UNAVAILABLE:
      return failure(
        'WORKLOAD_API_UNAVAILABLE',
        `cannot reach the Workload API at ${site.endpoint} (${said})`,
        site,
        base,
        ['Check that spire-agent is running and that the socket path is right.'],
      );
    case Status.OK:
    case Status.UNKNOWN:
    case Status.NOT_FOUND:
    case Status.ALREADY_EXISTS:
    case Status.RESOURCE_EXHAUSTED:
    case Status.FAILED_PRECONDITION:
    case Status.ABORTED:
    case Status.OUT_OF_RANGE:
    case Status.INTERNAL:
    case Status.DATA_LOSS:
    case Status.UNAUTHENTICATED:
      break;
  }
  // Anything else means the endpoint could not handle the request; the spec's answer is to retry.
  return failure(
    'WORKLOAD_API_UNAVAILABLE',
    `the Workload API at ${site.endpoint} failed ${site.rpc} (${said})`,
    site,
    base,
  );
}

/** Returns the error for a stream the agent closed without an error status (watches reopen it). */
export function streamClosedError(site: CallSite): CoreError {
  return failure(
    'WORKLOAD_API_UNAVAILABLE',
    `the Workload API at ${site.endpoint} closed the ${site.rpc} stream`,
    site,
    {},
  );
}

/** Returns the error for a response that carries no identity: treated like PermissionDenied (retried). */
export function noIdentityError(site: CallSite, what: string): CoreError {
  return failure(
    'NO_IDENTITY',
    `the Workload API at ${site.endpoint} sent no ${what} for this workload`,
    site,
    {},
    ['Check that a registration entry matches this workload and that the agent has synced it.'],
  );
}

/**
 * Returns the error for a response the agent sent that core svid/bundle validation rejected; keeps the
 * validator's code (SVID_INVALID, BUNDLE_INVALID, ...) and says where the document came from.
 */
export function invalidResponseError(err: unknown, site: CallSite, what: string): CoreError {
  const code: ErrorCode = isCoreError(err) ? err.code : 'SVID_INVALID';
  const reason = err instanceof Error ? err.message : String(err);
  return failure(
    code,
    `the Workload API at ${site.endpoint} sent ${what} that is not valid: ${reason}`,
    site,
    {
      cause: err,
    },
  );
}

/**
 * Returns the error a one-shot call ends with when its time is up: the last retryable error (so an agent
 * that kept saying PermissionDenied yields NO_IDENTITY, an absent one WORKLOAD_API_UNAVAILABLE), or
 * TIMEOUT when no attempt finished at all.
 */
export function gaveUpError(
  last: CoreError | undefined,
  site: CallSite,
  progress: { attempts: number; timeoutMs: number | undefined },
): CoreError {
  const within = progress.timeoutMs === undefined ? '' : ` within ${progress.timeoutMs} ms`;
  if (last === undefined) {
    return failure(
      'TIMEOUT',
      `no answer to ${site.rpc} from the Workload API at ${site.endpoint}${within}`,
      site,
      {},
    );
  }
  const tries = progress.attempts === 1 ? '1 attempt' : `${progress.attempts} attempts`;
  return new CoreError(last.code, MODULE, `${stripModule(last.message)}; gave up after ${tries}${within}`, {
    cause: last,
    suggestions: last.suggestions,
    details: { ...last.details, attempts: progress.attempts },
  });
}

/** Returns the error for a call the caller cancelled (or the client was closed under it). */
export function cancelledError(site: CallSite, why: string, last: CoreError | undefined): CoreError {
  return failure(
    'CANCELLED',
    `${site.rpc} on the Workload API at ${site.endpoint} was cancelled (${why})`,
    site,
    {
      ...(last === undefined ? {} : { cause: last }),
    },
  );
}

function stripModule(message: string): string {
  return message.startsWith(`${MODULE}: `) ? message.slice(MODULE.length + 2) : message;
}

/**
 * Returns true when the operation should be tried again after a backoff: the agent is unreachable or
 * has no identity for us yet (Unavailable / PermissionDenied, Endpoint spec Appendix A). InvalidArgument,
 * Unimplemented, cancellation and invalid documents are final.
 */
export function isRetryable(err: CoreError): boolean {
  return err.code === 'WORKLOAD_API_UNAVAILABLE' || err.code === 'NO_IDENTITY';
}

function failure(
  code: ErrorCode,
  message: string,
  site: CallSite,
  extra: { cause?: unknown; grpcCode?: string },
  suggestions?: readonly string[],
): CoreError {
  const details: Record<string, unknown> = { endpoint: site.endpoint, rpc: site.rpc };
  if (extra.grpcCode !== undefined) details['grpcCode'] = extra.grpcCode;
  return new CoreError(code, MODULE, message, {
    ...(extra.cause === undefined ? {} : { cause: extra.cause }),
    ...(suggestions === undefined ? {} : { suggestions }),
    details,
  });
}

// The one place where a gRPC status code becomes an ErrorCode, for whole-call failures (a grpc-js
// ServiceError) and for the per-item `spire.api.types.Status` of Batch* results alike.
import { status as GrpcStatus } from '@grpc/grpc-js';
import type { ServiceError } from '@grpc/grpc-js';
import { CoreError } from '../errors/index.js';
import type { ErrorCode } from '../errors/index.js';

export const MODULE = 'spireapi';

// gRPC status → ErrorCode; every other status (INTERNAL, UNKNOWN, RESOURCE_EXHAUSTED, ...) is SPIRE_API_FAILED.
const ERROR_CODES: ReadonlyMap<number, ErrorCode> = new Map<number, ErrorCode>([
  [GrpcStatus.NOT_FOUND, 'SPIRE_API_NOT_FOUND'],
  [GrpcStatus.ALREADY_EXISTS, 'SPIRE_API_ALREADY_EXISTS'],
  [GrpcStatus.INVALID_ARGUMENT, 'SPIRE_API_INVALID_ARGUMENT'],
  [GrpcStatus.PERMISSION_DENIED, 'SPIRE_API_DENIED'],
  [GrpcStatus.UNAUTHENTICATED, 'SPIRE_API_UNAUTHENTICATED'],
  [GrpcStatus.UNAVAILABLE, 'SPIRE_API_UNAVAILABLE'],
  [GrpcStatus.FAILED_PRECONDITION, 'SPIRE_API_FAILED_PRECONDITION'],
  [GrpcStatus.DEADLINE_EXCEEDED, 'TIMEOUT'],
  [GrpcStatus.CANCELLED, 'CANCELLED'],
]);

/** Returns the ErrorCode for a gRPC / google.rpc.Code status code (the two share their numbers). */
export function errorCodeForStatus(code: number): ErrorCode {
  return ERROR_CODES.get(code) ?? 'SPIRE_API_FAILED';
}

/** Returns the upper-case gRPC name of a status code ("NOT_FOUND"), or "CODE_<n>" for an unknown number. */
export function statusName(code: number): string {
  const name = (GrpcStatus as Record<number, string | undefined>)[code];
  return name ?? `CODE_${code}`;
}

/** Returns the status message, without the empty "Resolution note:" grpc-js appends to connection errors. */
export function statusDetails(err: ServiceError): string {
  return err.details.replace(/\.? ?Resolution note: ?$/, '');
}

/** Returns true when `err` looks like a grpc-js ServiceError (an Error carrying a numeric `code`). */
export function isServiceError(err: unknown): err is ServiceError {
  return err instanceof Error && typeof (err as Partial<ServiceError>).code === 'number';
}

/**
 * Returns the CoreError for a failed call. `what` names the call ("ListEntries"); the message carries
 * SPIRE's own status message because that is what names the offending field.
 */
export function errorFromCall(err: unknown, what: string): CoreError {
  if (err instanceof CoreError) return err;
  if (isServiceError(err)) {
    return new CoreError(
      errorCodeForStatus(err.code),
      MODULE,
      `${what} failed with ${statusName(err.code)}: ${statusDetails(err) || '(no message)'}`,
      { cause: err, details: { grpcCode: err.code, grpcStatus: statusName(err.code) } },
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  return new CoreError('SPIRE_API_FAILED', MODULE, `${what} failed: ${message}`, { cause: err });
}

/** A per-item status of a Batch* result (`spire.api.types.Status`). */
export interface ItemStatus {
  code: number;
  message: string;
}

/**
 * Returns the CoreError for one failed item of a batch. `item` names it for a person ("entry 3 (id
 * \"abc\")"); `details` adds machine-readable facts such as its index.
 */
export function errorFromItemStatus(
  status: ItemStatus,
  what: string,
  item: string,
  details: Readonly<Record<string, unknown>>,
): CoreError {
  return new CoreError(
    errorCodeForStatus(status.code),
    MODULE,
    `${what}: ${item} failed with ${statusName(status.code)}: ${status.message || '(no message)'}`,
    { details: { ...details, grpcCode: status.code, grpcStatus: statusName(status.code) } },
  );
}

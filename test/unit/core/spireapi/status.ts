import t from 'tap';
import { status } from '@grpc/grpc-js';
import { isCoreError } from '../../../../src/core/errors/index.js';
import type { ErrorCode } from '../../../../src/core/errors/index.js';
import {
  errorCodeForStatus,
  errorFromCall,
  errorFromItemStatus,
} from '../../../../src/core/spireapi/status.js';
import { RpcFailure, startLocal } from '../../../harness/fake-spire-server.js';

t.test('each gRPC status maps to its ErrorCode; the rest are SPIRE_API_FAILED', (t) => {
  const table: [number, ErrorCode][] = [
    [status.NOT_FOUND, 'SPIRE_API_NOT_FOUND'],
    [status.ALREADY_EXISTS, 'SPIRE_API_ALREADY_EXISTS'],
    [status.INVALID_ARGUMENT, 'SPIRE_API_INVALID_ARGUMENT'],
    [status.PERMISSION_DENIED, 'SPIRE_API_DENIED'],
    [status.UNAUTHENTICATED, 'SPIRE_API_UNAUTHENTICATED'],
    [status.UNAVAILABLE, 'SPIRE_API_UNAVAILABLE'],
    [status.FAILED_PRECONDITION, 'SPIRE_API_FAILED_PRECONDITION'],
    [status.DEADLINE_EXCEEDED, 'TIMEOUT'],
    [status.CANCELLED, 'CANCELLED'],
    [status.UNKNOWN, 'SPIRE_API_FAILED'],
    [status.RESOURCE_EXHAUSTED, 'SPIRE_API_FAILED'],
    [status.ABORTED, 'SPIRE_API_FAILED'],
    [status.OUT_OF_RANGE, 'SPIRE_API_FAILED'],
    [status.UNIMPLEMENTED, 'SPIRE_API_FAILED'],
    [status.INTERNAL, 'SPIRE_API_FAILED'],
    [status.DATA_LOSS, 'SPIRE_API_FAILED'],
    [99, 'SPIRE_API_FAILED'],
  ];
  for (const [code, expected] of table) t.equal(errorCodeForStatus(code), expected, `code ${code}`);
  t.end();
});

t.test('a per-item status names the item, the status and SPIRE’s message', (t) => {
  const err = errorFromItemStatus(
    { code: status.INVALID_ARGUMENT, message: 'failed to convert entry: invalid DNS name' },
    'BatchCreateEntry',
    'entry 2 (id "web")',
    { index: 2 },
  );
  t.equal(err.code, 'SPIRE_API_INVALID_ARGUMENT');
  t.equal(
    err.message,
    'spireapi: BatchCreateEntry: entry 2 (id "web") failed with INVALID_ARGUMENT: failed to convert entry: invalid DNS name',
  );
  t.same(err.details, { index: 2, grpcCode: 3, grpcStatus: 'INVALID_ARGUMENT' });
  t.end();
});

t.test(
  'a failed call from a real server maps through the same table and keeps SPIRE’s message',
  async (t) => {
    const { client } = await startLocal(t, {
      entry: {
        CountEntries: () => {
          throw new RpcFailure(
            status.PERMISSION_DENIED,
            'authorization denied for method /spire.api.server.entry.v1.Entry/CountEntries',
          );
        },
      },
    });
    const err: unknown = await client.entries.count().catch((e: unknown) => e);
    t.ok(isCoreError(err, 'SPIRE_API_DENIED'));
    t.match(
      (err as Error).message,
      /^spireapi: CountEntries failed with PERMISSION_DENIED: authorization denied/,
    );
  },
);

t.test('a non-gRPC failure becomes SPIRE_API_FAILED with its message', (t) => {
  const err = errorFromCall(new TypeError('boom'), 'GetEntry');
  t.equal(err.code, 'SPIRE_API_FAILED');
  t.equal(err.message, 'spireapi: GetEntry failed: boom');
  t.end();
});

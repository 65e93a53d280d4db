import t from 'tap';
import { CoreError, isCoreError } from '../../../../src/core/errors/index.js';

t.test('message is prefixed by the module and keeps code and cause', (t) => {
  const cause = new Error('socket closed');
  const err = new CoreError('WORKLOAD_API_UNAVAILABLE', 'workloadapi', 'cannot reach the agent', { cause });
  t.equal(err.message, 'workloadapi: cannot reach the agent');
  t.equal(err.code, 'WORKLOAD_API_UNAVAILABLE');
  t.equal(err.cause, cause);
  t.ok(isCoreError(err, 'WORKLOAD_API_UNAVAILABLE'));
  t.notOk(isCoreError(err, 'NO_IDENTITY'));
  t.notOk(isCoreError(new Error('x')));
  t.end();
});

t.test('toJSON gives the structured form for --json output', (t) => {
  const err = new CoreError('SPIRE_API_NOT_FOUND', 'spireapi', 'entry not found', {
    details: { id: 'abc' },
    cause: 'raw',
  });
  t.same(err.toJSON(), {
    code: 'SPIRE_API_NOT_FOUND',
    module: 'spireapi',
    message: 'spireapi: entry not found',
    details: { id: 'abc' },
    cause: 'raw',
  });
  t.end();
});

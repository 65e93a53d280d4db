import t from 'tap';
import { CoreError } from '../../../../src/core/errors/index.js';
import { runBatch } from '../../../../src/core/spireapi/batch.js';
import type { BatchSpec } from '../../../../src/core/spireapi/batch.js';

type Result = { status?: { code: number; message: string } | null; value: string };

function spec(
  overrides: Partial<BatchSpec<string, string, Result, string>>,
): BatchSpec<string, string, Result, string> {
  return {
    what: 'BatchThing',
    items: ['a', 'b', 'c'],
    describe: (item, index) => `thing ${index} (${item})`,
    details: (item, index) => ({ index, item }),
    encode: (item) => item,
    send: (chunk) => Promise.resolve(chunk.map((value) => ({ status: { code: 0, message: '' }, value }))),
    decode: (result) => result.value.toUpperCase(),
    ...overrides,
  };
}

t.test('results come back one per input, in input order, across chunks', async (t) => {
  const sent: string[][] = [];
  const results = await runBatch(
    spec({
      items: ['a', 'b', 'c', 'd', 'e'],
      chunkSize: 2,
      send: (chunk) => {
        sent.push(chunk);
        return Promise.resolve(chunk.map((value) => ({ status: { code: 0, message: '' }, value })));
      },
    }),
  );
  t.same(sent, [['a', 'b'], ['c', 'd'], ['e']]);
  t.same(
    results.map((result) => (result.ok ? result.value : '')),
    ['A', 'B', 'C', 'D', 'E'],
  );
});

t.test('a result without a status counts as OK, as in SPIRE’s Go client', async (t) => {
  const results = await runBatch(
    spec({ send: (chunk) => Promise.resolve(chunk.map((value) => ({ status: null, value }))) }),
  );
  t.ok(results.every((result) => result.ok));
});

t.test('a result that cannot be decoded fails that item only', async (t) => {
  const results = await runBatch(
    spec({
      decode: (result) => {
        if (result.value === 'b') throw new CoreError('SPIRE_API_FAILED', 'spireapi', 'no entry in result');
        return result.value;
      },
    }),
  );
  t.match(results, [
    { ok: true },
    { ok: false, error: { message: /BatchThing: thing 1 \(b\): spireapi: no entry in result/ } },
    { ok: true },
  ]);
});

t.test('a cancelled or timed-out chunk stops the batch', async (t) => {
  let calls = 0;
  const results = await runBatch(
    spec({
      chunkSize: 1,
      send: () => {
        calls++;
        return Promise.reject(new CoreError('TIMEOUT', 'spireapi', 'deadline exceeded'));
      },
    }),
  );
  t.equal(calls, 1);
  t.same(
    results.map((result) => (result.ok ? 'ok' : result.error.code)),
    ['TIMEOUT', 'TIMEOUT', 'TIMEOUT'],
  );
});

t.test('chunkSize must be a positive integer', async (t) => {
  await t.rejects(runBatch(spec({ chunkSize: 0 })), {
    code: 'SPIRE_API_INVALID_ARGUMENT',
    message: /chunkSize must be a positive integer/,
  });
  await t.rejects(runBatch(spec({ chunkSize: 1.5 })), { code: 'SPIRE_API_INVALID_ARGUMENT' });
});

t.test('an empty batch sends nothing', async (t) => {
  let calls = 0;
  const results = await runBatch(
    spec({
      items: [],
      send: () => {
        calls++;
        return Promise.resolve([]);
      },
    }),
  );
  t.same(results, []);
  t.equal(calls, 0);
});

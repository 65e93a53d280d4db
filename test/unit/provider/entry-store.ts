// The entry store (provider/entry-store.ts) against SPIRE (the test double unless SPIRE_SERVER_BIN and
// SPIRE_AGENT_BIN are set): one paged listing per process for reads, Batch* calls coalesced from
// concurrent writes, and one result per item. RPCs are counted by wrapping the client, so the counts
// hold against real SPIRE too.
import t from 'tap';
import type { Test } from 'tap';
import { dialSpireServer } from '../../../src/core/spireapi/index.js';
import type { EntryInput, SpireServerClient } from '../../../src/core/spireapi/index.js';
import { EntryStore } from '../../../provider/entry-store.js';
import type { EntryApi } from '../../../provider/entry-store.js';
import { startSpire } from '../../sim/spire.js';

const TD = 'example.org';
const PARENT = `spiffe://${TD}/spire/agent/join_token/store-test`;

interface Harness {
  api: EntryApi;
  /** RPC name → calls made through `api` since the last reset. */
  calls: Record<string, number>;
  /** A client that bypasses the counting, for setting up and checking. */
  direct: SpireServerClient['entries'];
  store(options?: { prefix?: string; gatherMs?: number; maxWaitMs?: number; maxBatch?: number }): EntryStore;
  /** Delay added before each Batch* call (to keep a batch in flight). */
  writeDelayMs: number;
}

async function harness(t: Test): Promise<Harness> {
  const spire = await startSpire({ trustDomain: TD, dir: t.testdir() });
  t.teardown(() => spire.close());
  const [server] = spire.servers;
  if (server === undefined) throw new Error('no server');
  const client = dialSpireServer({ socketPath: server.socketPath });
  t.teardown(() => {
    client.close();
  });
  const calls: Record<string, number> = {};
  const count = (name: string): void => {
    calls[name] = (calls[name] ?? 0) + 1;
  };
  const entries = client.entries;
  const api: EntryApi = {
    list: (options) => {
      const pages = entries.list(options);
      return (async function* () {
        // Each page is one ListEntries call (the last one, often empty, included).
        for await (const page of pages) {
          count('ListEntries');
          yield page;
        }
      })();
    },
    get: (id, options) => {
      count('GetEntry');
      return entries.get(id, options);
    },
    batchCreate: async (items, options) => {
      count('BatchCreateEntry');
      await new Promise((resolve) => setTimeout(resolve, h.writeDelayMs));
      return entries.batchCreate(items, options);
    },
    batchUpdate: (items, options) => {
      count('BatchUpdateEntry');
      return entries.batchUpdate(items, options);
    },
    batchDelete: (ids, options) => {
      count('BatchDeleteEntry');
      return entries.batchDelete(ids, options);
    },
  };
  const h: Harness = {
    api,
    calls,
    direct: entries,
    writeDelayMs: 0,
    store: (options = {}) =>
      new EntryStore({
        api,
        prefix: options.prefix ?? 'tf-',
        ...(options.gatherMs === undefined ? {} : { gatherMs: options.gatherMs }),
        ...(options.maxWaitMs === undefined ? {} : { maxWaitMs: options.maxWaitMs }),
        ...(options.maxBatch === undefined ? {} : { maxBatch: options.maxBatch }),
      }),
  };
  return h;
}

function entry(id: string, n: number, over: Partial<EntryInput> = {}): EntryInput & { id: string } {
  return {
    id,
    spiffeId: `spiffe://${TD}/workload/${n}`,
    parentId: PARENT,
    selectors: [{ type: 'unix', value: `uid:${n}` }],
    ...over,
  };
}

function reset(calls: Record<string, number>): void {
  for (const key of Object.keys(calls)) Reflect.deleteProperty(calls, key);
}

async function seed(h: Harness, ids: readonly string[], offset = 0): Promise<void> {
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500).map((id, i) => entry(id, offset + start + i));
    const results = await h.direct.batchCreate(chunk, { chunkSize: 500 });
    if (results.some((r) => !r.ok)) throw new Error('seeding failed');
  }
}

t.test('reads of many entries share one paged listing, 500 per page, no GetEntry', async (t) => {
  const h = await harness(t);
  const ids = Array.from({ length: 1200 }, (_, i) => `tf-${i}`);
  await seed(h, ids);
  const store = h.store();
  const found = await Promise.all(ids.map((id) => store.get(id)));
  t.equal(found.filter((e) => e !== undefined).length, 1200, 'every entry found');
  t.equal(found[7]?.spiffeId, `spiffe://${TD}/workload/7`);
  // 3 pages of entries (500, 500, 200) plus at most the empty page that ends a listing.
  t.ok((h.calls.ListEntries ?? 0) <= 4, `ListEntries calls: ${h.calls.ListEntries ?? 0}`);
  t.ok((h.calls.ListEntries ?? 0) >= 3, `ListEntries calls: ${h.calls.ListEntries ?? 0}`);
  t.equal(h.calls.GetEntry ?? 0, 0);
  reset(h.calls);
  t.equal((await store.get('tf-1199'))?.id, 'tf-1199');
  t.equal(h.calls.ListEntries ?? 0, 0, 'a later read uses the same snapshot');
});

t.test('a missing owned entry reads as undefined from the snapshot', async (t) => {
  const h = await harness(t);
  const store = h.store();
  t.equal(await store.get('tf-nothing'), undefined);
  t.equal(h.calls.GetEntry ?? 0, 0);
});

t.test('the snapshot keeps only entries under the prefix; others are read one by one', async (t) => {
  const h = await harness(t);
  await seed(h, ['tf-mine', 'other-1', 'tfx-2']);
  const store = h.store();
  t.strictSame(
    (await store.listOwned()).map((e) => e.id),
    ['tf-mine'],
  );
  reset(h.calls);
  t.equal((await store.get('other-1'))?.id, 'other-1', 'an imported foreign entry is still readable');
  t.equal(h.calls.GetEntry, 1);
  t.equal(await store.get('other-missing'), undefined, 'NOT_FOUND reads as undefined');
  t.notOk(store.owns('tf-'), 'the bare prefix is not an owned ID');
  t.notOk(store.owns('tfx-2'));
});

t.test('concurrent creates are coalesced into Batch calls of at most 50', async (t) => {
  const h = await harness(t);
  const store = h.store();
  const created = await Promise.all(
    Array.from({ length: 120 }, (_, i) => store.create(entry(`tf-c${i}`, i))),
  );
  t.equal(created.length, 120);
  t.equal(created[5]?.id, 'tf-c5', 'each caller gets its own entry');
  t.equal(h.calls.BatchCreateEntry, 3, '120 creates in 3 calls (50 + 50 + 20)');
  t.equal((await h.direct.listAll()).length, 120);
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const HOUR = 3_600_000;

t.test('a lone write is sent at once, without waiting for more', async (t) => {
  const h = await harness(t);
  // With an hour-long gathering window, waiting for company would time the test out.
  const store = h.store({ gatherMs: HOUR, maxWaitMs: HOUR });
  t.equal((await store.create(entry('tf-lone', 1))).id, 'tf-lone');
  t.equal(h.calls.BatchCreateEntry, 1);
});

t.test('when every write in flight is waiting, the batch goes out at once', async (t) => {
  const h = await harness(t);
  const store = h.store({ gatherMs: HOUR, maxWaitMs: HOUR });
  // Ten at a time, as Terraform's -parallelism=10 hands them over; the second wave never waits an hour.
  await Promise.all(Array.from({ length: 10 }, (_, i) => store.create(entry(`tf-x${i}`, i))));
  await Promise.all(Array.from({ length: 10 }, (_, i) => store.create(entry(`tf-y${i}`, 100 + i))));
  t.equal(h.calls.BatchCreateEntry, 2, 'one call per wave');
});

t.test('writes trickling in while a batch is in flight share the next call', async (t) => {
  const h = await harness(t);
  h.writeDelayMs = 300;
  const store = h.store({ gatherMs: 200 });
  const pending = [store.create(entry('tf-first', 0))];
  for (let i = 1; i <= 5; i++) {
    await sleep(5);
    pending.push(store.create(entry(`tf-t${i}`, i)));
  }
  await Promise.all(pending);
  t.equal(h.calls.BatchCreateEntry, 2, 'the first alone, the five that followed together');
});

t.test('one rejected entry fails alone; the others are created', async (t) => {
  const h = await harness(t);
  const store = h.store();
  const results = await Promise.allSettled(
    Array.from({ length: 10 }, (_, i) =>
      store.create(entry(`tf-r${i}`, i, i === 4 ? { dnsNames: ['bad..name'] } : {})),
    ),
  );
  t.equal(h.calls.BatchCreateEntry, 1, 'one call for all ten');
  const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
  t.strictSame(failed, [4]);
  const reason = results[4]?.status === 'rejected' ? String(results[4].reason) : '';
  t.match(reason, /INVALID_ARGUMENT/);
  t.match(reason, /DNS name/);
  const stored = (await h.direct.listAll()).map((e) => e.id).sort();
  t.equal(stored.length, 9);
  t.notOk(stored.includes('tf-r4'));
});

t.test('updates are grouped by input mask; only masked fields change', async (t) => {
  const h = await harness(t);
  await seed(h, ['tf-u0', 'tf-u1', 'tf-u2']);
  const store = h.store();
  reset(h.calls);
  const [a, b, c] = await Promise.all([
    store.update({ id: 'tf-u0', hint: 'zero', x509SvidTtl: 99 }, ['hint']),
    store.update({ id: 'tf-u1', hint: 'one' }, ['hint']),
    store.update({ id: 'tf-u2', x509SvidTtl: 600 }, ['x509SvidTtl']),
  ]);
  t.equal(h.calls.BatchUpdateEntry, 2, 'two masks, two calls');
  t.equal(a.hint, 'zero');
  t.equal(a.x509SvidTtl, 0, 'a field outside the mask is not sent');
  t.equal(b.hint, 'one');
  t.equal(c.x509SvidTtl, 600);
  t.equal(c.hint, '');
  t.equal((await h.direct.get('tf-u0')).x509SvidTtl, 0);
});

t.test('deleting an entry that is already gone succeeds', async (t) => {
  const h = await harness(t);
  await seed(h, ['tf-d0']);
  const store = h.store();
  await Promise.all([store.delete('tf-d0'), store.delete('tf-gone')]);
  t.equal(h.calls.BatchDeleteEntry, 1);
  t.equal((await h.direct.listAll()).length, 0);
});

t.test('deletes are sent before creates, so a replacement never collides with its predecessor', async (t) => {
  const h = await harness(t);
  await seed(h, ['tf-old']);
  const store = h.store();
  // Same SPIFFE ID, parent and selectors: SPIRE refuses a "similar" entry while the old one exists.
  const created = store.create(entry('tf-new', 0));
  const deleted = store.delete('tf-old');
  await Promise.all([created, deleted]);
  t.strictSame(
    (await h.direct.listAll()).map((e) => e.id),
    ['tf-new'],
  );
});

t.test('successful writes update the snapshot; a failed write drops it', async (t) => {
  const h = await harness(t);
  await seed(h, ['tf-s0']);
  const store = h.store();
  t.ok(await store.get('tf-s0'));
  await store.create(entry('tf-s1', 1));
  await store.delete('tf-s0');
  const updated = await store.update({ id: 'tf-s1', hint: 'h' }, ['hint']);
  t.equal(updated.hint, 'h');
  reset(h.calls);
  t.equal((await store.get('tf-s1'))?.hint, 'h', 'the update is visible');
  t.equal(await store.get('tf-s0'), undefined, 'the delete is visible');
  t.equal(h.calls.ListEntries ?? 0, 0, 'without listing again');
  await t.rejects(store.create(entry('tf-s2', 2, { dnsNames: ['-bad'] })));
  t.ok(await store.get('tf-s1'));
  t.ok((h.calls.ListEntries ?? 0) >= 1, 'after a failed write the next read lists again');
});

t.test('a create already applied by an earlier attempt is adopted, not reported as a conflict', async (t) => {
  const h = await harness(t);
  await seed(h, ['tf-a0']);
  const store = h.store();
  const adopted = await store.create(entry('tf-a0', 0));
  t.equal(adopted.id, 'tf-a0');
  // A similar entry under another ID is a real conflict.
  await t.rejects(store.create(entry('tf-a1', 0)), /ALREADY_EXISTS/);
});

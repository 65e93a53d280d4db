import t from 'tap';
import { status } from '@grpc/grpc-js';
import { isCoreError } from '../../../../src/core/errors/index.js';
import type { Entry__Input } from '../../../../src/core/generated/spire/api/types/Entry.js';
import type { ListEntriesRequest } from '../../../../src/core/generated/spire/api/server/entry/v1/ListEntriesRequest.js';
import type { BatchCreateEntryRequest } from '../../../../src/core/generated/spire/api/server/entry/v1/BatchCreateEntryRequest.js';
import type { BatchUpdateEntryRequest } from '../../../../src/core/generated/spire/api/server/entry/v1/BatchUpdateEntryRequest.js';
import type { EntryInput } from '../../../../src/core/spireapi/index.js';
import { RpcFailure, startLocal } from '../../../harness/fake-spire-server.js';

const TD = 'example.org';

function wireEntry(n: number): Entry__Input {
  return {
    id: `e${n}`,
    spiffe_id: { trust_domain: TD, path: `/w/${n}` },
    parent_id: { trust_domain: TD, path: '/node' },
    selectors: [{ type: 'unix', value: `uid:${n}` }],
  };
}

function input(n: number): EntryInput {
  return {
    spiffeId: `spiffe://${TD}/w/${n}`,
    parentId: `spiffe://${TD}/node`,
    selectors: [{ type: 'unix', value: `uid:${n}` }],
  };
}

const OK = { code: status.OK, message: '' };

t.test('list follows next_page_token across pages and sends the page size', async (t) => {
  const all = Array.from({ length: 7 }, (_, n) => wireEntry(n));
  const { fake, client } = await startLocal(t, {
    entry: {
      ListEntries: (request) => {
        const start = request.page_token === '' ? 0 : Number(request.page_token);
        const end = start + request.page_size;
        return { entries: all.slice(start, end), next_page_token: end < all.length ? String(end) : '' };
      },
    },
  });
  const pages: string[][] = [];
  for await (const page of client.entries.list({ pageSize: 3 })) pages.push(page.map((entry) => entry.id));
  t.same(pages, [['e0', 'e1', 'e2'], ['e3', 'e4', 'e5'], ['e6']]);
  const requests = fake.requests('ListEntries') as ListEntriesRequest[];
  t.same(
    requests.map((request) => [request.page_token, request.page_size]),
    [
      ['', 3],
      ['3', 3],
      ['6', 3],
    ],
  );

  const everything = await client.entries.listAll();
  t.equal(everything.length, 7);
  t.equal(
    (fake.requests('ListEntries').at(-1) as ListEntriesRequest).page_size,
    500,
    'default page size is 500',
  );
});

t.test('a page token the server already sent ends the listing with an error', async (t) => {
  const { client } = await startLocal(t, {
    entry: { ListEntries: () => ({ entries: [wireEntry(1)], next_page_token: 'again' }) },
  });
  const err: unknown = await client.entries.listAll().catch((e: unknown) => e);
  t.ok(isCoreError(err, 'SPIRE_API_FAILED'));
  t.match((err as Error).message, /same page token twice/);
});

t.test('every filter and the output mask reach the server as SPIRE expects', async (t) => {
  const { fake, client } = await startLocal(t, {
    entry: { ListEntries: () => ({ entries: [], next_page_token: '' }), CountEntries: () => ({ count: 4 }) },
  });
  const filter = {
    bySpiffeId: 'spiffe://example.org/w/1',
    byParentId: 'spiffe://example.org/node',
    bySelectors: { selectors: [{ type: 'k8s', value: 'ns:a' }], match: 'superset' as const },
    byFederatesWith: { trustDomains: ['spiffe://other.org', 'third.org'], match: 'any' as const },
    byHint: 'web',
    byDownstream: false,
  };
  await client.entries.listAll({ filter, outputMask: ['spiffeId', 'hint'] });
  const request = fake.requests('ListEntries')[0] as ListEntriesRequest;
  t.same(request.filter, {
    by_spiffe_id: { trust_domain: 'example.org', path: '/w/1' },
    by_parent_id: { trust_domain: 'example.org', path: '/node' },
    by_selectors: { selectors: [{ type: 'k8s', value: 'ns:a' }], match: 'MATCH_SUPERSET' },
    by_federates_with: { trust_domains: ['other.org', 'third.org'], match: 'MATCH_ANY' },
    by_hint: { value: 'web' },
    by_downstream: { value: false },
  });
  const mask = request.output_mask as unknown as Record<string, boolean>;
  t.same(
    Object.keys(mask).filter((field) => mask[field]),
    ['spiffe_id', 'hint'],
    'only the named fields are requested',
  );
  t.equal(Object.keys(mask).length, 15, 'every other flag is sent as false');

  t.equal(
    await client.entries.count({
      bySelectors: { selectors: [{ type: 'unix', value: 'uid:0' }], match: 'exact' },
    }),
    4,
  );
  const count = fake.requests('CountEntries')[0] as { filter: { by_selectors: unknown; by_hint: unknown } };
  t.same(count.filter.by_selectors, { selectors: [{ type: 'unix', value: 'uid:0' }], match: 'MATCH_EXACT' });
  t.equal(count.filter.by_hint, null, 'absent criteria stay absent');
});

t.test('without a filter or mask the request carries neither (all entries, all fields)', async (t) => {
  const { fake, client } = await startLocal(t, {
    entry: { ListEntries: () => ({ entries: [], next_page_token: '' }) },
  });
  await client.entries.listAll();
  const request = fake.requests('ListEntries')[0] as ListEntriesRequest;
  t.equal(request.filter, null);
  t.equal(request.output_mask, null);
});

t.test('a malformed filter SPIFFE ID is refused before anything is sent', async (t) => {
  const { fake, client } = await startLocal(t, { entry: {} });
  t.throws(() => client.entries.list({ filter: { bySpiffeId: 'spiffe://example.org/a/../b' } }), {
    code: 'SPIFFEID_INVALID',
    message: /^spireapi: filter\.bySpiffeId: /,
  });
  t.equal(fake.calls.length, 0);
});

t.test('get maps every Entry field to the domain entry', async (t) => {
  const { fake, client } = await startLocal(t, {
    entry: {
      GetEntry: () => ({
        id: 'abc',
        spiffe_id: { trust_domain: TD, path: '/web' },
        parent_id: { trust_domain: TD, path: '/spire/agent/x' },
        selectors: [{ type: 'unix', value: 'uid:1' }],
        x509_svid_ttl: 3600,
        jwt_svid_ttl: 300,
        federates_with: ['other.org'],
        admin: true,
        downstream: true,
        expires_at: 1_900_000_000,
        dns_names: ['web.example.org'],
        revision_number: 7,
        store_svid: true,
        hint: 'h',
        created_at: 1_700_000_000,
        additional_attributes: { disable_x509_svid_prefetch: true, jwt_svid_include_jti: true },
      }),
    },
  });
  const entry = await client.entries.get('abc', { outputMask: new Set(['spiffeId'] as const) });
  t.same(entry, {
    id: 'abc',
    spiffeId: 'spiffe://example.org/web',
    parentId: 'spiffe://example.org/spire/agent/x',
    selectors: [{ type: 'unix', value: 'uid:1' }],
    x509SvidTtl: 3600,
    jwtSvidTtl: 300,
    federatesWith: ['other.org'],
    admin: true,
    downstream: true,
    expiresAt: 1_900_000_000,
    dnsNames: ['web.example.org'],
    revisionNumber: 7,
    storeSvid: true,
    hint: 'h',
    createdAt: 1_700_000_000,
    additionalAttributes: { disableX509SvidPrefetch: true, jwtSvidIncludeJti: true },
  });
  const request = fake.requests('GetEntry')[0] as { id: string; output_mask: Record<string, boolean> };
  t.equal(request.id, 'abc');
  t.equal(request.output_mask.spiffe_id, true);
  t.equal(request.output_mask.selectors, false);
});

t.test('get of a missing entry throws SPIRE_API_NOT_FOUND naming the ID', async (t) => {
  const { client } = await startLocal(t, {
    entry: {
      GetEntry: () => {
        throw new RpcFailure(status.NOT_FOUND, 'entry not found');
      },
    },
  });
  const err: unknown = await client.entries.get('gone').catch((e: unknown) => e);
  t.ok(isCoreError(err, 'SPIRE_API_NOT_FOUND'));
  t.equal((err as Error).message, 'spireapi: GetEntry("gone") failed with NOT_FOUND: entry not found');
});

t.test('batch create: a per-item failure stays on its item, the others succeed in input order', async (t) => {
  const { fake, client } = await startLocal(t, {
    entry: {
      BatchCreateEntry: (request) => ({
        results: request.entries.map((entry, index) =>
          index === 2
            ? {
                status: {
                  code: status.INVALID_ARGUMENT,
                  message: 'failed to convert entry: invalid DNS name "-x"',
                },
              }
            : { status: OK, entry: { ...entry, id: `new-${index}` } },
        ),
      }),
    },
  });
  const entries = [0, 1, 2, 3, 4].map(input);
  entries[2] = { ...input(2), id: 'my-id', dnsNames: ['-x'] };
  const results = await client.entries.batchCreate(entries);
  t.equal(results.length, 5);
  t.same(
    results.map((result) => (result.ok ? result.value.id : 'failed')),
    ['new-0', 'new-1', 'failed', 'new-3', 'new-4'],
  );
  t.same(
    results.map((result) => (result.ok ? result.value.spiffeId : '')),
    [
      'spiffe://example.org/w/0',
      'spiffe://example.org/w/1',
      '',
      'spiffe://example.org/w/3',
      'spiffe://example.org/w/4',
    ],
  );
  const failed = results[2];
  if (failed === undefined || failed.ok) throw new Error('item 2 should have failed');
  t.equal(failed.error.code, 'SPIRE_API_INVALID_ARGUMENT');
  t.equal(
    failed.error.message,
    'spireapi: BatchCreateEntry: entry 2 (id "my-id", spiffe://example.org/w/2) failed with INVALID_ARGUMENT: failed to convert entry: invalid DNS name "-x"',
  );
  t.equal(failed.error.details.index, 2);
  t.equal(failed.error.details.id, 'my-id');

  const sent = (fake.requests('BatchCreateEntry')[0] as BatchCreateEntryRequest).entries[2];
  t.same(sent?.spiffe_id, { trust_domain: TD, path: '/w/2' }, 'SPIFFE IDs go out as trust domain and path');
  t.same(sent?.dns_names, ['-x']);
  t.equal(sent?.id, 'my-id');
});

t.test('batch create: ALREADY_EXISTS carries the existing entry', async (t) => {
  const { client } = await startLocal(t, {
    entry: {
      BatchCreateEntry: () => ({
        results: [
          {
            status: { code: status.ALREADY_EXISTS, message: 'similar entry already exists' },
            entry: wireEntry(9),
          },
        ],
      }),
    },
  });
  const [result] = await client.entries.batchCreate([input(9)]);
  if (result === undefined || result.ok) throw new Error('should have failed');
  t.equal(result.error.code, 'SPIRE_API_ALREADY_EXISTS');
  t.match(result.error.details.existingEntry, { id: 'e9', spiffeId: 'spiffe://example.org/w/9' });
});

t.test('batch create sends 120 entries as chunks of 50, 50 and 20 and keeps their order', async (t) => {
  const { fake, client } = await startLocal(t, {
    entry: {
      BatchCreateEntry: (request) => ({
        results: request.entries.map((entry) => ({
          status: OK,
          entry: { ...entry, id: `id-${entry.spiffe_id?.path ?? ''}` },
        })),
      }),
    },
  });
  const entries = Array.from({ length: 120 }, (_, n) => input(n));
  const results = await client.entries.batchCreate(entries, { chunkSize: 50 });
  t.same(
    (fake.requests('BatchCreateEntry') as BatchCreateEntryRequest[]).map((request) => request.entries.length),
    [50, 50, 20],
  );
  t.equal(results.length, 120);
  t.ok(results.every((result, n) => result.ok && result.value.id === `id-/w/${n}`));
});

t.test('a failed chunk fails its items only; earlier and later chunks keep their results', async (t) => {
  let call = 0;
  const { fake, client } = await startLocal(t, {
    entry: {
      BatchCreateEntry: (request) => {
        call++;
        if (call === 2) throw new RpcFailure(status.INTERNAL, 'datastore error');
        return { results: request.entries.map((entry) => ({ status: OK, entry })) };
      },
    },
  });
  const results = await client.entries.batchCreate([0, 1, 2, 3, 4, 5].map(input), { chunkSize: 2 });
  t.same(
    results.map((result) => result.ok),
    [true, true, false, false, true, true],
  );
  const failed = results[3];
  if (failed === undefined || failed.ok) throw new Error('item 3 should have failed');
  t.equal(failed.error.code, 'SPIRE_API_FAILED');
  t.match(
    failed.error.message,
    /entry 3 \(spiffe:\/\/example.org\/w\/3\) not applied: .*INTERNAL: datastore error/,
  );
  t.equal(fake.requests('BatchCreateEntry').length, 3);
});

t.test(
  'a chunk refused for permission stops the batch: the rest fail unsent with the same code',
  async (t) => {
    let call = 0;
    const { fake, client } = await startLocal(t, {
      entry: {
        BatchCreateEntry: (request) => {
          call++;
          if (call === 2) throw new RpcFailure(status.PERMISSION_DENIED, 'authorization denied');
          return { results: request.entries.map((entry) => ({ status: OK, entry })) };
        },
      },
    });
    const results = await client.entries.batchCreate([0, 1, 2, 3, 4, 5].map(input), { chunkSize: 2 });
    t.same(
      results.map((result) => (result.ok ? 'ok' : result.error.code)),
      ['ok', 'ok', 'SPIRE_API_DENIED', 'SPIRE_API_DENIED', 'SPIRE_API_DENIED', 'SPIRE_API_DENIED'],
    );
    const unsent = results[5];
    if (unsent === undefined || unsent.ok) throw new Error('item 5 should have failed');
    t.match(unsent.error.message, /not sent because an earlier chunk failed/);
    t.equal(fake.requests('BatchCreateEntry').length, 2);
  },
);

t.test('an input that cannot be encoded fails alone and is not sent', async (t) => {
  const { fake, client } = await startLocal(t, {
    entry: {
      BatchCreateEntry: (request) => ({ results: request.entries.map((entry) => ({ status: OK, entry })) }),
    },
  });
  const results = await client.entries.batchCreate([
    input(0),
    { ...input(1), spiffeId: 'http://example.org/x' },
    input(2),
  ]);
  t.same(
    results.map((result) => (result.ok ? result.value.spiffeId : result.error.code)),
    ['spiffe://example.org/w/0', 'SPIFFEID_INVALID', 'spiffe://example.org/w/2'],
  );
  t.equal((fake.requests('BatchCreateEntry')[0] as BatchCreateEntryRequest).entries.length, 2);
});

t.test('items the server gave no result for fail instead of vanishing', async (t) => {
  const { client } = await startLocal(t, {
    entry: {
      BatchCreateEntry: (request) => ({
        results: request.entries.slice(0, 1).map((entry) => ({ status: OK, entry })),
      }),
    },
  });
  const results = await client.entries.batchCreate([input(0), input(1)]);
  t.equal(results.length, 2);
  t.ok(results[0]?.ok);
  t.match(results[1], { ok: false, error: { code: 'SPIRE_API_FAILED', message: /got no result/ } });
});

t.test('batch update sends the input mask with exactly the named fields', async (t) => {
  const { fake, client } = await startLocal(t, {
    entry: {
      BatchUpdateEntry: (request) => ({ results: request.entries.map((entry) => ({ status: OK, entry })) }),
    },
  });
  const results = await client.entries.batchUpdate(
    [{ id: 'e1', dnsNames: ['a.example.org'], x509SvidTtl: 60 }],
    {
      inputMask: ['dnsNames', 'x509SvidTtl'],
    },
  );
  t.ok(results[0]?.ok);
  const request = fake.requests('BatchUpdateEntry')[0] as BatchUpdateEntryRequest;
  const mask = request.input_mask as unknown as Record<string, boolean>;
  t.same(
    Object.keys(mask).filter((field) => mask[field]),
    ['x509_svid_ttl', 'dns_names'],
  );
  t.equal(request.output_mask, null);
  t.equal(request.entries[0]?.id, 'e1');
  t.same(request.entries[0]?.dns_names, ['a.example.org']);
});

t.test('an unknown mask field is refused', async (t) => {
  const { client } = await startLocal(t, { entry: {} });
  await t.rejects(client.entries.batchUpdate([{ id: 'x' }], { inputMask: ['dns' as never] }), {
    code: 'SPIRE_API_INVALID_ARGUMENT',
    message: /unknown field "dns"/,
  });
});

t.test('batch delete returns each ID or its own NOT_FOUND, in order', async (t) => {
  const { fake, client } = await startLocal(t, {
    entry: {
      BatchDeleteEntry: (request) => ({
        results: request.ids.map((id) =>
          id === 'missing'
            ? { status: { code: status.NOT_FOUND, message: 'entry not found' }, id }
            : { status: OK, id },
        ),
      }),
    },
  });
  const results = await client.entries.batchDelete(['a', 'missing', 'b']);
  t.same(
    results.map((result) => (result.ok ? result.value : result.error.code)),
    ['a', 'SPIRE_API_NOT_FOUND', 'b'],
  );
  t.match(results[1], {
    ok: false,
    error: { message: /entry 1 \(id "missing"\) failed with NOT_FOUND: entry not found/ },
  });
  t.same(fake.requests('BatchDeleteEntry'), [{ ids: ['a', 'missing', 'b'] }]);
});

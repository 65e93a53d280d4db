// spire_entries in-process against the SPIRE test double: each filter reaches ListEntries, every entry
// field is mapped, and bad filters are refused at plan time with their attribute path.
import t from 'tap';
import { entriesDataSource } from '../../../../provider/data-sources/entries.js';
import type { Value } from '../../../../provider/framework/value.js';
import { createTestCa } from '../../../harness/ca.js';
import { attr, describe, startDriver } from './fixtures/drive.js';

type Listed = { id: string; spiffe_id: string } & Record<string, unknown>;

t.test('validation at plan time, with attribute paths', async (t) => {
  const d = await startDriver(t);
  const rows: { name: string; values: Record<string, Value>; path: string; match: RegExp }[] = [
    {
      name: 'spiffe_id must be a SPIFFE ID',
      values: { spiffe_id: 'spiffe://Ex ample' },
      path: 'spiffe_id',
      match: /SPIFFE ID/,
    },
    {
      name: 'parent_id must be a SPIFFE ID',
      values: { parent_id: 'node' },
      path: 'parent_id',
      match: /SPIFFE ID/,
    },
    {
      name: 'selectors are type:value',
      values: { selectors: ['unix'] },
      path: 'selectors',
      match: /element 0: must be a selector "type:value"/,
    },
    {
      name: 'a selector needs a value',
      values: { selectors: ['unix:'] },
      path: 'selectors',
      match: /non-empty value/,
    },
    {
      name: 'an empty selector set is refused (SPIRE: empty selector set)',
      values: { selectors: [] },
      path: 'selectors',
      match: /at least one selector/,
    },
    {
      name: 'selector_match is one of the match behaviours',
      values: { selectors: ['a:b'], selector_match: 'all' },
      path: 'selector_match',
      match: /must be one of "exact", "subset", "superset", "any"/,
    },
    {
      name: 'selector_match needs selectors',
      values: { selector_match: 'any' },
      path: 'selector_match',
      match: /set selectors too/,
    },
    {
      name: 'federates_with holds trust domain names',
      values: { federates_with: ['spiffe://peer.org'] },
      path: 'federates_with',
      match: /bare trust domain name/,
    },
    {
      name: 'federates_with_match needs federates_with',
      values: { federates_with_match: 'any' },
      path: 'federates_with_match',
      match: /set federates_with too/,
    },
  ];
  for (const row of rows) {
    const lines = describe(d.validateDataSource(entriesDataSource, d.config(entriesDataSource, row.values)));
    t.equal(lines.length, 1, `${row.name}: one error (${lines.join('; ')})`);
    t.match(lines[0], row.match, row.name);
    t.match(lines[0], new RegExp(`@ ${row.path}$`), `${row.name}: points at ${row.path}`);
  }
});

t.test('filters reach ListEntries and every field is mapped', async (t) => {
  const d = await startDriver(t);
  const peer = await createTestCa({ trustDomain: 'peer.org' });
  await d.client.bundles.batchSetFederatedBundles([
    { trustDomain: 'peer.org', x509Authorities: [new Uint8Array(peer.root.rawData)] },
  ]);
  const created = await d.client.entries.batchCreate([
    {
      id: 'tf-a',
      spiffeId: 'spiffe://example.org/a',
      parentId: 'spiffe://example.org/node/1',
      selectors: [
        { type: 'unix', value: 'uid:0' },
        { type: 'unix', value: 'gid:0' },
      ],
      x509SvidTtl: 3600,
      jwtSvidTtl: 300,
      federatesWith: ['peer.org'],
      admin: true,
      dnsNames: ['a.example.org'],
      hint: 'front',
      expiresAt: 4102444800,
    },
    {
      id: 'tf-b',
      spiffeId: 'spiffe://example.org/b',
      parentId: 'spiffe://example.org/node/2',
      selectors: [{ type: 'unix', value: 'uid:0' }],
      downstream: true,
    },
    {
      id: 'other-c',
      spiffeId: 'spiffe://example.org/c',
      parentId: 'spiffe://example.org/node/1',
      selectors: [{ type: 'k8s', value: 'ns:default' }],
    },
  ]);
  t.ok(
    created.every((r) => r.ok),
    'entries created through the API',
  );

  const ids = async (values: Record<string, Value>): Promise<string[]> => {
    const read = await d.readData(entriesDataSource, d.config(entriesDataSource, values));
    t.same(describe(read.diagnostics), [], JSON.stringify(values));
    return (attr(read.state, 'entries') as Listed[]).map((e) => e.id);
  };
  t.same(await ids({}), ['tf-a', 'tf-b', 'other-c'], 'no filter: every entry, in server order');
  t.same(await ids({ spiffe_id: 'spiffe://example.org/b' }), ['tf-b'], 'by spiffe_id');
  t.same(await ids({ parent_id: 'spiffe://example.org/node/1' }), ['tf-a', 'other-c'], 'by parent_id');
  t.same(await ids({ selectors: ['unix:uid:0'] }), ['tf-a', 'tf-b'], 'selectors default to superset');
  t.same(await ids({ selectors: ['unix:uid:0'], selector_match: 'exact' }), ['tf-b'], 'exact');
  t.same(
    await ids({ selectors: ['unix:uid:0', 'k8s:ns:default'], selector_match: 'any' }),
    ['tf-a', 'tf-b', 'other-c'],
    'any',
  );
  t.same(await ids({ federates_with: ['peer.org'] }), ['tf-a'], 'by federates_with');
  t.same(await ids({ hint: 'front' }), ['tf-a'], 'by hint');
  t.same(await ids({ downstream: true }), ['tf-b'], 'by downstream');

  const read = await d.readData(
    entriesDataSource,
    d.config(entriesDataSource, { selectors: ['unix:gid:0'] }),
  );
  t.equal(attr(read.state, 'selector_match'), 'superset', 'the default match is reported');
  t.equal(attr(read.state, 'federates_with_match'), null, 'no match without its filter');
  const [a] = attr(read.state, 'entries') as Listed[];
  t.match(a, {
    id: 'tf-a',
    spiffe_id: 'spiffe://example.org/a',
    parent_id: 'spiffe://example.org/node/1',
    selectors: ['unix:uid:0', 'unix:gid:0'],
    x509_svid_ttl: 3600,
    jwt_svid_ttl: 300,
    federates_with: ['peer.org'],
    admin: true,
    downstream: false,
    expires_at: '2100-01-01T00:00:00Z',
    dns_names: ['a.example.org'],
    revision_number: 0,
    store_svid: false,
    hint: 'front',
    additional_attributes: { disable_x509_svid_prefetch: false, jwt_svid_include_jti: false },
  });
  const createdAt = d.sim.ds.getEntry('tf-a')?.created_at ?? 0;
  t.equal(
    a?.created_at,
    new Date(createdAt * 1000).toISOString().replace('.000Z', 'Z'),
    'created_at as RFC 3339',
  );
  const [, b] = attr(
    (await d.readData(entriesDataSource, d.config(entriesDataSource, {}))).state,
    'entries',
  ) as Listed[];
  t.equal(b?.expires_at, null, 'expires_at is null for an entry that never expires');
});

// spire_entry without Terraform: plan-time validation (with attribute paths), what forces a replacement,
// the update mask, and how server entries become state.
import t from 'tap';
import { Diagnostics, formatPath } from '../../../../provider/framework/index.js';
import { planResource, validateResource } from '../../../../provider/framework/resource.js';
import type { Value } from '../../../../provider/framework/value.js';
import {
  changedFields,
  dnsNameProblem,
  entryResource,
  modelOf,
  parseSelector,
  ulid,
} from '../../../../provider/resources/entry.js';
import type { EntryModel } from '../../../../provider/resources/entry.js';
import type { Entry } from '../../../../src/core/spireapi/index.js';

const base: Record<string, Value> = {
  id: null,
  id_suffix: null,
  spiffe_id: 'spiffe://example.org/web',
  parent_id: 'spiffe://example.org/spire/agent/x',
  selectors: ['unix:uid:1000'],
  x509_svid_ttl: null,
  jwt_svid_ttl: null,
  federates_with: null,
  admin: null,
  downstream: null,
  expires_at: null,
  dns_names: null,
  revision_number: null,
  store_svid: null,
  hint: null,
  created_at: null,
  additional_attributes: null,
};

function problems(over: Record<string, Value>): { path: string; detail: string }[] {
  const diagnostics = new Diagnostics();
  validateResource(entryResource, { ...base, ...over }, diagnostics);
  return diagnostics.items.map((d) => ({ path: formatPath(d.path ?? []), detail: d.detail }));
}

t.test('a complete valid configuration has no problems', (t) => {
  t.strictSame(
    problems({
      id_suffix: 'web-1',
      selectors: ['unix:uid:1000', 'aws_iid:tag:role:etcd'],
      x509_svid_ttl: 3600,
      jwt_svid_ttl: 300,
      federates_with: ['partner.org'],
      admin: true,
      downstream: false,
      expires_at: '2030-01-01T00:00:00Z',
      dns_names: ['web.example.org', '*.web.example.org'],
      store_svid: false,
      hint: 'external',
      additional_attributes: { disable_x509_svid_prefetch: true, jwt_svid_include_jti: true },
    }),
    [],
  );
  t.end();
});

const invalid: [string, Record<string, Value>, string, RegExp][] = [
  [
    'spiffe_id must be a SPIFFE ID',
    { spiffe_id: 'http://example.org/web' },
    'spiffe_id',
    /not a valid SPIFFE ID/,
  ],
  ['spiffe_id needs a path', { spiffe_id: 'spiffe://example.org' }, 'spiffe_id', /needs a path/],
  [
    'spiffe_id cannot be in the reserved /spire namespace',
    { spiffe_id: 'spiffe://example.org/spire/x' },
    'spiffe_id',
    /reserved/,
  ],
  [
    'parent_id must be a SPIFFE ID',
    { parent_id: 'spiffe://Bad Domain/x' },
    'parent_id',
    /not a valid SPIFFE ID/,
  ],
  ['a selector needs "type:value"', { selectors: ['unix'] }, 'selectors', /must be "type:value"/],
  ['a selector needs a type', { selectors: [':uid:1'] }, 'selectors', /missing its type/],
  ['a selector needs a value', { selectors: ['unix:'] }, 'selectors', /missing its value/],
  ['selectors cannot be empty', { selectors: [] }, 'selectors', /at least one selector/],
  ['a TTL is a whole number of seconds', { x509_svid_ttl: 1.5 }, 'x509_svid_ttl', /whole number/],
  ['a TTL is not negative', { jwt_svid_ttl: -1 }, 'jwt_svid_ttl', /whole number between 0/],
  ['a TTL fits in int32', { x509_svid_ttl: 2 ** 31 }, 'x509_svid_ttl', /2147483647/],
  ['a DNS name has no empty label', { dns_names: ['a..b'] }, 'dns_names', /empty label/],
  ['a DNS name has a wildcard only as first label', { dns_names: ['a.*.b'] }, 'dns_names', /wildcard/],
  [
    'a DNS name label does not start with "-"',
    { dns_names: ['-a.b'] },
    'dns_names',
    /starts or ends with "-"/,
  ],
  [
    'federates_with takes trust domain names',
    { federates_with: ['spiffe://partner.org'] },
    'federates_with',
    /trust domain name "partner.org"/,
  ],
  ['expires_at is RFC 3339', { expires_at: '2030-01-01' }, 'expires_at', /RFC 3339/],
  ['hint is at most 1024 bytes', { hint: 'x'.repeat(1025) }, 'hint', /1024 bytes/],
  ['id_suffix uses SPIRE entry ID characters', { id_suffix: 'a/b' }, 'id_suffix', /entry ID characters/],
  [
    'store_svid needs selectors of one type',
    { store_svid: true, selectors: ['unix:uid:1', 'k8s:ns:a'] },
    'selectors',
    /same type/,
  ],
  [
    'store_svid excludes disabled prefetch',
    {
      store_svid: true,
      additional_attributes: { disable_x509_svid_prefetch: true, jwt_svid_include_jti: null },
    },
    'store_svid',
    /incompatible with storable SVIDs/,
  ],
];

for (const [name, over, at, detail] of invalid) {
  t.test(`plan-time validation: ${name}, reported at ${at}`, (t) => {
    const found = problems(over);
    t.equal(found.length, 1, JSON.stringify(found));
    t.equal(found[0]?.path, at);
    t.match(found[0]?.detail, detail);
    t.end();
  });
}

t.test('selectors split at the first colon, as spire-server entry create does', (t) => {
  t.strictSame(parseSelector('aws_iid:tag:role:etcd'), { type: 'aws_iid', value: 'tag:role:etcd' });
  t.strictSame(parseSelector('k8s:ns:default'), { type: 'k8s', value: 'ns:default' });
  t.end();
});

t.test('DNS names SPIRE accepts pass (underscore and upper case included)', (t) => {
  for (const name of ['example.org', '*.example.org', 'My_Host.example.org', 'a'.repeat(63) + '.org']) {
    t.equal(dnsNameProblem(name), undefined, name);
  }
  t.match(dnsNameProblem('a'.repeat(64) + '.org'), /longer than 63/);
  t.match(dnsNameProblem('example.org.'), /end with a dot/);
  t.match(dnsNameProblem('exämple.org'), /ASCII/);
  t.end();
});

const priorState: Value = {
  ...base,
  id: 'tf-web',
  id_suffix: 'web',
  x509_svid_ttl: 0,
  jwt_svid_ttl: 0,
  federates_with: [],
  admin: false,
  downstream: false,
  dns_names: [],
  revision_number: 0,
  store_svid: false,
  hint: '',
  created_at: '2026-01-01T00:00:00Z',
  additional_attributes: { disable_x509_svid_prefetch: false, jwt_svid_include_jti: false },
};

function plan(configOver: Record<string, Value>): { replace: string[]; planned: Value } {
  const config: Value = { ...base, ...configOver };
  // Terraform's proposed new state: the configuration, with prior values for unset computed attributes.
  const proposed: Record<string, Value> = { ...(config as Record<string, Value>) };
  for (const [k, v] of Object.entries(priorState as Record<string, Value>)) {
    if (proposed[k] === null && !['expires_at'].includes(k)) proposed[k] = v;
  }
  const diagnostics = new Diagnostics();
  const result = planResource(
    entryResource,
    { prior: priorState, proposed, config, priorPrivate: new Uint8Array() },
    diagnostics,
  );
  t.strictSame(diagnostics.items, []);
  return { replace: result.requiresReplace.map((p) => formatPath(p)), planned: result.planned };
}

t.test('every field but the ID changes in place (BatchUpdateEntry masks all of them)', (t) => {
  const changes: Record<string, Value>[] = [
    { spiffe_id: 'spiffe://example.org/other' },
    { parent_id: 'spiffe://example.org/spire/agent/y' },
    { selectors: ['unix:uid:2'] },
    { x509_svid_ttl: 60 },
    { jwt_svid_ttl: 60 },
    { federates_with: ['partner.org'] },
    { admin: true },
    { downstream: true },
    { expires_at: '2030-01-01T00:00:00Z' },
    { dns_names: ['a.example.org'] },
    { store_svid: true },
    { hint: 'h' },
    { additional_attributes: { disable_x509_svid_prefetch: true, jwt_svid_include_jti: null } },
  ];
  for (const change of changes) {
    t.strictSame(plan(change).replace, [], `in place: ${Object.keys(change).join()}`);
  }
  t.end();
});

t.test('changing id_suffix replaces the entry; leaving it unset keeps the ID', (t) => {
  t.strictSame(plan({ id_suffix: 'web2' }).replace, ['id_suffix']);
  const kept = plan({ hint: 'changed' }).planned as Record<string, Value>;
  t.equal(kept.id, 'tf-web');
  t.equal(kept.id_suffix, 'web');
  t.equal(kept.created_at, '2026-01-01T00:00:00Z');
  t.end();
});

function model(over: Partial<EntryModel> = {}): EntryModel {
  return {
    id: 'tf-web',
    id_suffix: 'web',
    spiffe_id: 'spiffe://example.org/web',
    parent_id: 'spiffe://example.org/spire/agent/x',
    selectors: ['unix:uid:1', 'k8s:ns:a'],
    x509_svid_ttl: 0,
    jwt_svid_ttl: 0,
    federates_with: ['a.org', 'b.org'],
    admin: false,
    downstream: false,
    expires_at: null,
    dns_names: ['x.org', 'y.org'],
    revision_number: 1,
    store_svid: false,
    hint: '',
    created_at: null,
    additional_attributes: { disable_x509_svid_prefetch: false, jwt_svid_include_jti: false },
    ...over,
  };
}

t.test('the update mask names exactly the changed fields', (t) => {
  t.strictSame(changedFields(model(), model()), []);
  t.strictSame(
    changedFields(
      model(),
      model({ selectors: ['k8s:ns:a', 'unix:uid:1'], federates_with: ['b.org', 'a.org'] }),
    ),
    [],
    'set order does not matter',
  );
  t.strictSame(
    changedFields(model(), model({ dns_names: ['y.org', 'x.org'] })),
    ['dnsNames'],
    'list order does',
  );
  t.strictSame(
    changedFields(model(), model({ hint: 'h', x509_svid_ttl: 5, revision_number: 9 })),
    ['x509SvidTtl', 'hint'],
    'computed values are never sent',
  );
  t.strictSame(
    changedFields(
      model({ expires_at: '2030-01-01T00:00:00Z' }),
      model({ expires_at: '2030-01-01T01:00:00+01:00' }),
    ),
    [],
    'the same instant written differently is no change',
  );
  t.strictSame(
    changedFields(
      model(),
      model({ additional_attributes: { disable_x509_svid_prefetch: false, jwt_svid_include_jti: true } }),
    ),
    ['additionalAttributes'],
  );
  t.end();
});

const serverEntry: Entry = {
  id: 'tf-web',
  spiffeId: 'spiffe://example.org/web',
  parentId: 'spiffe://example.org/spire/agent/x',
  selectors: [{ type: 'aws_iid', value: 'tag:role:etcd' }],
  x509SvidTtl: 0,
  jwtSvidTtl: 0,
  federatesWith: [],
  admin: false,
  downstream: false,
  expiresAt: 1893456000,
  dnsNames: [],
  revisionNumber: 3,
  storeSvid: false,
  hint: '',
  createdAt: 1767225600,
};

t.test('state from a server entry', (t) => {
  const m = modelOf(serverEntry, 'tf-');
  t.equal(m.id_suffix, 'web', 'the suffix is the ID after the prefix');
  t.strictSame(m.selectors, ['aws_iid:tag:role:etcd']);
  t.equal(m.expires_at, '2030-01-01T00:00:00Z');
  t.equal(m.created_at, '2026-01-01T00:00:00Z');
  t.strictSame(m.additional_attributes, { disable_x509_svid_prefetch: false, jwt_svid_include_jti: false });
  t.equal(
    modelOf(serverEntry, 'tf-', { expires_at: '2030-01-01T01:00:00+01:00' }).expires_at,
    '2030-01-01T01:00:00+01:00',
    'the configured spelling of the same instant is kept (no false drift)',
  );
  t.equal(
    modelOf({ ...serverEntry, expiresAt: 1893456001 }, 'tf-', { expires_at: '2030-01-01T00:00:00Z' })
      .expires_at,
    '2030-01-01T00:00:01Z',
    'a different instant is drift',
  );
  t.equal(modelOf({ ...serverEntry, expiresAt: 0 }, 'tf-').expires_at, null);
  t.equal(modelOf({ ...serverEntry, id: 'other' }, 'tf-').id_suffix, null, 'a foreign entry has no suffix');
  t.end();
});

t.test('generated ID suffixes are ULIDs: 26 characters, ordered by time', (t) => {
  const a = ulid(1_700_000_000_000);
  const b = ulid(1_700_000_000_001);
  t.match(a, /^[0-9A-HJKMNP-TV-Z]{26}$/);
  t.ok(a.slice(0, 10) < b.slice(0, 10));
  t.not(ulid(), ulid());
  t.end();
});

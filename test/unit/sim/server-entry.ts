// entry.v1 of the SPIRE test double, through a real grpc-js client on the local socket. Each row is one
// SPIRE rule with the status code and message SPIRE sends; the rule's source is named in the row.
import t from 'tap';
import type { Entry__Input } from '../../../src/core/generated/spire/api/types/Entry.js';
import type { EntryMask__Input } from '../../../src/core/generated/spire/api/types/EntryMask.js';
import type { ListEntriesRequest__Input } from '../../../src/core/generated/spire/api/server/entry/v1/ListEntriesRequest.js';
import {
  AGENT_PATH,
  TD,
  createEntries,
  entryInput,
  foreignBundle,
  startServerRig,
} from './fixtures/server.js';

const INVALID_ARGUMENT = 3;
const NOT_FOUND = 5;
const ALREADY_EXISTS = 6;
const INTERNAL = 13;

const TD_CHARS =
  'trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores';

interface Row {
  name: string;
  entry: Entry__Input;
  code: number;
  message: string;
}

// One row per validation rule of BatchCreateEntry, in SPIRE's wording.
const createRules: Row[] = [
  // pkg/server/api/id.go IDFromProto
  {
    name: 'rejects a missing parent ID (api/id.go IDFromProto)',
    entry: entryInput({ parent_id: null }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: invalid parent ID: request must specify SPIFFE ID',
  },
  // pkg/server/api/id.go VerifyTrustDomainMemberID
  {
    name: 'rejects a parent ID in another trust domain (api/id.go VerifyTrustDomainMemberID)',
    entry: entryInput({ parent_id: { trust_domain: 'other.org', path: '/agent' } }),
    code: INVALID_ARGUMENT,
    message: `failed to convert entry: invalid parent ID: "spiffe://other.org/agent" is not a member of trust domain "${TD}"`,
  },
  {
    name: 'rejects a parent ID without a path (api/id.go VerifyTrustDomainMemberID)',
    entry: entryInput({ parent_id: { trust_domain: TD, path: '' } }),
    code: INVALID_ARGUMENT,
    message: `failed to convert entry: invalid parent ID: "spiffe://${TD}" is not a member of trust domain "${TD}"; path is empty`,
  },
  // go-spiffe spiffeid/trustdomain.go
  {
    name: 'rejects upper case in a trust domain (go-spiffe TrustDomainFromString)',
    entry: entryInput({ parent_id: { trust_domain: 'Example.org', path: '/agent' } }),
    code: INVALID_ARGUMENT,
    message: `failed to convert entry: invalid parent ID: ${TD_CHARS}`,
  },
  {
    name: 'rejects an empty trust domain (go-spiffe errMissingTrustDomain)',
    entry: entryInput({ spiffe_id: { trust_domain: '', path: '/w' } }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: invalid spiffe ID: trust domain is missing',
  },
  {
    name: 'rejects a missing SPIFFE ID (api/id.go IDFromProto)',
    entry: entryInput({ spiffe_id: null }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: invalid spiffe ID: request must specify SPIFFE ID',
  },
  // pkg/server/api/id.go VerifyTrustDomainWorkloadID
  {
    name: 'rejects a SPIFFE ID in another trust domain (api/id.go VerifyTrustDomainWorkloadID)',
    entry: entryInput({ spiffe_id: { trust_domain: 'other.org', path: '/w' } }),
    code: INVALID_ARGUMENT,
    message: `failed to convert entry: invalid spiffe ID: "spiffe://other.org/w" is not a member of trust domain "${TD}"`,
  },
  {
    name: 'rejects a SPIFFE ID without a path (api/id.go VerifyTrustDomainWorkloadID)',
    entry: entryInput({ spiffe_id: { trust_domain: TD, path: '' } }),
    code: INVALID_ARGUMENT,
    message: `failed to convert entry: invalid spiffe ID: "spiffe://${TD}" is not a workload in trust domain "${TD}"; path is empty`,
  },
  {
    name: 'rejects a SPIFFE ID in the reserved /spire namespace (idutil.IsReservedPath)',
    entry: entryInput({ spiffe_id: { trust_domain: TD, path: '/spire/thing' } }),
    code: INVALID_ARGUMENT,
    message: `failed to convert entry: invalid spiffe ID: "spiffe://${TD}/spire/thing" is not a workload in trust domain "${TD}"; path is in the reserved namespace`,
  },
  // go-spiffe spiffeid/path.go ValidatePath
  {
    name: 'rejects a path without a leading slash (go-spiffe ValidatePath)',
    entry: entryInput({ spiffe_id: { trust_domain: TD, path: 'w' } }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: invalid spiffe ID: path must have a leading slash',
  },
  {
    name: 'rejects empty path segments (go-spiffe ValidatePath)',
    entry: entryInput({ spiffe_id: { trust_domain: TD, path: '/a//b' } }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: invalid spiffe ID: path cannot contain empty segments',
  },
  {
    name: 'rejects dot segments (go-spiffe ValidatePath)',
    entry: entryInput({ spiffe_id: { trust_domain: TD, path: '/a/../b' } }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: invalid spiffe ID: path cannot contain dot segments',
  },
  {
    name: 'rejects a trailing slash (go-spiffe ValidatePath)',
    entry: entryInput({ spiffe_id: { trust_domain: TD, path: '/a/' } }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: invalid spiffe ID: path cannot have a trailing slash',
  },
  {
    name: 'rejects characters outside the path charset (go-spiffe ValidatePath)',
    entry: entryInput({ spiffe_id: { trust_domain: TD, path: '/a b' } }),
    code: INVALID_ARGUMENT,
    message:
      'failed to convert entry: invalid spiffe ID: path segment characters are limited to letters, numbers, dots, dashes, and underscores',
  },
  // pkg/common/x509util/dns.go ValidateLabel
  {
    name: 'rejects a non-ASCII DNS name (x509util ErrNameMustBeASCII)',
    entry: entryInput({ dns_names: ['bücher.example'] }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: invalid DNS name: name must be ascii',
  },
  {
    name: 'rejects two wildcards (x509util ErrTooManyWildcards)',
    entry: entryInput({ dns_names: ['*.a.*.b'] }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: invalid DNS name: too many wildcards',
  },
  {
    name: 'rejects a wildcard outside the first label (x509util ErrWildcardMustBeFirstLabel)',
    entry: entryInput({ dns_names: ['a.*.b'] }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: invalid DNS name: wildcard must be first label',
  },
  {
    name: 'rejects a blank DNS name (x509util ErrEmptyDomain)',
    entry: entryInput({ dns_names: ['  '] }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: invalid DNS name: empty or only whitespace',
  },
  {
    name: 'rejects a DNS name ending with a dot (x509util ErrDomainEndsWithDot)',
    entry: entryInput({ dns_names: ['example.com.'] }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: invalid DNS name: domain ends with dot',
  },
  {
    name: 'rejects a label starting with a hyphen (idna CheckHyphens)',
    entry: entryInput({ dns_names: ['-web.example.com'] }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: invalid DNS name: idna error\nidna: invalid label "-web"',
  },
  {
    name: 'rejects an empty label (idna VerifyDNSLength)',
    entry: entryInput({ dns_names: ['a..example.com'] }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: invalid DNS name: idna error\nidna: invalid label "a..example.com"',
  },
  {
    name: 'rejects a label over 63 bytes (idna VerifyDNSLength)',
    entry: entryInput({ dns_names: [`${'a'.repeat(64)}.example.com`] }),
    code: INVALID_ARGUMENT,
    message: `failed to convert entry: invalid DNS name: idna error\nidna: invalid label "${'a'.repeat(64)}"`,
  },
  {
    name: 'rejects a name over 253 bytes (idna VerifyDNSLength)',
    entry: entryInput({ dns_names: [Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.')] }),
    code: INVALID_ARGUMENT,
    message: `failed to convert entry: invalid DNS name: idna error\nidna: invalid label "${Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.')}"`,
  },
  // pkg/server/api/entry.go ProtoToRegistrationEntryWithMask
  {
    name: 'rejects a bad federated trust domain (api/entry.go)',
    entry: entryInput({ federates_with: ['Other.org'] }),
    code: INVALID_ARGUMENT,
    message: `failed to convert entry: invalid federated trust domain: ${TD_CHARS}`,
  },
  {
    name: 'rejects an empty selector list (api/entry.go)',
    entry: entryInput({ selectors: [] }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: selector list is empty',
  },
  // pkg/server/api/selector.go SelectorsFromProto
  {
    name: 'rejects a selector without a type (api/selector.go)',
    entry: entryInput({ selectors: [{ type: '', value: 'uid:1' }] }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: missing selector type',
  },
  {
    name: "rejects a selector type containing ':' (api/selector.go)",
    entry: entryInput({ selectors: [{ type: 'unix:uid', value: '1' }] }),
    code: INVALID_ARGUMENT,
    message: "failed to convert entry: selector type contains ':'",
  },
  {
    name: 'rejects a selector without a value (api/selector.go)',
    entry: entryInput({ selectors: [{ type: 'unix', value: '' }] }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: missing selector value',
  },
  {
    name: 'rejects a hint over 1024 characters (api/entry.go hintMaximumLength)',
    entry: entryInput({ hint: 'h'.repeat(1025) }),
    code: INVALID_ARGUMENT,
    message: 'failed to convert entry: hint is too long, max length is 1024 characters',
  },
  // pkg/server/datastore/sqlstore/sqlstore.go validateRegistrationEntry
  {
    name: 'rejects store_svid with mixed selector types (sqlstore validateRegistrationEntry)',
    entry: entryInput({
      store_svid: true,
      selectors: [
        { type: 'unix', value: 'uid:1' },
        { type: 'k8s', value: 'ns:default' },
      ],
    }),
    code: INVALID_ARGUMENT,
    message:
      'failed to create entry: datastore-validation: invalid registration entry: selector types must be the same when store SVID is enabled',
  },
  {
    name: 'rejects store_svid with prefetch disabled (sqlstore validateRegistrationEntry)',
    entry: entryInput({ store_svid: true, additional_attributes: { disable_x509_svid_prefetch: true } }),
    code: INVALID_ARGUMENT,
    message:
      'failed to create entry: datastore-validation: specifying cache behaviour is incompatible with storable SVIDs',
  },
  {
    name: 'rejects an entry ID over 255 bytes (sqlstore validateRegistrationEntry)',
    entry: entryInput({ id: 'x'.repeat(256) }),
    code: INVALID_ARGUMENT,
    message: 'failed to create entry: datastore-validation: invalid registration entry: entry ID too long',
  },
  {
    name: 'rejects entry ID characters outside [A-Za-z0-9._-] (sqlstore validEntryIDChars)',
    entry: entryInput({ id: 'bad/id' }),
    code: INVALID_ARGUMENT,
    message:
      'failed to create entry: datastore-validation: invalid registration entry: entry ID contains invalid characters',
  },
  {
    name: 'rejects a negative X509-SVID TTL (sqlstore validateRegistrationEntry)',
    entry: entryInput({ x509_svid_ttl: -1 }),
    code: INVALID_ARGUMENT,
    message:
      'failed to create entry: datastore-validation: invalid registration entry: X509SvidTtl is not set',
  },
  {
    name: 'rejects a negative JWT-SVID TTL (sqlstore validateRegistrationEntry)',
    entry: entryInput({ jwt_svid_ttl: -1 }),
    code: INVALID_ARGUMENT,
    message:
      'failed to create entry: datastore-validation: invalid registration entry: JwtSvidTtl is not set',
  },
  // sqlstore.go makeFederatesWith (a plain error: Unknown, turned into Internal by the entry service)
  {
    name: 'rejects federating with a trust domain that has no bundle (sqlstore makeFederatesWith)',
    entry: entryInput({ federates_with: ['nobundle.org'] }),
    code: INTERNAL,
    message: 'failed to create entry: unable to find federated bundle "spiffe://nobundle.org"',
  },
  // sqlstore models.go: unique (registered_entry_id, type, value) on selectors
  {
    name: 'rejects a repeated selector (selectors unique index)',
    entry: entryInput({
      selectors: [
        { type: 'unix', value: 'uid:1' },
        { type: 'unix', value: 'uid:1' },
      ],
    }),
    code: ALREADY_EXISTS,
    message:
      'failed to create entry: datastore-sql: UNIQUE constraint failed: selectors.registered_entry_id, selectors.type, selectors.value',
  },
];

t.test('BatchCreateEntry validation', async (t) => {
  const { local } = await startServerRig(t);
  for (const row of createRules) {
    t.test(row.name, async (t) => {
      const response = await local.entry.BatchCreateEntry({ entries: [row.entry] });
      const result = response.results[0];
      t.equal(response.results.length, 1);
      t.equal(result?.status?.code, row.code);
      t.equal(result?.status?.message, row.message);
      t.equal(result?.entry, null, 'no entry on failure');
    });
  }
  t.test('nothing invalid was stored', async (t) => {
    t.equal((await local.entry.CountEntries({})).count, 0);
  });
});

t.test('BatchCreateEntry accepts what SPIRE accepts', async (t) => {
  const { local } = await startServerRig(t);
  t.test('a trust domain given as a SPIFFE ID (go-spiffe TrustDomainFromString)', async (t) => {
    const [entry] = await createEntries(t, local.entry, [
      entryInput({ spiffe_id: { trust_domain: `spiffe://${TD}`, path: '/td-as-id' } }),
    ]);
    t.same(entry?.spiffe_id, { trust_domain: TD, path: '/td-as-id' });
  });
  t.test(
    'DNS names with a leading wildcard, upper case and underscores (x509util + idna profile)',
    async (t) => {
      const dnsNames = ['*.example.com', 'Web_1.Example.com', 'xn--ls8h.org'];
      const [entry] = await createEntries(t, local.entry, [
        entryInput({ spiffe_id: { trust_domain: TD, path: '/dns' }, dns_names: dnsNames }),
      ]);
      t.same(entry?.dns_names, dnsNames);
    },
  );
  t.test('federating with a trust domain that has a bundle, given as name or ID', async (t) => {
    await local.bundle.BatchCreateFederatedBundle({ bundle: [await foreignBundle('other.org')] });
    const [entry] = await createEntries(t, local.entry, [
      entryInput({
        spiffe_id: { trust_domain: TD, path: '/fed' },
        federates_with: ['other.org', 'spiffe://other.org'],
      }),
    ]);
    t.same(entry?.federates_with, ['other.org'], 'stored once, as a name');
  });
  t.test('a caller-chosen ID is kept; an empty one becomes a UUID', async (t) => {
    const [chosen, generated] = await createEntries(t, local.entry, [
      entryInput({ id: 'Team_A.entry-1', spiffe_id: { trust_domain: TD, path: '/chosen' } }),
      entryInput({ spiffe_id: { trust_domain: TD, path: '/generated' } }),
    ]);
    t.equal(chosen?.id, 'Team_A.entry-1');
    t.match(generated?.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  t.test('server-owned fields: revision 0 and created_at now, whatever the caller sent', async (t) => {
    const before = Math.floor(Date.now() / 1000);
    const [entry] = await createEntries(t, local.entry, [
      entryInput({ spiffe_id: { trust_domain: TD, path: '/owned' }, revision_number: 7, created_at: 5 }),
    ]);
    t.equal(entry?.revision_number, 0);
    t.ok((entry?.created_at ?? 0) >= before);
  });
});

t.test(
  'BatchCreateEntry returns the existing entry for a similar one (sqlstore createOrReturnRegistrationEntry)',
  async (t) => {
    const { local } = await startServerRig(t);
    const [first] = await createEntries(t, local.entry, [
      entryInput({
        id: 'first',
        selectors: [
          { type: 'unix', value: 'uid:1' },
          { type: 'unix', value: 'gid:2' },
        ],
      }),
    ]);
    const response = await local.entry.BatchCreateEntry({
      entries: [
        // Same SPIFFE ID, parent and selector set (other order), other ID and fields.
        entryInput({
          id: 'second',
          hint: 'different',
          selectors: [
            { type: 'unix', value: 'gid:2' },
            { type: 'unix', value: 'uid:1' },
          ],
        }),
      ],
    });
    const result = response.results[0];
    t.equal(result?.status?.code, ALREADY_EXISTS);
    t.equal(result?.status?.message, 'similar entry already exists');
    t.equal(result?.entry?.id, first?.id, 'the existing entry comes back');
    t.equal(result?.entry?.hint, '');
    t.equal((await local.entry.CountEntries({})).count, 1);

    t.test('a different selector set is not similar', async (t) => {
      await createEntries(t, local.entry, [
        entryInput({ id: 'third', selectors: [{ type: 'unix', value: 'uid:1' }] }),
      ]);
    });
    t.test('an existing ID that is not similar is a unique-constraint failure', async (t) => {
      const dup = await local.entry.BatchCreateEntry({
        entries: [entryInput({ id: 'first', spiffe_id: { trust_domain: TD, path: '/other' } })],
      });
      t.equal(dup.results[0]?.status?.code, ALREADY_EXISTS);
      t.equal(
        dup.results[0]?.status?.message,
        'failed to create entry: datastore-sql: UNIQUE constraint failed: registered_entries.entry_id',
      );
    });
  },
);

t.test(
  'Batch results keep request order with one status per item, and OK reads "OK" (api/status.go OK)',
  async (t) => {
    const { local } = await startServerRig(t);
    const response = await local.entry.BatchCreateEntry({
      entries: [
        entryInput({ spiffe_id: { trust_domain: TD, path: '/a' } }),
        entryInput({ spiffe_id: null }),
        entryInput({ spiffe_id: { trust_domain: TD, path: '/c' } }),
      ],
    });
    t.same(
      response.results.map((r) => [r.status?.code, r.status?.message, r.entry?.spiffe_id?.path]),
      [
        [0, 'OK', '/a'],
        [
          INVALID_ARGUMENT,
          'failed to convert entry: invalid spiffe ID: request must specify SPIFFE ID',
          undefined,
        ],
        [0, 'OK', '/c'],
      ],
    );
  },
);

t.test('an injected per-item failure replaces that item only, once', async (t) => {
  const { sim, local } = await startServerRig(t);
  sim.controls.injectBatchFailure({
    method: 'BatchCreateEntry',
    index: 1,
    code: 14,
    message: 'simulated outage',
  });
  const entries = [1, 2, 3].map((n) => entryInput({ spiffe_id: { trust_domain: TD, path: `/inj${n}` } }));
  const first = await local.entry.BatchCreateEntry({ entries });
  t.same(
    first.results.map((r) => r.status?.code),
    [0, 14, 0],
  );
  t.equal(first.results[1]?.status?.message, 'simulated outage');
  t.equal(first.results[1]?.entry, null);
  t.equal((await local.entry.CountEntries({})).count, 2, 'the failed item was not applied');
  const again = await local.entry.BatchCreateEntry({ entries: [entries[1] ?? {}] });
  t.equal(again.results[0]?.status?.code, 0, 'the next call is unaffected');

  t.test('on update and delete too', async (t) => {
    const all = (await local.entry.ListEntries({})).entries;
    sim.controls.injectBatchFailure({ method: 'BatchUpdateEntry', index: 0, code: 13, message: 'boom' });
    const update = await local.entry.BatchUpdateEntry({
      entries: [{ ...all[0], hint: 'x' }],
      input_mask: { hint: true },
    });
    t.same([update.results[0]?.status?.code, update.results[0]?.status?.message], [13, 'boom']);
    sim.controls.injectBatchFailure({ method: 'BatchDeleteEntry', index: 0, code: 4, message: 'slow' });
    const del = await local.entry.BatchDeleteEntry({ ids: [all[0]?.id ?? ''] });
    t.same([del.results[0]?.status?.code, del.results[0]?.id], [4, all[0]?.id]);
    t.equal((await local.entry.CountEntries({})).count, 3);
  });
});

t.test('GetEntry (entry/v1/service.go GetEntry)', async (t) => {
  const { local } = await startServerRig(t);
  const [created] = await createEntries(t, local.entry, [
    entryInput({ id: 'get-me', hint: 'h', dns_names: ['a.example'] }),
  ]);
  t.test('returns the stored entry', async (t) => {
    t.same(await local.entry.GetEntry({ id: 'get-me' }), created);
  });
  t.test('rejects an empty ID', async (t) => {
    await t.rejects(local.entry.GetEntry({ id: '' }), { code: INVALID_ARGUMENT, details: 'missing ID' });
  });
  t.test('NOT_FOUND "entry not found" for an unknown ID', async (t) => {
    await t.rejects(local.entry.GetEntry({ id: 'nope' }), { code: NOT_FOUND, details: 'entry not found' });
  });
  t.test('output_mask keeps the ID and the selected fields only (service.go applyMask)', async (t) => {
    const entry = await local.entry.GetEntry({ id: 'get-me', output_mask: { hint: true } });
    t.equal(entry.id, 'get-me');
    t.equal(entry.hint, 'h');
    t.equal(entry.spiffe_id, null);
    t.equal(entry.parent_id, null);
    t.same(entry.selectors, []);
    t.same(entry.dns_names, []);
    t.equal(entry.created_at, 0);
  });
});

t.test('BatchDeleteEntry (entry/v1/service.go deleteEntry)', async (t) => {
  const { local } = await startServerRig(t);
  await createEntries(t, local.entry, [entryInput({ id: 'del-me' })]);
  const response = await local.entry.BatchDeleteEntry({ ids: ['del-me', 'del-me', ''] });
  t.same(
    response.results.map((r) => [r.id, r.status?.code, r.status?.message]),
    [
      ['del-me', 0, 'OK'],
      ['del-me', NOT_FOUND, 'entry not found'],
      ['', INVALID_ARGUMENT, 'missing entry ID'],
    ],
  );
  t.equal((await local.entry.CountEntries({})).count, 0);
});

t.test('BatchUpdateEntry', async (t) => {
  const { local } = await startServerRig(t);
  const base = entryInput({
    id: 'upd',
    hint: 'old',
    dns_names: ['old.example'],
    x509_svid_ttl: 60,
    selectors: [{ type: 'unix', value: 'uid:1' }],
  });
  await createEntries(t, local.entry, [base]);

  t.test(
    'an input mask changes only the masked fields and bumps revision_number (entry.go, sqlstore)',
    async (t) => {
      const response = await local.entry.BatchUpdateEntry({
        // spiffe_id is missing, which is fine because it is not in the mask.
        entries: [{ id: 'upd', spiffe_id: null, hint: 'new', dns_names: ['ignored.example'] }],
        input_mask: { hint: true },
      });
      const result = response.results[0];
      t.equal(result?.status?.code, 0);
      t.equal(result?.entry?.hint, 'new');
      t.same(result?.entry?.dns_names, ['old.example']);
      t.equal(result?.entry?.x509_svid_ttl, 60);
      t.equal(result?.entry?.revision_number, 1);
    },
  );

  t.test('no input mask means every field (entry.go: nil mask = all fields)', async (t) => {
    const response = await local.entry.BatchUpdateEntry({
      entries: [{ ...base, hint: 'all' }].map((e) => ({ ...e, dns_names: [], x509_svid_ttl: 0 })),
    });
    const entry = response.results[0]?.entry;
    t.equal(entry?.hint, 'all');
    t.same(entry?.dns_names, [], 'omitted fields are cleared');
    t.equal(entry?.x509_svid_ttl, 0);
    t.equal(entry?.revision_number, 2);
  });

  t.test('output_mask shapes the returned entry', async (t) => {
    const response = await local.entry.BatchUpdateEntry({
      entries: [{ id: 'upd', hint: 'masked' }],
      input_mask: { hint: true },
      output_mask: { revision_number: true },
    });
    const entry = response.results[0]?.entry;
    t.equal(entry?.id, 'upd');
    t.equal(entry?.hint, '');
    t.equal(entry?.revision_number, 3);
    t.equal((await local.entry.GetEntry({ id: 'upd' })).hint, 'masked');
  });

  const updateRules: {
    name: string;
    entry: Entry__Input;
    mask?: EntryMask__Input;
    code: number;
    message: string;
  }[] = [
    {
      name: 'NOT_FOUND "failed to update entry" for an unknown ID, without the cause (api/status.go MakeErr)',
      entry: { id: 'missing', hint: 'x' },
      mask: { hint: true },
      code: NOT_FOUND,
      message: 'failed to update entry',
    },
    {
      name: 'masked fields are validated like on create (api/entry.go)',
      entry: { id: 'upd', spiffe_id: { trust_domain: TD, path: '/spire/x' } },
      mask: { spiffe_id: true },
      code: INVALID_ARGUMENT,
      message: `failed to convert entry: invalid spiffe ID: "spiffe://${TD}/spire/x" is not a workload in trust domain "${TD}"; path is in the reserved namespace`,
    },
    {
      name: 'a negative TTL fails datastore validation for update (sqlstore validateRegistrationEntryForUpdate)',
      entry: { id: 'upd', x509_svid_ttl: -5 },
      mask: { x509_svid_ttl: true },
      code: INVALID_ARGUMENT,
      message:
        'failed to update entry: datastore-validation: invalid registration entry: X509SvidTtl is not set',
    },
    {
      name: 'a negative JWT TTL fails datastore validation for update (sqlstore validateRegistrationEntryForUpdate)',
      entry: { id: 'upd', jwt_svid_ttl: -5 },
      mask: { jwt_svid_ttl: true },
      code: INVALID_ARGUMENT,
      message:
        'failed to update entry: datastore-validation: invalid registration entry: JwtSvidTtl is not set',
    },
    {
      name: 'store_svid is checked against the stored selectors (sqlstore updateRegistrationEntry)',
      entry: { id: 'upd', store_svid: true, selectors: [] },
      mask: { store_svid: true },
      code: 0,
      message: 'OK',
    },
    {
      name: 'store_svid with mixed final selector types is rejected (sqlstore updateRegistrationEntry)',
      entry: {
        id: 'upd',
        selectors: [
          { type: 'unix', value: 'uid:1' },
          { type: 'docker', value: 'image:x' },
        ],
      },
      mask: { selectors: true },
      code: INVALID_ARGUMENT,
      message:
        'failed to update entry: datastore-validation: invalid registration entry: selector types must be the same when store SVID is enabled',
    },
    {
      name: 'federating with an unknown bundle is Internal (sqlstore makeFederatesWith)',
      entry: { id: 'upd', federates_with: ['ghost.org'] },
      mask: { federates_with: true },
      code: INTERNAL,
      message: 'failed to update entry: unable to find federated bundle "spiffe://ghost.org"',
    },
  ];
  for (const row of updateRules) {
    t.test(row.name, async (t) => {
      const response = await local.entry.BatchUpdateEntry({
        entries: [row.entry],
        input_mask: row.mask ?? null,
      });
      t.equal(response.results[0]?.status?.code, row.code);
      t.equal(response.results[0]?.status?.message, row.message);
    });
  }
});

t.test('ListEntries paging (entry/v1/service.go, sqlstore listRegistrationEntries)', async (t) => {
  const { local } = await startServerRig(t);
  const created = await createEntries(
    t,
    local.entry,
    Array.from({ length: 7 }, (_, i) =>
      entryInput({ id: `e${i}`, spiffe_id: { trust_domain: TD, path: `/p${i}` } }),
    ),
  );
  t.test('page_size 0 returns everything in one response without a token', async (t) => {
    const response = await local.entry.ListEntries({ page_size: 0 });
    t.equal(response.entries.length, 7);
    t.equal(response.next_page_token, '');
  });
  t.test('pages of 3 walk all entries in creation order and end with an empty page', async (t) => {
    const pages: string[][] = [];
    let token = '';
    for (let i = 0; i < 10; i++) {
      const response = await local.entry.ListEntries({ page_size: 3, page_token: token });
      pages.push(response.entries.map((e) => e.id));
      token = response.next_page_token;
      if (token === '') break;
    }
    t.same(pages, [['e0', 'e1', 'e2'], ['e3', 'e4', 'e5'], ['e6'], []]);
    t.same(
      pages.flat(),
      created.map((e) => e.id),
    );
  });
  t.test('a page token that is not a row number is an Internal error with the datastore text', async (t) => {
    await t.rejects(local.entry.ListEntries({ page_size: 3, page_token: 'abc' }), {
      code: INTERNAL,
      details:
        "failed to list entries: datastore-sql: rpc error: code = InvalidArgument desc = could not parse token 'abc'",
    });
  });
  t.test('output_mask applies to every listed entry', async (t) => {
    const response = await local.entry.ListEntries({ page_size: 2, output_mask: { spiffe_id: true } });
    t.same(
      response.entries.map((e) => [e.id, e.spiffe_id?.path, e.parent_id, e.selectors]),
      [
        ['e0', '/p0', null, []],
        ['e1', '/p1', null, []],
      ],
    );
  });
});

t.test(
  'ListEntries and CountEntries filters (sqlstore appendListRegistrationEntriesFilterQuery)',
  async (t) => {
    const { local } = await startServerRig(t);
    await local.bundle.BatchCreateFederatedBundle({
      bundle: [await foreignBundle('a.org'), await foreignBundle('b.org'), await foreignBundle('c.org')],
    });
    const s = (value: string) => ({ type: 'k8s', value });
    await createEntries(t, local.entry, [
      entryInput({
        id: 'one',
        spiffe_id: { trust_domain: TD, path: '/one' },
        selectors: [s('ns:a')],
        federates_with: ['a.org'],
        hint: 'h1',
      }),
      entryInput({
        id: 'two',
        spiffe_id: { trust_domain: TD, path: '/two' },
        selectors: [s('ns:a'), s('sa:b')],
        federates_with: ['a.org', 'b.org'],
        downstream: true,
      }),
      entryInput({
        id: 'three',
        spiffe_id: { trust_domain: TD, path: '/three' },
        parent_id: { trust_domain: TD, path: '/spire/agent/other' },
        selectors: [s('ns:a'), s('sa:b'), s('pod:c')],
      }),
      entryInput({
        id: 'four',
        spiffe_id: { trust_domain: TD, path: '/four' },
        selectors: [s('sa:b')],
        federates_with: ['c.org'],
      }),
    ]);
    const ids = async (filter: NonNullable<ListEntriesRequest__Input['filter']>) => {
      const listed = (await local.entry.ListEntries({ filter })).entries.map((e) => e.id);
      const counted = (await local.entry.CountEntries({ filter })).count;
      t.equal(counted, listed.length, 'CountEntries agrees with ListEntries');
      return listed;
    };
    const sel = (match: 'MATCH_EXACT' | 'MATCH_SUBSET' | 'MATCH_SUPERSET' | 'MATCH_ANY') => ({
      by_selectors: { match, selectors: [s('ns:a'), s('sa:b')] },
    });
    const fed = (match: 'MATCH_EXACT' | 'MATCH_SUBSET' | 'MATCH_SUPERSET' | 'MATCH_ANY') => ({
      by_federates_with: { match, trust_domains: ['a.org', 'b.org'] },
    });
    t.same(await ids({ by_spiffe_id: { trust_domain: TD, path: '/two' } }), ['two'], 'by_spiffe_id');
    t.same(
      await ids({ by_parent_id: { trust_domain: TD, path: '/spire/agent/other' } }),
      ['three'],
      'by_parent_id',
    );
    t.same(await ids({ by_hint: { value: 'h1' } }), ['one'], 'by_hint');
    t.same(await ids({ by_downstream: { value: true } }), ['two'], 'by_downstream');
    t.same(await ids(sel('MATCH_EXACT')), ['two'], 'selectors MATCH_EXACT: the same set');
    t.same(
      await ids(sel('MATCH_SUBSET')),
      ['one', 'two', 'four'],
      'selectors MATCH_SUBSET: entry set within the request',
    );
    t.same(
      await ids(sel('MATCH_SUPERSET')),
      ['two', 'three'],
      'selectors MATCH_SUPERSET: entry set holds the request',
    );
    t.same(
      await ids(sel('MATCH_ANY')),
      ['one', 'two', 'three', 'four'],
      'selectors MATCH_ANY: one in common',
    );
    t.same(await ids(fed('MATCH_EXACT')), ['two'], 'federates_with MATCH_EXACT');
    t.same(await ids(fed('MATCH_SUBSET')), ['one', 'two'], 'federates_with MATCH_SUBSET');
    t.same(await ids(fed('MATCH_SUPERSET')), ['two'], 'federates_with MATCH_SUPERSET');
    t.same(
      await ids(fed('MATCH_ANY')),
      ['one', 'two'],
      'federates_with MATCH_ANY (never entries federating with nothing)',
    );
    t.same(
      await ids({ by_federates_with: { match: 'MATCH_ANY', trust_domains: ['spiffe://c.org'] } }),
      ['four'],
      'federates_with takes SPIFFE IDs too',
    );
    t.same(
      await ids({ by_selectors: { selectors: [s('ns:a')] }, by_hint: { value: 'h1' } }),
      ['one'],
      'filters combine; the default match is MATCH_EXACT',
    );

    const filterRules = [
      {
        name: 'malformed parent ID filter',
        filter: { by_parent_id: { trust_domain: 'other.org', path: '/x' } },
        message: `malformed parent ID filter: "spiffe://other.org/x" is not a member of trust domain "${TD}"`,
      },
      {
        name: 'malformed SPIFFE ID filter',
        filter: { by_spiffe_id: { trust_domain: TD, path: '/spire/agent/x' } },
        message: `malformed SPIFFE ID filter: "spiffe://${TD}/spire/agent/x" is not a workload in trust domain "${TD}"; path is in the reserved namespace`,
      },
      {
        name: 'malformed selectors filter (bad selector)',
        filter: { by_selectors: { selectors: [{ type: 'k8s', value: '' }] } },
        message: 'malformed selectors filter: missing selector value',
      },
      {
        name: 'malformed selectors filter (empty set)',
        filter: { by_selectors: { selectors: [] } },
        message: 'malformed selectors filter: empty selector set',
      },
      {
        name: 'malformed federates with filter (bad trust domain)',
        filter: { by_federates_with: { trust_domains: ['A.org'] } },
        message: `malformed federates with filter: ${TD_CHARS}`,
      },
      {
        name: 'malformed federates with filter (empty set)',
        filter: { by_federates_with: { trust_domains: [] } },
        message: 'malformed federates with filter: empty trust domain set',
      },
    ];
    for (const row of filterRules) {
      t.test(`rejects a ${row.name} on List and Count (entry/v1/service.go)`, async (t) => {
        await t.rejects(local.entry.ListEntries({ filter: row.filter }), {
          code: INVALID_ARGUMENT,
          details: row.message,
        });
        await t.rejects(local.entry.CountEntries({ filter: row.filter }), {
          code: INVALID_ARGUMENT,
          details: row.message,
        });
      });
    }
  },
);

t.test('entries parented by the agent path are listed by_parent_id', async (t) => {
  const { local } = await startServerRig(t);
  await createEntries(t, local.entry, [entryInput()]);
  const listed = await local.entry.ListEntries({
    filter: { by_parent_id: { trust_domain: TD, path: AGENT_PATH } },
  });
  t.equal(listed.entries.length, 1);
});

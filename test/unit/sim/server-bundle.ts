// bundle.v1 of the SPIRE test double through a real grpc-js client. Rules cite SPIRE
// pkg/server/api/bundle/v1/service.go unless stated otherwise.
import t from 'tap';
import { TD, createEntries, entryInput, foreignBundle, startServerRig } from './fixtures/server.js';

const INVALID_ARGUMENT = 3;
const NOT_FOUND = 5;
const ALREADY_EXISTS = 6;
const FAILED_PRECONDITION = 9;
const INTERNAL = 13;
const TD_CHARS =
  'trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores';

t.test('GetBundle returns the trust bundle of the server trust domain', async (t) => {
  const { sim, local } = await startServerRig(t);
  const bundle = await local.bundle.GetBundle({});
  t.equal(bundle.trust_domain, TD);
  t.same(
    bundle.x509_authorities.map((a) => Buffer.from(a.asn1).toString('base64')),
    sim.ca.bundleCertificates().map((c) => Buffer.from(c.rawData).toString('base64')),
  );
  t.same(
    bundle.jwt_authorities.map((k) => k.key_id),
    sim.ca.jwtAuthorities().map((k) => k.keyId),
  );
  t.test('output_mask zeroes what it leaves out (applyBundleMask)', async (t) => {
    const masked = await local.bundle.GetBundle({ output_mask: { jwt_authorities: true } });
    t.same(masked.x509_authorities, []);
    t.equal(masked.jwt_authorities.length, 1);
    t.equal(masked.sequence_number, 0);
  });
  t.test('a CA rotation adds the new root and bumps sequence_number', async (t) => {
    const before = await local.bundle.GetBundle({});
    await sim.ca.rotate();
    const after = await local.bundle.GetBundle({});
    t.equal(after.x509_authorities.length, 2);
    t.ok(after.sequence_number > before.sequence_number);
  });
});

t.test('AppendBundle', async (t) => {
  const { local } = await startServerRig(t);
  const extra = await foreignBundle('elsewhere.org');
  t.test('rejects a request without authorities', async (t) => {
    await t.rejects(local.bundle.AppendBundle({}), {
      code: INVALID_ARGUMENT,
      details: 'no authorities to append',
    });
  });
  t.test('rejects a malformed X.509 authority (api/bundle.go ParseX509Authorities)', async (t) => {
    await t.rejects(local.bundle.AppendBundle({ x509_authorities: [{ asn1: Buffer.from('nope') }] }), {
      code: INVALID_ARGUMENT,
      details: 'failed to convert X.509 authority: x509: malformed certificate',
    });
  });
  t.test('rejects a JWT authority without a key ID (api/bundle.go ParseJWTAuthorities)', async (t) => {
    const key = extra.jwt_authorities?.[0];
    await t.rejects(local.bundle.AppendBundle({ jwt_authorities: [{ ...key, key_id: '' }] }), {
      code: INVALID_ARGUMENT,
      details: 'failed to convert JWT authority: missing key ID',
    });
  });
  t.test('rejects a JWT authority that is not a PKIX key', async (t) => {
    await t.rejects(
      local.bundle.AppendBundle({ jwt_authorities: [{ public_key: Buffer.from([1, 2]), key_id: 'k' }] }),
      {
        code: INVALID_ARGUMENT,
        details: /^failed to convert JWT authority: asn1: /,
      },
    );
  });
  t.test(
    'adds new authorities once and bumps sequence_number only on change (sqlstore appendBundle)',
    async (t) => {
      const before = await local.bundle.GetBundle({});
      const appended = await local.bundle.AppendBundle({ x509_authorities: extra.x509_authorities ?? [] });
      t.equal(appended.x509_authorities.length, before.x509_authorities.length + 1);
      t.equal(appended.sequence_number, before.sequence_number + 1);
      const again = await local.bundle.AppendBundle({ x509_authorities: extra.x509_authorities ?? [] });
      t.equal(again.x509_authorities.length, appended.x509_authorities.length);
      t.equal(again.sequence_number, appended.sequence_number);
    },
  );
});

t.test('federated bundle CRUD', async (t) => {
  const { local } = await startServerRig(t);
  const other = await foreignBundle('other.org');

  t.test('BatchCreateFederatedBundle', async (t) => {
    const response = await local.bundle.BatchCreateFederatedBundle({
      bundle: [
        other,
        other,
        { ...other, trust_domain: TD },
        { ...other, trust_domain: 'Bad.org' },
        { ...other, trust_domain: 'broken.org', x509_authorities: [{ asn1: Buffer.from('x') }] },
        {
          ...other,
          trust_domain: 'nokid.org',
          jwt_authorities: [{ ...other.jwt_authorities?.[0], key_id: '' }],
        },
      ],
    });
    t.same(
      response.results.map((r) => [r.status?.code, r.status?.message]),
      [
        [0, 'OK'],
        [ALREADY_EXISTS, 'bundle already exists'],
        [INVALID_ARGUMENT, "creating a federated bundle for the server's own trust domain is not allowed"],
        [INVALID_ARGUMENT, `trust domain argument is not valid: ${TD_CHARS}`],
        [
          INVALID_ARGUMENT,
          'failed to convert bundle: unable to parse X.509 authority: x509: malformed certificate',
        ],
        [INVALID_ARGUMENT, 'failed to convert bundle: unable to parse JWT authority: missing key ID'],
      ],
    );
    t.equal(response.results[0]?.bundle?.trust_domain, 'other.org');
    t.equal(response.results[0]?.bundle?.refresh_hint, 300);
  });
  t.test('GetFederatedBundle', async (t) => {
    t.equal(
      (await local.bundle.GetFederatedBundle({ trust_domain: 'spiffe://other.org' })).trust_domain,
      'other.org',
    );
    await t.rejects(local.bundle.GetFederatedBundle({ trust_domain: TD }), {
      code: INVALID_ARGUMENT,
      details: "getting a federated bundle for the server's own trust domain is not allowed",
    });
    await t.rejects(local.bundle.GetFederatedBundle({ trust_domain: 'none.org' }), {
      code: NOT_FOUND,
      details: 'bundle not found',
    });
    await t.rejects(local.bundle.GetFederatedBundle({ trust_domain: '' }), {
      code: INVALID_ARGUMENT,
      details: 'trust domain argument is not valid: trust domain is missing',
    });
  });
  t.test('BatchUpdateFederatedBundle applies the input mask (sqlstore applyBundleMask)', async (t) => {
    const response = await local.bundle.BatchUpdateFederatedBundle({
      bundle: [
        { trust_domain: 'other.org', refresh_hint: 60 },
        { trust_domain: 'missing.org' },
        { trust_domain: TD },
      ],
      input_mask: { refresh_hint: true },
    });
    t.same(
      response.results.map((r) => [r.status?.code, r.status?.message]),
      [
        [0, 'OK'],
        [NOT_FOUND, 'bundle not found'],
        [INVALID_ARGUMENT, "updating a federated bundle for the server's own trust domain is not allowed"],
      ],
    );
    t.equal(response.results[0]?.bundle?.refresh_hint, 60);
    t.equal(response.results[0]?.bundle?.x509_authorities.length, 1, 'authorities kept');
  });
  t.test('BatchUpdateFederatedBundle without a mask replaces every field', async (t) => {
    const response = await local.bundle.BatchUpdateFederatedBundle({
      bundle: [{ trust_domain: 'other.org', refresh_hint: 5 }],
    });
    t.same(response.results[0]?.bundle?.x509_authorities, []);
    t.equal(response.results[0]?.bundle?.refresh_hint, 5);
  });
  t.test('BatchSetFederatedBundle creates or replaces', async (t) => {
    const response = await local.bundle.BatchSetFederatedBundle({
      bundle: [other, { ...(await foreignBundle('new.org')) }, { trust_domain: TD }],
    });
    t.same(
      response.results.map((r) => [r.status?.code, r.status?.message]),
      [
        [0, 'OK'],
        [0, 'OK'],
        [INVALID_ARGUMENT, "setting a federated bundle for the server's own trust domain is not allowed"],
      ],
    );
    t.equal(
      (await local.bundle.GetFederatedBundle({ trust_domain: 'other.org' })).x509_authorities.length,
      1,
    );
    t.equal((await local.bundle.CountBundles({})).count, 3, 'CountBundles includes the own bundle');
  });
});

t.test('BatchDeleteFederatedBundle modes (sqlstore deleteBundle)', async (t) => {
  const { local } = await startServerRig(t);
  await local.bundle.BatchCreateFederatedBundle({
    bundle: [await foreignBundle('r.org'), await foreignBundle('d.org'), await foreignBundle('x.org')],
  });
  await createEntries(t, local.entry, [
    entryInput({ id: 'fr', spiffe_id: { trust_domain: TD, path: '/r' }, federates_with: ['r.org'] }),
    entryInput({ id: 'fd', spiffe_id: { trust_domain: TD, path: '/d' }, federates_with: ['d.org'] }),
    entryInput({ id: 'fx', spiffe_id: { trust_domain: TD, path: '/x' }, federates_with: ['x.org', 'r.org'] }),
  ]);
  t.test('RESTRICT refuses while entries federate with the bundle', async (t) => {
    const response = await local.bundle.BatchDeleteFederatedBundle({
      trust_domains: ['r.org'],
      mode: 'RESTRICT',
    });
    t.same(response.results[0]?.status, {
      code: FAILED_PRECONDITION,
      message:
        'failed to delete federated bundle: datastore-sql: cannot delete bundle; federated with 2 registration entries',
    });
    t.equal(response.results[0]?.trust_domain, 'r.org');
  });
  t.test('DELETE removes the federating entries with the bundle', async (t) => {
    const response = await local.bundle.BatchDeleteFederatedBundle({
      trust_domains: ['d.org'],
      mode: 'DELETE',
    });
    t.equal(response.results[0]?.status?.code, 0);
    await t.rejects(local.entry.GetEntry({ id: 'fd' }), { code: NOT_FOUND });
  });
  t.test('DISSOCIATE keeps the entries and drops the trust domain from them', async (t) => {
    const response = await local.bundle.BatchDeleteFederatedBundle({
      trust_domains: ['x.org'],
      mode: 'DISSOCIATE',
    });
    t.equal(response.results[0]?.status?.code, 0);
    t.same((await local.entry.GetEntry({ id: 'fx' })).federates_with, ['r.org']);
  });
  t.test('per-item errors', async (t) => {
    const response = await local.bundle.BatchDeleteFederatedBundle({
      trust_domains: ['gone.org', TD, 'BAD'],
    });
    t.same(
      response.results.map((r) => [r.trust_domain, r.status?.code, r.status?.message]),
      [
        ['gone.org', NOT_FOUND, 'bundle not found'],
        [TD, INVALID_ARGUMENT, 'removing the bundle for the server trust domain is not allowed'],
        ['BAD', INVALID_ARGUMENT, `trust domain argument is not valid: ${TD_CHARS}`],
      ],
    );
  });
  t.test('an unknown mode fails the whole call (parseDeleteMode)', async (t) => {
    await t.rejects(
      local.bundle.BatchDeleteFederatedBundle({ trust_domains: ['r.org'], mode: 7 as unknown as 'DELETE' }),
      {
        code: INVALID_ARGUMENT,
        details: 'failed to parse deletion mode: unhandled delete mode "7"',
      },
    );
  });
});

t.test(
  'ListFederatedBundles pages over all bundle rows and hides the own one (bundle/v1 ListFederatedBundles)',
  async (t) => {
    const { local } = await startServerRig(t);
    const names = ['a.org', 'b.org', 'c.org', 'd.org'];
    for (const name of names)
      await local.bundle.BatchCreateFederatedBundle({ bundle: [await foreignBundle(name)] });
    t.same(
      (await local.bundle.ListFederatedBundles({})).bundles.map((b) => b.trust_domain),
      names,
      'page_size 0: everything',
    );
    const pages: string[][] = [];
    let token = '';
    for (let i = 0; i < 10; i++) {
      const response = await local.bundle.ListFederatedBundles({
        page_size: 2,
        page_token: token,
        output_mask: {},
      });
      pages.push(response.bundles.map((b) => b.trust_domain));
      t.same(response.bundles[0]?.x509_authorities ?? [], [], 'output mask applies');
      token = response.next_page_token;
      if (token === '') break;
    }
    t.same(
      pages,
      [['a.org'], ['b.org', 'c.org'], ['d.org'], []],
      'the own bundle row takes a slot on the first page',
    );
    await t.rejects(local.bundle.ListFederatedBundles({ page_size: 1, page_token: '-1' }), {
      code: INTERNAL,
      details: "failed to list bundles: could not parse token '-1'",
    });
  },
);

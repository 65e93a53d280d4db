// trustdomain.v1 of the SPIRE test double through a real grpc-js client. Rules cite SPIRE
// pkg/server/api/trustdomain/v1/service.go and pkg/server/api/trustdomain.go unless stated otherwise.
import t from 'tap';
import type { FederationRelationship__Input } from '../../../src/core/generated/spire/api/types/FederationRelationship.js';
import { TD, foreignBundle, startServerRig } from './fixtures/server.js';

const INVALID_ARGUMENT = 3;
const NOT_FOUND = 5;
const INTERNAL = 13;

function relationship(
  td: string,
  overrides: Partial<FederationRelationship__Input> = {},
): FederationRelationship__Input {
  return { trust_domain: td, bundle_endpoint_url: `https://${td}:8443/bundle`, https_web: {}, ...overrides };
}

t.test('BatchCreateFederationRelationship', async (t) => {
  const { local } = await startServerRig(t);
  const withBundle = await foreignBundle('b.org');
  const response = await local.trustdomain.BatchCreateFederationRelationship({
    federation_relationships: [
      relationship('a.org'),
      relationship('b.org', {
        https_web: null,
        https_spiffe: { endpoint_spiffe_id: 'spiffe://b.org/spire/server' },
        trust_domain_bundle: withBundle,
      }),
    ],
  });
  t.same(
    response.results.map((r) => r.status),
    [
      { code: 0, message: 'OK' },
      { code: 0, message: 'OK' },
    ],
  );
  const [a, b] = response.results.map((r) => r.federation_relationship);
  t.equal(a?.bundle_endpoint_profile, 'https_web');
  t.equal(a?.trust_domain_bundle, null, 'no bundle yet for a.org');
  t.equal(b?.bundle_endpoint_profile, 'https_spiffe');
  t.equal(b?.https_spiffe?.endpoint_spiffe_id, 'spiffe://b.org/spire/server');
  t.equal(b?.trust_domain_bundle?.trust_domain, 'b.org');
  t.equal(
    (await local.bundle.GetFederatedBundle({ trust_domain: 'b.org' })).refresh_hint,
    300,
    'the bundle was stored',
  );

  const rules: { name: string; input: FederationRelationship__Input; code: number; message: string }[] = [
    {
      name: 'a relationship that exists already (unique trust_domain; reported as Internal)',
      input: relationship('a.org'),
      code: INTERNAL,
      message:
        'failed to create federation relationship: datastore-sql: UNIQUE constraint failed: federated_trust_domains.trust_domain',
    },
    {
      name: 'the server trust domain',
      input: relationship(TD),
      code: INVALID_ARGUMENT,
      message: 'unable to create federation relationship for server trust domain',
    },
    {
      name: 'a bad trust domain',
      input: relationship('C.org'),
      code: INVALID_ARGUMENT,
      message:
        'failed to convert federation relationship: failed to parse trust domain: trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores',
    },
    {
      name: 'a non-https endpoint URL',
      input: relationship('c.org', { bundle_endpoint_url: 'http://c.org/bundle' }),
      code: INVALID_ARGUMENT,
      message: 'failed to convert federation relationship: bundle endpoint URL must use the https scheme',
    },
    {
      name: 'an endpoint URL without host',
      input: relationship('c.org', { bundle_endpoint_url: 'https:///bundle' }),
      code: INVALID_ARGUMENT,
      message: 'failed to convert federation relationship: bundle endpoint URL must specify the host',
    },
    {
      name: 'an endpoint URL with user info',
      input: relationship('c.org', { bundle_endpoint_url: 'https://me@c.org/bundle' }),
      code: INVALID_ARGUMENT,
      message: 'failed to convert federation relationship: bundle endpoint URL must not contain user info',
    },
    {
      name: 'no bundle endpoint profile',
      input: relationship('c.org', { https_web: null }),
      code: INVALID_ARGUMENT,
      message: 'failed to convert federation relationship: unsupported bundle endpoint profile type: <nil>',
    },
    {
      name: 'a bad endpoint SPIFFE ID',
      input: relationship('c.org', { https_web: null, https_spiffe: { endpoint_spiffe_id: 'c.org/server' } }),
      code: INVALID_ARGUMENT,
      message:
        'failed to convert federation relationship: failed to parse endpoint SPIFFE ID: scheme is missing or invalid',
    },
    {
      name: 'a bundle of another trust domain',
      input: relationship('c.org', { trust_domain_bundle: withBundle }),
      code: INVALID_ARGUMENT,
      message:
        'failed to convert federation relationship: trust domain bundle ("b.org") must match the trust domain of the federation relationship ("c.org")',
    },
    {
      name: 'a malformed bundle',
      input: relationship('c.org', {
        trust_domain_bundle: { trust_domain: 'c.org', x509_authorities: [{ asn1: Buffer.from('x') }] },
      }),
      code: INVALID_ARGUMENT,
      message:
        'failed to convert federation relationship: failed to parse bundle: unable to parse X.509 authority: x509: malformed certificate',
    },
  ];
  for (const row of rules) {
    t.test(`rejects ${row.name}`, async (t) => {
      const result = (
        await local.trustdomain.BatchCreateFederationRelationship({ federation_relationships: [row.input] })
      ).results[0];
      t.same(result?.status, { code: row.code, message: row.message });
      t.equal(result?.federation_relationship, null);
    });
  }
  t.test('output_mask keeps the trust domain and the selected fields', async (t) => {
    const result = (
      await local.trustdomain.BatchCreateFederationRelationship({
        federation_relationships: [relationship('masked.org')],
        output_mask: { bundle_endpoint_profile: true },
      })
    ).results[0];
    t.equal(result?.federation_relationship?.trust_domain, 'masked.org');
    t.equal(result?.federation_relationship?.bundle_endpoint_url, '');
    t.equal(result?.federation_relationship?.bundle_endpoint_profile, 'https_web');
  });
});

t.test('Get, List, Update, Delete', async (t) => {
  const { local } = await startServerRig(t);
  const names = ['a.org', 'b.org', 'c.org', 'd.org', 'e.org'];
  await local.trustdomain.BatchCreateFederationRelationship({
    federation_relationships: names.map((n) => relationship(n)),
  });

  t.test('GetFederationRelationship', async (t) => {
    t.equal(
      (await local.trustdomain.GetFederationRelationship({ trust_domain: 'a.org' })).bundle_endpoint_url,
      'https://a.org:8443/bundle',
    );
    await t.rejects(local.trustdomain.GetFederationRelationship({ trust_domain: 'z.org' }), {
      code: NOT_FOUND,
      details: 'federation relationship does not exist',
    });
    await t.rejects(local.trustdomain.GetFederationRelationship({ trust_domain: '' }), {
      code: INVALID_ARGUMENT,
      details: 'failed to parse trust domain: trust domain is missing',
    });
  });
  t.test('ListFederationRelationships pages in creation order and ends with an empty page', async (t) => {
    const pages: string[][] = [];
    let token = '';
    for (let i = 0; i < 10; i++) {
      const response = await local.trustdomain.ListFederationRelationships({
        page_size: 2,
        page_token: token,
      });
      pages.push(response.federation_relationships.map((r) => r.trust_domain));
      token = response.next_page_token;
      if (token === '') break;
    }
    t.same(pages, [['a.org', 'b.org'], ['c.org', 'd.org'], ['e.org'], []]);
    await t.rejects(local.trustdomain.ListFederationRelationships({ page_size: 2, page_token: 'z' }), {
      code: INTERNAL,
      details: "failed to list federation relationships: could not parse token 'z'",
    });
  });
  t.test('BatchUpdateFederationRelationship applies the input mask', async (t) => {
    const response = await local.trustdomain.BatchUpdateFederationRelationship({
      federation_relationships: [
        relationship('a.org', {
          bundle_endpoint_url: 'https://new.a.org/bundle',
          https_web: null,
          https_spiffe: { endpoint_spiffe_id: 'spiffe://a.org/x' },
        }),
      ],
      input_mask: { bundle_endpoint_url: true },
    });
    t.same(response.results[0]?.status, { code: 0, message: 'OK' });
    const updated = await local.trustdomain.GetFederationRelationship({ trust_domain: 'a.org' });
    t.equal(updated.bundle_endpoint_url, 'https://new.a.org/bundle');
    t.equal(updated.bundle_endpoint_profile, 'https_web', 'profile unchanged (not in the mask)');
  });
  t.test('BatchUpdateFederationRelationship validates every field, masked or not', async (t) => {
    const response = await local.trustdomain.BatchUpdateFederationRelationship({
      federation_relationships: [relationship('a.org', { bundle_endpoint_url: 'ftp://a.org' })],
      input_mask: { bundle_endpoint_profile: true },
    });
    t.same(response.results[0]?.status, {
      code: INVALID_ARGUMENT,
      message: 'failed to convert federation relationship: bundle endpoint URL must use the https scheme',
    });
  });
  t.test('BatchUpdateFederationRelationship of an unknown relationship is Internal', async (t) => {
    const response = await local.trustdomain.BatchUpdateFederationRelationship({
      federation_relationships: [relationship('z.org')],
    });
    t.same(response.results[0]?.status, {
      code: INTERNAL,
      message:
        'failed to update federation relationship: unable to fetch federation relationship: record not found',
    });
  });
  t.test('BatchDeleteFederationRelationship', async (t) => {
    const response = await local.trustdomain.BatchDeleteFederationRelationship({
      trust_domains: ['spiffe://e.org', 'e.org', '', 'E'],
    });
    t.same(
      response.results.map((r) => [r.trust_domain, r.status?.code, r.status?.message]),
      [
        ['e.org', 0, 'OK'],
        ['e.org', NOT_FOUND, 'federation relationship not found'],
        ['', INVALID_ARGUMENT, 'missing trust domain'],
        [
          'E',
          INVALID_ARGUMENT,
          'failed to parse trust domain: trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores',
        ],
      ],
    );
  });
});

t.test('RefreshBundle', async (t) => {
  const { sim, local } = await startServerRig(t);
  await local.trustdomain.BatchCreateFederationRelationship({
    federation_relationships: [relationship('peer.org')],
  });
  t.test('NOT_FOUND without a relationship', async (t) => {
    await t.rejects(local.trustdomain.RefreshBundle({ trust_domain: 'stranger.org' }), {
      code: NOT_FOUND,
      details: 'no relationship with trust domain "stranger.org"',
    });
  });
  t.test('InvalidArgument for a bad trust domain', async (t) => {
    await t.rejects(local.trustdomain.RefreshBundle({ trust_domain: 'X' }), {
      code: INVALID_ARGUMENT,
      details: /^failed to parse trust domain: /,
    });
  });
  t.test('Internal when the endpoint cannot be reached (the default in the double)', async (t) => {
    await t.rejects(local.trustdomain.RefreshBundle({ trust_domain: 'peer.org' }), {
      code: INTERNAL,
      details:
        /^failed to refresh bundle: failed to fetch federated bundle from endpoint: failed to fetch bundle: Get "https:\/\/peer\.org:8443\/bundle": /,
    });
  });
  t.test('stores what a preloaded endpoint serves', async (t) => {
    const served = await foreignBundle('peer.org');
    sim.controls.setFederationEndpointBundle('peer.org', {
      trust_domain: 'peer.org',
      x509_authorities: (served.x509_authorities ?? []).map((a) => ({
        asn1: Buffer.from(a.asn1 as Buffer),
        tainted: false,
      })),
      jwt_authorities: [],
      refresh_hint: 30,
      sequence_number: 4,
    });
    await local.trustdomain.RefreshBundle({ trust_domain: 'peer.org' });
    const bundle = await local.bundle.GetFederatedBundle({ trust_domain: 'peer.org' });
    t.equal(bundle.sequence_number, 4);
    t.equal(
      (await local.trustdomain.GetFederationRelationship({ trust_domain: 'peer.org' })).trust_domain_bundle
        ?.refresh_hint,
      30,
    );
  });
});

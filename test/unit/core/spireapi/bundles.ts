import t from 'tap';
import { status } from '@grpc/grpc-js';
import type { BatchDeleteFederatedBundleRequest } from '../../../../src/core/generated/spire/api/server/bundle/v1/BatchDeleteFederatedBundleRequest.js';
import type { BatchSetFederatedBundleRequest } from '../../../../src/core/generated/spire/api/server/bundle/v1/BatchSetFederatedBundleRequest.js';
import type { ListFederatedBundlesRequest } from '../../../../src/core/generated/spire/api/server/bundle/v1/ListFederatedBundlesRequest.js';
import { x509BundleOf } from '../../../../src/core/spireapi/index.js';
import { createTestCa } from '../../../harness/ca.js';
import { RpcFailure, startLocal } from '../../../harness/fake-spire-server.js';

const OK = { code: status.OK, message: '' };

t.test(
  'getBundle maps authorities, refresh hint and sequence number; x509BundleOf parses the CAs',
  async (t) => {
    const ca = await createTestCa({ trustDomain: 'example.org' });
    const rootDer = Buffer.from(ca.root.rawData);
    const jwtKey = Buffer.from([0x30, 0x59, 0x01]);
    const { client } = await startLocal(t, {
      bundle: {
        GetBundle: () => ({
          trust_domain: 'example.org',
          x509_authorities: [{ asn1: rootDer, tainted: true }],
          jwt_authorities: [{ key_id: 'k1', public_key: jwtKey, expires_at: 1_900_000_000, tainted: false }],
          refresh_hint: 300,
          sequence_number: 12,
        }),
      },
    });
    const bundle = await client.bundles.getBundle();
    t.same(bundle, {
      trustDomain: 'example.org',
      x509Authorities: [{ der: new Uint8Array(rootDer), tainted: true }],
      jwtAuthorities: [
        { keyId: 'k1', publicKey: new Uint8Array(jwtKey), expiresAt: 1_900_000_000, tainted: false },
      ],
      refreshHint: 300,
      sequenceNumber: 12,
    });
    const x509Bundle = x509BundleOf(bundle);
    t.equal(x509Bundle.trustDomain.name, 'example.org');
    t.ok(x509Bundle.hasAuthority(ca.root));
  },
);

t.test('federated bundle delete sends each mode as SPIRE’s enum, RESTRICT by default', async (t) => {
  const { fake, client } = await startLocal(t, {
    bundle: {
      BatchDeleteFederatedBundle: (request) => ({
        results: request.trust_domains.map((td) =>
          td === 'used.org'
            ? {
                status: {
                  code: status.FAILED_PRECONDITION,
                  message: 'cannot delete bundle; federated with 1 registration entries',
                },
                trust_domain: td,
              }
            : { status: OK, trust_domain: td },
        ),
      }),
    },
  });
  const restricted = await client.bundles.batchDeleteFederatedBundles(['spiffe://a.org', 'used.org']);
  await client.bundles.batchDeleteFederatedBundles(['a.org'], { mode: 'delete' });
  await client.bundles.batchDeleteFederatedBundles(['a.org'], { mode: 'dissociate' });
  await client.bundles.batchDeleteFederatedBundles(['a.org'], { mode: 'restrict' });
  t.same(
    (fake.requests('BatchDeleteFederatedBundle') as BatchDeleteFederatedBundleRequest[]).map(
      (request) => request.mode,
    ),
    ['RESTRICT', 'DELETE', 'DISSOCIATE', 'RESTRICT'],
  );
  t.same(
    (fake.requests('BatchDeleteFederatedBundle')[0] as BatchDeleteFederatedBundleRequest).trust_domains,
    ['a.org', 'used.org'],
    'trust domains are sent as bare names',
  );
  t.same(
    restricted.map((result) => (result.ok ? result.value : result.error.code)),
    ['a.org', 'SPIRE_API_FAILED_PRECONDITION'],
  );
  t.match(restricted[1], {
    error: { message: /bundle 1 \(used\.org\) failed with FAILED_PRECONDITION: cannot delete bundle/ },
  });
});

t.test('an unknown delete mode is refused before sending', async (t) => {
  const { fake, client } = await startLocal(t, { bundle: {} });
  await t.rejects(client.bundles.batchDeleteFederatedBundles(['a.org'], { mode: 'purge' as never }), {
    code: 'SPIRE_API_INVALID_ARGUMENT',
  });
  t.equal(fake.calls.length, 0);
});

t.test('batch set sends each bundle’s authorities and returns per-item results in order', async (t) => {
  const { fake, client } = await startLocal(t, {
    bundle: {
      BatchSetFederatedBundle: (request) => ({
        results: request.bundle.map((bundle) =>
          bundle.x509_authorities.length === 0
            ? {
                status: {
                  code: status.INVALID_ARGUMENT,
                  message: 'failed to convert bundle: no X.509 authority',
                },
              }
            : { status: OK, bundle },
        ),
      }),
    },
  });
  const der = new Uint8Array([1, 2, 3]);
  const results = await client.bundles.batchSetFederatedBundles([
    { trustDomain: 'a.org', x509Authorities: [der], refreshHint: 60 },
    { trustDomain: 'b.org' },
    {
      trustDomain: 'c.org',
      x509Authorities: [{ der, tainted: true }],
      jwtAuthorities: [{ keyId: 'k', publicKey: der }],
    },
  ]);
  t.same(
    results.map((result) => (result.ok ? result.value.trustDomain : result.error.code)),
    ['a.org', 'SPIRE_API_INVALID_ARGUMENT', 'c.org'],
  );
  const sent = (fake.requests('BatchSetFederatedBundle')[0] as BatchSetFederatedBundleRequest).bundle;
  t.same(sent[0]?.x509_authorities, [{ asn1: Buffer.from(der), tainted: false }]);
  t.equal(sent[0]?.refresh_hint, 60);
  t.same(sent[2]?.jwt_authorities, [
    { public_key: Buffer.from(der), key_id: 'k', expires_at: 0, tainted: false },
  ]);
});

t.test('federated bundles are listed across pages', async (t) => {
  const { fake, client } = await startLocal(t, {
    bundle: {
      ListFederatedBundles: (request) =>
        request.page_token === ''
          ? { bundles: [{ trust_domain: 'a.org' }, { trust_domain: 'b.org' }], next_page_token: 'p2' }
          : { bundles: [{ trust_domain: 'c.org' }], next_page_token: '' },
    },
  });
  const bundles = await client.bundles.listAllFederatedBundles({ pageSize: 2 });
  t.same(
    bundles.map((bundle) => bundle.trustDomain),
    ['a.org', 'b.org', 'c.org'],
  );
  t.same(
    (fake.requests('ListFederatedBundles') as ListFederatedBundlesRequest[]).map(
      (request) => request.page_token,
    ),
    ['', 'p2'],
  );
});

t.test('a missing federated bundle is SPIRE_API_NOT_FOUND', async (t) => {
  const { fake, client } = await startLocal(t, {
    bundle: {
      GetFederatedBundle: () => {
        throw new RpcFailure(status.NOT_FOUND, 'bundle not found');
      },
    },
  });
  await t.rejects(client.bundles.getFederatedBundle('spiffe://other.org'), {
    code: 'SPIRE_API_NOT_FOUND',
    message: 'spireapi: GetFederatedBundle(other.org) failed with NOT_FOUND: bundle not found',
  });
  t.match(fake.requests('GetFederatedBundle')[0], { trust_domain: 'other.org' });
});

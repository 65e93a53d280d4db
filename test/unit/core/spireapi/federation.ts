import t from 'tap';
import { status } from '@grpc/grpc-js';
import type { BatchCreateFederationRelationshipRequest } from '../../../../src/core/generated/spire/api/server/trustdomain/v1/BatchCreateFederationRelationshipRequest.js';
import type { BatchUpdateFederationRelationshipRequest } from '../../../../src/core/generated/spire/api/server/trustdomain/v1/BatchUpdateFederationRelationshipRequest.js';
import { startLocal } from '../../../harness/fake-spire-server.js';

const OK = { code: status.OK, message: '' };

t.test('batch create sends each bundle endpoint profile as its oneof member and maps it back', async (t) => {
  const { fake, client } = await startLocal(t, {
    trustdomain: {
      BatchCreateFederationRelationship: (request) => ({
        results: request.federation_relationships.map((relationship) => ({
          status: OK,
          federation_relationship: relationship,
        })),
      }),
    },
  });
  const results = await client.federation.batchCreate([
    { trustDomain: 'web.org', bundleEndpointUrl: 'https://web.org/bundle', profile: { type: 'https_web' } },
    {
      trustDomain: 'spiffe://peer.org',
      bundleEndpointUrl: 'https://peer.org:8443',
      profile: { type: 'https_spiffe', endpointSpiffeId: 'spiffe://peer.org/spire/server' },
      trustDomainBundle: { trustDomain: 'peer.org', x509Authorities: [new Uint8Array([1])] },
    },
  ]);
  const sent = (
    fake.requests('BatchCreateFederationRelationship')[0] as BatchCreateFederationRelationshipRequest
  ).federation_relationships;
  t.match(sent[0], { trust_domain: 'web.org', bundle_endpoint_profile: 'https_web', https_web: {} });
  t.match(sent[1], {
    trust_domain: 'peer.org',
    bundle_endpoint_profile: 'https_spiffe',
    https_spiffe: { endpoint_spiffe_id: 'spiffe://peer.org/spire/server' },
    trust_domain_bundle: { trust_domain: 'peer.org' },
  });
  t.same(
    results.map((result) => (result.ok ? result.value.profile : undefined)),
    [{ type: 'https_web' }, { type: 'https_spiffe', endpointSpiffeId: 'spiffe://peer.org/spire/server' }],
  );
  t.match(results[1], { ok: true, value: { trustDomainBundle: { trustDomain: 'peer.org' } } });
});

t.test('batch update sends its input mask', async (t) => {
  const { fake, client } = await startLocal(t, {
    trustdomain: {
      BatchUpdateFederationRelationship: (request) => ({
        results: request.federation_relationships.map((relationship) => ({
          status: OK,
          federation_relationship: relationship,
        })),
      }),
    },
  });
  await client.federation.batchUpdate(
    [{ trustDomain: 'web.org', bundleEndpointUrl: 'https://new.web.org' }],
    {
      inputMask: ['bundleEndpointUrl'],
    },
  );
  const request = fake.requests(
    'BatchUpdateFederationRelationship',
  )[0] as BatchUpdateFederationRelationshipRequest;
  t.same(request.input_mask, {
    bundle_endpoint_url: true,
    bundle_endpoint_profile: false,
    trust_domain_bundle: false,
  });
  t.equal(request.federation_relationships[0]?.bundle_endpoint_url, 'https://new.web.org');
});

t.test('batch delete returns per-item results and refreshBundle names the trust domain', async (t) => {
  const { fake, client } = await startLocal(t, {
    trustdomain: {
      BatchDeleteFederationRelationship: (request) => ({
        results: request.trust_domains.map((td) =>
          td === 'none.org'
            ? {
                status: { code: status.NOT_FOUND, message: 'federation relationship not found' },
                trust_domain: td,
              }
            : { status: OK, trust_domain: td },
        ),
      }),
      RefreshBundle: () => ({}),
    },
  });
  const results = await client.federation.batchDelete(['a.org', 'none.org']);
  t.same(
    results.map((result) => (result.ok ? result.value : result.error.code)),
    ['a.org', 'SPIRE_API_NOT_FOUND'],
  );
  await client.federation.refreshBundle('spiffe://a.org');
  t.same(fake.requests('RefreshBundle'), [{ trust_domain: 'a.org' }]);
});

t.test('an https_spiffe profile with a malformed endpoint ID fails that item only', async (t) => {
  const { fake, client } = await startLocal(t, {
    trustdomain: {
      BatchCreateFederationRelationship: (request) => ({
        results: request.federation_relationships.map((relationship) => ({
          status: OK,
          federation_relationship: relationship,
        })),
      }),
    },
  });
  const results = await client.federation.batchCreate([
    {
      trustDomain: 'bad.org',
      bundleEndpointUrl: 'https://bad.org',
      profile: { type: 'https_spiffe', endpointSpiffeId: 'bad.org/server' },
    },
    { trustDomain: 'good.org', bundleEndpointUrl: 'https://good.org', profile: { type: 'https_web' } },
  ]);
  t.match(results, [
    {
      ok: false,
      error: {
        code: 'SPIFFEID_INVALID',
        message: /relationship 0 \(bad\.org\): .*profile\.endpointSpiffeId/,
      },
    },
    { ok: true },
  ]);
  t.equal(
    (fake.requests('BatchCreateFederationRelationship')[0] as BatchCreateFederationRelationshipRequest)
      .federation_relationships.length,
    1,
  );
});

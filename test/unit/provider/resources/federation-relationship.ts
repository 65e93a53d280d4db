// spire_federation_relationship in-process against the SPIRE test double: validation at plan time,
// create/update with an input mask, the fetched bundle never showing as drift, NOT_FOUND → gone, import.
import t from 'tap';
import { marshalSpiffeBundle } from '../../../../src/core/bundle/index.js';
import {
  changedFields,
  federationRelationshipResource,
} from '../../../../provider/resources/federation-relationship.js';
import { createTestCa } from '../../../harness/ca.js';
import { attr, describe, startDriver } from '../data-sources/fixtures/drive.js';

const PEER = 'peer.org';
const URL_A = 'https://spire.peer.org:8443';

const base = {
  trust_domain: PEER,
  bundle_endpoint_url: URL_A,
  bundle_endpoint_profile: 'https_web',
};

t.test('validation at plan time, with attribute paths', async (t) => {
  const d = await startDriver(t);
  const ca = await createTestCa({ trustDomain: PEER });
  const json = marshalSpiffeBundle({ x509: ca.x509Bundle(), jwt: ca.jwtBundle() });
  const badJwt = JSON.stringify({
    keys: [
      ...(JSON.parse(json) as { keys: unknown[] }).keys,
      { use: 'jwt-svid', kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' },
    ],
  });
  const rows: { name: string; values: Record<string, string>; path: string; match: RegExp }[] = [
    {
      name: 'the bundle endpoint URL must use https (SPIRE trustdomain.go)',
      values: { ...base, bundle_endpoint_url: 'http://spire.peer.org' },
      path: 'bundle_endpoint_url',
      match: /must use the https scheme/,
    },
    {
      name: 'the bundle endpoint URL must be absolute',
      values: { ...base, bundle_endpoint_url: 'spire.peer.org:8443' },
      path: 'bundle_endpoint_url',
      match: /must (be an absolute https:\/\/ URL|use the https scheme)/,
    },
    {
      name: 'the bundle endpoint URL carries no user info',
      values: { ...base, bundle_endpoint_url: 'https://user:pw@spire.peer.org' },
      path: 'bundle_endpoint_url',
      match: /must not contain user info/,
    },
    {
      name: 'the profile is https_web or https_spiffe',
      values: { ...base, bundle_endpoint_profile: 'https' },
      path: 'bundle_endpoint_profile',
      match: /must be one of "https_web", "https_spiffe"/,
    },
    {
      name: 'https_spiffe needs endpoint_spiffe_id',
      values: { ...base, bundle_endpoint_profile: 'https_spiffe' },
      path: 'endpoint_spiffe_id',
      match: /needs endpoint_spiffe_id/,
    },
    {
      name: 'https_web takes no endpoint_spiffe_id',
      values: { ...base, endpoint_spiffe_id: 'spiffe://peer.org/spire/server' },
      path: 'endpoint_spiffe_id',
      match: /applies only to bundle_endpoint_profile = "https_spiffe"/,
    },
    {
      name: 'endpoint_spiffe_id must be a SPIFFE ID',
      values: {
        ...base,
        bundle_endpoint_profile: 'https_spiffe',
        endpoint_spiffe_id: 'spiffe://peer.org/a/../b',
      },
      path: 'endpoint_spiffe_id',
      match: /dot segments/,
    },
    {
      name: 'trust_domain must be a bare trust domain name',
      values: { ...base, trust_domain: 'peer.org:443' },
      path: 'trust_domain',
      match: /trust domain cannot contain a port/,
    },
    {
      name: 'trust_domain_bundle errors name the key index and member',
      values: { ...base, trust_domain_bundle: badJwt },
      path: 'trust_domain_bundle',
      match: /key 2: .*kid/,
    },
  ];
  for (const row of rows) {
    const lines = describe(
      d.validate(federationRelationshipResource, d.config(federationRelationshipResource, row.values)),
    );
    t.equal(lines.length, 1, `${row.name}: one error (${lines.join('; ')})`);
    t.match(lines[0], row.match, row.name);
    t.match(lines[0], new RegExp(`@ ${row.path}$`), `${row.name}: points at ${row.path}`);
  }
  t.same(
    describe(
      d.validate(
        federationRelationshipResource,
        d.config(federationRelationshipResource, { ...base, trust_domain_bundle: json }),
      ),
    ),
    [],
    'a valid configuration passes',
  );
});

t.test('an update sends only the changed fields', (t) => {
  const prior = { ...base, endpoint_spiffe_id: null, trust_domain_bundle: null };
  t.same(changedFields(prior, prior), []);
  t.same(changedFields({ ...prior, bundle_endpoint_url: 'https://x.peer.org' }, prior), [
    'bundleEndpointUrl',
  ]);
  t.same(
    changedFields(
      { ...prior, bundle_endpoint_profile: 'https_spiffe', endpoint_spiffe_id: 'spiffe://peer.org/s' },
      prior,
    ),
    ['profile'],
  );
  t.same(changedFields({ ...prior, trust_domain_bundle: '{"keys":[]}' }, prior), ['trustDomainBundle']);
  t.same(
    changedFields(prior, { ...prior, trust_domain_bundle: '{"keys":[]}' }),
    [],
    'removing the bundle from the configuration sends nothing',
  );
  t.end();
});

t.test('create, profile switch, URL change, drift suppressed on the fetched bundle', async (t) => {
  const d = await startDriver(t);
  const ca = await createTestCa({ trustDomain: PEER });
  const json = marshalSpiffeBundle({ x509: ca.x509Bundle(), jwt: ca.jwtBundle() });
  const spiffeConfig = d.config(federationRelationshipResource, {
    ...base,
    bundle_endpoint_profile: 'https_spiffe',
    endpoint_spiffe_id: 'spiffe://peer.org/spire/server',
    trust_domain_bundle: json,
  });
  const created = await d.apply(federationRelationshipResource, null, spiffeConfig);
  t.same(describe(created.diagnostics), []);
  const stored = d.sim.ds.getRelationship(PEER);
  t.same(stored?.profile, { kind: 'https_spiffe', endpointSpiffeId: 'spiffe://peer.org/spire/server' });
  t.equal(d.sim.ds.getFederatedBundle(PEER)?.x509_authorities.length, 1, 'the bootstrap bundle is stored');

  // The server fetches a new bundle from the endpoint: not drift.
  const rotated = await createTestCa({ trustDomain: PEER });
  d.sim.controls.setFederationEndpointBundle(PEER, {
    trust_domain: PEER,
    x509_authorities: [{ asn1: Buffer.from(rotated.root.rawData), tainted: false }],
    jwt_authorities: [],
    refresh_hint: 0,
    sequence_number: 2,
  });
  await d.client.federation.refreshBundle(PEER);
  t.not(
    Buffer.from(d.sim.ds.getFederatedBundle(PEER)?.x509_authorities[0]?.asn1 ?? []).toString('hex'),
    Buffer.from(ca.root.rawData).toString('hex'),
    'the server now holds the fetched bundle',
  );
  const read = await d.read(federationRelationshipResource, created.state);
  t.same(read.state, created.state, 'read keeps the configured trust_domain_bundle');
  const plan = d.plan(federationRelationshipResource, read.state, spiffeConfig);
  t.same(plan.planned, read.state, 'and the plan is empty');

  // Switch the profile and the URL in place; the stored bundle is not pushed again.
  const web = await d.apply(
    federationRelationshipResource,
    read.state,
    d.config(federationRelationshipResource, {
      ...base,
      bundle_endpoint_url: 'https://b.peer.org',
      trust_domain_bundle: json,
    }),
  );
  t.same(describe(web.diagnostics), []);
  t.same(web.replace, [], 'in place');
  t.same(d.sim.ds.getRelationship(PEER), {
    trustDomain: PEER,
    bundleEndpointUrl: 'https://b.peer.org',
    profile: { kind: 'https_web' },
  });
  t.equal(
    Buffer.from(d.sim.ds.getFederatedBundle(PEER)?.x509_authorities[0]?.asn1 ?? []).toString('hex'),
    Buffer.from(rotated.root.rawData).toString('hex'),
    'the fetched bundle was not overwritten by an update that did not change trust_domain_bundle',
  );

  // Out-of-band change of the URL is drift.
  await d.client.federation.batchUpdate(
    [{ trustDomain: PEER, bundleEndpointUrl: 'https://c.peer.org', profile: { type: 'https_web' } }],
    { inputMask: ['bundleEndpointUrl'] },
  );
  const drifted = await d.read(federationRelationshipResource, web.state);
  t.equal(
    attr(drifted.state, 'bundle_endpoint_url'),
    'https://c.peer.org',
    'a URL changed out of band shows',
  );

  const replaced = d.plan(
    federationRelationshipResource,
    web.state,
    d.config(federationRelationshipResource, { ...base, trust_domain: 'other.org' }),
  );
  t.same(replaced.replace, ['trust_domain'], 'a new trust domain replaces the relationship');

  const destroyed = await d.destroy(federationRelationshipResource, web.state);
  t.same(describe(destroyed.diagnostics), []);
  t.notOk(d.sim.ds.getRelationship(PEER), 'deleted');
});

t.test('NOT_FOUND on read removes the resource; import by trust domain', async (t) => {
  const d = await startDriver(t);
  const created = await d.apply(
    federationRelationshipResource,
    null,
    d.config(federationRelationshipResource, base),
  );
  const imported = await d.importState(federationRelationshipResource, PEER);
  t.same(describe(imported.diagnostics), []);
  t.same(imported.state, created.state, 'import reads what create stored');

  d.sim.ds.deleteRelationship(PEER);
  const gone = await d.read(federationRelationshipResource, created.state);
  t.equal(gone.state, null, 'removed from state');
  t.same(describe(gone.diagnostics), []);
  const again = await d.destroy(federationRelationshipResource, created.state);
  t.same(describe(again.diagnostics), [], 'deleting a missing relationship is fine');
  const missing = await d.importState(federationRelationshipResource, PEER);
  t.match(
    describe(missing.diagnostics).join('\n'),
    /Failed to import spire_federation_relationship: .*does not exist/,
  );
});

t.test('after an import the configured bundle is recorded, not sent over the fetched one', async (t) => {
  const d = await startDriver(t);
  const bootstrap = await createTestCa({ trustDomain: PEER });
  const fetched = await createTestCa({ trustDomain: PEER });
  const json = marshalSpiffeBundle({ x509: bootstrap.x509Bundle(), jwt: bootstrap.jwtBundle() });
  await d.client.federation.batchCreate([
    { trustDomain: PEER, bundleEndpointUrl: URL_A, profile: { type: 'https_web' } },
  ]);
  await d.client.bundles.batchSetFederatedBundles([
    { trustDomain: PEER, x509Authorities: [new Uint8Array(fetched.root.rawData)] },
  ]);
  const imported = await d.importState(federationRelationshipResource, PEER);
  t.same(describe(imported.diagnostics), []);
  t.equal(attr(imported.state, 'trust_domain_bundle'), null, 'an import cannot know the bootstrap bundle');
  const config = d.config(federationRelationshipResource, { ...base, trust_domain_bundle: json });
  d.sim.controls.resetCounts();
  const adopted = await d.apply(federationRelationshipResource, imported.state, config, imported.private);
  t.same(describe(adopted.diagnostics), []);
  t.equal(attr(adopted.state, 'trust_domain_bundle'), json, 'the configured bundle is in state');
  t.equal(
    Buffer.from(d.sim.ds.getFederatedBundle(PEER)?.x509_authorities[0]?.asn1 ?? []).toString('hex'),
    Buffer.from(fetched.root.rawData).toString('hex'),
    'the server keeps the bundle it had',
  );
  t.equal(
    d.sim.controls.rpcCounts().BatchUpdateFederationRelationship ?? 0,
    0,
    'nothing else changed: no update call',
  );

  const changed = marshalSpiffeBundle({ x509: fetched.x509Bundle(), jwt: fetched.jwtBundle() });
  const pushed = await d.apply(
    federationRelationshipResource,
    adopted.state,
    d.config(federationRelationshipResource, { ...base, trust_domain_bundle: changed }),
    adopted.private,
  );
  t.same(describe(pushed.diagnostics), []);
  t.equal(d.sim.ds.getFederatedBundle(PEER)?.jwt_authorities.length, 1, 'a later change is sent');
});

t.test("SPIRE's refusals surface as errors", async (t) => {
  const d = await startDriver(t);
  const own = await d.apply(
    federationRelationshipResource,
    null,
    d.config(federationRelationshipResource, { ...base, trust_domain: 'example.org' }),
  );
  t.equal(own.state, null);
  t.match(
    describe(own.diagnostics).join('\n'),
    /unable to create federation relationship for server trust domain/,
  );
});

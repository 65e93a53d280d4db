// spire_federation_relationship end to end: real terraform, the real provider, and SPIRE (the test
// double unless SPIRE_SERVER_BIN/SPIRE_AGENT_BIN are set). Plan-time validation with the configuration
// line, create, drift suppressed on the fetched bundle, profile switch and URL change in place, import,
// destroy.
import t from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marshalSpiffeBundle } from '../../../src/core/bundle/index.js';
import { createTestCa } from '../../harness/ca.js';
import {
  header,
  localProvider,
  skipWithoutTerraform,
  startBackend,
  workspace,
} from './harness/spire-provider.js';

// Terraform starts the provider about three times per command.
t.setTimeout(300_000);

t.test('spire_federation_relationship against terraform', { skip: skipWithoutTerraform }, async (t) => {
  const backend = await startBackend(t);
  const { client, sim } = backend;
  const ws = workspace(t);
  const peerCa = await createTestCa({ trustDomain: 'peer.org' });
  writeFileSync(
    join(ws.dir, 'peer.json'),
    marshalSpiffeBundle({ x509: peerCa.x509Bundle(), jwt: peerCa.jwtBundle() }),
  );
  const config = (body: string): string => `${header}${localProvider(backend)}${body}`;
  const relationship = (over: { url?: string; web?: boolean } = {}): string =>
    config(`
resource "spire_federation_relationship" "peer" {
  trust_domain            = "peer.org"
  bundle_endpoint_url     = "${over.url ?? 'https://spire.peer.org:8443'}"
${
  over.web === true
    ? '  bundle_endpoint_profile = "https_web"'
    : '  bundle_endpoint_profile = "https_spiffe"\n  endpoint_spiffe_id      = "spiffe://peer.org/spire/server"'
}
  trust_domain_bundle     = file("\${path.module}/peer.json")
}
`);

  await t.test('validation errors at plan time point at the configuration line', async (t) => {
    writeFileSync(
      join(ws.dir, 'broken.json'),
      JSON.stringify({ keys: [{ use: 'jwt-svid', kty: 'EC', crv: 'P-256', x: 'a' }] }),
    );
    ws.write(
      config(`
resource "spire_federation_relationship" "bad_url" {
  trust_domain            = "peer.org"
  bundle_endpoint_url     = "http://spire.peer.org"
  bundle_endpoint_profile = "https_web"
}
resource "spire_federation_relationship" "bad_profile" {
  trust_domain            = "other.org"
  bundle_endpoint_url     = "https://spire.other.org"
  bundle_endpoint_profile = "https_spiffe"
  trust_domain_bundle     = file("\${path.module}/broken.json")
}
`),
    );
    const plan = await ws.run(['plan']);
    t.equal(plan.code, 1);
    // Terraform wraps long details; compare with whitespace runs collapsed.
    const stderr = plan.stderr.replace(/\s+/g, ' ');
    t.match(
      stderr,
      'on main.tf line 12, in resource "spire_federation_relationship" "bad_url": 12: bundle_endpoint_url = "http://spire.peer.org" must use the https scheme',
    );
    t.match(
      stderr,
      'with spire_federation_relationship.bad_profile, on main.tf line 15, in resource "spire_federation_relationship" "bad_profile": 15: resource "spire_federation_relationship" "bad_profile" { bundle_endpoint_profile = "https_spiffe" needs endpoint_spiffe_id',
      'a missing attribute points at the resource block',
    );
    t.match(
      stderr,
      /on main\.tf line 19, in resource "spire_federation_relationship" "bad_profile": 19: trust_domain_bundle = file\(.*?\) must be a SPIFFE bundle JSON document .*? key 0: "y" must be a non-empty string/,
    );
  });

  await t.test('apply creates the relationship with its bootstrap bundle', async (t) => {
    ws.write(relationship());
    const apply = await ws.run(['apply', '-auto-approve']);
    t.equal(apply.code, 0, apply.stderr);
    const rel = await client.federation.get('peer.org');
    t.same(rel.profile, { type: 'https_spiffe', endpointSpiffeId: 'spiffe://peer.org/spire/server' });
    t.equal(rel.bundleEndpointUrl, 'https://spire.peer.org:8443');
    t.equal(
      Buffer.from(rel.trustDomainBundle?.x509Authorities[0]?.der ?? []).toString('hex'),
      Buffer.from(peerCa.root.rawData).toString('hex'),
      'the bootstrap bundle is stored',
    );
  });

  await t.test('a bundle the server fetched since is not drift', async (t) => {
    if (sim === undefined) {
      t.comment('real SPIRE: no endpoint serves peer.org; skipped');
      return;
    }
    const fetched = await createTestCa({ trustDomain: 'peer.org' });
    sim.controls.setFederationEndpointBundle('peer.org', {
      trust_domain: 'peer.org',
      x509_authorities: [{ asn1: Buffer.from(fetched.root.rawData), tainted: false }],
      jwt_authorities: [],
      refresh_hint: 0,
      sequence_number: 7,
    });
    await client.federation.refreshBundle('peer.org');
    t.equal(
      (await client.bundles.getFederatedBundle('peer.org')).sequenceNumber,
      7,
      'the server has a new bundle',
    );
    const plan = await ws.run(['plan', '-detailed-exitcode']);
    t.equal(plan.code, 0, `no changes ${plan.stderr}`);
  });

  await t.test('a profile switch and a URL change are updates in place', async (t) => {
    ws.write(relationship({ url: 'https://b.peer.org', web: true }));
    const apply = await ws.run(['apply', '-auto-approve']);
    t.equal(apply.code, 0, apply.stderr);
    t.match(apply.stdout, /spire_federation_relationship\.peer will be updated in-place/);
    t.match(apply.stdout, /bundle_endpoint_profile\s+= "https_spiffe" -> "https_web"/);
    t.match(apply.stdout, /Resources: 0 added, 1 changed, 0 destroyed/);
    const rel = await client.federation.get('peer.org');
    t.same(rel.profile, { type: 'https_web' });
    t.equal(rel.bundleEndpointUrl, 'https://b.peer.org');
    if (sim !== undefined) {
      t.equal(rel.trustDomainBundle?.sequenceNumber, 7, 'the fetched bundle was not overwritten');
    }
  });

  await t.test('import by trust domain; the configured bundle is recorded, not sent', async (t) => {
    const rm = await ws.run(['state', 'rm', 'spire_federation_relationship.peer']);
    t.equal(rm.code, 0, rm.stderr);
    const imported = await ws.run(['import', 'spire_federation_relationship.peer', 'peer.org']);
    t.equal(imported.code, 0, imported.stderr);
    const apply = await ws.run(['apply', '-auto-approve']);
    t.equal(apply.code, 0, apply.stderr);
    t.match(apply.stdout, /\+ trust_domain_bundle\s+= jsonencode\(/, 'only the bundle enters the state');
    t.match(apply.stdout, /Resources: 0 added, 1 changed, 0 destroyed/);
    if (sim !== undefined) {
      t.equal(
        (await client.bundles.getFederatedBundle('peer.org')).sequenceNumber,
        7,
        'the server keeps its bundle',
      );
    }
    const plan = await ws.run(['plan', '-detailed-exitcode']);
    t.equal(plan.code, 0, 'then no changes');
  });

  await t.test('a relationship deleted out of band is planned again; destroy removes it', async (t) => {
    await client.federation.batchDelete(['peer.org']);
    const plan = await ws.run(['plan', '-detailed-exitcode']);
    t.equal(plan.code, 2);
    t.match(plan.stdout, /spire_federation_relationship\.peer will be created/);
    const apply = await ws.run(['apply', '-auto-approve']);
    t.equal(apply.code, 0, apply.stderr);
    const destroy = await ws.run(['destroy', '-auto-approve']);
    t.equal(destroy.code, 0, destroy.stderr);
    t.same(await client.federation.listAll(), [], 'no relationship left');
  });
});

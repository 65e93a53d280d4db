// spire_federated_bundle end to end: real terraform, the real provider, and SPIRE (the test double
// unless SPIRE_SERVER_BIN/SPIRE_AGENT_BIN are set). Create, update in place, import, delete_mode
// restrict refusing while an entry federates with the bundle, dissociate deleting it, destroy.
import t from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marshalSpiffeBundle } from '../../../src/core/bundle/index.js';
import { createTestCa } from '../../harness/ca.js';
import {
  TD,
  header,
  localProvider,
  skipWithoutTerraform,
  startBackend,
  workspace,
} from './harness/spire-provider.js';

// Terraform starts the provider about three times per command.
t.setTimeout(300_000);

t.test('spire_federated_bundle against terraform', { skip: skipWithoutTerraform }, async (t) => {
  const backend = await startBackend(t);
  const { client } = backend;
  const ws = workspace(t);
  const first = await createTestCa({ trustDomain: 'partner.org' });
  const next = await createTestCa({ trustDomain: 'partner.org' });
  writeFileSync(join(ws.dir, 'partner.pem'), first.x509Bundle().toPem());
  writeFileSync(
    join(ws.dir, 'partner.json'),
    marshalSpiffeBundle({ x509: next.x509Bundle(), jwt: next.jwtBundle() }),
  );
  const bundle = (attribute: string, mode?: string): string => `${header}${localProvider(backend)}
resource "spire_federated_bundle" "partner" {
  trust_domain = "partner.org"
  ${attribute}${mode === undefined ? '' : `\n  delete_mode  = "${mode}"`}
}
`;
  const pem = 'x509_pem     = file("${path.module}/partner.pem")';
  const json = 'spiffe_bundle_json = file("${path.module}/partner.json")';
  const hex = (der: ArrayBuffer | Uint8Array | undefined): string =>
    Buffer.from(new Uint8Array(der ?? new ArrayBuffer(0))).toString('hex');

  await t.test('apply creates the bundle from PEM; the JSON form is filled in', async (t) => {
    ws.write(bundle(pem));
    const apply = await ws.run(['apply', '-auto-approve']);
    t.equal(apply.code, 0, apply.stderr);
    const stored = await client.bundles.getFederatedBundle('partner.org');
    t.same(
      stored.x509Authorities.map((a) => hex(a.der)),
      [hex(first.root.rawData)],
    );
    const shown = await ws.resource('spire_federated_bundle.partner');
    t.match(shown?.values, { delete_mode: 'restrict', x509_pem: first.x509Bundle().toPem() });
    t.match(String(shown?.values.spiffe_bundle_json), /"use":"x509-svid"/);
  });

  await t.test('switching to SPIFFE bundle JSON is an update in place', async (t) => {
    ws.write(bundle(json));
    const apply = await ws.run(['apply', '-auto-approve']);
    t.equal(apply.code, 0, apply.stderr);
    t.match(apply.stdout, /spire_federated_bundle\.partner will be updated in-place/);
    const stored = await client.bundles.getFederatedBundle('partner.org');
    t.same(
      stored.x509Authorities.map((a) => hex(a.der)),
      [hex(next.root.rawData)],
    );
    t.equal(stored.jwtAuthorities.length, 1, 'the JWT authority arrived');
  });

  await t.test(
    'a change outside Terraform is drift; import by trust domain gives an empty plan',
    async (t) => {
      await client.bundles.batchSetFederatedBundles([
        { trustDomain: 'partner.org', x509Authorities: [new Uint8Array(first.root.rawData)] },
      ]);
      const drift = await ws.run(['plan', '-detailed-exitcode']);
      t.equal(drift.code, 2, 'changes planned');
      t.match(drift.stdout, /spire_federated_bundle\.partner will be updated in-place/);
      const rm = await ws.run(['state', 'rm', 'spire_federated_bundle.partner']);
      t.equal(rm.code, 0, rm.stderr);
      ws.write(bundle(pem));
      const imported = await ws.run(['import', 'spire_federated_bundle.partner', 'partner.org']);
      t.equal(imported.code, 0, imported.stderr);
      const plan = await ws.run(['plan', '-detailed-exitcode']);
      t.equal(plan.code, 0, 'no changes after the import');
    },
  );

  await t.test('delete_mode restrict refuses while an entry federates; dissociate deletes', async (t) => {
    const [entry] = await client.entries.batchCreate([
      {
        spiffeId: `spiffe://${TD}/federated-workload`,
        parentId: `spiffe://${TD}/node`,
        selectors: [{ type: 'unix', value: 'uid:1001' }],
        federatesWith: ['partner.org'],
      },
    ]);
    t.ok(entry?.ok, 'an entry created through the API federates with partner.org');
    const entryId = entry?.ok === true ? entry.value.id : '';

    const refused = await ws.run(['destroy', '-auto-approve']);
    t.equal(refused.code, 1);
    const stderr = refused.stderr.replace(/\s+/g, ' ');
    t.match(stderr, 'Error: Failed to delete spire_federated_bundle');
    t.match(stderr, 'registration entries still federate with partner.org');
    t.match(stderr, 'Set delete_mode = "dissociate"');
    t.equal(
      (await client.bundles.getFederatedBundle('partner.org')).trustDomain,
      'partner.org',
      'still there',
    );

    ws.write(bundle(pem, 'dissociate'));
    const mode = await ws.run(['apply', '-auto-approve']);
    t.equal(mode.code, 0, mode.stderr);
    t.match(mode.stdout, /delete_mode\s+= "restrict" -> "dissociate"/);
    const destroy = await ws.run(['destroy', '-auto-approve']);
    t.equal(destroy.code, 0, destroy.stderr);
    t.equal(ws.stateFile().resources.length, 0, 'state is empty');
    t.same((await client.entries.get(entryId)).federatesWith, [], 'the entry stays, without partner.org');
    const bundles = await client.bundles.listAllFederatedBundles();
    t.notOk(
      bundles.some((b) => b.trustDomain === 'partner.org'),
      'the bundle is gone',
    );
  });
});

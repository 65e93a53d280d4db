// spire_federated_bundle in-process against the SPIRE test double, and the bundle formats it shares:
// validation at plan time, the set/read/delete mapping, drift only when the content differs, and the
// delete modes.
import t from 'tap';
import { marshalSpiffeBundle } from '../../../../src/core/bundle/index.js';
import type { Bundle } from '../../../../src/core/spireapi/index.js';
import { pemToDerList } from '../../../../src/core/x509/index.js';
import {
  bundleInputFromJson,
  bundleToSpiffeJson,
  sameBundleContent,
} from '../../../../provider/bundle-formats.js';
import { federatedBundleResource } from '../../../../provider/resources/federated-bundle.js';
import { createTestCa } from '../../../harness/ca.js';
import { attr, describe, startDriver, text } from '../data-sources/fixtures/drive.js';

const PEER = 'peer.org';

async function peerBundle(): Promise<{ json: string; pem: string; otherPem: string }> {
  const ca = await createTestCa({ trustDomain: PEER });
  const other = await createTestCa({ trustDomain: PEER });
  return {
    json: marshalSpiffeBundle({ x509: ca.x509Bundle(), jwt: ca.jwtBundle(), refreshHintSeconds: 300 }),
    pem: ca.x509Bundle().toPem(),
    otherPem: other.x509Bundle().toPem(),
  };
}

t.test('SPIFFE bundle JSON converts to the server form and back', async (t) => {
  const { json } = await peerBundle();
  const input = bundleInputFromJson(PEER, json);
  t.equal(input.x509Authorities?.length, 1);
  t.equal(input.jwtAuthorities?.length, 1, 'the JWT key became a PKIX key');
  t.equal(input.refreshHint, 300);
  const asServer: Bundle = {
    trustDomain: PEER,
    x509Authorities: (input.x509Authorities ?? []).map((der) => ({ der: der as Uint8Array, tainted: false })),
    jwtAuthorities: (input.jwtAuthorities ?? []).map((k) => ({ ...k, expiresAt: 0, tainted: false })),
    refreshHint: 300,
    sequenceNumber: 0,
  };
  t.ok(sameBundleContent(input, asServer), 'same content');
  const back = bundleInputFromJson(PEER, bundleToSpiffeJson(asServer));
  t.ok(sameBundleContent(back, asServer), 'the rendered JSON parses to the same content');
  t.notOk(
    sameBundleContent({ ...input, refreshHint: 60 }, asServer),
    'a different refresh hint is different',
  );
  t.notOk(sameBundleContent({ ...input, jwtAuthorities: [] }, asServer), 'a missing JWT key is different');
});

t.test('validation at plan time, with attribute paths', async (t) => {
  const d = await startDriver(t);
  const { json, pem } = await peerBundle();
  const badKey = JSON.stringify({
    keys: [(JSON.parse(json) as { keys: unknown[] }).keys[0], { use: 'x509-svid', kty: 'EC', x5c: [] }],
  });
  const rows: { name: string; values: Record<string, string>; path: string | undefined; match: RegExp }[] = [
    {
      name: 'trust_domain must be a bare name',
      values: { trust_domain: 'spiffe://peer.org', x509_pem: pem },
      path: 'trust_domain',
      match: /bare trust domain name/,
    },
    {
      name: 'trust_domain must follow SPIFFE-ID §2.1',
      values: { trust_domain: 'Peer.Org', x509_pem: pem },
      path: 'trust_domain',
      match: /trust domain characters are limited/,
    },
    {
      name: 'one of the bundle attributes is required',
      values: { trust_domain: PEER },
      path: undefined,
      match: /exactly one/,
    },
    {
      name: 'not both bundle attributes',
      values: { trust_domain: PEER, x509_pem: pem, spiffe_bundle_json: json },
      path: 'x509_pem',
      match: /not both/,
    },
    {
      name: 'bundle JSON that does not parse',
      values: { trust_domain: PEER, spiffe_bundle_json: '{"keys": [' },
      path: 'spiffe_bundle_json',
      match: /is not valid JSON/,
    },
    {
      name: 'bundle JSON errors name the key index and member',
      values: { trust_domain: PEER, spiffe_bundle_json: badKey },
      path: 'spiffe_bundle_json',
      match: /key 1: "x5c" must hold exactly one certificate/,
    },
    {
      name: 'bundle JSON needs a keys array (§4.1.3)',
      values: { trust_domain: PEER, spiffe_bundle_json: '{}' },
      path: 'spiffe_bundle_json',
      match: /"keys" must be an array/,
    },
    {
      name: 'x509_pem needs certificates',
      values: { trust_domain: PEER, x509_pem: 'not a pem' },
      path: 'x509_pem',
      match: /PEM "CERTIFICATE" blocks/,
    },
    {
      name: 'delete_mode is restrict, dissociate or delete',
      values: { trust_domain: PEER, x509_pem: pem, delete_mode: 'force' },
      path: 'delete_mode',
      match: /must be one of "restrict", "dissociate", "delete"/,
    },
  ];
  for (const row of rows) {
    const lines = describe(
      d.validate(federatedBundleResource, d.config(federatedBundleResource, row.values)),
    );
    t.equal(lines.length, 1, `${row.name}: one error (${lines.join('; ')})`);
    t.match(lines[0], row.match, row.name);
    if (row.path === undefined) t.notMatch(lines[0], / @ /, `${row.name}: no attribute path`);
    else t.match(lines[0], new RegExp(`@ ${row.path}$`), `${row.name}: points at ${row.path}`);
  }
});

t.test('create sets the bundle; read keeps the configured text while the content is the same', async (t) => {
  const d = await startDriver(t);
  const { json, pem, otherPem } = await peerBundle();
  const jsonConfig = d.config(federatedBundleResource, { trust_domain: PEER, spiffe_bundle_json: json });
  const created = await d.apply(federatedBundleResource, null, jsonConfig);
  t.same(describe(created.diagnostics), []);
  t.equal(attr(created.state, 'spiffe_bundle_json'), json, 'the configured form as configured');
  t.equal(attr(created.state, 'x509_pem'), pem, 'the other form rendered from the server');
  t.equal(attr(created.state, 'delete_mode'), 'restrict', 'delete_mode defaults to restrict');
  const stored = d.sim.ds.getFederatedBundle(PEER);
  t.equal(stored?.x509_authorities.length, 1);
  t.equal(stored?.jwt_authorities.length, 1);
  t.equal(stored?.refresh_hint, 300);

  const reformatted = JSON.stringify(JSON.parse(json), null, 2);
  const read = await d.read(federatedBundleResource, {
    ...(created.state as object),
    spiffe_bundle_json: reformatted,
  });
  t.equal(attr(read.state, 'spiffe_bundle_json'), reformatted, 'formatting is not drift');

  // Only delete_mode changes: nothing is written.
  d.sim.controls.resetCounts();
  const modeOnly = await d.apply(
    federatedBundleResource,
    created.state,
    d.config(federatedBundleResource, {
      trust_domain: PEER,
      spiffe_bundle_json: json,
      delete_mode: 'dissociate',
    }),
    created.private,
  );
  t.same(describe(modeOnly.diagnostics), []);
  t.equal(d.sim.controls.rpcCounts().BatchSetFederatedBundle ?? 0, 0, 'no BatchSetFederatedBundle');
  t.equal(attr(modeOnly.state, 'x509_pem'), pem);

  // Switch to the PEM form (in place): the bundle is written without JWT authorities, even though the
  // state already showed that very PEM text.
  const pemState = await d.apply(
    federatedBundleResource,
    modeOnly.state,
    d.config(federatedBundleResource, { trust_domain: PEER, x509_pem: pem }),
    modeOnly.private,
  );
  t.same(describe(pemState.diagnostics), []);
  t.same(pemState.replace, [], 'changing the bundle is an in-place update');
  t.equal(
    d.sim.ds.getFederatedBundle(PEER)?.jwt_authorities.length,
    0,
    'the PEM form wrote the whole bundle',
  );
  t.notMatch(text(pemState.state, 'spiffe_bundle_json'), /jwt-svid/, 'the JSON form follows');

  // An out-of-band change is drift in both forms.
  await d.client.bundles.batchSetFederatedBundles([
    { trustDomain: PEER, x509Authorities: pemToDerList(otherPem, 'CERTIFICATE') },
  ]);
  const drifted = await d.read(federatedBundleResource, pemState.state, pemState.private);
  t.equal(attr(drifted.state, 'x509_pem'), otherPem, 'x509_pem shows the new authorities');
  t.not(attr(drifted.state, 'spiffe_bundle_json'), attr(pemState.state, 'spiffe_bundle_json'));
  const plan = d.plan(
    federatedBundleResource,
    drifted.state,
    d.config(federatedBundleResource, { trust_domain: PEER, x509_pem: pem }),
  );
  t.equal(attr(plan.planned, 'x509_pem'), pem, 'the plan writes the configured PEM back');
});

t.test('with x509_pem configured, only X.509 changes are drift', async (t) => {
  const d = await startDriver(t);
  const { json, pem } = await peerBundle();
  // Explanatory text before the block (RFC 7468 §5.2) makes the configured text differ from a rendering.
  const annotated = `partner roots\n${pem}`;
  const created = await d.apply(
    federatedBundleResource,
    null,
    d.config(federatedBundleResource, { trust_domain: PEER, x509_pem: annotated }),
  );
  t.same(describe(created.diagnostics), []);
  // A JWT authority added outside Terraform (the X.509 authorities unchanged).
  await d.client.bundles.batchSetFederatedBundles([bundleInputFromJson(PEER, json)]);
  const read = await d.read(federatedBundleResource, created.state, created.private);
  t.equal(attr(read.state, 'x509_pem'), annotated, 'x509_pem kept as configured: not drift');
  t.match(text(read.state, 'spiffe_bundle_json'), /jwt-svid/, 'the JSON form shows the JWT authority');
});

t.test('NOT_FOUND on read removes the resource; import by trust domain', async (t) => {
  const d = await startDriver(t);
  const { pem } = await peerBundle();
  const pemConfig = d.config(federatedBundleResource, { trust_domain: PEER, x509_pem: pem });
  const created = await d.apply(federatedBundleResource, null, pemConfig);
  const imported = await d.importState(federatedBundleResource, PEER);
  t.same(describe(imported.diagnostics), []);
  t.equal(attr(imported.state, 'trust_domain'), PEER);
  t.equal(attr(imported.state, 'x509_pem'), pem, 'an import renders both forms');
  t.type(attr(imported.state, 'spiffe_bundle_json'), 'string');
  t.equal(attr(imported.state, 'delete_mode'), 'restrict');
  const plan = d.plan(federatedBundleResource, imported.state, pemConfig);
  t.same(plan.planned, imported.state, 'the plan after the import is empty');

  d.sim.ds.deleteFederatedBundle(PEER);
  const gone = await d.read(federatedBundleResource, created.state);
  t.equal(gone.state, null, 'removed from state');
  const missing = await d.importState(federatedBundleResource, PEER);
  t.match(
    describe(missing.diagnostics).join('\n'),
    /Failed to import spire_federated_bundle: .*bundle not found/,
  );
  const invalid = await d.importState(federatedBundleResource, 'spiffe://peer.org');
  t.match(describe(invalid.diagnostics).join('\n'), /import ID must be a bare trust domain name/);
});

t.test('delete modes: restrict refuses while an entry federates, dissociate keeps the entry', async (t) => {
  const d = await startDriver(t);
  const { pem } = await peerBundle();
  const created = await d.apply(
    federatedBundleResource,
    null,
    d.config(federatedBundleResource, { trust_domain: PEER, x509_pem: pem }),
  );
  const [entry] = await d.client.entries.batchCreate([
    {
      spiffeId: 'spiffe://example.org/workload',
      parentId: 'spiffe://example.org/node',
      selectors: [{ type: 'unix', value: 'uid:0' }],
      federatesWith: [PEER],
    },
  ]);
  t.ok(entry?.ok, 'an entry federating with the bundle');
  const entryId = entry?.ok === true ? entry.value.id : '';

  const refused = await d.destroy(federatedBundleResource, created.state);
  t.same(refused.state, created.state, 'still in state');
  const lines = describe(refused.diagnostics).join('\n');
  t.match(lines, /registration entries still federate with peer\.org/);
  t.match(lines, /delete_mode = "dissociate"/);
  t.match(lines, /federated with 1 registration entries/, "SPIRE's own reason is kept");
  t.ok(d.sim.ds.getFederatedBundle(PEER), 'the bundle is still there');

  const modeChanged = await d.apply(
    federatedBundleResource,
    created.state,
    d.config(federatedBundleResource, { trust_domain: PEER, x509_pem: pem, delete_mode: 'dissociate' }),
  );
  t.same(describe(modeChanged.diagnostics), []);
  t.equal(attr(modeChanged.state, 'delete_mode'), 'dissociate');
  const dissociated = await d.destroy(federatedBundleResource, modeChanged.state);
  t.same(describe(dissociated.diagnostics), []);
  t.equal(dissociated.state, null);
  t.notOk(d.sim.ds.getFederatedBundle(PEER), 'the bundle is deleted');
  t.same(d.sim.ds.getEntry(entryId)?.federates_with, [], 'the entry stays, without the trust domain');
});

t.test(
  'delete mode "delete" deletes the federating entries; an already deleted bundle is fine',
  async (t) => {
    const d = await startDriver(t);
    const { pem } = await peerBundle();
    const created = await d.apply(
      federatedBundleResource,
      null,
      d.config(federatedBundleResource, { trust_domain: PEER, x509_pem: pem, delete_mode: 'delete' }),
    );
    const [entry] = await d.client.entries.batchCreate([
      {
        spiffeId: 'spiffe://example.org/workload',
        parentId: 'spiffe://example.org/node',
        selectors: [{ type: 'unix', value: 'uid:0' }],
        federatesWith: [PEER],
      },
    ]);
    const destroyed = await d.destroy(federatedBundleResource, created.state);
    t.same(describe(destroyed.diagnostics), []);
    t.notOk(d.sim.ds.getEntry(entry?.ok === true ? entry.value.id : ''), 'the entry was deleted with it');
    const again = await d.destroy(federatedBundleResource, created.state);
    t.same(describe(again.diagnostics), [], 'NOT_FOUND on delete counts as deleted');
  },
);

// The Workload API double's X.509 side, over a real unix socket with a raw grpc-js client: SVID shape,
// the security header, which entries a workload gets, streaming pushes, CA rotation, socket loss and
// federated bundles. Rules cite SPIRE pkg/agent/endpoints/workload/handler.go unless stated otherwise.
import t from 'tap';
import * as grpc from '@grpc/grpc-js';
import {
  x509,
  parsePrivateKey,
  keyMatchesCertificate,
  splitConcatenatedDer,
} from '../../../src/core/x509/index.js';
import type { X509SVIDResponse } from '../../../src/core/generated/X509SVIDResponse.js';
import type { X509BundlesResponse } from '../../../src/core/generated/X509BundlesResponse.js';
import type { JWTBundlesResponse } from '../../../src/core/generated/JWTBundlesResponse.js';
import { SimCa } from '../../sim/ca.js';
import {
  AGENT_ID,
  TD,
  StreamReader,
  expectStatus,
  makeEntry,
  newClient,
  securityMetadata,
  startRig,
  unary,
  type Rig,
} from './fixtures/workload.js';

const WORKLOAD_ID = `spiffe://${TD}/workload`;

function svidStream(rig: Rig, md = securityMetadata()): StreamReader<X509SVIDResponse> {
  return new StreamReader(rig.client.FetchX509SVID({}, md));
}

function certsOf(der: Uint8Array): x509.X509Certificate[] {
  return splitConcatenatedDer(der).map((d) => new x509.X509Certificate(d));
}

function leafOf(response: X509SVIDResponse, index = 0): x509.X509Certificate {
  const svid = response.svids[index];
  if (svid === undefined) throw new Error(`no SVID at ${index}`);
  const leaf = certsOf(svid.x509_svid)[0];
  if (leaf === undefined) throw new Error('empty chain');
  return leaf;
}

t.test(
  'FetchX509SVID returns an X509-SVID shaped like SPIRE issues it (X509-SVID spec, credtemplate)',
  async (t) => {
    const rig = await startRig(t, {
      entries: [
        makeEntry({ spiffeId: WORKLOAD_ID, dnsNames: ['web.example.org', 'alt.example.org'], hint: 'web' }),
      ],
    });
    const response = await svidStream(rig).next();
    t.equal(response.svids.length, 1);
    const svid = response.svids[0];
    if (svid === undefined) throw new Error('no svid');
    t.equal(svid.spiffe_id, WORKLOAD_ID);
    t.equal(svid.hint, 'web');
    const leaf = leafOf(response);
    const san = leaf.getExtension(x509.SubjectAlternativeNameExtension);
    t.same(
      san?.names.items.filter((n) => n.type === 'url').map((n) => n.value),
      [WORKLOAD_ID],
      'exactly one URI SAN, the SPIFFE ID',
    );
    t.same(
      san?.names.items.filter((n) => n.type === 'dns').map((n) => n.value),
      ['web.example.org', 'alt.example.org'],
    );
    const basic = leaf.getExtension(x509.BasicConstraintsExtension);
    t.equal(basic?.ca, false, 'CA=false');
    const usage = leaf.getExtension(x509.KeyUsagesExtension);
    t.equal(
      usage?.usages,
      x509.KeyUsageFlags.digitalSignature |
        x509.KeyUsageFlags.keyEncipherment |
        x509.KeyUsageFlags.keyAgreement,
    );
    t.equal(usage?.critical, true, 'key usage is critical');
    t.same(leaf.getExtension(x509.ExtendedKeyUsageExtension)?.usages, [
      '1.3.6.1.5.5.7.3.1',
      '1.3.6.1.5.5.7.3.2',
    ]);
    t.equal(leaf.subject, 'C=US, O=SPIRE, CN=web.example.org', 'default subject, CN = first DNS name');
    t.ok(
      await keyMatchesCertificate(parsePrivateKey(svid.x509_svid_key), leaf),
      'x509_svid_key is the leaf key (PKCS#8)',
    );
    t.same(
      certsOf(svid.bundle).map((c) => c.serialNumber),
      rig.ca.bundleCertificates().map((c) => c.serialNumber),
      'bundle field is the own trust bundle',
    );
    t.ok(await leaf.verify({ publicKey: rig.ca.bundleCertificates()[0]?.publicKey, signatureOnly: true }));
  },
);

t.test('X509-SVID lifetime is the entry x509_svid_ttl when > 0, else the default TTL', async (t) => {
  const rig = await startRig(t, {
    ca: { defaultX509SvidTtlSeconds: 120 },
    entries: [
      makeEntry({ id: 'a', spiffeId: `${WORKLOAD_ID}/short`, x509SvidTtl: 5 }),
      makeEntry({ id: 'b', spiffeId: `${WORKLOAD_ID}/default` }),
    ],
  });
  const response = await svidStream(rig).next();
  // credtemplate: notBefore is backdated 10 s, notAfter = issue time + TTL.
  const lifetime = (cert: x509.X509Certificate): number =>
    (cert.notAfter.getTime() - cert.notBefore.getTime()) / 1000;
  t.equal(lifetime(leafOf(response, 0)), 5 + 10);
  t.equal(lifetime(leafOf(response, 1)), 120 + 10);
});

t.test('rejects calls without "workload.spiffe.io: true" with InvalidArgument (middleware.go)', async (t) => {
  const rig = await startRig(t, { entries: [makeEntry({ spiffeId: WORKLOAD_ID })] });
  const missing = await expectStatus(svidStream(rig, new grpc.Metadata()).next());
  t.equal(missing.code, grpc.status.INVALID_ARGUMENT);
  t.equal(missing.details, 'security header missing from request');
  const wrong = new grpc.Metadata();
  wrong.set('workload.spiffe.io', 'false');
  t.equal((await expectStatus(new StreamReader(rig.client.FetchX509Bundles({}, wrong)).next())).code, 3);
  const unaryMissing = await expectStatus(
    unary(rig.client.FetchJWTSVID.bind(rig.client), { audience: ['x'] }, new grpc.Metadata()),
  );
  t.equal(unaryMissing.code, grpc.status.INVALID_ARGUMENT);
  t.equal(unaryMissing.details, 'security header missing from request');
  t.equal(rig.api.rpcCounts().FetchX509SVID, 1, 'rejected calls are counted');
});

t.test(
  'no matching entry: PermissionDenied "no identity issued"; a retry after the entry exists gets it',
  async (t) => {
    const rig = await startRig(t);
    for (const open of [
      () => rig.client.FetchX509SVID({}, securityMetadata()),
      () => rig.client.FetchX509Bundles({}, securityMetadata()),
      () => rig.client.FetchJWTBundles({}, securityMetadata()),
    ]) {
      const err = await expectStatus(new StreamReader<unknown>(open()).next());
      t.equal(err.code, grpc.status.PERMISSION_DENIED);
      t.equal(err.details, 'no identity issued');
    }
    rig.ds.insertEntry(makeEntry({ spiffeId: WORKLOAD_ID }));
    const response = await svidStream(rig).next();
    t.equal(response.svids[0]?.spiffe_id, WORKLOAD_ID);
  },
);

t.test('allow_unauthenticated_verifiers: bundles without an identity', async (t) => {
  const rig = await startRig(t, { serve: { allowUnauthenticatedVerifiers: true } });
  const bundles = await new StreamReader<X509BundlesResponse>(
    rig.client.FetchX509Bundles({}, securityMetadata()),
  ).next();
  t.same(Object.keys(bundles.bundles), [`spiffe://${TD}`]);
  t.equal(
    (await expectStatus(svidStream(rig).next())).code,
    grpc.status.PERMISSION_DENIED,
    'SVIDs still denied',
  );
});

t.test(
  'delivers entries descending from the agent or a matching node alias, whose selectors the workload has (authorizedentries/cache.go)',
  async (t) => {
    const aliasId = `spiffe://${TD}/node-group`;
    const rig = await startRig(t, {
      entries: [
        makeEntry({ id: 'e1', spiffeId: `${WORKLOAD_ID}/direct` }),
        makeEntry({
          id: 'e2',
          spiffeId: `${WORKLOAD_ID}/other-agent`,
          parentId: `spiffe://${TD}/spire/agent/x/y`,
        }),
        makeEntry({
          id: 'e3',
          spiffeId: `${WORKLOAD_ID}/needs-more`,
          selectors: [
            { type: 'unix', value: 'uid:0' },
            { type: 'unix', value: 'gid:5' },
          ],
        }),
        makeEntry({
          id: 'alias',
          spiffeId: aliasId,
          parentId: `spiffe://${TD}/spire/server`,
          selectors: [{ type: 'aws_iid', value: 'tag:role:worker' }],
        }),
        makeEntry({ id: 'e4', spiffeId: `${WORKLOAD_ID}/via-alias`, parentId: aliasId }),
        makeEntry({ id: 'e5', spiffeId: `${WORKLOAD_ID}/nested`, parentId: `${WORKLOAD_ID}/direct` }),
        makeEntry({ id: 'e6', spiffeId: `${WORKLOAD_ID}/no-selectors`, selectors: [] }),
        makeEntry({ id: 'e7', spiffeId: `spiffe://other.org/workload` }),
        makeEntry({
          id: 'e8',
          spiffeId: `${WORKLOAD_ID}/foreign-parent`,
          parentId: 'spiffe://other.org/spire/agent/join_token/t0k3n',
        }),
      ],
      serve: { agentSelectors: [{ type: 'aws_iid', value: 'tag:role:worker' }] },
    });
    const response = await svidStream(rig).next();
    t.same(
      response.svids.map((s) => s.spiffe_id),
      [`${WORKLOAD_ID}/direct`, `${WORKLOAD_ID}/via-alias`, `${WORKLOAD_ID}/nested`],
      'sorted by entry ID',
    );
  },
);

t.test('node-alias selectors default to the agent record in the datastore', async (t) => {
  const aliasId = `spiffe://${TD}/node-group`;
  const rig = await startRig(t, {
    entries: [
      makeEntry({
        id: 'alias',
        spiffeId: aliasId,
        parentId: `spiffe://${TD}/spire/server`,
        selectors: [{ type: 'join_token', value: 't0k3n' }],
      }),
      makeEntry({ id: 'e1', spiffeId: WORKLOAD_ID, parentId: aliasId }),
    ],
  });
  t.equal(
    (await expectStatus(svidStream(rig).next())).code,
    grpc.status.PERMISSION_DENIED,
    'agent not known yet',
  );
  rig.ds.putAgent(AGENT_ID, {
    id: { trust_domain: TD, path: '/spire/agent/join_token/t0k3n' },
    attestation_type: 'join_token',
    x509svid_serial_number: '',
    x509svid_expires_at: 0,
    selectors: [{ type: 'join_token', value: 't0k3n' }],
    banned: false,
    can_reattest: false,
    agent_version: '',
  });
  await rig.api.rotateNow();
  t.equal((await svidStream(rig).next()).svids[0]?.spiffe_id, WORKLOAD_ID);
});

t.test('one identity per hint: the oldest entry wins (hintsfilter.go)', async (t) => {
  const rig = await startRig(t, {
    entries: [
      makeEntry({ id: 'b', spiffeId: `${WORKLOAD_ID}/new`, hint: 'h', createdAt: 20 }),
      makeEntry({ id: 'c', spiffeId: `${WORKLOAD_ID}/old`, hint: 'h', createdAt: 10 }),
      makeEntry({ id: 'a', spiffeId: `${WORKLOAD_ID}/unhinted` }),
    ],
  });
  const response = await svidStream(rig).next();
  t.same(
    response.svids.map((s) => s.spiffe_id),
    [`${WORKLOAD_ID}/unhinted`, `${WORKLOAD_ID}/old`],
  );
});

t.test('rotateNow pushes fresh SVIDs (new serial and key) on open streams', async (t) => {
  const rig = await startRig(t, { entries: [makeEntry({ spiffeId: WORKLOAD_ID })] });
  const stream = svidStream(rig);
  const first = await stream.next();
  await rig.api.rotateNow();
  const second = await stream.next();
  t.not(leafOf(second).serialNumber, leafOf(first).serialNumber);
  t.equal(
    rig.api.currentX509Svids()[0]?.certificates[0]?.serialNumber,
    leafOf(second).serialNumber,
    'currentX509Svids shows what was pushed',
  );
  t.not(
    Buffer.from(second.svids[0]?.x509_svid_key ?? []).toString('hex'),
    Buffer.from(first.svids[0]?.x509_svid_key ?? []).toString('hex'),
    'SPIRE issues a new key with every SVID',
  );
});

t.test(
  'pushes the full state when an entry for the caller appears; changes for other workloads push nothing',
  async (t) => {
    const rig = await startRig(t, { entries: [makeEntry({ id: 'e1', spiffeId: `${WORKLOAD_ID}/one` })] });
    const stream = svidStream(rig);
    const first = await stream.next();
    t.equal(first.svids.length, 1);
    // Not this workload's: other selectors. No message may come of it.
    rig.ds.insertEntry(
      makeEntry({ id: 'e0', spiffeId: `${WORKLOAD_ID}/else`, selectors: [{ type: 'unix', value: 'uid:7' }] }),
    );
    await rig.api.settled();
    rig.ds.insertEntry(makeEntry({ id: 'e2', spiffeId: `${WORKLOAD_ID}/two` }));
    const second = await stream.next();
    t.same(
      second.svids.map((s) => s.spiffe_id),
      [`${WORKLOAD_ID}/one`, `${WORKLOAD_ID}/two`],
      'next message is the complete new state',
    );
    t.equal(leafOf(second).serialNumber, leafOf(first).serialNumber, 'unchanged identities keep their SVID');
  },
);

t.test('an updated entry (new revision) is re-minted and pushed (agent sync.go)', async (t) => {
  const entry = makeEntry({ id: 'e1', spiffeId: WORKLOAD_ID, dnsNames: ['a.example.org'] });
  const rig = await startRig(t, { entries: [entry] });
  const stream = svidStream(rig);
  t.equal(leafOf(await stream.next()).subject, 'C=US, O=SPIRE, CN=a.example.org');
  rig.ds.replaceEntry({ ...entry, dns_names: ['b.example.org'], revision_number: 1 });
  t.equal(leafOf(await stream.next()).subject, 'C=US, O=SPIRE, CN=b.example.org');
});

t.test(
  'a withdrawn identity is missing from the next message; with none left the stream ends PermissionDenied',
  async (t) => {
    const rig = await startRig(t, {
      entries: [
        makeEntry({ id: 'e1', spiffeId: `${WORKLOAD_ID}/one` }),
        makeEntry({ id: 'e2', spiffeId: `${WORKLOAD_ID}/two` }),
      ],
    });
    const stream = svidStream(rig);
    t.equal((await stream.next()).svids.length, 2);
    rig.ds.deleteEntry('e1');
    t.same(
      (await stream.next()).svids.map((s) => s.spiffe_id),
      [`${WORKLOAD_ID}/two`],
    );
    await rig.api.hideIdentity(`${WORKLOAD_ID}/two`);
    const err = await expectStatus(stream.next());
    t.equal(err.code, grpc.status.PERMISSION_DENIED);
    t.equal(err.details, 'no identity issued');
    await rig.api.unhideIdentity(`${WORKLOAD_ID}/two`);
    t.equal(
      (await svidStream(rig).next()).svids[0]?.spiffe_id,
      `${WORKLOAD_ID}/two`,
      'unhidden identity is back',
    );
  },
);

t.test('setSelectors changes which identities the workload gets', async (t) => {
  const rig = await startRig(t, {
    entries: [makeEntry({ spiffeId: WORKLOAD_ID, selectors: [{ type: 'unix', value: 'uid:1000' }] })],
  });
  t.equal((await expectStatus(svidStream(rig).next())).code, grpc.status.PERMISSION_DENIED);
  await rig.api.setSelectors([{ type: 'unix', value: 'uid:1000' }]);
  t.equal((await svidStream(rig).next()).svids[0]?.spiffe_id, WORKLOAD_ID);
});

t.test('SVIDs are re-minted and pushed at half of their lifetime (rotationutil.go)', async (t) => {
  const rig = await startRig(t, { entries: [makeEntry({ spiffeId: WORKLOAD_ID, x509SvidTtl: 1 })] });
  const stream = svidStream(rig);
  const first = await stream.next();
  const second = await stream.next();
  t.not(leafOf(second).serialNumber, leafOf(first).serialNumber);
});

t.test(
  'CA rotation: both roots in the bundle during the overlap, new SVIDs chain to the new root',
  async (t) => {
    const rig = await startRig(t, { entries: [makeEntry({ spiffeId: WORKLOAD_ID })] });
    const stream = svidStream(rig);
    const bundles = new StreamReader<X509BundlesResponse>(
      rig.client.FetchX509Bundles({}, securityMetadata()),
    );
    const first = await stream.next();
    const oldRoot = certsOf(first.svids[0]?.bundle ?? new Uint8Array());
    t.equal(oldRoot.length, 1);
    t.equal(Object.keys((await bundles.next()).bundles).length, 1);

    await rig.ca.rotate();
    const during = await stream.next();
    const roots = certsOf(during.svids[0]?.bundle ?? new Uint8Array());
    t.equal(roots.length, 2, 'old and new root pushed');
    t.equal(
      leafOf(during).serialNumber,
      leafOf(first).serialNumber,
      'the SVID itself is not re-minted by a CA rotation',
    );
    t.equal(
      certsOf((await bundles.next()).bundles[`spiffe://${TD}`] ?? new Uint8Array()).length,
      2,
      'bundle stream pushed too',
    );

    await rig.api.rotateNow();
    const fresh = leafOf(await stream.next());
    const newRoot = roots.find((r) => r.serialNumber !== oldRoot[0]?.serialNumber);
    t.ok(
      await fresh.verify({ publicKey: newRoot?.publicKey, signatureOnly: true }),
      'signed by the new root',
    );

    rig.ca.dropOldAuthorities();
    const after = await stream.next();
    t.same(
      certsOf(after.svids[0]?.bundle ?? new Uint8Array()).map((c) => c.serialNumber),
      [newRoot?.serialNumber],
      'old root gone after the overlap',
    );
  },
);

t.test('dropping the authority of a held SVID re-mints it under the current one', async (t) => {
  const rig = await startRig(t, { entries: [makeEntry({ spiffeId: WORKLOAD_ID })] });
  const stream = svidStream(rig);
  const first = await stream.next();
  await rig.ca.rotate();
  await stream.next();
  rig.ca.dropOldAuthorities();
  const after = await stream.next();
  const root = rig.ca.bundleCertificates()[0];
  t.not(leafOf(after).serialNumber, leafOf(first).serialNumber);
  t.ok(await leafOf(after).verify({ publicKey: root?.publicKey, signatureOnly: true }));
});

t.test(
  'with an upstream-signed CA the SVID chain is leaf + intermediate and the bundle is the upstream root',
  async (t) => {
    const rig = await startRig(t, {
      ca: { intermediate: true },
      entries: [makeEntry({ spiffeId: WORKLOAD_ID })],
    });
    const response = await svidStream(rig).next();
    const chain = certsOf(response.svids[0]?.x509_svid ?? new Uint8Array());
    const roots = certsOf(response.svids[0]?.bundle ?? new Uint8Array());
    t.equal(chain.length, 2);
    t.equal(roots.length, 1);
    t.ok(await chain[0]?.verify({ publicKey: chain[1]?.publicKey, signatureOnly: true }));
    t.ok(await chain[1]?.verify({ publicKey: roots[0]?.publicKey, signatureOnly: true }));
  },
);

t.test(
  'socket taken away: open streams and new calls get UNAVAILABLE; restored socket serves again',
  async (t) => {
    const rig = await startRig(t, { entries: [makeEntry({ spiffeId: WORKLOAD_ID })] });
    const stream = svidStream(rig);
    await stream.next();
    await rig.api.withdraw();
    t.equal((await expectStatus(stream.next())).code, grpc.status.UNAVAILABLE, 'open stream');
    t.equal((await expectStatus(svidStream(rig).next())).code, grpc.status.UNAVAILABLE, 'new call');
    await rig.api.restore();
    // A fresh channel, as a retrying client dials again (the old one sits in its reconnect backoff).
    const client = newClient(rig.socketPath);
    t.teardown(() => {
      client.close();
    });
    const again = new StreamReader<X509SVIDResponse>(client.FetchX509SVID({}, securityMetadata()));
    t.equal((await again.next()).svids[0]?.spiffe_id, WORKLOAD_ID);
  },
);

t.test('federated bundles are delivered for the trust domains in federates_with', async (t) => {
  const partner = await SimCa.create({ trustDomain: 'partner.org' });
  const unrelated = await SimCa.create({ trustDomain: 'unrelated.org' });
  const rig = await startRig(t, {
    entries: [makeEntry({ spiffeId: WORKLOAD_ID, federatesWith: ['partner.org', 'missing.org'] })],
  });
  for (const ca of [partner, unrelated]) {
    rig.ds.putFederatedBundle({
      trust_domain: ca.trustDomain,
      x509_authorities: ca
        .bundleCertificates()
        .map((c) => ({ asn1: Buffer.from(c.rawData), tainted: false })),
      jwt_authorities: ca.jwtAuthorities().map((a) => ({
        public_key: Buffer.from(a.publicKey),
        key_id: a.keyId,
        expires_at: a.expiresAt,
        tainted: false,
      })),
      refresh_hint: 0,
      sequence_number: 1,
    });
  }
  await rig.api.settled();
  const svids = await svidStream(rig).next();
  t.same(Object.keys(svids.federated_bundles), ['spiffe://partner.org']);
  t.same(
    certsOf(svids.federated_bundles['spiffe://partner.org'] ?? new Uint8Array()).map((c) => c.serialNumber),
    partner.bundleCertificates().map((c) => c.serialNumber),
  );
  const x509Bundles = await new StreamReader<X509BundlesResponse>(
    rig.client.FetchX509Bundles({}, securityMetadata()),
  ).next();
  t.same(Object.keys(x509Bundles.bundles).sort(), ['spiffe://example.org', 'spiffe://partner.org']);
  const jwtBundles = await new StreamReader<JWTBundlesResponse>(
    rig.client.FetchJWTBundles({}, securityMetadata()),
  ).next();
  const partnerJwks = JSON.parse(
    Buffer.from(jwtBundles.bundles['spiffe://partner.org'] ?? []).toString(),
  ) as {
    keys: { kid: string }[];
  };
  t.same(
    partnerJwks.keys.map((k) => k.kid),
    partner.jwtAuthorities().map((a) => a.keyId),
  );
});

t.test('latency control delays responses (a short deadline expires)', async (t) => {
  const rig = await startRig(t, { entries: [makeEntry({ spiffeId: WORKLOAD_ID })] });
  rig.api.setLatency(1_000);
  const err = await expectStatus(
    new Promise((resolve, reject) => {
      rig.client.FetchJWTSVID(
        { audience: ['a'] },
        securityMetadata(),
        { deadline: Date.now() + 100 },
        (e, r) => {
          if (e === null) resolve(r);
          else reject(e);
        },
      );
    }),
  );
  t.equal(err.code, grpc.status.DEADLINE_EXCEEDED);
  rig.api.setLatency(0);
});

t.test('rpcCounts counts calls per method', async (t) => {
  const rig = await startRig(t, { entries: [makeEntry({ spiffeId: WORKLOAD_ID })] });
  await svidStream(rig).next();
  await svidStream(rig).next();
  await unary(rig.client.FetchJWTSVID.bind(rig.client), { audience: ['a'] });
  t.same(rig.api.rpcCounts(), {
    FetchX509SVID: 2,
    FetchX509Bundles: 0,
    FetchJWTSVID: 1,
    FetchJWTBundles: 0,
    ValidateJWTSVID: 0,
  });
});

t.test(
  'the own bundle comes from the datastore once the server wired the CA in (AppendBundle additions included)',
  async (t) => {
    const rig = await startRig(t, { entries: [makeEntry({ spiffeId: WORKLOAD_ID })] });
    const extra = await SimCa.create({ trustDomain: TD });
    const asAuthorities = (ca: SimCa): { asn1: Buffer; tainted: boolean }[] =>
      ca.bundleCertificates().map((c) => ({ asn1: Buffer.from(c.rawData), tainted: false }));
    const stream = new StreamReader<X509BundlesResponse>(rig.client.FetchX509Bundles({}, securityMetadata()));
    t.equal(certsOf((await stream.next()).bundles[`spiffe://${TD}`] ?? new Uint8Array()).length, 1);
    rig.ds.setCaAuthorities(asAuthorities(rig.ca), []);
    rig.ds.appendOwnAuthorities(asAuthorities(extra), []);
    const pushed = certsOf((await stream.next()).bundles[`spiffe://${TD}`] ?? new Uint8Array());
    t.same(
      pushed.map((c) => c.serialNumber),
      [...rig.ca.bundleCertificates(), ...extra.bundleCertificates()].map((c) => c.serialNumber),
    );
  },
);

t.test('expired entries give no identity (SPIRE registration/manager.go prunes them)', async (t) => {
  const expired = { ...makeEntry({ spiffeId: WORKLOAD_ID }), expires_at: Math.floor(Date.now() / 1000) - 60 };
  const rig = await startRig(t, { entries: [expired] });
  t.equal((await expectStatus(svidStream(rig).next())).code, grpc.status.PERMISSION_DENIED);
});

// The sim CA follows SPIRE's credential templates (pkg/server/credtemplate/builder.go), its CA signing
// (pkg/server/ca/ca.go) and the upstream signer (pkg/common/x509svid/upstreamca.go).
import t from 'tap';
import { x509, webcrypto, keyMatchesCertificate } from '../../../src/core/x509/index.js';
import { SimCa } from '../../sim/ca.js';

const TD = 'example.org';
const NOW = new Date('2030-01-02T03:04:05Z');

function uris(cert: x509.X509Certificate): string[] {
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  return san?.names.items.filter((n) => n.type === 'url').map((n) => n.value) ?? [];
}

function decode(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString()) as Record<string, unknown>;
}

t.test(
  'self-signed X.509 CA: C=US, O=SPIFFE + serialNumber, trust domain URI SAN, CA with certSign|cRLSign, 24 h',
  async (t) => {
    const ca = await SimCa.create({ trustDomain: TD, now: () => NOW });
    const [root] = ca.bundleCertificates();
    if (root === undefined) throw new Error('no root');
    t.equal(root.subject, `C=US, O=SPIFFE, 2.5.4.5=${BigInt(`0x${root.serialNumber}`).toString(10)}`);
    t.equal(root.issuer, root.subject, 'self-signed');
    t.same(uris(root), [`spiffe://${TD}`]);
    t.equal(root.getExtension(x509.BasicConstraintsExtension)?.ca, true);
    t.equal(
      root.getExtension(x509.KeyUsagesExtension)?.usages,
      x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
    );
    t.equal(root.notBefore.getTime(), NOW.getTime() - 10_000, 'backdated 10 s');
    t.equal(root.notAfter.getTime(), NOW.getTime() + 24 * 3600_000, 'default X.509 CA TTL 24 h');
    t.ok(await root.verify({ signatureOnly: true }));
    t.same(Buffer.from(ca.bundleDer()), Buffer.from(root.rawData));
  },
);

t.test('workload X509-SVID template: lifetime, serial, SKI/AKI, subject and SANs', async (t) => {
  const ca = await SimCa.create({ trustDomain: TD, now: () => NOW });
  const svid = await ca.mintX509Svid({
    spiffeId: `spiffe://${TD}/w`,
    dnsNames: ['a.example.org', 'b.example.org'],
    ttlSeconds: 90,
  });
  const [leaf] = svid.certificates;
  const [root] = ca.bundleCertificates();
  if (leaf === undefined || root === undefined) throw new Error('missing certs');
  t.equal(svid.certificates.length, 1, 'no intermediate for a self-signed CA');
  t.equal(leaf.notBefore.getTime(), NOW.getTime() - 10_000);
  t.equal(leaf.notAfter.getTime(), NOW.getTime() + 90_000);
  t.equal(svid.expiresAt.getTime(), leaf.notAfter.getTime());
  t.equal(leaf.subject, 'C=US, O=SPIRE, CN=a.example.org');
  t.equal(leaf.issuer, root.subject);
  t.same(uris(leaf), [`spiffe://${TD}/w`]);
  const serial = BigInt(`0x${leaf.serialNumber}`);
  t.ok(serial > 0n && serial < 2n ** 128n, 'serial in [1, 2^128-1]');
  t.equal(
    leaf.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId,
    root.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId,
    'AKI = issuer SKI',
  );
  const ski = leaf.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
  const expected = Buffer.from(await leaf.publicKey.getKeyIdentifier()).toString('hex');
  t.equal(ski, expected, 'SKI = SHA-1 of the subject public key bits');
  t.ok(await keyMatchesCertificate(svid.privateKey, leaf));
  t.ok(await leaf.verify({ publicKey: root.publicKey, signatureOnly: true }));
});

t.test(
  'without DNS names the SVID subject has no CN; a subject override still gets CN = first DNS name',
  async (t) => {
    const ca = await SimCa.create({ trustDomain: TD });
    const bare = await ca.mintX509Svid({ spiffeId: `spiffe://${TD}/w` });
    t.equal(bare.certificates[0]?.subject, 'C=US, O=SPIRE');
    const overridden = await ca.mintX509Svid({
      spiffeId: `spiffe://${TD}/w`,
      subject: 'CN=ignored, O=system:nodes, C=DE',
      dnsNames: ['node-1.example.org'],
    });
    t.equal(
      overridden.certificates[0]?.subject,
      'C=DE, O=system:nodes, CN=node-1.example.org',
      'Go subject order: C, O, CN',
    );
  },
);

t.test('the default SVID TTL is 1 h, and the lifetime is capped at the CA expiry', async (t) => {
  const ca = await SimCa.create({ trustDomain: TD, now: () => NOW });
  const svid = await ca.mintX509Svid({ spiffeId: `spiffe://${TD}/w` });
  t.equal(svid.expiresAt.getTime(), NOW.getTime() + 3600_000);
  const shortCa = await SimCa.create({ trustDomain: TD, now: () => NOW, caTtlSeconds: 600 });
  const capped = await shortCa.mintX509Svid({ spiffeId: `spiffe://${TD}/w`, ttlSeconds: 3600 });
  t.equal(capped.expiresAt.getTime(), NOW.getTime() + 600_000);
});

t.test('a given public key is certified and no private key is returned', async (t) => {
  const ca = await SimCa.create({ trustDomain: TD });
  const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const svid = await ca.mintX509Svid({ spiffeId: `spiffe://${TD}/spire/server`, publicKey: keys.publicKey });
  t.equal(svid.privateKey, undefined);
  t.same(
    Buffer.from(svid.certificates[0]?.publicKey.rawData ?? new ArrayBuffer(0)),
    Buffer.from(await webcrypto.subtle.exportKey('spki', keys.publicKey)),
  );
});

t.test('rejects SPIFFE IDs outside the trust domain or without a path (api/id.go)', async (t) => {
  const ca = await SimCa.create({ trustDomain: TD });
  await t.rejects(ca.mintX509Svid({ spiffeId: 'spiffe://other.org/w' }), {
    message: 'invalid X509-SVID ID: "spiffe://other.org/w" is not a member of trust domain "example.org"',
  });
  await t.rejects(ca.mintX509Svid({ spiffeId: `spiffe://${TD}` }), {
    message: `invalid X509-SVID ID: "spiffe://${TD}" is not a member of trust domain "${TD}"; path is empty`,
  });
  await t.rejects(ca.mintJwtSvid({ spiffeId: `spiffe://${TD}/w`, audience: [''] }), {
    message: 'invalid JWT-SVID audience: cannot be empty',
  });
});

t.test('upstream-signed CA: bundle = upstream root, chain = leaf + SPIRE intermediate', async (t) => {
  const ca = await SimCa.create({ trustDomain: TD, intermediate: true, now: () => NOW });
  const [root] = ca.bundleCertificates();
  const svid = await ca.mintX509Svid({ spiffeId: `spiffe://${TD}/w` });
  const [leaf, intermediate] = svid.certificates;
  if (root === undefined || leaf === undefined || intermediate === undefined)
    throw new Error('missing certs');
  t.equal(svid.certificates.length, 2);
  t.equal(intermediate.getExtension(x509.BasicConstraintsExtension)?.ca, true);
  t.same(uris(intermediate), [`spiffe://${TD}`]);
  t.match(intermediate.subject, /^C=US, O=SPIFFE, 2\.5\.4\.5=\d+$/);
  t.equal(intermediate.issuer, root.subject);
  t.ok(await leaf.verify({ publicKey: intermediate.publicKey, signatureOnly: true }));
  t.ok(await intermediate.verify({ publicKey: root.publicKey, signatureOnly: true }));
  t.equal(
    intermediate.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId,
    root.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId,
  );
  t.not(root.serialNumber, intermediate.serialNumber);
});

t.test(
  'rotate keeps the old authority in the bundle until dropOldAuthorities, signs with the new one',
  async (t) => {
    const ca = await SimCa.create({ trustDomain: TD });
    let changes = 0;
    ca.onChange(() => changes++);
    const [oldRoot] = ca.bundleCertificates();
    const oldKid = ca.jwtAuthorities()[0]?.keyId;
    await ca.rotate();
    t.equal(changes, 1);
    const roots = ca.bundleCertificates();
    t.equal(roots.length, 2);
    t.equal(roots[0]?.serialNumber, oldRoot?.serialNumber, 'old root first');
    const newRoot = roots[1];
    const svid = await ca.mintX509Svid({ spiffeId: `spiffe://${TD}/w` });
    t.ok(await svid.certificates[0]?.verify({ publicKey: newRoot?.publicKey, signatureOnly: true }));
    t.equal(ca.jwtAuthorities().length, 2);
    const jwt = await ca.mintJwtSvid({ spiffeId: `spiffe://${TD}/w`, audience: ['a'] });
    t.not(decode(jwt.split('.')[0])['kid'], oldKid, 'JWTs signed with the new key');
    ca.dropOldAuthorities();
    t.equal(changes, 2);
    t.same(
      ca.bundleCertificates().map((c) => c.serialNumber),
      [newRoot?.serialNumber],
    );
    t.equal(ca.jwtAuthorities().length, 1);
  },
);

t.test('rotate with keepUpstreamRoot replaces only the intermediate', async (t) => {
  const ca = await SimCa.create({ trustDomain: TD, intermediate: true });
  const before = await ca.mintX509Svid({ spiffeId: `spiffe://${TD}/w` });
  await ca.rotate({ keepUpstreamRoot: true });
  t.equal(ca.bundleCertificates().length, 1, 'one upstream root');
  const after = await ca.mintX509Svid({ spiffeId: `spiffe://${TD}/w` });
  t.not(after.certificates[1]?.serialNumber, before.certificates[1]?.serialNumber, 'new intermediate');
  await ca.rotate();
  t.equal(ca.bundleCertificates().length, 2, 'a full rotation adds a new upstream root');
});

t.test(
  'JWT-SVID: ES256 with typ JWT and kid, claims sub/aud/exp/iat, verifiable with the published key',
  async (t) => {
    const ca = await SimCa.create({ trustDomain: TD, now: () => NOW });
    const token = await ca.mintJwtSvid({
      spiffeId: `spiffe://${TD}/w`,
      audience: ['x', 'y'],
      ttlSeconds: 60,
    });
    const [h, p, s] = token.split('.');
    const header = decode(h);
    const [authority] = ca.jwtAuthorities();
    t.same(header, { alg: 'ES256', kid: authority?.keyId, typ: 'JWT' });
    t.match(authority?.keyId, /^[a-zA-Z0-9]{32}$/, 'SPIRE key IDs: 32 alphanumerics');
    t.same(decode(p), {
      aud: ['x', 'y'],
      exp: NOW.getTime() / 1000 + 60,
      iat: NOW.getTime() / 1000,
      sub: `spiffe://${TD}/w`,
    });
    const key = await webcrypto.subtle.importKey(
      'spki',
      authority?.publicKey ?? new Uint8Array(),
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    t.ok(
      await webcrypto.subtle.verify(
        { name: 'ECDSA', hash: 'SHA-256' },
        key,
        Buffer.from(s ?? '', 'base64url'),
        new TextEncoder().encode(`${h ?? ''}.${p ?? ''}`),
      ),
    );
    const jwks = JSON.parse(ca.jwks()) as { keys: Record<string, string>[] };
    t.same(Object.keys(jwks.keys[0] ?? {}), ['kty', 'kid', 'crv', 'x', 'y'], 'standard JWKS members only');
    t.equal(authority?.expiresAt, NOW.getTime() / 1000 + 24 * 3600, 'JWT key lives as long as the CA TTL');
  },
);

t.test(
  'JWT-SVID lifetime defaults to 5 min, is capped at the key expiry, and gets a jti on request',
  async (t) => {
    const ca = await SimCa.create({ trustDomain: TD, now: () => NOW, caTtlSeconds: 120 });
    const capped = decode(
      (await ca.mintJwtSvid({ spiffeId: `spiffe://${TD}/w`, audience: ['a'] })).split('.')[1],
    );
    t.equal(capped['exp'], NOW.getTime() / 1000 + 120);
    const plain = await SimCa.create({ trustDomain: TD, now: () => NOW });
    const claims = decode(
      (await plain.mintJwtSvid({ spiffeId: `spiffe://${TD}/w`, audience: ['a'], includeJti: true })).split(
        '.',
      )[1],
    );
    t.equal(claims['exp'], NOW.getTime() / 1000 + 300);
    t.match(claims['jti'], /^[A-Za-z0-9_-]{22}$/);
  },
);

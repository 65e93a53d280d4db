import t from 'tap';
import { X509Certificate as NodeCertificate } from 'node:crypto';
import { createTestCa, KeyUsage } from '../../../harness/ca.js';
import {
  certificateExtension,
  certificateFields,
  certificatePublicJwk,
  webcrypto,
  x509,
} from '../../../../src/core/x509/index.js';

const ca = await createTestCa({ trustDomain: 'example.org', intermediate: true });
const svid = await ca.mintX509Svid({
  spiffeId: 'spiffe://example.org/a',
  dnsNames: ['a.example.org', 'b.example.org'],
});
const [leaf, intermediate] = svid.certificates;
const twoOctetKeyUsage = await ca.mintX509Svid({
  spiffeId: 'spiffe://example.org/b',
  keyUsages: KeyUsage.digitalSignature | KeyUsage.keyCertSign | KeyUsage.decipherOnly,
});

/** Returns a fresh copy of `cert`, so that nothing either accessor cached is shared. */
const fresh = (cert: x509.X509Certificate | undefined): x509.X509Certificate =>
  new x509.X509Certificate(cert?.rawData ?? new ArrayBuffer(0));

t.test('certificateExtension reads an extension as cert.getExtension does', (t) => {
  type Read = (type: new (raw: ArrayBuffer) => x509.Extension) => x509.Extension | null;
  /** Returns what a reader gives for each extension type, in a comparable form. */
  const views = (read: Read): Record<string, unknown> => {
    const san = read(x509.SubjectAlternativeNameExtension) as x509.SubjectAlternativeNameExtension | null;
    const bc = read(x509.BasicConstraintsExtension) as x509.BasicConstraintsExtension | null;
    const ku = read(x509.KeyUsagesExtension) as x509.KeyUsagesExtension | null;
    const eku = read(x509.ExtendedKeyUsageExtension) as x509.ExtendedKeyUsageExtension | null;
    // Not one it decodes itself: the library's own accessor answers.
    const ski = read(x509.SubjectKeyIdentifierExtension) as x509.SubjectKeyIdentifierExtension | null;
    return {
      san:
        san === null
          ? null
          : [san.critical, san.names.toJSON(), san instanceof x509.SubjectAlternativeNameExtension],
      bc:
        bc === null
          ? null
          : [bc.critical, bc.ca, bc.pathLength, bc instanceof x509.BasicConstraintsExtension],
      ku: ku === null ? null : [ku.critical, ku.usages, ku instanceof x509.KeyUsagesExtension],
      eku: eku === null ? null : [eku.critical, eku.usages],
      ski: ski === null ? null : [ski.critical, ski.keyId],
    };
  };
  for (const cert of [leaf, intermediate, ca.root, twoOctetKeyUsage.certificates[0]]) {
    const library = fresh(cert);
    const ours = fresh(cert);
    t.same(
      views((type) => certificateExtension(ours, type)),
      views((type) => library.getExtension(type)),
      library.subject,
    );
  }
  t.end();
});

t.test('certificatePublicJwk reads the public key of the certificate', (t) => {
  for (const cert of [leaf, intermediate, ca.root]) {
    const fromNode = new NodeCertificate(Buffer.from(fresh(cert).rawData)).publicKey.export({
      format: 'jwk',
    });
    t.same(certificatePublicJwk(fresh(cert)), {
      kty: fromNode.kty,
      crv: fromNode.crv,
      x: fromNode.x,
      y: fromNode.y,
    });
  }
  t.end();
});

t.test('certificateFields gives what the library reads, for plain and unusual encodings alike', async (t) => {
  const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  // IP and e-mail names, a CA with a path length: the library reads these, not the quick decoder.
  const mixed = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=mixed',
    keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [
      new x509.BasicConstraintsExtension(true, 2, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.encipherOnly, true),
      new x509.SubjectAlternativeNameExtension([
        { type: 'url', value: 'spiffe://example.org/mixed' },
        { type: 'ip', value: '10.0.0.1' },
        { type: 'ip', value: '2001:db8::1' },
        { type: 'email', value: 'a@example.org' },
        { type: 'dns', value: 'mixed.example.org' },
      ]),
    ],
  });
  for (const cert of [leaf, intermediate, ca.root, twoOctetKeyUsage.certificates[0], mixed]) {
    const library = fresh(cert);
    const names = library.getExtension(x509.SubjectAlternativeNameExtension)?.names.items ?? [];
    const of = (type: string): string[] => names.filter((n) => n.type === type).map((n) => n.value);
    t.same(
      certificateFields(fresh(cert)),
      {
        ca: library.getExtension(x509.BasicConstraintsExtension)?.ca ?? false,
        keyUsages: library.getExtension(x509.KeyUsagesExtension)?.usages ?? 0,
        uris: of('url'),
        dnsNames: of('dns'),
        ipAddresses: of('ip'),
      },
      library.subject,
    );
  }
});

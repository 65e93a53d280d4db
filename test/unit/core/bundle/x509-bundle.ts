import t from 'tap';
import { createTestCa } from '../../../harness/ca.js';
import { X509Bundle } from '../../../../src/core/bundle/index.js';
import { TrustDomain } from '../../../../src/core/spiffeid/index.js';

const td = TrustDomain.parse('example.org');

t.test('X509Bundle round trips through DER and PEM, keeping order', async (t) => {
  const [a, b] = await Promise.all([createTestCa({ trustDomain: td }), createTestCa({ trustDomain: td })]);
  const bundle = X509Bundle.fromCertificates(td, [a.root, b.root]);
  t.equal(bundle.authorities.length, 2);
  const fromDer = X509Bundle.fromDer(td, bundle.toDer());
  const fromPem = X509Bundle.fromPem(td, bundle.toPem());
  t.ok(fromDer.equals(bundle), 'DER round trip');
  t.ok(fromPem.equals(bundle), 'PEM round trip');
  t.same(
    fromDer.authorities.map((cert) => cert.serialNumber),
    [a.root.serialNumber, b.root.serialNumber],
  );
  t.notOk(X509Bundle.fromCertificates(td, [b.root, a.root]).equals(bundle), 'order matters to equals');
  t.notOk(
    X509Bundle.fromCertificates(TrustDomain.parse('example.com'), [a.root, b.root]).equals(bundle),
    'trust domain matters to equals',
  );
});

t.test('addAuthority ignores duplicates; hasAuthority and removeAuthority compare bytes', async (t) => {
  const [a, b] = await Promise.all([createTestCa({ trustDomain: td }), createTestCa({ trustDomain: td })]);
  const bundle = X509Bundle.fromCertificates(td, []);
  t.equal(bundle.toPem(), '');
  bundle.addAuthority(a.root);
  bundle.addAuthority(X509Bundle.fromDer(td, new Uint8Array(a.root.rawData)).authorities[0]!);
  t.equal(bundle.authorities.length, 1, 'same certificate added twice is kept once');
  t.ok(bundle.hasAuthority(a.root));
  t.notOk(bundle.hasAuthority(b.root));
  bundle.removeAuthority(a.root);
  t.equal(bundle.authorities.length, 0);
  const copy = X509Bundle.fromCertificates(td, [a.root]);
  (copy.authorities as unknown[]).length = 0;
  t.equal(copy.authorities.length, 1, 'authorities is a copy');
});

t.test('X509Bundle rejects empty or malformed input with BUNDLE_INVALID', (t) => {
  t.throws(() => X509Bundle.fromDer(td, new Uint8Array()), {
    code: 'BUNDLE_INVALID',
    message: 'bundle: X.509 bundle for "example.org" is empty',
  });
  t.throws(() => X509Bundle.fromDer(td, new Uint8Array([0x30, 0x05, 0x02])), {
    code: 'BUNDLE_INVALID',
    message: 'bundle: X.509 bundle for "example.org" is invalid: x509: DER element 0 at byte 0 is malformed',
    cause: { code: 'PEM_INVALID' },
  });
  t.throws(() => X509Bundle.fromPem(td, 'nothing'), {
    code: 'BUNDLE_INVALID',
    message: 'bundle: X.509 bundle for "example.org" is invalid: x509: no "CERTIFICATE" PEM block found',
  });
  t.end();
});

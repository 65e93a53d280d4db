import t from 'tap';
import { createTestCa } from '../../../harness/ca.js';
import { parseCertificates, webcrypto, x509 } from '../../../../src/core/x509/index.js';

t.test('parseCertificates reads PEM text, PEM bytes and concatenated DER alike', async (t) => {
  const ca = await createTestCa({ trustDomain: 'example.org', intermediate: true });
  const svid = await ca.mintX509Svid({ spiffeId: 'spiffe://example.org/a' });
  const serials = svid.certificates.map((cert) => cert.serialNumber);
  for (const [name, input] of [
    ['PEM text', svid.certificatesPem],
    ['PEM bytes', new Uint8Array(Buffer.from(svid.certificatesPem))],
    ['concatenated DER', svid.certificatesDer],
  ] as const) {
    t.same(
      parseCertificates(input).map((cert) => cert.serialNumber),
      serials,
      name,
    );
  }
});

t.test('parseCertificates rejects input without certificates or with a bad one', (t) => {
  t.throws(() => parseCertificates(new Uint8Array()), {
    code: 'PEM_INVALID',
    message: 'x509: no certificates found',
  });
  t.throws(() => parseCertificates(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05])), {
    code: 'PEM_INVALID',
    message: 'x509: certificate 0 is not a valid X.509 certificate',
  });
  t.throws(() => parseCertificates('no pem here'), {
    code: 'PEM_INVALID',
    message: 'x509: no "CERTIFICATE" PEM block found',
  });
  t.end();
});

/** What a certificate reads as, field by field, in a comparable form. */
async function fieldsOf(cert: x509.X509Certificate): Promise<Record<string, unknown>> {
  return {
    der: Buffer.from(cert.rawData).toString('hex'),
    subject: cert.subject,
    issuer: cert.issuer,
    serialNumber: cert.serialNumber,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    signatureAlgorithm: cert.signatureAlgorithm,
    publicKey: Buffer.from(cert.publicKey.rawData).toString('hex'),
    extensions: cert.extensions.map((extension) => [
      extension.type,
      extension.critical,
      extension.toString(),
    ]),
    pem: cert.toString('pem'),
    text: cert.toString('text'),
    thumbprint: Buffer.from(await cert.getThumbprint()).toString('hex'),
    isCertificate: cert instanceof x509.X509Certificate,
  };
}

t.test('parseCertificates gives certificates that read every field as the library parses it', async (t) => {
  const ca = await createTestCa({ trustDomain: 'example.org', intermediate: true });
  const svid = await ca.mintX509Svid({ spiffeId: 'spiffe://example.org/a', dnsNames: ['a.example.org'] });
  const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  // Validity on both sides of UTCTime's range (RFC 5280 §4.1.2.5: GeneralizedTime before 1950 and from
  // 2050), and 1950–2049 in UTCTime, whose years 50–99 are 19xx.
  const dated = await Promise.all(
    [
      ['1949-12-31T23:59:59Z', '2050-01-01T00:00:00Z'],
      ['1950-01-01T00:00:00Z', '2049-12-31T23:59:59Z'],
    ].map(([notBefore, notAfter]) =>
      x509.X509CertificateGenerator.createSelfSigned({
        serialNumber: '0102',
        name: 'CN=dated, O=Test',
        notBefore: new Date(notBefore ?? ''),
        notAfter: new Date(notAfter ?? ''),
        keys,
        signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      }),
    ),
  );
  for (const cert of [...svid.certificates, ca.root, ...dated]) {
    const [parsed] = parseCertificates(new Uint8Array(cert.rawData));
    if (parsed === undefined) throw new Error('no certificate');
    const library = new x509.X509Certificate(cert.rawData);
    t.same(await fieldsOf(parsed), await fieldsOf(library), cert.subject);
    t.ok(parsed.equal(library) && library.equal(parsed), `${cert.subject}: equal both ways`);
  }
});

t.test("a parsed certificate's bytes are its own: exactly the certificate, not the input buffer", (t) => {
  return createTestCa({ trustDomain: 'example.org' }).then(async (ca) => {
    const svid = await ca.mintX509Svid({ spiffeId: 'spiffe://example.org/a' });
    const der = Buffer.from(svid.certificatesDer);
    // A Buffer inside a larger one, as gRPC hands out message fields.
    const input = Buffer.concat([Buffer.from('before'), der, Buffer.from('after')]).subarray(
      6,
      6 + der.length,
    );
    const [cert] = parseCertificates(input);
    if (cert === undefined) throw new Error('no certificate');
    t.equal(cert.rawData.byteLength, der.length);
    input.fill(0);
    t.same(Buffer.from(cert.rawData), der, 'unchanged when the input is overwritten');
  });
});

t.test('a parsed certificate compares equal, member by member, to the library parse of it', async (t) => {
  const ca = await createTestCa({ trustDomain: 'example.org' });
  const [parsed] = parseCertificates(new Uint8Array(ca.root.rawData));
  t.same(parsed, new x509.X509Certificate(ca.root.rawData));
  t.equal(JSON.stringify(parsed), JSON.stringify(new x509.X509Certificate(ca.root.rawData)));
});

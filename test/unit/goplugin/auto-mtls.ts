// go-plugin AutoMTLS from the plugin side (go-plugin mtls.go, server.go): a fresh self-signed
// certificate for "localhost", and TLS that requires the host's PLUGIN_CLIENT_CERT.
import t from 'tap';
import { X509Certificate } from 'node:crypto';
import { generateServerCertificate, transportSecurity } from '../../../src/goplugin/auto-mtls.js';

t.test(
  'the certificate is a self-signed EC P-256 CA for localhost, usable for server and client auth',
  (t) => {
    const now = new Date();
    const { certificatePem, certificateDer, privateKeyPem } = generateServerCertificate({
      organization: 'goplugin-test',
      now,
    });
    const cert = new X509Certificate(certificatePem);
    t.strictSame(Buffer.from(certificateDer), cert.raw, 'DER and PEM are the same certificate');
    t.match(cert.subject, /CN=localhost/);
    t.match(cert.subject, /O=goplugin-test/, 'O names the plugin');
    t.equal(cert.subjectAltName, 'DNS:localhost');
    t.equal(cert.checkHost('localhost'), 'localhost');
    t.ok(cert.ca, 'CA, like go-plugin');
    t.ok(cert.checkIssued(cert) && cert.verify(cert.publicKey), 'self-signed');
    t.strictSame(
      cert.keyUsage,
      ['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.1'],
      'extended key usage clientAuth and serverAuth',
    );
    t.equal(cert.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    t.ok(new Date(cert.validFrom).getTime() <= now.getTime() - 29_000, 'valid from 30 s ago (clock skew)');
    t.ok(new Date(cert.validTo).getTime() > now.getTime() + 300 * 24 * 3600_000);
    t.match(privateKeyPem, /^-----BEGIN PRIVATE KEY-----/);
    t.end();
  },
);

t.test('every certificate has its own key and serial', (t) => {
  const a = new X509Certificate(generateServerCertificate({ organization: 'goplugin-test' }).certificatePem);
  const b = new X509Certificate(generateServerCertificate({ organization: 'goplugin-test' }).certificatePem);
  t.not(a.serialNumber, b.serialNumber);
  t.not(a.publicKey.export({ format: 'jwk' }).x, b.publicKey.export({ format: 'jwk' }).x);
  t.end();
});

t.test('validity past 2049 is written as GeneralizedTime', (t) => {
  const cert = new X509Certificate(
    generateServerCertificate({ organization: 'goplugin-test', now: new Date(Date.UTC(2049, 6, 1)) })
      .certificatePem,
  );
  t.match(cert.validTo, /2050/);
  t.end();
});

t.test('without PLUGIN_CLIENT_CERT the plugin serves plaintext and announces no certificate', (t) => {
  const autoMtls = { organization: 'goplugin-test' };
  t.equal(transportSecurity({ clientCertificatePem: undefined, autoMtls }).serverCertificate, undefined);
  t.equal(transportSecurity({ clientCertificatePem: '', autoMtls }).serverCertificate, undefined);
  t.equal(
    transportSecurity({ clientCertificatePem: undefined, autoMtls: undefined }).serverCertificate,
    undefined,
  );
  t.end();
});

t.test('an unparseable PLUGIN_CLIENT_CERT is refused', (t) => {
  t.throws(
    () => transportSecurity({ clientCertificatePem: 'not a certificate', autoMtls: { organization: 'x' } }),
    {
      message: 'PLUGIN_CLIENT_CERT is not a PEM certificate',
    },
  );
  t.end();
});

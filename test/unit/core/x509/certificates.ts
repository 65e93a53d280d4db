import t from 'tap';
import { createTestCa } from '../../../harness/ca.js';
import { parseCertificates } from '../../../../src/core/x509/index.js';

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

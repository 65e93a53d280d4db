import t from 'tap';
import { createTestCa } from '../../../harness/ca.js';
import { splitConcatenatedDer } from '../../../../src/core/x509/index.js';

t.test('splitConcatenatedDer returns each certificate of a back-to-back list', async (t) => {
  const ca = await createTestCa({ trustDomain: 'example.org', intermediate: true });
  const svid = await ca.mintX509Svid({ spiffeId: 'spiffe://example.org/a' });
  const ders = [...svid.certificates, ca.root].map((cert) => new Uint8Array(cert.rawData));
  const parts = splitConcatenatedDer(new Uint8Array(Buffer.concat(ders)));
  t.equal(parts.length, 3);
  t.same(parts, ders);
});

t.test('splitConcatenatedDer handles long-form lengths and returns [] for no bytes', (t) => {
  const long = new Uint8Array([0x04, 0x81, 0x80, ...new Uint8Array(128)]); // OCTET STRING, 128 bytes
  const short = new Uint8Array([0x05, 0x00]); // NULL
  t.same(splitConcatenatedDer(new Uint8Array([...long, ...short])), [long, short]);
  t.same(splitConcatenatedDer(new Uint8Array()), []);
  // Tag number 128 in the high-tag-number form (X.690 §8.1.2.4), one content octet.
  const highTag = new Uint8Array([0x9f, 0x81, 0x00, 0x01, 0xaa]);
  t.same(splitConcatenatedDer(new Uint8Array([...highTag, ...short])), [highTag, short]);
  t.end();
});

t.test('splitConcatenatedDer reads only the identifier and length octets, and checks them', (t) => {
  t.throws(
    () => splitConcatenatedDer(new Uint8Array([0x04, 0x87, 0, 0, 0, 0, 0, 0, 1, 0xaa])),
    { code: 'PEM_INVALID', message: 'x509: DER element 0 at byte 0 is malformed' },
    'more than six length octets',
  );
  t.throws(
    () => splitConcatenatedDer(new Uint8Array([0x9f, 0x81])),
    { code: 'PEM_INVALID', message: 'x509: DER element 0 at byte 0 is malformed' },
    'a tag number cut short',
  );
  t.throws(
    () => splitConcatenatedDer(new Uint8Array([0x30, 0x82, 0x01])),
    { code: 'PEM_INVALID', message: 'x509: DER element 0 at byte 0 is malformed' },
    'length octets cut short',
  );
  t.end();
});

t.test('splitConcatenatedDer rejects broken framing', (t) => {
  const element = [0x30, 0x03, 0x02, 0x01, 0x05];
  t.throws(
    () => splitConcatenatedDer(new Uint8Array([...element, 0x30, 0x05, 0x02])),
    { code: 'PEM_INVALID', message: 'x509: DER element 1 at byte 5 is malformed' },
    'a truncated element',
  );
  t.throws(
    () => splitConcatenatedDer(new Uint8Array([...element, 0xff])),
    { code: 'PEM_INVALID', message: 'x509: DER element 1 at byte 5 is malformed' },
    'trailing garbage',
  );
  t.throws(
    () => splitConcatenatedDer(new Uint8Array([0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00])),
    {
      code: 'PEM_INVALID',
      message: 'x509: DER element 0 at byte 0 uses an indefinite length (BER, not DER)',
    },
    'an indefinite length',
  );
  t.end();
});

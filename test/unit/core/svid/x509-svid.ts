import t from 'tap';
import { KeyUsage, createTestCa, type MintX509SvidOptions } from '../../../harness/ca.js';
import { parseX509Svid, svidExpiresAt } from '../../../../src/core/svid/index.js';

const ID = 'spiffe://example.org/workload';

t.test('parseX509Svid accepts a good SVID as DER or PEM, with its hint', async (t) => {
  const ca = await createTestCa({ trustDomain: 'example.org', intermediate: true });
  const minted = await ca.mintX509Svid({ spiffeId: ID });
  const fromDer = await parseX509Svid(minted.certificatesDer, minted.privateKey.pkcs8, { hint: 'internal' });
  t.equal(fromDer.id.toString(), ID);
  t.equal(fromDer.hint, 'internal');
  t.equal(fromDer.certificates.length, 2, 'leaf and intermediate');
  t.equal(fromDer.privateKey.algorithm, 'EC');
  const fromPem = await parseX509Svid(minted.certificatesPem, minted.privateKeyPem);
  t.equal(fromPem.hint, '');
  t.ok(fromPem.id.equals(fromDer.id));
  t.equal(
    svidExpiresAt(fromPem).getTime(),
    minted.certificates[0]!.notAfter.getTime(),
    'expires with the leaf',
  );
  t.ok(Object.isFrozen(fromPem) && Object.isFrozen(fromPem.certificates), 'immutable');
});

t.test('parseX509Svid enforces the X509-SVID leaf and signing-certificate rules', async (t) => {
  const ca = await createTestCa({ trustDomain: 'example.org' });
  const leafRows: [name: string, options: Partial<MintX509SvidOptions>, message: string][] = [
    [
      'leaf must have a URI SAN (X509-SVID §2)',
      { uris: [], dnsNames: ['workload.example.org'] },
      'cannot get leaf certificate SPIFFE ID: certificate contains no URI SAN',
    ],
    [
      'leaf must have exactly one URI SAN (X509-SVID §2)',
      { uris: [ID, 'spiffe://example.org/other'] },
      'cannot get leaf certificate SPIFFE ID: certificate contains more than one URI SAN',
    ],
    [
      'the URI SAN must be a SPIFFE ID (X509-SVID §2)',
      { uris: ['https://example.org/workload'] },
      'cannot get leaf certificate SPIFFE ID: spiffeid: scheme is missing or invalid',
    ],
    [
      'leaf SPIFFE ID must have a path (X509-SVID §3)',
      { spiffeId: 'spiffe://example.org' },
      'leaf certificate SPIFFE ID must have a non-root path',
    ],
    [
      'leaf must not be a CA (X509-SVID §4.1)',
      { ca: true },
      'leaf certificate must not have CA flag set to true',
    ],
    [
      'leaf must have digitalSignature (X509-SVID §4.3)',
      { keyUsages: KeyUsage.keyEncipherment | KeyUsage.keyAgreement },
      "leaf certificate must have 'digitalSignature' set as key usage",
    ],
    [
      'leaf must not have keyCertSign (X509-SVID §4.3)',
      { keyUsages: KeyUsage.digitalSignature | KeyUsage.keyCertSign },
      "leaf certificate must not have 'keyCertSign' set as key usage",
    ],
    [
      'leaf must not have cRLSign (X509-SVID §4.3)',
      { keyUsages: KeyUsage.digitalSignature | KeyUsage.cRLSign },
      "leaf certificate must not have 'cRLSign' set as key usage",
    ],
  ];
  for (const [name, options, message] of leafRows) {
    const minted = await ca.mintX509Svid({ spiffeId: ID, ...options });
    await t.rejects(
      parseX509Svid(minted.certificatesDer, minted.privateKey.pkcs8),
      { code: 'SVID_INVALID', message: `svid: ${message}` },
      name,
    );
  }

  const notCa = await createTestCa({ trustDomain: 'example.org', intermediate: { ca: false } });
  const mintedNotCa = await notCa.mintX509Svid({ spiffeId: ID });
  await t.rejects(
    parseX509Svid(mintedNotCa.certificatesDer, mintedNotCa.privateKey.pkcs8),
    {
      code: 'SVID_INVALID',
      message: /^svid: signing certificate 1 \(".*intermediate.*"\) must have CA flag set to true$/,
    },
    'signing certificates must be CAs (X509-SVID §4.1)',
  );
  const noCertSign = await createTestCa({
    trustDomain: 'example.org',
    intermediate: { keyUsages: KeyUsage.cRLSign | KeyUsage.digitalSignature },
  });
  const mintedNoCertSign = await noCertSign.mintX509Svid({ spiffeId: ID });
  await t.rejects(
    parseX509Svid(mintedNoCertSign.certificatesDer, mintedNoCertSign.privateKey.pkcs8),
    {
      code: 'SVID_INVALID',
      message: /^svid: signing certificate 1 \(.*\) must have 'keyCertSign' set as key usage$/,
    },
    'signing certificates must have keyCertSign (X509-SVID §4.3)',
  );
});

t.test('parseX509Svid requires the private key of the leaf', async (t) => {
  const ca = await createTestCa({ trustDomain: 'example.org' });
  const [one, two] = await Promise.all([
    ca.mintX509Svid({ spiffeId: ID }),
    ca.mintX509Svid({ spiffeId: ID }),
  ]);
  await t.rejects(parseX509Svid(one.certificatesDer, two.privateKey.pkcs8), {
    code: 'KEY_MISMATCH',
    message: 'svid: leaf certificate does not match private key',
  });
});

t.test('parseX509Svid reports unreadable input from the x509 layer', async (t) => {
  const ca = await createTestCa({ trustDomain: 'example.org' });
  const minted = await ca.mintX509Svid({ spiffeId: ID });
  await t.rejects(parseX509Svid(new Uint8Array(), minted.privateKey.pkcs8), { code: 'PEM_INVALID' });
  await t.rejects(parseX509Svid(minted.certificatesDer, new Uint8Array([0x30, 0x00])), {
    code: 'KEY_INVALID',
  });
});

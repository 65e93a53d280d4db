import t from 'tap';
import { randomBytes } from 'node:crypto';
import { createTestCa } from '../../../harness/ca.js';
import {
  issuerNameMatches,
  parseCertificates,
  signatureVerifiedBy,
  webcrypto,
  x509,
} from '../../../../src/core/x509/index.js';

const HOUR = 3600_000;

/** Returns a self-signed CA certificate made with `algorithm`, named `name`. */
async function selfSigned(
  keyAlgorithm: webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams | webcrypto.Algorithm,
  signingAlgorithm: webcrypto.Algorithm | webcrypto.RsaPssParams | webcrypto.EcdsaParams,
  name: string | x509.Name = `CN=test ${randomBytes(3).toString('hex')}`,
): Promise<{ cert: x509.X509Certificate; keys: webcrypto.CryptoKeyPair }> {
  const keys = (await webcrypto.subtle.generateKey(keyAlgorithm, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name,
    notBefore: new Date(Date.now() - HOUR),
    notAfter: new Date(Date.now() + HOUR),
    keys,
    signingAlgorithm,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
  });
  return { cert, keys };
}

/** What the library says: the signature of `cert` verifies with `issuer`'s key. */
async function libraryVerifies(cert: x509.X509Certificate, issuer: x509.X509Certificate): Promise<boolean> {
  try {
    return await cert.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

/** A fresh object for the same certificate, as a Workload API push would parse it. */
const reparsed = (cert: x509.X509Certificate): x509.X509Certificate => {
  const [copy] = parseCertificates(new Uint8Array(cert.rawData));
  if (copy === undefined) throw new Error('no certificate');
  return copy;
};

const RSA = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };

t.test('signatureVerifiedBy answers as the library for ECDSA, RSA and Ed25519 signatures', async (t) => {
  const ca = await createTestCa({ trustDomain: 'example.org', intermediate: true });
  const other = await createTestCa({ trustDomain: 'example.org' });
  const svid = await ca.mintX509Svid({ spiffeId: 'spiffe://example.org/a' });
  const [leaf, intermediate] = svid.certificates;
  if (leaf === undefined || intermediate === undefined) throw new Error('no chain');
  const rsa = await selfSigned({ ...RSA, hash: 'SHA-256' }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' });
  const rsa384 = await selfSigned(
    { ...RSA, hash: 'SHA-384' },
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
  );
  const p384 = await selfSigned({ name: 'ECDSA', namedCurve: 'P-384' }, { name: 'ECDSA', hash: 'SHA-384' });
  const ed25519 = await selfSigned({ name: 'Ed25519' }, { name: 'Ed25519' });
  const pairs: [string, x509.X509Certificate, x509.X509Certificate][] = [
    ['leaf by its intermediate', leaf, intermediate],
    ['intermediate by the root', intermediate, ca.root],
    ['leaf by the root (not its issuer)', leaf, ca.root],
    ['leaf by another CA', leaf, other.root],
    ['RSA SHA-256, self-signed', rsa.cert, rsa.cert],
    ['RSA SHA-384, self-signed', rsa384.cert, rsa384.cert],
    ['ECDSA P-384, self-signed', p384.cert, p384.cert],
    ['Ed25519, self-signed', ed25519.cert, ed25519.cert],
  ];
  for (const [name, cert, issuer] of pairs) {
    const expected = await libraryVerifies(cert, issuer);
    const answer = signatureVerifiedBy(reparsed(cert), reparsed(issuer));
    // undefined would mean "ask the library": these algorithms are all answered here.
    t.equal(answer, expected, name);
  }
});

t.test('signatureVerifiedBy rejects a certificate whose signature was altered', async (t) => {
  const ca = await createTestCa({ trustDomain: 'example.org' });
  const svid = await ca.mintX509Svid({ spiffeId: 'spiffe://example.org/a' });
  const der = new Uint8Array(svid.certificatesDer);
  // The last byte is the end of the signature value.
  der[der.length - 1] = (der[der.length - 1] ?? 0) ^ 0x01;
  const [tampered] = parseCertificates(der);
  if (tampered === undefined) throw new Error('no certificate');
  t.equal(signatureVerifiedBy(tampered, ca.root), false);
  t.equal(await libraryVerifies(tampered, ca.root), false, 'as the library says');
});

t.test('signatureVerifiedBy leaves algorithms and keys it does not handle to the library', async (t) => {
  const pss = await selfSigned(
    { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    { name: 'RSA-PSS', saltLength: 32 },
  );
  t.equal(signatureVerifiedBy(reparsed(pss.cert), reparsed(pss.cert)), undefined, 'RSASSA-PSS');
  const rsa = await selfSigned({ ...RSA, hash: 'SHA-256' }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' });
  const ca = await createTestCa({ trustDomain: 'example.org' });
  t.equal(
    signatureVerifiedBy(reparsed(rsa.cert), reparsed(ca.root)),
    undefined,
    'an RSA signature and an EC issuer key',
  );
});

t.test('issuerNameMatches compares issuer and subject as the library writes them', async (t) => {
  const ca = await createTestCa({ trustDomain: 'example.org' });
  const other = await createTestCa({ trustDomain: 'example.org' });
  const svid = await ca.mintX509Svid({ spiffeId: 'spiffe://example.org/a' });
  const [leaf] = svid.certificates;
  if (leaf === undefined) throw new Error('no leaf');
  t.equal(issuerNameMatches(reparsed(leaf), reparsed(ca.root)), true, 'same name');
  t.equal(issuerNameMatches(reparsed(leaf), reparsed(other.root)), false, 'another name');

  // The same text in another string type: different DER, equal names for the library.
  const printable = new x509.Name([{ CN: [{ printableString: 'Same Name' }] }]);
  const utf8 = new x509.Name([{ CN: [{ utf8String: 'Same Name' }] }]);
  const issuer = await selfSigned(
    { name: 'ECDSA', namedCurve: 'P-256' },
    { name: 'ECDSA', hash: 'SHA-256' },
    printable,
  );
  const child = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: 'CN=child',
    issuer: utf8,
    notBefore: new Date(Date.now() - HOUR),
    notAfter: new Date(Date.now() + HOUR),
    publicKey: issuer.keys.publicKey,
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
  });
  t.not(
    Buffer.from(printable.toArrayBuffer()).toString('hex'),
    Buffer.from(utf8.toArrayBuffer()).toString('hex'),
    'the encodings differ',
  );
  t.equal(child.issuer, issuer.cert.subject, 'the library reads the same text');
  t.equal(issuerNameMatches(reparsed(child), reparsed(issuer.cert)), true, 'so do we');
});

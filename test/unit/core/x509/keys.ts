import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import t from 'tap';
import { createTestCa } from '../../../harness/ca.js';
import {
  derListToPem,
  keyMatchesCertificate,
  parsePrivateKey,
  privateKeyToPem,
  webcrypto,
} from '../../../../src/core/x509/index.js';

async function generatePkcs8(
  algorithm: webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams | webcrypto.Algorithm,
) {
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  return { pkcs8: new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)), keys };
}

function keyError(message: string): { name: string; code: string; message: string } {
  return { name: 'CoreError', code: 'KEY_INVALID', message: `x509: ${message}` };
}

// One RSA key for the whole file: RSA key generation is slow.
const rsa = generatePkcs8({
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
});

t.test('parsePrivateKey reads the algorithm from the PKCS#8 AlgorithmIdentifier (RFC 5958)', async (t) => {
  const rows = [
    ['EC P-256', await generatePkcs8({ name: 'ECDSA', namedCurve: 'P-256' }), 'EC', 'P-256'],
    ['EC P-384', await generatePkcs8({ name: 'ECDSA', namedCurve: 'P-384' }), 'EC', 'P-384'],
    ['EC P-521', await generatePkcs8({ name: 'ECDSA', namedCurve: 'P-521' }), 'EC', 'P-521'],
    ['RSA 2048', await rsa, 'RSA', undefined],
    ['Ed25519', await generatePkcs8({ name: 'Ed25519' }), 'Ed25519', undefined],
  ] as const;
  for (const [name, { pkcs8 }, algorithm, namedCurve] of rows) {
    for (const input of [pkcs8, derListToPem([pkcs8], 'PRIVATE KEY')]) {
      const key = parsePrivateKey(input);
      t.equal(key.algorithm, algorithm, `${name} algorithm`);
      t.equal(key.namedCurve, namedCurve, `${name} curve`);
      t.same(key.pkcs8, pkcs8, `${name} bytes`);
      t.same(parsePrivateKey(privateKeyToPem(key)).pkcs8, pkcs8, `${name} PEM round trip`);
    }
  }
});

t.test('cryptoKey returns a signing key that the public half verifies', async (t) => {
  for (const [name, generated, sign] of [
    ['EC', await generatePkcs8({ name: 'ECDSA', namedCurve: 'P-256' }), { name: 'ECDSA', hash: 'SHA-256' }],
    ['RSA', await rsa, { name: 'RSASSA-PKCS1-v1_5' }],
  ] as const) {
    const data = Buffer.from('signed');
    const signature = await webcrypto.subtle.sign(
      sign,
      await parsePrivateKey(generated.pkcs8).cryptoKey(),
      data,
    );
    t.ok(await webcrypto.subtle.verify(sign, generated.keys.publicKey, signature, data), name);
  }
});

t.test('a private key never shows its bytes in JSON, inspect or String', async (t) => {
  const { pkcs8 } = await generatePkcs8({ name: 'ECDSA', namedCurve: 'P-256' });
  const key = parsePrivateKey(pkcs8);
  const base64 = Buffer.from(pkcs8).toString('base64');
  const hex = Buffer.from(pkcs8).toString('hex');
  for (const [how, text] of [
    ['JSON.stringify', JSON.stringify({ key })],
    ['util.inspect', inspect(key, { showHidden: true, depth: 5 })],
    ['String', String(key)],
    ['nested inspect', inspect({ nested: key })],
  ] as const) {
    t.notMatch(text, base64.slice(10, 40), `${how} has no base64 key bytes`);
    t.notMatch(text, hex.slice(20, 60), `${how} has no hex key bytes`);
    t.notMatch(text, /\b(48|0x30), ?(129|0x81)/, `${how} has no byte list`);
  }
  t.same(JSON.parse(JSON.stringify(key)), { algorithm: 'EC', namedCurve: 'P-256' });
  t.same(JSON.parse(JSON.stringify(parsePrivateKey((await rsa).pkcs8))), { algorithm: 'RSA' }, 'RSA too');
  t.equal(String(parsePrivateKey((await rsa).pkcs8)), 'PrivateKey(RSA)');
  t.equal(String(key), 'PrivateKey(EC P-256)');
  t.same(Object.keys(key).sort(), ['algorithm', 'namedCurve'], 'no enumerable key bytes');
});

t.test('keyMatchesCertificate compares the public halves', async (t) => {
  const ca = await createTestCa({ trustDomain: 'example.org' });
  const svid = await ca.mintX509Svid({ spiffeId: 'spiffe://example.org/a' });
  const other = await ca.mintX509Svid({ spiffeId: 'spiffe://example.org/b' });
  const [leaf] = svid.certificates;
  t.equal(await keyMatchesCertificate(svid.privateKey, leaf!), true, 'own key matches');
  t.equal(await keyMatchesCertificate(other.privateKey, leaf!), false, 'another EC key does not');
  t.equal(
    await keyMatchesCertificate(parsePrivateKey((await rsa).pkcs8), leaf!),
    false,
    'an RSA key does not',
  );
});

t.test('parsePrivateKey rejects malformed and unsupported keys without echoing them', async (t) => {
  const { pkcs8 } = await generatePkcs8({ name: 'ECDSA', namedCurve: 'P-256' });
  const secp256k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey.export({
    format: 'der',
    type: 'pkcs8',
  });
  const x25519 = generateKeyPairSync('x25519').privateKey.export({ format: 'der', type: 'pkcs8' });
  t.throws(
    () => parsePrivateKey(pkcs8.subarray(0, pkcs8.length - 5)),
    keyError('private key is not a DER-encoded PKCS#8 PrivateKeyInfo'),
    'truncated DER',
  );
  t.throws(
    () => parsePrivateKey(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])),
    keyError('private key is not a DER-encoded PKCS#8 PrivateKeyInfo'),
    'a SEQUENCE that is not PrivateKeyInfo',
  );
  t.throws(
    () => parsePrivateKey(new Uint8Array([...pkcs8, 0x05, 0x00])),
    keyError('private key is not a DER-encoded PKCS#8 PrivateKeyInfo'),
    'bytes after the PrivateKeyInfo',
  );
  const rsaPss = generateKeyPairSync('rsa-pss', { modulusLength: 1024 }).privateKey.export({
    format: 'der',
    type: 'pkcs8',
  });
  t.throws(
    () => parsePrivateKey(new Uint8Array(rsaPss)),
    keyError('private key algorithm 1.2.840.113549.1.1.10 is not supported (expected RSA, EC or Ed25519)'),
    'an RSA-PSS key (Node reads it, the helper does not take it)',
  );
  t.throws(
    () => parsePrivateKey(new Uint8Array(secp256k1)),
    keyError('EC private key curve is not supported (expected P-256, P-384 or P-521)'),
    'an unsupported curve',
  );
  t.throws(
    () => parsePrivateKey(new Uint8Array(x25519)),
    keyError('private key algorithm 1.3.101.110 is not supported (expected RSA, EC or Ed25519)'),
    'an unsupported algorithm',
  );
  // A well-formed PrivateKeyInfo whose inner key is garbage: the OCTET STRING holds 0x00 bytes.
  const hollow = Buffer.from(pkcs8);
  hollow.fill(0, hollow.length - 20);
  t.throws(
    () => parsePrivateKey(new Uint8Array(hollow)),
    keyError('EC private key is malformed'),
    'corrupt key',
  );
  t.throws(
    () => parsePrivateKey(derListToPem([pkcs8, pkcs8], 'PRIVATE KEY')),
    keyError('expected exactly one "PRIVATE KEY" PEM block, found 2'),
    'two keys in one PEM',
  );
  t.throws(() => parsePrivateKey('nothing'), { code: 'PEM_INVALID' }, 'no PEM block');
  try {
    parsePrivateKey(new Uint8Array(hollow));
  } catch (err) {
    const text = JSON.stringify(err) + String(err) + inspect(err);
    t.notMatch(text, Buffer.from(pkcs8).toString('base64').slice(10, 40), 'error has no key bytes');
  }
});

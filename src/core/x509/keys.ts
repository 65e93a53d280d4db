import { createPrivateKey, createPublicKey, type JsonWebKey as NodeJwk, type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import * as asn1js from 'asn1js';
import { CoreError } from '../errors/index.js';
import { derListToPem, pemToDerList } from './pem.js';
import { webcrypto, type x509 } from './setup.js';

export type PrivateKeyAlgorithm = 'EC' | 'RSA' | 'Ed25519';
export type NamedCurve = 'P-256' | 'P-384' | 'P-521';

/**
 * A PKCS#8 private key. Its bytes are reachable through `pkcs8` only: JSON, `util.inspect` and
 * `String()` show the algorithm and never the key.
 */
export interface PrivateKey {
  readonly pkcs8: Uint8Array;
  readonly algorithm: PrivateKeyAlgorithm;
  /** Set for EC keys. */
  readonly namedCurve?: NamedCurve;
  /** Returns a non-extractable WebCrypto signing key (ECDSA, RSASSA-PKCS1-v1_5 with SHA-256, or Ed25519). */
  cryptoKey(): Promise<webcrypto.CryptoKey>;
  /** Returns a description without key material ("PrivateKey(EC P-256)"). */
  toString(): string;
}

// Algorithm identifiers of PKCS#8 PrivateKeyInfo (RFC 5958 §2): RFC 8017 rsaEncryption, RFC 5480
// id-ecPublicKey with its namedCurve parameter, RFC 8410 id-Ed25519.
const OID_RSA = '1.2.840.113549.1.1.1';
const OID_EC = '1.2.840.10045.2.1';
const OID_ED25519 = '1.3.101.112';
const CURVES: Readonly<Record<string, NamedCurve>> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};

function keyError(message: string, cause?: unknown): CoreError {
  return new CoreError('KEY_INVALID', 'x509', message, cause === undefined ? {} : { cause });
}

/** Returns the algorithm (and EC curve) named by a PKCS#8 PrivateKeyInfo's AlgorithmIdentifier. */
function readAlgorithm(der: Uint8Array): { algorithm: PrivateKeyAlgorithm; namedCurve?: NamedCurve } {
  const { offset, result } = asn1js.fromBER(der);
  if (offset !== der.length || result.error !== '' || !(result instanceof asn1js.Sequence)) {
    throw keyError('private key is not a DER-encoded PKCS#8 PrivateKeyInfo');
  }
  const [version, algorithmIdentifier] = result.valueBlock.value;
  if (!(version instanceof asn1js.Integer) || !(algorithmIdentifier instanceof asn1js.Sequence)) {
    throw keyError('private key is not a DER-encoded PKCS#8 PrivateKeyInfo');
  }
  const [oid, parameters] = algorithmIdentifier.valueBlock.value;
  if (!(oid instanceof asn1js.ObjectIdentifier)) {
    throw keyError('private key AlgorithmIdentifier has no algorithm OID');
  }
  switch (oid.getValue()) {
    case OID_RSA:
      return { algorithm: 'RSA' };
    case OID_ED25519:
      return { algorithm: 'Ed25519' };
    case OID_EC: {
      const curve = parameters instanceof asn1js.ObjectIdentifier ? CURVES[parameters.getValue()] : undefined;
      if (curve === undefined) {
        throw keyError('EC private key curve is not supported (expected P-256, P-384 or P-521)');
      }
      return { algorithm: 'EC', namedCurve: curve };
    }
    default:
      throw keyError(
        `private key algorithm ${oid.getValue()} is not supported (expected RSA, EC or Ed25519)`,
      );
  }
}

class Pkcs8PrivateKey implements PrivateKey {
  readonly #der: Uint8Array;
  readonly algorithm: PrivateKeyAlgorithm;
  readonly namedCurve?: NamedCurve;
  /** Node's view of the key; parsing it up front makes a corrupt key fail where it is read. */
  readonly #keyObject: KeyObject;

  constructor(der: Uint8Array) {
    const { algorithm, namedCurve } = readAlgorithm(der);
    try {
      this.#keyObject = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
    } catch (cause) {
      throw keyError(`${algorithm} private key is malformed`, cause);
    }
    this.#der = der.slice();
    this.algorithm = algorithm;
    if (namedCurve !== undefined) this.namedCurve = namedCurve;
  }

  get pkcs8(): Uint8Array {
    return this.#der.slice();
  }

  /** Returns the public half as a JWK (for comparing with a certificate). */
  publicJwk(): NodeJwk {
    return createPublicKey(this.#keyObject).export({ format: 'jwk' });
  }

  cryptoKey(): Promise<webcrypto.CryptoKey> {
    const algorithm =
      this.algorithm === 'EC'
        ? { name: 'ECDSA', namedCurve: this.namedCurve ?? 'P-256' }
        : this.algorithm === 'RSA'
          ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
          : { name: 'Ed25519' };
    return webcrypto.subtle.importKey('pkcs8', this.#der, algorithm, false, ['sign']);
  }

  toJSON(): { algorithm: PrivateKeyAlgorithm; namedCurve?: NamedCurve } {
    return this.namedCurve === undefined
      ? { algorithm: this.algorithm }
      : { algorithm: this.algorithm, namedCurve: this.namedCurve };
  }

  toString(): string {
    return `PrivateKey(${this.describe()})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }

  private describe(): string {
    return this.namedCurve === undefined ? this.algorithm : `${this.algorithm} ${this.namedCurve}`;
  }
}

/**
 * Returns the private key in `input`: PKCS#8 DER bytes, or PEM ("PRIVATE KEY", text or bytes) holding
 * exactly one key. Throws KEY_INVALID (or PEM_INVALID for bad PEM); messages never include key bytes.
 */
export function parsePrivateKey(input: Uint8Array | string): PrivateKey {
  // DER starts with a SEQUENCE tag; anything else is taken as PEM text.
  if (typeof input !== 'string' && (input.length === 0 || input[0] === 0x30))
    return new Pkcs8PrivateKey(input);
  const pem = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
  const ders = pemToDerList(pem, 'PRIVATE KEY');
  const [der] = ders;
  if (der === undefined || ders.length !== 1) {
    throw keyError(`expected exactly one "PRIVATE KEY" PEM block, found ${ders.length}`);
  }
  return new Pkcs8PrivateKey(der);
}

/** Returns the key as one PEM "PRIVATE KEY" block (PKCS#8). */
export function privateKeyToPem(key: PrivateKey): string {
  return derListToPem([key.pkcs8], 'PRIVATE KEY');
}

const PUBLIC_JWK_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;

/**
 * Returns true when `cert` carries the public half of `key`. Compares JWK public members rather than SPKI
 * bytes, because the same key may be encoded differently (RSA NULL parameters, compressed EC points).
 */
export function keyMatchesCertificate(key: PrivateKey, cert: x509.X509Certificate): Promise<boolean> {
  const fromKey =
    key instanceof Pkcs8PrivateKey ? key.publicJwk() : new Pkcs8PrivateKey(key.pkcs8).publicJwk();
  const fromCert = certificatePublicJwk(cert);
  if (fromCert === undefined) return Promise.resolve(false);
  return Promise.resolve(PUBLIC_JWK_MEMBERS.every((member) => fromKey[member] === fromCert[member]));
}

/**
 * Returns the public members of the certificate's key as a JWK (kty with crv/x/y, n/e or x), or undefined
 * when Node cannot read the key type.
 */
export function certificatePublicJwk(cert: x509.X509Certificate): webcrypto.JsonWebKey | undefined {
  try {
    const jwk = createPublicKey({
      key: Buffer.from(cert.publicKey.rawData),
      format: 'der',
      type: 'spki',
    }).export({
      format: 'jwk',
    });
    const out: webcrypto.JsonWebKey = {};
    for (const member of PUBLIC_JWK_MEMBERS) {
      const value = jwk[member];
      if (typeof value === 'string') out[member] = value;
    }
    return out;
  } catch {
    return undefined;
  }
}

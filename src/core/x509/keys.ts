import { createPrivateKey, createPublicKey, type JsonWebKey as NodeJwk, type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import * as asn1js from 'asn1js';
import { CoreError } from '../errors/index.js';
import { certificateSpki } from './certificate-fields.js';
import { derElementAt } from './der.js';
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

const PUBLIC_JWK_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;

// JWK names (RFC 7518 §6.2.1.1, RFC 8037 §2) of the curves above, which Node reports for EC and Ed25519 keys.
const JWK_CURVES: ReadonlySet<string> = new Set(['P-256', 'P-384', 'P-521']);

/**
 * Returns what readAlgorithm would for a key Node has already parsed as PKCS#8, read from Node's key type
 * and public JWK (which the key keeps for comparing with certificates anyway), or undefined when that
 * leaves a doubt (an unsupported type or curve: readAlgorithm then names it). This saves an ASN.1 decode of
 * every key of every Workload API push.
 */
function algorithmOf(
  der: Uint8Array,
  keyObject: KeyObject,
  publicJwk: () => NodeJwk,
): { algorithm: PrivateKeyAlgorithm; namedCurve?: NamedCurve } | undefined {
  // readAlgorithm refuses bytes after the PrivateKeyInfo; Node's decoder does not look.
  try {
    if (der[0] !== 0x30 || derElementAt(der, 0, 0).end !== der.length) return undefined;
  } catch {
    return undefined;
  }
  const type = keyObject.asymmetricKeyType;
  if (type === 'rsa') return { algorithm: 'RSA' };
  if (type === 'ed25519') return { algorithm: 'Ed25519' };
  if (type !== 'ec') return undefined;
  const curve = publicJwk().crv;
  return curve !== undefined && JWK_CURVES.has(curve)
    ? { algorithm: 'EC', namedCurve: curve as NamedCurve }
    : undefined;
}

/**
 * Returns the public members of a private key's JWK. Read from the private JWK (which holds them) rather
 * than from a public KeyObject made for the purpose: every Workload API push checks every key, and each
 * such KeyObject held native memory until V8 got round to collecting it. The private members are dropped.
 */
function publicJwkOf(privateKey: KeyObject): NodeJwk {
  const jwk = privateKey.export({ format: 'jwk' });
  const out: NodeJwk = {};
  for (const member of PUBLIC_JWK_MEMBERS) {
    const value = jwk[member];
    if (typeof value === 'string') out[member] = value;
  }
  return out;
}

class Pkcs8PrivateKey implements PrivateKey {
  readonly #der: Uint8Array;
  readonly algorithm: PrivateKeyAlgorithm;
  readonly namedCurve?: NamedCurve;
  /**
   * The public half, read when the key is (parsing the key up front makes a corrupt key fail where it is
   * read). Node's KeyObject itself is not kept: the daemon parses every key of every push, and each
   * KeyObject holds native memory that is freed only once V8 collects it, which for an object kept as
   * long as the key would be a full collection.
   */
  readonly #publicJwk: NodeJwk;

  constructor(der: Uint8Array) {
    let keyObject: KeyObject | undefined;
    let failure: unknown;
    try {
      keyObject = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
    } catch (cause) {
      failure = cause;
    }
    // The AlgorithmIdentifier is decoded only when Node's answer leaves a doubt, and before a parse
    // failure is reported, so an unsupported or non-PKCS#8 key is named as such rather than "malformed".
    const parsed = keyObject;
    let publicJwk: NodeJwk | undefined;
    const known =
      parsed === undefined ? undefined : algorithmOf(der, parsed, () => (publicJwk ??= publicJwkOf(parsed)));
    const { algorithm, namedCurve } = known ?? readAlgorithm(der);
    if (parsed === undefined) throw keyError(`${algorithm} private key is malformed`, failure);
    this.#publicJwk = publicJwk ?? publicJwkOf(parsed);
    this.#der = der.slice();
    this.algorithm = algorithm;
    if (namedCurve !== undefined) this.namedCurve = namedCurve;
  }

  get pkcs8(): Uint8Array {
    return this.#der.slice();
  }

  /** Returns the public half as a JWK (for comparing with a certificate). */
  publicJwk(): NodeJwk {
    return { ...this.#publicJwk };
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
  let jwk = publicJwks.get(cert);
  if (jwk === undefined) {
    jwk = readPublicJwk(cert) ?? null;
    publicJwks.set(cert, jwk);
  }
  return jwk === null ? undefined : { ...jwk };
}

// Certificates are compared with a key once per Workload API push and again when the helper verifies what
// it is about to write; the answer cannot change for a certificate object, so it is kept (null: unreadable).
const publicJwks = new WeakMap<x509.X509Certificate, webcrypto.JsonWebKey | null>();

function readPublicJwk(cert: x509.X509Certificate): webcrypto.JsonWebKey | undefined {
  try {
    const jwk = createPublicKey({
      key: Buffer.from(certificateSpki(cert)),
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

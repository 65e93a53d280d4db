// Whether one certificate issued another, read from their DER (certificate-layout.ts) and checked with
// node:crypto, for the name comparison and signature algorithms X509-SVIDs use. The answers are those
// @peculiar/x509 gives (cert.issuer === issuer.subject; cert.verify with the issuer's key imported into
// WebCrypto for the certificate's signature algorithm); anything this file does not handle is left to it.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { certificateLayout } from './certificate-layout.js';
import { x509 } from './setup.js';

interface SignatureAlgorithm {
  /** Digest for crypto.verify; null for Ed25519, which has its own. */
  readonly hash: string | null;
  /** Node's asymmetricKeyType the issuer's key must have. */
  readonly keyType: 'ec' | 'rsa' | 'ed25519';
  /** Whether the AlgorithmIdentifier may carry NULL parameters (RFC 8017 A.2.4: RSA does). */
  readonly nullParameters: boolean;
}

// OID contents in hex: RFC 5758 §3.2 ecdsa-with-SHA256/384/512 (1.2.840.10045.4.3.2-4), RFC 8017 A.2.4
// sha256/384/512WithRSAEncryption (1.2.840.113549.1.1.11-13), RFC 8410 §3 id-Ed25519 (1.3.101.112).
const SIGNATURE_ALGORITHMS: ReadonlyMap<string, SignatureAlgorithm> = new Map([
  ['2a8648ce3d040302', { hash: 'sha256', keyType: 'ec', nullParameters: false }],
  ['2a8648ce3d040303', { hash: 'sha384', keyType: 'ec', nullParameters: false }],
  ['2a8648ce3d040304', { hash: 'sha512', keyType: 'ec', nullParameters: false }],
  ['2a864886f70d01010b', { hash: 'sha256', keyType: 'rsa', nullParameters: true }],
  ['2a864886f70d01010c', { hash: 'sha384', keyType: 'rsa', nullParameters: true }],
  ['2a864886f70d01010d', { hash: 'sha512', keyType: 'rsa', nullParameters: true }],
  ['2b6570', { hash: null, keyType: 'ed25519', nullParameters: false }],
] as const);

// The curves WebCrypto's ECDSA imports (anything else fails to import there, so it never verifies).
const WEBCRYPTO_CURVES: ReadonlySet<string> = new Set(['prime256v1', 'secp384r1', 'secp521r1']);

// An authority checks every SVID of every push: its key is made once per certificate object (null: Node
// cannot read it).
const issuerKeys = new WeakMap<x509.X509Certificate, KeyObject | null>();

function issuerKey(issuer: x509.X509Certificate, spki: Uint8Array): KeyObject | null {
  let key = issuerKeys.get(issuer);
  if (key === undefined) {
    try {
      key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    } catch {
      key = null;
    }
    issuerKeys.set(issuer, key);
  }
  return key;
}

/** Returns whether `issuer`'s key verifies `cert`'s signature; undefined when that is left to the library. */
export function signatureVerifiedBy(
  cert: x509.X509Certificate,
  issuer: x509.X509Certificate,
): boolean | undefined {
  const layout = certificateLayout(cert);
  const issuerLayout = certificateLayout(issuer);
  if (layout === null || issuerLayout === null) return undefined;
  const algorithm = SIGNATURE_ALGORITHMS.get(layout.signatureAlgorithm.oid);
  if (algorithm === undefined) return undefined;
  const parameters = layout.signatureAlgorithm.parameters;
  const nullParameters = parameters?.length === 2 && parameters[0] === 0x05 && parameters[1] === 0x00;
  if (parameters !== undefined && !(algorithm.nullParameters && nullParameters)) return undefined;
  const key = issuerKey(issuer, issuerLayout.spki);
  if (key === null) return undefined;
  // Keys of another type, or on curves WebCrypto does not import, are the library's to judge.
  if (key.asymmetricKeyType !== algorithm.keyType) return undefined;
  if (key.asymmetricKeyType === 'ec' && !WEBCRYPTO_CURVES.has(key.asymmetricKeyDetails?.namedCurve ?? '')) {
    return undefined;
  }
  try {
    return verify(algorithm.hash, layout.tbs, key, layout.signature);
  } catch {
    return false;
  }
}

// Name texts as the library writes them, by the DER of the Name (a view into one certificate's layout).
const nameTexts = new WeakMap<Uint8Array, string>();

function nameText(der: Uint8Array): string {
  let text = nameTexts.get(der);
  if (text === undefined) {
    text = new x509.Name(der).toString();
    nameTexts.set(der, text);
  }
  return text;
}

/** Returns whether `cert` names `issuer` as its issuer: cert.issuer === issuer.subject, as text. */
export function issuerNameMatches(cert: x509.X509Certificate, issuer: x509.X509Certificate): boolean {
  const layout = certificateLayout(cert);
  const issuerLayout = certificateLayout(issuer);
  if (layout === null || issuerLayout === null) return cert.issuer === issuer.subject;
  // The same DER is the same text; different DER may still read the same (string types, for one).
  if (Buffer.compare(layout.issuer, issuerLayout.subject) === 0) return true;
  try {
    return nameText(layout.issuer) === nameText(issuerLayout.subject);
  } catch {
    return cert.issuer === issuer.subject;
  }
}

// Bundle formats shared by spire_federated_bundle, spire_federation_relationship and the spire_bundle data
// source: SPIFFE bundle JSON (SPIFFE_Trust_Domain_and_Bundle.md §4) and PEM, to and from the server's form
// (X.509 authorities as DER, JWT authorities as PKIX public keys with a key ID).
import { createPublicKey } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import { JwtBundle, X509Bundle, marshalSpiffeBundle, parseSpiffeBundle } from '../src/core/bundle/index.js';
import type { PublicJwk } from '../src/core/bundle/index.js';
import { TrustDomain } from '../src/core/spiffeid/index.js';
import type { Bundle, BundleInput } from '../src/core/spireapi/index.js';
import { x509BundleOf } from '../src/core/spireapi/index.js';
import { errorDetail } from './framework/index.js';
import type { AttributePath, Diagnostics } from './framework/index.js';

/** Returns the server form of a SPIFFE bundle JSON document; throws BUNDLE_INVALID naming the key and member. */
export function bundleInputFromJson(trustDomain: string, json: string): BundleInput {
  const td = TrustDomain.parse(trustDomain);
  const parsed = parseSpiffeBundle(td, json);
  const input: BundleInput = {
    trustDomain: td.name,
    x509Authorities: parsed.x509.authorities.map((cert) => new Uint8Array(cert.rawData)),
    jwtAuthorities: [...parsed.jwt.authorities].map(([keyId, jwk]) => ({
      keyId,
      publicKey: spkiFromJwk(jwk),
    })),
  };
  if (parsed.sequenceNumber !== undefined) input.sequenceNumber = parsed.sequenceNumber;
  if (parsed.refreshHintSeconds !== undefined) input.refreshHint = parsed.refreshHintSeconds;
  return input;
}

/** Returns the server form of PEM X.509 authorities; throws when there is no certificate or one is malformed. */
export function bundleInputFromPem(trustDomain: string, pem: string): BundleInput {
  const td = TrustDomain.parse(trustDomain);
  const bundle = X509Bundle.fromPem(td, pem);
  return {
    trustDomain: td.name,
    x509Authorities: bundle.authorities.map((cert) => new Uint8Array(cert.rawData)),
  };
}

/** Returns the bundle as SPIFFE bundle JSON (JWT expiry and tainted flags have no place in that format). */
export function bundleToSpiffeJson(bundle: Bundle): string {
  const td = TrustDomain.parse(bundle.trustDomain);
  const jwt = JwtBundle.fromAuthorities(
    td,
    new Map(bundle.jwtAuthorities.map((key) => [key.keyId, jwkFromSpki(key.publicKey)])),
  );
  return marshalSpiffeBundle({
    x509: x509BundleOf(bundle),
    jwt,
    sequenceNumber: bundle.sequenceNumber,
    refreshHintSeconds: bundle.refreshHint,
  });
}

/** Returns the X.509 authorities of the bundle as PEM "CERTIFICATE" blocks ("" when there is none). */
export function bundleToPem(bundle: Bundle): string {
  return x509BundleOf(bundle).toPem();
}

/** Returns the PEM "PUBLIC KEY" block of a PKIX (SubjectPublicKeyInfo) DER key. */
export function publicKeyPem(spki: Uint8Array): string {
  return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
}

function spkiFromJwk(jwk: PublicJwk): Uint8Array {
  // WebCrypto's JsonWebKey and node:crypto's differ only in typing; copy the members across.
  const key: JsonWebKey = Object.fromEntries(Object.entries(jwk));
  return new Uint8Array(createPublicKey({ key, format: 'jwk' }).export({ type: 'spki', format: 'der' }));
}

function jwkFromSpki(spki: Uint8Array): PublicJwk {
  return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }).export({ format: 'jwk' });
}

/**
 * Returns true when `configured` (a bundle input) says the same as the server's `actual` bundle: the same
 * X.509 authorities and JWT authorities in any order, and the same sequence number and refresh hint
 * where the configuration sets them. Formatting and order of the configured text never count as drift.
 */
export function sameBundleContent(configured: BundleInput, actual: Bundle): boolean {
  const hex = (der: Uint8Array): string => Buffer.from(der).toString('hex');
  const configuredX509 = new Set(
    (configured.x509Authorities ?? []).map((a) => hex(a instanceof Uint8Array ? a : a.der)),
  );
  const actualX509 = new Set(actual.x509Authorities.map((a) => hex(a.der)));
  const configuredJwt = new Set(
    (configured.jwtAuthorities ?? []).map((k) => `${k.keyId}=${hex(k.publicKey)}`),
  );
  const actualJwt = new Set(actual.jwtAuthorities.map((k) => `${k.keyId}=${hex(k.publicKey)}`));
  const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
    a.size === b.size && [...a].every((v) => b.has(v));
  return (
    sameSet(configuredX509, actualX509) &&
    sameSet(configuredJwt, actualJwt) &&
    (configured.sequenceNumber === undefined || configured.sequenceNumber === actual.sequenceNumber) &&
    (configured.refreshHint === undefined || configured.refreshHint === actual.refreshHint)
  );
}

/**
 * Adds an error at `at` when `text` is not a usable bundle of `trustDomain` in `format`. Skipped while
 * the trust domain is unknown or invalid (its own validator reports that; apply checks again).
 */
export function validateBundleText(
  format: 'json' | 'pem',
  text: string,
  trustDomain: unknown,
  at: AttributePath,
  diagnostics: Diagnostics,
): void {
  if (typeof trustDomain !== 'string') return;
  try {
    TrustDomain.parse(trustDomain);
  } catch {
    return;
  }
  try {
    if (format === 'json') bundleInputFromJson(trustDomain, text);
    else bundleInputFromPem(trustDomain, text);
  } catch (err) {
    diagnostics.addError(
      'Invalid Attribute Value',
      format === 'json'
        ? `must be a SPIFFE bundle JSON document (SPIFFE Trust Domain and Bundle §4): ${errorDetail(err)}`
        : `must hold one or more PEM "CERTIFICATE" blocks: ${errorDetail(err)}`,
      at,
    );
  }
}

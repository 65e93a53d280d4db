import type { TrustDomain } from '../spiffeid/index.js';
import { certificatePublicJwk, parseCertificates, type x509 } from '../x509/index.js';
import { bundleError } from './errors.js';
import { isRecord } from './jwk.js';
import { JwtBundle } from './jwt-bundle.js';
import { X509Bundle } from './x509-bundle.js';

/**
 * A SPIFFE bundle: the X.509 and JWT authorities of a trust domain plus publishing metadata.
 * See https://github.com/spiffe/spiffe/blob/main/standards/SPIFFE_Trust_Domain_and_Bundle.md#4-spiffe-bundle-format
 */
export interface SpiffeBundle {
  x509: X509Bundle;
  jwt: JwtBundle;
  /** spiffe_sequence (§4.1.1). */
  sequenceNumber?: number;
  /** spiffe_refresh_hint in seconds (§4.1.2). */
  refreshHintSeconds?: number;
}

const X509_SVID_USE = 'x509-svid'; // X509-SVID §6
const JWT_SVID_USE = 'jwt-svid'; // JWT-SVID §6

function readCount(doc: Record<string, unknown>, member: string, where: string): number | undefined {
  const value = doc[member];
  if (value === undefined) return undefined;
  // JSON numbers beyond 2^53 lose precision when parsed, so they are refused rather than silently rounded.
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw bundleError(`${where}: "${member}" must be a non-negative integer below 2^53`);
  }
  return value;
}

function readX509Authority(key: Record<string, unknown>, where: string): x509.X509Certificate {
  const x5c = key.x5c;
  if (!Array.isArray(x5c) || x5c.length !== 1) {
    const found = Array.isArray(x5c) ? x5c.length : 0;
    throw bundleError(`${where}: "x5c" must hold exactly one certificate; got ${found}`);
  }
  const [encoded] = x5c as unknown[];
  // x5c entries are standard base64 (not base64url) of DER (RFC 7517 §4.7).
  if (typeof encoded !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    throw bundleError(`${where}: "x5c"[0] must be a base64 string`);
  }
  try {
    const [cert] = parseCertificates(new Uint8Array(Buffer.from(encoded, 'base64')));
    if (cert === undefined) throw bundleError(`${where}: "x5c"[0] holds no certificate`);
    return cert;
  } catch (cause) {
    throw bundleError(`${where}: "x5c"[0] is not a DER certificate`, cause);
  }
}

/**
 * Returns the SPIFFE bundle in `json`. Keys with a missing or unknown `use`, and JWT keys of unknown type,
 * are ignored (§4.2.1, §4.2.2); malformed keys throw BUNDLE_INVALID naming the key index and member.
 */
export function parseSpiffeBundle(td: TrustDomain, json: string | Uint8Array): SpiffeBundle {
  const where = `SPIFFE bundle for "${td.name}"`;
  let doc: unknown;
  try {
    doc = JSON.parse(typeof json === 'string' ? json : Buffer.from(json).toString('utf8'));
  } catch (cause) {
    throw bundleError(`${where} is not valid JSON`, cause);
  }
  if (!isRecord(doc)) throw bundleError(`${where} must be a JSON object`);
  // §4.1.3: "keys" MUST be present (it may be empty).
  if (!Array.isArray(doc.keys)) throw bundleError(`${where}: "keys" must be an array`);
  const x509Bundle = X509Bundle.fromCertificates(td, []);
  const jwtBundle = JwtBundle.fromAuthorities(td, new Map());
  (doc.keys as unknown[]).forEach((key, index) => {
    const keyWhere = `${where} key ${index}`;
    if (!isRecord(key)) throw bundleError(`${keyWhere}: must be a JSON object`);
    switch (key.use) {
      case X509_SVID_USE:
        x509Bundle.addAuthority(readX509Authority(key, keyWhere));
        break;
      case JWT_SVID_USE:
        jwtBundle.addJwk(key, keyWhere);
        break;
      default:
        break;
    }
  });
  const bundle: SpiffeBundle = { x509: x509Bundle, jwt: jwtBundle };
  const sequenceNumber = readCount(doc, 'spiffe_sequence', where);
  const refreshHintSeconds = readCount(doc, 'spiffe_refresh_hint', where);
  if (sequenceNumber !== undefined) bundle.sequenceNumber = sequenceNumber;
  if (refreshHintSeconds !== undefined) bundle.refreshHintSeconds = refreshHintSeconds;
  return bundle;
}

/** Returns the SPIFFE bundle as JSON: X.509 authorities first, then JWT authorities. */
export function marshalSpiffeBundle(bundle: SpiffeBundle): string {
  const keys: Record<string, unknown>[] = [];
  for (const cert of bundle.x509.authorities) {
    keys.push({
      use: X509_SVID_USE,
      ...certificatePublicJwk(cert),
      x5c: [Buffer.from(cert.rawData).toString('base64')],
    });
  }
  for (const [kid, jwk] of bundle.jwt.authorities) keys.push({ use: JWT_SVID_USE, kid, ...jwk });
  const doc: Record<string, unknown> = { keys };
  if (bundle.sequenceNumber !== undefined) doc.spiffe_sequence = bundle.sequenceNumber;
  if (bundle.refreshHintSeconds !== undefined) doc.spiffe_refresh_hint = bundle.refreshHintSeconds;
  return JSON.stringify(doc);
}

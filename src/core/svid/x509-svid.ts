import { CoreError } from '../errors/index.js';
import type { SpiffeId } from '../spiffeid/index.js';
import {
  keyMatchesCertificate,
  parseCertificates,
  parsePrivateKey,
  type PrivateKey,
  type x509,
} from '../x509/index.js';
import { validateLeaf, validateSigningCertificate } from './certificate-rules.js';

/**
 * An X509-SVID: the leaf certificate carrying the SPIFFE ID, the intermediates up to (not including) a
 * root, and the leaf's private key. See https://github.com/spiffe/spiffe/blob/main/standards/X509-SVID.md
 */
export interface X509Svid {
  readonly id: SpiffeId;
  /** Leaf first. */
  readonly certificates: readonly x509.X509Certificate[];
  readonly privateKey: PrivateKey;
  /** Operator-set hint telling workloads which SVID to use when there are several ("" when unset). */
  readonly hint: string;
}

/**
 * Returns the X509-SVID made of `certs` (concatenated DER or PEM, leaf first) and `key` (PKCS#8 DER or
 * PEM) after checking the leaf and signing-certificate rules and that the key belongs to the leaf.
 * Does not check trust: use verifyX509Svid for that.
 */
export async function parseX509Svid(
  certs: Uint8Array | string,
  key: Uint8Array | string,
  options: { hint?: string } = {},
): Promise<X509Svid> {
  const certificates = parseCertificates(certs);
  const privateKey = parsePrivateKey(key);
  const [leaf, ...signing] = certificates;
  if (leaf === undefined) throw new CoreError('SVID_INVALID', 'svid', 'no certificates found');
  const id = validateLeaf(leaf);
  signing.forEach((cert, index) => {
    validateSigningCertificate(cert, index + 1);
  });
  if (!(await keyMatchesCertificate(privateKey, leaf))) {
    throw new CoreError('KEY_MISMATCH', 'svid', 'leaf certificate does not match private key');
  }
  return Object.freeze({
    id,
    certificates: Object.freeze([...certificates]),
    privateKey,
    hint: options.hint ?? '',
  });
}

/** Returns when the SVID stops being valid: the leaf's notAfter. */
export function svidExpiresAt(svid: X509Svid): Date {
  const [leaf] = svid.certificates;
  if (leaf === undefined) throw new CoreError('SVID_INVALID', 'svid', 'no certificates found');
  return leaf.notAfter;
}

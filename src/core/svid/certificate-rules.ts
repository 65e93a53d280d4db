// X509-SVID shape rules shared by parsing and verification. Spec:
// https://github.com/spiffe/spiffe/blob/main/standards/X509-SVID.md (§2 SPIFFE ID, §4 constraints and
// key usage). Messages follow go-spiffe svid/x509svid/svid.go so users see familiar text.
import { CoreError } from '../errors/index.js';
import { SpiffeId } from '../spiffeid/index.js';
import { certificateFields, x509 } from '../x509/index.js';

function svidError(message: string, cause?: unknown): CoreError {
  return new CoreError('SVID_INVALID', 'svid', message, cause === undefined ? {} : { cause });
}

/** Returns the certificate's URI SANs, in order. */
function uriSans(cert: x509.X509Certificate): readonly string[] {
  return certificateFields(cert).uris;
}

function isCa(cert: x509.X509Certificate): boolean {
  return certificateFields(cert).ca;
}

/** Returns the key usage bits; 0 when the extension is absent. */
function keyUsages(cert: x509.X509Certificate): number {
  return certificateFields(cert).keyUsages;
}

/** Returns a short name for a certificate in messages (its subject, or its serial when it has none). */
export function describeCertificate(cert: x509.X509Certificate): string {
  return cert.subject === '' ? `serial ${cert.serialNumber}` : `"${cert.subject}"`;
}

/** Returns the SPIFFE ID in the certificate's single URI SAN (X509-SVID §2). */
export function idFromCertificate(cert: x509.X509Certificate): SpiffeId {
  const uris = uriSans(cert);
  const [uri] = uris;
  if (uri === undefined)
    throw svidError('cannot get leaf certificate SPIFFE ID: certificate contains no URI SAN');
  if (uris.length > 1) {
    throw svidError('cannot get leaf certificate SPIFFE ID: certificate contains more than one URI SAN');
  }
  try {
    return SpiffeId.parse(uri);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw svidError(`cannot get leaf certificate SPIFFE ID: ${reason}`, cause);
  }
}

/** Returns the leaf's SPIFFE ID after checking the leaf rules (X509-SVID §2, §4.1, §4.3). */
export function validateLeaf(leaf: x509.X509Certificate): SpiffeId {
  const id = idFromCertificate(leaf);
  if (id.path === '') throw svidError('leaf certificate SPIFFE ID must have a non-root path');
  if (isCa(leaf)) throw svidError('leaf certificate must not have CA flag set to true');
  const usages = keyUsages(leaf);
  if ((usages & x509.KeyUsageFlags.digitalSignature) === 0) {
    throw svidError("leaf certificate must have 'digitalSignature' set as key usage");
  }
  if ((usages & x509.KeyUsageFlags.keyCertSign) !== 0) {
    throw svidError("leaf certificate must not have 'keyCertSign' set as key usage");
  }
  if ((usages & x509.KeyUsageFlags.cRLSign) !== 0) {
    throw svidError("leaf certificate must not have 'cRLSign' set as key usage");
  }
  return id;
}

/** Checks a signing (intermediate) certificate (X509-SVID §4.1, §4.3); `index` is its place in the chain. */
export function validateSigningCertificate(cert: x509.X509Certificate, index: number): void {
  const which = `signing certificate ${index} (${describeCertificate(cert)})`;
  if (!isCa(cert)) throw svidError(`${which} must have CA flag set to true`);
  if ((keyUsages(cert) & x509.KeyUsageFlags.keyCertSign) === 0) {
    throw svidError(`${which} must have 'keyCertSign' set as key usage`);
  }
}

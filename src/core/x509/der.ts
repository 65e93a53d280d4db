import * as asn1js from 'asn1js';
import { CoreError } from '../errors/index.js';

/**
 * Returns the DER elements of `der`, which holds them back to back with nothing between: the form the
 * Workload API uses for SVID chains and bundles (SPIFFE Workload API spec, X509SVID.x509_svid / bundle).
 * asn1js (the parser under @peculiar/x509) reads each element's length header; indefinite lengths are
 * BER, not DER, and are rejected.
 */
export function splitConcatenatedDer(der: Uint8Array): Uint8Array[] {
  const elements: Uint8Array[] = [];
  let offset = 0;
  while (offset < der.length) {
    const rest = der.subarray(offset);
    const { offset: length, result } = asn1js.fromBER(rest);
    if (length <= 0 || result.error !== '') {
      throw new CoreError(
        'PEM_INVALID',
        'x509',
        `DER element ${elements.length} at byte ${offset} is malformed`,
        {
          cause: result.error,
        },
      );
    }
    if (result.lenBlock.isIndefiniteForm) {
      throw new CoreError(
        'PEM_INVALID',
        'x509',
        `DER element ${elements.length} at byte ${offset} uses an indefinite length (BER, not DER)`,
      );
    }
    elements.push(rest.slice(0, length));
    offset += length;
  }
  return elements;
}

import { CoreError } from '../errors/index.js';

/**
 * Returns the DER elements of `der`, which holds them back to back with nothing between: the form the
 * Workload API uses for SVID chains and bundles (SPIFFE Workload API spec, X509SVID.x509_svid / bundle).
 * Only each element's identifier and length octets are read (X.690 §8.1.2, §8.1.3), not its contents:
 * a full ASN.1 decoder (asn1js) decoded every certificate here and then again when it was parsed, which made
 * splitting the largest cost of handling a Workload API push. Contents are checked where they are parsed.
 * Indefinite lengths are BER, not DER, and are rejected.
 */
export function splitConcatenatedDer(der: Uint8Array): Uint8Array[] {
  const elements: Uint8Array[] = [];
  let offset = 0;
  while (offset < der.length) {
    const { end } = derElementAt(der, offset, elements.length);
    elements.push(der.slice(offset, end));
    offset = end;
  }
  return elements;
}

/** Where one DER element lies in its buffer: its first identifier octet, first content octet and end. */
export interface DerElement {
  /** The first identifier octet (class, constructed bit, tag number up to 30). */
  readonly tag: number;
  readonly start: number;
  readonly contentStart: number;
  /** The offset just past the element. */
  readonly end: number;
}

/**
 * Returns the element that starts at `start` (element number `index`, for messages) from its identifier
 * and length octets. Throws PEM_INVALID when they are cut short or the length runs past the buffer.
 */
export function derElementAt(der: Uint8Array, start: number, index: number): DerElement {
  const malformed = (): CoreError =>
    new CoreError('PEM_INVALID', 'x509', `DER element ${index} at byte ${start} is malformed`);
  let at = start;
  const next = (): number => {
    const byte = der[at++];
    if (byte === undefined) throw malformed();
    return byte;
  };
  // Identifier: tag number 31 means the number follows in base-128 digits, bit 8 set on all but the last.
  const tag = next();
  if ((tag & 0x1f) === 0x1f) while (next() & 0x80);
  const first = next();
  if (first === 0x80) {
    throw new CoreError(
      'PEM_INVALID',
      'x509',
      `DER element ${index} at byte ${start} uses an indefinite length (BER, not DER)`,
    );
  }
  let length = first;
  if (first > 0x80) {
    // Long form: the low 7 bits count the length octets; 0x7f is reserved, and six octets (2^48 bytes)
    // already exceed any input this can see.
    const octets = first & 0x7f;
    if (octets > 6) throw malformed();
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + next();
  }
  const end = at + length;
  if (end > der.length) throw malformed();
  return { tag, start, contentStart: at, end };
}

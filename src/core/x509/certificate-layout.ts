// Where the parts of a DER certificate lie (RFC 5280 §4.1), found from the identifier and length octets of
// its elements alone: what validating an X509-SVID on every Workload API push reads (names, validity, key,
// extensions, signature) without a full ASN.1 decode. Only plain DER of the RFC 5280 shape is described;
// for anything else the reader returns null and callers use @peculiar/x509's own parse.
import { derElementAt, type DerElement } from './der.js';
import type { x509 } from './setup.js';

/** The parts of one certificate, as views into its DER. */
export interface CertificateLayout {
  /** TBSCertificate, DER (what the signature covers). */
  readonly tbs: Uint8Array;
  /** Issuer and subject Name, DER. */
  readonly issuer: Uint8Array;
  readonly subject: Uint8Array;
  /** Validity, as asn1js reads the basic forms (YYMMDDHHMMSSZ, YYYYMMDDHHMMSSZ); undefined for others. */
  readonly notBefore: Date | undefined;
  readonly notAfter: Date | undefined;
  /** SubjectPublicKeyInfo, DER. */
  readonly spki: Uint8Array;
  /** Extension DER (the whole Extension SEQUENCE) by OID contents in hex; the first of each OID. */
  readonly extensions: ReadonlyMap<string, Uint8Array>;
  /** The outer signatureAlgorithm: OID contents in hex and its parameters (DER), if any. */
  readonly signatureAlgorithm: { readonly oid: string; readonly parameters: Uint8Array | undefined };
  /** signatureValue: the BIT STRING's bits (a whole number of octets). */
  readonly signature: Uint8Array;
}

const TAG_BOOLEAN = 0x01;
const TAG_INTEGER = 0x02;
const TAG_BIT_STRING = 0x03;
const TAG_OCTET_STRING = 0x04;
const TAG_OID = 0x06;
const TAG_UTC_TIME = 0x17;
const TAG_GENERALIZED_TIME = 0x18;
const TAG_SEQUENCE = 0x30;
const TAG_SET = 0x31;
const TAG_VERSION = 0xa0; // [0] EXPLICIT Version
const TAG_ISSUER_UID = 0x81; // [1] IMPLICIT UniqueIdentifier
const TAG_SUBJECT_UID = 0x82; // [2] IMPLICIT UniqueIdentifier
const TAG_EXTENSIONS = 0xa3; // [3] EXPLICIT Extensions

/** Thrown inside the reader when the DER is not the expected shape; never leaves this module. */
class NotPlain extends Error {}

function expect(condition: boolean): asserts condition {
  if (!condition) throw new NotPlain();
}

/** Returns the elements directly inside the constructed element `parent`. */
export function childrenOf(der: Uint8Array, parent: DerElement): DerElement[] {
  const children: DerElement[] = [];
  for (let at = parent.contentStart; at < parent.end;) {
    const child = derElementAt(der, at, children.length);
    if (child.end > parent.end) throw new RangeError('element runs past its parent');
    children.push(child);
    at = child.end;
  }
  return children;
}

function bytesOf(der: Uint8Array, element: DerElement): Uint8Array {
  return der.subarray(element.start, element.end);
}

function contentsOf(der: Uint8Array, element: DerElement): Uint8Array {
  return der.subarray(element.contentStart, element.end);
}

/** Checks an AlgorithmIdentifier (SEQUENCE { OID, parameters ANY OPTIONAL }); returns OID hex and parameters. */
function algorithmIdentifier(
  der: Uint8Array,
  element: DerElement | undefined,
): { oid: string; parameters: Uint8Array | undefined } {
  expect(element?.tag === TAG_SEQUENCE);
  const [oid, parameters, extra] = childrenOf(der, element);
  expect(oid?.tag === TAG_OID && oid.end > oid.contentStart && extra === undefined);
  return {
    oid: Buffer.from(contentsOf(der, oid)).toString('hex'),
    parameters: parameters === undefined ? undefined : bytesOf(der, parameters),
  };
}

/** Checks a Name: SEQUENCE OF SET OF AttributeTypeAndValue (SEQUENCE { OID, ANY }). */
function checkName(der: Uint8Array, element: DerElement | undefined): asserts element is DerElement {
  expect(element?.tag === TAG_SEQUENCE);
  for (const rdn of childrenOf(der, element)) {
    expect(rdn.tag === TAG_SET);
    const attributes = childrenOf(der, rdn);
    expect(attributes.length > 0);
    for (const attribute of attributes) {
      expect(attribute.tag === TAG_SEQUENCE);
      const [type, value, extra] = childrenOf(der, attribute);
      expect(type?.tag === TAG_OID && value !== undefined && extra === undefined);
    }
  }
}

const DIGITS = /^[0-9]+$/;

/**
 * Returns a Time (RFC 5280 §4.1.2.5) as asn1js converts it (UTCTime years 50–99 are 19xx), for the forms
 * RFC 5280 requires; undefined for any other (the library then reads it).
 */
function timeOf(der: Uint8Array, element: DerElement | undefined): Date | undefined {
  expect(element?.tag === TAG_UTC_TIME || element?.tag === TAG_GENERALIZED_TIME);
  const text = Buffer.from(contentsOf(der, element)).toString('latin1');
  const utc = element.tag === TAG_UTC_TIME;
  const digits = text.slice(0, -1);
  if (!text.endsWith('Z') || digits.length !== (utc ? 12 : 14) || !DIGITS.test(digits)) return undefined;
  const numbers = (utc ? digits : digits.slice(2)).match(/../g)?.map(Number) ?? [];
  const [yy = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = numbers;
  const year = utc ? (yy >= 50 ? 1900 + yy : 2000 + yy) : Number(digits.slice(0, 4));
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}

/** Returns the layout of the certificate `der` (exactly one DER element), or null when it is not plain. */
export function readCertificateLayout(der: Uint8Array): CertificateLayout | null {
  try {
    const certificate = derElementAt(der, 0, 0);
    expect(certificate.tag === TAG_SEQUENCE && certificate.end === der.length);
    const [tbs, outerAlgorithm, signature, extra] = childrenOf(der, certificate);
    expect(tbs?.tag === TAG_SEQUENCE && signature?.tag === TAG_BIT_STRING && extra === undefined);
    const signatureAlgorithm = algorithmIdentifier(der, outerAlgorithm);
    // A signature is a whole number of octets: the unused-bits octet is 0.
    expect(signature.end > signature.contentStart && der[signature.contentStart] === 0);

    const fields = childrenOf(der, tbs);
    let index = 0;
    if (fields[0]?.tag === TAG_VERSION) {
      const [version, more] = childrenOf(der, fields[0]);
      expect(version?.tag === TAG_INTEGER && more === undefined);
      index = 1;
    }
    const [serial, innerAlgorithm, issuer, validity, subject, spki, ...optional] = fields.slice(index);
    expect(serial?.tag === TAG_INTEGER && serial.end > serial.contentStart);
    algorithmIdentifier(der, innerAlgorithm);
    checkName(der, issuer);
    checkName(der, subject);
    expect(validity?.tag === TAG_SEQUENCE);
    const [notBefore, notAfter, more] = childrenOf(der, validity);
    expect(more === undefined);
    const times = [timeOf(der, notBefore), timeOf(der, notAfter)] as const;
    expect(spki?.tag === TAG_SEQUENCE);
    const [keyAlgorithm, key, keyExtra] = childrenOf(der, spki);
    algorithmIdentifier(der, keyAlgorithm);
    expect(key?.tag === TAG_BIT_STRING && key.end > key.contentStart && keyExtra === undefined);

    // issuerUniqueID, subjectUniqueID, extensions: each optional, in this order.
    const order = [TAG_ISSUER_UID, TAG_SUBJECT_UID, TAG_EXTENSIONS];
    let last = -1;
    const extensions = new Map<string, Uint8Array>();
    for (const field of optional) {
      const position = order.indexOf(field.tag);
      expect(position > last);
      last = position;
      if (field.tag !== TAG_EXTENSIONS) continue;
      const [list, listExtra] = childrenOf(der, field);
      expect(list?.tag === TAG_SEQUENCE && listExtra === undefined);
      for (const extension of childrenOf(der, list)) {
        expect(extension.tag === TAG_SEQUENCE);
        const parts = childrenOf(der, extension);
        const [oid] = parts;
        const value = parts[parts.length - 1];
        expect(oid?.tag === TAG_OID && value?.tag === TAG_OCTET_STRING);
        expect(parts.length === 2 || (parts.length === 3 && parts[1]?.tag === TAG_BOOLEAN));
        const name = Buffer.from(contentsOf(der, oid)).toString('hex');
        if (!extensions.has(name)) extensions.set(name, bytesOf(der, extension));
      }
    }
    return {
      tbs: bytesOf(der, tbs),
      issuer: bytesOf(der, issuer),
      subject: bytesOf(der, subject),
      notBefore: times[0],
      notAfter: times[1],
      spki: bytesOf(der, spki),
      extensions,
      signatureAlgorithm,
      signature: der.subarray(signature.contentStart + 1, signature.end),
    };
  } catch (err) {
    if (err instanceof NotPlain || err instanceof RangeError || isDerError(err)) return null;
    throw err;
  }
}

function isDerError(err: unknown): boolean {
  return err instanceof Error && (err as { code?: unknown }).code === 'PEM_INVALID';
}

// Layouts by certificate object: a certificate's bytes never change, and every push reads the same
// certificates' layouts several times (rules, key match, chain). null: not plain DER.
const layouts = new WeakMap<x509.X509Certificate, CertificateLayout | null>();

/** Returns the layout of `cert` (see readCertificateLayout), read once per certificate object. */
export function certificateLayout(cert: x509.X509Certificate): CertificateLayout | null {
  let layout = layouts.get(cert);
  if (layout === undefined) {
    layout = readCertificateLayout(new Uint8Array(cert.rawData));
    layouts.set(cert, layout);
  }
  return layout;
}

/** Records the layout of a certificate read already (certificates.ts reads it before the object exists). */
export function rememberLayout(cert: x509.X509Certificate, layout: CertificateLayout): void {
  layouts.set(cert, layout);
}

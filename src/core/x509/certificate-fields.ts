// Quick access to the parts of a certificate that validating an X509-SVID reads on every Workload API push:
// the subject public key and a few extensions. @peculiar/x509 decodes every extension the first time one
// is asked for, and decodes each twice after re-encoding it; for the handful of certificates of each push
// that was more than half of the parsing time. Here the certificate's DER layout (certificate-layout.ts)
// gives the bytes of the one extension asked for, which the library's own class then decodes, so a field
// reads exactly as cert.getExtension() would give it. Results are kept per certificate object.
import { certificateLayout, childrenOf, type CertificateLayout } from './certificate-layout.js';
import { derElementAt, type DerElement } from './der.js';
import { x509 } from './setup.js';

// Contents octets of the extension OIDs (RFC 5280 §4.2.1): id-ce 2.5.29 is 0x55 0x1d, then the arc.
const EXTENSION_OIDS = new Map<unknown, string>([
  [x509.KeyUsagesExtension, '551d0f'],
  [x509.SubjectAlternativeNameExtension, '551d11'],
  [x509.BasicConstraintsExtension, '551d13'],
  [x509.ExtendedKeyUsageExtension, '551d25'],
]);

interface Cached {
  readonly extensions: Map<unknown, x509.Extension | null>;
  fields: CertificateFields | undefined;
}

const cache = new WeakMap<x509.X509Certificate, Cached>();

function cached(cert: x509.X509Certificate): Cached {
  let entry = cache.get(cert);
  if (entry === undefined) {
    entry = { extensions: new Map(), fields: undefined };
    cache.set(cert, entry);
  }
  return entry;
}

/**
 * Returns the certificate's extension of `type`, as cert.getExtension(type) does (the first one, or null),
 * decoding only that extension; for types other than key usage, extended key usage, subject alternative
 * name and basic constraints it is cert.getExtension(type).
 */
export function certificateExtension<T extends x509.Extension>(
  cert: x509.X509Certificate,
  type: new (raw: ArrayBuffer) => T,
): T | null {
  const entry = cached(cert);
  if (entry.extensions.has(type)) return entry.extensions.get(type) as T | null;
  const oid = EXTENSION_OIDS.get(type);
  const parts = oid === undefined ? null : certificateLayout(cert);
  let extension: T | null;
  if (oid === undefined || parts === null) {
    extension = cert.getExtension(type);
  } else {
    const der = parts.extensions.get(oid);
    extension = der === undefined ? null : new type(new Uint8Array(der).buffer);
  }
  entry.extensions.set(type, extension);
  return extension;
}

/** Returns the certificate's SubjectPublicKeyInfo, DER. */
export function certificateSpki(cert: x509.X509Certificate): Uint8Array {
  return certificateLayout(cert)?.spki ?? new Uint8Array(cert.publicKey.rawData);
}

/** What the X509-SVID rules and the helper read from a certificate's extensions. */
export interface CertificateFields {
  /** basicConstraints cA; false without the extension. */
  readonly ca: boolean;
  /** keyUsage bits as x509.KeyUsageFlags; 0 without the extension. */
  readonly keyUsages: number;
  /** Subject alternative names by type, in order, as the library reads them. */
  readonly uris: readonly string[];
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
}

/**
 * Returns the certificate's CA flag, key usage and subject alternative names, exactly as
 * certificateExtension(cert, ...) gives them. The common encodings (DER booleans, one- or two-octet key
 * usage, names that are only URIs and DNS names in ASCII) are decoded here without the library's ASN.1
 * machinery, the cost of every Workload API push; anything else is left to the library.
 */
export function certificateFields(cert: x509.X509Certificate): CertificateFields {
  const entry = cached(cert);
  if (entry.fields !== undefined) return entry.fields;
  const parts = certificateLayout(cert);
  const value = (type: unknown): Uint8Array | undefined | null => {
    const oid = EXTENSION_OIDS.get(type);
    const der = oid === undefined ? undefined : parts?.extensions.get(oid);
    return der === undefined ? null : extensionValue(der);
  };
  const ca =
    quickBasicConstraintsCa(value(x509.BasicConstraintsExtension), parts) ??
    certificateExtension(cert, x509.BasicConstraintsExtension)?.ca ??
    false;
  const keyUsages =
    quickKeyUsages(value(x509.KeyUsagesExtension), parts) ??
    certificateExtension(cert, x509.KeyUsagesExtension)?.usages ??
    0;
  let names = quickAltNames(value(x509.SubjectAlternativeNameExtension), parts);
  if (names === undefined) {
    const items = certificateExtension(cert, x509.SubjectAlternativeNameExtension)?.names.items ?? [];
    const of = (type: string): string[] => items.filter((n) => n.type === type).map((n) => n.value);
    names = { uris: of('url'), dnsNames: of('dns'), ipAddresses: of('ip') };
  }
  entry.fields = Object.freeze({ ca, keyUsages, ...names });
  return entry.fields;
}

const TAG_BOOLEAN = 0x01;
const TAG_INTEGER = 0x02;
const TAG_BIT_STRING = 0x03;
const TAG_OCTET_STRING = 0x04;
const TAG_SEQUENCE = 0x30;
const TAG_DNS_NAME = 0x82; // [2] IMPLICIT IA5String
const TAG_URI = 0x86; // [6] IMPLICIT IA5String

/** Returns the contents of an Extension's extnValue OCTET STRING, or undefined when it is not that shape. */
function extensionValue(der: Uint8Array): Uint8Array | undefined {
  try {
    const fields = childrenOf(der, derElementAt(der, 0, 0));
    const last = fields[fields.length - 1];
    if (last?.tag !== TAG_OCTET_STRING || fields.length < 2 || fields.length > 3) return undefined;
    return der.subarray(last.contentStart, last.end);
  } catch {
    return undefined;
  }
}

/** Returns the one element that fills `bytes`, or undefined. */
function soleElement(bytes: Uint8Array): DerElement | undefined {
  try {
    const element = derElementAt(bytes, 0, 0);
    return element.end === bytes.length ? element : undefined;
  } catch {
    return undefined;
  }
}

// Each quick reader returns undefined ("ask the library") for anything but the plain DER it knows; null
// from value() means the extension is absent, which the library reads as false, 0 or no names.

function quickBasicConstraintsCa(
  value: Uint8Array | undefined | null,
  parts: CertificateLayout | null,
): boolean | undefined {
  if (parts === null || value === undefined) return undefined;
  if (value === null) return false;
  const sequence = soleElement(value);
  if (sequence?.tag !== TAG_SEQUENCE) return undefined;
  let fields: DerElement[];
  try {
    fields = childrenOf(value, sequence);
  } catch {
    return undefined;
  }
  const [first, second] = fields;
  if (fields.length > 2 || (second !== undefined && second.tag !== TAG_INTEGER)) return undefined;
  if (first === undefined || first.tag === TAG_INTEGER)
    return fields.length === 1 || first === undefined ? false : undefined;
  if (first.tag !== TAG_BOOLEAN || first.end - first.contentStart !== 1) return undefined;
  const flag = value[first.contentStart];
  return flag === 0xff ? true : flag === 0x00 ? false : undefined;
}

function quickKeyUsages(
  value: Uint8Array | undefined | null,
  parts: CertificateLayout | null,
): number | undefined {
  if (parts === null || value === undefined) return undefined;
  if (value === null) return 0;
  const bits = soleElement(value);
  const length = bits === undefined ? 0 : bits.end - bits.contentStart;
  if (bits?.tag !== TAG_BIT_STRING || length < 2 || length > 3) return undefined;
  const unused = value[bits.contentStart] ?? 8;
  if (unused > 7) return undefined;
  // Bit i of the string (the first octet's high bit is bit 0) is KeyUsageFlags 2^i; unused bits are dropped.
  const count = (length - 1) * 8 - unused;
  let usages = 0;
  for (let i = 0; i < count; i++) {
    const octet = value[bits.contentStart + 1 + (i >> 3)] ?? 0;
    if (octet & (0x80 >> (i & 7))) usages |= 1 << i;
  }
  return usages;
}

function quickAltNames(
  value: Uint8Array | undefined | null,
  parts: CertificateLayout | null,
): Pick<CertificateFields, 'uris' | 'dnsNames' | 'ipAddresses'> | undefined {
  if (parts === null || value === undefined) return undefined;
  if (value === null) return { uris: [], dnsNames: [], ipAddresses: [] };
  const sequence = soleElement(value);
  if (sequence?.tag !== TAG_SEQUENCE) return undefined;
  let names: DerElement[];
  try {
    names = childrenOf(value, sequence);
  } catch {
    return undefined;
  }
  if (names.length === 0) return undefined;
  const uris: string[] = [];
  const dnsNames: string[] = [];
  for (const name of names) {
    if (name.tag !== TAG_URI && name.tag !== TAG_DNS_NAME) return undefined;
    const bytes = value.subarray(name.contentStart, name.end);
    if (bytes.some((byte) => byte > 0x7f)) return undefined;
    (name.tag === TAG_URI ? uris : dnsNames).push(Buffer.from(bytes).toString('latin1'));
  }
  return { uris, dnsNames, ipAddresses: [] };
}

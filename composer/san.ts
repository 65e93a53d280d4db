// The subjectAltName extension (RFC 5280 §4.2.1.6) as DER: GeneralNames with dNSName [2], iPAddress [7]
// and uniformResourceIdentifier [6]. Written out by hand: three tags and a length encoding.
import { isIPv4, isIPv6 } from 'node:net';

/** The subjectAltName extension's OID. */
export const subjectAltNameOid = '2.5.29.17';

/** Returns the 4 (IPv4) or 16 (IPv6) address bytes, or undefined when `text` is not an IP address. */
export function ipAddressBytes(text: string): Uint8Array | undefined {
  if (isIPv4(text)) return new Uint8Array(text.split('.').map(Number));
  if (!isIPv6(text) || text.includes('%')) return undefined;
  let body = text;
  const tail: number[] = [];
  // An embedded IPv4 address ("::ffff:10.0.0.1") supplies the last 4 bytes.
  const lastColon = body.lastIndexOf(':');
  const maybeV4 = body.slice(lastColon + 1);
  if (isIPv4(maybeV4)) {
    tail.push(...maybeV4.split('.').map(Number));
    body = `${body.slice(0, lastColon + 1)}0:0`;
  }
  const [head = '', rest] = body.split('::');
  const groups = (s: string | undefined): number[] =>
    s === undefined || s === '' ? [] : s.split(':').map((g) => parseInt(g, 16));
  const front = groups(head);
  const back = groups(rest);
  const words =
    rest === undefined
      ? front
      : [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
  const bytes = new Uint8Array(16);
  words.forEach((w, i) => {
    bytes[2 * i] = w >> 8;
    bytes[2 * i + 1] = w & 0xff;
  });
  if (tail.length === 4) bytes.set(tail, 12);
  return bytes;
}

function derLength(n: number): Uint8Array {
  if (n < 0x80) return new Uint8Array([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return new Uint8Array([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, body: Uint8Array): Uint8Array {
  return Buffer.concat([new Uint8Array([tag]), derLength(body.length), body]);
}

export interface SubjectAltNames {
  readonly dnsNames: readonly string[];
  /** Address bytes, as returned by ipAddressBytes. */
  readonly ipAddresses: readonly Uint8Array[];
  readonly uris: readonly string[];
}

/**
 * Returns the extension value (the DER GeneralNames that go inside the extension's OCTET STRING), in the
 * order Go's crypto/x509 writes them: DNS names, IP addresses, URIs. Names must be ASCII (IA5String).
 */
export function encodeSubjectAltName(names: SubjectAltNames): Uint8Array {
  const ascii = (s: string): Uint8Array => Buffer.from(s, 'ascii');
  const entries = [
    ...names.dnsNames.map((d) => tlv(0x82, ascii(d))),
    ...names.ipAddresses.map((ip) => tlv(0x87, ip)),
    ...names.uris.map((u) => tlv(0x86, ascii(u))),
  ];
  return new Uint8Array(tlv(0x30, Buffer.concat(entries)));
}

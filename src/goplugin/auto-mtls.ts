// go-plugin AutoMTLS, plugin side (go-plugin mtls.go, server.go): the host passes its own self-signed
// client certificate in PLUGIN_CLIENT_CERT; the plugin makes a fresh self-signed certificate for
// "localhost", serves TLS with it, requires and verifies the host's certificate, and sends its own
// certificate's DER in the handshake line, where the host pins it.
//
// The certificate is assembled here with a few lines of DER rather than an X.509 library: it is one
// fixed template, and loading a full library would add about 100 ms to every plugin start (Terraform
// starts a provider three times per plan). Node's own X509Certificate parses the result in the tests.
// Nothing here loads gRPC: the certificate goes into the handshake line, which is written before gRPC is
// loaded (serve.ts); grpc-server.ts turns the TLS material into server credentials afterwards.
import { X509Certificate, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

function length(n: number): Uint8Array {
  if (n < 0x80) return new Uint8Array([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return new Uint8Array([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: readonly Uint8Array[]): Uint8Array {
  const body = Buffer.concat(content);
  return Buffer.concat([new Uint8Array([tag]), length(body.length), body]);
}

const sequence = (...items: readonly Uint8Array[]): Uint8Array => tlv(0x30, ...items);
const set = (...items: readonly Uint8Array[]): Uint8Array => tlv(0x31, ...items);
const utf8 = (text: string): Uint8Array => tlv(0x0c, Buffer.from(text, 'utf8'));
const octets = (bytes: Uint8Array): Uint8Array => tlv(0x04, bytes);
const bitString = (bytes: Uint8Array, unusedBits = 0): Uint8Array =>
  tlv(0x03, new Uint8Array([unusedBits]), bytes);
const trueValue = tlv(0x01, new Uint8Array([0xff]));

function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = arcs;
  const out: number[] = [first * 40 + second];
  for (const arc of rest) {
    const chunk: number[] = [];
    let v = arc;
    do {
      chunk.unshift(v % 128);
      v = Math.floor(v / 128);
    } while (v > 0);
    out.push(...chunk.map((b, i) => (i < chunk.length - 1 ? b | 0x80 : b)));
  }
  return tlv(0x06, new Uint8Array(out));
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
function time(date: Date): Uint8Array {
  const iso = date.toISOString(); // 2026-11-22T10:00:00.000Z
  const compact = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return date.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(compact.slice(2), 'ascii'))
    : tlv(0x18, Buffer.from(compact, 'ascii'));
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? sequence(oid(id), trueValue, octets(value)) : sequence(oid(id), octets(value));
}

const ecdsaWithSha256 = sequence(oid('1.2.840.10045.4.3.2'));

export interface ServerCertificate {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  readonly certificateDer: Uint8Array;
}

/** How long the per-process certificate is valid; a plugin process lives for one host session. */
const validityMs = 365 * 24 * 60 * 60 * 1000;

export interface ServerCertificateOptions {
  /** The subject's O, naming the plugin (go-plugin itself writes "HashiCorp"). */
  readonly organization: string;
  readonly now?: Date;
}

/**
 * Returns a fresh self-signed EC P-256 certificate for "localhost" following go-plugin's template
 * (mtls.go generateCert): CN=localhost, SAN DNS localhost, CA, key usage digitalSignature|keyCertSign,
 * extended key usage serverAuth+clientAuth, valid from 30 s ago.
 */
export function generateServerCertificate(options: ServerCertificateOptions): ServerCertificate {
  const now = options.now ?? new Date();
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01; // positive and without a leading zero byte
  const name = sequence(
    set(sequence(oid('2.5.4.10'), utf8(options.organization))),
    set(sequence(oid('2.5.4.3'), utf8('localhost'))),
  );
  const extensions = sequence(
    // keyUsage: digitalSignature (bit 0) and keyCertSign (bit 5); 2 unused bits in 0b10000100
    extension('2.5.29.15', true, bitString(new Uint8Array([0x84]), 2)),
    // extKeyUsage: clientAuth, serverAuth
    extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.2'), oid('1.3.6.1.5.5.7.3.1'))),
    // basicConstraints: cA true
    extension('2.5.29.19', true, sequence(trueValue)),
    // subjectAltName: dNSName [2] "localhost"
    extension('2.5.29.17', false, sequence(tlv(0x82, Buffer.from('localhost', 'ascii')))),
  );
  const tbs = sequence(
    tlv(0xa0, tlv(0x02, new Uint8Array([2]))), // version v3
    tlv(0x02, serial),
    ecdsaWithSha256,
    name,
    sequence(time(new Date(now.getTime() - 30_000)), time(new Date(now.getTime() + validityMs))),
    name,
    spki,
    tlv(0xa3, extensions),
  );
  const signature = sign('sha256', tbs, privateKey); // DER ECDSA-Sig-Value
  const certificateDer = sequence(tbs, ecdsaWithSha256, bitString(signature));
  const base64 = Buffer.from(certificateDer).toString('base64');
  const certificatePem = `-----BEGIN CERTIFICATE-----\n${(base64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`;
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { certificatePem, privateKeyPem, certificateDer };
}

/** What the gRPC server needs for mutual TLS (PEM); the private key never leaves the process. */
export interface MutualTlsMaterial {
  /** The host's certificate (PLUGIN_CLIENT_CERT), the only client certificate accepted. */
  readonly hostCertificatePem: string;
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

export interface TransportSecurity {
  /** The TLS material for the server; undefined when serving plaintext. */
  readonly mutualTls?: MutualTlsMaterial;
  /** The certificate to announce in the handshake; undefined when serving plaintext. */
  readonly serverCertificate?: Uint8Array;
}

/** AutoMTLS as a plugin offers it: what its own certificate says. */
export interface AutoMtlsOptions {
  readonly organization: string;
}

/**
 * Returns the transport for the host's PLUGIN_CLIENT_CERT: mutual TLS that requires and verifies exactly
 * that certificate, or plaintext when the host sent none (TF_DISABLE_PLUGIN_TLS, SPIRE). Throws when the
 * host's certificate cannot be parsed, or when the host asks for AutoMTLS and the plugin does not offer it
 * (`autoMtls` undefined): serving plaintext to a host that expects TLS would only fail later and less
 * clearly.
 */
export function transportSecurity(options: {
  /** The host's PLUGIN_CLIENT_CERT. */
  readonly clientCertificatePem: string | undefined;
  readonly autoMtls: AutoMtlsOptions | undefined;
}): TransportSecurity {
  const { clientCertificatePem, autoMtls } = options;
  if (clientCertificatePem === undefined || clientCertificatePem.trim() === '') return {};
  if (autoMtls === undefined) {
    throw new Error(
      'the host asked for AutoMTLS (PLUGIN_CLIENT_CERT is set), which this plugin does not offer',
    );
  }
  try {
    new X509Certificate(clientCertificatePem);
  } catch (err) {
    throw new Error('PLUGIN_CLIENT_CERT is not a PEM certificate', { cause: err });
  }
  const own = generateServerCertificate({ organization: autoMtls.organization });
  return {
    mutualTls: {
      hostCertificatePem: clientCertificatePem,
      certificatePem: own.certificatePem,
      privateKeyPem: own.privateKeyPem,
    },
    serverCertificate: own.certificateDer,
  };
}

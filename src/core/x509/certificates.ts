// Certificates from PEM or DER. A certificate in plain DER (certificate-layout.ts) becomes an
// x509.X509Certificate that decodes itself only when a field needs the library's full parse (names as text,
// serial, extensions by class, signature algorithm...): what validating an X509-SVID reads on every push
// (key, key usage, SANs, validity, the issuer's name and the signature) comes from its DER directly. A full
// ASN.1 decode of every SVID of every push was the largest cost of the `run` daemon and of `cert fetch`,
// which is handed every SVID of the workload and uses one. Anything else is parsed at once, as before.
import { CoreError } from '../errors/index.js';
import { readCertificateLayout, rememberLayout, type CertificateLayout } from './certificate-layout.js';
import { splitConcatenatedDer } from './der.js';
import { pemToDerList } from './pem.js';
import { x509 } from './setup.js';

const DER_SEQUENCE_TAG = 0x30;

function invalid(index: number, cause: unknown): CoreError {
  return new CoreError('PEM_INVALID', 'x509', `certificate ${index} is not a valid X.509 certificate`, {
    cause,
  });
}

/** Stands in for the decoded certificate while the library's constructor runs (it decodes nothing). */
const NOT_DECODED = Object.freeze({});

/**
 * An x509.X509Certificate whose ASN.1 structure is decoded on first use. The library keeps the decoded
 * structure in its own property `asn` and reads every field from it; here `asn` becomes an accessor (still
 * an own, enumerable property, as the library's) that decodes the DER the first time it is read. The DER
 * itself (rawData) and the validity dates are served from the layout.
 */
class DeferredCertificate extends x509.X509Certificate {
  readonly #der: ArrayBuffer;
  readonly #layout: CertificateLayout;
  readonly #index: number;
  #asn: unknown;

  constructor(der: ArrayBuffer, layout: CertificateLayout, index: number) {
    // The library's constructor for an already decoded structure: it stores `asn` and reads nothing.
    super(NOT_DECODED as ConstructorParameters<typeof x509.X509Certificate>[0]);
    this.#der = der;
    this.#layout = layout;
    this.#index = index;
    Object.defineProperty(this, 'asn', {
      get: () => this.#decoded(),
      enumerable: true,
      configurable: true,
    });
  }

  /** Returns the decoded structure (the library's `asn`), decoding it now if it was not yet. */
  #decoded(): unknown {
    if (this.#asn === undefined) {
      try {
        this.#asn = (new x509.X509Certificate(this.#der) as unknown as { asn: unknown }).asn;
      } catch (cause) {
        throw invalid(this.#index, cause);
      }
    }
    return this.#asn;
  }

  override get rawData(): ArrayBuffer {
    return this.#der;
  }

  override get notBefore(): Date {
    return this.#layout.notBefore ?? super.notBefore;
  }

  override get notAfter(): Date {
    return this.#layout.notAfter ?? super.notAfter;
  }
}

/** Returns the certificate in `der`, decoded on demand when its DER is plain, else at once. */
function certificateOf(der: Uint8Array, index: number): x509.X509Certificate {
  // Its own buffer, exactly its size: rawData is handed out and must not alias the caller's bytes (a
  // Buffer's slice() would share them).
  const copy = new Uint8Array(der);
  const layout = readCertificateLayout(copy);
  if (layout !== null) {
    const cert = new DeferredCertificate(copy.buffer, layout, index);
    rememberLayout(cert, layout);
    return cert;
  }
  try {
    return new x509.X509Certificate(der);
  } catch (cause) {
    throw invalid(index, cause);
  }
}

/**
 * Returns the certificates in `input`: PEM text (string or bytes) or concatenated DER. Throws PEM_INVALID
 * when there is none or one does not parse.
 */
export function parseCertificates(input: Uint8Array | string): x509.X509Certificate[] {
  const ders =
    typeof input === 'string'
      ? pemToDerList(input, 'CERTIFICATE')
      : input.length === 0 || input[0] === DER_SEQUENCE_TAG
        ? splitConcatenatedDer(input)
        : pemToDerList(Buffer.from(input).toString('utf8'), 'CERTIFICATE');
  if (ders.length === 0) throw new CoreError('PEM_INVALID', 'x509', 'no certificates found');
  return ders.map((der, index) => certificateOf(der, index));
}

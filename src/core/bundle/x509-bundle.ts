import type { TrustDomain } from '../spiffeid/index.js';
import { derListToPem, parseCertificates, splitConcatenatedDer, x509 } from '../x509/index.js';
import { bundleError } from './errors.js';

function sameCertificate(a: x509.X509Certificate, b: x509.X509Certificate): boolean {
  return Buffer.from(a.rawData).equals(Buffer.from(b.rawData));
}

/** The X.509 authorities (root CA certificates) of one trust domain. */
export class X509Bundle {
  readonly trustDomain: TrustDomain;
  readonly #authorities: x509.X509Certificate[];

  private constructor(trustDomain: TrustDomain, authorities: readonly x509.X509Certificate[]) {
    this.trustDomain = trustDomain;
    this.#authorities = [];
    for (const cert of authorities) this.addAuthority(cert);
  }

  /** Returns a copy of the authorities, in the order they were added. */
  get authorities(): readonly x509.X509Certificate[] {
    return [...this.#authorities];
  }

  /** Returns the bundle held in DER certificates placed back to back (the Workload API form). */
  static fromDer(trustDomain: TrustDomain, concatenatedDer: Uint8Array): X509Bundle {
    if (concatenatedDer.length === 0) throw bundleError(`X.509 bundle for "${trustDomain.name}" is empty`);
    return new X509Bundle(trustDomain, parseAuthorities(trustDomain, concatenatedDer));
  }

  /** Returns the bundle held in PEM "CERTIFICATE" blocks. */
  static fromPem(trustDomain: TrustDomain, pem: string): X509Bundle {
    return new X509Bundle(trustDomain, parseAuthorities(trustDomain, pem));
  }

  /** Returns a bundle of the given certificates (may be empty; duplicates are dropped). */
  static fromCertificates(trustDomain: TrustDomain, certs: readonly x509.X509Certificate[]): X509Bundle {
    return new X509Bundle(trustDomain, certs);
  }

  /** Adds `cert` unless the bundle already has it. */
  addAuthority(cert: x509.X509Certificate): void {
    if (!this.hasAuthority(cert)) this.#authorities.push(cert);
  }

  /** Removes `cert` if present. */
  removeAuthority(cert: x509.X509Certificate): void {
    const index = this.#authorities.findIndex((known) => sameCertificate(known, cert));
    if (index !== -1) this.#authorities.splice(index, 1);
  }

  /** Returns true when the bundle holds a certificate byte-identical to `cert`. */
  hasAuthority(cert: x509.X509Certificate): boolean {
    return this.#authorities.some((known) => sameCertificate(known, cert));
  }

  /** Returns the authorities as PEM "CERTIFICATE" blocks ("" when empty). */
  toPem(): string {
    return derListToPem(
      this.#authorities.map((cert) => new Uint8Array(cert.rawData)),
      'CERTIFICATE',
    );
  }

  /** Returns the authorities' DER placed back to back. */
  toDer(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.#authorities.map((cert) => new Uint8Array(cert.rawData))));
  }

  /** Returns true for the same trust domain and the same authorities in the same order. */
  equals(other: X509Bundle): boolean {
    const theirs = other.#authorities;
    return (
      this.trustDomain.equals(other.trustDomain) &&
      theirs.length === this.#authorities.length &&
      this.#authorities.every((cert, index) => {
        const their = theirs[index];
        return their !== undefined && sameCertificate(cert, their);
      })
    );
  }
}

function parseAuthorities(trustDomain: TrustDomain, input: Uint8Array | string): x509.X509Certificate[] {
  try {
    // Validate DER framing first so a truncated bundle is reported as such, then parse each certificate.
    if (typeof input !== 'string') splitConcatenatedDer(input);
    return parseCertificates(input);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw bundleError(`X.509 bundle for "${trustDomain.name}" is invalid: ${reason}`, cause);
  }
}

// PEM encodings the sim hands to TLS stacks and config files.
import type { x509 } from '../../src/core/x509/setup.js';

/** Returns the certificates as concatenated PEM blocks, in order. */
export function certificatesPem(certificates: readonly x509.X509Certificate[]): string {
  return certificates.map((cert) => `${cert.toString('pem')}\n`).join('');
}

/** Returns a PKCS#8 DER private key as a "PRIVATE KEY" PEM block. */
export function privateKeyPem(pkcs8: Uint8Array): string {
  const body =
    Buffer.from(pkcs8)
      .toString('base64')
      .match(/.{1,64}/g)
      ?.join('\n') ?? '';
  return `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`;
}

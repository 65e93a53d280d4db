// Public API of x509: PEM/DER encoding, certificate lists and PKCS#8 private keys.
export { x509, webcrypto } from './setup.js';
export { pemToDerList, derListToPem, type PemLabel } from './pem.js';
export { splitConcatenatedDer } from './der.js';
export { parseCertificates } from './certificates.js';
export { certificateExtension, certificateFields, type CertificateFields } from './certificate-fields.js';
export {
  parsePrivateKey,
  privateKeyToPem,
  keyMatchesCertificate,
  certificatePublicJwk,
  type PrivateKey,
  type PrivateKeyAlgorithm,
  type NamedCurve,
} from './keys.js';
export { issuerNameMatches, signatureVerifiedBy } from './signature.js';

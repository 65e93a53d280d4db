// Public API of bundle: trust bundles (X.509 and JWT authorities) per trust domain, and the SPIFFE bundle
// JSON format (SPIFFE_Trust_Domain_and_Bundle.md §4).
export { X509Bundle } from './x509-bundle.js';
export { JwtBundle } from './jwt-bundle.js';
export { BundleSet } from './bundle-set.js';
export { parseSpiffeBundle, marshalSpiffeBundle, type SpiffeBundle } from './spiffe-bundle.js';
export type { PublicJwk } from './jwk.js';

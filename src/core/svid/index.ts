// Public API of svid: X509-SVIDs and JWT-SVIDs, parsing and verification against trust bundles.
export { parseX509Svid, svidExpiresAt, type X509Svid } from './x509-svid.js';
export { verifyX509Svid } from './verify.js';
export { idFromCertificate } from './certificate-rules.js';
export { parseJwtSvidInsecure, verifyJwtSvid, type JwtSvid } from './jwt-svid.js';

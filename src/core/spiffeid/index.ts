// Public API of spiffeid: SPIFFE IDs and trust domains (SPIFFE-ID.md §2).
import { splitSpiffeId } from './validate.js';

export { TrustDomain } from './trust-domain.js';
export { SpiffeId } from './spiffe-id.js';
export type { SpiffeIdRule } from './messages.js';
export { MAX_SPIFFE_ID_BYTES, MAX_TRUST_DOMAIN_BYTES } from './messages.js';

/** Returns true when `input` is a valid SPIFFE ID. */
export function isSpiffeId(input: string): boolean {
  try {
    splitSpiffeId(input);
    return true;
  } catch {
    return false;
  }
}

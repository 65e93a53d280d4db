import { CoreError } from '../errors/index.js';
import { MAX_SPIFFE_ID_BYTES, MAX_TRUST_DOMAIN_BYTES, RULE_MESSAGES, type SpiffeIdRule } from './messages.js';

export const SCHEME_PREFIX = 'spiffe://';

/** Returns the CoreError for a broken rule; `input` is an identifier, never a secret, so it may be shown. */
export function invalid(rule: SpiffeIdRule, input: string): CoreError {
  return new CoreError('SPIFFEID_INVALID', 'spiffeid', RULE_MESSAGES[rule], { details: { rule, input } });
}

// SPIFFE-ID §2.1: [a-z0-9.-_]
function isTrustDomainChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x5f // . - _
  );
}

// SPIFFE-ID §2.2: [a-zA-Z0-9.-_]
function isPathSegmentChar(c: number): boolean {
  return isTrustDomainChar(c) || (c >= 0x41 && c <= 0x5a);
}

/** Returns the rule a trust-domain character breaks, naming URI parts that do not belong in one. */
function trustDomainCharRule(c: number): SpiffeIdRule {
  switch (c) {
    case 0x3a: // ':'
      return 'trust-domain-port';
    case 0x40: // '@'
      return 'trust-domain-userinfo';
    case 0x25: // '%'
      return 'percent-encoded';
    default:
      return 'trust-domain-char';
  }
}

/** Validates a bare trust domain name (SPIFFE-ID §2.1, §2.3); `input` is what the user wrote. */
export function validateTrustDomainName(name: string, input: string): void {
  if (name === '') throw invalid('missing-trust-domain', input);
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!isTrustDomainChar(c)) throw invalid(trustDomainCharRule(c), input);
  }
  // Only ASCII is left here, so characters are bytes.
  if (name.length > MAX_TRUST_DOMAIN_BYTES) throw invalid('trust-domain-too-long', input);
}

/** Validates one path segment (SPIFFE-ID §2.2). */
export function validatePathSegment(segment: string, input: string): void {
  if (segment === '') throw invalid('empty-segment', input);
  if (segment === '.' || segment === '..') throw invalid('dot-segment', input);
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (!isPathSegmentChar(c)) throw invalid(c === 0x25 ? 'percent-encoded' : 'path-segment-char', input);
  }
}

/** Validates a path: "" or "/seg(/seg)*" (SPIFFE-ID §2.2). */
export function validatePath(path: string, input: string): void {
  if (path === '') return;
  if (!path.startsWith('/')) throw invalid('no-leading-slash', input);
  const segments = path.slice(1).split('/');
  segments.forEach((segment, index) => {
    // An empty last segment is a trailing slash, which has its own rule.
    if (segment === '' && index === segments.length - 1) throw invalid('trailing-slash', input);
    validatePathSegment(segment, input);
  });
}

/** Throws when the whole ID would exceed SPIFFE-ID §2.3's 2048 bytes. */
export function validateLength(id: string, input: string): void {
  if (Buffer.byteLength(id, 'utf8') > MAX_SPIFFE_ID_BYTES) throw invalid('too-long', input);
}

/** Returns the trust domain name and path of a SPIFFE ID string, or throws the first rule it breaks. */
export function splitSpiffeId(input: string): { trustDomain: string; path: string } {
  if (input === '') throw invalid('empty', input);
  validateLength(input, input);
  if (!input.startsWith(SCHEME_PREFIX)) {
    const uppercase = input.slice(0, SCHEME_PREFIX.length).toLowerCase() === SCHEME_PREFIX;
    throw invalid(uppercase ? 'uppercase-scheme' : 'wrong-scheme', input);
  }
  // Query and fragment are checked before the character scan so the user is told what the URI part is,
  // rather than that '?' or '#' is a bad character.
  if (input.includes('?')) throw invalid('query', input);
  if (input.includes('#')) throw invalid('fragment', input);
  const rest = input.slice(SCHEME_PREFIX.length);
  const slash = rest.indexOf('/');
  const trustDomain = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '' : rest.slice(slash);
  validateTrustDomainName(trustDomain, input);
  validatePath(path, input);
  return { trustDomain, path };
}

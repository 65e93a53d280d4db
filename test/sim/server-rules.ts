// Validation rules of the SPIRE Server API, reproduced for the test double. Every rule names the upstream
// file it comes from; the message texts are the wire contract (clients and their tests match on them),
// so they are SPIRE's and go-spiffe's words. The logic is written here from those facts.
//
// SPIFFE ID parsing follows go-spiffe v2 (spiffeid/id.go, trustdomain.go, path.go, errors.go) rather than
// src/core/spiffeid on purpose: SPIRE accepts what go-spiffe accepts (for example a trust domain given
// as "spiffe://td/path" in TrustDomainFromString) and reports go-spiffe's first failing rule, and the
// double must answer exactly like SPIRE, not like our stricter client library.
import type { SPIFFEID } from '../../src/core/generated/spire/api/types/SPIFFEID.js';
import type { Selector } from '../../src/core/generated/spire/api/types/Selector.js';

/** A rule violation; `message` is the text SPIRE puts on the wire (before its RPC-specific prefix). */
export class RuleError extends Error {
  override readonly name = 'RuleError';
}

// ---- Go formatting ------------------------------------------------------------------------------

/** Returns `s` quoted the way Go's %q (strconv.Quote) prints it. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      case '\x07':
        out += '\\a';
        break;
      case '\b':
        out += '\\b';
        break;
      case '\f':
        out += '\\f';
        break;
      case '\v':
        out += '\\v';
        break;
      default:
        out += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : ch;
    }
  }
  return `${out}"`;
}

// ---- go-spiffe spiffeid ---------------------------------------------------------------------------

// go-spiffe spiffeid/errors.go
const ERR_BAD_TRUST_DOMAIN_CHAR =
  'trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores';
const ERR_BAD_PATH_SEGMENT_CHAR =
  'path segment characters are limited to letters, numbers, dots, dashes, and underscores';
const ERR_DOT_SEGMENT = 'path cannot contain dot segments';
const ERR_NO_LEADING_SLASH = 'path must have a leading slash';
const ERR_EMPTY = 'cannot be empty';
const ERR_EMPTY_SEGMENT = 'path cannot contain empty segments';
const ERR_MISSING_TRUST_DOMAIN = 'trust domain is missing';
const ERR_TRAILING_SLASH = 'path cannot have a trailing slash';
const ERR_WRONG_SCHEME = 'scheme is missing or invalid';

const SCHEME_PREFIX = 'spiffe://';

/** A parsed SPIFFE ID: `id` is the URI string, `trustDomain` the name, `path` may be empty. */
export interface GoSpiffeId {
  readonly id: string;
  readonly trustDomain: string;
  readonly path: string;
}

// go-spiffe spiffeid/trustdomain.go isValidTrustDomainChar (no backcompat build tag).
function isTrustDomainChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '-' || c === '.' || c === '_';
}

// go-spiffe spiffeid/path.go isValidPathSegmentChar.
function isPathSegmentChar(c: string): boolean {
  return (
    (c >= 'a' && c <= 'z') ||
    (c >= 'A' && c <= 'Z') ||
    (c >= '0' && c <= '9') ||
    c === '-' ||
    c === '.' ||
    c === '_'
  );
}

/** Throws unless `path` is a valid SPIFFE ID path (go-spiffe spiffeid/path.go ValidatePath); "" is valid. */
export function validatePath(path: string): void {
  if (path === '') return;
  if (!path.startsWith('/')) throw new RuleError(ERR_NO_LEADING_SLASH);
  let segmentStart = 0;
  let i = 0;
  for (; i < path.length; i++) {
    const c = path.charAt(i);
    if (c === '/') {
      const segment = path.slice(segmentStart, i);
      if (segment === '/') throw new RuleError(ERR_EMPTY_SEGMENT);
      if (segment === '/.' || segment === '/..') throw new RuleError(ERR_DOT_SEGMENT);
      segmentStart = i;
      continue;
    }
    if (!isPathSegmentChar(c)) throw new RuleError(ERR_BAD_PATH_SEGMENT_CHAR);
  }
  const last = path.slice(segmentStart, i);
  if (last === '/') throw new RuleError(ERR_TRAILING_SLASH);
  if (last === '/.' || last === '/..') throw new RuleError(ERR_DOT_SEGMENT);
}

/** Returns the parsed ID (go-spiffe spiffeid/id.go FromString). */
export function idFromString(id: string): GoSpiffeId {
  if (id === '') throw new RuleError(ERR_EMPTY);
  if (!id.startsWith(SCHEME_PREFIX)) throw new RuleError(ERR_WRONG_SCHEME);
  let pathIndex = SCHEME_PREFIX.length;
  for (; pathIndex < id.length; pathIndex++) {
    const c = id.charAt(pathIndex);
    if (c === '/') break;
    if (!isTrustDomainChar(c)) throw new RuleError(ERR_BAD_TRUST_DOMAIN_CHAR);
  }
  if (pathIndex === SCHEME_PREFIX.length) throw new RuleError(ERR_MISSING_TRUST_DOMAIN);
  const path = id.slice(pathIndex);
  validatePath(path);
  return { id, trustDomain: id.slice(SCHEME_PREFIX.length, pathIndex), path };
}

/**
 * Returns the trust domain name of a name or SPIFFE ID (go-spiffe spiffeid/trustdomain.go
 * TrustDomainFromString: anything containing ":/" is parsed as an ID and its path is ignored).
 */
export function trustDomainFromString(idOrName: string): string {
  if (idOrName === '') throw new RuleError(ERR_MISSING_TRUST_DOMAIN);
  if (idOrName.includes(':/')) return idFromString(idOrName).trustDomain;
  for (const c of idOrName) {
    if (!isTrustDomainChar(c)) throw new RuleError(ERR_BAD_TRUST_DOMAIN_CHAR);
  }
  return idOrName;
}

/** Returns "spiffe://<name>" (go-spiffe TrustDomain.IDString). */
export function trustDomainId(name: string): string {
  return `${SCHEME_PREFIX}${name}`;
}

/** Returns the ID built from a trust domain and a path (go-spiffe FromPath). */
export function idFromPath(trustDomain: string, path: string): GoSpiffeId {
  validatePath(path);
  return { id: `${SCHEME_PREFIX}${trustDomain}${path}`, trustDomain, path };
}

/** Returns the ID built from path segments (go-spiffe FromSegments / ValidatePathSegment). */
export function idFromSegments(trustDomain: string, segments: readonly string[]): GoSpiffeId {
  for (const segment of segments) {
    if (segment === '') throw new RuleError(ERR_EMPTY_SEGMENT);
    if (segment === '.' || segment === '..') throw new RuleError(ERR_DOT_SEGMENT);
    for (const c of segment) {
      if (!isPathSegmentChar(c)) throw new RuleError(ERR_BAD_PATH_SEGMENT_CHAR);
    }
  }
  return idFromPath(trustDomain, segments.map((s) => `/${s}`).join(''));
}

// ---- SPIRE pkg/server/api/id.go and pkg/common/idutil ------------------------------------------------

/** SPIRE pkg/server/api/id.go IDFromProto + pkg/common/idutil/safety.go IDFromProto. */
export function idFromProto(protoId: SPIFFEID | null | undefined): GoSpiffeId {
  if (protoId === null || protoId === undefined) throw new RuleError('request must specify SPIFFE ID');
  const trustDomain = trustDomainFromString(protoId.trust_domain);
  return idFromPath(trustDomain, protoId.path);
}

/** SPIRE pkg/server/api/id.go TrustDomainMemberIDFromProto (used for parent IDs). */
export function trustDomainMemberIdFromProto(td: string, protoId: SPIFFEID | null | undefined): GoSpiffeId {
  const id = idFromProto(protoId);
  if (id.trustDomain !== td) {
    throw new RuleError(`${goQuote(id.id)} is not a member of trust domain ${goQuote(td)}`);
  }
  if (id.path === '') {
    throw new RuleError(`${goQuote(id.id)} is not a member of trust domain ${goQuote(td)}; path is empty`);
  }
  return id;
}

/** SPIRE pkg/common/idutil/spiffeid.go IsReservedPath. */
export function isReservedPath(path: string): boolean {
  return path === '/spire' || path.startsWith('/spire/');
}

/** SPIRE pkg/common/idutil/spiffeid.go IsAgentPath. */
export function isAgentPath(path: string): boolean {
  return path.startsWith('/spire/agent/');
}

/** SPIRE pkg/server/api/id.go TrustDomainWorkloadIDFromProto (entry SPIFFE IDs, join token agent IDs). */
export function trustDomainWorkloadIdFromProto(td: string, protoId: SPIFFEID | null | undefined): GoSpiffeId {
  const id = idFromProto(protoId);
  if (id.trustDomain !== td) {
    throw new RuleError(`${goQuote(id.id)} is not a member of trust domain ${goQuote(td)}`);
  }
  if (id.path === '') {
    throw new RuleError(`${goQuote(id.id)} is not a workload in trust domain ${goQuote(td)}; path is empty`);
  }
  if (isReservedPath(id.path)) {
    throw new RuleError(
      `${goQuote(id.id)} is not a workload in trust domain ${goQuote(td)}; path is in the reserved namespace`,
    );
  }
  return id;
}

/** SPIRE pkg/server/api/id.go TrustDomainAgentIDFromProto (GetAgent, BanAgent, DeleteAgent). */
export function trustDomainAgentIdFromProto(td: string, protoId: SPIFFEID | null | undefined): GoSpiffeId {
  const id = idFromProto(protoId);
  if (id.trustDomain !== td) {
    throw new RuleError(`${goQuote(id.id)} is not a member of trust domain ${goQuote(td)}`);
  }
  if (id.path === '') {
    throw new RuleError(`${goQuote(id.id)} is not an agent in trust domain ${goQuote(td)}; path is empty`);
  }
  if (!isAgentPath(id.path)) {
    throw new RuleError(
      `${goQuote(id.id)} is not an agent in trust domain ${goQuote(td)}; path is not in the agent namespace`,
    );
  }
  return id;
}

/** Returns the wire SPIFFEID of a parsed ID (SPIRE pkg/server/api/id.go ProtoFromID). */
export function protoFromId(id: GoSpiffeId): SPIFFEID {
  return { trust_domain: id.trustDomain, path: id.path };
}

// ---- SPIRE pkg/server/api/selector.go ------------------------------------------------------------------

/** Returns copies of the selectors, or throws on the first bad one (SPIRE api/selector.go SelectorsFromProto). */
export function selectorsFromProto(selectors: readonly Selector[]): Selector[] {
  return selectors.map((s) => {
    if (s.type === '') throw new RuleError('missing selector type');
    if (s.type.includes(':')) throw new RuleError("selector type contains ':'");
    if (s.value === '') throw new RuleError('missing selector value');
    return { type: s.type, value: s.value };
  });
}

// ---- SPIRE pkg/common/x509util/dns.go ValidateLabel ------------------------------------------------------

/**
 * Throws unless `domain` is a DNS name SPIRE accepts for an entry (x509util.ValidateLabel). ASCII only;
 * one wildcard, only as the whole first label; then the checks golang.org/x/net/idna makes for an ASCII
 * name with the profile SPIRE builds (StrictDomainName, ValidateLabels, VerifyDNSLength, CheckHyphens).
 * With that profile the STD3 character rule only applies to punycode ("xn--") labels, so ASCII labels
 * with "_" or upper case pass, as they do in SPIRE. Punycode labels are accepted without decoding here.
 */
export function validateDnsLabel(input: string): void {
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(input)) throw new RuleError('name must be ascii');
  const stars = input.split('*').length - 1;
  let domain = input;
  if (stars > 1) throw new RuleError('too many wildcards');
  if (stars === 1) {
    if (!domain.startsWith('*.')) throw new RuleError('wildcard must be first label');
    domain = domain.slice(2);
  }
  domain = goTrimSpace(domain);
  if (domain === '') throw new RuleError('empty or only whitespace');
  if (domain.endsWith('.')) throw new RuleError('domain ends with dot');
  if (domain.startsWith('*.')) throw new RuleError('wildcard not allowed');
  const idnaError = idnaAsciiError(domain);
  if (idnaError !== undefined) throw new RuleError(`idna error\nidna: invalid label ${goQuote(idnaError)}`);
}

// Go strings.TrimSpace for ASCII input: \t \n \v \f \r and space (plus U+0085/U+00A0, not ASCII).
function goTrimSpace(s: string): string {
  return s.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '');
}

/** Returns the label golang.org/x/net/idna reports as invalid for an ASCII name, or undefined. */
function idnaAsciiError(domain: string): string | undefined {
  // idna10.0.0.go process(): an empty label reports the whole name (code A4); then validateLabel():
  // CheckHyphens rejects a label starting or ending with '-' (V3); then the length pass: a label over
  // 63 bytes (A4); then the whole name over 253 bytes (A4). The first error found wins.
  const labels = domain.split('.');
  // The label iterator skips a final empty label; the caller already rejected a trailing dot.
  for (const label of labels) {
    if (label === '') return domain;
    if (label.startsWith('xn--')) continue;
    if (label.startsWith('-') || label.endsWith('-')) return label;
  }
  for (const label of labels) {
    if (label.length > 63) return label;
  }
  if (domain.length > 253) return domain;
  return undefined;
}

// ---- SPIRE pkg/server/datastore/sqlstore/sqlstore.go validEntryIDChars -----------------------------------

/** Returns true when every character of `id` is in SPIRE's entry ID charset [-.0-9A-Z_a-z]. */
export function hasValidEntryIdChars(id: string): boolean {
  return /^[-.0-9A-Z_a-z]*$/.test(id);
}

/** Returns the UTF-8 byte length (Go len() of a string). */
export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

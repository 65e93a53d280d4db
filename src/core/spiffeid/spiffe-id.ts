import { TrustDomain } from './trust-domain.js';
import {
  SCHEME_PREFIX,
  splitSpiffeId,
  validateLength,
  validatePath,
  validatePathSegment,
} from './validate.js';

/**
 * A SPIFFE ID: "spiffe://<trust domain><path>".
 * See https://github.com/spiffe/spiffe/blob/main/standards/SPIFFE-ID.md#2-spiffe-identity
 */
export class SpiffeId {
  readonly trustDomain: TrustDomain;
  /** "" for the trust domain's own ID, otherwise "/seg(/seg)*". */
  readonly path: string;

  private constructor(trustDomain: TrustDomain, path: string) {
    this.trustDomain = trustDomain;
    this.path = path;
  }

  /** Returns the SPIFFE ID written in `input`, or throws CoreError SPIFFEID_INVALID naming the broken rule. */
  static parse(input: string): SpiffeId {
    const { trustDomain, path } = splitSpiffeId(input);
    return new SpiffeId(TrustDomain.parse(trustDomain), path);
  }

  /**
   * Returns the SPIFFE ID with the given path ("" or "/a/b") in the trust domain.
   * See https://github.com/spiffe/spiffe/blob/main/standards/SPIFFE-ID.md#22-path
   */
  static fromPath(td: TrustDomain, path: string): SpiffeId {
    const id = td.idString() + path;
    validatePath(path, id);
    validateLength(id, id);
    return new SpiffeId(td, path);
  }

  /** Returns the SPIFFE ID whose path joins `segments` with "/"; segments cannot contain "/". */
  static fromSegments(td: TrustDomain, ...segments: string[]): SpiffeId {
    const path = segments.map((segment) => `/${segment}`).join('');
    const id = td.idString() + path;
    for (const segment of segments) validatePathSegment(segment, id);
    validateLength(id, id);
    return new SpiffeId(td, path);
  }

  /** Returns "spiffe://example.org/a/b". */
  toString(): string {
    return SCHEME_PREFIX + this.trustDomain.name + this.path;
  }

  /** Returns the ID as a string, so JSON output shows it as written. */
  toJSON(): string {
    return this.toString();
  }

  equals(other: SpiffeId): boolean {
    return this.trustDomain.equals(other.trustDomain) && this.path === other.path;
  }

  /** Returns true when the ID belongs to `td`. */
  memberOf(td: TrustDomain): boolean {
    return this.trustDomain.equals(td);
  }
}

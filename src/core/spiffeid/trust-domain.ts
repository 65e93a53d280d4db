import { SCHEME_PREFIX, invalid, splitSpiffeId, validateTrustDomainName } from './validate.js';

/**
 * The trust domain of a SPIFFE ID ("example.org"): the root of trust its SVIDs chain to.
 * See https://github.com/spiffe/spiffe/blob/main/standards/SPIFFE-ID.md#21-trust-domain
 */
export class TrustDomain {
  readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }

  /**
   * Returns the trust domain named by `input`, either a bare name ("example.org") or the trust domain's
   * SPIFFE ID ("spiffe://example.org", nothing after it).
   */
  static parse(input: string): TrustDomain {
    // Anything that looks like it has a scheme separator is parsed as an ID, so "spiffe:/x" or
    // "https://x" is reported as a scheme problem rather than as bad characters (as go-spiffe does).
    if (input.includes(':/')) {
      const { trustDomain, path } = splitSpiffeId(input);
      if (path !== '') throw invalid('trust-domain-has-path', input);
      return new TrustDomain(trustDomain);
    }
    validateTrustDomainName(input, input);
    return new TrustDomain(input);
  }

  /** Returns the trust domain's SPIFFE ID as a string: "spiffe://example.org". */
  idString(): string {
    return SCHEME_PREFIX + this.name;
  }

  /** Returns the bare name: "example.org". */
  toString(): string {
    return this.name;
  }

  /** Returns the bare name, so JSON output shows the trust domain as a plain string. */
  toJSON(): string {
    return this.name;
  }

  equals(other: TrustDomain): boolean {
    return this.name === other.name;
  }
}

import type { TrustDomain } from '../spiffeid/index.js';
import { bundleError } from './errors.js';
import { isRecord, readPublicJwk, type PublicJwk } from './jwk.js';

/** The JWT authorities of one trust domain: public JWKs by key ID. */
export class JwtBundle {
  readonly trustDomain: TrustDomain;
  readonly #authorities = new Map<string, PublicJwk>();

  private constructor(trustDomain: TrustDomain) {
    this.trustDomain = trustDomain;
  }

  /** Returns key ID → public JWK (a copy). */
  get authorities(): ReadonlyMap<string, PublicJwk> {
    return new Map(this.#authorities);
  }

  /** Returns a bundle holding `authorities` (key ID → public JWK). */
  static fromAuthorities(trustDomain: TrustDomain, authorities: ReadonlyMap<string, PublicJwk>): JwtBundle {
    const bundle = new JwtBundle(trustDomain);
    for (const [keyId, jwk] of authorities) bundle.addAuthority(keyId, jwk);
    return bundle;
  }

  /**
   * Returns the bundle held in a JWKS document (RFC 7517 §5). Keys whose `use` is set to something other
   * than "jwt-svid", or whose type is unknown, are skipped, so a full SPIFFE bundle also parses.
   */
  static fromJwks(trustDomain: TrustDomain, jwks: Uint8Array | string): JwtBundle {
    const text = typeof jwks === 'string' ? jwks : Buffer.from(jwks).toString('utf8');
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (cause) {
      throw bundleError(`JWT bundle for "${trustDomain.name}" is not valid JSON`, cause);
    }
    if (!isRecord(doc) || !Array.isArray(doc.keys)) {
      throw bundleError(`JWT bundle for "${trustDomain.name}": "keys" must be an array`);
    }
    const bundle = new JwtBundle(trustDomain);
    doc.keys.forEach((key: unknown, index) => {
      if (isRecord(key) && key.use !== undefined && key.use !== 'jwt-svid') return;
      bundle.addJwk(key, `JWT bundle for "${trustDomain.name}" key ${index}`);
    });
    return bundle;
  }

  /** Adds (or replaces) the authority `keyId`. */
  addAuthority(keyId: string, jwk: PublicJwk): void {
    const where = `JWT authority "${keyId}"`;
    if (keyId === '') throw bundleError('JWT authority key ID cannot be empty');
    const publicJwk = readPublicJwk(jwk, where);
    if (publicJwk === undefined) throw bundleError(`${where}: key type is not supported`);
    this.#authorities.set(keyId, publicJwk);
  }

  /** Adds the JWK `key` of a JWKS document (it must have a kid); unusable key types are skipped. */
  addJwk(key: unknown, where: string): void {
    const publicJwk = readPublicJwk(key, where);
    if (publicJwk === undefined) return;
    const kid = isRecord(key) ? key.kid : undefined;
    if (typeof kid !== 'string' || kid === '')
      throw bundleError(`${where}: "kid" must be a non-empty string`);
    this.#authorities.set(kid, publicJwk);
  }

  removeAuthority(keyId: string): void {
    this.#authorities.delete(keyId);
  }

  /** Returns the public JWK of `keyId`, if the bundle has it. */
  findAuthority(keyId: string): PublicJwk | undefined {
    return this.#authorities.get(keyId);
  }

  /** Returns a JWKS document: {"keys": [{kid, ...public JWK}]}, keys in insertion order. */
  toJwks(): string {
    return JSON.stringify({ keys: [...this.#authorities].map(([kid, jwk]) => ({ ...jwk, kid })) });
  }

  /** Returns true for the same trust domain and the same key IDs with the same public keys. */
  equals(other: JwtBundle): boolean {
    if (!this.trustDomain.equals(other.trustDomain) || this.#authorities.size !== other.#authorities.size) {
      return false;
    }
    for (const [kid, jwk] of this.#authorities) {
      const theirs = other.#authorities.get(kid);
      if (theirs === undefined || JSON.stringify(theirs) !== JSON.stringify(jwk)) return false;
    }
    return true;
  }
}

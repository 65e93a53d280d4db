import type { TrustDomain } from '../spiffeid/index.js';

/** Bundles keyed by trust domain (the own trust domain's plus federated ones); one per trust domain. */
export class BundleSet<B extends { trustDomain: TrustDomain }> {
  readonly #bundles = new Map<string, B>();

  constructor(bundles: Iterable<B> = []) {
    for (const bundle of bundles) this.set(bundle);
  }

  /** Returns the bundle of `td`, if present. */
  get(td: TrustDomain): B | undefined {
    return this.#bundles.get(td.name);
  }

  /** Adds `bundle`, replacing any bundle of the same trust domain. */
  set(bundle: B): void {
    this.#bundles.set(bundle.trustDomain.name, bundle);
  }

  has(td: TrustDomain): boolean {
    return this.#bundles.has(td.name);
  }

  delete(td: TrustDomain): void {
    this.#bundles.delete(td.name);
  }

  get size(): number {
    return this.#bundles.size;
  }

  /** Returns the bundles sorted by trust domain name, so output is stable. */
  values(): B[] {
    return [...this.#bundles.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, bundle]) => bundle);
  }

  /** Returns the trust domains, sorted by name. */
  trustDomains(): TrustDomain[] {
    return this.values().map((bundle) => bundle.trustDomain);
  }
}

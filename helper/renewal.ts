// The --renew-before decision: whether the files already on disk are good for long enough that a newer
// SVID from the agent need not be written (and consumers need not be restarted yet).
import type { BundleSet, X509Bundle } from '../src/core/bundle/index.js';
import { readIfPresent } from './outputs/atomic-write.js';
import { federatedBundlePath, svidPaths, type RenderedSvidFiles } from './outputs/svid-files.js';
import { readSvidFromDisk, verifySvid, type Expectations } from './verify.js';

export interface FreshnessQuery {
  /** Output base path. */
  readonly base: string;
  /** The SPIFFE ID the files must carry (the selected SVID's). */
  readonly spiffeId: string;
  /** Further requirements (SANs) the files must meet. */
  readonly expect: Expectations;
  /** The agent's current bundles: the files' chain must lead to them. */
  readonly bundles: BundleSet<X509Bundle>;
  /** What would be written now: the bundle files on disk must equal its bundles. */
  readonly rendered: RenderedSvidFiles;
  /** Required remaining validity in milliseconds. */
  readonly renewBeforeMs: number;
}

export interface FreshFiles {
  readonly id: string;
  readonly notAfter: Date;
  readonly remainingMs: number;
}

/**
 * Returns facts about the files on disk when they may stay: they parse, carry `spiffeId` and meet
 * `expect`, the key matches, the chain leads to the agent's current bundle, more than `renewBeforeMs` is
 * left, and every bundle file holds exactly the current bundle. Returns undefined otherwise (missing or
 * broken files included): then the new SVID is written.
 */
export async function freshOnDisk(query: FreshnessQuery): Promise<FreshFiles | undefined> {
  const paths = svidPaths(query.base);
  try {
    const onDisk = await readSvidFromDisk(paths);
    const verified = await verifySvid(onDisk.certificates, onDisk.key, query.bundles, {
      ...query.expect,
      spiffeId: query.spiffeId,
    });
    const remainingMs = verified.notAfter.getTime() - Date.now();
    if (remainingMs <= query.renewBeforeMs) return undefined;
    // A changed bundle (CA rotation, federation) must reach the consumers even while the leaf is fresh.
    const ca = await readIfPresent(paths.ca);
    if (ca === undefined || !ca.equals(Buffer.from(query.rendered.ca))) return undefined;
    for (const [trustDomain, pem] of query.rendered.federated) {
      const current = await readIfPresent(federatedBundlePath(query.base, trustDomain));
      if (current === undefined || !current.equals(Buffer.from(pem))) return undefined;
    }
    return { id: verified.id.toString(), notAfter: verified.notAfter, remainingMs };
  } catch {
    return undefined;
  }
}

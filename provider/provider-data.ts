// What every SPIRE resource and data source receives as `context.provider` once the provider is
// configured (provider.ts `configure`). Shared contract between the resource files.
import type { SpireServerClient } from '../src/core/spireapi/index.js';
import type { TrustDomain } from '../src/core/spiffeid/index.js';
import type { EntryStore } from './entry-store.js';

export interface ProviderData {
  /** The SPIRE Server API client (unix socket, or TCP + mTLS with fail-over across addresses). */
  readonly client: SpireServerClient;
  /** The trust domain of the server(s): configured, or read from the server's own bundle. */
  readonly trustDomain: TrustDomain;
  /** Registration entries whose ID starts with this prefix belong to this provider; no others are touched. */
  readonly entryIdPrefix: string;
  /** When true, entries outside the prefix may be imported, and then updated and deleted. */
  readonly allowForeignEntries: boolean;
  /** Registration entries: a per-process snapshot for reads, coalesced Batch* calls for writes. */
  readonly entries: EntryStore;
}

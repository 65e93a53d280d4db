// Public API of spireapi: a client for the SPIRE Server API (entries, agents, bundles, federation,
// health) over the local admin socket or TCP + mTLS. Proto types stay inside this module.
export { dialSpireServer, SpireServerClient, DEFAULT_TIMEOUT_MS } from './client.js';
export type { DialOptions, LocalDialOptions, RemoteDialOptions, AdminSvid } from './client.js';
export type { CallOptions } from './transport.js';
export type { ItemResult, BatchOptions } from './batch.js';
export { DEFAULT_CHUNK_SIZE } from './batch.js';
export { DEFAULT_PAGE_SIZE } from './paging.js';
export { errorCodeForStatus } from './status.js';
export { ENTRY_FIELDS } from './entries.js';
export type { EntryClient, ListEntriesOptions } from './entries.js';
export type { AgentClient, ListAgentsOptions, CreateJoinTokenOptions } from './agents.js';
export { x509BundleOf } from './bundles.js';
export type { BundleClient, ListFederatedBundlesOptions, AppendBundleOptions } from './bundles.js';
export type { FederationClient, ListFederationRelationshipsOptions } from './federation.js';
export type { HealthClient } from './health.js';
export type * from './types.js';

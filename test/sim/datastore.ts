// The one shared state of the SPIRE test double: every simulated server endpoint (HA shape) and the
// Workload API half read and write this object, the way SPIRE servers share one SQL datastore
// (SPIRE doc/scaling_spire.md). Plain in-memory maps, no validation: server-*.ts validates like SPIRE's
// API layer and sqlstore do before anything reaches this object.
//
// Paging follows SPIRE's sqlstore: rows are listed in creation order (the SQL row id) and a page token
// is the last row id returned (sqlstore.go listRegistrationEntriesOnce, listBundles,
// listFederationRelationships), so every stored row carries a monotonic `seq`.
import type { Entry } from '../../src/core/generated/spire/api/types/Entry.js';
import type { Bundle } from '../../src/core/generated/spire/api/types/Bundle.js';
import type { Agent } from '../../src/core/generated/spire/api/types/Agent.js';
import type { JWTKey } from '../../src/core/generated/spire/api/types/JWTKey.js';
import type { X509Certificate } from '../../src/core/generated/spire/api/types/X509Certificate.js';

export type { Entry, Bundle, Agent };

export type ChangeKind = 'entries' | 'bundles';

/** A join token as SPIRE stores it: single use, expires at `expiresAt` (epoch seconds). */
export interface StoredJoinToken {
  readonly value: string;
  readonly expiresAt: number;
}

/** A federation relationship as stored (the bundle lives with the federated bundles). */
export interface StoredRelationship {
  readonly trustDomain: string;
  readonly bundleEndpointUrl: string;
  readonly profile:
    { readonly kind: 'https_web' } | { readonly kind: 'https_spiffe'; readonly endpointSpiffeId: string };
}

/** A stored row with its creation-order number (SPIRE's SQL row id, used as the page token). */
export interface Row<T> {
  readonly seq: number;
  value: T;
}

/** Returns the entry's SPIFFE ID as a URI string ("spiffe://td/path"). */
export function entrySpiffeId(entry: Pick<Entry, 'spiffe_id'>): string {
  const id = entry.spiffe_id;
  return id === null ? '' : `spiffe://${id.trust_domain}${id.path}`;
}

/** Returns the entry's parent ID as a URI string. */
export function entryParentId(entry: Pick<Entry, 'parent_id'>): string {
  const id = entry.parent_id;
  return id === null ? '' : `spiffe://${id.trust_domain}${id.path}`;
}

/** Returns the key under which SPIRE considers two entries "similar" (same spiffe_id, parent_id, selector set). */
export function similarityKey(entry: Pick<Entry, 'spiffe_id' | 'parent_id' | 'selectors'>): string {
  // SPIRE pkg/server/datastore/sqlstore/sqlstore.go lookupSimilarEntry: same SPIFFE ID and parent ID and
  // an exact selector-set match (order and repetition do not matter).
  const selectors = [...new Set(entry.selectors.map((s) => `${s.type}:${s.value}`))].sort();
  return JSON.stringify([entrySpiffeId(entry), entryParentId(entry), selectors]);
}

/** Returns the index of the first row with seq > `after` (rows sorted by seq). */
export function firstRowAfter(rows: readonly { seq: number }[], after: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid]?.seq ?? Infinity) <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface SimDatastoreOptions {
  /** The servers' own trust domain name (for the own bundle). */
  trustDomain?: string;
}

export class SimDatastore {
  readonly trustDomain: string;
  private nextSeq = 1;

  private readonly entriesById = new Map<string, Row<Entry>>();
  private readonly entryIdsBySimilarity = new Map<string, Set<string>>();
  private readonly entryIdsBySpiffeId = new Map<string, Set<string>>();
  /** Entries in creation order; deleted ones are dropped lazily (see `entryRows`). */
  private entryOrder: Row<Entry>[] = [];
  private entryOrderDirty = false;

  private readonly agentsById = new Map<string, Row<Agent>>();
  private readonly joinTokens = new Map<string, StoredJoinToken>();

  /** The own bundle is the first bundle row, as SPIRE creates it when the first server starts. */
  private readonly ownBundleSeq: number;
  private caX509: X509Certificate[] = [];
  private caJwt: JWTKey[] = [];
  private appendedX509: X509Certificate[] = [];
  private appendedJwt: JWTKey[] = [];
  private ownSequence = 0;
  private readonly federated = new Map<string, Row<Bundle>>();
  private readonly relationships = new Map<string, Row<StoredRelationship>>();
  /** What a simulated federation endpoint would serve for a trust domain (RefreshBundle). */
  private readonly endpointBundles = new Map<string, Bundle>();

  private readonly listeners = new Set<(what: ChangeKind) => void>();
  private pending: Set<ChangeKind> | undefined;

  constructor(options: SimDatastoreOptions = {}) {
    this.trustDomain = options.trustDomain ?? '';
    this.ownBundleSeq = this.nextSeq++;
  }

  // ---- change notification ---------------------------------------------------------------------

  /** Returns an unsubscribe function; the listener runs synchronously after each committed change. */
  onChange(listener: (what: ChangeKind) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Tells listeners that something changed (once per kind at the end of a `batch`). */
  notify(what: ChangeKind): void {
    if (this.pending !== undefined) {
      this.pending.add(what);
      return;
    }
    for (const listener of [...this.listeners]) listener(what);
  }

  /**
   * Returns `fn()`, holding change notifications until it ends and then sending each kind once, so a
   * batch RPC wakes Workload API watchers once, not once per item.
   */
  batch<T>(fn: () => T): T {
    if (this.pending !== undefined) return fn();
    const pending = new Set<ChangeKind>();
    this.pending = pending;
    try {
      return fn();
    } finally {
      this.pending = undefined;
      for (const what of pending) this.notify(what);
    }
  }

  // ---- entries ---------------------------------------------------------------------------------

  /** Returns the current entries (full objects, creation order). Callers must not mutate them. */
  listAllEntries(): Entry[] {
    return this.entryRows().map((row) => row.value);
  }

  /** Returns entry rows in creation order. Callers must not mutate them. */
  entryRows(): readonly Row<Entry>[] {
    if (this.entryOrderDirty) {
      this.entryOrder = this.entryOrder.filter((row) => this.entriesById.get(row.value.id) === row);
      this.entryOrderDirty = false;
    }
    return this.entryOrder;
  }

  entryCount(): number {
    return this.entriesById.size;
  }

  getEntry(id: string): Entry | undefined {
    return this.entriesById.get(id)?.value;
  }

  /** Returns the entries whose SPIFFE ID is `spiffeId` (a URI string). */
  entriesBySpiffeId(spiffeId: string): Entry[] {
    const ids = this.entryIdsBySpiffeId.get(spiffeId);
    if (ids === undefined) return [];
    return [...ids].flatMap((id) => {
      const entry = this.getEntry(id);
      return entry === undefined ? [] : [entry];
    });
  }

  /** Returns the entry similar to `entry` (same spiffe_id, parent_id, selector set), if any. */
  findSimilarEntry(entry: Pick<Entry, 'spiffe_id' | 'parent_id' | 'selectors'>): Entry | undefined {
    const ids = this.entryIdsBySimilarity.get(similarityKey(entry));
    if (ids === undefined) return undefined;
    for (const id of ids) return this.getEntry(id);
    return undefined;
  }

  /** Stores a new entry (the caller checked ID uniqueness and similarity). */
  insertEntry(entry: Entry): void {
    const row: Row<Entry> = { seq: this.nextSeq++, value: entry };
    this.entriesById.set(entry.id, row);
    this.index(entry);
    this.entryOrder.push(row);
    this.notify('entries');
  }

  /** Replaces a stored entry in place (same paging position). */
  replaceEntry(entry: Entry): void {
    const row = this.entriesById.get(entry.id);
    if (row === undefined) throw new Error(`sim datastore: no entry ${entry.id}`);
    this.unindex(row.value);
    row.value = entry;
    this.index(entry);
    this.notify('entries');
  }

  /** Returns the deleted entry, or undefined when there was none. */
  deleteEntry(id: string): Entry | undefined {
    const row = this.entriesById.get(id);
    if (row === undefined) return undefined;
    this.entriesById.delete(id);
    this.unindex(row.value);
    this.entryOrderDirty = true;
    this.notify('entries');
    return row.value;
  }

  // Sets, not single IDs: SPIRE does not check similarity on update, so several entries can share a key.
  private index(entry: Entry): void {
    addToIndex(this.entryIdsBySimilarity, similarityKey(entry), entry.id);
    addToIndex(this.entryIdsBySpiffeId, entrySpiffeId(entry), entry.id);
  }

  private unindex(entry: Entry): void {
    removeFromIndex(this.entryIdsBySimilarity, similarityKey(entry), entry.id);
    removeFromIndex(this.entryIdsBySpiffeId, entrySpiffeId(entry), entry.id);
  }

  // ---- agents and join tokens ------------------------------------------------------------------

  /** Returns agent rows in attestation order. */
  agentRows(): Row<Agent>[] {
    return [...this.agentsById.values()].sort((a, b) => a.seq - b.seq);
  }

  /** Returns the agent with this SPIFFE ID URI. */
  getAgent(spiffeId: string): Agent | undefined {
    return this.agentsById.get(spiffeId)?.value;
  }

  /** Creates or replaces an attested agent, keyed by its SPIFFE ID URI. */
  putAgent(spiffeId: string, agent: Agent): void {
    const existing = this.agentsById.get(spiffeId);
    if (existing === undefined) this.agentsById.set(spiffeId, { seq: this.nextSeq++, value: agent });
    else existing.value = agent;
  }

  deleteAgent(spiffeId: string): boolean {
    return this.agentsById.delete(spiffeId);
  }

  putJoinToken(token: StoredJoinToken): void {
    this.joinTokens.set(token.value, token);
  }

  getJoinToken(value: string): StoredJoinToken | undefined {
    return this.joinTokens.get(value);
  }

  deleteJoinToken(value: string): boolean {
    return this.joinTokens.delete(value);
  }

  // ---- the servers' own bundle -------------------------------------------------------------------

  /** Replaces the CA-held authorities of the own bundle (the CA changed); bumps the sequence number. */
  setCaAuthorities(x509: readonly X509Certificate[], jwt: readonly JWTKey[]): void {
    this.caX509 = [...x509];
    this.caJwt = [...jwt];
    this.ownSequence++;
    this.notify('bundles');
  }

  /**
   * Adds authorities to the own bundle (AppendBundle); returns true when something was new. SPIRE
   * bundleutil.MergeBundles adds only authorities not already present and bumps the sequence number
   * when it changed anything (sqlstore.go appendBundle).
   */
  appendOwnAuthorities(x509: readonly X509Certificate[], jwt: readonly JWTKey[]): boolean {
    const bundle = this.ownBundle();
    const haveX509 = new Set(bundle.x509_authorities.map((a) => x509Key(a)));
    const haveJwt = new Set(bundle.jwt_authorities.map((k) => jwtKey(k)));
    let changed = false;
    for (const authority of x509) {
      if (haveX509.has(x509Key(authority))) continue;
      haveX509.add(x509Key(authority));
      this.appendedX509.push(authority);
      changed = true;
    }
    for (const key of jwt) {
      if (haveJwt.has(jwtKey(key))) continue;
      haveJwt.add(jwtKey(key));
      this.appendedJwt.push(key);
      changed = true;
    }
    if (changed) {
      this.ownSequence++;
      this.notify('bundles');
    }
    return changed;
  }

  /** Returns the own trust domain's bundle (CA authorities, then appended ones). */
  ownBundle(): Bundle {
    return {
      trust_domain: this.trustDomain,
      x509_authorities: [...this.caX509, ...this.appendedX509],
      jwt_authorities: [...this.caJwt, ...this.appendedJwt],
      refresh_hint: 0,
      sequence_number: this.ownSequence,
    };
  }

  // ---- federated bundles and relationships -----------------------------------------------------

  /** Returns trust domain name → federated bundle (a copy of the map; bundles must not be mutated). */
  federatedBundles(): Map<string, Bundle> {
    return new Map([...this.federated].map(([td, row]) => [td, row.value]));
  }

  /** Returns all bundle rows in creation order, the own bundle first (SPIRE lists it too). */
  bundleRows(): Row<Bundle>[] {
    return [{ seq: this.ownBundleSeq, value: this.ownBundle() }, ...this.federated.values()];
  }

  getFederatedBundle(trustDomain: string): Bundle | undefined {
    return this.federated.get(trustDomain)?.value;
  }

  /** Creates or replaces the federated bundle of `bundle.trust_domain`. */
  putFederatedBundle(bundle: Bundle): void {
    const existing = this.federated.get(bundle.trust_domain);
    if (existing === undefined)
      this.federated.set(bundle.trust_domain, { seq: this.nextSeq++, value: bundle });
    else existing.value = bundle;
    this.notify('bundles');
  }

  deleteFederatedBundle(trustDomain: string): boolean {
    const deleted = this.federated.delete(trustDomain);
    if (deleted) this.notify('bundles');
    return deleted;
  }

  /** Returns relationship rows in creation order. */
  relationshipRows(): Row<StoredRelationship>[] {
    return [...this.relationships.values()];
  }

  getRelationship(trustDomain: string): StoredRelationship | undefined {
    return this.relationships.get(trustDomain)?.value;
  }

  /** Creates or replaces a relationship. */
  putRelationship(relationship: StoredRelationship): void {
    const existing = this.relationships.get(relationship.trustDomain);
    if (existing === undefined) {
      this.relationships.set(relationship.trustDomain, { seq: this.nextSeq++, value: relationship });
    } else existing.value = relationship;
  }

  deleteRelationship(trustDomain: string): boolean {
    return this.relationships.delete(trustDomain);
  }

  /** Sets (or with undefined, clears) what the federation endpoint of `trustDomain` serves. */
  setEndpointBundle(trustDomain: string, bundle: Bundle | undefined): void {
    if (bundle === undefined) this.endpointBundles.delete(trustDomain);
    else this.endpointBundles.set(trustDomain, bundle);
  }

  getEndpointBundle(trustDomain: string): Bundle | undefined {
    return this.endpointBundles.get(trustDomain);
  }
}

function addToIndex(index: Map<string, Set<string>>, key: string, id: string): void {
  let ids = index.get(key);
  if (ids === undefined) {
    ids = new Set();
    index.set(key, ids);
  }
  ids.add(id);
}

function removeFromIndex(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  ids?.delete(id);
  if (ids?.size === 0) index.delete(key);
}

function x509Key(authority: X509Certificate): string {
  return `${Buffer.from(authority.asn1).toString('base64')}:${String(authority.tainted)}`;
}

function jwtKey(key: JWTKey): string {
  return JSON.stringify([
    Buffer.from(key.public_key).toString('base64'),
    key.key_id,
    key.expires_at,
    key.tainted,
  ]);
}

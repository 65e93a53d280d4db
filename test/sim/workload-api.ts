// The Workload API half of the SPIRE test double: what a spire-agent serves on its unix socket, for one
// simulated workload per socket. grpc-js cannot read the peer's credentials (SO_PEERCRED), so instead of
// attesting the caller the sim serves one socket per workload and takes that workload's selectors from
// its options. Behaviour, status codes and messages follow SPIRE's sources, cited where they apply:
//   pkg/agent/endpoints/middleware.go              security header check
//   pkg/agent/endpoints/workload/handler.go        the five RPCs, their errors and response shapes
//   pkg/agent/common/hintsfilter/hintsfilter.go    one identity per hint (oldest entry wins)
//   pkg/server/authorizedentries/cache.go          which entries an agent receives (descendants, node aliases)
//   pkg/agent/manager/cache/{lru_cache,x509_lru_cache,util,jwt_cache}.go  matching, ordering, federated
//                                                  bundles, JWT-SVID cache
//   pkg/agent/manager/sync.go, pkg/common/rotationutil/rotationutil.go   when an SVID is re-minted
//   pkg/common/jwtsvid/validate.go (+ go-jose jwt/validation.go)        ValidateJWTSVID errors
// Simplifications (also in test/sim/README.md): SVIDs are minted directly by the SimCa (no agent→server
// round trip); rotation happens at half of the requested lifetime without jitter or a sync loop;
// expired entries are left out (SPIRE prunes them server side); no rate limiting, no CRLs, no WIT-SVIDs
// (the proto has no such RPCs, so grpc-js answers UNIMPLEMENTED as SPIRE does).
import { rm } from 'node:fs/promises';
import * as grpc from '@grpc/grpc-js';
import { loadProto, protoFiles } from '../../src/core/proto/index.js';
import { x509, webcrypto, type PrivateKey } from '../../src/core/x509/index.js';
import type { ProtoGrpcType } from '../../src/core/generated/workload.js';
import type { SpiffeWorkloadAPIHandlers } from '../../src/core/generated/SpiffeWorkloadAPI.js';
import type { X509SVIDResponse__Input } from '../../src/core/generated/X509SVIDResponse.js';
import type { X509BundlesResponse__Input } from '../../src/core/generated/X509BundlesResponse.js';
import type { JWTBundlesResponse__Input } from '../../src/core/generated/JWTBundlesResponse.js';
import type { Struct__Input } from '../../src/core/generated/google/protobuf/Struct.js';
import type { Value__Input } from '../../src/core/generated/google/protobuf/Value.js';
import type { Entry } from '../../src/core/generated/spire/api/types/Entry.js';
import type { Bundle } from '../../src/core/generated/spire/api/types/Bundle.js';
import type { Selector } from '../../src/core/generated/spire/api/types/Selector.js';
import type { Agent } from '../../src/core/generated/spire/api/types/Agent.js';
import type { SimCa } from './ca.js';

export type { Selector };

/** What the Workload API needs from the datastore (test/sim/datastore.ts SimDatastore satisfies it). */
export interface WorkloadApiDatastore {
  listAllEntries(): Entry[];
  onChange(listener: (what: 'entries' | 'bundles') => void): () => void;
  /** Trust domain name → federated bundle. */
  federatedBundles(): Map<string, Bundle>;
  /** The attested agent, for node-alias selectors; optional. */
  getAgent?(spiffeId: string): Agent | undefined;
  /** The servers' own bundle (CA authorities plus AppendBundle additions); optional. While it holds no
   * X.509 authority (nobody wired the CA into this datastore) the CA's bundle is served instead. */
  ownBundle?(): Bundle;
}

export interface ServeWorkloadApiOptions {
  /** Absolute path of the unix socket to serve. */
  socketPath: string;
  ca: SimCa;
  datastore: WorkloadApiDatastore;
  /** SPIFFE ID of the simulated agent, e.g. spiffe://td/spire/agent/join_token/<token>. */
  agentId: string;
  /** The attested selectors of the simulated workload served on this socket. */
  selectors: readonly Selector[];
  /** Defaults to the CA's trust domain. */
  trustDomain?: string;
  /** The agent's node selectors, for node-alias entries; defaults to the datastore's agent record. */
  agentSelectors?: readonly Selector[];
  /** SPIRE agent option allow_unauthenticated_verifiers: bundles without an identity. */
  allowUnauthenticatedVerifiers?: boolean;
}

export type WorkloadApiMethod =
  'FetchX509SVID' | 'FetchX509Bundles' | 'FetchJWTSVID' | 'FetchJWTBundles' | 'ValidateJWTSVID';

/** An X509-SVID the sim currently holds for the workload. */
export interface HeldX509Svid {
  entryId: string;
  spiffeId: string;
  certificates: x509.X509Certificate[];
  privateKey: PrivateKey;
  expiresAt: Date;
}

export interface WorkloadApiHandle {
  readonly socketPath: string;
  /** gRPC target of the socket ("unix:///abs/path"). */
  readonly target: string;
  /** Stops serving for good: ends streams, clears timers, removes the socket. */
  close(): Promise<void>;
  /** Takes the socket away (server stopped, file removed): clients see UNAVAILABLE. */
  withdraw(): Promise<void>;
  /** Serves again on the same path after withdraw(). */
  restore(): Promise<void>;
  /** Re-mints every SVID now and pushes the result to open streams. */
  rotateNow(): Promise<void>;
  /** Replaces the workload's attested selectors and pushes what changes. */
  setSelectors(selectors: readonly Selector[]): Promise<void>;
  /** Withholds the identity with this SPIFFE ID (as if its entry were gone) until unhideIdentity(). */
  hideIdentity(spiffeId: string): Promise<void>;
  unhideIdentity(spiffeId: string): Promise<void>;
  /** Delays every response (first stream message, unary reply) by `ms`. */
  setLatency(ms: number): void;
  /** Returns how many calls each method received (including rejected ones). */
  rpcCounts(): Record<WorkloadApiMethod, number>;
  /** Returns the X509-SVIDs currently held for the workload, in entry ID order. */
  currentX509Svids(): HeldX509Svid[];
  /** Resolves when every pending refresh and push has finished. */
  settled(): Promise<void>;
}

type Status = { code: grpc.status; details: string };

const METHODS: readonly WorkloadApiMethod[] = [
  'FetchX509SVID',
  'FetchX509Bundles',
  'FetchJWTSVID',
  'FetchJWTBundles',
  'ValidateJWTSVID',
];
// idutil.ServerIDPath: node-alias entries are the ones parented by the server.
const SERVER_ID_PATH = '/spire/server';
const MAX_TIMER_MS = 2 ** 31 - 1;
// go-jose jwt.DefaultLeeway, applied to exp/nbf/iat by Claims.Validate.
const JWT_LEEWAY_S = 60;
// SPIRE pkg/common/jwtsvid/signature.go AllowedSignatureAlgorithms.
const ALLOWED_JWT_ALGORITHMS = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
];

interface HeldRecord {
  entry: Entry;
  fingerprint: string;
  svid: HeldX509Svid;
  rotateAt: number;
}

interface JwtCacheItem {
  token: string;
  issuedAt: number;
  expiresAt: number;
}

interface WorkloadUpdate {
  /** Identities with an SVID, sorted by entry ID (cache/util.go sortIdentities). */
  identities: HeldRecord[];
  /** The own trust domain's bundle, as the agent gets it from the server. */
  own: Bundle;
  /** Trust domain ID ("spiffe://td") → bundle, from the identities' federates_with. */
  federated: Map<string, Bundle>;
}

interface Subscriber {
  kind: 'x509svid' | 'x509bundles' | 'jwtbundles';
  call: grpc.ServerWritableStream<unknown, unknown>;
  lastSent: string | undefined;
}

/** Returns a running Workload API for one simulated workload on `options.socketPath`. */
export async function serveWorkloadApi(options: ServeWorkloadApiOptions): Promise<WorkloadApiHandle> {
  const sim = new WorkloadApiSim(options);
  await sim.start();
  return sim;
}

class WorkloadApiSim implements WorkloadApiHandle {
  readonly socketPath: string;
  readonly target: string;
  readonly #ca: SimCa;
  readonly #datastore: WorkloadApiDatastore;
  readonly #agentId: URL;
  readonly #trustDomain: string;
  readonly #agentSelectors: readonly Selector[] | undefined;
  readonly #allowUnauthenticatedVerifiers: boolean;
  #selectors: readonly Selector[];
  #server: grpc.Server | undefined;
  #closed = false;
  #latencyMs = 0;
  readonly #counts = Object.fromEntries(METHODS.map((m) => [m, 0])) as Record<WorkloadApiMethod, number>;
  readonly #records = new Map<string, HeldRecord>();
  /** Matching entries (authorized and selector-matched), whether or not they hold an SVID yet. */
  #matching: Entry[] = [];
  readonly #hidden = new Set<string>();
  readonly #subscribers = new Set<Subscriber>();
  readonly #jwtCache = new Map<string, JwtCacheItem>();
  #rotationTimer: NodeJS.Timeout | undefined;
  #queue: Promise<void> = Promise.resolve();
  readonly #unsubscribe: (() => void)[] = [];

  constructor(options: ServeWorkloadApiOptions) {
    this.socketPath = options.socketPath;
    this.target = `unix://${options.socketPath}`;
    this.#ca = options.ca;
    this.#datastore = options.datastore;
    this.#agentId = new URL(options.agentId);
    this.#trustDomain = options.trustDomain ?? options.ca.trustDomain;
    this.#agentSelectors = options.agentSelectors;
    this.#allowUnauthenticatedVerifiers = options.allowUnauthenticatedVerifiers ?? false;
    this.#selectors = [...options.selectors];
  }

  async start(): Promise<void> {
    this.#unsubscribe.push(
      this.#datastore.onChange(() => {
        void this.#refresh({});
      }),
      this.#ca.onChange(() => {
        void this.#refresh({});
      }),
    );
    await this.#refresh({});
    await this.#listen();
  }

  // ---- controls ----------------------------------------------------------------------------------

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    clearTimeout(this.#rotationTimer);
    await this.#stopServer();
    await this.#queue;
  }

  async withdraw(): Promise<void> {
    await this.#stopServer();
  }

  async restore(): Promise<void> {
    if (this.#closed) throw new Error('workload API sim is closed');
    if (this.#server === undefined) await this.#listen();
  }

  async rotateNow(): Promise<void> {
    await this.#refresh({ remintAll: true });
  }

  async setSelectors(selectors: readonly Selector[]): Promise<void> {
    this.#selectors = [...selectors];
    await this.#refresh({});
  }

  async hideIdentity(spiffeId: string): Promise<void> {
    this.#hidden.add(spiffeId);
    await this.#refresh({});
  }

  async unhideIdentity(spiffeId: string): Promise<void> {
    this.#hidden.delete(spiffeId);
    await this.#refresh({});
  }

  setLatency(ms: number): void {
    this.#latencyMs = ms;
  }

  rpcCounts(): Record<WorkloadApiMethod, number> {
    return { ...this.#counts };
  }

  currentX509Svids(): HeldX509Svid[] {
    return this.#update().identities.map((record) => record.svid);
  }

  async settled(): Promise<void> {
    for (;;) {
      const queue = this.#queue;
      await queue;
      if (queue === this.#queue) return;
    }
  }

  // ---- server lifecycle --------------------------------------------------------------------------

  async #listen(): Promise<void> {
    // A stale socket file from a previous listener would make bind fail with EADDRINUSE (the agent also
    // removes it before listening).
    await rm(this.socketPath, { force: true });
    const server = new grpc.Server();
    const proto = loadProto(protoFiles.workload) as unknown as ProtoGrpcType;
    server.addService(proto.SpiffeWorkloadAPI.service, this.#handlers());
    await new Promise<void>((resolve, reject) => {
      server.bindAsync(this.target, grpc.ServerCredentials.createInsecure(), (err) => {
        if (err === null) resolve();
        else reject(err);
      });
    });
    this.#server = server;
  }

  async #stopServer(): Promise<void> {
    const server = this.#server;
    if (server === undefined) return;
    this.#server = undefined;
    // An agent that goes away drops its connections, which clients see as UNAVAILABLE. grpc-js's
    // forceShutdown would surface as CANCELLED instead, so streams are ended with UNAVAILABLE first and
    // the server drains; calls still held by the latency control are cut after a second.
    for (const subscriber of [...this.#subscribers]) {
      this.#fail(subscriber, { code: grpc.status.UNAVAILABLE, details: 'workload API server stopped' });
    }
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        server.forceShutdown();
        resolve();
      }, 1000);
      force.unref();
      server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    });
    await rm(this.socketPath, { force: true });
  }

  // ---- handlers ----------------------------------------------------------------------------------

  #handlers(): SpiffeWorkloadAPIHandlers {
    return {
      FetchX509SVID: (call) => {
        this.#stream('FetchX509SVID', 'x509svid', call);
      },
      FetchX509Bundles: (call) => {
        this.#stream('FetchX509Bundles', 'x509bundles', call);
      },
      FetchJWTBundles: (call) => {
        this.#stream('FetchJWTBundles', 'jwtbundles', call);
      },
      FetchJWTSVID: (call, callback) => {
        this.#unary('FetchJWTSVID', call, callback, async () => {
          const response = await this.#fetchJwtSvid(call.request.audience, call.request.spiffe_id);
          return response;
        });
      },
      ValidateJWTSVID: (call, callback) => {
        this.#unary('ValidateJWTSVID', call, callback, async () =>
          this.#validateJwtSvid(call.request.audience, call.request.svid),
        );
      },
    };
  }

  // middleware.go verifySecurityHeader: exactly one value, equal to "true".
  #securityHeaderError(metadata: grpc.Metadata): Status | undefined {
    const values = metadata.get('workload.spiffe.io');
    if (values.length === 1 && values[0] === 'true') return undefined;
    return { code: grpc.status.INVALID_ARGUMENT, details: 'security header missing from request' };
  }

  #unary<T>(
    method: WorkloadApiMethod,
    call: grpc.ServerUnaryCall<unknown, unknown>,
    callback: grpc.sendUnaryData<T>,
    handle: () => Promise<T | Status>,
  ): void {
    this.#counts[method]++;
    const rejected = this.#securityHeaderError(call.metadata);
    if (rejected !== undefined) {
      callback(rejected);
      return;
    }
    void (async () => {
      await this.#delay();
      try {
        const result = await handle();
        if (isStatus(result)) callback(result);
        else callback(null, result);
      } catch (err) {
        callback({ code: grpc.status.INTERNAL, details: err instanceof Error ? err.message : String(err) });
      }
    })();
  }

  #stream(
    method: WorkloadApiMethod,
    kind: Subscriber['kind'],
    call: grpc.ServerWritableStream<unknown, unknown>,
  ): void {
    this.#counts[method]++;
    const rejected = this.#securityHeaderError(call.metadata);
    if (rejected !== undefined) {
      call.emit('error', rejected);
      return;
    }
    const subscriber: Subscriber = { kind, call, lastSent: undefined };
    call.on('cancelled', () => this.#subscribers.delete(subscriber));
    void (async () => {
      await this.#delay();
      // The first message goes out from the update queue so no push can overtake it.
      await this.#enqueue(async () => {
        if (call.cancelled || call.destroyed) return;
        this.#subscribers.add(subscriber);
        await this.#push(subscriber, this.#update());
      });
    })();
  }

  async #delay(): Promise<void> {
    if (this.#latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.#latencyMs).unref());
  }

  // ---- the agent cache: which entries, which SVIDs -----------------------------------------------

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch((err: unknown) => {
      console.error('workload API sim: update failed', err);
    });
    return this.#queue;
  }

  #refresh(options: { remintAll?: boolean }): Promise<void> {
    return this.#enqueue(async () => {
      if (this.#closed) return;
      await this.#sync(options);
      const update = this.#update();
      for (const subscriber of [...this.#subscribers]) await this.#push(subscriber, update);
    });
  }

  /** Returns the agent's authorized entries (authorizedentries/cache.go GetAuthorizedEntries): entries
   * descending from the agent ID and from every node alias whose selectors the agent has, following
   * parent_id → spiffe_id links; only entries whose IDs are in the agent's trust domain. */
  #authorizedEntries(): Entry[] {
    const all = this.#datastore
      .listAllEntries()
      .filter(
        (e) =>
          e.spiffe_id !== null &&
          e.parent_id !== null &&
          e.spiffe_id.trust_domain === this.#trustDomain &&
          e.parent_id.trust_domain === this.#trustDomain,
      );
    const aliases: Entry[] = [];
    const byParent = new Map<string, Entry[]>();
    for (const entry of all) {
      const parentPath = entry.parent_id?.path ?? '';
      if (parentPath === SERVER_ID_PATH) {
        aliases.push(entry);
        continue;
      }
      const siblings = byParent.get(parentPath) ?? [];
      siblings.push(entry);
      byParent.set(parentPath, siblings);
    }
    const found: Entry[] = [];
    const parentSeen = new Set<string>();
    const addDescendants = (parentPath: string): void => {
      if (parentSeen.has(parentPath)) return;
      parentSeen.add(parentPath);
      for (const entry of byParent.get(parentPath) ?? []) {
        found.push(entry);
        addDescendants(entry.spiffe_id?.path ?? '');
      }
    };
    addDescendants(this.#agentId.pathname);
    const agentSelectors =
      this.#agentSelectors ?? this.#datastore.getAgent?.(this.#agentId.href)?.selectors ?? [];
    for (const alias of aliases) {
      if (alias.selectors.length > 0 && isSubset(alias.selectors, agentSelectors)) {
        addDescendants(alias.spiffe_id?.path ?? '');
      }
    }
    return found;
  }

  /** Returns the entries the workload matches (lru_cache.go getRecordsForSelectors: every entry
   * selector is among the workload's selectors; entries without selectors never match), by entry ID. */
  #matchingEntries(): Entry[] {
    const nowSeconds = Math.floor(this.#ca.now().getTime() / 1000);
    return this.#authorizedEntries()
      .filter((e) => e.selectors.length > 0 && isSubset(e.selectors, this.#selectors))
      .filter((e) => e.expires_at === 0 || e.expires_at > nowSeconds)
      .filter((e) => !this.#hidden.has(spiffeIdOf(e)))
      .sort((a, b) => compareStrings(a.id, b.id));
  }

  async #sync(options: { remintAll?: boolean }): Promise<void> {
    this.#matching = this.#matchingEntries();
    const wanted = new Map(this.#matching.map((e) => [e.id, e]));
    for (const id of this.#records.keys()) {
      if (!wanted.has(id)) this.#records.delete(id);
    }
    const now = this.#ca.now().getTime();
    const bundleSkis = new Set(this.#ca.bundleCertificates().map((cert) => keyIdOf(cert, 'ski')));
    for (const entry of this.#matching) {
      const fingerprint = svidFingerprint(entry);
      const held = this.#records.get(entry.id);
      // sync.go: re-mint when the SVID is due for rotation or the entry's revision changed; the sim also
      // re-mints SVIDs whose root left the bundle (as the agent does for tainted authorities).
      const stale =
        held === undefined ||
        options.remintAll === true ||
        held.fingerprint !== fingerprint ||
        now >= held.rotateAt ||
        !bundleSkis.has(keyIdOf(held.svid.certificates[held.svid.certificates.length - 1], 'aki'));
      if (stale) {
        try {
          this.#records.set(entry.id, await this.#mint(entry, fingerprint));
        } catch (err) {
          // The server refuses to sign (for example an ID outside the trust domain): the agent logs it and
          // the entry simply has no SVID; the other identities are unaffected.
          console.warn(`workload API sim: cannot mint an SVID for entry ${entry.id}:`, err);
          this.#records.delete(entry.id);
        }
      } else {
        held.entry = entry;
      }
    }
    this.#scheduleRotation();
  }

  async #mint(entry: Entry, fingerprint: string): Promise<HeldRecord> {
    const spiffeId = spiffeIdOf(entry);
    const minted = await this.#ca.mintX509Svid({
      spiffeId,
      dnsNames: entry.dns_names,
      ...(entry.x509_svid_ttl > 0 ? { ttlSeconds: entry.x509_svid_ttl } : {}),
    });
    const issuedAt = this.#ca.now().getTime();
    // rotationutil.go shouldRotateByHalf: rotate once half the lifetime is gone. The sim measures the
    // lifetime from issuance (SPIRE's notBefore includes a 10 s backdate) so tiny TTLs don't spin.
    const rotateAt = issuedAt + (minted.expiresAt.getTime() - issuedAt) / 2;
    return {
      entry,
      fingerprint,
      rotateAt,
      svid: {
        entryId: entry.id,
        spiffeId,
        certificates: minted.certificates,
        privateKey: minted.privateKey,
        expiresAt: minted.expiresAt,
      },
    };
  }

  #scheduleRotation(): void {
    clearTimeout(this.#rotationTimer);
    this.#rotationTimer = undefined;
    if (this.#closed || this.#records.size === 0) return;
    const next = Math.min(...[...this.#records.values()].map((r) => r.rotateAt));
    const delay = Math.min(Math.max(next - this.#ca.now().getTime(), 0), MAX_TIMER_MS);
    this.#rotationTimer = setTimeout(() => {
      void this.#refresh({});
    }, delay);
    this.#rotationTimer.unref();
  }

  #update(): WorkloadUpdate {
    const identities = this.#matching
      .map((entry) => this.#records.get(entry.id))
      .filter((record): record is HeldRecord => record !== undefined);
    return {
      identities,
      own: this.#ownBundle(),
      federated: this.#gatherFederatedBundles(identities.map((r) => r.entry)),
    };
  }

  /** Returns the own bundle: the datastore's when the server wired the CA into it, else the CA's. */
  #ownBundle(): Bundle {
    const stored = this.#datastore.ownBundle?.();
    if (stored !== undefined && stored.x509_authorities.length > 0) return stored;
    return {
      trust_domain: this.#trustDomain,
      x509_authorities: this.#ca
        .bundleCertificates()
        .map((c) => ({ asn1: Buffer.from(c.rawData), tainted: false })),
      jwt_authorities: this.#ca.jwtAuthorities().map((a) => ({
        public_key: Buffer.from(a.publicKey),
        key_id: a.keyId,
        expires_at: a.expiresAt,
        tainted: false,
      })),
      refresh_hint: 0,
      sequence_number: 0,
    };
  }

  // lru_cache.go GatherFederatedBundles: the bundles named by the entries' federates_with; names with no
  // bundle in the datastore are skipped.
  #gatherFederatedBundles(entries: readonly Entry[]): Map<string, Bundle> {
    const available = this.#datastore.federatedBundles();
    const out = new Map<string, Bundle>();
    for (const entry of entries) {
      for (const federatesWith of entry.federates_with) {
        const name = federatesWith.replace(/^spiffe:\/\//, '');
        const bundle = available.get(name);
        if (bundle !== undefined) out.set(`spiffe://${name}`, bundle);
      }
    }
    return out;
  }

  // ---- stream pushes -----------------------------------------------------------------------------

  async #push(subscriber: Subscriber, update: WorkloadUpdate): Promise<void> {
    if (!this.#subscribers.has(subscriber)) return;
    const result = await this.#compose(subscriber.kind, update);
    if (isStatus(result)) {
      this.#fail(subscriber, result);
      return;
    }
    // The bundle streams skip a response equal to the previous one (handler.go proto.Equal); the SVID
    // stream sends on every cache notification, which the sim raises only when something changed.
    if (result.key === subscriber.lastSent) return;
    subscriber.lastSent = result.key;
    subscriber.call.write(result.message);
  }

  #fail(subscriber: Subscriber, status: Status): void {
    this.#subscribers.delete(subscriber);
    subscriber.call.emit('error', status);
  }

  async #compose(
    kind: Subscriber['kind'],
    update: WorkloadUpdate,
  ): Promise<{ message: unknown; key: string } | Status> {
    const noIdentity: Status = { code: grpc.status.PERMISSION_DENIED, details: 'no identity issued' };
    switch (kind) {
      case 'x509svid': {
        // handler.go FetchX509SVID: hint filtering, then PermissionDenied when nothing is left.
        const identities = filterByHint(update.identities);
        if (identities.length === 0) return noIdentity;
        const message: X509SVIDResponse__Input = {
          svids: identities.map((record) => ({
            spiffe_id: record.svid.spiffeId,
            x509_svid: concat(record.svid.certificates.map((c) => new Uint8Array(c.rawData))),
            x509_svid_key: record.svid.privateKey.pkcs8,
            bundle: x509AuthoritiesDer(update.own),
            hint: record.entry.hint,
          })),
          federated_bundles: Object.fromEntries(
            [...update.federated].map(([td, bundle]) => [td, x509AuthoritiesDer(bundle)]),
          ),
        };
        const key = JSON.stringify([
          identities.map((r) => [r.svid.spiffeId, r.svid.certificates[0]?.serialNumber, r.entry.hint]),
          hex(x509AuthoritiesDer(update.own)),
          [...update.federated].map(([td, b]) => [td, hex(x509AuthoritiesDer(b))]),
        ]);
        return { message, key };
      }
      case 'x509bundles': {
        const hasIdentity = update.identities.length > 0;
        if (!hasIdentity && !this.#allowUnauthenticatedVerifiers) return noIdentity;
        const bundles: Record<string, Uint8Array> = {
          [`spiffe://${this.#trustDomain}`]: x509AuthoritiesDer(update.own),
        };
        if (hasIdentity) {
          for (const [td, bundle] of update.federated) bundles[td] = x509AuthoritiesDer(bundle);
        }
        const message: X509BundlesResponse__Input = { bundles };
        return { message, key: JSON.stringify(Object.entries(bundles).map(([td, der]) => [td, hex(der)])) };
      }
      case 'jwtbundles': {
        const hasIdentity = update.identities.length > 0;
        if (!hasIdentity && !this.#allowUnauthenticatedVerifiers) return noIdentity;
        const bundles: Record<string, string> = {
          [`spiffe://${this.#trustDomain}`]: await jwksOf(update.own),
        };
        if (hasIdentity) {
          for (const [td, bundle] of update.federated) bundles[td] = await jwksOf(bundle);
        }
        const message: JWTBundlesResponse__Input = {
          bundles: Object.fromEntries(Object.entries(bundles).map(([td, json]) => [td, Buffer.from(json)])),
        };
        return { message, key: JSON.stringify(bundles) };
      }
    }
  }

  // ---- JWT ---------------------------------------------------------------------------------------

  async #fetchJwtSvid(
    audience: readonly string[],
    requestedId: string,
  ): Promise<{ svids: { spiffe_id: string; svid: string; hint: string }[] } | Status> {
    // handler.go FetchJWTSVID.
    if (audience.length === 0)
      return { code: grpc.status.INVALID_ARGUMENT, details: 'audience must be specified' };
    if (requestedId !== '') {
      const problem = goSpiffeIdError(requestedId);
      if (problem !== undefined) {
        return { code: grpc.status.INVALID_ARGUMENT, details: `invalid requested SPIFFE ID: ${problem}` };
      }
    }
    await this.settled();
    const svids: { spiffe_id: string; svid: string; hint: string }[] = [];
    for (const entry of filterEntriesByHint(this.#matching)) {
      const spiffeId = spiffeIdOf(entry);
      if (requestedId !== '' && spiffeId !== requestedId) continue;
      svids.push({ spiffe_id: spiffeId, svid: await this.#jwtFor(entry, audience), hint: entry.hint });
    }
    if (svids.length === 0) return { code: grpc.status.PERMISSION_DENIED, details: 'no identity issued' };
    return { svids };
  }

  // manager.go FetchJWTSVID + cache/jwt_cache.go: reuse a cached token for (SPIFFE ID, sorted audience)
  // until half its lifetime is gone; entries with jwt_svid_include_jti always get a fresh token.
  async #jwtFor(entry: Entry, audience: readonly string[]): Promise<string> {
    const spiffeId = spiffeIdOf(entry);
    const includeJti = entry.additional_attributes?.jwt_svid_include_jti === true;
    const key = JSON.stringify([spiffeId, [...audience].sort()]);
    const now = this.#ca.now().getTime() / 1000;
    const cached = this.#jwtCache.get(key);
    if (
      cached !== undefined &&
      now < cached.expiresAt &&
      now - cached.issuedAt < (cached.expiresAt - cached.issuedAt) / 2
    ) {
      return cached.token;
    }
    const token = await this.#ca.mintJwtSvid({
      spiffeId,
      audience,
      ...(entry.jwt_svid_ttl > 0 ? { ttlSeconds: entry.jwt_svid_ttl } : {}),
      includeJti,
    });
    if (!includeJti) {
      const claims = decodeJwtPart(token.split('.')[1] ?? '') as { iat: number; exp: number };
      this.#jwtCache.set(key, { token, issuedAt: claims.iat, expiresAt: claims.exp });
    }
    return token;
  }

  async #validateJwtSvid(
    audience: string,
    token: string,
  ): Promise<{ spiffe_id: string; claims: Struct__Input } | Status> {
    // handler.go ValidateJWTSVID.
    if (audience === '') return { code: grpc.status.INVALID_ARGUMENT, details: 'audience must be specified' };
    if (token === '') return { code: grpc.status.INVALID_ARGUMENT, details: 'svid must be specified' };
    await this.settled();
    // getWorkloadBundles: the own bundle plus the federated bundles of the caller's identities.
    const keys = new Map<string, Map<string, Uint8Array>>();
    const update = this.#update();
    keys.set(
      this.#trustDomain,
      new Map(update.own.jwt_authorities.map((a) => [a.key_id, new Uint8Array(a.public_key)])),
    );
    for (const [tdId, bundle] of update.federated) {
      keys.set(
        tdId.replace(/^spiffe:\/\//, ''),
        new Map(bundle.jwt_authorities.map((a) => [a.key_id, new Uint8Array(a.public_key)])),
      );
    }
    const validated = await validateJwt(token, audience, keys, this.#ca.now());
    if (typeof validated === 'string') return { code: grpc.status.INVALID_ARGUMENT, details: validated };
    const { spiffeId, claims } = validated;
    // Claims of foreign SVIDs are cut down to sub, exp and aud (AllowedForeignJWTClaims is empty by default).
    if (new URL(spiffeId).host !== this.#trustDomain) {
      for (const claim of Object.keys(claims)) {
        if (!['sub', 'exp', 'aud'].includes(claim)) Reflect.deleteProperty(claims, claim);
      }
    }
    // A single-string aud is returned as a list, as SPIRE always has.
    if (typeof claims['aud'] === 'string') claims['aud'] = [claims['aud']];
    return { spiffe_id: spiffeId, claims: toStruct(claims) };
  }
}

// ---- helpers ---------------------------------------------------------------------------------------

function isStatus(value: unknown): value is Status {
  return typeof value === 'object' && value !== null && 'code' in value && 'details' in value;
}

function spiffeIdOf(entry: Entry): string {
  return entry.spiffe_id === null ? '' : `spiffe://${entry.spiffe_id.trust_domain}${entry.spiffe_id.path}`;
}

function svidFingerprint(entry: Entry): string {
  return JSON.stringify([entry.revision_number, spiffeIdOf(entry), entry.dns_names, entry.x509_svid_ttl]);
}

function isSubset(subset: readonly Selector[], superset: readonly Selector[]): boolean {
  return subset.every((s) => superset.some((o) => o.type === s.type && o.value === s.value));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// hintsfilter.go: among entries sharing a non-empty hint keep the oldest (created_at, then entry ID).
function filterEntriesByHint(entries: readonly Entry[]): Entry[] {
  const keep = new Map<string, Entry>();
  for (const entry of entries) {
    if (entry.hint === '') continue;
    const other = keep.get(entry.hint);
    if (
      other === undefined ||
      entry.created_at < other.created_at ||
      (entry.created_at === other.created_at && entry.id < other.id)
    ) {
      keep.set(entry.hint, entry);
    }
  }
  return entries.filter((e) => e.hint === '' || keep.get(e.hint) === e);
}

function filterByHint(records: readonly HeldRecord[]): HeldRecord[] {
  const kept = new Set(filterEntriesByHint(records.map((r) => r.entry)));
  return records.filter((r) => kept.has(r.entry));
}

function keyIdOf(cert: x509.X509Certificate | undefined, which: 'ski' | 'aki'): string {
  if (cert === undefined) return '';
  if (which === 'ski') return cert.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId ?? '';
  return cert.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId ?? '';
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function x509AuthoritiesDer(bundle: Bundle): Uint8Array {
  return concat(bundle.x509_authorities.map((a) => new Uint8Array(a.asn1)));
}

// bundleutil.Marshal with NoX509SVIDKeys + StandardJWKS: {"keys":[...]} with kty, kid and key members.
async function jwksOf(bundle: Bundle): Promise<string> {
  const keys: Record<string, unknown>[] = [];
  for (const authority of bundle.jwt_authorities) {
    const jwk = await publicJwk(new Uint8Array(authority.public_key));
    if (jwk === undefined) continue;
    keys.push(
      jwk.kty === 'EC'
        ? { kty: jwk.kty, kid: authority.key_id, crv: jwk.crv, x: jwk.x, y: jwk.y }
        : { kty: jwk.kty, kid: authority.key_id, n: jwk.n, e: jwk.e },
    );
  }
  return JSON.stringify({ keys });
}

async function publicJwk(spki: Uint8Array): Promise<webcrypto.JsonWebKey | undefined> {
  try {
    const publicKey = new x509.PublicKey(spki);
    const algorithm = publicKey.algorithm as webcrypto.EcKeyImportParams | webcrypto.RsaHashedImportParams;
    const imported =
      algorithm.name === 'ECDSA'
        ? await webcrypto.subtle.importKey('spki', spki, algorithm, true, ['verify'])
        : await webcrypto.subtle.importKey(
            'spki',
            spki,
            { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
            true,
            ['verify'],
          );
    return await webcrypto.subtle.exportKey('jwk', imported);
  } catch {
    return undefined;
  }
}

// go-spiffe spiffeid.FromString (default build: no backcompat path characters); returns its error text.
export function goSpiffeIdError(id: string): string | undefined {
  if (id === '') return 'cannot be empty';
  if (!id.startsWith('spiffe://')) return 'scheme is missing or invalid';
  let pathIndex = 'spiffe://'.length;
  for (; pathIndex < id.length && id[pathIndex] !== '/'; pathIndex++) {
    if (!/[a-z0-9._-]/.test(id[pathIndex] ?? '')) {
      return 'trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores';
    }
  }
  if (pathIndex === 'spiffe://'.length) return 'trust domain is missing';
  const path = id.slice(pathIndex);
  if (path === '') return undefined;
  const segments = path.split('/').slice(1);
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (segment === '')
      return last ? 'path cannot have a trailing slash' : 'path cannot contain empty segments';
    if (segment === '.' || segment === '..') return 'path cannot contain dot segments';
    if (!/^[a-zA-Z0-9._-]+$/.test(segment)) {
      return 'path segment characters are limited to letters, numbers, dots, dashes, and underscores';
    }
  }
  return undefined;
}

function decodeJwtPart(part: string): unknown {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

function goQuoteList(values: readonly string[]): string {
  // Go's %q of a []string: ["a" "b"].
  return `[${values.map((v) => JSON.stringify(v)).join(' ')}]`;
}

const VERIFY_PARAMS: Record<
  string,
  {
    key: webcrypto.EcKeyImportParams | webcrypto.RsaHashedImportParams;
    verify: webcrypto.AlgorithmIdentifier | webcrypto.EcdsaParams | webcrypto.RsaPssParams;
  }
> = {
  ES256: { key: { name: 'ECDSA', namedCurve: 'P-256' }, verify: { name: 'ECDSA', hash: 'SHA-256' } },
  ES384: { key: { name: 'ECDSA', namedCurve: 'P-384' }, verify: { name: 'ECDSA', hash: 'SHA-384' } },
  ES512: { key: { name: 'ECDSA', namedCurve: 'P-521' }, verify: { name: 'ECDSA', hash: 'SHA-512' } },
  RS256: { key: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, verify: { name: 'RSASSA-PKCS1-v1_5' } },
  RS384: { key: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' }, verify: { name: 'RSASSA-PKCS1-v1_5' } },
  RS512: { key: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' }, verify: { name: 'RSASSA-PKCS1-v1_5' } },
  PS256: {
    key: { name: 'RSA-PSS', hash: 'SHA-256' },
    verify: { name: 'RSA-PSS', saltLength: 32 },
  },
  PS384: {
    key: { name: 'RSA-PSS', hash: 'SHA-384' },
    verify: { name: 'RSA-PSS', saltLength: 48 },
  },
  PS512: {
    key: { name: 'RSA-PSS', hash: 'SHA-512' },
    verify: { name: 'RSA-PSS', saltLength: 64 },
  },
};

/**
 * Returns the SPIFFE ID and claims of a valid JWT-SVID, or SPIRE's error text (jwtsvid/validate.go
 * ValidateToken, with go-jose's messages for parse, signature and claim failures).
 * `keys`: trust domain name → key ID → PKIX DER public key.
 */
async function validateJwt(
  token: string,
  audience: string,
  keys: Map<string, Map<string, Uint8Array>>,
  now: Date,
): Promise<{ spiffeId: string; claims: Record<string, unknown> } | string> {
  const parts = token.split('.');
  if (parts.length !== 3)
    return 'unable to parse JWT token: go-jose/go-jose: compact JWS format must have three parts';
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  let header: { alg?: unknown; kid?: unknown };
  let claims: Record<string, unknown>;
  try {
    header = decodeJwtPart(headerPart) as { alg?: unknown; kid?: unknown };
    claims = decodeJwtPart(payloadPart) as Record<string, unknown>;
  } catch (err) {
    return `unable to parse JWT token: ${err instanceof Error ? err.message : String(err)}`;
  }
  const alg = typeof header.alg === 'string' ? header.alg : '';
  const params = VERIFY_PARAMS[alg];
  if (params === undefined) {
    return `unable to parse JWT token: unexpected signature algorithm ${JSON.stringify(alg)}; expected ${goQuoteList(ALLOWED_JWT_ALGORITHMS)}`;
  }
  const keyId = typeof header.kid === 'string' ? header.kid : '';
  if (keyId === '') return 'token header missing key id';
  if (typeof claims['sub'] !== 'string' || claims['sub'] === '') return 'token missing subject claim';
  if (typeof claims['exp'] !== 'number') return 'token missing exp claim';
  const subject = claims['sub'];
  const problem = goSpiffeIdError(subject);
  // SPIRE's wording, typo included.
  if (problem !== undefined) return `token has in invalid subject claim: ${problem}`;
  const trustDomain = subject.slice('spiffe://'.length).split('/')[0] ?? '';
  const tdKeys = keys.get(trustDomain);
  if (tdKeys === undefined) return `no keys found for trust domain ${JSON.stringify(trustDomain)}`;
  const der = tdKeys.get(keyId);
  if (der === undefined)
    return `public key ${JSON.stringify(keyId)} not found in trust domain ${JSON.stringify(trustDomain)}`;
  let verified = false;
  try {
    const key = await webcrypto.subtle.importKey('spki', der, params.key, false, ['verify']);
    verified = await webcrypto.subtle.verify(
      params.verify,
      key,
      Buffer.from(signaturePart, 'base64url'),
      new TextEncoder().encode(`${headerPart}.${payloadPart}`),
    );
  } catch {
    verified = false;
  }
  if (!verified) return 'go-jose/go-jose: error in cryptographic primitive';
  // go-jose jwt Claims.Validate with AnyAudience and a one-minute leeway on the times.
  const aud = claims['aud'];
  const audiences =
    typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a) => typeof a === 'string') : [];
  if (!audiences.includes(audience)) {
    return `expected audience in ${goQuoteList([audience])} (audience=${goQuoteList(audiences)})`;
  }
  const nowSeconds = now.getTime() / 1000;
  const nbf = claims['nbf'];
  if (typeof nbf === 'number' && nowSeconds + JWT_LEEWAY_S < nbf) {
    return 'go-jose/go-jose/jwt: validation failed, token not valid yet (nbf)';
  }
  if (nowSeconds - JWT_LEEWAY_S > claims['exp']) return 'token has expired';
  const iat = claims['iat'];
  if (typeof iat === 'number' && nowSeconds + JWT_LEEWAY_S < iat) {
    return 'go-jose/go-jose/jwt: validation field, token issued in the future (iat)';
  }
  return { spiffeId: subject, claims };
}

/** Returns `values` as a google.protobuf.Struct (what protojson makes of the JSON claims). */
function toStruct(values: Record<string, unknown>): Struct__Input {
  return { fields: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, toValue(v)])) };
}

function toValue(value: unknown): Value__Input {
  if (value === null || value === undefined) return { nullValue: 'NULL_VALUE' };
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (Array.isArray(value)) return { listValue: { values: value.map(toValue) } };
  if (typeof value === 'object') return { structValue: toStruct(value as Record<string, unknown>) };
  return { stringValue: JSON.stringify(value) };
}

// The SPIRE test double, composed: N SPIRE Server endpoints sharing one datastore and one CA (the HA
// shape of SPIRE doc/scaling_spire.md), Workload API sockets for simulated workloads, and the controls
// tests use. See test/sim/README.md for what is reproduced and what is left out.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Bundle } from '../../src/core/generated/spire/api/types/Bundle.js';
import type { x509 } from '../../src/core/x509/setup.js';
import { SimCa, type SimPrivateKey } from './ca.js';
import { loadComposerRulesFile } from './composer.js';
import { SimDatastore } from './datastore.js';
import { SimControls, type BatchFailure, type RpcFailure, type ServerContext } from './server-context.js';
import { SimServer } from './server-api.js';
import { certificatesPem, privateKeyPem } from './pem.js';
import { attestAgent, type AttestAgentOptions, type AttestedAgent } from './server-agent.js';
import { serveWorkloadApi, type ServeWorkloadApiOptions, type WorkloadApiHandle } from './workload-api.js';

export { SimCa, SimDatastore, SimControls, SimServer };
export type { AttestAgentOptions, AttestedAgent, BatchFailure, RpcFailure, WorkloadApiHandle };

export interface StartSimOptions {
  trustDomain: string;
  /** Number of SPIRE Server endpoints (default 1). */
  servers?: number;
  /** Directory for sockets and bundle.pem (a short temp directory is used for sockets if it is too deep). */
  dir: string;
  /** SPIFFE IDs allowed to call admin RPCs over TCP (SPIRE server.admin_ids). */
  adminIds?: readonly string[];
  /** Sign the SPIRE CA with an upstream root (SVID chains carry an intermediate). */
  intermediateCa?: boolean;
  /** Default X509-SVID TTL (SPIRE default_x509_svid_ttl). */
  svidTtlSeconds?: number;
  /**
   * A CredentialComposer rules file: the JSON SPIRE gets as the k8s composer's plugin_data_file
   * (composer/rules/tarmak.json, or tarmakRulesFile from composer/index.ts). Every workload and agent
   * X509-SVID goes through those rules before it is signed (test/sim/composer.ts). A bad file makes
   * startSim throw, as spire-server refuses to start when the plugin's Configure fails.
   */
  composerRulesFile?: string;
}

/** One server endpoint as tests see it. */
export interface SimServerHandle {
  readonly name: string;
  /** Local API socket (SPIRE server.socket_path). */
  readonly socketPath: string;
  /** "127.0.0.1:<port>" of the mTLS API (SPIRE bind_address:bind_port); stable across stop/start. */
  readonly tcpAddress: string;
  /** Base URL of the health listener; GET <url>/live and <url>/ready. */
  readonly healthUrl: string;
  readonly running: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** RPC name → calls this endpoint received. */
  rpcCounts(): Record<string, number>;
}

export interface SimAdminSvid {
  certificates: x509.X509Certificate[];
  privateKey: SimPrivateKey;
  /** Leaf first, PEM, for grpc.credentials.createSsl. */
  certChainPem: string;
  keyPem: string;
}

export interface SimControlsApi {
  /** Item `index` of the next call(s) of a Batch* RPC gets this status and is not applied. */
  injectBatchFailure(failure: BatchFailure): void;
  /** The next call(s) of an RPC fail as a whole with this status. */
  injectRpcFailure(failure: RpcFailure): void;
  /** Delays every Server API RPC by `ms` (0 to stop). */
  addLatency(ms: number): void;
  /** RPC name → calls received by all endpoints since the last reset. */
  rpcCounts(): Record<string, number>;
  resetCounts(): void;
  /** Drops injected failures and latency. */
  clearFaults(): void;
  /** Moves the servers' clock forward (join token expiry, created_at). */
  advanceClock(seconds: number): void;
  /** Attests a simulated agent (join token or another attestor's result); returns its SVID. */
  attestAgent(options: AttestAgentOptions): Promise<AttestedAgent>;
  /**
   * Sets what the federation endpoint of `trustDomain` serves, for RefreshBundle (the double does not
   * fetch over the network); undefined makes the endpoint unreachable again.
   */
  setFederationEndpointBundle(trustDomain: string, bundle: Bundle | undefined): void;
}

/** Options of sim.workload(): the Workload API half's options without the shared parts. */
export type SimWorkloadOptions = Omit<ServeWorkloadApiOptions, 'ca' | 'datastore' | 'socketPath'> & {
  socketPath?: string;
};

export interface Sim {
  readonly kind: 'sim';
  readonly trustDomain: string;
  readonly servers: SimServerHandle[];
  readonly ds: SimDatastore;
  readonly ca: SimCa;
  readonly controls: SimControlsApi;
  /** PEM of the current trust bundle roots. */
  readonly bundlePem: string;
  /** A file holding bundlePem, rewritten when the bundle changes. */
  readonly bundlePath: string;
  /** Returns the own bundle as GetBundle returns it. */
  bundle(): Bundle;
  /** Returns an X509-SVID of the trust domain for mTLS callers (admin or not, depending on config/entries). */
  mintAdminSvid(spiffeId: string): Promise<SimAdminSvid>;
  /** Serves a Workload API socket for one simulated workload (the Workload API half). */
  workload(options: SimWorkloadOptions): Promise<WorkloadApiHandle>;
  close(): Promise<void>;
}

// sockaddr_un.sun_path holds 108 bytes on Linux.
const MAX_SOCKET_PATH = 100;

/** Returns a running simulation. */
export async function startSim(options: StartSimOptions): Promise<Sim> {
  const dir = resolve(options.dir);
  // Read first: a bad rules file must fail before anything is created.
  const credentialComposer =
    options.composerRulesFile === undefined ? undefined : loadComposerRulesFile(options.composerRulesFile);
  const socketDir =
    join(dir, 'server-00.sock').length > MAX_SOCKET_PATH ? mkdtempSync(join(tmpdir(), 'sim-')) : dir;
  const ca = await SimCa.create({
    trustDomain: options.trustDomain,
    ...(options.intermediateCa === undefined ? {} : { intermediate: options.intermediateCa }),
    ...(options.svidTtlSeconds === undefined ? {} : { defaultX509SvidTtlSeconds: options.svidTtlSeconds }),
    ...(credentialComposer === undefined ? {} : { credentialComposer }),
  });
  const ds = new SimDatastore({ trustDomain: options.trustDomain });
  const controls = new SimControls();
  const syncCa = (): void => {
    ds.setCaAuthorities(
      ca.bundleCertificates().map((cert) => ({ asn1: Buffer.from(cert.rawData), tainted: false })),
      ca.jwtAuthorities().map((key) => ({
        public_key: Buffer.from(key.publicKey),
        key_id: key.keyId,
        expires_at: key.expiresAt,
        tainted: false,
      })),
    );
  };
  syncCa();
  const bundlePath = join(dir, 'bundle.pem');
  const bundlePem = (): string => certificatesPem(ca.bundleCertificates());
  writeFileSync(bundlePath, bundlePem());
  const stopCaSync = ca.onChange(() => {
    syncCa();
    writeFileSync(bundlePath, bundlePem());
  });

  const ctx: ServerContext = {
    trustDomain: options.trustDomain,
    ds,
    ca,
    adminIds: new Set(options.adminIds ?? []),
    controls,
    now: () => controls.nowSeconds(),
  };
  const servers: SimServer[] = [];
  const count = options.servers ?? 1;
  for (let i = 0; i < count; i++) {
    servers.push(
      new SimServer({
        ctx,
        name: `server-${i}`,
        socketPath: join(socketDir, `server-${String(i).padStart(2, '0')}.sock`),
      }),
    );
  }
  const workloads: WorkloadApiHandle[] = [];
  try {
    for (const server of servers) await server.start();
  } catch (error) {
    stopCaSync();
    for (const server of servers) await server.stop();
    if (socketDir !== dir) rmSync(socketDir, { recursive: true, force: true });
    throw error;
  }

  return {
    kind: 'sim',
    trustDomain: options.trustDomain,
    servers,
    ds,
    ca,
    controls: {
      injectBatchFailure: (failure) => {
        controls.injectBatchFailure(failure);
      },
      injectRpcFailure: (failure) => {
        controls.injectRpcFailure(failure);
      },
      addLatency: (ms) => {
        controls.addLatency(ms);
      },
      rpcCounts: () => controls.rpcCounts(),
      resetCounts: () => {
        controls.resetCounts();
      },
      clearFaults: () => {
        controls.clearFaults();
      },
      advanceClock: (seconds) => {
        controls.advanceClock(seconds);
      },
      attestAgent: (attest) => attestAgent(ctx, attest),
      setFederationEndpointBundle: (trustDomain, bundle) => {
        ds.setEndpointBundle(trustDomain, bundle);
      },
    },
    get bundlePem() {
      return bundlePem();
    },
    bundlePath,
    bundle: () => ds.ownBundle(),
    async mintAdminSvid(spiffeId) {
      const svid = await ca.mintX509Svid({ spiffeId });
      return {
        certificates: svid.certificates,
        privateKey: svid.privateKey,
        certChainPem: certificatesPem(svid.certificates),
        keyPem: privateKeyPem(svid.privateKey.pkcs8),
      };
    },
    // Hook to the Workload API half (test/sim/workload-api.ts): one socket per simulated workload.
    async workload(workloadOptions) {
      const handle = await serveWorkloadApi({
        ...workloadOptions,
        socketPath:
          workloadOptions.socketPath ??
          join(socketDir, `workload-${String(workloads.length).padStart(2, '0')}.sock`),
        ca,
        datastore: ds,
      });
      workloads.push(handle);
      return handle;
    },
    async close() {
      stopCaSync();
      for (const workload of workloads.splice(0)) await workload.close();
      for (const server of servers) await server.stop();
      if (socketDir !== dir) rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

// One simulated SPIRE Server endpoint: the Server API (entry, agent, bundle, trustdomain, health) on a
// unix socket (local callers) and on TCP with mTLS (admin callers), plus the HTTP health listener.
// Several of these share one SimDatastore and one SimCa to form an HA deployment.
// Sources (facts only):
//   pkg/server/endpoints/endpoints.go       TLS: server SVID, tls.RequestClientCert, peer verification
//   pkg/server/endpoints/auth.go            client SVIDs verified against the bundle of their trust
//                                           domain; foreign IDs only when listed in admin_ids
//   pkg/server/api/middleware/caller.go     caller identity from the peer certificate URI SAN
//   pkg/server/api/middleware/authorization.go, authorization_opa.go  local/admin/agent decisions and
//                                           the PERMISSION_DENIED message
//   pkg/server/authpolicy/policy_data.json  which caller may call which RPC
//   pkg/server/api/health/v1/service.go     grpc.health.v1 Check
//   pkg/common/health/health.go             HTTP /live and /ready
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { SecureContextOptions, TLSSocket } from 'node:tls';
import * as grpc from '@grpc/grpc-js';
import { loadProto, protoFiles } from '../../src/core/proto/index.js';
import { x509 } from '../../src/core/x509/setup.js';
import type { ProtoGrpcType as EntryProto } from '../../src/core/generated/entry.js';
import type { ProtoGrpcType as AgentProto } from '../../src/core/generated/agent.js';
import type { ProtoGrpcType as BundleProto } from '../../src/core/generated/bundle.js';
import type { ProtoGrpcType as TrustDomainProto } from '../../src/core/generated/trustdomain.js';
import type { ProtoGrpcType as HealthProto } from '../../src/core/generated/health.js';
import type { HealthCheckRequest } from '../../src/core/generated/grpc/health/v1/HealthCheckRequest.js';
import { ApiError, Code, statusCode, type ServerContext } from './server-context.js';
import { entryService } from './server-entry.js';
import { agentService } from './server-agent.js';
import { bundleService, trustDomainService } from './server-bundle.js';
import { idFromString } from './server-rules.js';
import { certificatesPem, privateKeyPem } from './pem.js';

/** Who may call an RPC (pkg/server/authpolicy/policy_data.json). */
type Policy = 'any' | 'local' | 'local-or-admin' | 'local-admin-or-agent';

interface ServiceSpec {
  /** Fully qualified service name, e.g. "spire.api.server.entry.v1.Entry". */
  name: string;
  definition: grpc.ServiceDefinition;
  impl: Record<string, (req: never) => unknown>;
  policy: (method: string) => Policy;
}

export interface SimServerOptions {
  ctx: ServerContext;
  /** Unix socket path of the local API (SPIRE server.socket_path). */
  socketPath: string;
  /** Name used in logs and errors, e.g. "server-0". */
  name?: string;
}

/** A caller as SPIRE's middleware sees it. */
interface Caller {
  local: boolean;
  /** SPIFFE ID URI of the peer X509-SVID (TCP callers presenting one). */
  id?: string;
  /** Decimal serial number of the peer leaf certificate. */
  serial?: string;
}

/** A grpc-js ServerCredentials whose certificate and roots can be replaced while serving. */
class ReloadableServerCredentials extends grpc.ServerCredentials {
  constructor(context: SecureContextOptions) {
    // SPIRE endpoints.go: tls.RequestClientCert — a certificate is asked for but not required; the
    // verification happens in SPIRE's VerifyPeerCertificate, reproduced in SimServer.guardConnection.
    super({ requestCert: true, rejectUnauthorized: false }, context);
  }

  update(context: SecureContextOptions): void {
    this.updateSecureContextOptions(context);
  }

  _equals(other: grpc.ServerCredentials): boolean {
    return this === other;
  }
}

/** Returns the SPIFFE ID URI SANs and decimal serial of a DER certificate. */
function peerIdentity(der: Buffer): { uris: string[]; serial: string } {
  const cert = new x509.X509Certificate(der);
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  const uris = san === null ? [] : san.names.items.filter((n) => n.type === 'url').map((n) => n.value);
  return { uris, serial: BigInt(`0x${cert.serialNumber}`).toString(10) };
}

function loadServiceDefinitions(): {
  entry: grpc.ServiceDefinition;
  agent: grpc.ServiceDefinition;
  bundle: grpc.ServiceDefinition;
  trustdomain: grpc.ServiceDefinition;
  health: grpc.ServiceDefinition;
} {
  const entry = loadProto(protoFiles.entry) as unknown as EntryProto;
  const agent = loadProto(protoFiles.agent) as unknown as AgentProto;
  const bundle = loadProto(protoFiles.bundle) as unknown as BundleProto;
  const trustdomain = loadProto(protoFiles.trustdomain) as unknown as TrustDomainProto;
  const health = loadProto(protoFiles.health) as unknown as HealthProto;
  return {
    entry: entry.spire.api.server.entry.v1.Entry.service,
    agent: agent.spire.api.server.agent.v1.Agent.service,
    bundle: bundle.spire.api.server.bundle.v1.Bundle.service,
    trustdomain: trustdomain.spire.api.server.trustdomain.v1.TrustDomain.service,
    health: health.grpc.health.v1.Health.service,
  };
}

/** One SPIRE Server endpoint of the simulation. */
export class SimServer {
  readonly name: string;
  readonly socketPath: string;
  private readonly ctx: ServerContext;
  private readonly services: ServiceSpec[];
  private local: grpc.Server | undefined;
  private remote: grpc.Server | undefined;
  private health: HttpServer | undefined;
  private credentials: ReloadableServerCredentials | undefined;
  private tlsIdentity: { cert: string; key: string } | undefined;
  private tcpPort = 0;
  private healthPort = 0;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly counts = new Map<string, number>();
  private readonly identityCache = new Map<string, { uris: string[]; serial: string }>();

  constructor(options: SimServerOptions) {
    this.ctx = options.ctx;
    this.socketPath = options.socketPath;
    this.name = options.name ?? 'server';
    const defs = loadServiceDefinitions();
    const localOrAdmin = (): Policy => 'local-or-admin';
    this.services = [
      {
        name: 'spire.api.server.entry.v1.Entry',
        definition: defs.entry,
        impl: asImpl(entryService(this.ctx)),
        policy: localOrAdmin,
      },
      {
        name: 'spire.api.server.agent.v1.Agent',
        definition: defs.agent,
        impl: asImpl(agentService(this.ctx)),
        policy: localOrAdmin,
      },
      {
        name: 'spire.api.server.bundle.v1.Bundle',
        definition: defs.bundle,
        impl: asImpl(bundleService(this.ctx)),
        // GetBundle: allow_any; GetFederatedBundle: allow_admin, allow_local, allow_agent.
        policy: (method) =>
          method === 'GetBundle'
            ? 'any'
            : method === 'GetFederatedBundle'
              ? 'local-admin-or-agent'
              : 'local-or-admin',
      },
      {
        name: 'spire.api.server.trustdomain.v1.TrustDomain',
        definition: defs.trustdomain,
        impl: asImpl(trustDomainService(this.ctx)),
        policy: localOrAdmin,
      },
      {
        name: 'grpc.health.v1.Health',
        definition: defs.health,
        impl: asImpl({
          // health/v1/service.go Check: per-service health is not supported; SERVING while the own
          // bundle exists.
          Check: (req: HealthCheckRequest) => {
            if (req.service !== '')
              throw new ApiError(Code.INVALID_ARGUMENT, 'per-service health is not supported');
            return {
              status: this.ctx.ds.ownBundle().x509_authorities.length > 0 ? 'SERVING' : 'NOT_SERVING',
            };
          },
        }),
        policy: () => 'local',
      },
    ];
  }

  /** Returns true while the endpoint serves. */
  get running(): boolean {
    return this.local !== undefined;
  }

  /** "127.0.0.1:<port>" of the mTLS listener (stable across stop/start). */
  get tcpAddress(): string {
    return `127.0.0.1:${this.tcpPort}`;
  }

  /** Base URL of the HTTP health listener (GET /live, /ready). */
  get healthUrl(): string {
    return `http://127.0.0.1:${this.healthPort}`;
  }

  /** Returns short RPC name → calls this endpoint received. */
  rpcCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** Starts serving (again): same socket path, TCP port and health port as before a stop. */
  async start(): Promise<void> {
    if (this.running) return;
    await this.refreshTlsIdentity();
    const local = new grpc.Server();
    const remote = new grpc.Server();
    for (const service of this.services) {
      local.addService(service.definition, this.handlers(service, 'local'));
      remote.addService(service.definition, this.handlers(service, 'tcp'));
    }
    rmSync(this.socketPath, { force: true });
    await bind(local, `unix://${this.socketPath}`, grpc.ServerCredentials.createInsecure());
    const credentials = new ReloadableServerCredentials(this.secureContext());
    this.tcpPort = await bind(remote, `127.0.0.1:${this.tcpPort}`, credentials);
    this.guardConnections(remote);
    this.local = local;
    this.remote = remote;
    this.credentials = credentials;
    this.health = await this.startHealth();
    this.unsubscribe.push(
      this.ctx.ds.onChange((what) => {
        if (what === 'bundles') this.reloadTls();
      }),
      this.ctx.ca.onChange(() => {
        void this.refreshTlsIdentity().then(() => {
          this.reloadTls();
        });
      }),
    );
  }

  /** Stops serving at once (in-flight calls fail), like a crashed or stopped server process. */
  async stop(): Promise<void> {
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
    this.local?.forceShutdown();
    this.remote?.forceShutdown();
    this.local = undefined;
    this.remote = undefined;
    this.credentials = undefined;
    const health = this.health;
    this.health = undefined;
    if (health !== undefined) {
      health.closeAllConnections();
      await new Promise<void>((resolve) => {
        health.close(() => {
          resolve();
        });
      });
    }
    rmSync(this.socketPath, { force: true });
  }

  // ---- TLS ------------------------------------------------------------------------------------------

  /** Mints the server's own X509-SVID spiffe://<td>/spire/server (idutil.ServerIDPath). */
  private async refreshTlsIdentity(): Promise<void> {
    const svid = await this.ctx.ca.mintX509Svid({
      spiffeId: `spiffe://${this.ctx.trustDomain}/spire/server`,
      kind: 'server',
    });
    this.tlsIdentity = {
      cert: certificatesPem(svid.certificates),
      key: privateKeyPem(svid.privateKey.pkcs8),
    };
  }

  /** Returns the TLS context: own SVID, and every bundle's roots for verifying client SVIDs. */
  private secureContext(): SecureContextOptions {
    if (this.tlsIdentity === undefined) throw new Error('server SVID not minted');
    const roots = this.ctx.ds
      .bundleRows()
      .flatMap((row) => row.value.x509_authorities)
      .flatMap((authority) => {
        try {
          return [new x509.X509Certificate(authority.asn1).toString('pem')];
        } catch {
          return [];
        }
      });
    return { cert: this.tlsIdentity.cert, key: this.tlsIdentity.key, ca: roots };
  }

  private reloadTls(): void {
    this.credentials?.update(this.secureContext());
  }

  /**
   * Closes connections whose client certificate SPIRE would refuse during the handshake
   * (endpoints/auth.go serverSpiffeVerificationFunc): a certificate that does not chain to a bundle, or
   * whose SPIFFE ID is neither in the server trust domain nor in admin_ids. Connections without a
   * certificate stay open (tls.RequestClientCert). grpc-js exposes no handshake hook, so this reaches
   * into its (stable since 1.10) `http2Servers` map; without it the RPC layer still denies such callers.
   */
  private guardConnections(server: grpc.Server): void {
    const internals = server as unknown as { http2Servers?: Map<{ on?: unknown }, unknown> };
    for (const http2Server of internals.http2Servers?.keys() ?? []) {
      if (typeof http2Server.on !== 'function') continue;
      (http2Server as { on(event: 'secureConnection', listener: (socket: TLSSocket) => void): void }).on(
        'secureConnection',
        (socket) => {
          const peer = socket.getPeerCertificate();
          // An empty object when the client sent no certificate.
          if (!('raw' in peer)) return;
          if (!socket.authorized) {
            socket.destroy();
            return;
          }
          const uri = this.identity(peer.raw).uris[0];
          if (uri === undefined) return;
          try {
            const id = idFromString(uri);
            if (id.trustDomain !== this.ctx.trustDomain && !this.ctx.adminIds.has(id.id)) socket.destroy();
          } catch {
            // A malformed URI SAN is reported per RPC as Unauthenticated (middleware/caller.go).
          }
        },
      );
    }
  }

  private identity(der: Buffer): { uris: string[]; serial: string } {
    const key = der.toString('base64');
    let identity = this.identityCache.get(key);
    if (identity === undefined) {
      identity = peerIdentity(der);
      this.identityCache.set(key, identity);
    }
    return identity;
  }

  // ---- RPC plumbing -------------------------------------------------------------------------------------

  private handlers(service: ServiceSpec, transport: 'local' | 'tcp'): grpc.UntypedServiceImplementation {
    const handlers: grpc.UntypedServiceImplementation = {};
    for (const method of Object.keys(service.definition)) {
      const impl = service.impl[method];
      if (impl === undefined) continue;
      const handler: grpc.handleUnaryCall<unknown, unknown> = (call, callback) => {
        this.serve(service, method, transport, call, impl).then(
          (response) => {
            callback(null, response);
          },
          (error: unknown) => {
            if (error instanceof ApiError) {
              callback({ code: error.code, details: error.message });
              return;
            }
            console.error(`[sim ${this.name}] ${service.name}/${method} failed:`, error);
            callback({
              code: Code.INTERNAL,
              details: error instanceof Error ? error.message : String(error),
            });
          },
        );
      };
      handlers[method] = handler;
    }
    return handlers;
  }

  private async serve(
    service: ServiceSpec,
    method: string,
    transport: 'local' | 'tcp',
    call: grpc.ServerUnaryCall<unknown, unknown>,
    impl: (req: never) => unknown,
  ): Promise<unknown> {
    const { controls } = this.ctx;
    controls.count(method);
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    const latency = controls.latency();
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const caller = this.caller(call, transport);
    this.authorize(`/${service.name}/${method}`, service.policy(method), caller);
    const failure = controls.takeRpcFailure(method);
    if (failure !== undefined) throw new ApiError(statusCode(failure.code), failure.message);
    return impl(call.request as never);
  }

  /** middleware/caller.go callerContextFromContext: local for the unix socket, else the peer SVID. */
  private caller(call: grpc.ServerUnaryCall<unknown, unknown>, transport: 'local' | 'tcp'): Caller {
    if (transport === 'local') return { local: true };
    const der = call.getAuthContext().sslPeerCertificate?.raw;
    if (der === undefined) return { local: false };
    const { uris, serial } = this.identity(der);
    if (uris.length === 0) throw new ApiError(Code.UNAUTHENTICATED, 'client certificate has no URI SAN');
    if (uris.length > 1)
      throw new ApiError(Code.UNAUTHENTICATED, 'client certificate has more than one URI SAN');
    const uri = uris[0] ?? '';
    try {
      return { local: false, id: idFromString(uri).id, serial };
    } catch (error) {
      throw new ApiError(
        Code.UNAUTHENTICATED,
        `client certificate has a malformed URI SAN: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** authorization_opa.go reconcileResult, in its order: any, local, admin (config, entries), agent. */
  private authorize(fullMethod: string, policy: Policy, caller: Caller): void {
    if (policy === 'any') return;
    if (caller.local) return;
    if (policy !== 'local' && caller.id !== undefined) {
      if (this.ctx.adminIds.has(caller.id)) return;
      if (this.ctx.ds.entriesBySpiffeId(caller.id).some((entry) => entry.admin)) return;
      if (policy === 'local-admin-or-agent') {
        // authorize_agent.go: an attested, non-banned agent presenting its current SVID.
        const agent = this.ctx.ds.getAgent(caller.id);
        if (agent !== undefined && !agent.banned && agent.x509svid_serial_number === caller.serial) return;
      }
    }
    throw new ApiError(Code.PERMISSION_DENIED, `authorization denied for method ${fullMethod}`);
  }

  // ---- HTTP health ----------------------------------------------------------------------------------------

  /** pkg/common/health: GET /live and /ready answer 200 with JSON details while the server runs. */
  private async startHealth(): Promise<HttpServer> {
    const server = createHttpServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (req.method !== 'GET' || (path !== '/live' && path !== '/ready')) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('404 page not found\n');
        return;
      }
      const ready = this.ctx.ds.ownBundle().x509_authorities.length > 0;
      res.writeHead(ready ? 200 : 500, { 'content-type': 'application/json' });
      res.end(
        `${JSON.stringify({ 'catalog.datastore': {}, 'server.ca': {}, sim: 'spire-server test double' })}\n`,
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.healthPort, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.healthPort = (server.address() as AddressInfo).port;
    return server;
  }
}

function asImpl(service: object): Record<string, (req: never) => unknown> {
  return service as Record<string, (req: never) => unknown>;
}

function bind(server: grpc.Server, address: string, credentials: grpc.ServerCredentials): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(address, credentials, (error, port) => {
      if (error !== null) reject(error);
      else resolve(port);
    });
  });
}

// A minimal, test-only SPIRE Server API server: each test supplies the handlers it needs, the fake
// records every request as the server decoded it, and unhandled methods answer UNIMPLEMENTED. It listens
// on a unix socket or on TCP with mTLS. The full SPIRE test double lives in test/sim/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import type { Test } from 'tap';
import type { MethodDefinition } from '@grpc/proto-loader';
import { loadProto, protoFiles } from '../../src/core/proto/index.js';
import type { ProtoGrpcType as EntryProto } from '../../src/core/generated/entry.js';
import type { ProtoGrpcType as AgentProto } from '../../src/core/generated/agent.js';
import type { ProtoGrpcType as BundleProto } from '../../src/core/generated/bundle.js';
import type { ProtoGrpcType as TrustDomainProto } from '../../src/core/generated/trustdomain.js';
import type { ProtoGrpcType as HealthProto } from '../../src/core/generated/health.js';
import type { EntryDefinition } from '../../src/core/generated/spire/api/server/entry/v1/Entry.js';
import type { AgentDefinition } from '../../src/core/generated/spire/api/server/agent/v1/Agent.js';
import type { BundleDefinition } from '../../src/core/generated/spire/api/server/bundle/v1/Bundle.js';
import type { TrustDomainDefinition } from '../../src/core/generated/spire/api/server/trustdomain/v1/TrustDomain.js';
import type { HealthDefinition } from '../../src/core/generated/grpc/health/v1/Health.js';
import { dialSpireServer } from '../../src/core/spireapi/index.js';
import type { SpireServerClient } from '../../src/core/spireapi/index.js';

/** Throw this from a handler to answer the call with a gRPC status. */
export class RpcFailure extends Error {
  constructor(
    readonly code: grpc.status,
    readonly details: string,
  ) {
    super(details);
  }
}

/** Handlers for the methods of one service: the decoded request in, the response (or a promise) out. */
export type Impl<Definition> = {
  // Generated definitions extend grpc.ServiceDefinition's string index; only the named methods count.
  [
    Method in keyof Definition as string extends Method ? never : Method
  ]?: Definition[Method] extends MethodDefinition<never, infer ResIn, infer ReqOut, unknown>
    ? (request: ReqOut) => ResIn | Promise<ResIn>
    : never;
};

export interface FakeHandlers {
  entry?: Impl<EntryDefinition>;
  agent?: Impl<AgentDefinition>;
  bundle?: Impl<BundleDefinition>;
  trustdomain?: Impl<TrustDomainDefinition>;
  health?: Impl<HealthDefinition>;
}

export interface ReceivedCall {
  /** Method name, e.g. "ListEntries". */
  method: string;
  request: unknown;
  /** URI SANs of the client certificate on TLS connections. */
  clientUris: string[];
}

export interface FakeTls {
  /** PEM trust anchors for client certificates. */
  clientRootsPem: string;
  /** Server leaf first, then intermediates. */
  certChainPem: string;
  keyPem: string;
}

export class FakeSpireServer {
  readonly calls: ReceivedCall[] = [];
  /** "unix:<path>"-less address: the socket path, or "127.0.0.1:<port>". */
  readonly address: string;
  readonly #server: grpc.Server;

  private constructor(server: grpc.Server, address: string) {
    this.#server = server;
    this.address = address;
  }

  /** Returns a running fake on the unix socket `socketPath`. */
  static async unix(socketPath: string, handlers: FakeHandlers): Promise<FakeSpireServer> {
    const server = new grpc.Server();
    await bind(server, `unix:${socketPath}`, grpc.ServerCredentials.createInsecure());
    return FakeSpireServer.serve(server, socketPath, handlers);
  }

  /** Returns a running fake on 127.0.0.1 with mTLS (client certificates required and verified). */
  static async tls(tls: FakeTls, handlers: FakeHandlers): Promise<FakeSpireServer> {
    const credentials = grpc.ServerCredentials.createSsl(
      Buffer.from(tls.clientRootsPem),
      [{ cert_chain: Buffer.from(tls.certChainPem), private_key: Buffer.from(tls.keyPem) }],
      // grpc-js either ignores client certificates or requires them; SPIRE requests them
      // (tls.RequestClientCert), but every test here presents one, so requiring is close enough.
      true,
    );
    const server = new grpc.Server();
    const port = await bind(server, '127.0.0.1:0', credentials);
    return FakeSpireServer.serve(server, `127.0.0.1:${port}`, handlers);
  }

  private static serve(server: grpc.Server, address: string, handlers: FakeHandlers): FakeSpireServer {
    const fake = new FakeSpireServer(server, address);
    FakeSpireServer.register(server, handlers, fake.calls);
    return fake;
  }

  private static register(server: grpc.Server, handlers: FakeHandlers, calls: ReceivedCall[]): void {
    const entry = (loadProto(protoFiles.entry) as unknown as EntryProto).spire.api.server.entry.v1.Entry
      .service;
    const agent = (loadProto(protoFiles.agent) as unknown as AgentProto).spire.api.server.agent.v1.Agent
      .service;
    const bundle = (loadProto(protoFiles.bundle) as unknown as BundleProto).spire.api.server.bundle.v1.Bundle
      .service;
    const trustdomain = (loadProto(protoFiles.trustdomain) as unknown as TrustDomainProto).spire.api.server
      .trustdomain.v1.TrustDomain.service;
    const health = (loadProto(protoFiles.health) as unknown as HealthProto).grpc.health.v1.Health.service;
    server.addService(entry, implement(entry, handlers.entry ?? {}, calls));
    server.addService(agent, implement(agent, handlers.agent ?? {}, calls));
    server.addService(bundle, implement(bundle, handlers.bundle ?? {}, calls));
    server.addService(trustdomain, implement(trustdomain, handlers.trustdomain ?? {}, calls));
    server.addService(health, implement(health, handlers.health ?? {}, calls));
  }

  /** Returns the requests received by `method`, in order. */
  requests(method: string): unknown[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.request);
  }

  async close(): Promise<void> {
    this.#server.forceShutdown();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function bind(server: grpc.Server, address: string, credentials: grpc.ServerCredentials): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.bindAsync(address, credentials, (err, port) => {
      if (err === null) resolve(port);
      else reject(err);
    });
  });
}

function implement(
  definition: grpc.ServiceDefinition,
  handlers: Record<string, ((request: never) => unknown) | undefined>,
  calls: ReceivedCall[],
): grpc.UntypedServiceImplementation {
  const out: grpc.UntypedServiceImplementation = {};
  for (const method of Object.keys(definition)) {
    const handler = handlers[method] as ((request: unknown) => unknown) | undefined;
    out[method] = ((call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      const peer = call.getAuthContext().sslPeerCertificate;
      const clientUris = (peer?.subjectaltname ?? '')
        .split(', ')
        .filter((name) => name.startsWith('URI:'))
        .map((name) => name.slice(4));
      calls.push({ method, request: call.request, clientUris });
      if (handler === undefined) {
        callback({ code: grpc.status.UNIMPLEMENTED, details: `${method} is not implemented by this fake` });
        return;
      }
      Promise.resolve()
        .then(() => handler(call.request))
        .then(
          (response) => {
            callback(null, response);
          },
          (err: unknown) => {
            if (err instanceof RpcFailure) callback({ code: err.code, details: err.details });
            else callback({ code: grpc.status.INTERNAL, details: String(err) });
          },
        );
    }) as grpc.UntypedHandleCall;
  }
  return out;
}

/**
 * Starts a fake on a unix socket in the test's directory and a client dialed to it; both are closed in
 * the test's teardown.
 */
export async function startLocal(
  t: Test,
  handlers: FakeHandlers,
  options: { timeoutMs?: number } = {},
): Promise<{ fake: FakeSpireServer; client: SpireServerClient }> {
  // t.testdir() paths exceed the 107-byte limit of a unix socket path, so the socket lives in a short
  // temporary directory removed at teardown.
  const dir = mkdtempSync(join(tmpdir(), 'spireapi-'));
  const socketPath = join(dir, 'api.sock');
  const fake = await FakeSpireServer.unix(socketPath, handlers);
  const client = dialSpireServer({ socketPath, ...options });
  t.teardown(async () => {
    client.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { fake, client };
}

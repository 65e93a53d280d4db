// Serving a go-plugin gRPC plugin from Node: one process, one unix socket, the plugin services the host
// expects (health, controller, stdio, broker) plus the app's own, and the handshake line on stdout.
// Host-agnostic: the magic cookie, the app protocol versions and their services come from the caller
// (Terraform's tfplugin6 provider, SPIRE's CredentialComposer plugin).
import { rmSync, writeSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { type AutoMtlsOptions, transportSecurity } from './auto-mtls.js';
import { type BrokerOffer, brokerService } from './broker.js';
import { controllerService } from './controller.js';
import {
  type HandshakeConfig,
  handshakeLine,
  hasMagicCookie,
  negotiateProtocolVersion,
  socketPath,
} from './handshake.js';
import { healthService } from './health.js';
import type { PluginLogger } from './logger.js';
import { loadGoPluginProtos } from './proto/load.js';
import { stdioService } from './stdio.js';

/**
 * The receive and send limit. The host allows up to math.MaxInt32 (go-plugin grpc_client.go); grpc-js's
 * 4 MiB default is far too small for Terraform state (terraform-plugin-go tf6server grpcMaxMessageSize).
 */
const maxMessageBytes = 256 << 20;

/** How long a graceful stop may wait for calls in flight before the server is closed hard. */
const gracefulStopMs = 1000;

export interface ServePluginOptions {
  /** App protocol version → registers that version's services on the server. */
  readonly versions: ReadonlyMap<number, (server: grpc.Server) => void>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: PluginLogger;
  /** Receives the handshake line; the process glue writes it to stdout. */
  readonly announce: (line: string) => void;
  /** Called with the socket path once it exists, before the handshake is announced. */
  readonly onListening?: (socket: string) => void;
  /** Offer AutoMTLS when the host asks for it (PLUGIN_CLIENT_CERT); without it, the plugin serves plaintext. */
  readonly autoMtls?: AutoMtlsOptions;
}

export interface RunningPlugin {
  readonly socket: string;
  readonly handshake: string;
  readonly protocolVersion: number;
  /** Resolves once the server has stopped and the socket is gone. */
  readonly stopped: Promise<void>;
  /** Stops serving (what GRPCController.Shutdown triggers). */
  stop(): Promise<void>;
  /** Returns where the host offered a brokered connection for `serviceId` (SPIRE: 1, its host services). */
  brokerOffer(serviceId: number): BrokerOffer | undefined;
}

/**
 * Starts serving and returns once the handshake line has been announced. Throws when the socket cannot be
 * bound or the host's client certificate is unusable.
 */
export async function servePlugin(options: ServePluginOptions): Promise<RunningPlugin> {
  const { env, log } = options;
  const protocolVersion = negotiateProtocolVersion(env.PLUGIN_PROTOCOL_VERSIONS, [
    ...options.versions.keys(),
  ]);
  const register = options.versions.get(protocolVersion);
  if (register === undefined) throw new Error('no app protocol versions to serve');
  const security = transportSecurity({
    clientCertificatePem: env.PLUGIN_CLIENT_CERT,
    autoMtls: options.autoMtls,
  });
  const socket = socketPath(env);

  const protos = loadGoPluginProtos();
  const server = new grpc.Server({
    'grpc.max_receive_message_length': maxMessageBytes,
    'grpc.max_send_message_length': maxMessageBytes,
  });
  const stdio = stdioService();
  const broker = brokerService(log);
  let stopping: Promise<void> | undefined;
  let resolveStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });

  const stop = (): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      log.debug('plugin stopping', {});
      stdio.closeAll();
      broker.closeAll();
      const timer = setTimeout(() => {
        server.forceShutdown();
      }, gracefulStopMs);
      server.tryShutdown(() => {
        clearTimeout(timer);
        rmSync(socket, { force: true });
        resolve();
        resolveStopped();
      });
    });
    return stopping;
  };

  server.addService(protos.health.Health.service, healthService());
  server.addService(
    protos.controller.GRPCController.service,
    controllerService(() => void stop()),
  );
  server.addService(protos.stdio.GRPCStdio.service, stdio.handlers);
  server.addService(protos.broker.GRPCBroker.service, broker.handlers);
  register(server);

  await new Promise<void>((resolve, reject) => {
    server.bindAsync(`unix:${socket}`, security.credentials, (err) => {
      if (err === null) resolve();
      else reject(new Error(`cannot listen on ${socket}`, { cause: err }));
    });
  });

  options.onListening?.(socket);
  const handshake = handshakeLine({
    appVersion: protocolVersion,
    network: 'unix',
    address: socket,
    ...(security.serverCertificate === undefined ? {} : { serverCertificate: security.serverCertificate }),
  });
  options.announce(handshake);
  log.debug('plugin serving', {
    socket,
    protocol_version: protocolVersion,
    tls: security.serverCertificate !== undefined,
  });
  return {
    socket,
    handshake,
    protocolVersion,
    stopped,
    stop,
    brokerOffer: (serviceId) => broker.offer(serviceId),
  };
}

export interface RunPluginOptions {
  readonly handshake: HandshakeConfig;
  /** Written to stderr when a person runs the plugin by hand (no magic cookie), newline included. */
  readonly refusal: string;
  readonly versions: ReadonlyMap<number, (server: grpc.Server) => void>;
  readonly log: PluginLogger;
  readonly autoMtls?: AutoMtlsOptions;
}

/**
 * Runs the plugin process: refuses with exit code 1 when not started by a plugin host, serves until the
 * host shuts it down, then exits 0. Ctrl-C reaches the whole process group, so SIGINT is ignored: the host
 * stops the plugin over gRPC instead (go-plugin server.go "Eat the interrupts").
 */
export async function runPlugin(options: RunPluginOptions): Promise<void> {
  const env = process.env;
  if (!hasMagicCookie(env, options.handshake)) {
    process.stderr.write(options.refusal);
    process.exitCode = 1;
    return;
  }
  process.on('SIGINT', () => {
    options.log.trace('plugin received interrupt signal, ignoring', {});
  });
  // Installed before the handshake: the host may signal as soon as it has read the line, and a signal
  // without a listener would end the process before the socket is removed.
  let running: RunningPlugin | undefined;
  let socket: string | undefined;
  const signalled = { terminate: false };
  process.on('SIGTERM', () => {
    signalled.terminate = true;
    void running?.stop();
  });
  process.on('exit', () => {
    if (socket !== undefined) rmSync(socket, { force: true });
  });

  try {
    running = await servePlugin({
      versions: options.versions,
      env,
      log: options.log,
      ...(options.autoMtls === undefined ? {} : { autoMtls: options.autoMtls }),
      // Synchronous, so the line is complete on the pipe before anything else can be written.
      announce: (line) => writeSync(1, line),
      onListening: (path) => {
        socket = path;
      },
    });
  } catch (err) {
    options.log.error('plugin init error', { error: err instanceof Error ? err.message : String(err) });
    process.exitCode = 1;
    return;
  }
  // stdout has done its job; anything a dependency prints from now on goes to stderr.
  process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]) =>
    (process.stderr.write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  if (signalled.terminate) void running.stop();
  await running.stopped;
  options.log.debug('plugin exited', {});
  process.exit(0);
}

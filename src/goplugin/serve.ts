// Serving a go-plugin gRPC plugin from Node: one process, one unix socket, the plugin services the host
// expects (health, controller, stdio, broker) plus the app's own, and the handshake line on stdout.
// Host-agnostic: the magic cookie, the app protocol versions and their services come from the caller
// (Terraform's tfplugin6 provider, SPIRE's CredentialComposer plugin).
// Start-up order is what makes a plugin start fast (Terraform starts a provider about three times per
// plan): the socket listens (node:net) and the line is announced first; gRPC, the protos and the app load
// afterwards, while the host dials (grpc-server.ts, imported on demand).
import { rmSync, writeSync } from 'node:fs';
import { type Socket, createServer } from 'node:net';
import { type AutoMtlsOptions, transportSecurity } from './auto-mtls.js';
import type { BrokerOffer } from './broker.js';
import type { GrpcPluginServer, RegisterServices } from './grpc-server.js';
import {
  type HandshakeConfig,
  handshakeLine,
  hasMagicCookie,
  negotiateProtocolVersion,
  socketPath,
} from './handshake.js';
import type { PluginLogger } from './logger.js';

export type { RegisterServices };

export interface ServePluginOptions {
  /** App protocol version → registers that version's services on the server. */
  readonly versions: ReadonlyMap<number, RegisterServices>;
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

/** How long a stopped server's connections may take to close before they are cut. */
const connectionCloseMs = 1000;

/** Ignores errors of a connection nobody serves yet (the host gave up on it); its server handles them later. */
const ignoreError = (): void => undefined;

/**
 * Starts serving and returns once the app's services are registered and connections are served. The
 * handshake is announced earlier, as soon as the socket listens: the host reads it and dials while gRPC
 * loads (grpc-server.ts), and its connections wait in the listener until the server takes them. Throws when
 * the socket cannot be bound, the host's client certificate is unusable, or the server cannot start.
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

  let grpcServer: GrpcPluginServer | undefined;
  const waiting: Socket[] = [];
  const open = new Set<Socket>();
  const listener = createServer((connection) => {
    open.add(connection);
    connection.once('close', () => open.delete(connection));
    if (grpcServer !== undefined) {
      grpcServer.serve(connection);
      return;
    }
    connection.on('error', ignoreError);
    waiting.push(connection);
  });
  await new Promise<void>((resolve, reject) => {
    const refuse = (err: Error): void => {
      reject(new Error(`cannot listen on ${socket}`, { cause: err }));
    };
    listener.once('error', refuse);
    listener.listen(socket, () => {
      listener.off('error', refuse);
      resolve();
    });
  });
  // Later errors (accept failing) cost one connection, not the plugin.
  listener.on('error', (err) => {
    log.error('plugin listener error', { error: err.message });
  });

  options.onListening?.(socket);
  const handshake = handshakeLine({
    appVersion: protocolVersion,
    network: 'unix',
    address: socket,
    ...(security.serverCertificate === undefined ? {} : { serverCertificate: security.serverCertificate }),
  });
  options.announce(handshake);

  let stopping: Promise<void> | undefined;
  let resolveStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      log.debug('plugin stopping', {});
      const closed = new Promise<void>((resolve) => {
        listener.close(() => {
          resolve();
        });
      });
      await grpcServer?.stop();
      // The gRPC server's own stop does not wait for the connections it was handed to close, and the
      // host must get the last replies (Shutdown's) before the process exits: the listener's close does.
      const timer = setTimeout(() => {
        for (const connection of open) connection.destroy();
      }, connectionCloseMs);
      await closed;
      clearTimeout(timer);
      rmSync(socket, { force: true });
      resolveStopped();
    })();
    return stopping;
  };

  try {
    const { startGrpcServer } = await import('./grpc-server.js');
    grpcServer = await startGrpcServer({
      mutualTls: security.mutualTls,
      log,
      register,
      onShutdownRequest: () => void stop(),
    });
  } catch (err) {
    listener.close();
    for (const connection of waiting) connection.destroy();
    rmSync(socket, { force: true });
    throw err;
  }
  for (const connection of waiting.splice(0)) {
    connection.off('error', ignoreError);
    grpcServer.serve(connection);
  }
  log.debug('plugin serving', {
    socket,
    protocol_version: protocolVersion,
    tls: security.serverCertificate !== undefined,
  });
  const server = grpcServer;
  return {
    socket,
    handshake,
    protocolVersion,
    stopped,
    stop,
    brokerOffer: (serviceId) => server.brokerOffer(serviceId),
  };
}

export interface RunPluginOptions {
  readonly handshake: HandshakeConfig;
  /** Written to stderr when a person runs the plugin by hand (no magic cookie), newline included. */
  readonly refusal: string;
  readonly versions: ReadonlyMap<number, RegisterServices>;
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
      // Synchronous, so the line is complete on the pipe before anything else can be written; then
      // stdout has done its job, and anything a dependency prints (gRPC and the app still load) goes to
      // stderr.
      announce: (line) => {
        writeSync(1, line);
        redirectStdoutToStderr();
      },
      onListening: (path) => {
        socket = path;
      },
    });
  } catch (err) {
    options.log.error('plugin init error', { error: err instanceof Error ? err.message : String(err) });
    process.exitCode = 1;
    return;
  }
  if (signalled.terminate) void running.stop();
  await running.stopped;
  options.log.debug('plugin exited', {});
  process.exit(0);
}

function redirectStdoutToStderr(): void {
  process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]) =>
    (process.stderr.write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
}

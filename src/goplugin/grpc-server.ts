// The gRPC half of a go-plugin server, loaded only once the handshake line is out (serve.ts): @grpc/grpc-js
// and the plugin protos take longer to load than Node itself takes to start, and the host can read the
// line and dial meanwhile. This server never listens: serve.ts's listener accepts the host's connections
// and hands them over through grpc-js's connection injector, which sets each one up (TLS, HTTP/2) as a
// bound port would.
import type { Socket } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import type { MutualTlsMaterial } from './auto-mtls.js';
import { type BrokerOffer, brokerService } from './broker.js';
import { controllerService } from './controller.js';
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

/** Registers one app protocol version's services on the server (which connections wait for). */
export type RegisterServices = ((server: grpc.Server) => void) | ((server: grpc.Server) => Promise<void>);

export interface GrpcPluginServerOptions {
  /** Mutual TLS against the host's certificate; plaintext when undefined. */
  readonly mutualTls: MutualTlsMaterial | undefined;
  readonly log: PluginLogger;
  /** Registers the negotiated app protocol version's services; connections wait until it is done. */
  readonly register: RegisterServices;
  /** Called when the host asks the plugin to stop (GRPCController.Shutdown). */
  readonly onShutdownRequest: () => void;
}

export interface GrpcPluginServer {
  /** Serves a connection the listener accepted. */
  serve(connection: Socket): void;
  /** Ends the plugin's streams, then stops the server: gracefully, or hard after a second. */
  stop(): Promise<void>;
  /** Returns where the host offered a brokered connection for `serviceId`. */
  brokerOffer(serviceId: number): BrokerOffer | undefined;
}

/** Returns a server with the plugin services and the app's, ready for connections. */
export async function startGrpcServer(options: GrpcPluginServerOptions): Promise<GrpcPluginServer> {
  const protos = loadGoPluginProtos();
  const server = new grpc.Server({
    'grpc.max_receive_message_length': maxMessageBytes,
    'grpc.max_send_message_length': maxMessageBytes,
    // Per-call statistics for a channelz admin service, which a plugin never serves.
    'grpc.enable_channelz': 0,
  });
  const stdio = stdioService();
  const broker = brokerService(options.log);
  server.addService(protos.health.Health.service, healthService());
  server.addService(protos.controller.GRPCController.service, controllerService(options.onShutdownRequest));
  server.addService(protos.stdio.GRPCStdio.service, stdio.handlers);
  server.addService(protos.broker.GRPCBroker.service, broker.handlers);
  await options.register(server);

  const tls = options.mutualTls;
  const credentials =
    tls === undefined
      ? grpc.ServerCredentials.createInsecure()
      : grpc.ServerCredentials.createSsl(
          Buffer.from(tls.hostCertificatePem),
          [{ cert_chain: Buffer.from(tls.certificatePem), private_key: Buffer.from(tls.privateKeyPem) }],
          true,
        );
  const injector = server.createConnectionInjector(credentials);
  return {
    serve: (connection) => {
      injector.injectConnection(connection);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        stdio.closeAll();
        broker.closeAll();
        const timer = setTimeout(() => {
          server.forceShutdown();
        }, gracefulStopMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
    brokerOffer: (serviceId) => broker.offer(serviceId),
  };
}

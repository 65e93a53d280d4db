// Loads go-plugin's own .proto files at run time with the options the type generator uses
// (scripts/gen-proto.mjs), so src/goplugin/generated/ describes exactly what the loader produces.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { ProtoGrpcType as BrokerProto } from '../generated/grpc_broker.js';
import type { ProtoGrpcType as ControllerProto } from '../generated/grpc_controller.js';
import type { ProtoGrpcType as StdioProto } from '../generated/grpc_stdio.js';
import type { ProtoGrpcType as HealthProto } from '../generated/health.js';

/** The loader options every .proto tree of this repository is generated and loaded with. */
export const loaderOptions: protoLoader.Options = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
};

/** Returns the directory holding the .proto tree, both from sources and from a tsc build in dist/. */
function protoRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  if (existsSync(join(here, 'plugin'))) return here;
  // dist/src/goplugin/proto → src/goplugin/proto
  return fileURLToPath(new URL('../../../../src/goplugin/proto/', import.meta.url));
}

export interface GoPluginProtos {
  readonly controller: ControllerProto['plugin'];
  readonly stdio: StdioProto['plugin'];
  readonly broker: BrokerProto['plugin'];
  readonly health: HealthProto['grpc']['health']['v1'];
}

let loaded: GoPluginProtos | undefined;

/** Returns the loaded service definitions (parsed on first call). */
export function loadGoPluginProtos(): GoPluginProtos {
  if (loaded !== undefined) return loaded;
  const root = protoRoot();
  const definition = protoLoader.loadSync(
    [
      'plugin/grpc_controller.proto',
      'plugin/grpc_stdio.proto',
      'plugin/grpc_broker.proto',
      'grpc/health/v1/health.proto',
    ].map((f) => join(root, f)),
    { ...loaderOptions, includeDirs: [root] },
  );
  const objects = grpc.loadPackageDefinition(definition) as unknown as ControllerProto &
    StdioProto &
    BrokerProto &
    HealthProto;
  loaded = {
    controller: objects.plugin,
    stdio: objects.plugin,
    broker: objects.plugin,
    health: objects.grpc.health.v1,
  };
  return loaded;
}

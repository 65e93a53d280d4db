// Loads this project's .proto files at run time with the same options the type generator uses
// (scripts/gen-proto.mjs), so the generated types describe exactly what the loader produces.
// Imported only by the modules that own a wire (workloadapi, spireapi) and by test equipment.
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

export const loaderOptions: protoLoader.Options = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
};

/** Returns the directory holding the .proto tree, both from sources and from a tsc build in dist/. */
export function protoRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  if (existsSync(join(here, 'spire'))) return here;
  // dist/src/core/proto → src/core/proto
  return fileURLToPath(new URL('../../../../src/core/proto/', import.meta.url));
}

const cache = new Map<string, grpc.GrpcObject>();

/**
 * Returns the loaded package definition of one .proto file (path relative to the proto root); callers
 * cast it to the generated `ProtoGrpcType` of that file.
 */
export function loadProto(file: string): grpc.GrpcObject {
  let loaded = cache.get(file);
  if (loaded === undefined) {
    const root = protoRoot();
    const definition = protoLoader.loadSync(join(root, file), { ...loaderOptions, includeDirs: [root] });
    loaded = grpc.loadPackageDefinition(definition);
    cache.set(file, loaded);
  }
  return loaded;
}

export const protoFiles = {
  workload: 'spiffe/workload/workload.proto',
  entry: 'spire/api/server/entry/v1/entry.proto',
  agent: 'spire/api/server/agent/v1/agent.proto',
  bundle: 'spire/api/server/bundle/v1/bundle.proto',
  trustdomain: 'spire/api/server/trustdomain/v1/trustdomain.proto',
  health: 'grpc/health/v1/health.proto',
} as const;

// Loads the provider's tfplugin6 .proto at run time with the options the type generator uses
// (scripts/gen-proto.mjs), so provider/generated/ describes exactly what the loader produces. Parsing
// happens once per process, at start, and takes a few tens of milliseconds.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { ProtoGrpcType as Tfplugin6Proto } from '../generated/tfplugin6.js';

/** The same options as every other .proto tree here (scripts/gen-proto.mjs). */
const loaderOptions: protoLoader.Options = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
};

/** Returns the directory holding the .proto tree, both from sources and from a tsc build in dist/. */
function protoRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  if (existsSync(join(here, 'tfplugin6'))) return here;
  // dist/provider/proto → provider/proto
  return fileURLToPath(new URL('../../../provider/proto/', import.meta.url));
}

export interface ProviderProtos {
  readonly tfplugin6: Tfplugin6Proto['tfplugin6'];
}

let loaded: ProviderProtos | undefined;

/** Returns the loaded service definitions (parsed on first call). */
export function loadProviderProtos(): ProviderProtos {
  if (loaded !== undefined) return loaded;
  const root = protoRoot();
  const definition = protoLoader.loadSync(join(root, 'tfplugin6/tfplugin6.proto'), {
    ...loaderOptions,
    includeDirs: [root],
  });
  const objects = grpc.loadPackageDefinition(definition) as unknown as Tfplugin6Proto;
  loaded = { tfplugin6: objects.tfplugin6 };
  return loaded;
}

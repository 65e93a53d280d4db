// Loads the composer's SPIRE .proto files at run time with the options the type generator uses
// (scripts/gen-proto.mjs), so composer/generated/ describes exactly what the loader produces.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { ProtoGrpcType as ConfigProto } from '../generated/config.js';
import type { ProtoGrpcType as CredentialComposerProto } from '../generated/credentialcomposer.js';
import type { ProtoGrpcType as InitProto } from '../generated/init.js';

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
  if (existsSync(join(here, 'spire'))) return here;
  // dist/composer/proto → composer/proto
  return fileURLToPath(new URL('../../../composer/proto/', import.meta.url));
}

export interface ComposerProtos {
  readonly composer: CredentialComposerProto['spire']['plugin']['server']['credentialcomposer']['v1'];
  readonly config: ConfigProto['spire']['service']['common']['config']['v1'];
  readonly init: InitProto['spire']['service']['private']['init']['v1'];
}

let loaded: ComposerProtos | undefined;

/** Returns the loaded service definitions (parsed on first call). */
export function loadComposerProtos(): ComposerProtos {
  if (loaded !== undefined) return loaded;
  const root = protoRoot();
  const definition = protoLoader.loadSync(
    [
      'spire/plugin/server/credentialcomposer/v1/credentialcomposer.proto',
      'spire/service/common/config/v1/config.proto',
      'spire/service/private/init/v1/init.proto',
    ].map((f) => join(root, f)),
    { ...loaderOptions, includeDirs: [root] },
  );
  const objects = grpc.loadPackageDefinition(definition) as unknown as CredentialComposerProto &
    ConfigProto &
    InitProto;
  loaded = {
    composer: objects.spire.plugin.server.credentialcomposer.v1,
    config: objects.spire.service.common.config.v1,
    init: objects.spire.service.private.init.v1,
  };
  return loaded;
}

// Entry point of terraform-provider-spire: go-plugin handshake, tfplugin6 service, serve until Terraform
// shuts the provider down. `serveProvider` is exported so a test can serve a fixture provider the same way.
// Only what the handshake line needs is imported up front; the tfplugin6 service and the provider itself
// (resources, SPIRE clients, X.509) load once the line is out, before the first connection is served
// (src/goplugin/serve.ts). The bundle (scripts/package-provider.ts) keeps them in chunks of their own.
import { createLogger, levelFromEnv, runPlugin } from '../src/goplugin/index.js';
import type { Provider } from './framework/index.js';
import {
  terraformAutoMtls,
  terraformHandshake,
  terraformLogLevel,
  terraformRefusal,
} from './plugin/terraform.js';
import { enableCompileCache, flushCompileCache } from './compile-cache.js';

/** A provider to serve, loaded once the handshake is announced (its type name is needed before). */
export interface DeferredProvider<D> {
  readonly typeName: string;
  load(): Promise<Provider<D>>;
}

/** Serves `provider` as `terraform-provider-<typeName>` over protocol 6 until Terraform stops it. */
export async function serveProvider<D>(provider: Provider<D> | DeferredProvider<D>): Promise<void> {
  const name = `terraform-provider-${provider.typeName}`;
  const log = createLogger({
    module: `provider.${name}`,
    level: levelFromEnv(process.env, terraformLogLevel),
  });
  const load = async (): Promise<Provider<D>> => {
    if (!('load' in provider)) return provider;
    const loaded = await provider.load();
    if (loaded.typeName !== provider.typeName) {
      throw new Error(`${name} loaded provider ${loaded.typeName}`);
    }
    return loaded;
  };
  await runPlugin({
    handshake: terraformHandshake,
    refusal: terraformRefusal(name),
    autoMtls: terraformAutoMtls,
    log,
    versions: new Map([
      [
        6,
        async (server) => {
          const [{ loadProviderProtos }, { providerService }, served] = await Promise.all([
            import('./proto/load.js'),
            import('./tfplugin6/server.js'),
            load(),
          ]);
          const protos = loadProviderProtos();
          server.addService(protos.tfplugin6.Provider.service, providerService(served, log));
          // The provider is compiled now: keep it for the next start, which Terraform makes in a moment.
          flushCompileCache();
        },
      ],
    ]),
  });
}

if (import.meta.main) {
  // Before anything else is imported: the modules loaded after the handshake are the ones worth caching.
  enableCompileCache();
  await serveProvider({
    typeName: 'spire',
    load: async () => (await import('./provider.js')).spireProvider,
  });
}

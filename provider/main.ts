// Entry point of terraform-provider-spire: go-plugin handshake, tfplugin6 service, serve until Terraform
// shuts the provider down. `serveProvider` is exported so a test can serve a fixture provider the same way.
import type { Provider } from './framework/index.js';
import { terraformHandshake } from './plugin/handshake.js';
import { createLogger, levelFromEnv } from './plugin/logger.js';
import { runPlugin } from './plugin/serve.js';
import { spireProvider } from './provider.js';
import { loadProviderProtos } from './proto/load.js';
import { providerService } from './tfplugin6/server.js';

/** Serves `provider` as `terraform-provider-<typeName>` over protocol 6 until Terraform stops it. */
export async function serveProvider<D>(provider: Provider<D>): Promise<void> {
  const name = `terraform-provider-${provider.typeName}`;
  const log = createLogger({ module: `provider.${name}`, level: levelFromEnv(process.env) });
  const protos = loadProviderProtos();
  await runPlugin({
    name,
    handshake: terraformHandshake,
    log,
    versions: new Map([
      [
        6,
        (server) => {
          server.addService(protos.tfplugin6.Provider.service, providerService(provider, log));
        },
      ],
    ]),
  });
}

if (import.meta.main) await serveProvider(spireProvider);

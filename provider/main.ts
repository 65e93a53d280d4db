// Entry point of terraform-provider-spire: go-plugin handshake, tfplugin6 service, serve until Terraform
// shuts the provider down. `serveProvider` is exported so a test can serve a fixture provider the same way.
import { createLogger, levelFromEnv, runPlugin } from '../src/goplugin/index.js';
import type { Provider } from './framework/index.js';
import {
  terraformAutoMtls,
  terraformHandshake,
  terraformLogLevel,
  terraformRefusal,
} from './plugin/terraform.js';
import { spireProvider } from './provider.js';
import { loadProviderProtos } from './proto/load.js';
import { providerService } from './tfplugin6/server.js';

/** Serves `provider` as `terraform-provider-<typeName>` over protocol 6 until Terraform stops it. */
export async function serveProvider<D>(provider: Provider<D>): Promise<void> {
  const name = `terraform-provider-${provider.typeName}`;
  const log = createLogger({
    module: `provider.${name}`,
    level: levelFromEnv(process.env, terraformLogLevel),
  });
  const protos = loadProviderProtos();
  await runPlugin({
    handshake: terraformHandshake,
    refusal: terraformRefusal(name),
    autoMtls: terraformAutoMtls,
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

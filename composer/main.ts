// Entry point of spire-credentialcomposer-k8s: SPIRE's go-plugin handshake (no AutoMTLS), the Init,
// Config and CredentialComposer services, serve until SPIRE shuts the plugin down.
import { createLogger, levelFromEnv, runPlugin } from '../src/goplugin/index.js';
import { composerPlugin, pluginType } from './plugin.js';

export const pluginName = 'spire-credentialcomposer-k8s';

/** SPIRE's handshake: the plugin type is the magic cookie's key and value (spire external.go loadExternal). */
export const spireHandshake = { cookieKey: pluginType, cookieValue: pluginType } as const;

const refusal =
  `${pluginName} is a SPIRE server plugin: spire-server starts it and talks to it over gRPC.\n` +
  'It is not meant to be run by hand. Configure it in server.conf:\n' +
  '  plugins { CredentialComposer "k8s" { plugin_cmd = "<this file>" plugin_checksum = "<sha256>"\n' +
  '    plugin_data_file = "<rules.json>" } }\n' +
  'See docs/composer.md.\n';

/** Serves the plugin until SPIRE stops it. */
export async function serveComposer(): Promise<void> {
  // SPIRE filters the plugin's log lines by its own log level, so the plugin writes debug and up.
  const log = createLogger({
    module: pluginName,
    level: levelFromEnv(process.env, {
      variables: ['SPIRE_CREDENTIALCOMPOSER_K8S_LOG_LEVEL'],
      fallback: 'debug',
    }),
  });
  const plugin = composerPlugin({ log });
  await runPlugin({
    handshake: spireHandshake,
    refusal,
    log,
    // SPIRE's loader asks for app protocol version 1 (spire external.go HandshakeConfig.ProtocolVersion).
    versions: new Map([
      [
        1,
        (server) => {
          plugin.register(server);
        },
      ],
    ]),
  });
}

if (import.meta.main) await serveComposer();

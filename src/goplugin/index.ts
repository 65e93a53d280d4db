// Public API of goplugin: serving a HashiCorp go-plugin gRPC plugin from Node, shared by the Terraform
// provider (provider/) and the SPIRE CredentialComposer plugin (composer/). It knows nothing of either:
// the magic cookie, the app protocol versions and the app's services come from the caller.
export { coreProtocolVersion, hasMagicCookie, type HandshakeConfig } from './handshake.js';
export type { AutoMtlsOptions } from './auto-mtls.js';
export type { BrokerOffer } from './broker.js';
export {
  createLogger,
  levelFromEnv,
  silentPluginLogger,
  type LogLevel,
  type LoggerOptions,
  type PluginLogger,
} from './logger.js';
export {
  runPlugin,
  servePlugin,
  type RunPluginOptions,
  type RunningPlugin,
  type ServePluginOptions,
} from './serve.js';

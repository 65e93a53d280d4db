// What makes the shared go-plugin server (src/goplugin) a Terraform provider: Terraform's and OpenTofu's
// handshake, the message for a person who runs the provider by hand, and where the log level comes from.
import type { HandshakeConfig, LogLevel } from '../../src/goplugin/index.js';

/** Terraform's and OpenTofu's handshake (terraform internal/plugin6/serve.go). */
export const terraformHandshake: HandshakeConfig = {
  cookieKey: 'TF_PLUGIN_MAGIC_COOKIE',
  cookieValue: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2',
};

/** Returns what the provider prints to stderr when a person runs it by hand. */
export function terraformRefusal(name: string): string {
  return (
    `${name} is a plugin: Terraform or OpenTofu starts it and talks to it over gRPC.\n` +
    'It is not meant to be run by hand. To use a local build, point a dev_overrides or filesystem_mirror\n' +
    'entry of your Terraform CLI configuration at it (see provider/README.md).\n'
  );
}

/** The variables terraform-plugin-log reads for a provider's level, first match wins. */
export const terraformLogLevel: { readonly variables: readonly string[]; readonly fallback: LogLevel } = {
  variables: ['TF_LOG_PROVIDER', 'TF_LOG'],
  fallback: 'info',
};

/** The O of the provider's AutoMTLS certificate. */
export const terraformAutoMtls = { organization: 'terraform-provider-spire' } as const;

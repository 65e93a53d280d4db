// A kubeconfig for a component that authenticates with an X509-SVID: one cluster (the real API server URL
// and the trust bundle), one user (client certificate and key), one context. Files are referenced by path
// (as Tarmak's kubeconfig.erb did, so certificate rotation needs no kubeconfig rewrite) or embedded as
// base64 data. The YAML is written here with every string double-quoted (JSON string syntax is valid YAML),
// so no value can change the document's structure.
import type { FileAccess, WriteOutcome } from './atomic-write.js';
import { ensureDirectory, writeFileIfChanged } from './atomic-write.js';
import { dirname } from 'node:path';

export interface KubeconfigFiles {
  readonly cert: string;
  readonly key: string;
  readonly ca: string;
}

export interface KubeconfigContent {
  /** API server URL, e.g. https://api.cluster.example:6443. */
  readonly server: string;
  /** Default "default" (Tarmak's name). */
  readonly clusterName?: string;
  /** Default "default". */
  readonly userName?: string;
  /** Default "default". */
  readonly contextName?: string;
  /** Paths referenced from the kubeconfig. */
  readonly files: KubeconfigFiles;
  /** File contents to embed instead of referencing `files`. */
  readonly embed?: { readonly cert: Uint8Array; readonly key: Uint8Array; readonly ca: Uint8Array };
}

function quote(value: string): string {
  return JSON.stringify(value);
}

function base64(data: Uint8Array): string {
  return Buffer.from(data).toString('base64');
}

/** Returns the kubeconfig YAML for `content`. */
export function renderKubeconfig(content: KubeconfigContent): string {
  const cluster = content.clusterName ?? 'default';
  const user = content.userName ?? 'default';
  const context = content.contextName ?? 'default';
  const embed = content.embed;
  const caLine =
    embed === undefined
      ? `      certificate-authority: ${quote(content.files.ca)}`
      : `      certificate-authority-data: ${quote(base64(embed.ca))}`;
  const userLines =
    embed === undefined
      ? [
          `      client-certificate: ${quote(content.files.cert)}`,
          `      client-key: ${quote(content.files.key)}`,
        ]
      : [
          `      client-certificate-data: ${quote(base64(embed.cert))}`,
          `      client-key-data: ${quote(base64(embed.key))}`,
        ];
  return [
    '# Written by spire-helper kubeconfig; changes are overwritten.',
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `  - name: ${quote(cluster)}`,
    '    cluster:',
    `      server: ${quote(content.server)}`,
    caLine,
    'users:',
    `  - name: ${quote(user)}`,
    '    user:',
    ...userLines,
    'contexts:',
    `  - name: ${quote(context)}`,
    '    context:',
    `      cluster: ${quote(cluster)}`,
    `      user: ${quote(user)}`,
    `current-context: ${quote(context)}`,
    'preferences: {}',
    '',
  ].join('\n');
}

/**
 * Writes the kubeconfig to `path` atomically unless it already holds the same text (mode and owner are
 * re-applied either way); missing directories are created with `dirAccess`.
 */
export async function writeKubeconfig(
  path: string,
  content: KubeconfigContent,
  access: FileAccess,
  dirAccess: FileAccess,
): Promise<WriteOutcome> {
  await ensureDirectory(dirname(path), dirAccess);
  return writeFileIfChanged(path, renderKubeconfig(content), access);
}

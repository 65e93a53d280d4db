// A cloud-init `#cloud-config` writer: files to write (with modes) and commands to run once at first boot.
// Keys: cloud-init's cc_write_files (`path`, `content`, `owner`, `permissions` as an octal string) and
// cc_runcmd (a list entry that is itself a list is executed without a shell).
// cloud-init reads the document with PyYAML, a YAML 1.1 parser: the text is written in YAML 1.1 so that
// strings such as "0600", "yes" or "on" stay strings (quoted) instead of becoming numbers or booleans.
import { stringify } from 'yaml';

export interface CloudInitFile {
  readonly path: string;
  readonly content: string;
  /** Octal mode as a string ("0600"). */
  readonly permissions: string;
  /** "user:group"; cloud-init's default is root:root. */
  readonly owner?: string;
}

export interface CloudConfig {
  readonly writeFiles: readonly CloudInitFile[];
  /** Commands run once, in order, at the end of first boot; each is argv (no shell). */
  readonly runcmd: readonly (readonly string[])[];
}

/** cloud-init recognises a cloud-config document by this first line. */
export const CLOUD_CONFIG_HEADER = '#cloud-config';

/** Returns the user-data text of `config`: the `#cloud-config` header, then YAML 1.1. */
export function renderCloudConfig(config: CloudConfig): string {
  const document = {
    write_files: config.writeFiles.map((file) => ({
      path: file.path,
      content: file.content,
      owner: file.owner ?? 'root:root',
      permissions: file.permissions,
    })),
    runcmd: config.runcmd.map((argv) => [...argv]),
  };
  // lineWidth 0: never fold long strings (a folded join token would still parse, but reads badly).
  const yaml = stringify(document, { version: '1.1', lineWidth: 0, blockQuote: 'literal' });
  return `${CLOUD_CONFIG_HEADER}\n${yaml}`;
}

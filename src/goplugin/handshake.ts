// The go-plugin handshake, seen from the plugin (go-plugin server.go Serve, client.go Start): check the
// magic cookie, pick the app protocol version, and print one line on stdout telling the host where to
// connect:  CORE|APP|NETWORK|ADDRESS|PROTOCOL|SERVERCERT
import { randomInt } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** go-plugin's core protocol version; the host requires exactly this. */
export const coreProtocolVersion = 1;

/** What host and plugin agree on before anything else: the magic cookie (an environment variable). */
export interface HandshakeConfig {
  readonly cookieKey: string;
  readonly cookieValue: string;
}

/**
 * Returns true when a plugin host started this process: the magic cookie is set to exactly the
 * agreed value. Not a security check: it only lets a plugin run by hand explain itself instead of hanging
 * (go-plugin server.go Serve).
 */
export function hasMagicCookie(
  env: Readonly<Record<string, string | undefined>>,
  handshake: HandshakeConfig,
): boolean {
  return env[handshake.cookieKey] === handshake.cookieValue;
}

/**
 * Returns the app protocol version to serve: the highest one both sides support, read from the host's
 * PLUGIN_PROTOCOL_VERSIONS ("5,6" in any order). Without a common version it returns our lowest, and the
 * host reports the mismatch (go-plugin server.go protocolVersion).
 */
export function negotiateProtocolVersion(offered: string | undefined, supported: readonly number[]): number {
  const ours = [...supported].sort((a, b) => b - a);
  const theirs = new Set(
    (offered ?? '')
      .split(',')
      .map((v) => Number(v.trim()))
      .filter((v) => Number.isInteger(v)),
  );
  return ours.find((v) => theirs.has(v)) ?? ours.at(-1) ?? 0;
}

/** Linux sun_path holds 108 bytes including the terminating NUL. */
const maxSocketPathBytes = 107;

/**
 * Returns a fresh socket path in PLUGIN_UNIX_SOCKET_DIR, else the temp directory, named like Go's
 * os.CreateTemp(dir, "plugin"). Throws when the path would not fit in a unix socket address.
 */
export function socketPath(env: Readonly<Record<string, string | undefined>>): string {
  const dir =
    env.PLUGIN_UNIX_SOCKET_DIR !== undefined && env.PLUGIN_UNIX_SOCKET_DIR !== ''
      ? env.PLUGIN_UNIX_SOCKET_DIR
      : tmpdir();
  const path = join(dir, `plugin${String(randomInt(1e9)).padStart(9, '0')}`);
  if (Buffer.byteLength(path) > maxSocketPathBytes) {
    throw new Error(
      `socket path ${path} is longer than ${maxSocketPathBytes} bytes; set PLUGIN_UNIX_SOCKET_DIR to a shorter directory`,
    );
  }
  return path;
}

export interface HandshakeFields {
  readonly appVersion: number;
  readonly network: 'unix' | 'tcp';
  readonly address: string;
  /** The server certificate (DER) when serving TLS; omitted for plaintext. */
  readonly serverCertificate?: Uint8Array;
}

/**
 * Returns the handshake line, newline included. The certificate is raw DER in standard base64 without
 * padding (Go's base64.RawStdEncoding): Terraform rejects a trailing "=".
 */
export function handshakeLine(fields: HandshakeFields): string {
  const cert =
    fields.serverCertificate === undefined
      ? ''
      : Buffer.from(fields.serverCertificate).toString('base64').replace(/=+$/, '');
  return `${coreProtocolVersion}|${fields.appVersion}|${fields.network}|${fields.address}|grpc|${cert}\n`;
}

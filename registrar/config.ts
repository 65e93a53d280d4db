// Command-line options of spire-node-registrar, checked before anything is contacted.
import { parseArgs } from 'node:util';
import { TrustDomain } from '../src/core/spiffeid/index.js';
import { RegistrarError } from './errors.js';
import { DEFAULT_ENTRY_ID_PREFIX, prefixProblem } from './ids.js';
import { LOG_LEVELS, type LogFormat, type LogLevel } from './log.js';
import { DEFAULT_INTERVAL_MS } from './registrar.js';

/** SPIRE's default server socket_path (doc/spire_server.md). */
export const DEFAULT_SOCKET_PATH = '/tmp/spire-server/private/api.sock';
export const DEFAULT_TIMEOUT_SECONDS = 30;

export type ServerTarget =
  | { readonly kind: 'unix'; readonly socketPath: string }
  | {
      readonly kind: 'tcp';
      readonly addresses: readonly string[];
      readonly bundleFile: string;
      readonly svidCertFile: string;
      readonly svidKeyFile: string;
      readonly serverSpiffeId?: string;
    };

export interface RegistrarConfig {
  readonly server: ServerTarget;
  /** Required for TCP; over the socket it is read from the server when absent. */
  readonly trustDomain?: TrustDomain;
  readonly prefix: string;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly ec2: false | { readonly endpoint?: string };
  readonly once: boolean;
  readonly dryRun: boolean;
  readonly logLevel: LogLevel;
  readonly logFormat: LogFormat;
}

export type ParsedArgs =
  { readonly help: true } | { readonly version: true } | { readonly config: RegistrarConfig };

export const USAGE = `Usage: spire-node-registrar [options]

Creates per-node registration entries (kubelet, kube-proxy, …) for attested SPIRE agents whose selectors
match a role declared with Terraform's spire_node_role, and deletes them when the agent is evicted, banned
or gone. Run one beside each SPIRE server; several at once are safe. See docs/registrar.md.

Server connection (default: the local admin socket):
  --socket PATH              SPIRE server admin socket (default ${DEFAULT_SOCKET_PATH})
  --address HOST:PORT        TCP listener with mTLS instead; repeat for fail-over across HA servers
  --trust-domain NAME        required with --address; read from the server over the socket
  --server-bundle FILE       TCP: PEM roots the server's SVID must chain to
  --admin-svid-cert FILE     TCP: admin X509-SVID, leaf first (re-read when it changes)
  --admin-svid-key FILE      TCP: its PKCS#8 private key
  --server-spiffe-id ID      TCP: the server's SPIFFE ID (default spiffe://<trust domain>/spire/server)
  --timeout SECONDS          deadline of each SPIRE call (default ${DEFAULT_TIMEOUT_SECONDS})

Behaviour:
  --entry-id-prefix PREFIX   ownership prefix of entry IDs; must match spire_node_role's (default ${DEFAULT_ENTRY_ID_PREFIX})
  --interval SECONDS         time between polls of the agent list (default ${DEFAULT_INTERVAL_MS / 1000})
  --ec2                      allow {ec2:…} placeholders: look nodes up with EC2 DescribeInstances
  --ec2-endpoint URL         EC2 endpoint, "{region}" replaced (default https://ec2.{region}.amazonaws.com)
  --once                     run one cycle and exit with its outcome
  --dry-run                  log the changes a cycle would make, write nothing
  --log-level LEVEL          debug, info, warn or error (default info)
  --log-format FORMAT        text or json (default text)
  --help, --version

Exit codes: 0 stopped by a signal, or --once complete; 1 internal error; 2 configuration; 3 SPIRE server
unreachable (--once); 4 refused by the server (--once); 5 --once left work undone (failed writes, invalid
roles, nodes skipped).
`;

function configError(message: string): RegistrarError {
  return new RegistrarError('CONFIG', message);
}

const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):\d{1,5}$/;

/** Returns the configuration for the command-line arguments; throws RegistrarError CONFIG. */
export function parseCommandLine(args: readonly string[]): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        socket: { type: 'string' },
        address: { type: 'string', multiple: true },
        'trust-domain': { type: 'string' },
        'server-bundle': { type: 'string' },
        'admin-svid-cert': { type: 'string' },
        'admin-svid-key': { type: 'string' },
        'server-spiffe-id': { type: 'string' },
        timeout: { type: 'string' },
        'entry-id-prefix': { type: 'string' },
        interval: { type: 'string' },
        ec2: { type: 'boolean' },
        'ec2-endpoint': { type: 'string' },
        once: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        'log-level': { type: 'string' },
        'log-format': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw configError(`${err instanceof Error ? err.message : String(err)} (see --help)`);
  }
  if (values.help === true) return { help: true };
  if (values.version === true) return { version: true };

  const seconds = (name: string, text: string | undefined, fallback: number, max: number): number => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || !(value > 0) || value > max)
      throw configError(
        `--${name} must be a number of seconds between 0 and ${max}, got ${JSON.stringify(text)}`,
      );
    return value;
  };

  let trustDomain: TrustDomain | undefined;
  if (values['trust-domain'] !== undefined) {
    try {
      trustDomain = TrustDomain.parse(values['trust-domain']);
    } catch (err) {
      throw configError(`--trust-domain: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  const addresses = values.address ?? [];
  const tcpFlags = (
    ['server-bundle', 'admin-svid-cert', 'admin-svid-key', 'server-spiffe-id'] as const
  ).filter((name) => values[name] !== undefined);
  let server: ServerTarget;
  if (addresses.length > 0) {
    if (values.socket !== undefined) throw configError('give --socket or --address, not both');
    for (const address of addresses)
      if (!HOST_PORT.test(address))
        throw configError(`--address ${JSON.stringify(address)} must be host:port`);
    if (trustDomain === undefined)
      throw configError('--address needs --trust-domain: the server SVID is checked against it');
    const bundleFile = values['server-bundle'];
    const svidCertFile = values['admin-svid-cert'];
    const svidKeyFile = values['admin-svid-key'];
    if (bundleFile === undefined || svidCertFile === undefined || svidKeyFile === undefined)
      throw configError('--address needs --server-bundle, --admin-svid-cert and --admin-svid-key');
    server = {
      kind: 'tcp',
      addresses,
      bundleFile,
      svidCertFile,
      svidKeyFile,
      ...(values['server-spiffe-id'] === undefined ? {} : { serverSpiffeId: values['server-spiffe-id'] }),
    };
  } else {
    if (tcpFlags.length > 0) throw configError(`--${tcpFlags[0] ?? ''} only applies with --address`);
    const socketPath = (values.socket ?? DEFAULT_SOCKET_PATH).replace(/^unix:(\/\/)?/, '');
    if (socketPath === '') throw configError('--socket must not be empty');
    server = { kind: 'unix', socketPath };
  }

  const prefix = values['entry-id-prefix'] ?? DEFAULT_ENTRY_ID_PREFIX;
  const problem = prefixProblem(prefix);
  if (problem !== undefined) throw configError(`--entry-id-prefix ${JSON.stringify(prefix)} ${problem}`);

  const logLevel = values['log-level'] ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    throw configError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(logLevel)}`);
  const logFormat = values['log-format'] ?? 'text';
  if (logFormat !== 'text' && logFormat !== 'json')
    throw configError(`--log-format must be text or json, got ${JSON.stringify(logFormat)}`);

  const ec2Endpoint = values['ec2-endpoint'];
  if (ec2Endpoint !== undefined) {
    if (values.ec2 !== true) throw configError('--ec2-endpoint only applies with --ec2');
    let url: URL;
    try {
      url = new URL(ec2Endpoint.replace('{region}', 'region'));
    } catch {
      throw configError(`--ec2-endpoint ${JSON.stringify(ec2Endpoint)} is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw configError(`--ec2-endpoint must be an http(s) URL, got ${JSON.stringify(ec2Endpoint)}`);
  }

  return {
    config: {
      server,
      ...(trustDomain === undefined ? {} : { trustDomain }),
      prefix,
      intervalMs: Math.round(seconds('interval', values.interval, DEFAULT_INTERVAL_MS / 1000, 86_400) * 1000),
      timeoutMs: Math.round(seconds('timeout', values.timeout, DEFAULT_TIMEOUT_SECONDS, 3600) * 1000),
      ec2: values.ec2 === true ? (ec2Endpoint === undefined ? {} : { endpoint: ec2Endpoint }) : false,
      once: values.once === true,
      dryRun: values['dry-run'] === true,
      logLevel: logLevel as LogLevel,
      logFormat,
    },
  };
}

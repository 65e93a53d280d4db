// The provider block: its schema, plan-time checks, the environment fallbacks, and `configure`, which
// turns the settings into a SPIRE Server API client, the trust domain and the entry store.
//
// A configuration that names no address (nor SPIRE_ADDRESS) may not need a server at all: the
// spire_server_config / spire_agent_config / spire_cluster data sources only render. So without an
// address, configure connects only when the default socket exists, and otherwise hands out provider data
// whose SPIRE parts fail when first used, with an error naming the attributes and variables to set.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import type { X509Bundle } from '../src/core/bundle/index.js';
import { TrustDomain } from '../src/core/spiffeid/index.js';
import type { AdminSvid, SpireServerClient } from '../src/core/spireapi/index.js';
import type { AttributePath, ConfigModel, Diagnostics, ModelOf, RequestContext } from './framework/index.js';
import { Dynamic, Unknown, attribute, defineSchema, errorDetail, validators } from './framework/index.js';
import { EntryStore } from './entry-store.js';
import type { ProviderData } from './provider-data.js';

/** SPIRE's default server socket_path (doc/spire_server.md). */
export const DEFAULT_SOCKET_PATH = '/tmp/spire-server/private/api.sock';
export const DEFAULT_ENTRY_ID_PREFIX = 'tf-';
export const DEFAULT_TIMEOUT_SECONDS = 30;
/** How long a TCP probe of one server may take when several addresses are configured. */
const PROBE_TIMEOUT_MS = 1_000;

/** Environment variables read when an attribute is not set in the provider block. */
export const ENV = {
  address: 'SPIRE_ADDRESS',
  trustDomain: 'SPIRE_TRUST_DOMAIN',
  entryIdPrefix: 'SPIRE_ENTRY_ID_PREFIX',
  adminSvidCertFile: 'SPIRE_ADMIN_SVID_CERT_FILE',
  adminSvidKeyFile: 'SPIRE_ADMIN_SVID_KEY_FILE',
  workloadApiSocket: 'SPIRE_WORKLOAD_API_SOCKET',
  serverBundleFile: 'SPIRE_SERVER_BUNDLE_FILE',
  serverSpiffeId: 'SPIRE_SERVER_SPIFFE_ID',
  timeoutSeconds: 'SPIRE_TIMEOUT_SECONDS',
  allowForeignEntries: 'SPIRE_ALLOW_FOREIGN_ENTRIES',
} as const;

// SPIRE sqlstore.go validEntryIDChars: entry IDs are at most 255 bytes of [A-Za-z0-9._-].
export const ENTRY_ID_CHARS = /^[A-Za-z0-9._-]+$/;
export const ENTRY_ID_MAX_BYTES = 255;
/** Room left after the prefix for a generated suffix (26 characters of a ULID). */
const GENERATED_SUFFIX_LENGTH = 26;

export const providerSchema = defineSchema({
  description:
    'Manages registration entries, join tokens, federation and bundles on SPIRE servers, over the local ' +
    'admin socket or over TCP with mTLS and an admin X509-SVID.',
  attributes: {
    address: attribute.dynamic({
      optional: true,
      description:
        `SPIRE server address: \`unix:///path/to/api.sock\`, or \`host:port\` of the TCP listener, or a list ` +
        `of \`host:port\` (an HA cluster; calls fail over on UNAVAILABLE). Env \`${ENV.address}\` ` +
        `(comma-separated). Default \`unix://${DEFAULT_SOCKET_PATH}\`.`,
    }),
    trust_domain: attribute.string({
      optional: true,
      description: `The servers' trust domain. Required for TCP; over the unix socket it is read from the server when unset. Env \`${ENV.trustDomain}\`.`,
    }),
    admin_svid_cert_file: attribute.string({
      optional: true,
      description: `TCP: PEM file with the admin X509-SVID (leaf first, then intermediates). Env \`${ENV.adminSvidCertFile}\`.`,
    }),
    admin_svid_key_file: attribute.string({
      optional: true,
      description: `TCP: PEM (PKCS#8) private key of the admin X509-SVID. Env \`${ENV.adminSvidKeyFile}\`.`,
    }),
    workload_api_socket: attribute.string({
      optional: true,
      description:
        `TCP: fetch the admin X509-SVID (and, unless \`server_bundle_file\` is set, the server bundle) from ` +
        `this SPIFFE Workload API socket (\`unix:///path\`). Env \`${ENV.workloadApiSocket}\`.`,
    }),
    server_bundle_file: attribute.string({
      optional: true,
      description: `TCP: the trust bundle the server's SVID must chain to, as PEM certificates or a SPIFFE bundle (JSON). Env \`${ENV.serverBundleFile}\`.`,
    }),
    server_spiffe_id: attribute.string({
      optional: true,
      description: `TCP: the SPIFFE ID the server must present. Default \`spiffe://<trust_domain>/spire/server\`. Env \`${ENV.serverSpiffeId}\`.`,
    }),
    entry_id_prefix: attribute.string({
      optional: true,
      description:
        `Ownership prefix: entries this provider creates get IDs starting with it, and it never updates or ` +
        `deletes an entry whose ID does not. Default \`${DEFAULT_ENTRY_ID_PREFIX}\`. Env \`${ENV.entryIdPrefix}\`.`,
      validators: [
        validators.matches(ENTRY_ID_CHARS, 'letters, digits, ".", "_" or "-" (SPIRE entry ID characters)'),
        validators.lengthBetween(1, ENTRY_ID_MAX_BYTES - GENERATED_SUFFIX_LENGTH),
      ],
    }),
    allow_foreign_entries: attribute.bool({
      optional: true,
      description:
        `Allow \`terraform import\` of entries whose ID is outside \`entry_id_prefix\`, and let the provider ` +
        `update and delete such imported entries. Default false. Env \`${ENV.allowForeignEntries}\`.`,
    }),
    timeout_seconds: attribute.number({
      optional: true,
      description: `Deadline of each SPIRE API call in seconds. Default ${DEFAULT_TIMEOUT_SECONDS}. Env \`${ENV.timeoutSeconds}\`.`,
      validators: [validators.integerBetween(1, 3600)],
    }),
  },
});

export type ProviderConfig = ModelOf<typeof providerSchema>;

/** Where the provider connects: the local socket, or TCP addresses. */
export type Target =
  | { readonly kind: 'unix'; readonly socketPath: string }
  | { readonly kind: 'tcp'; readonly addresses: readonly string[] };

/** The provider block after environment fallbacks and defaults, checked. */
export interface Settings {
  readonly target: Target;
  /** True when neither `address` nor SPIRE_ADDRESS was set, so `target` is SPIRE's default socket. */
  readonly addressIsDefault: boolean;
  readonly trustDomain?: TrustDomain;
  readonly adminSvid?:
    | { readonly from: 'files'; readonly certFile: string; readonly keyFile: string }
    | { readonly from: 'workload-api'; readonly socket: string };
  readonly serverBundleFile?: string;
  readonly serverSpiffeId?: string;
  readonly entryIdPrefix: string;
  readonly allowForeignEntries: boolean;
  readonly timeoutSeconds: number;
}

const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):\d{1,5}$/;

/** Returns the address list of the `address` attribute, or a problem with its shape. */
function addressList(value: Dynamic): string[] | string {
  if (typeof value.type === 'string') {
    return value.type === 'string' && typeof value.value === 'string'
      ? [value.value]
      : 'must be a string or a list of strings';
  }
  const kind = value.type[0];
  if ((kind === 'list' || kind === 'set' || kind === 'tuple') && Array.isArray(value.value)) {
    const items = value.value as readonly unknown[];
    if (items.every((v): v is string => typeof v === 'string')) return [...items];
  }
  return 'must be a string or a list of strings';
}

/** Returns the target for a list of addresses, or a problem naming the bad one. */
export function parseAddresses(addresses: readonly string[]): Target | string {
  if (addresses.length === 0) return 'must name at least one address';
  const unix: string[] = [];
  const tcp: string[] = [];
  for (const raw of addresses) {
    const address = raw.trim();
    if (address.startsWith('unix://')) unix.push(address.slice('unix://'.length));
    else if (address.startsWith('unix:')) unix.push(address.slice('unix:'.length));
    else if (address.startsWith('/')) unix.push(address);
    else if (HOST_PORT.test(address.replace(/^tcp:\/\//, ''))) tcp.push(address.replace(/^tcp:\/\//, ''));
    else return `"${raw}" is neither unix:///path nor host:port`;
  }
  if (unix.length > 0 && tcp.length > 0) return 'cannot mix a unix socket with TCP addresses';
  if (unix.length > 1) return 'takes one unix socket (SPIRE serves its local API on one socket per server)';
  const [socketPath] = unix;
  if (socketPath !== undefined) {
    if (!socketPath.startsWith('/'))
      return `unix socket path "${socketPath}" must be absolute (unix:///path)`;
    return { kind: 'unix', socketPath };
  }
  return { kind: 'tcp', addresses: tcp };
}

const addressPath: AttributePath = [{ attribute: 'address' }];

/** Plan-time checks of the provider block (values from the environment are checked in configure). */
export function validateProviderConfig(
  config: ConfigModel<ProviderConfig>,
  { diagnostics }: { readonly diagnostics: Diagnostics },
): void {
  if (config.address instanceof Dynamic) {
    const list = addressList(config.address);
    const target = typeof list === 'string' ? list : parseAddresses(list);
    if (typeof target === 'string')
      diagnostics.addError('Invalid SPIRE address', `address ${target}`, addressPath);
  }
  if (typeof config.trust_domain === 'string') {
    try {
      TrustDomain.parse(config.trust_domain);
    } catch (err) {
      diagnostics.addError('Invalid trust domain', errorText(err), [{ attribute: 'trust_domain' }]);
    }
  }
  const certSet = typeof config.admin_svid_cert_file === 'string';
  const keySet = typeof config.admin_svid_key_file === 'string';
  if (
    certSet !== keySet &&
    !(config.admin_svid_cert_file instanceof Unknown) &&
    !(config.admin_svid_key_file instanceof Unknown)
  ) {
    diagnostics.addError(
      'Incomplete admin SVID',
      'admin_svid_cert_file and admin_svid_key_file go together: set both, or neither.',
      [{ attribute: certSet ? 'admin_svid_key_file' : 'admin_svid_cert_file' }],
    );
  }
  if (certSet && typeof config.workload_api_socket === 'string') {
    diagnostics.addError(
      'Conflicting admin SVID sources',
      'Set either admin_svid_cert_file/admin_svid_key_file or workload_api_socket, not both.',
      [{ attribute: 'workload_api_socket' }],
    );
  }
}

/**
 * Returns the settings of a configuration with environment fallbacks applied, or adds diagnostics (with
 * the attribute path when the value came from the configuration) and returns undefined.
 */
export function resolveSettings(
  config: ProviderConfig,
  env: NodeJS.ProcessEnv,
  diagnostics: Diagnostics,
): Settings | undefined {
  const fromEnv = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const pick = (value: string | null, name: string): string | undefined => value ?? fromEnv(name);

  let addresses: readonly string[];
  let addressSource: AttributePath | undefined;
  if (config.address !== null) {
    const list = addressList(config.address);
    if (typeof list === 'string') {
      diagnostics.addError('Invalid SPIRE address', `address ${list}`, addressPath);
      return undefined;
    }
    addresses = list;
    addressSource = addressPath;
  } else {
    const value = fromEnv(ENV.address);
    addresses =
      value === undefined ? [`unix://${DEFAULT_SOCKET_PATH}`] : value.split(',').map((a) => a.trim());
  }
  const target = parseAddresses(addresses);
  if (typeof target === 'string') {
    diagnostics.addError(
      'Invalid SPIRE address',
      addressSource === undefined ? `${ENV.address} ${target}` : `address ${target}`,
      addressSource,
    );
    return undefined;
  }

  let trustDomain: TrustDomain | undefined;
  const tdText = pick(config.trust_domain, ENV.trustDomain);
  if (tdText !== undefined) {
    try {
      trustDomain = TrustDomain.parse(tdText);
    } catch (err) {
      diagnostics.addError(
        'Invalid trust domain',
        config.trust_domain === null ? `${ENV.trustDomain}: ${errorText(err)}` : errorText(err),
        config.trust_domain === null ? undefined : [{ attribute: 'trust_domain' }],
      );
      return undefined;
    }
  }

  const prefix = pick(config.entry_id_prefix, ENV.entryIdPrefix) ?? DEFAULT_ENTRY_ID_PREFIX;
  if (!ENTRY_ID_CHARS.test(prefix) || prefix.length > ENTRY_ID_MAX_BYTES - GENERATED_SUFFIX_LENGTH) {
    diagnostics.addError(
      'Invalid entry ID prefix',
      `${config.entry_id_prefix === null ? ENV.entryIdPrefix : 'entry_id_prefix'} must be 1 to ${ENTRY_ID_MAX_BYTES - GENERATED_SUFFIX_LENGTH} of letters, digits, ".", "_" or "-", got ${JSON.stringify(prefix)}`,
      config.entry_id_prefix === null ? undefined : [{ attribute: 'entry_id_prefix' }],
    );
    return undefined;
  }

  let timeoutSeconds = config.timeout_seconds ?? DEFAULT_TIMEOUT_SECONDS;
  const timeoutEnv = config.timeout_seconds === null ? fromEnv(ENV.timeoutSeconds) : undefined;
  if (timeoutEnv !== undefined) {
    timeoutSeconds = Number(timeoutEnv);
    if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > 3600) {
      diagnostics.addError(
        'Invalid timeout',
        `${ENV.timeoutSeconds} must be a whole number of seconds from 1 to 3600, got ${JSON.stringify(timeoutEnv)}`,
      );
      return undefined;
    }
  }

  let allowForeignEntries = config.allow_foreign_entries ?? false;
  const foreignEnv = config.allow_foreign_entries === null ? fromEnv(ENV.allowForeignEntries) : undefined;
  if (foreignEnv !== undefined) {
    if (!/^(true|false|1|0)$/i.test(foreignEnv)) {
      diagnostics.addError(
        'Invalid allow_foreign_entries',
        `${ENV.allowForeignEntries} must be true or false, got ${JSON.stringify(foreignEnv)}`,
      );
      return undefined;
    }
    allowForeignEntries = /^(true|1)$/i.test(foreignEnv);
  }

  const certFile = pick(config.admin_svid_cert_file, ENV.adminSvidCertFile);
  const keyFile = pick(config.admin_svid_key_file, ENV.adminSvidKeyFile);
  const workloadSocket = pick(config.workload_api_socket, ENV.workloadApiSocket);
  const serverBundleFile = pick(config.server_bundle_file, ENV.serverBundleFile);
  const serverSpiffeId = pick(config.server_spiffe_id, ENV.serverSpiffeId);

  let adminSvid: Settings['adminSvid'];
  if (target.kind === 'tcp') {
    if (trustDomain === undefined) {
      diagnostics.addError(
        'Missing trust domain',
        `trust_domain (or ${ENV.trustDomain}) is required with a TCP address: the server's SVID is checked against it.`,
        [{ attribute: 'trust_domain' }],
      );
      return undefined;
    }
    if (certFile !== undefined && keyFile !== undefined) {
      adminSvid = { from: 'files', certFile, keyFile };
    } else if (workloadSocket !== undefined && certFile === undefined && keyFile === undefined) {
      adminSvid = { from: 'workload-api', socket: workloadSocket };
    } else {
      diagnostics.addError(
        'Missing admin SVID',
        'A TCP address needs an admin X509-SVID: set admin_svid_cert_file and admin_svid_key_file, or ' +
          `workload_api_socket (or ${ENV.adminSvidCertFile}/${ENV.adminSvidKeyFile}, ${ENV.workloadApiSocket}).`,
      );
      return undefined;
    }
    if (serverBundleFile === undefined && adminSvid.from === 'files') {
      diagnostics.addError(
        'Missing server bundle',
        `server_bundle_file (or ${ENV.serverBundleFile}) is required with a TCP address and SVID files: it pins the server's identity.`,
        [{ attribute: 'server_bundle_file' }],
      );
      return undefined;
    }
  }

  return {
    target,
    addressIsDefault: config.address === null && fromEnv(ENV.address) === undefined,
    ...(trustDomain === undefined ? {} : { trustDomain }),
    ...(adminSvid === undefined ? {} : { adminSvid }),
    ...(serverBundleFile === undefined ? {} : { serverBundleFile }),
    ...(serverSpiffeId === undefined ? {} : { serverSpiffeId }),
    entryIdPrefix: prefix,
    allowForeignEntries,
    timeoutSeconds,
  };
}

/** Returns the provider data for a configuration: connects lazily, reads files and the Workload API now. */
export async function configureProvider(
  request: { readonly config: ProviderConfig },
  context: Omit<RequestContext<ProviderData>, 'provider'>,
): Promise<ProviderData> {
  const settings = resolveSettings(request.config, process.env, context.diagnostics);
  if (settings === undefined) return notConfigured;
  const { target } = settings;
  if (target.kind === 'unix' && settings.addressIsDefault && !existsSync(target.socketPath)) {
    return withoutServer(settings, `nothing listens on the default socket ${target.socketPath}`);
  }
  // Loaded here, not at start: Terraform starts the provider several times per command, often only for
  // its schema, and the X.509 and gRPC client code is a good part of the start-up time.
  const { dialSpireServer } = await import('../src/core/spireapi/index.js');
  const timeoutMs = settings.timeoutSeconds * 1000;
  let client: SpireServerClient;
  let trustDomain = settings.trustDomain;
  if (target.kind === 'unix') {
    client = dialSpireServer({ socketPath: target.socketPath, timeoutMs });
    if (trustDomain === undefined) {
      // The local socket needs no trust domain to connect; resources still want it, so ask the server.
      try {
        const bundle = await client.bundles.getBundle({ timeoutMs, signal: context.signal });
        trustDomain = TrustDomain.parse(bundle.trustDomain);
      } catch (err) {
        client.close();
        if (settings.addressIsDefault) {
          return withoutServer(
            settings,
            `the server on the default socket ${target.socketPath} did not answer (${errorText(err)})`,
          );
        }
        context.diagnostics.addError(
          'Cannot reach the SPIRE server',
          `Reading the trust domain from ${target.socketPath} failed (set trust_domain to skip this call): ${errorText(err)}`,
          [{ attribute: 'address' }],
        );
        return notConfigured;
      }
    }
  } else {
    // resolveSettings requires a trust domain and an SVID source for TCP.
    const td = trustDomain ?? TrustDomain.parse('invalid.example');
    const credentials = await loadTcpCredentials(settings, td, context.diagnostics);
    if (credentials === undefined) return notConfigured;
    const addresses = await preferReachable(target.addresses, context);
    client = dialSpireServer({
      addresses,
      trustDomain: td,
      bundle: credentials.bundle,
      svid: credentials.svid,
      timeoutMs,
      ...(settings.serverSpiffeId === undefined ? {} : { serverId: settings.serverSpiffeId }),
    });
  }
  if (trustDomain === undefined) return notConfigured;
  context.log.debug('configured SPIRE provider', {
    addresses: client.addresses,
    trustDomain: trustDomain.name,
    entryIdPrefix: settings.entryIdPrefix,
  });
  return {
    client,
    trustDomain,
    entryIdPrefix: settings.entryIdPrefix,
    allowForeignEntries: settings.allowForeignEntries,
    entries: new EntryStore({
      api: client.entries,
      prefix: settings.entryIdPrefix,
      timeoutMs,
      log: context.log,
    }),
  };
}

/**
 * Returns provider data for a configuration that names no SPIRE server and finds none at the default
 * socket: fine for rendering configuration files; the client, the trust domain and the entry store
 * throw, when a resource or data source first needs them, an error saying what to set.
 */
function withoutServer(settings: Settings, why: string): ProviderData {
  const unset = settings.trustDomain === undefined ? ['address', 'trust_domain'] : ['address'];
  const variables = settings.trustDomain === undefined ? [ENV.address, ENV.trustDomain] : [ENV.address];
  const fail = (): never => {
    throw new Error(
      `no SPIRE server to talk to: the provider block sets no ${unset.join(' or ')} ` +
        `(nor ${variables.join(' or ')} in the environment), and ${why}. Set address ` +
        `(or ${ENV.address}) to the server's API socket (unix:///path) or TCP address (host:port)` +
        (settings.trustDomain === undefined ? `, and trust_domain (or ${ENV.trustDomain})` : '') +
        '.',
    );
  };
  return {
    entryIdPrefix: settings.entryIdPrefix,
    allowForeignEntries: settings.allowForeignEntries,
    get client() {
      return fail();
    },
    get trustDomain() {
      return fail();
    },
    get entries() {
      return fail();
    },
  };
}

/** Placeholder returned with error diagnostics: the framework never hands it to a resource. */
const notConfigured = {} as ProviderData;

async function loadTcpCredentials(
  settings: Settings,
  trustDomain: TrustDomain,
  diagnostics: Diagnostics,
): Promise<{ svid: AdminSvid; bundle: X509Bundle } | undefined> {
  const source = settings.adminSvid;
  if (source === undefined) return undefined;
  let svid: AdminSvid;
  let bundle: X509Bundle | undefined;
  if (source.from === 'files') {
    const { parseX509Svid } = await import('../src/core/svid/index.js');
    try {
      const [certs, key] = await Promise.all([readFile(source.certFile), readFile(source.keyFile)]);
      svid = await parseX509Svid(new Uint8Array(certs), new Uint8Array(key));
    } catch (err) {
      diagnostics.addError(
        'Cannot load the admin X509-SVID',
        `From ${source.certFile} and ${source.keyFile}: ${errorText(err)}`,
        [{ attribute: 'admin_svid_cert_file' }],
      );
      return undefined;
    }
  } else {
    const { WorkloadApiClient } = await import('../src/core/workloadapi/index.js');
    try {
      const workload = new WorkloadApiClient({ endpoint: source.socket });
      const context = await workload.fetchX509Context({ timeoutMs: settings.timeoutSeconds * 1000 });
      const [first] = context.svids;
      if (first === undefined) throw new Error('the Workload API returned no X509-SVID');
      svid = first;
      bundle = context.bundles.get(trustDomain);
    } catch (err) {
      diagnostics.addError(
        'Cannot fetch the admin X509-SVID',
        `From the Workload API at ${source.socket}: ${errorText(err)}`,
        [{ attribute: 'workload_api_socket' }],
      );
      return undefined;
    }
  }
  if (settings.serverBundleFile !== undefined) {
    try {
      bundle = await parseBundleFile(trustDomain, await readFile(settings.serverBundleFile, 'utf8'));
    } catch (err) {
      diagnostics.addError(
        'Cannot load the server bundle',
        `${settings.serverBundleFile}: ${errorText(err)}`,
        [{ attribute: 'server_bundle_file' }],
      );
      return undefined;
    }
  }
  if (bundle === undefined) {
    diagnostics.addError(
      'Missing server bundle',
      `The Workload API has no bundle for trust domain "${trustDomain.name}"; set server_bundle_file.`,
      [{ attribute: 'server_bundle_file' }],
    );
    return undefined;
  }
  return { svid, bundle };
}

/** Returns the X.509 bundle in a file holding PEM certificates or a SPIFFE bundle (JSON). */
export async function parseBundleFile(trustDomain: TrustDomain, text: string): Promise<X509Bundle> {
  const { X509Bundle, parseSpiffeBundle } = await import('../src/core/bundle/index.js');
  return text.trimStart().startsWith('{')
    ? parseSpiffeBundle(trustDomain, text).x509
    : X509Bundle.fromPem(trustDomain, text);
}

/**
 * Returns the addresses with those accepting a TCP connection first (in their configured order), so a
 * server that is down costs no failed call. A cheap health preference: SPIRE's gRPC health service is
 * for local callers only, and the HTTP health listener's address is not known here.
 */
async function preferReachable(
  addresses: readonly string[],
  context: Pick<RequestContext<ProviderData>, 'log'>,
): Promise<string[]> {
  if (addresses.length < 2) return [...addresses];
  const reachable = await Promise.all(addresses.map((address) => probe(address)));
  const up = addresses.filter((_, i) => reachable[i] === true);
  const down = addresses.filter((_, i) => reachable[i] !== true);
  if (down.length > 0) context.log.warn('SPIRE servers not accepting connections', { down });
  return [...up, ...down];
}

function probe(address: string): Promise<boolean> {
  const colon = address.lastIndexOf(':');
  const host = address.slice(0, colon).replace(/^\[|\]$/g, '');
  const port = Number(address.slice(colon + 1));
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => {
      done(false);
    });
    socket.once('connect', () => {
      done(true);
    });
    socket.once('error', () => {
      done(false);
    });
  });
}

function errorText(err: unknown): string {
  return errorDetail(err);
}

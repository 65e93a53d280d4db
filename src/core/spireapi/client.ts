// dialSpireServer: the entry point of the SPIRE Server API client.
import type { X509Bundle } from '../bundle/index.js';
import { CoreError } from '../errors/index.js';
import { TrustDomain } from '../spiffeid/index.js';
import { derListToPem, privateKeyToPem } from '../x509/index.js';
import type { PrivateKey, x509 } from '../x509/index.js';
import { AgentClient } from './agents.js';
import { BundleClient } from './bundles.js';
import { canonicalSpiffeId } from './convert.js';
import { EntryClient } from './entries.js';
import { FederationClient } from './federation.js';
import { HealthClient } from './health.js';
import { MODULE } from './status.js';
import { Transport } from './transport.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

interface CommonDialOptions {
  /** Deadline of each call attempt in milliseconds (default 30 s); each method can override it. */
  timeoutMs?: number;
}

/**
 * SPIRE's local admin socket (server `socket_path`, default /tmp/spire-server/private/api.sock). No TLS
 * and no credentials: SPIRE authorizes every caller that can reach the socket.
 */
export interface LocalDialOptions extends CommonDialOptions {
  socketPath: string;
}

/** The admin X509-SVID the client presents; an `X509Svid` from core/svid fits. */
export interface AdminSvid {
  /** Leaf first, then intermediates. */
  certificates: readonly x509.X509Certificate[];
  privateKey: PrivateKey;
}

/**
 * SPIRE's TCP listener (server `bind_address:bind_port`) with mTLS. The client presents `svid`, which
 * SPIRE accepts as admin when its ID is in `admin_ids` or has an entry with admin=true. The server's chain
 * must verify against `bundle`, and the server leaf must carry exactly the SPIFFE ID `serverId`
 * (default `spiffe://<trustDomain>/spire/server`, SPIRE pkg/common/idutil/spiffeid.go); host names are
 * not checked because SPIRE server SVIDs carry none.
 *
 * With several addresses (an HA cluster behind one datastore) calls go to the address that last
 * answered, and a call failing with UNAVAILABLE (no connection, TLS refused, connection lost) is retried
 * once on each other address in order. Other failures, such as deadline exceeded, are not retried. A
 * connection lost mid-call may mean the first server applied the call: a retried create then reports
 * ALREADY_EXISTS for those entries, a retried delete NOT_FOUND.
 */
export interface RemoteDialOptions extends CommonDialOptions {
  /** "host:port"; give this or `addresses`. */
  address?: string;
  /** "host:port" of each server, in fail-over order. */
  addresses?: readonly string[];
  /** The server's trust domain ("example.org" or "spiffe://example.org"). */
  trustDomain: string | TrustDomain;
  /** Trust anchors for the server's SVID chain. */
  bundle: X509Bundle;
  svid: AdminSvid;
  /** The SPIFFE ID the server must present; default `spiffe://<trustDomain>/spire/server`. */
  serverId?: string;
}

export type DialOptions = LocalDialOptions | RemoteDialOptions;

/** A connection to a SPIRE server (or an HA set of them); call close() when done. */
export class SpireServerClient {
  readonly entries: EntryClient;
  readonly agents: AgentClient;
  readonly bundles: BundleClient;
  readonly federation: FederationClient;
  /** grpc.health.v1; SPIRE serves it to local (unix socket) callers only. */
  readonly health: HealthClient;
  readonly #transport: Transport;

  /** @internal use dialSpireServer */
  constructor(transport: Transport) {
    this.#transport = transport;
    this.entries = new EntryClient(transport);
    this.agents = new AgentClient(transport);
    this.bundles = new BundleClient(transport);
    this.federation = new FederationClient(transport);
    this.health = new HealthClient(transport);
  }

  /** The socket path or server addresses, in fail-over order. */
  get addresses(): string[] {
    return this.#transport.addresses;
  }

  /** Closes the connections; later calls fail. */
  close(): void {
    this.#transport.close();
  }
}

/**
 * Returns a client for the SPIRE Server API. Nothing is dialed until the first call; bad options throw
 * CoreError CONFIG_INVALID here.
 */
export function dialSpireServer(options: DialOptions): SpireServerClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) {
    throw configError(`timeoutMs must be a positive integer, got ${timeoutMs}`);
  }
  if ('socketPath' in options) {
    if (options.socketPath === '') throw configError('socketPath must not be empty');
    return new SpireServerClient(Transport.unix(options.socketPath, timeoutMs));
  }
  return new SpireServerClient(remoteTransport(options, timeoutMs));
}

function remoteTransport(options: RemoteDialOptions, timeoutMs: number): Transport {
  const addresses = [
    ...(options.address === undefined ? [] : [options.address]),
    ...(options.addresses ?? []),
  ];
  if (addresses.length === 0) throw configError('give `socketPath`, `address` or `addresses`');
  for (const address of addresses) {
    if (!HOST_PORT.test(address))
      throw configError(`address "${address}" must be host:port (for example spire.example.org:8081)`);
  }
  let trustDomain: TrustDomain;
  try {
    trustDomain =
      typeof options.trustDomain === 'string' ? TrustDomain.parse(options.trustDomain) : options.trustDomain;
  } catch (err) {
    throw configError('trustDomain is not a valid trust domain', err);
  }
  let serverId: string;
  try {
    serverId = canonicalSpiffeId(options.serverId ?? `${trustDomain.idString()}/spire/server`, 'serverId');
  } catch (err) {
    throw configError('serverId is not a valid SPIFFE ID', err);
  }
  const rootsPem = options.bundle.toPem();
  if (rootsPem === '')
    throw configError(`bundle for "${options.bundle.trustDomain.name}" holds no authorities`);
  if (options.svid.certificates.length === 0) throw configError('svid has no certificates');
  return Transport.tls(
    addresses,
    {
      rootsPem,
      certChainPem: derListToPem(
        options.svid.certificates.map((cert) => new Uint8Array(cert.rawData)),
        'CERTIFICATE',
      ),
      keyPem: privateKeyToPem(options.svid.privateKey),
      serverId,
      ipServerName: trustDomain.name,
    },
    timeoutMs,
  );
}

// host:port with a DNS name, IPv4 address or bracketed IPv6 address.
const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):\d{1,5}$/;

function configError(message: string, cause?: unknown): CoreError {
  return new CoreError('CONFIG_INVALID', MODULE, message, cause === undefined ? {} : { cause });
}

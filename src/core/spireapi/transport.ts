// The wire under every service client: one grpc-js channel per server address, unary calls with a
// deadline, and fail-over between the addresses of an HA cluster.
import * as grpc from '@grpc/grpc-js';
import { isIP } from 'node:net';
import type { PeerCertificate } from 'node:tls';
import { CoreError } from '../errors/index.js';
import type { ErrorCode } from '../errors/index.js';
import { idFromCertificate } from '../svid/index.js';
import { x509 } from '../x509/index.js';
import { MODULE, errorFromCall, isServiceError, statusDetails } from './status.js';

/** Per-call options every client method accepts. */
export interface CallOptions {
  /** Deadline of one attempt in milliseconds; defaults to the client's `timeoutMs`. */
  timeoutMs?: number;
  /** Aborting cancels the call; it then fails with CoreError CANCELLED. */
  signal?: AbortSignal;
}

/** What the transport needs of a unary method definition from the proto loader. */
export interface UnaryMethod<Req, Res> {
  path: string;
  requestSerialize: (value: Req) => Buffer;
  responseDeserialize: (bytes: Buffer) => Res;
}

/** PEM material of an mTLS connection; the client module converts domain objects to these. */
export interface TlsMaterial {
  /** Trust anchors the server's chain must end in. */
  rootsPem: string;
  /** The admin X509-SVID leaf first, then its intermediates. */
  certChainPem: string;
  /** PKCS#8 private key of the admin SVID. */
  keyPem: string;
  /** The only SPIFFE ID the server may present. */
  serverId: string;
  /**
   * TLS server name (SNI) sent to servers addressed by IP: Node refuses IP addresses as SNI (RFC 6066
   * §3), and SPIRE does not route on SNI, so the trust domain name is a harmless stand-in.
   */
  ipServerName: string;
}

interface IdentityCheck {
  /** Set by the TLS identity check when the server presented the wrong SVID; cleared by a good one. */
  failure: CoreError | undefined;
}

interface Target {
  /** As the user wrote it, for messages. */
  readonly address: string;
  readonly client: grpc.Client;
  readonly identity: IdentityCheck;
}

// Messages Node's TLS stack uses when the peer chain does not verify against the trust anchors.
const CHAIN_FAILURE =
  /self[- ]signed certificate|unable to (get|verify)|certificate (has expired|is not yet valid|signature failure)/i;

export class Transport {
  readonly #targets: Target[];
  readonly #timeoutMs: number;
  /** Index of the address the last call succeeded on; calls start there (sticky fail-over). */
  #current = 0;
  #closed = false;

  private constructor(targets: Target[], timeoutMs: number) {
    this.#targets = targets;
    this.#timeoutMs = timeoutMs;
  }

  /** Returns a transport over a unix socket without TLS: SPIRE's local admin socket authorizes by reach. */
  static unix(socketPath: string, timeoutMs: number): Transport {
    const client = new grpc.Client(`unix:${socketPath}`, grpc.credentials.createInsecure());
    return new Transport([{ address: socketPath, client, identity: { failure: undefined } }], timeoutMs);
  }

  /**
   * Returns a transport over TCP + mTLS to each of `addresses` ("host:port"). The server's chain must
   * verify against `rootsPem`; instead of a host name check, its leaf must carry exactly one URI SAN equal
   * to `serverId` (SPIRE server SVIDs carry no DNS name for the address they listen on).
   */
  static tls(addresses: readonly string[], material: TlsMaterial, timeoutMs: number): Transport {
    const targets = addresses.map((address) => {
      const identity: IdentityCheck = { failure: undefined };
      const credentials = grpc.credentials.createSsl(
        Buffer.from(material.rootsPem),
        Buffer.from(material.keyPem),
        Buffer.from(material.certChainPem),
        {
          checkServerIdentity: (_host: string, cert: PeerCertificate): Error | undefined => {
            identity.failure = checkServerSpiffeId(cert, material.serverId, address);
            return identity.failure;
          },
        },
      );
      const channelOptions: grpc.ChannelOptions =
        isIP(hostOf(address)) === 0 ? {} : { 'grpc.ssl_target_name_override': material.ipServerName };
      return { address, client: new grpc.Client(address, credentials, channelOptions), identity };
    });
    return new Transport(targets, timeoutMs);
  }

  /** The addresses in fail-over order, as configured. */
  get addresses(): string[] {
    return this.#targets.map((target) => target.address);
  }

  /**
   * Returns the response of one unary call. On UNAVAILABLE the call is retried on the next address
   * (once per address, starting at the last one that worked); any other failure is final. `what` names
   * the call in errors.
   */
  async unary<Req, Res>(
    method: UnaryMethod<Req, Res>,
    request: Req,
    what: string,
    options: CallOptions = {},
  ): Promise<Res> {
    if (this.#closed) throw new CoreError('SPIRE_API_FAILED', MODULE, `${what}: the client is closed`);
    const failures: { address: string; error: CoreError }[] = [];
    for (let attempt = 0; attempt < this.#targets.length; attempt++) {
      const index = (this.#current + attempt) % this.#targets.length;
      const target = this.#targets[index];
      if (target === undefined) break;
      try {
        const response = await callOnce(
          what,
          target,
          method,
          request,
          options.timeoutMs ?? this.#timeoutMs,
          options.signal,
        );
        this.#current = index;
        return response;
      } catch (err) {
        const error = classify(err, what, target);
        if (error.code !== 'SPIRE_API_UNAVAILABLE' && error.code !== 'CHAIN_UNTRUSTED') throw error;
        failures.push({ address: target.address, error });
      }
    }
    throw unreachable(failures, what);
  }

  close(): void {
    this.#closed = true;
    for (const target of this.#targets) target.client.close();
  }
}

/** Returns the host of "host:port" or "[v6]:port", without brackets. */
function hostOf(address: string): string {
  const host = address.slice(0, address.lastIndexOf(':'));
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function callOnce<Req, Res>(
  what: string,
  target: Target,
  method: UnaryMethod<Req, Res>,
  request: Req,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Res> {
  return new Promise<Res>((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(
        new CoreError('CANCELLED', MODULE, `${what} was cancelled before it was sent`, {
          cause: signal.reason,
        }),
      );
      return;
    }
    const call = target.client.makeUnaryRequest(
      method.path,
      method.requestSerialize,
      method.responseDeserialize,
      request,
      new grpc.Metadata(),
      { deadline: Date.now() + timeoutMs },
      (err, response) => {
        signal?.removeEventListener('abort', onAbort);
        if (err !== null) reject(err);
        else if (response === undefined)
          reject(new CoreError('SPIRE_API_FAILED', MODULE, 'the server sent no response'));
        else resolve(response);
      },
    );
    const onAbort = (): void => {
      call.cancel();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Returns the CoreError for one failed attempt, naming TLS identity and chain failures as such. */
function classify(err: unknown, what: string, target: Target): CoreError {
  if (isServiceError(err) && err.code === grpc.status.UNAVAILABLE) {
    if (target.identity.failure !== undefined) return target.identity.failure;
    if (CHAIN_FAILURE.test(err.details)) {
      return new CoreError(
        'CHAIN_UNTRUSTED',
        MODULE,
        `the SPIRE server at ${target.address} presented a certificate that does not verify against the configured bundle: ${statusDetails(err)}`,
        { cause: err, suggestions: ['Check that `bundle` holds the CA that signs the server SVID.'] },
      );
    }
  }
  return errorFromCall(err, what);
}

function unreachable(failures: readonly { address: string; error: CoreError }[], what: string): CoreError {
  const first = failures[0];
  if (failures.length === 1 && first !== undefined) return first.error;
  const codes = new Set(failures.map((failure) => failure.error.code));
  const [onlyCode] = codes;
  const code: ErrorCode = codes.size === 1 && onlyCode !== undefined ? onlyCode : 'SPIRE_API_UNAVAILABLE';
  const reasons = failures
    .map((failure) => `${failure.address}: ${failure.error.message.replace(`${MODULE}: `, '')}`)
    .join('; ');
  return new CoreError(code, MODULE, `${what}: no SPIRE server answered (${reasons})`, {
    cause: first?.error,
    details: {
      attempts: failures.map((failure) => ({ address: failure.address, code: failure.error.code })),
    },
  });
}

/**
 * Returns undefined when the server leaf is an X509-SVID for exactly `expected`, else the error to fail
 * the TLS handshake with (X509-SVID §2: the ID is the certificate's single URI SAN).
 */
function checkServerSpiffeId(
  cert: PeerCertificate,
  expected: string,
  address: string,
): CoreError | undefined {
  let presented: string;
  try {
    presented = idFromCertificate(new x509.X509Certificate(new Uint8Array(cert.raw))).toString();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return new CoreError(
      'CHAIN_UNTRUSTED',
      MODULE,
      `the SPIRE server at ${address} did not present an X509-SVID (${reason}); expected ${expected}`,
      { cause: err, details: { address, expected } },
    );
  }
  if (presented === expected) return undefined;
  return new CoreError(
    'CHAIN_UNTRUSTED',
    MODULE,
    `the SPIRE server at ${address} presented SPIFFE ID ${presented}, expected ${expected}`,
    {
      details: { address, presented, expected },
      suggestions: ['Check the address, or set `serverId` if the server uses another SPIFFE ID.'],
    },
  );
}

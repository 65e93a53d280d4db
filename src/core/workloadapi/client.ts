// The Workload API client: one-shot fetches that retry until their deadline, and watches that keep a
// stream open and reopen it with backoff. Which errors are retried is decided in status.ts.
import type * as grpc from '@grpc/grpc-js';
import { CoreError } from '../errors/index.js';
import type { BundleSet, JwtBundle, X509Bundle } from '../bundle/index.js';
import { SpiffeId } from '../spiffeid/index.js';
import type { JwtSvid } from '../svid/index.js';
import { resolveEndpoint, type WorkloadEndpoint } from './address.js';
import { LinearBackoff, systemClock, type BackoffOptions, type Clock } from './backoff.js';
import {
  cancelledError,
  errorFromStatus,
  gaveUpError,
  isRetryable,
  MODULE,
  type CallSite,
  type RpcName,
} from './status.js';
import { dial, eachMessage, firstMessage, unary, type WireClient } from './transport.js';
import {
  jwtBundlesFromResponse,
  jwtSvidsFromResponse,
  validatedJwtSvidFromResponse,
  x509BundlesFromResponse,
  x509ContextFromResponse,
  ParsedDocuments,
  type ValidatedJwtSvid,
  type X509Context,
} from './mapping.js';

export interface WorkloadApiClientOptions {
  /** `unix:///path`, `unix:/path`, an absolute path or `tcp://IP:port`; default: SPIFFE_ENDPOINT_SOCKET. */
  readonly endpoint?: string;
  /** Environment to read SPIFFE_ENDPOINT_SOCKET from; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  readonly backoff?: BackoffOptions;
}

export interface FetchOptions {
  /** Aborting rejects with CANCELLED; an AbortSignal.timeout() counts as a deadline (see timeoutMs). */
  readonly signal?: AbortSignal;
  /**
   * Retry Unavailable and PermissionDenied until this many milliseconds have passed, then fail with the
   * last error (NO_IDENTITY or WORKLOAD_API_UNAVAILABLE). Without it (and without a signal) a fetch
   * retries until it succeeds or gets a final error.
   */
  readonly timeoutMs?: number;
}

export interface WatchOptions {
  /** Aborting ends the watch; the returned promise then resolves. */
  readonly signal?: AbortSignal;
}

export interface Watcher<T> {
  /** Receives the complete current state after every message; awaited before the next one is read. */
  onUpdate(value: T): void | Promise<void>;
  /**
   * Receives every error the watch survives: a dropped or refused stream (retried after a backoff), an
   * agent with no identity for us, a message whose documents failed validation (the stream stays open).
   */
  onError?(err: CoreError): void;
}

export interface JwtSvidRequest {
  /** At least one audience; all of them go into the `aud` claim. */
  readonly audience: readonly string[];
  /** Ask for the SVID of this SPIFFE ID only (when the workload has several). */
  readonly spiffeId?: string;
}

export interface JwtSvidValidation {
  readonly token: string;
  readonly audience: string;
}

type Open<R> = (wire: WireClient, metadata: grpc.Metadata) => grpc.ClientReadableStream<R>;

export class WorkloadApiClient {
  readonly endpoint: WorkloadEndpoint;
  readonly #backoff: BackoffOptions;
  readonly #clock: Clock;
  readonly #closed = new AbortController();

  /** Resolves the endpoint now, so a bad address fails here with CONFIG_INVALID; nothing is dialled yet. */
  constructor(options: WorkloadApiClientOptions = {}) {
    this.endpoint = resolveEndpoint(options.endpoint, options.env ?? process.env);
    this.#backoff = options.backoff ?? {};
    this.#clock = options.backoff?.clock ?? systemClock;
    // Fail on bad backoff numbers at construction rather than at the first retry.
    new LinearBackoff(this.#backoff);
  }

  /** Cancels every call in progress and to come: fetches reject with CANCELLED, watches resolve. */
  close(): void {
    this.#closed.abort();
  }

  /** Returns the X.509 context: every X509-SVID (first one is the default) and the bundles to verify peers. */
  fetchX509Context(options: FetchOptions = {}): Promise<X509Context> {
    const site = this.#site('FetchX509SVID');
    return this.#fetch(site, options, async (wire, signal) =>
      x509ContextFromResponse(await firstMessage((md) => wire.FetchX509SVID({}, md), site, signal), site),
    );
  }

  /** Calls `watcher.onUpdate` with every new X.509 context until `signal` aborts (then resolves). */
  watchX509Context(watcher: Watcher<X509Context>, options: WatchOptions = {}): Promise<void> {
    const site = this.#site('FetchX509SVID');
    const previous = new ParsedDocuments();
    return this.#watch(
      site,
      options,
      watcher,
      (wire, md) => wire.FetchX509SVID({}, md),
      (response) => x509ContextFromResponse(response, site, previous),
    );
  }

  /** Returns the X.509 bundles of every trust domain the workload may trust. */
  fetchX509Bundles(options: FetchOptions = {}): Promise<BundleSet<X509Bundle>> {
    const site = this.#site('FetchX509Bundles');
    return this.#fetch(site, options, async (wire, signal) =>
      x509BundlesFromResponse(await firstMessage((md) => wire.FetchX509Bundles({}, md), site, signal), site),
    );
  }

  /** Calls `watcher.onUpdate` with every new X.509 bundle set until `signal` aborts (then resolves). */
  watchX509Bundles(watcher: Watcher<BundleSet<X509Bundle>>, options: WatchOptions = {}): Promise<void> {
    const site = this.#site('FetchX509Bundles');
    return this.#watch(
      site,
      options,
      watcher,
      (wire, md) => wire.FetchX509Bundles({}, md),
      (response) => x509BundlesFromResponse(response, site),
    );
  }

  /** Returns the JWT-SVIDs the agent issued for `audience` (the first is the default one). */
  async fetchJwtSvids(request: JwtSvidRequest, options: FetchOptions = {}): Promise<JwtSvid[]> {
    const site = this.#site('FetchJWTSVID');
    const audience = checkAudience(request.audience);
    const spiffeId = request.spiffeId === undefined ? '' : SpiffeId.parse(request.spiffeId).toString();
    return this.#fetch(site, options, async (wire, signal) =>
      jwtSvidsFromResponse(
        await unary(
          (md, callback) => wire.FetchJWTSVID({ audience, spiffe_id: spiffeId }, md, callback),
          site,
          signal,
        ),
        audience,
        site,
      ),
    );
  }

  /** Returns the default JWT-SVID for `audience` (or the one of `spiffeId`). */
  async fetchJwtSvid(request: JwtSvidRequest, options: FetchOptions = {}): Promise<JwtSvid> {
    const [first] = await this.fetchJwtSvids(request, options);
    // jwtSvidsFromResponse never returns an empty list.
    if (first === undefined) throw new CoreError('NO_IDENTITY', MODULE, 'no JWT-SVID returned');
    return first;
  }

  /** Returns the JWT bundles (JWKS per trust domain) for validating JWT-SVIDs. */
  fetchJwtBundles(options: FetchOptions = {}): Promise<BundleSet<JwtBundle>> {
    const site = this.#site('FetchJWTBundles');
    return this.#fetch(site, options, async (wire, signal) =>
      jwtBundlesFromResponse(await firstMessage((md) => wire.FetchJWTBundles({}, md), site, signal), site),
    );
  }

  /** Calls `watcher.onUpdate` with every new JWT bundle set until `signal` aborts (then resolves). */
  watchJwtBundles(watcher: Watcher<BundleSet<JwtBundle>>, options: WatchOptions = {}): Promise<void> {
    const site = this.#site('FetchJWTBundles');
    return this.#watch(
      site,
      options,
      watcher,
      (wire, md) => wire.FetchJWTBundles({}, md),
      (response) => jwtBundlesFromResponse(response, site),
    );
  }

  /**
   * Returns the JWT-SVID and its claims once the agent has validated `token` for `audience`; a token the
   * agent rejects fails with JWT_INVALID.
   */
  async validateJwtSvid(request: JwtSvidValidation, options: FetchOptions = {}): Promise<ValidatedJwtSvid> {
    const site = this.#site('ValidateJWTSVID');
    const audience = request.audience;
    checkAudience([audience]);
    if (request.token === '') {
      throw new CoreError('JWT_INVALID', MODULE, 'token is empty; expected a JWT-SVID in JWS compact form');
    }
    return this.#fetch(site, options, async (wire, signal) =>
      validatedJwtSvidFromResponse(
        await unary(
          (md, callback) => wire.ValidateJWTSVID({ audience, svid: request.token }, md, callback),
          site,
          signal,
        ),
        request.token,
        audience,
        site,
      ),
    );
  }

  #site(rpc: RpcName): CallSite {
    return { endpoint: this.endpoint.display, rpc };
  }

  /** Runs `attempt` on a fresh channel until it succeeds, fails for good, or time runs out. */
  async #fetch<T>(
    site: CallSite,
    options: FetchOptions,
    attempt: (wire: WireClient, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const clock = this.#clock;
    const backoff = new LinearBackoff(this.#backoff);
    const deadlineAt = options.timeoutMs === undefined ? undefined : clock.now() + options.timeoutMs;
    const deadline = new AbortController();
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            deadline.abort();
          }, options.timeoutMs);
    const signals = [this.#closed.signal, deadline.signal];
    if (options.signal !== undefined) signals.push(options.signal);
    const signal = AbortSignal.any(signals);

    let last: CoreError | undefined;
    let attempts = 0;
    const stopped = (): CoreError => {
      if (this.#closed.signal.aborted) return cancelledError(site, 'the client was closed', last);
      if (options.signal?.aborted === true && !isTimeoutReason(options.signal.reason)) {
        return cancelledError(site, 'aborted by the caller', last);
      }
      return gaveUpError(last, site, { attempts, timeoutMs: options.timeoutMs });
    };

    try {
      for (;;) {
        if (signal.aborted) throw stopped();
        attempts += 1;
        const wire = dial(this.endpoint);
        let failure: CoreError;
        try {
          return await attempt(wire, signal);
        } catch (err) {
          failure = errorFromStatus(err, site, signal.aborted);
        } finally {
          wire.close();
        }
        if (isAborted(signal)) throw stopped();
        if (!isRetryable(failure)) throw failure;
        last = failure;
        const wait = backoff.next();
        // No point sleeping past the deadline: there would be no time left for another attempt.
        if (deadlineAt !== undefined && clock.now() + wait >= deadlineAt) {
          throw gaveUpError(last, site, { attempts, timeoutMs: options.timeoutMs });
        }
        await clock.sleep(wait, signal);
      }
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  /** Keeps a stream open, mapping each message for `watcher`; reopens it with backoff when it drops. */
  async #watch<R, V>(
    site: CallSite,
    options: WatchOptions,
    watcher: Watcher<V>,
    open: Open<R>,
    map: (response: R) => V | Promise<V>,
  ): Promise<void> {
    const clock = this.#clock;
    const backoff = new LinearBackoff(this.#backoff);
    const signals = [this.#closed.signal];
    if (options.signal !== undefined) signals.push(options.signal);
    const signal = AbortSignal.any(signals);

    const deliver = async (response: R): Promise<void> => {
      let value: V;
      try {
        value = await map(response);
      } catch (err) {
        // A bad message does not end the stream; the next one is again the complete state.
        watcher.onError?.(errorFromStatus(err, site, false));
        return;
      }
      await watcher.onUpdate(value);
    };

    for (;;) {
      if (signal.aborted) return;
      const wire = dial(this.endpoint);
      const handler: { error?: { err: unknown } } = {};
      let failure: unknown;
      try {
        await eachMessage(
          (md) => open(wire, md),
          site,
          signal,
          async (response) => {
            backoff.reset();
            try {
              await deliver(response);
            } catch (err) {
              handler.error = { err };
              throw err;
            }
          },
        );
      } catch (err) {
        failure = err;
      } finally {
        wire.close();
      }
      // What the watcher's own callbacks threw ends the watch as is.
      if (handler.error !== undefined) throw handler.error.err;
      if (isAborted(signal)) return;
      const error = errorFromStatus(failure, site, false);
      if (!isRetryable(error)) throw error;
      watcher.onError?.(error);
      await clock.sleep(backoff.next(), signal);
    }
  }
}

/** Returns whether `signal` has aborted (a call, so the compiler does not keep an earlier narrowing). */
function isAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}

function isTimeoutReason(reason: unknown): boolean {
  return reason instanceof DOMException && reason.name === 'TimeoutError';
}

function checkAudience(audience: readonly string[]): string[] {
  if (audience.length === 0 || audience.some((a) => a === '')) {
    throw new CoreError(
      'CONFIG_INVALID',
      MODULE,
      `audience ${JSON.stringify(audience)} must hold at least one non-empty value`,
    );
  }
  return [...audience];
}

// A minimal, test-only SPIFFE Workload API server on a unix socket: it serves a mutable state, pushes
// changes to open streams, enforces the security header like SPIRE (pkg/agent/endpoints/middleware.go)
// and can be told to fail calls with a chosen status. The full SPIRE test double lives in test/sim/.
import * as grpc from '@grpc/grpc-js';
import { loadProto, protoFiles } from '../../src/core/proto/index.js';
import type { ProtoGrpcType } from '../../src/core/generated/workload.js';
import type { SpiffeWorkloadAPIHandlers } from '../../src/core/generated/SpiffeWorkloadAPI.js';
import type { X509SVIDResponse__Input } from '../../src/core/generated/X509SVIDResponse.js';
import type { X509BundlesResponse__Input } from '../../src/core/generated/X509BundlesResponse.js';
import type { JWTBundlesResponse__Input } from '../../src/core/generated/JWTBundlesResponse.js';
import type { JWTSVIDResponse__Input } from '../../src/core/generated/JWTSVIDResponse.js';
import type { JWTSVIDRequest } from '../../src/core/generated/JWTSVIDRequest.js';
import type { ValidateJWTSVIDRequest } from '../../src/core/generated/ValidateJWTSVIDRequest.js';
import type { ValidateJWTSVIDResponse__Input } from '../../src/core/generated/ValidateJWTSVIDResponse.js';
import type { TestCa } from './ca.js';

export type FakeRpc =
  'FetchX509SVID' | 'FetchX509Bundles' | 'FetchJWTSVID' | 'FetchJWTBundles' | 'ValidateJWTSVID';

export interface FakeX509Svid {
  spiffeId: string;
  /** DER certificates, leaf first, concatenated. */
  certsDer: Uint8Array;
  /** PKCS#8 DER. */
  keyDer: Uint8Array;
  /** The SVID's own trust domain bundle, DER certificates concatenated. */
  bundleDer: Uint8Array;
  hint?: string;
}

export interface FakeState {
  x509Svids: FakeX509Svid[];
  /** Key "spiffe://td", value DER certificates concatenated. */
  federatedBundles: Record<string, Uint8Array>;
  /** FetchX509Bundles answer; key "spiffe://td". */
  x509Bundles: Record<string, Uint8Array>;
  /** FetchJWTBundles answer; key "spiffe://td", value JWKS JSON. */
  jwtBundles: Record<string, Uint8Array>;
  /** FetchJWTSVID answer for a request. */
  jwtSvids: (request: {
    audience: string[];
    spiffeId: string;
  }) => { spiffeId: string; token: string; hint?: string }[];
  /** ValidateJWTSVID answer: claims to return, or a string to fail with InvalidArgument. */
  validate: (request: { token: string; audience: string }) => { spiffeId: string; claims: unknown } | string;
}

export interface InjectedFailure {
  code: grpc.status;
  details: string;
}

export interface ReceivedCall {
  rpc: FakeRpc;
  /** The security header's values as received. */
  header: string[];
}

const emptyState = (): FakeState => ({
  x509Svids: [],
  federatedBundles: {},
  x509Bundles: {},
  jwtBundles: {},
  jwtSvids: () => [],
  validate: () => 'no validator configured',
});

type StreamRpc = 'FetchX509SVID' | 'FetchX509Bundles' | 'FetchJWTBundles';

export class FakeWorkloadApi {
  readonly socketPath: string;
  state: FakeState = emptyState();
  /** Every call that reached the server, in order. */
  readonly calls: ReceivedCall[] = [];
  /** Per-RPC failures served before normal answers, one per call. */
  private readonly failures = new Map<FakeRpc, InjectedFailure[]>();
  /** Per-RPC failure served to every call while set. */
  private readonly persistentFailures = new Map<FakeRpc, InjectedFailure>();
  private readonly openStreams = new Set<{
    rpc: StreamRpc;
    push: () => void;
    end: (failure?: InjectedFailure) => void;
  }>();
  private server: grpc.Server | undefined;
  /** When true, streams are accepted but no message is sent (an agent that hangs). */
  mute = false;

  private constructor(socketPath: string) {
    this.socketPath = socketPath;
  }

  /** Returns a running fake listening on `socketPath`. */
  static async start(socketPath: string, state: Partial<FakeState> = {}): Promise<FakeWorkloadApi> {
    const fake = new FakeWorkloadApi(socketPath);
    fake.state = { ...emptyState(), ...state };
    await fake.listen();
    return fake;
  }

  get endpoint(): string {
    return `unix://${this.socketPath}`;
  }

  /** Returns how many calls of `rpc` reached the server. */
  count(rpc: FakeRpc): number {
    return this.calls.filter((c) => c.rpc === rpc).length;
  }

  /** Makes the next `times` calls of `rpc` fail with `code`. */
  failNext(rpc: FakeRpc, code: grpc.status, details: string, times = 1): void {
    const queue = this.failures.get(rpc) ?? [];
    for (let i = 0; i < times; i++) queue.push({ code, details });
    this.failures.set(rpc, queue);
  }

  /** Makes every call of `rpc` fail with `code` until `clearFailures`. */
  failAlways(rpc: FakeRpc, code: grpc.status, details: string): void {
    this.persistentFailures.set(rpc, { code, details });
  }

  clearFailures(): void {
    this.failures.clear();
    this.persistentFailures.clear();
  }

  /** Replaces part of the state and pushes the complete new state to every open stream. */
  update(state: Partial<FakeState>): void {
    this.state = { ...this.state, ...state };
    for (const stream of this.openStreams) stream.push();
  }

  /**
   * Ends every open stream: with `failure` as its status (for example PERMISSION_DENIED when an identity is
   * withdrawn), or cleanly when none is given.
   */
  endStreams(failure?: InjectedFailure): void {
    for (const stream of [...this.openStreams]) {
      this.openStreams.delete(stream);
      stream.end(failure);
    }
  }

  /** Stops listening and drops every connection; the socket file is removed. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    this.openStreams.clear();
    server.forceShutdown();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Listens again on the same socket (after `stop`). */
  async restart(): Promise<void> {
    await this.listen();
  }

  private async listen(): Promise<void> {
    const proto = loadProto(protoFiles.workload) as unknown as ProtoGrpcType;
    const server = new grpc.Server();
    server.addService(proto.SpiffeWorkloadAPI.service, this.handlers());
    await new Promise<void>((resolve, reject) => {
      server.bindAsync(`unix://${this.socketPath}`, grpc.ServerCredentials.createInsecure(), (err) => {
        if (err === null) resolve();
        else reject(err);
      });
    });
    this.server = server;
  }

  /** Records the call and returns the failure to answer with, if any (header check first, like SPIRE). */
  private admit(rpc: FakeRpc, metadata: grpc.Metadata): InjectedFailure | undefined {
    const header = metadata.get('workload.spiffe.io').map(String);
    this.calls.push({ rpc, header });
    if (!header.includes('true')) {
      return { code: grpc.status.INVALID_ARGUMENT, details: 'security header missing from request' };
    }
    const queued = this.failures.get(rpc)?.shift();
    return queued ?? this.persistentFailures.get(rpc);
  }

  private x509SvidResponse(): X509SVIDResponse__Input {
    return {
      svids: this.state.x509Svids.map((s) => ({
        spiffe_id: s.spiffeId,
        x509_svid: Buffer.from(s.certsDer),
        x509_svid_key: Buffer.from(s.keyDer),
        bundle: Buffer.from(s.bundleDer),
        hint: s.hint ?? '',
      })),
      federated_bundles: bufferMap(this.state.federatedBundles),
    };
  }

  private serveStream<Req, Res>(
    rpc: StreamRpc,
    respond: () => Res,
  ): grpc.handleServerStreamingCall<Req, Res> {
    return (call) => {
      const failure = this.admit(rpc, call.metadata);
      if (failure !== undefined) {
        call.emit('error', { code: failure.code, details: failure.details });
        return;
      }
      const stream = {
        rpc,
        push: () => {
          call.write(respond());
        },
        end: (failure?: InjectedFailure) => {
          if (failure === undefined) call.end();
          else call.emit('error', failure);
        },
      };
      this.openStreams.add(stream);
      call.on('cancelled', () => {
        this.openStreams.delete(stream);
      });
      if (!this.mute) stream.push();
    };
  }

  private handlers(): SpiffeWorkloadAPIHandlers {
    return {
      FetchX509SVID: this.serveStream('FetchX509SVID', () => this.x509SvidResponse()),
      FetchX509Bundles: this.serveStream('FetchX509Bundles', (): X509BundlesResponse__Input => ({
        bundles: bufferMap(this.state.x509Bundles),
      })),
      FetchJWTBundles: this.serveStream('FetchJWTBundles', (): JWTBundlesResponse__Input => ({
        bundles: bufferMap(this.state.jwtBundles),
      })),
      FetchJWTSVID: (call: grpc.ServerUnaryCall<JWTSVIDRequest, JWTSVIDResponse__Input>, callback) => {
        const failure = this.admit('FetchJWTSVID', call.metadata);
        if (failure !== undefined) {
          callback(failure);
          return;
        }
        const svids = this.state.jwtSvids({
          audience: call.request.audience,
          spiffeId: call.request.spiffe_id,
        });
        callback(null, {
          svids: svids.map((s) => ({ spiffe_id: s.spiffeId, svid: s.token, hint: s.hint ?? '' })),
        });
      },
      ValidateJWTSVID: (
        call: grpc.ServerUnaryCall<ValidateJWTSVIDRequest, ValidateJWTSVIDResponse__Input>,
        callback,
      ) => {
        const failure = this.admit('ValidateJWTSVID', call.metadata);
        if (failure !== undefined) {
          callback(failure);
          return;
        }
        const result = this.state.validate({ token: call.request.svid, audience: call.request.audience });
        if (typeof result === 'string') {
          callback({ code: grpc.status.INVALID_ARGUMENT, details: result });
          return;
        }
        callback(null, { spiffe_id: result.spiffeId, claims: toStruct(result.claims) });
      },
    };
  }
}

function bufferMap(entries: Record<string, Uint8Array>): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, Buffer.from(v)]));
}

type StructValue = NonNullable<ValidateJWTSVIDResponse__Input['claims']>;
type ValueInput = NonNullable<StructValue['fields']>[string];

function toValue(value: unknown): ValueInput {
  if (value === null || value === undefined) return { nullValue: 'NULL_VALUE' };
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (Array.isArray(value)) return { listValue: { values: value.map(toValue) } };
  return { structValue: toStruct(value) };
}

function toStruct(value: unknown): StructValue {
  const fields: Record<string, ValueInput> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) fields[k] = toValue(v);
  return { fields };
}

/** Returns a FakeX509Svid minted by `ca` for `spiffeId`, with `ca`'s root as its bundle. */
export async function mintFakeX509Svid(
  ca: TestCa,
  spiffeId: string,
  options: { hint?: string } = {},
): Promise<FakeX509Svid> {
  const minted = await ca.mintX509Svid({ spiffeId });
  return {
    spiffeId,
    certsDer: minted.certificatesDer,
    keyDer: minted.privateKey.pkcs8,
    bundleDer: ca.x509Bundle().toDer(),
    ...(options.hint === undefined ? {} : { hint: options.hint }),
  };
}

/**
 * A Clock whose sleeps take no time: each one is recorded, advances `now()` by its length and then runs
 * `onSleep` (where a test can, say, bring the server back). Retry tests count instead of waiting.
 */
export class FakeClock {
  nowMs = 0;
  readonly sleeps: number[] = [];
  onSleep: ((count: number) => void | Promise<void>) | undefined;

  now(): number {
    return this.nowMs;
  }

  async sleep(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    this.sleeps.push(ms);
    this.nowMs += ms;
    await this.onSleep?.(this.sleeps.length);
  }
}

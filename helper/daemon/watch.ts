// The `run` daemon: one FetchX509SVID stream for all X.509 and bundle outputs (every message is the full
// state, so each message is applied as a whole), one loop per JWT-SVID output, hooks debounced, readiness,
// health, metrics and sd_notify. The stream itself is reopened with backoff by the core client when the
// agent goes away, so an outage needs no restart (spiffe-helper#221).
import { setTimeout as delay } from 'node:timers/promises';
import { isCoreError, type CoreError } from '../../src/core/errors/index.js';
import type { JwtSvid } from '../../src/core/svid/index.js';
import type { WorkloadApiClient, X509Context } from '../../src/core/workloadapi/index.js';
import { HelperError, oneLine } from '../errors.js';
import { runHooks, type HookPlan, type HookResult } from '../hooks.js';
import {
  readIfPresent,
  remove,
  removeStaleTemporaries,
  syncDirectory,
  type WriteOutcome,
} from '../outputs/atomic-write.js';
import { writeKubeconfig, type KubeconfigContent } from '../outputs/kubeconfig.js';
import {
  discardPrepared,
  federatedBundlePath,
  prepareVersion,
  renderOptionsOf,
  removeVersions,
  renderSvidFiles,
  svidPaths,
  writeSvidFiles,
  type PreparedVersion,
  type RenderedSvidFiles,
} from '../outputs/svid-files.js';
import { selectSvid } from '../select.js';
import { verifySvid } from '../verify.js';
import { writeBundles } from './bundles.js';
import type { BundlesOutput, DaemonConfig, JwtOutput, OutputConfig, X509Output } from './config.js';
import { Debouncer, realTimers, type Timers } from './debounce.js';
import { startHealthServer, type HealthServer, type HealthSource } from './health.js';
import { removeToken, runJwtLoop, writeToken } from './jwt.js';
import type { Metrics, OutputMetrics } from './metrics.js';
import type { Notifier } from './notify.js';
import { dirname } from 'node:path';
import { readdir } from 'node:fs/promises';

export type OutputPhase = 'waiting' | 'written' | 'withdrawn' | 'failing';

/** What the daemon knows about one output (the health report shows it). */
export interface OutputStatus {
  readonly name: string;
  readonly type: OutputConfig['type'];
  readonly phase: OutputPhase;
  /** Every file of the output has been written at least once since start. */
  readonly written: boolean;
  readonly spiffeId?: string;
  readonly notAfter?: string;
  readonly lastWritten?: string;
  readonly error?: string;
}

interface State {
  readonly config: OutputConfig;
  readonly metrics: OutputMetrics;
  written: boolean;
  withdrawn: boolean;
  failing: boolean;
  spiffeId: string | undefined;
  notAfter: Date | undefined;
  lastWritten: Date | undefined;
  error: string | undefined;
  /** The next version of an X.509 output, made ahead once a push has been written (svid-files.ts). */
  prepared: PreparedVersion | undefined;
  /** Makes `prepared` after the push being applied. */
  prepareNext: (() => Promise<PreparedVersion | undefined>) | undefined;
}

export interface DaemonDeps {
  readonly client: WorkloadApiClient;
  /** Receives one line per event (the command prefixes and prints it on stderr). */
  readonly log: (line: string) => void;
  readonly notifier: Notifier;
  readonly metrics: Metrics;
  /** Debounce timers (tests pass a manual clock). */
  readonly timers?: Timers;
  readonly now?: () => Date;
  /** Retries of outputs whose write failed: first delay and cap (default 1 s and 30 s). */
  readonly retry?: { readonly initialMs: number; readonly maxMs: number };
  /** An apply running longer than this makes the daemon unhealthy (no watchdog ping); default 5 min. */
  readonly stuckAfterMs?: number;
  /** Called after each push has been applied (the command starts a garbage collection there). */
  readonly afterApply?: () => void;
}

export interface DaemonResult {
  readonly outputs: readonly OutputStatus[];
  readonly ready: boolean;
}

export class Daemon implements HealthSource {
  readonly config: DaemonConfig;
  readonly #deps: DaemonDeps;
  readonly #states: State[];
  readonly #hooks: Debouncer;
  readonly #now: () => Date;
  readonly #pendingUnits = new Map<string, Set<string>>();
  #latest: X509Context | undefined;
  #applying: Promise<void> | undefined;
  #applyStartedAt: number | undefined;
  #again = false;
  #retryTimer: NodeJS.Timeout | undefined;
  #retryDelayMs: number;
  #watching = false;
  #hadIdentity = false;
  #readySent = false;
  #agentProblem: string | undefined;
  #lastEvent: string | undefined;
  #health: HealthServer | undefined;
  #readyWaiters: (() => void)[] = [];
  #stopped = false;

  constructor(config: DaemonConfig, deps: DaemonDeps) {
    this.config = config;
    this.#deps = deps;
    this.#now = deps.now ?? (() => new Date());
    this.#retryDelayMs = deps.retry?.initialMs ?? 1000;
    this.#hooks = new Debouncer({
      timers: deps.timers ?? realTimers,
      onError: (key, err) => {
        this.#log(`hooks: ${key}: ${err instanceof Error ? err.message : String(err)}`);
      },
    });
    this.#states = config.outputs.map((output) => ({
      config: output,
      metrics: deps.metrics.output(output.name, output.type),
      written: false,
      withdrawn: false,
      failing: false,
      spiffeId: undefined,
      notAfter: undefined,
      lastWritten: undefined,
      error: undefined,
      prepared: undefined,
      prepareNext: undefined,
    }));
  }

  /** Address of the health listener once running ("http://127.0.0.1:PORT" or "unix:///path"). */
  get healthAddress(): string | undefined {
    return this.#health?.address;
  }

  // ---- health -----------------------------------------------------------------------------------------

  /** Healthy: the watch is running and no apply has been stuck (a hung write would stop the watchdog). */
  live(): boolean {
    if (this.#stopped) return false;
    const watches = this.#states.some((s) => s.config.type !== 'jwt');
    if (watches && !this.#watching) return false;
    const started = this.#applyStartedAt;
    return started === undefined || performance.now() - started < (this.#deps.stuckAfterMs ?? 300_000);
  }

  /** Ready: every output has been written since start and none is withdrawn. */
  ready(): boolean {
    return this.#states.every((s) => s.written && !s.withdrawn);
  }

  report(): { outputs: OutputStatus[]; agent: string } {
    return { agent: this.#agentProblem ?? 'connected', outputs: this.#states.map((s) => statusOf(s)) };
  }

  metrics(): string {
    return this.#deps.metrics.render();
  }

  /** Resolves once every output has been written (READY=1 was sent). */
  whenReady(): Promise<void> {
    if (this.#readySent) return Promise.resolve();
    return new Promise((resolve) => this.#readyWaiters.push(resolve));
  }

  /** Resolves when no apply runs and no hook is waiting or running (tests). */
  async idle(): Promise<void> {
    for (;;) {
      const applying = this.#applying;
      if (applying !== undefined) await applying;
      await this.#hooks.idle();
      if (this.#applying === undefined && this.#hooks.size === 0) return;
    }
  }

  // ---- lifecycle ----------------------------------------------------------------------------------------

  /**
   * Runs until `signal` aborts: starts health, the X.509 watch and the JWT loops. Rejects when the watch
   * fails for good (InvalidArgument, Unimplemented: the agent refuses this client and retrying cannot help).
   */
  async run(signal: AbortSignal): Promise<DaemonResult> {
    const { notifier, metrics } = this.#deps;
    if (this.config.health !== undefined) {
      this.#health = await startHealthServer(this.config.health, this);
      this.#log(`health: listening on ${this.#health.address} (/live, /ready, /metrics)`);
    }
    this.#log(
      `starting: ${this.#states.length} output${this.#states.length === 1 ? '' : 's'} (${this.#states.map((s) => s.config.name).join(', ')}); Workload API ${this.#deps.client.endpoint.display}${notifier.enabled ? `; sd_notify via ${notifier.transportKind ?? 'none'}` : ''}`,
    );
    await notifier.status(`waiting for the Workload API at ${this.#deps.client.endpoint.display}`);
    await this.#removeStaleTemporaries();
    await this.#writeMetrics();

    const tasks: Promise<void>[] = [];
    for (const state of this.#states) {
      if (state.config.type === 'jwt') tasks.push(this.#jwtLoop(state, state.config, signal));
    }
    let failure: Error | undefined;
    const watches = this.#states.some((s) => s.config.type !== 'jwt');
    this.#watching = watches;
    notifier.startWatchdog(() => this.live());
    if (watches) {
      try {
        await this.#deps.client.watchX509Context(
          {
            onUpdate: (context) => {
              this.#onUpdate(context);
            },
            onError: (err) => {
              this.#onStreamError(err);
            },
          },
          { signal },
        );
      } catch (err) {
        failure = err instanceof Error ? err : new Error(`the X.509 watch failed: ${JSON.stringify(err)}`);
      } finally {
        this.#watching = false;
      }
    }
    if (failure === undefined) await Promise.all(tasks);
    await this.#stop(failure === undefined ? 'stopping' : 'failed');
    if (failure !== undefined) {
      metrics.agentConnected = false;
      throw failure;
    }
    return { outputs: this.#states.map((s) => statusOf(s)), ready: this.ready() };
  }

  /**
   * Removes what writes cut short by a kill (SIGKILL, OOM, power loss) left beside the outputs: temporary
   * files of our naming whose writer is gone. X.509 outputs also do this on every write.
   */
  async #removeStaleTemporaries(): Promise<void> {
    const dirs = new Set<string>();
    if (this.config.metricsFile !== undefined) dirs.add(dirname(this.config.metricsFile));
    for (const { config: output } of this.#states) {
      if (output.type === 'x509') {
        dirs.add(dirname(output.files.base));
        if (output.kubeconfig !== undefined) dirs.add(dirname(output.kubeconfig.path));
      } else if (output.type === 'bundles') {
        dirs.add(output.dir);
      } else {
        dirs.add(dirname(output.path));
      }
    }
    for (const dir of dirs) {
      try {
        const removed = await removeStaleTemporaries(dir);
        if (removed.length > 0) {
          this.#log(
            `removed ${removed.length} temporary file${removed.length === 1 ? '' : 's'} of interrupted writes in ${dir}`,
          );
        }
      } catch (err) {
        this.#log(err instanceof Error ? err.message : String(err));
      }
    }
  }

  async #stop(why: 'stopping' | 'failed'): Promise<void> {
    this.#stopped = true;
    this.#deps.notifier.stopWatchdog();
    if (this.#retryTimer !== undefined) clearTimeout(this.#retryTimer);
    while (this.#applying !== undefined) await this.#applying;
    for (const state of this.#states) {
      await discardPrepared(state.prepared);
      state.prepared = undefined;
    }
    // Content that changed has not reached its consumers yet: run those hooks now rather than drop them.
    if (this.#hooks.size > 0) this.#log('stopping: running pending hooks first');
    await this.#hooks.flush();
    this.#hooks.close();
    const { notifier } = this.#deps;
    await notifier.stopping(
      why === 'stopping' ? 'stopping' : 'stopped: the Workload API refused this client',
    );
    await this.#writeMetrics();
    await this.#health?.close();
    await notifier.close();
  }

  // ---- the X.509 stream ---------------------------------------------------------------------------------

  #onUpdate(context: X509Context): void {
    const { metrics } = this.#deps;
    metrics.updates += 1;
    metrics.agentConnected = true;
    metrics.lastUpdateSeconds = Math.floor(this.#now().getTime() / 1000);
    if (this.#agentProblem !== undefined) this.#log(`agent: connected again (${this.#agentProblem} before)`);
    this.#agentProblem = undefined;
    this.#hadIdentity = true;
    this.#log(
      `agent: update with ${context.svids.length} X509-SVID${context.svids.length === 1 ? '' : 's'} (${context.svids.map((s) => s.id.toString()).join(', ')}) and bundles of ${context.bundles
        .trustDomains()
        .map((td) => td.name)
        .join(', ')}`,
    );
    this.#latest = context;
    this.#scheduleApply();
  }

  #onStreamError(err: CoreError): void {
    const { metrics } = this.#deps;
    metrics.agentErrors += 1;
    metrics.agentConnected = false;
    const noIdentity = err.code === 'NO_IDENTITY';
    this.#agentProblem = noIdentity ? 'no identity' : 'unreachable';
    this.#log(`agent: ${err.message} (retrying with backoff)`);
    if (noIdentity && this.#hadIdentity) {
      // The agent withdrew every identity of this workload (PermissionDenied after it had some).
      this.#latest = undefined;
      void this.#serial(async () => {
        for (const state of this.#states) {
          if (state.config.type === 'x509' && state.written)
            await this.#withdraw(state, state.config, 'the agent has no identity for this workload any more');
        }
        await this.#afterChange();
      });
    } else {
      void this.#afterChange();
    }
  }

  /** Applies the latest context; a message arriving meanwhile is applied once more afterwards. */
  #scheduleApply(): void {
    if (this.#applying !== undefined) {
      this.#again = true;
      return;
    }
    void this.#serial(async () => {
      do {
        this.#again = false;
        const context = this.#latest;
        if (context !== undefined) await this.#apply(context);
      } while (this.#wantsAgain());
    });
  }

  #wantsAgain(): boolean {
    return this.#again;
  }

  /** Runs `task` with no other apply running at the same time. */
  #serial(task: () => Promise<void>): Promise<void> {
    const previous = this.#applying ?? Promise.resolve();
    const run = previous.then(async () => {
      this.#applyStartedAt = performance.now();
      try {
        await task();
      } catch (err) {
        this.#log(`internal: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        this.#applyStartedAt = undefined;
      }
    });
    const tracked = run.finally(() => {
      if (this.#applying === tracked) this.#applying = undefined;
    });
    this.#applying = tracked;
    return tracked;
  }

  async #apply(context: X509Context): Promise<void> {
    // Outputs are independent files: write them side by side, so 11 outputs take little longer than one.
    await Promise.all(
      this.#states.map(async (state) => {
        const output = state.config;
        if (output.type === 'x509') await this.#applyX509(state, output, context);
        else if (output.type === 'bundles') await this.#applyBundles(state, output, context);
      }),
    );
    await this.#afterChange();
    // Every file of the push is written: the next versions can be made now, off the next push's path.
    for (const state of this.#states) {
      const prepare = state.prepareNext;
      state.prepareNext = undefined;
      if (prepare !== undefined && !this.#stopped) state.prepared = await prepare();
    }
    this.#deps.afterApply?.();
    const failing = this.#states.some((s) => s.failing && s.config.type !== 'jwt');
    if (failing) this.#scheduleRetry();
    else this.#retryDelayMs = this.#deps.retry?.initialMs ?? 1000;
  }

  #scheduleRetry(): void {
    if (this.#retryTimer !== undefined || this.#stopped) return;
    const wait = this.#retryDelayMs;
    this.#retryDelayMs = Math.min(wait * 2, this.#deps.retry?.maxMs ?? 30_000);
    this.#log(`retrying failed outputs in ${Math.round(wait / 100) / 10}s`);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.#scheduleApply();
    }, wait);
    this.#retryTimer.unref();
  }

  async #applyX509(state: State, output: X509Output, context: X509Context): Promise<void> {
    let svid;
    try {
      svid = selectSvid(context.svids, output.selector);
    } catch (err) {
      if (state.written) {
        await this.#withdraw(state, output, oneLine(err instanceof Error ? err.message : String(err)));
      } else if (state.error === undefined) {
        state.error = 'waiting for its identity';
        this.#log(`${output.name}: waiting: ${err instanceof Error ? err.message : String(err)}`);
      }
      return;
    }
    let rendered: RenderedSvidFiles;
    let notAfter: Date;
    try {
      const verified = await verifySvid(svid.certificates, svid.privateKey, context.bundles, output.expect);
      notAfter = verified.notAfter;
      // Key format, federated bundles and extra CAs (dual trust) as the output asks.
      rendered = renderSvidFiles(svid, context.bundles, renderOptionsOf(output.files));
    } catch (err) {
      this.#fail(state, 'validation', err, { retry: false });
      return;
    }
    let changed: boolean;
    let accessUpdated: boolean;
    try {
      const prepared = state.prepared;
      const result = await writeSvidFiles(
        rendered,
        prepared === undefined ? output.files : { ...output.files, prepared },
      );
      // A version made ahead is used up by a write that needed one.
      if (prepared === undefined || prepared.spent) {
        state.prepared = undefined;
        state.prepareNext = () => prepareVersion(rendered, output.files);
      }
      let kube: WriteOutcome = 'unchanged';
      if (output.kubeconfig !== undefined) kube = await this.#writeKubeconfig(output, rendered);
      changed = result.outcome === 'written' || kube === 'written';
      accessUpdated = result.outcome === 'access-updated' || kube === 'access-updated';
    } catch (err) {
      this.#fail(state, 'write', err, { retry: true });
      return;
    }
    const spiffeId = svid.id.toString();
    const paths = svidPaths(output.files.base);
    this.#succeed(state, spiffeId, notAfter, changed);
    if (changed) {
      this.#event(`${output.name}: wrote ${spiffeId} (expires ${notAfter.toISOString()}) to ${paths.cert}`);
      this.#scheduleHooks(state, {
        SPIRE_HELPER_EVENT: 'written',
        SPIRE_HELPER_SPIFFE_ID: spiffeId,
        SPIRE_HELPER_CERT_FILE: paths.cert,
        SPIRE_HELPER_KEY_FILE: paths.key,
        SPIRE_HELPER_CA_FILE: paths.ca,
        SPIRE_HELPER_NOT_AFTER: notAfter.toISOString(),
      });
    } else if (accessUpdated) {
      this.#log(`${output.name}: unchanged; mode/owner corrected`);
    }
  }

  async #writeKubeconfig(output: X509Output, rendered: RenderedSvidFiles): Promise<WriteOutcome> {
    const kube = output.kubeconfig;
    if (kube === undefined) return 'unchanged';
    const content: KubeconfigContent = {
      server: kube.server,
      clusterName: kube.clusterName,
      userName: kube.userName,
      contextName: kube.contextName,
      files: svidPaths(output.files.base),
      ...(kube.embed
        ? {
            embed: {
              cert: Buffer.from(rendered.cert),
              key: rendered.key,
              ca: Buffer.from(rendered.ca),
            },
          }
        : {}),
    };
    return writeKubeconfig(kube.path, content, kube.access, kube.dirAccess);
  }

  async #applyBundles(state: State, output: BundlesOutput, context: X509Context): Promise<void> {
    let result;
    try {
      result = await writeBundles(output, context.bundles);
    } catch (err) {
      this.#fail(state, 'write', err, { retry: true });
      return;
    }
    if (result.missing.length > 0) {
      const text = `no bundle for ${result.missing.join(', ')} from the agent yet`;
      if (state.error !== text) this.#log(`${output.name}: waiting: ${text}`);
      state.error = text;
      return;
    }
    this.#succeed(state, undefined, undefined, result.changed);
    if (result.changed) {
      this.#event(
        `${output.name}: wrote bundles of ${result.files.length} trust domain${result.files.length === 1 ? '' : 's'} to ${output.dir}`,
      );
      this.#scheduleHooks(state, { SPIRE_HELPER_EVENT: 'written', SPIRE_HELPER_BUNDLE_DIR: output.dir });
    } else if (result.accessUpdated) {
      this.#log(`${output.name}: unchanged; mode/owner corrected`);
    }
  }

  #succeed(state: State, spiffeId: string | undefined, notAfter: Date | undefined, changed: boolean): void {
    const now = this.#now();
    if (state.withdrawn) this.#log(`${state.config.name}: identity is back`);
    if (state.failing) this.#log(`${state.config.name}: recovered`);
    state.written = true;
    state.withdrawn = false;
    state.failing = false;
    state.error = undefined;
    state.spiffeId = spiffeId;
    state.notAfter = notAfter;
    if (changed) state.lastWritten = now;
    const m = state.metrics;
    m.written = true;
    m.withdrawn = false;
    m.spiffeId = spiffeId;
    m.notAfterSeconds = notAfter === undefined ? undefined : Math.floor(notAfter.getTime() / 1000);
    if (changed) m.lastRotationSeconds = Math.floor(now.getTime() / 1000);
  }

  #fail(state: State, what: 'validation' | 'write', err: unknown, options: { retry: boolean }): void {
    const message = oneLine(err instanceof Error ? err.message : String(err));
    state.metrics.writeFailures += 1;
    state.failing = options.retry;
    state.error = `${what} failed: ${message}`;
    this.#event(`${state.config.name}: ${what} failed, files left as they were: ${message}`);
  }

  async #withdraw(state: State, output: X509Output | JwtOutput, reason: string): Promise<void> {
    if (state.withdrawn) return;
    state.withdrawn = true;
    state.metrics.withdrawn = true;
    state.error = `identity withdrawn: ${reason}`;
    if (output.onWithdraw === 'keep') {
      this.#event(`${output.name}: identity withdrawn (${reason}); on_withdraw keep: files left in place`);
      return;
    }
    try {
      if (output.type === 'x509') await removeSvidFiles(output);
      else await removeToken(output);
    } catch (err) {
      this.#fail(state, 'write', err, { retry: false });
      return;
    }
    this.#event(`${output.name}: identity withdrawn (${reason}); on_withdraw remove: files removed`);
    this.#scheduleHooks(state, { SPIRE_HELPER_EVENT: 'removed' });
  }

  // ---- JWT-SVID outputs ---------------------------------------------------------------------------------

  #jwtLoop(state: State, output: JwtOutput, signal: AbortSignal): Promise<void> {
    const client = this.#deps.client;
    return runJwtLoop(
      output,
      {
        fetch: (abort) =>
          client.fetchJwtSvids(
            {
              audience: output.audience,
              ...(output.spiffeId === undefined ? {} : { spiffeId: output.spiffeId }),
            },
            { signal: abort, timeoutMs: 30_000 },
          ),
        now: this.#now,
        sleep: async (ms, abort) => {
          try {
            await delay(ms, undefined, { signal: abort });
          } catch {
            // Aborted: the loop looks at the signal.
          }
        },
      },
      {
        onToken: async (svid: JwtSvid) => {
          let outcome: WriteOutcome;
          try {
            outcome = await writeToken(output, svid.token);
          } catch (err) {
            this.#fail(state, 'write', err, { retry: false });
            throw err;
          }
          const changed = outcome === 'written';
          this.#succeed(state, svid.id.toString(), svid.expiresAt, changed);
          if (changed) {
            this.#event(
              `${output.name}: wrote JWT-SVID ${svid.id.toString()} for ${output.audience.join(', ')} (expires ${svid.expiresAt.toISOString()}) to ${output.path}`,
            );
            this.#scheduleHooks(state, {
              SPIRE_HELPER_EVENT: 'written',
              SPIRE_HELPER_SPIFFE_ID: svid.id.toString(),
              SPIRE_HELPER_TOKEN_FILE: output.path,
              SPIRE_HELPER_NOT_AFTER: svid.expiresAt.toISOString(),
            });
          }
          await this.#afterChange();
          return outcome;
        },
        onError: async (err) => {
          if (isCoreError(err, 'NO_IDENTITY') && state.written) {
            await this.#withdraw(state, output, oneLine(err.message));
          } else if (!(err instanceof HelperError && err.code === 'WRITE_FAILED')) {
            state.metrics.writeFailures += 1;
            state.error = oneLine(err.message);
            this.#log(`${output.name}: ${oneLine(err.message)} (retrying with backoff)`);
          }
          await this.#afterChange();
        },
      },
      signal,
    );
  }

  // ---- hooks --------------------------------------------------------------------------------------------

  /**
   * Queues the output's hooks. Reload units of every output share one debounced `systemctl` call, so a unit
   * that several outputs feed (kube-apiserver: serving, proxy, etcd client certificates) restarts once per
   * burst; each exec hook is debounced on its own with the output's latest environment.
   */
  #scheduleHooks(state: State, env: Record<string, string>): void {
    const output = state.config;
    const plan = output.hooks.plan;
    const fullEnv = { SPIRE_HELPER_OUTPUT: output.name, ...env };
    for (const unit of plan.reloadUnits) {
      const owners = this.#pendingUnits.get(unit) ?? new Set<string>();
      owners.add(output.name);
      this.#pendingUnits.set(unit, owners);
    }
    if (plan.reloadUnits.length > 0) {
      this.#hooks.schedule('systemctl', output.hooks.debounceMs, () => this.#runUnits(plan));
    }
    plan.exec.forEach((hook, index) => {
      this.#hooks.schedule(`exec:${output.name}:${index}`, output.hooks.debounceMs, async () => {
        const results = await runHooks(
          { reloadUnits: [], exec: [hook], timeoutMs: plan.timeoutMs },
          fullEnv,
          (chunk) => {
            this.#hookOutput(hook.command, chunk);
          },
        );
        this.#hookResults(results, [output.name]);
      });
    });
  }

  async #runUnits(plan: HookPlan): Promise<void> {
    const units = [...this.#pendingUnits.keys()];
    const owners = new Set([...this.#pendingUnits.values()].flatMap((set) => [...set]));
    this.#pendingUnits.clear();
    if (units.length === 0) return;
    const results = await runHooks(
      {
        reloadUnits: units,
        exec: [],
        timeoutMs: plan.timeoutMs,
        ...(plan.systemctl === undefined ? {} : { systemctl: plan.systemctl }),
      },
      {},
      (chunk) => {
        this.#hookOutput('systemctl', chunk);
      },
    );
    this.#hookResults(results, [...owners]);
  }

  #hookOutput(command: string, chunk: string): void {
    for (const line of chunk.split('\n')) if (line.trim() !== '') this.#log(`hook ${command}: ${line}`);
  }

  #hookResults(results: readonly HookResult[], owners: readonly string[]): void {
    for (const result of results) {
      if (result.ok) {
        this.#log(`hook ran: ${result.command} (for ${owners.join(', ')})`);
      } else {
        this.#log(`hook failed: ${result.command}: ${result.error ?? 'failed'} (for ${owners.join(', ')})`);
        for (const state of this.#states)
          if (owners.includes(state.config.name)) state.metrics.hookFailures += 1;
      }
    }
    void this.#writeMetrics();
  }

  // ---- readiness, status, metrics -----------------------------------------------------------------------

  async #afterChange(): Promise<void> {
    const { notifier, metrics } = this.#deps;
    const ready = this.ready();
    metrics.ready = ready;
    const status = this.#statusLine();
    if (ready && !this.#readySent) {
      this.#readySent = true;
      this.#log(`ready: all ${this.#states.length} outputs written`);
      await notifier.ready(status);
      for (const resolve of this.#readyWaiters.splice(0)) resolve();
    } else {
      await notifier.status(status);
    }
    await this.#writeMetrics();
  }

  #statusLine(): string {
    const total = this.#states.length;
    const written = this.#states.filter((s) => s.written).length;
    const withdrawn = this.#states.filter((s) => s.withdrawn).map((s) => s.config.name);
    const failing = this.#states.filter((s) => s.failing).map((s) => s.config.name);
    const parts = [`${written}/${total} outputs written`];
    if (withdrawn.length > 0) parts.push(`withdrawn: ${withdrawn.join(', ')}`);
    if (failing.length > 0) parts.push(`failing: ${failing.join(', ')}`);
    if (this.#agentProblem !== undefined) parts.push(`agent ${this.#agentProblem}, retrying`);
    if (this.#lastEvent !== undefined) parts.push(`last: ${this.#lastEvent}`);
    return parts.join('; ');
  }

  async #writeMetrics(): Promise<void> {
    try {
      await this.#deps.metrics.write();
    } catch (err) {
      this.#log(`metrics: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Logs an event and remembers it for STATUS=. */
  #event(text: string): void {
    this.#lastEvent = text;
    this.#log(text);
  }

  #log(text: string): void {
    this.#deps.log(oneLine(text));
  }
}

function statusOf(state: State): OutputStatus {
  const phase: OutputPhase = state.withdrawn
    ? 'withdrawn'
    : state.failing
      ? 'failing'
      : state.written
        ? 'written'
        : 'waiting';
  return {
    name: state.config.name,
    type: state.config.type,
    phase,
    written: state.written,
    ...(state.spiffeId === undefined ? {} : { spiffeId: state.spiffeId }),
    ...(state.notAfter === undefined ? {} : { notAfter: state.notAfter.toISOString() }),
    ...(state.lastWritten === undefined ? {} : { lastWritten: state.lastWritten.toISOString() }),
    ...(state.error === undefined ? {} : { error: state.error }),
  };
}

/** Removes every file of an X.509 output: public paths, federated bundles, versions, an embedding kubeconfig. */
async function removeSvidFiles(output: X509Output): Promise<void> {
  const base = output.files.base;
  const paths = svidPaths(base);
  const dir = dirname(base);
  const prefix = `${base.slice(dir.length + 1)}-ca.`;
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    names = [];
  }
  const federated = names
    .filter((name) => name.startsWith(prefix) && name.endsWith('.pem'))
    .map((name) => federatedBundlePath(base, name.slice(prefix.length, -'.pem'.length)));
  // The key first: whatever else fails, no private key of a withdrawn identity stays behind.
  for (const path of [paths.key, paths.cert, paths.ca, ...federated]) await remove(path);
  await removeVersions(base);
  if (output.kubeconfig?.embed === true && (await readIfPresent(output.kubeconfig.path)) !== undefined) {
    await remove(output.kubeconfig.path);
  }
  await syncDirectory(dir);
}

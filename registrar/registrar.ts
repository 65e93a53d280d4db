// The registrar's loop: a reconciliation cycle now, then one every interval, until stopped. A cycle
// that cannot reach or read SPIRE is logged and retried at the next tick; nothing is written in it.
import { isCoreError } from '../src/core/errors/index.js';
import type { TrustDomain } from '../src/core/spiffeid/index.js';
import { errorText } from './errors.js';
import type { NodeFactResolver } from './facts.js';
import { RecurringNotices, type Logger } from './log.js';
import { isComplete, reconcileOnce, type CycleReport, type RegistrarApi } from './reconcile.js';

/** A live connection to SPIRE. */
export interface Connection {
  readonly api: RegistrarApi;
  readonly trustDomain: TrustDomain;
  /** True when the connection should be made again (for example the admin SVID files changed). */
  stale?(): Promise<boolean>;
  close(): void;
}

export interface NodeRegistrarOptions {
  /** Opens a connection; called before the first cycle and again after a failed one. */
  readonly connect: (signal: AbortSignal | undefined) => Promise<Connection>;
  readonly prefix: string;
  readonly facts: NodeFactResolver;
  readonly log: Logger;
  /** Time between the starts of two cycles in ms; default 10 s. */
  readonly intervalMs?: number;
  readonly dryRun?: boolean;
  readonly timeoutMs?: number;
  readonly pageSize?: number;
}

export const DEFAULT_INTERVAL_MS = 10_000;

export class NodeRegistrar {
  readonly #options: NodeRegistrarOptions;
  readonly #notices = new RecurringNotices();
  #connection: Connection | undefined;
  #failing = false;

  constructor(options: NodeRegistrarOptions) {
    this.#options = options;
  }

  /** Runs one cycle and returns its report; throws when SPIRE could not be reached or read. */
  async cycle(signal?: AbortSignal): Promise<CycleReport> {
    const { log } = this.#options;
    if (this.#connection !== undefined && (await this.#connection.stale?.()) === true) {
      log.info('reconnecting: the admin SVID or bundle files changed');
      this.#drop();
    }
    this.#connection ??= await this.#options.connect(signal);
    const connection = this.#connection;
    try {
      const report = await reconcileOnce({
        api: connection.api,
        trustDomain: connection.trustDomain,
        prefix: this.#options.prefix,
        facts: this.#options.facts,
        log,
        notices: this.#notices,
        ...(this.#options.dryRun === undefined ? {} : { dryRun: this.#options.dryRun }),
        ...(this.#options.timeoutMs === undefined ? {} : { timeoutMs: this.#options.timeoutMs }),
        ...(this.#options.pageSize === undefined ? {} : { pageSize: this.#options.pageSize }),
        ...(signal === undefined ? {} : { signal }),
      });
      const changed = report.created + report.updated + report.deleted > 0;
      const fields = {
        roles: report.roles.length,
        invalidRoles: report.invalidRoles,
        agents: report.agents,
        skipped: report.skippedAgents.length,
        entries: report.wanted,
        created: report.created,
        alreadyExisted: report.alreadyExisted,
        updated: report.updated,
        deleted: report.deleted,
        failed: report.failed,
        dryRun: report.dryRun,
      };
      if (changed || !isComplete(report)) log.info('cycle done', fields);
      else log.debug('cycle done, nothing to change', fields);
      if (this.#failing) log.info('SPIRE server reachable again');
      this.#failing = false;
      return report;
    } catch (err) {
      // The next cycle dials again: the server may have moved or come back with new credentials.
      this.#drop();
      throw err;
    }
  }

  /** Runs cycles every interval until `signal` aborts; never throws for a failed cycle. */
  async run(signal: AbortSignal): Promise<void> {
    const { log } = this.#options;
    const interval = this.#options.intervalMs ?? DEFAULT_INTERVAL_MS;
    log.info('started', {
      prefix: this.#options.prefix,
      intervalSeconds: interval / 1000,
      dryRun: this.#options.dryRun === true,
    });
    // A function, so the compiler does not assume the flag keeps the value the loop condition saw.
    const stopped = (): boolean => signal.aborted;
    try {
      while (!stopped()) {
        const started = Date.now();
        try {
          await this.cycle(signal);
        } catch (err) {
          if (stopped()) break;
          const code = isCoreError(err) ? err.code : 'INTERNAL';
          this.#notices.notice(`cycle:${code}:${errorText(err)}`, () => {
            log.error('cycle failed; retrying next interval', { code, error: errorText(err) });
          });
          this.#notices.endCycle();
          this.#failing = true;
        }
        await sleep(Math.max(0, interval - (Date.now() - started)), signal);
      }
    } finally {
      this.#drop();
    }
  }

  /** Closes the connection. */
  close(): void {
    this.#drop();
  }

  #drop(): void {
    this.#connection?.close();
    this.#connection = undefined;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

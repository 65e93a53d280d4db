// The bulk engine behind spire_entry. Terraform calls the provider once per resource instance, up to
// `-parallelism` at a time, and starts a fresh provider process for plan and for apply. So:
// - reads come from one snapshot per process, filled by paged ListEntries on the first read; SPIRE has no
//   filter by entry ID, so the snapshot keeps only entries under the ownership prefix (client-side);
// - creates, updates and deletes queue up while more are on their way (see #schedule) and go out as
//   Batch* calls of up to `maxBatch` items; each caller gets its own item's result (one failed item
//   fails one resource);
// - successful writes update the snapshot in place; a failed write drops the snapshot, since its outcome
//   on the server is unknown, and the next read lists again.
import { performance } from 'node:perf_hooks';
import { CoreError, isCoreError } from '../src/core/errors/index.js';
import type {
  Entry,
  EntryField,
  EntryInput,
  EntryUpdate,
  ItemResult,
  SpireServerClient,
} from '../src/core/spireapi/index.js';
import type { Logger } from './framework/index.js';
import { silentLogger } from './framework/index.js';

/** What the store needs of the SPIRE entry API (a SpireServerClient's `entries`, or a test fake). */
export type EntryApi = Pick<
  SpireServerClient['entries'],
  'list' | 'get' | 'batchCreate' | 'batchUpdate' | 'batchDelete'
>;

export interface EntryStoreOptions {
  readonly api: EntryApi;
  /** Entry IDs this provider owns start with it. */
  readonly prefix: string;
  /** ListEntries page size; default 500 (what `spire-server entry show` uses). */
  readonly pageSize?: number;
  /** Most items per Batch* call; default 50 (SPIRE's controller manager uses 50 for creates and updates). */
  readonly maxBatch?: number;
  /** The shortest pause in arrivals after which a queue is sent, in ms; default 400. */
  readonly gatherMs?: number;
  /** The longest an item waits in the queue before its batch is sent, in ms; default 5000. */
  readonly maxWaitMs?: number;
  /** Deadline of each RPC attempt in ms; the client's default when absent. */
  readonly timeoutMs?: number;
  readonly log?: Logger;
}

export const DEFAULT_LIST_PAGE_SIZE = 500;
export const DEFAULT_MAX_BATCH = 50;
/** A pause of this many recent arrival gaps ends a gathering. */
const IDLE_GAPS = 4;

/** Counts of what the store sent, for logs and benchmarks. */
export interface EntryStoreStats {
  listCalls: number;
  getCalls: number;
  batchCreateCalls: number;
  batchUpdateCalls: number;
  batchDeleteCalls: number;
  snapshotLoads: number;
}

type Job<In, Out> = {
  readonly input: In;
  readonly resolve: (value: Out) => void;
  readonly reject: (error: unknown) => void;
};

interface UpdateJob {
  readonly update: EntryUpdate;
  readonly mask: readonly EntryField[];
}

export class EntryStore {
  readonly prefix: string;
  readonly #api: EntryApi;
  readonly #pageSize: number;
  readonly #maxBatch: number;
  readonly #gatherMs: number;
  readonly #maxWaitMs: number;
  readonly #timeoutMs: number | undefined;
  readonly #log: Logger;
  readonly stats: EntryStoreStats = {
    listCalls: 0,
    getCalls: 0,
    batchCreateCalls: 0,
    batchUpdateCalls: 0,
    batchDeleteCalls: 0,
    snapshotLoads: 0,
  };

  /** The owned entries by ID, once listed; undefined until the first read or after a failed write. */
  #snapshot: Promise<Map<string, Entry>> | undefined;
  /** Bumped on every invalidation so a listing that started before it does not become the snapshot. */
  #generation = 0;

  #creates: Job<EntryInput & { id: string }, Entry>[] = [];
  #updates: Job<UpdateJob, Entry>[] = [];
  #deletes: Job<string, void>[] = [];
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;
  /** Pacing: when the oldest queued write and the latest write arrived (performance.now() ms). */
  #firstQueuedAt = 0;
  #lastArrival = 0;
  /** Recent gap between writes arriving while others were queued (moving average, ms). */
  #gap: number | undefined;
  /**
   * Writes submitted and not yet settled, and the most seen at once: Terraform's -parallelism as far as
   * entry writes go. It is never lowered; when fewer writes come, the pause rule sends them.
   */
  #outstanding = 0;
  #peak = 0;

  constructor(options: EntryStoreOptions) {
    this.#api = options.api;
    this.prefix = options.prefix;
    this.#pageSize = options.pageSize ?? DEFAULT_LIST_PAGE_SIZE;
    this.#maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
    // Terraform hands over the calls of one wave in bursts with pauses of a few hundred ms between them
    // (it re-plans and records each resource itself); a shorter pause sent batches of a handful of items.
    // Holding costs no throughput while fewer than `peak` writes are here: Terraform has slots free.
    this.#gatherMs = options.gatherMs ?? 400;
    this.#maxWaitMs = options.maxWaitMs ?? 5000;
    this.#timeoutMs = options.timeoutMs;
    this.#log = options.log ?? silentLogger;
  }

  /** Returns true when `id` is under the ownership prefix. */
  owns(id: string): boolean {
    return id.startsWith(this.prefix) && id.length > this.prefix.length;
  }

  /**
   * Returns the entry with `id`, or undefined when the server has none. Owned IDs are answered from the
   * snapshot (listing on first use); others, which only an import allowed in, by one GetEntry.
   */
  async get(id: string): Promise<Entry | undefined> {
    if (!this.owns(id)) {
      this.stats.getCalls++;
      try {
        return await this.#api.get(id, this.#callOptions());
      } catch (err) {
        if (isCoreError(err, 'SPIRE_API_NOT_FOUND')) return undefined;
        throw err;
      }
    }
    const snapshot = await this.#loadSnapshot();
    return snapshot.get(id);
  }

  /** Returns every owned entry (from the snapshot). */
  async listOwned(): Promise<Entry[]> {
    return [...(await this.#loadSnapshot()).values()];
  }

  /** Forgets the snapshot; the next read lists again. */
  invalidate(): void {
    this.#generation++;
    this.#snapshot = undefined;
  }

  /** Returns the created entry; rejects with this item's own error. */
  create(entry: EntryInput & { id: string }): Promise<Entry> {
    const settled = this.#arrive();
    return new Promise<Entry>((resolve, reject) => {
      this.#creates.push({ input: entry, resolve, reject });
      this.#schedule();
    }).finally(settled);
  }

  /** Returns the updated entry; only the fields in `mask` are sent as changed. */
  update(update: EntryUpdate, mask: readonly EntryField[]): Promise<Entry> {
    const settled = this.#arrive();
    return new Promise<Entry>((resolve, reject) => {
      this.#updates.push({ input: { update, mask: [...mask].sort() }, resolve, reject });
      this.#schedule();
    }).finally(settled);
  }

  /** Resolves once the entry is gone (an entry already gone counts as deleted). */
  delete(id: string): Promise<void> {
    const settled = this.#arrive();
    return new Promise<void>((resolve, reject) => {
      this.#deletes.push({ input: id, resolve, reject });
      this.#schedule();
    }).finally(settled);
  }

  #callOptions(): { timeoutMs?: number } {
    return this.#timeoutMs === undefined ? {} : { timeoutMs: this.#timeoutMs };
  }

  #queued(): number {
    return this.#creates.length + this.#updates.length + this.#deletes.length;
  }

  #loadSnapshot(): Promise<Map<string, Entry>> {
    if (this.#snapshot !== undefined) return this.#snapshot;
    const generation = this.#generation;
    const loading = this.#list();
    this.#snapshot = loading;
    // A failed listing is not kept: the next read tries again.
    loading.catch(() => {
      if (this.#snapshot === loading && this.#generation === generation) this.#snapshot = undefined;
    });
    return loading;
  }

  async #list(): Promise<Map<string, Entry>> {
    this.stats.snapshotLoads++;
    const started = Date.now();
    const owned = new Map<string, Entry>();
    let seen = 0;
    for await (const page of this.#api.list({ pageSize: this.#pageSize, ...this.#callOptions() })) {
      this.stats.listCalls++;
      seen += page.length;
      for (const entry of page) if (this.owns(entry.id)) owned.set(entry.id, entry);
    }
    this.#log.debug('listed registration entries', {
      seen,
      owned: owned.size,
      prefix: this.prefix,
      ms: Date.now() - started,
    });
    return owned;
  }

  /** Applies a successful write to the snapshot, if one is loaded (or loading). */
  #remember(entry: Entry): void {
    const snapshot = this.#snapshot;
    if (snapshot === undefined) return;
    void snapshot.then(
      (map) => map.set(entry.id, entry),
      () => undefined,
    );
  }

  #forget(id: string): void {
    const snapshot = this.#snapshot;
    if (snapshot === undefined) return;
    void snapshot.then(
      (map) => map.delete(id),
      () => undefined,
    );
  }

  /** Counts a write into the pacing figures; returns a function to call when it settles. */
  #arrive(): () => void {
    const now = performance.now();
    if (this.#queued() > 0) {
      const gap = now - this.#lastArrival;
      this.#gap = this.#gap === undefined ? gap : 0.7 * this.#gap + 0.3 * gap;
    } else {
      this.#firstQueuedAt = now;
    }
    this.#lastArrival = now;
    this.#outstanding++;
    this.#peak = Math.max(this.#peak, this.#outstanding);
    return () => {
      this.#outstanding--;
    };
  }

  /**
   * Decides when the queue is sent. Terraform gives the provider at most `-parallelism` calls at a time
   * and sends the next one only when one returns, so waiting costs nothing while other calls are still
   * coming, and everything once they stop. The queue goes out:
   * - at once when a queue holds `maxBatch` items;
   * - on the next turn of the event loop when every write the provider has seen in flight at once
   *   (`peak`) is waiting here: nothing more can arrive until these return;
   * - when no write arrived for four times the recent gap between arrivals (at least `gatherMs`): the
   *   calls of one wave reach the provider staggered (Terraform re-plans each resource first, one call
   *   after the other), so a steady trickle still fills a batch, and the last calls of an apply go out
   *   soon after the trickle stops;
   * - at the latest `maxWaitMs` after its oldest item arrived.
   */
  #schedule(): void {
    if (this.#flushing !== undefined) return; // the running flush reschedules when it ends
    if (
      this.#creates.length >= this.#maxBatch ||
      this.#updates.length >= this.#maxBatch ||
      this.#deletes.length >= this.#maxBatch
    ) {
      this.#flushNow();
      return;
    }
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    const now = performance.now();
    let delay: number;
    if (this.#queued() >= this.#peak) {
      delay = 0;
    } else {
      const idle = Math.min(Math.max(IDLE_GAPS * (this.#gap ?? 0), this.#gatherMs), this.#maxWaitMs);
      const deadline = Math.min(this.#firstQueuedAt + this.#maxWaitMs, this.#lastArrival + idle);
      delay = Math.max(0, deadline - now);
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#flushNow();
    }, delay);
  }

  #flushNow(): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (this.#flushing !== undefined || this.#queued() === 0) return;
    const flushing = this.#flush().finally(() => {
      this.#flushing = undefined;
      if (this.#queued() > 0) this.#schedule();
    });
    this.#flushing = flushing;
  }

  /**
   * Sends what is queued: deletes first, then creates, then updates (as SPIRE's controller manager
   * does), so a create never collides with an entry that is being deleted in the same run.
   */
  async #flush(): Promise<void> {
    const deletes = this.#deletes.splice(0);
    const creates = this.#creates.splice(0);
    const updates = this.#updates.splice(0);
    this.#log.debug('sending queued entry writes', {
      creates: creates.length,
      updates: updates.length,
      deletes: deletes.length,
      outstanding: this.#outstanding,
      peak: this.#peak,
      gapMs: Math.round(this.#gap ?? 0),
      waitedMs: Math.round(performance.now() - this.#firstQueuedAt),
    });
    for (const chunk of chunks(deletes, this.#maxBatch)) await this.#sendDeletes(chunk);
    for (const chunk of chunks(creates, this.#maxBatch)) await this.#sendCreates(chunk);
    // BatchUpdateEntry takes one input mask for the whole call: updates are grouped by mask.
    const byMask = new Map<string, Job<UpdateJob, Entry>[]>();
    for (const job of updates) {
      const key = job.input.mask.join(',');
      const group = byMask.get(key) ?? [];
      group.push(job);
      byMask.set(key, group);
    }
    for (const group of byMask.values()) {
      for (const chunk of chunks(group, this.#maxBatch)) await this.#sendUpdates(chunk);
    }
  }

  async #sendDeletes(jobs: Job<string, void>[]): Promise<void> {
    this.stats.batchDeleteCalls++;
    const results = await this.#batch(jobs, (ids) =>
      this.#api.batchDelete(ids, { chunkSize: this.#maxBatch, ...this.#callOptions() }),
    );
    jobs.forEach((job, i) => {
      const result = results[i];
      if (result?.ok === true || (result !== undefined && isCoreError(result.error, 'SPIRE_API_NOT_FOUND'))) {
        this.#forget(job.input);
        job.resolve();
      } else {
        this.invalidate();
        job.reject(result?.error);
      }
    });
  }

  async #sendCreates(jobs: Job<EntryInput & { id: string }, Entry>[]): Promise<void> {
    this.stats.batchCreateCalls++;
    const results = await this.#batch(jobs, (entries) =>
      this.#api.batchCreate(entries, { chunkSize: this.#maxBatch, ...this.#callOptions() }),
    );
    jobs.forEach((job, i) => {
      const result = results[i];
      if (result?.ok === true) {
        this.#remember(result.value);
        job.resolve(result.value);
        return;
      }
      const adopted = result === undefined ? undefined : sameEntryAlreadyCreated(job.input, result.error);
      if (adopted !== undefined) {
        // A create retried on another server after a lost connection: the first attempt went through.
        this.#remember(adopted);
        job.resolve(adopted);
        return;
      }
      this.invalidate();
      job.reject(result?.error);
    });
  }

  async #sendUpdates(jobs: Job<UpdateJob, Entry>[]): Promise<void> {
    const mask = jobs[0]?.input.mask ?? [];
    this.stats.batchUpdateCalls++;
    const results = await this.#batch(jobs, (updates) =>
      this.#api.batchUpdate(
        updates.map((u) => u.update),
        { chunkSize: this.#maxBatch, inputMask: mask, ...this.#callOptions() },
      ),
    );
    jobs.forEach((job, i) => {
      const result = results[i];
      if (result?.ok === true) {
        this.#remember(result.value);
        job.resolve(result.value);
      } else {
        this.invalidate();
        job.reject(result?.error);
      }
    });
  }

  /** Returns one result per job; a call that throws as a whole fails every job with that error. */
  async #batch<In, Out>(
    jobs: readonly { readonly input: In }[],
    send: (inputs: In[]) => Promise<ItemResult<Out>[]>,
  ): Promise<ItemResult<Out>[]> {
    try {
      return await send(jobs.map((j) => j.input));
    } catch (err) {
      const error =
        err instanceof CoreError
          ? err
          : new CoreError('SPIRE_API_FAILED', 'provider', err instanceof Error ? err.message : String(err), {
              cause: err,
            });
      return jobs.map(() => ({ ok: false as const, error }));
    }
  }
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/**
 * Returns the existing entry when an ALREADY_EXISTS result is our own create applied by an earlier
 * attempt: same ID, SPIFFE ID, parent ID and selectors.
 */
function sameEntryAlreadyCreated(wanted: EntryInput & { id: string }, error: CoreError): Entry | undefined {
  if (!isCoreError(error, 'SPIRE_API_ALREADY_EXISTS')) return undefined;
  const existing = error.details.existingEntry as Entry | undefined;
  if (existing?.id !== wanted.id) return undefined;
  if (existing.spiffeId !== wanted.spiffeId || existing.parentId !== wanted.parentId) return undefined;
  const key = (s: readonly { type: string; value: string }[]): string =>
    s
      .map((x) => `${x.type}:${x.value}`)
      .sort()
      .join('\n');
  return key(existing.selectors) === key(wanted.selectors) ? existing : undefined;
}

// Prometheus metrics of the daemon in the text exposition format, written as a node_exporter textfile
// collector file (*.prom, replaced atomically so the collector never reads half a file) and served at
// /metrics by the health listener. Names follow Prometheus conventions: base units (seconds), `_total`
// for counters, `_timestamp_seconds` for Unix times.
import { dirname } from 'node:path';
import { ensureDirectory, writeFileAtomic } from '../outputs/atomic-write.js';

/** What is known about one output. */
export interface OutputMetrics {
  readonly type: 'x509' | 'bundles' | 'jwt';
  spiffeId: string | undefined;
  /** notAfter of the certificate or token on disk, Unix seconds. */
  notAfterSeconds: number | undefined;
  /** When the files were last replaced, Unix seconds. */
  lastRotationSeconds: number | undefined;
  /** Every output file has been written at least once. */
  written: boolean;
  withdrawn: boolean;
  writeFailures: number;
  hookFailures: number;
}

const FILE_MODE = 0o644;
const DIR_MODE = 0o755;

/** Returns `value` escaped for a label value (backslash, double quote, newline). */
export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labels(pairs: Readonly<Record<string, string | undefined>>): string {
  const parts = Object.entries(pairs)
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([name, value]) => `${name}="${escapeLabel(value)}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

export class Metrics {
  readonly file: string | undefined;
  readonly #outputs = new Map<string, OutputMetrics>();
  agentConnected = false;
  agentErrors = 0;
  updates = 0;
  ready = false;
  lastUpdateSeconds: number | undefined;
  #writing: Promise<void> | undefined;
  #dirty = false;

  constructor(file?: string) {
    this.file = file;
  }

  /** Returns the metrics of output `name`, created on first use. */
  output(name: string, type: OutputMetrics['type']): OutputMetrics {
    let entry = this.#outputs.get(name);
    if (entry === undefined) {
      entry = {
        type,
        spiffeId: undefined,
        notAfterSeconds: undefined,
        lastRotationSeconds: undefined,
        written: false,
        withdrawn: false,
        writeFailures: 0,
        hookFailures: 0,
      };
      this.#outputs.set(name, entry);
    }
    return entry;
  }

  /** Returns the exposition text. */
  render(): string {
    const lines: string[] = [];
    const family = (
      name: string,
      type: 'gauge' | 'counter',
      help: string,
      samples: readonly [Record<string, string | undefined>, number | undefined][],
    ): void => {
      const present = samples.filter(
        (sample): sample is [Record<string, string | undefined>, number] => sample[1] !== undefined,
      );
      if (present.length === 0) return;
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [pairs, value] of present) lines.push(`${name}${labels(pairs)} ${formatValue(value)}`);
    };
    const outputs = [...this.#outputs].sort(([a], [b]) => a.localeCompare(b));
    family(
      'spire_helper_output_not_after_timestamp_seconds',
      'gauge',
      'Expiry (notAfter) of the certificate or token an output holds on disk.',
      outputs.map(([name, o]) => [{ output: name, type: o.type, spiffe_id: o.spiffeId }, o.notAfterSeconds]),
    );
    family(
      'spire_helper_output_last_rotation_timestamp_seconds',
      'gauge',
      'When the files of an output were last replaced with new content.',
      outputs.map(([name, o]) => [{ output: name }, o.lastRotationSeconds]),
    );
    family(
      'spire_helper_output_written',
      'gauge',
      '1 once every file of the output has been written since start.',
      outputs.map(([name, o]) => [{ output: name }, o.written ? 1 : 0]),
    );
    family(
      'spire_helper_output_withdrawn',
      'gauge',
      '1 while the agent no longer returns the identity of the output.',
      outputs.map(([name, o]) => [{ output: name }, o.withdrawn ? 1 : 0]),
    );
    family(
      'spire_helper_output_write_failures_total',
      'counter',
      'Failed attempts to validate or write an output.',
      outputs.map(([name, o]) => [{ output: name }, o.writeFailures]),
    );
    family(
      'spire_helper_output_hook_failures_total',
      'counter',
      'Reload hooks of the output that failed.',
      outputs.map(([name, o]) => [{ output: name }, o.hookFailures]),
    );
    family(
      'spire_helper_agent_connected',
      'gauge',
      '1 while the Workload API stream is open and delivering.',
      [[{}, this.agentConnected ? 1 : 0]],
    );
    family('spire_helper_agent_errors_total', 'counter', 'Workload API stream failures (each is retried).', [
      [{}, this.agentErrors],
    ]);
    family('spire_helper_updates_total', 'counter', 'X.509 updates received from the Workload API.', [
      [{}, this.updates],
    ]);
    family('spire_helper_last_update_timestamp_seconds', 'gauge', 'When the last X.509 update arrived.', [
      [{}, this.lastUpdateSeconds],
    ]);
    family('spire_helper_ready', 'gauge', '1 once every output has been written (what /ready reports).', [
      [{}, this.ready ? 1 : 0],
    ]);
    return `${lines.join('\n')}\n`;
  }

  /**
   * Writes the textfile (when configured), atomically; calls made while a write runs coalesce into one more
   * write afterwards. Resolves when the file reflects the state at call time; rejects with WRITE_FAILED.
   */
  async write(): Promise<void> {
    const file = this.file;
    if (file === undefined) return;
    this.#dirty = true;
    while (this.#writing !== undefined) await this.#writing;
    if (!this.#takeDirty()) return;
    this.#writing = (async () => {
      await ensureDirectory(dirname(file), { mode: DIR_MODE });
      await writeFileAtomic(file, this.render(), { mode: FILE_MODE });
    })();
    try {
      await this.#writing;
    } finally {
      this.#writing = undefined;
    }
  }

  /** Returns whether a write is wanted, and clears the flag. */
  #takeDirty(): boolean {
    const dirty = this.#dirty;
    this.#dirty = false;
    return dirty;
  }
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

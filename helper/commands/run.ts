// `spire-helper run --config FILE`: the daemon. Keeps every output of the configuration file up to date from
// one Workload API stream (and JWT-SVID outputs by refreshing them), runs debounced hooks on change, and
// speaks systemd's Type=notify protocol. Stops on SIGTERM/SIGINT after running hooks still pending.
import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { oneLine } from '../errors.js';
import type { TransportChoice } from '../daemon/notify.js';
import type { OutputStatus } from '../daemon/watch.js';

/** The --json result of `run` (printed when it stops), or of `run --check`. */
export interface RunResult {
  readonly config: string;
  readonly checked: boolean;
  readonly ready: boolean;
  readonly outputs: readonly OutputStatus[] | readonly { readonly name: string; readonly type: string }[];
}

export default class Run extends BaseCommand {
  static override summary =
    'Keep many certificate, bundle and JWT outputs up to date from one Workload API stream.';

  static override description = `Reads the outputs from --config (YAML or JSON; see docs/helper/run.md), opens one FetchX509SVID stream and writes every output on every change the agent pushes, atomically; hooks run debounced, only after a change. Sends READY=1 to systemd (Type=notify) once every output has been written, WATCHDOG=1 while healthy and STATUS= lines. Survives agent outages (retries with backoff). Exit codes: 0 stopped by a signal, 2 configuration, 3 the agent refused the client for good.`;

  static override examples = [
    '<%= config.bin %> run --config /etc/spire-helper/run.yaml',
    '<%= config.bin %> run --config /etc/spire-helper/run.yaml --check',
  ];

  static override flags = {
    config: Flags.string({
      char: 'c',
      required: true,
      helpValue: 'FILE',
      summary: 'Configuration file (YAML, or JSON when it ends in .json).',
    }),
    socket: Flags.string({
      aliases: ['endpoint'],
      helpValue: 'ADDRESS',
      summary: 'Workload API endpoint; overrides the file\'s "endpoint". Default: $SPIFFE_ENDPOINT_SOCKET.',
    }),
    check: Flags.boolean({
      default: false,
      summary: 'Validate the configuration (and the endpoint address) and exit: 0 valid, 2 invalid.',
    }),
    'notify-transport': Flags.string({
      options: ['auto', 'datagram', 'systemd-notify'],
      default: 'auto',
      hidden: true,
      summary: 'How sd_notify messages are sent (see docs/helper/sd-notify.md).',
    }),
  };

  async run(): Promise<RunResult> {
    const { flags } = await this.parse(Run);
    // Before any of the daemon's code runs hot (see memory.ts).
    const collectGarbage = (await import('../daemon/memory.js')).tuneForDaemon();
    // Loaded here, not at the top: oclif imports every command class to list them, and `cert fetch` in a
    // oneshot unit should not pay for the daemon's modules (YAML parser, HTTP server, metrics).
    const [{ loadConfig }, { Metrics }, { createNotifier }, { Daemon }, { WorkloadApiClient }] =
      await Promise.all([
        import('../daemon/config.js'),
        import('../daemon/metrics.js'),
        import('../daemon/notify.js'),
        import('../daemon/watch.js'),
        import('../../src/core/workloadapi/index.js'),
      ]);
    const config = await loadConfig(flags.config);
    const endpoint = flags.socket ?? config.endpoint;
    // Resolving the endpoint validates the address (CONFIG_INVALID) before anything starts.
    const client = new WorkloadApiClient(endpoint === undefined ? {} : { endpoint });
    if (flags.check) {
      client.close();
      this.log(
        `${flags.config}: valid; ${config.outputs.length} outputs (${config.outputs.map((o) => o.name).join(', ')})`,
      );
      return {
        config: flags.config,
        checked: true,
        ready: false,
        outputs: config.outputs.map((o) => ({ name: o.name, type: o.type })),
      };
    }
    const log = (line: string): void => {
      process.stderr.write(`spire-helper: ${oneLine(line)}\n`);
    };
    const notifier = await createNotifier({ log, transport: flags['notify-transport'] as TransportChoice });
    const daemon = new Daemon(config, {
      client,
      log,
      notifier,
      metrics: new Metrics(config.metricsFile),
      afterApply: collectGarbage,
    });
    const stop = new AbortController();
    const onSignal = (signal: NodeJS.Signals): void => {
      log(`${signal}: stopping`);
      stop.abort();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    try {
      const result = await daemon.run(stop.signal);
      log('stopped');
      return { config: flags.config, checked: false, ...result };
    } finally {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      client.close();
    }
  }
}

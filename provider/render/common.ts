// Pieces spire_server_config and spire_agent_config share: validators for the values SPIRE parses,
// the health_checks block (the same block on server and agent), the systemd unit both install, and a
// walk that checks every string the user gave against what the HCL writer can express.
import { posix } from 'node:path';
import { attribute, block, validators } from '../framework/index.js';
import type { AttributePath, Diagnostics, Validator } from '../framework/index.js';
import { Dynamic, Unknown } from '../framework/index.js';
import type { HclBlock } from './hcl.js';
import { attr, block as hclBlock, stringProblem } from './hcl.js';

// Go's time.ParseDuration, which SPIRE uses for every TTL and interval: one or more <number><unit>,
// units ns, us (µs), ms, s, m, h. A sign is allowed by Go but a negative TTL is meaningless here.
const GO_DURATION = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/;

/** A positive Go duration ("24h", "1h30m", "90s"), as SPIRE's TTL and interval settings take. */
export const goDuration: Validator<string> = validators.validator('a Go duration', (value) => {
  if (!GO_DURATION.test(value)) {
    return `must be a duration such as "24h", "1h30m" or "300s" (Go time.ParseDuration units ns, us, ms, s, m, h), got ${JSON.stringify(value)}`;
  }
  if (!/[1-9]/.test(value)) return `must be longer than zero, got ${JSON.stringify(value)}`;
  return undefined;
});

/** An absolute file system path. */
export const absolutePath: Validator<string> = validators.validator('an absolute path', (value) =>
  posix.isAbsolute(value) && !value.includes('\0')
    ? undefined
    : `must be an absolute path, got ${JSON.stringify(value)}`,
);

export const port: Validator<number> = validators.integerBetween(1, 65535);

/** The log levels SPIRE accepts (doc/spire_server.md, doc/spire_agent.md `log_level`). */
export const logLevels = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
/** doc/spire_server.md, doc/spire_agent.md `log_format`. */
export const logFormats = ['text', 'json'] as const;

/** A systemd unit name ("spire-agent.service"). */
export const unitName: Validator<string> = validators.matches(
  /^[A-Za-z0-9:_.\\@-]+\.(service|socket|timer|path|target|mount)$/,
  'a systemd unit name such as "spire-agent.service"',
);

/**
 * The `health_checks` block (top level of server.conf and agent.conf: spire pkg/common/health/config.go,
 * doc/spire_server.md and doc/spire_agent.md §Health check configuration).
 */
export function healthChecksBlock(defaultAddress: string) {
  return block.single({
    description:
      'The HTTP health listener (`health_checks`): GET `live_path` and `ready_path` answer 200 while the ' +
      'process is live and ready. Leave the block out to render no listener.',
    attributes: {
      listener_enabled: attribute.bool({ optional: true, description: 'Serve the listener. Default true.' }),
      bind_address: attribute.string({
        optional: true,
        description: `Address to listen on. Default \`${defaultAddress}\` (SPIRE's own default is localhost).`,
      }),
      bind_port: attribute.number({
        optional: true,
        description: "Port to listen on. Default 8080 (SPIRE's own default is 80).",
        validators: [port],
      }),
      live_path: attribute.string({ optional: true, description: 'Liveness path. Default `/live`.' }),
      ready_path: attribute.string({ optional: true, description: 'Readiness path. Default `/ready`.' }),
    },
  });
}

export type HealthChecksModel = NonNullable<ReturnType<typeof healthChecksBlock>['__model']>;

export const HEALTH_DEFAULTS = { port: 8080, livePath: '/live', readyPath: '/ready' } as const;

/** Returns the top-level `health_checks` block, or undefined when the configuration has none. */
export function renderHealthChecks(
  health: HealthChecksModel | null,
  defaultAddress: string,
): HclBlock | undefined {
  if (health === null) return undefined;
  return hclBlock(
    'health_checks',
    [],
    [
      attr('listener_enabled', health.listener_enabled ?? true),
      attr('bind_address', health.bind_address ?? defaultAddress),
      // health.Config.BindPort is a string field (pkg/common/health/config.go), so it is written as one.
      attr('bind_port', String(health.bind_port ?? HEALTH_DEFAULTS.port)),
      attr('live_path', health.live_path ?? HEALTH_DEFAULTS.livePath),
      attr('ready_path', health.ready_path ?? HEALTH_DEFAULTS.readyPath),
    ],
  );
}

/** Returns a systemd unit that runs `<binary> run -config <config>` and restarts it on failure. */
export function systemdUnit(options: {
  readonly description: string;
  readonly binary: string;
  readonly configPath: string;
  /** A socket under /run whose directory systemd should create at each start. */
  readonly socketPath?: string;
}): string {
  const runtime = /^\/run\/(.+)\/[^/]+$/.exec(options.socketPath ?? '')?.[1];
  return [
    '# Written by terraform-provider-spire.',
    '[Unit]',
    `Description=${options.description}`,
    'Wants=network-online.target',
    'After=network-online.target',
    '',
    '[Service]',
    ...(runtime === undefined ? [] : [`RuntimeDirectory=${runtime}`, 'RuntimeDirectoryMode=0755']),
    `ExecStart=${options.binary} run -config ${options.configPath}`,
    'Restart=always',
    'RestartSec=5s',
    'LimitNOFILE=65536',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

/** The `extra_files` attribute: more files for the user-data to write. */
export const extraFilesAttribute = attribute.listNested(
  {
    path: attribute.string({
      required: true,
      description: 'Absolute path of the file.',
      validators: [absolutePath],
    }),
    content: attribute.string({ required: true, sensitive: true, description: 'The file content.' }),
    permissions: attribute.string({
      optional: true,
      description: 'Octal mode. Default `0644`.',
      validators: [validators.matches(/^0?[0-7]{3,4}$/, 'an octal mode such as "0600"')],
    }),
    owner: attribute.string({ optional: true, description: '`user:group`. Default `root:root`.' }),
  },
  {
    optional: true,
    description: 'More files for `user_data` to write (for example a CA certificate or plugin rules).',
  },
);

/** Returns the file mode as cloud-init wants it: four octal digits. */
export function octalMode(mode: string): string {
  return mode.length === 3 ? `0${mode}` : mode;
}

/**
 * Adds an error for every string in `value` (any depth, Dynamic values included) that the HCL writer
 * cannot pass to SPIRE (see render/hcl.ts), at that string's path. Unknown values are skipped.
 */
export function checkStrings(value: unknown, at: AttributePath, diagnostics: Diagnostics): void {
  if (value instanceof Unknown || value === null || value === undefined) return;
  if (value instanceof Dynamic) {
    checkStrings(value.value, at, diagnostics);
    return;
  }
  if (typeof value === 'string') {
    const problem = stringProblem(value);
    if (problem !== undefined) diagnostics.addError('Invalid Attribute Value', problem, at);
    return;
  }
  if (Array.isArray(value)) {
    (value as readonly unknown[]).forEach((v, i) => {
      checkStrings(v, [...at, { index: i }], diagnostics);
    });
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      checkStrings(v, [...at, { attribute: k }], diagnostics);
    }
  }
}

/** Returns the known, non-null model of a top-level value of a ConfigModel, or undefined. */
export function known<T>(value: T | Unknown): Exclude<T, null> | undefined {
  if (value instanceof Unknown || value === null) return undefined;
  return value as Exclude<T, null>;
}

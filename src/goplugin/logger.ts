// Logs for the plugin host. go-plugin reads the plugin's stderr and logs each JSON line that has
// @level and @message at that level (go-plugin log_entry.go); Terraform shows them under TF_LOG, SPIRE
// through its own logger (spire pkg/common/catalog/external.go NewHCLogAdapter). stdout is never used: it
// carries the handshake.

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

const levels: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];

export interface PluginLogger {
  trace(message: string, fields?: Readonly<Record<string, unknown>>): void;
  debug(message: string, fields?: Readonly<Record<string, unknown>>): void;
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/**
 * Returns the level named by the first of `variables` that is set (Terraform providers read
 * TF_LOG_PROVIDER, then TF_LOG); "JSON" means trace, anything unrecognised means `fallback`.
 */
export function levelFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  options: { readonly variables: readonly string[]; readonly fallback: LogLevel },
): LogLevel {
  const name = options.variables.find((v) => env[v] !== undefined);
  const raw = (name === undefined ? '' : (env[name] ?? '')).trim().toLowerCase();
  if (raw === 'json') return 'trace';
  return (levels as readonly string[]).includes(raw) ? (raw as LogLevel) : options.fallback;
}

/** Returns the time in go-hclog's layout, 2006-01-02T15:04:05.000000Z07:00 (six fractional digits). */
export function hclogTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export interface LoggerOptions {
  /** Shown as @module, e.g. "provider.terraform-provider-spire". */
  readonly module: string;
  readonly level: LogLevel;
  /** Receives each line, newline included; defaults to stderr. */
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
}

/** Returns a logger writing one JSON object per line; fields that are not JSON-safe are stringified. */
export function createLogger(options: LoggerOptions): PluginLogger {
  const threshold = levels.indexOf(options.level);
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const now = options.now ?? (() => new Date());
  const emit =
    (level: LogLevel) =>
    (message: string, fields: Readonly<Record<string, unknown>> = {}): void => {
      if (levels.indexOf(level) < threshold) return;
      const entry: Record<string, unknown> = {
        '@level': level,
        '@message': message,
        '@module': options.module,
        '@timestamp': hclogTimestamp(now()),
      };
      for (const [key, value] of Object.entries(fields)) {
        if (!key.startsWith('@')) entry[key] = value;
      }
      write(
        `${JSON.stringify(entry, (_k, v: unknown) =>
          typeof v === 'bigint' ? v.toString() : v instanceof Error ? v.message : v,
        )}\n`,
      );
    };
  return {
    trace: emit('trace'),
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
  };
}

/** A logger that drops everything (tests, and callers that have nowhere to log). */
export const silentPluginLogger: PluginLogger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

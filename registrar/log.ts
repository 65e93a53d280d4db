// Log lines on stderr, which systemd sends to the journal: text by default
// (`spire-node-registrar: info: created entries created=2 role=worker`), or one JSON object per line.
// A join token is a secret until it is used, and SPIRE puts it into the agent ID of a node attested with
// it (spiffe://<td>/spire/agent/join_token/<token>), so every field value is passed through redact().
import { errorText } from './errors.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFormat = 'text' | 'json';
export type LogFields = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface LoggerOptions {
  readonly level?: LogLevel;
  readonly format?: LogFormat;
  /** Where lines go; default stderr. */
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
}

const NAME = 'spire-node-registrar';

/** Returns `text` with the token of every join_token agent ID replaced by "<redacted>". */
export function redact(text: string): string {
  return text.replace(/(\/spire\/agent\/join_token\/)[^\s/"',;]+/g, '$1<redacted>');
}

/** Returns a logger writing lines at `level` and above. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level ?? 'info');
  const format = options.format ?? 'text';
  const write =
    options.write ??
    ((line: string) => {
      process.stderr.write(line);
    });
  const now = options.now ?? (() => new Date());
  const emit = (level: LogLevel, message: string, fields: LogFields = {}): void => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const clean = Object.entries(fields).flatMap(([key, value]): [string, string | number | boolean][] => {
      if (value === undefined) return [];
      if (typeof value === 'string') return [[key, redact(errorText(value))]];
      if (Array.isArray(value)) return [[key, redact(value.join(','))]];
      return [[key, value as number | boolean]];
    });
    if (format === 'json') {
      write(
        `${JSON.stringify({ time: now().toISOString(), level, logger: NAME, msg: redact(message), ...Object.fromEntries(clean) })}\n`,
      );
      return;
    }
    const rendered = clean.map(([key, value]) => `${key}=${textValue(value)}`).join(' ');
    write(`${NAME}: ${level}: ${redact(errorText(message))}${rendered === '' ? '' : ` ${rendered}`}\n`);
  };
  return {
    debug: (message, fields) => {
      emit('debug', message, fields);
    },
    info: (message, fields) => {
      emit('info', message, fields);
    },
    warn: (message, fields) => {
      emit('warn', message, fields);
    },
    error: (message, fields) => {
      emit('error', message, fields);
    },
  };
}

function textValue(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return value !== '' && /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
}

/** A logger that drops everything. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * Keeps a problem that recurs every cycle (an invalid role, a node matching two roles) from filling the
 * journal: a message is logged when it first shows up, again every `repeatMs` while it lasts, and again
 * if it comes back after a cycle without it.
 */
export class RecurringNotices {
  readonly #repeatMs: number;
  readonly #now: () => number;
  #lastLogged = new Map<string, number>();
  #seenThisCycle = new Set<string>();

  constructor(options: { repeatMs?: number; now?: () => number } = {}) {
    this.#repeatMs = options.repeatMs ?? 10 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** Calls `log` unless the notice `key` was logged less than `repeatMs` ago and has not gone away. */
  notice(key: string, log: () => void): void {
    this.#seenThisCycle.add(key);
    const last = this.#lastLogged.get(key);
    const now = this.#now();
    if (last !== undefined && now - last < this.#repeatMs) return;
    this.#lastLogged.set(key, now);
    log();
  }

  /** Ends a cycle: notices not raised in it are forgotten, so they are logged again if they return. */
  endCycle(): void {
    for (const key of this.#lastLogged.keys())
      if (!this.#seenThisCycle.has(key)) this.#lastLogged.delete(key);
    this.#seenThisCycle = new Set();
  }
}

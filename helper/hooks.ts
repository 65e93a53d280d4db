// What runs after an output changed: `systemctl --no-block try-reload-or-restart <units>` and --exec
// commands. Commands run through execa without a shell (argv split here, quotes honoured) unless a shell
// is asked for. Their output goes to our stderr, so stdout stays the command's result (--json).
// --no-block: a cert unit that is ordered Before= the unit it restarts (Tarmak: kube-apiserver After=
// kube-apiserver-cert) would otherwise wait for a restart job that waits for it (Tarmak used --no-block too).
import { HelperError } from './errors.js';

export interface ExecHook {
  readonly command: string;
  /** Run via /bin/sh -c instead of splitting into argv. */
  readonly shell: boolean;
}

export interface HookPlan {
  /** Units for `systemctl --no-block try-reload-or-restart`; run first, in one call. */
  readonly reloadUnits: readonly string[];
  readonly exec: readonly ExecHook[];
  /** Path or name of systemctl (default "systemctl", found on PATH). */
  readonly systemctl?: string;
  /** Upper bound of one hook's run time. */
  readonly timeoutMs: number;
}

export interface HookResult {
  /** The command as it ran (for reading, not for re-running). */
  readonly command: string;
  readonly ok: boolean;
  /** Exit code, when the process exited. */
  readonly exitCode?: number;
  /** Why it failed, one line. */
  readonly error?: string;
}

/** Returns the argv of `command`, splitting on blanks; '…' and "…" quote, backslash escapes one character. */
export function splitCommand(command: string): string[] {
  const args: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command.charAt(i);
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else current += c;
      continue;
    }
    if (c === '\\') {
      i++;
      if (i >= command.length) throw splitError(command, 'ends with a lone backslash');
      current += command.charAt(i);
      inWord = true;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      else current += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) args.push(current);
      current = '';
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (quote !== undefined) throw splitError(command, `has an unterminated ${quote} quote`);
  if (inWord) args.push(current);
  if (args.length === 0) throw splitError(command, 'is empty');
  return args;
}

function splitError(command: string, why: string): HelperError {
  return new HelperError('CONFIG_INVALID', 'hooks', `--exec ${JSON.stringify(command)} ${why}`, {
    details: { flag: 'exec', value: command },
  });
}

/**
 * Runs the plan's hooks in order (units first, then --exec commands) with `env` added to the environment,
 * forwarding their output to `log`; returns one result per hook. Every hook runs even when one fails.
 */
export async function runHooks(
  plan: HookPlan,
  env: Readonly<Record<string, string>>,
  log: (chunk: string) => void,
): Promise<HookResult[]> {
  const results: HookResult[] = [];
  if (plan.reloadUnits.length === 0 && plan.exec.length === 0) return results;
  // Loaded only when a hook runs: most `cert fetch` runs find nothing changed or have no hooks.
  const { execa } = await import('execa');
  if (plan.reloadUnits.length > 0) {
    const systemctl = plan.systemctl ?? 'systemctl';
    const args = ['--no-block', 'try-reload-or-restart', ...plan.reloadUnits];
    results.push(
      await runOne([systemctl, ...args].join(' '), () => execa(systemctl, args, options(plan, env)), log),
    );
  }
  for (const hook of plan.exec) {
    if (hook.shell) {
      results.push(
        await runOne(
          hook.command,
          () => execa(hook.command, { ...options(plan, env), shell: '/bin/sh' }),
          log,
        ),
      );
    } else {
      const [file = '', ...args] = splitCommand(hook.command);
      results.push(await runOne(hook.command, () => execa(file, args, options(plan, env)), log));
    }
  }
  return results;
}

function options(plan: HookPlan, env: Readonly<Record<string, string>>) {
  return {
    env,
    extendEnv: true,
    stdin: 'ignore',
    all: true,
    reject: false,
    timeout: plan.timeoutMs,
    forceKillAfterDelay: 5000,
  } as const;
}

interface Finished {
  exitCode?: number | undefined;
  failed: boolean;
  timedOut: boolean;
  all?: unknown;
  shortMessage?: string | undefined;
  originalMessage?: string | undefined;
  signal?: string | undefined;
}

async function runOne(
  command: string,
  start: () => PromiseLike<Finished>,
  log: (chunk: string) => void,
): Promise<HookResult> {
  let finished: Finished;
  try {
    finished = await start();
  } catch (err) {
    return {
      command,
      ok: false,
      error: err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err),
    };
  }
  const output = typeof finished.all === 'string' ? finished.all : '';
  if (output !== '') log(output.endsWith('\n') ? output : `${output}\n`);
  if (!finished.failed) return { command, ok: true, exitCode: finished.exitCode ?? 0 };
  const error = finished.timedOut
    ? 'timed out'
    : finished.exitCode !== undefined
      ? `exited with code ${finished.exitCode}`
      : finished.signal !== undefined
        ? `killed by ${finished.signal}`
        : ((finished.originalMessage ?? finished.shortMessage ?? 'failed').split('\n')[0] ?? 'failed');
  return {
    command,
    ok: false,
    ...(finished.exitCode === undefined ? {} : { exitCode: finished.exitCode }),
    error,
  };
}

// What every spire-helper command shares: --json, and how a failure leaves the process — one line on
// stderr naming the cause (or a structured error on stdout with --json) and a distinct exit code.
import { Command, Errors } from '@oclif/core';
import { failureOf, HelperError, oneLine, type Failure } from './errors.js';
import { exitCodeFor, type ExitCodeValue } from './exit-codes.js';

/** The --json form of a failure. */
export interface ErrorJson {
  readonly error: Failure & { readonly exitCode: ExitCodeValue };
}

/** Thrown after a failure was reported; carries the exit code to oclif without it printing anything. */
export class ReportedFailure extends Errors.ExitError {
  override readonly skipOclifErrorHandling = true;
  readonly failure: Failure;

  constructor(failure: Failure, exitCode: number) {
    super(exitCode);
    this.failure = failure;
  }
}

// eslint-disable-next-line no-control-regex -- ANSI colour sequences oclif puts in parse errors
const ANSI = /\u001b\[[0-9;]*m/g;

/** Returns the Failure for an oclif parse error (unknown flag, bad option value, missing argument). */
function parseFailure(err: Errors.CLIError): Failure {
  const lines = err.message
    .replace(ANSI, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('See more help with'));
  return {
    code: 'CONFIG_INVALID',
    message: oneLine(lines.join('\n')),
    suggestions: ['Run with --help to see the flags.'],
    details: {},
  };
}

export abstract class BaseCommand extends Command {
  static override enableJsonFlag = true;

  /** Writes one line to stderr (not in --json mode), prefixed with the program name. */
  protected note(text: string): void {
    if (!this.jsonEnabled()) process.stderr.write(`spire-helper: ${oneLine(text)}\n`);
  }

  /** Reports `err` (one stderr line, or the JSON error on stdout) and rejects with its exit code. */
  protected override catch(err: Errors.CLIError | Error): Promise<never> {
    if (err instanceof ReportedFailure || err instanceof Errors.ExitError) return Promise.reject(err);
    const failure =
      err instanceof Errors.CLIError && !(err instanceof HelperError) ? parseFailure(err) : failureOf(err);
    const exitCode = exitCodeFor(failure.code);
    if (this.jsonEnabled()) {
      const json: ErrorJson = { error: { ...failure, exitCode } };
      this.logJson(json);
    } else {
      process.stderr.write(`spire-helper: ${failure.message}\n`);
    }
    return Promise.reject(new ReportedFailure(failure, exitCode));
  }
}

// The composer's one error type. `notes` are what SPIRE shows a person (Validate's notes, or the message
// of a failed Configure or Compose call); each names the rule and field it is about.

export type ComposerErrorCode =
  /** The rules file is not usable; nothing was applied. */
  | 'CONFIG_INVALID'
  /** A rule matched, but the SVID it describes cannot be built (e.g. a path segment is not an IP). */
  | 'COMPOSE_FAILED';

export class ComposerError extends Error {
  readonly code: ComposerErrorCode;
  readonly notes: readonly string[];

  constructor(code: ComposerErrorCode, notes: readonly string[], options?: { readonly cause?: unknown }) {
    super(notes.join('; '), options);
    this.name = 'ComposerError';
    this.code = code;
    this.notes = notes;
  }
}

/** Returns true when `err` is a ComposerError (with `code`, when given). */
export function isComposerError(err: unknown, code?: ComposerErrorCode): err is ComposerError {
  return err instanceof ComposerError && (code === undefined || err.code === code);
}

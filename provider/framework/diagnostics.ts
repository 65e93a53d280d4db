// Diagnostics: what a provider tells Terraform about a problem, optionally pointing at an attribute so
// Terraform can show the configuration line (tfplugin6 Diagnostic.attribute).

/**
 * One step of an attribute path: an attribute name, a map key, or a list/tuple index. An index marked
 * `inSet` is a position in a set, which the protocol cannot address: Terraform is shown the path up to
 * the set.
 */
export type PathStep =
  | { readonly attribute: string }
  | { readonly key: string }
  | { readonly index: number; readonly inSet?: true };

export type AttributePath = readonly PathStep[];

/**
 * Returns an attribute path from names and indexes: a string is an attribute name, a number a list
 * index, `{ key }` a map key. `path('rules', 1, 'port')` is `rules[1].port`.
 */
export function path(...steps: readonly (string | number | { readonly key: string })[]): AttributePath {
  return steps.map((s) =>
    typeof s === 'string' ? { attribute: s } : typeof s === 'number' ? { index: s } : { key: s.key },
  );
}

/** Returns the path in Terraform's own notation (`rules[1].port`, `labels["a"]`). */
export function formatPath(p: AttributePath): string {
  let out = '';
  for (const step of p) {
    if ('attribute' in step) out += out === '' ? step.attribute : `.${step.attribute}`;
    else if ('key' in step) out += `[${JSON.stringify(step.key)}]`;
    else out += `[${step.index}]`;
  }
  return out;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  readonly summary: string;
  readonly detail: string;
  readonly path?: AttributePath;
}

/** Collects diagnostics for one request. */
export class Diagnostics {
  readonly #items: Diagnostic[] = [];

  /** Adds an error; Terraform stops the operation and shows it (at `path`'s line when given). */
  addError(summary: string, detail: string, path?: AttributePath): void {
    this.#items.push(
      path === undefined
        ? { severity: 'error', summary, detail }
        : { severity: 'error', summary, detail, path },
    );
  }

  addWarning(summary: string, detail: string, path?: AttributePath): void {
    this.#items.push(
      path === undefined
        ? { severity: 'warning', summary, detail }
        : { severity: 'warning', summary, detail, path },
    );
  }

  /** Adds every diagnostic of `other`. */
  append(other: Diagnostics): void {
    this.#items.push(...other.items);
  }

  hasError(): boolean {
    return this.#items.some((d) => d.severity === 'error');
  }

  get items(): readonly Diagnostic[] {
    return this.#items;
  }
}

/**
 * Returns the message of an error followed by those of its causes, joined by ": ", skipping a cause whose
 * message the previous one already contains (secrets never belong in messages).
 */
export function errorDetail(err: unknown): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    const message = current instanceof Error ? current.message : describe(current);
    if (!(parts.at(-1)?.includes(message) ?? false)) parts.push(message);
    if (!(current instanceof Error)) break;
    current = current.cause;
  }
  return parts.join(': ');
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

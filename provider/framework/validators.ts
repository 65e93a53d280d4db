// Common attribute validators. Each adds one error at the attribute's path, worded for the person who
// wrote the configuration.
import { Diagnostics } from './diagnostics.js';
import type { Validator } from './schema.js';

/** Returns a validator that runs `check` and reports its message (undefined means valid). */
export function validator<T>(description: string, check: (value: T) => string | undefined): Validator<T> {
  return {
    description,
    validate(value, { path, diagnostics }) {
      const problem = check(value);
      if (problem !== undefined) diagnostics.addError('Invalid Attribute Value', problem, path);
    },
  };
}

/** The string has between min and max characters (Unicode code points). */
export function lengthBetween(min: number, max: number): Validator<string> {
  return validator(`length between ${min} and ${max}`, (value) => {
    const length = Array.from(value).length;
    return length < min || length > max
      ? `must be between ${min} and ${max} characters long, got ${length}`
      : undefined;
  });
}

/** The string matches `pattern`; `expectation` says in words what is expected ("a DNS name"). */
export function matches(pattern: RegExp, expectation: string): Validator<string> {
  return validator(`matches ${pattern.source}`, (value) =>
    pattern.test(value) ? undefined : `must be ${expectation}, got ${JSON.stringify(value)}`,
  );
}

/** The value is one of `allowed`. */
export function oneOf<T extends string | number>(...allowed: readonly T[]): Validator<T> {
  return validator(`one of ${allowed.join(', ')}`, (value) =>
    allowed.includes(value)
      ? undefined
      : `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(value)}`,
  );
}

/** The number is an integer between min and max inclusive. */
export function integerBetween(min: number, max: number): Validator<number> {
  return validator(`integer between ${min} and ${max}`, (value) =>
    Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : `must be a whole number between ${min} and ${max}, got ${value}`,
  );
}

/**
 * Every element of a list or set passes `element`. Errors point at the collection (a set element has no
 * path Terraform can show), and the element's index in Terraform's order leads the detail.
 */
export function eachElement<T>(element: Validator<T>): Validator<(T | null)[]> {
  return validator(`each element: ${element.description}`, (values) => {
    const problems: string[] = [];
    values.forEach((value, index) => {
      if (value === null) return;
      const collected = { diagnostics: new Diagnostics(), path: [] };
      element.validate(value, collected);
      for (const d of collected.diagnostics.items) problems.push(`element ${index}: ${d.detail}`);
    });
    return problems.length === 0 ? undefined : problems.join('; ');
  });
}

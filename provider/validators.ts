// Validators and value formats shared by the SPIRE resources and data sources: trust domain names,
// SPIFFE IDs, selectors ("type:value"), RFC 3339 timestamps and the set-match behaviours of filters.
import { SpiffeId, TrustDomain } from '../src/core/spiffeid/index.js';
import { Diagnostics, errorDetail, validators } from './framework/index.js';
import type { Validator } from './framework/index.js';

/** A bare trust domain name ("example.org"), the form SPIRE returns, so state matches configuration. */
export const trustDomainName: Validator<string> = validators.validator('a trust domain name', (value) => {
  if (value.includes('://')) {
    return `must be a bare trust domain name such as "example.org", without "spiffe://"; got ${JSON.stringify(value)}`;
  }
  try {
    TrustDomain.parse(value);
    return undefined;
  } catch (err) {
    return `must be a trust domain name (SPIFFE-ID §2.1): ${errorDetail(err)}; got ${JSON.stringify(value)}`;
  }
});

/** A SPIFFE ID ("spiffe://example.org/path"). */
export const spiffeId: Validator<string> = validators.validator('a SPIFFE ID', (value) => {
  try {
    SpiffeId.parse(value);
    return undefined;
  } catch (err) {
    return `must be a SPIFFE ID such as "spiffe://example.org/workload" (SPIFFE-ID §2): ${errorDetail(err)}; got ${JSON.stringify(value)}`;
  }
});

/** Returns a problem with `value` as a SPIRE selector ("type:value"), or undefined when it is one. */
export function selectorProblem(value: string): string | undefined {
  const colon = value.indexOf(':');
  // SPIRE pkg/server/api/selector.go: a type is required and cannot contain ':'; a value is required.
  if (colon <= 0)
    return `must be a selector "type:value" with a non-empty type; got ${JSON.stringify(value)}`;
  if (colon === value.length - 1)
    return `must be a selector "type:value" with a non-empty value; got ${JSON.stringify(value)}`;
  return undefined;
}

/** Each element is a selector "type:value". */
export const selectors: Validator<(string | null)[]> = validators.eachElement(
  validators.validator('a selector "type:value"', selectorProblem),
);

/** Returns the selector of "type:value" (split at the first colon; validated beforehand). */
export function parseSelector(selector: string): { type: string; value: string } {
  const colon = selector.indexOf(':');
  return { type: selector.slice(0, colon), value: selector.slice(colon + 1) };
}

/**
 * Returns epoch seconds as an RFC 3339 UTC timestamp with whole seconds ("2030-01-01T00:00:00Z"), the
 * form spire_entry uses; null for 0, which SPIRE uses for "not set".
 */
export function rfc3339(seconds: number): string | null {
  if (seconds === 0) return null;
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** How a set filter compares with an entry's or agent's set (SPIRE SelectorMatch.MatchBehavior). */
export const matchBehaviors = ['exact', 'subset', 'superset', 'any'] as const;
export type MatchBehaviorName = (typeof matchBehaviors)[number];

/** Returns the problem a validator finds with `value`, or undefined. */
export function validationProblem<T>(validator: Validator<T>, value: T): string | undefined {
  const diagnostics = new Diagnostics();
  validator.validate(value, { path: [], diagnostics });
  return diagnostics.items[0]?.detail;
}

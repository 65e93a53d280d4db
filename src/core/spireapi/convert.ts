// Conversions shared by the service clients between domain values and the proto loader's objects.
import { CoreError, isCoreError } from '../errors/index.js';
import { SpiffeId, TrustDomain } from '../spiffeid/index.js';
import type { SPIFFEID, SPIFFEID__Input } from '../generated/spire/api/types/SPIFFEID.js';
import type { Selector as ProtoSelector } from '../generated/spire/api/types/Selector.js';
import { MODULE } from './status.js';
import type { Mask, MatchBehavior, Selector } from './types.js';

/** Returns the wire SPIFFEID of `id`, or throws SPIFFEID_INVALID naming `field`. */
export function spiffeIdToProto(id: string, field: string): SPIFFEID__Input {
  const parsed = parseWith(() => SpiffeId.parse(id), field);
  return { trust_domain: parsed.trustDomain.name, path: parsed.path };
}

/** Returns `id` in its canonical form, or throws SPIFFEID_INVALID naming `field`. */
export function canonicalSpiffeId(id: string, field: string): string {
  return parseWith(() => SpiffeId.parse(id), field).toString();
}

/** Returns "spiffe://td/path" for a wire SPIFFEID, or "" when it is absent. */
export function spiffeIdFromProto(id: SPIFFEID | null | undefined): string {
  if (id === null || id === undefined || (id.trust_domain === '' && id.path === '')) return '';
  return `spiffe://${id.trust_domain}${id.path}`;
}

/** Returns the bare trust domain name of `input` ("example.org" or "spiffe://example.org"). */
export function trustDomainName(input: string, field: string): string {
  return parseWith(() => TrustDomain.parse(input), field).name;
}

function parseWith<T>(parse: () => T, field: string): T {
  try {
    return parse();
  } catch (err) {
    if (isCoreError(err)) throw new CoreError(err.code, MODULE, `${field}: ${err.message}`, { cause: err });
    throw err;
  }
}

export function selectorsFromProto(selectors: readonly ProtoSelector[]): Selector[] {
  return selectors.map((selector) => ({ type: selector.type, value: selector.value }));
}

export function selectorsToProto(selectors: readonly Selector[]): { type: string; value: string }[] {
  return selectors.map((selector) => ({ type: selector.type, value: selector.value }));
}

// selector.proto / federateswith.proto: MATCH_EXACT 0, MATCH_SUBSET 1, MATCH_SUPERSET 2, MATCH_ANY 3.
const MATCH_TO_PROTO = {
  exact: 'MATCH_EXACT',
  subset: 'MATCH_SUBSET',
  superset: 'MATCH_SUPERSET',
  any: 'MATCH_ANY',
} as const satisfies Record<MatchBehavior, string>;

export function matchToProto(match: MatchBehavior): (typeof MATCH_TO_PROTO)[MatchBehavior] {
  const value = (MATCH_TO_PROTO as Record<string, (typeof MATCH_TO_PROTO)[MatchBehavior] | undefined>)[match];
  if (value === undefined) {
    throw new CoreError(
      'SPIRE_API_INVALID_ARGUMENT',
      MODULE,
      `match must be one of exact, subset, superset, any; got "${match}"`,
    );
  }
  return value;
}

/**
 * Returns the wire mask (every flag present, true for the named fields), or null for "all fields" when
 * `mask` is undefined. `wireNames` maps each domain field name to its proto flag.
 */
export function maskToProto<Field extends string, Wire extends string>(
  mask: Mask<Field> | undefined,
  wireNames: Readonly<Record<Field, Wire>>,
  what: string,
): Record<Wire, boolean> | null {
  if (mask === undefined) return null;
  const out = {} as Record<Wire, boolean>;
  for (const wire of Object.values<Wire>(wireNames)) out[wire] = false;
  for (const field of mask) {
    const wire = (wireNames as Readonly<Record<string, Wire | undefined>>)[field];
    if (wire === undefined) {
      throw new CoreError(
        'SPIRE_API_INVALID_ARGUMENT',
        MODULE,
        `${what}: unknown field "${field}"; expected one of ${Object.keys(wireNames).join(', ')}`,
      );
    }
    out[wire] = true;
  }
  return out;
}

/** Returns `value` when it is an int32 within [min, max], else throws naming `field`. */
export function int32(value: number, field: string, min: number): number {
  if (!Number.isInteger(value) || value < min || value > 0x7fffffff) {
    throw new CoreError(
      'SPIRE_API_INVALID_ARGUMENT',
      MODULE,
      `${field} must be an integer from ${min} to 2147483647, got ${value}`,
    );
  }
  return value;
}

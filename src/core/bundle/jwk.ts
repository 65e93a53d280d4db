import type { webcrypto } from '../x509/index.js';
import { bundleError } from './errors.js';

export type PublicJwk = webcrypto.JsonWebKey;

// Members that only a private or symmetric JWK has (RFC 7518 §6.2.2, §6.3.2, §6.4.1).
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;
const CURVES_BY_KTY: Readonly<Record<string, readonly string[]>> = {
  EC: ['P-256', 'P-384', 'P-521'],
  OKP: ['Ed25519'],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireString(jwk: Record<string, unknown>, member: string, where: string): string {
  const value = jwk[member];
  if (typeof value !== 'string' || value === '')
    throw bundleError(`${where}: "${member}" must be a non-empty string`);
  return value;
}

/**
 * Returns the public members of a JWT authority (kty with crv/x/y, n/e, or crv/x), or undefined for a key
 * type this library cannot use, which SPIFFE bundle §4.2.1 says to ignore. Throws for a JWK that
 * carries private members or lacks public ones; `where` names the key ("key 3") in the message.
 */
export function readPublicJwk(value: unknown, where: string): PublicJwk | undefined {
  if (!isRecord(value)) throw bundleError(`${where}: must be a JSON object`);
  const kty = requireString(value, 'kty', where);
  for (const member of PRIVATE_MEMBERS) {
    if (member in value) throw bundleError(`${where}: is a private or symmetric key ("${member}" is set)`);
  }
  switch (kty) {
    case 'RSA':
      return { kty, n: requireString(value, 'n', where), e: requireString(value, 'e', where) };
    case 'EC':
    case 'OKP': {
      const crv = requireString(value, 'crv', where);
      if (!(CURVES_BY_KTY[kty] ?? []).includes(crv)) return undefined;
      const x = requireString(value, 'x', where);
      return kty === 'EC' ? { kty, crv, x, y: requireString(value, 'y', where) } : { kty, crv, x };
    }
    default:
      return undefined;
  }
}

export { isRecord };

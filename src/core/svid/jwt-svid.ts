// JWT-SVID parsing and verification. Spec: https://github.com/spiffe/spiffe/blob/main/standards/JWT-SVID.md
// Messages follow go-spiffe svid/jwtsvid/svid.go where it has the rule.
import { CoreError } from '../errors/index.js';
import type { JwtBundle } from '../bundle/index.js';
import { SpiffeId, type TrustDomain } from '../spiffeid/index.js';
import { webcrypto } from '../x509/index.js';

/** A JWT-SVID: a JWS-signed token whose `sub` is a SPIFFE ID. */
export interface JwtSvid {
  readonly id: SpiffeId;
  readonly audience: readonly string[];
  readonly expiresAt: Date;
  readonly claims: Readonly<Record<string, unknown>>;
  /** The token as received (compact JWS). */
  readonly token: string;
  readonly hint: string;
}

// JWT-SVID §3.1: the algorithms a JWT-SVID may be signed with (RFC 7518 §3.1); "none" and HMAC are not
// among them, so a token cannot pick an algorithm that needs no asymmetric key.
const ALGORITHMS = {
  RS256: { family: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  RS384: { family: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
  RS512: { family: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
  PS256: { family: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 },
  PS384: { family: 'RSA-PSS', hash: 'SHA-384', saltLength: 48 },
  PS512: { family: 'RSA-PSS', hash: 'SHA-512', saltLength: 64 },
  ES256: { family: 'ECDSA', hash: 'SHA-256', curve: 'P-256' },
  ES384: { family: 'ECDSA', hash: 'SHA-384', curve: 'P-384' },
  ES512: { family: 'ECDSA', hash: 'SHA-512', curve: 'P-521' },
} as const satisfies Record<string, { family: string; hash: string; saltLength?: number; curve?: string }>;
type JwsAlgorithm = keyof typeof ALGORITHMS;

function isAlgorithm(alg: unknown): alg is JwsAlgorithm {
  return typeof alg === 'string' && Object.hasOwn(ALGORITHMS, alg);
}

function jwtError(message: string, cause?: unknown): CoreError {
  return new CoreError('JWT_INVALID', 'svid', message, cause === undefined ? {} : { cause });
}

function untrusted(message: string, cause?: unknown): CoreError {
  return new CoreError('CHAIN_UNTRUSTED', 'svid', message, cause === undefined ? {} : { cause });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeJsonPart(part: string, name: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) throw jwtError(`unable to parse JWT token: ${name} is not base64url`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch (cause) {
    throw jwtError(`unable to parse JWT token: ${name} is not JSON`, cause);
  }
  if (!isRecord(value)) throw jwtError(`unable to parse JWT token: ${name} is not a JSON object`);
  return value;
}

interface DecodedToken {
  header: Record<string, unknown>;
  alg: JwsAlgorithm;
  claims: Record<string, unknown>;
  id: SpiffeId;
  signingInput: string;
  signature: Uint8Array;
}

/** Returns the token's parts after the structural checks that need no key (JWT-SVID §2, §3). */
function decode(token: string): DecodedToken {
  const parts = token.split('.');
  const [headerPart, payloadPart, signaturePart] = parts;
  if (
    parts.length !== 3 ||
    headerPart === undefined ||
    payloadPart === undefined ||
    signaturePart === undefined
  ) {
    throw jwtError(
      'unable to parse JWT token: expected three dot-separated parts (JWS compact serialization)',
    );
  }
  const header = decodeJsonPart(headerPart, 'header');
  const alg = header.alg;
  if (!isAlgorithm(alg)) {
    throw jwtError(
      `token algorithm ${JSON.stringify(alg ?? null)} is not allowed (expected one of ${Object.keys(ALGORITHMS).join(', ')})`,
    );
  }
  // JWT-SVID §2.3 allows a typ header of JWT or JOSE only.
  if (header.typ !== undefined && header.typ !== 'JWT' && header.typ !== 'JOSE') {
    throw jwtError('token header type not equal to either JWT or JOSE');
  }
  const claims = decodeJsonPart(payloadPart, 'payload');
  if (!/^[A-Za-z0-9_-]*$/.test(signaturePart) || signaturePart === '') {
    throw jwtError('unable to parse JWT token: signature is missing or not base64url');
  }
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub === '') throw jwtError('token missing subject claim');
  let id: SpiffeId;
  try {
    id = SpiffeId.parse(sub);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw jwtError(`token has an invalid subject claim: ${reason}`, cause);
  }
  return {
    header,
    alg,
    claims,
    id,
    signingInput: `${headerPart}.${payloadPart}`,
    signature: new Uint8Array(Buffer.from(signaturePart, 'base64url')),
  };
}

/** Returns the SVID after checking exp, nbf and aud at `at` (JWT-SVID §3.1–3.3). */
function checkClaims(
  decoded: DecodedToken,
  token: string,
  audience: readonly string[],
  options: { at?: Date; hint?: string },
): JwtSvid {
  const { claims } = decoded;
  const at = options.at ?? new Date();
  const exp = claims.exp;
  if (exp === undefined) throw jwtError('token missing exp claim');
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw jwtError('token exp claim must be a number');
  const expiresAt = new Date(exp * 1000);
  if (expiresAt <= at) throw jwtError(`token has expired (exp ${expiresAt.toISOString()})`);
  const nbf = claims.nbf;
  if (nbf !== undefined && (typeof nbf !== 'number' || new Date(nbf * 1000) > at)) {
    throw jwtError('token is not valid yet (nbf)');
  }
  const aud = claims.aud;
  const tokenAudience = typeof aud === 'string' ? [aud] : aud;
  if (!Array.isArray(tokenAudience) || tokenAudience.length === 0) throw jwtError('token missing aud claim');
  if (!tokenAudience.every((value): value is string => typeof value === 'string')) {
    throw jwtError('token aud claim must be a string or an array of strings');
  }
  if (audience.length > 0 && !tokenAudience.some((value) => audience.includes(value))) {
    throw jwtError(
      `expected audience in ${JSON.stringify(audience)} (audience=${JSON.stringify(tokenAudience)})`,
    );
  }
  return Object.freeze({
    id: decoded.id,
    audience: Object.freeze([...tokenAudience]),
    expiresAt,
    claims: Object.freeze({ ...claims }),
    token,
    hint: options.hint ?? '',
  });
}

/**
 * Returns the JWT-SVID in `token` without checking its signature: for tokens the Workload API has just
 * handed over. Checks shape, sub, exp, and (when `audience` is non-empty) aud.
 */
export function parseJwtSvidInsecure(
  token: string,
  audience: readonly string[] = [],
  options: { at?: Date; hint?: string } = {},
): JwtSvid {
  return checkClaims(decode(token), token, audience, options);
}

async function checkSignature(
  decoded: DecodedToken,
  jwk: webcrypto.JsonWebKey,
  keyId: string,
): Promise<void> {
  const spec: { family: string; hash: string; saltLength?: number; curve?: string } = ALGORITHMS[decoded.alg];
  const wantKty = spec.family === 'ECDSA' ? 'EC' : 'RSA';
  if (jwk.kty !== wantKty || (spec.curve !== undefined && jwk.crv !== spec.curve)) {
    throw untrusted(
      `JWT authority "${keyId}" (${jwk.kty ?? '?'}${jwk.crv === undefined ? '' : ` ${jwk.crv}`}) cannot verify ${decoded.alg}`,
    );
  }
  let valid: boolean;
  try {
    const importParams =
      spec.family === 'ECDSA'
        ? { name: spec.family, namedCurve: spec.curve ?? '' }
        : { name: spec.family, hash: spec.hash };
    const key = await webcrypto.subtle.importKey('jwk', jwk, importParams, false, ['verify']);
    const verifyParams =
      spec.family === 'ECDSA'
        ? { name: spec.family, hash: spec.hash }
        : spec.family === 'RSA-PSS'
          ? { name: spec.family, saltLength: spec.saltLength ?? 0 }
          : { name: spec.family };
    valid = await webcrypto.subtle.verify(
      verifyParams,
      key,
      decoded.signature,
      Buffer.from(decoded.signingInput),
    );
  } catch (cause) {
    throw untrusted(`unable to verify token signature with JWT authority "${keyId}"`, cause);
  }
  if (!valid) throw untrusted('token signature is invalid');
}

/**
 * Returns the JWT-SVID in `token` after verifying its signature with the JWT authority named by the
 * header's kid in the bundle of the subject's trust domain, and its exp and aud (one of `audience`).
 * Throws JWT_INVALID for shape and claim problems, CHAIN_UNTRUSTED when the signer is not trusted.
 */
export async function verifyJwtSvid(
  token: string,
  bundles: { get(td: TrustDomain): JwtBundle | undefined },
  audience: readonly string[],
  options: { at?: Date; hint?: string } = {},
): Promise<JwtSvid> {
  if (audience.length === 0) throw jwtError('at least one expected audience is required');
  const decoded = decode(token);
  const keyId = decoded.header.kid;
  if (typeof keyId !== 'string' || keyId === '') throw jwtError('token header missing key id');
  const td = decoded.id.trustDomain;
  const bundle = bundles.get(td);
  if (bundle === undefined) throw untrusted(`no bundle found for trust domain "${td.name}"`);
  const jwk = bundle.authorities.get(keyId);
  if (jwk === undefined) throw untrusted(`no JWT authority "${keyId}" found for trust domain "${td.name}"`);
  await checkSignature(decoded, jwk, keyId);
  return checkClaims(decoded, token, audience, options);
}

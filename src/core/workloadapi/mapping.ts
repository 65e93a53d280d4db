// Turns Workload API responses into core types, validating every document through core svid/bundle.
// The proto types end here: nothing this file returns mentions them.
import { BundleSet, JwtBundle, X509Bundle } from '../bundle/index.js';
import { SpiffeId, TrustDomain } from '../spiffeid/index.js';
import { parseJwtSvidInsecure, parseX509Svid, type JwtSvid, type X509Svid } from '../svid/index.js';
import { splitConcatenatedDer, type x509 } from '../x509/index.js';
import type { X509SVID } from '../generated/X509SVID.js';
import type { X509SVIDResponse } from '../generated/X509SVIDResponse.js';
import type { X509BundlesResponse } from '../generated/X509BundlesResponse.js';
import type { JWTBundlesResponse } from '../generated/JWTBundlesResponse.js';
import type { JWTSVIDResponse } from '../generated/JWTSVIDResponse.js';
import type { ValidateJWTSVIDResponse } from '../generated/ValidateJWTSVIDResponse.js';
import type { Struct } from '../generated/google/protobuf/Struct.js';
import type { Value } from '../generated/google/protobuf/Value.js';
import { invalidResponseError, noIdentityError, type CallSite } from './status.js';

/** What FetchX509SVID delivers: the workload's X509-SVIDs and the bundles to verify peers with. */
export interface X509Context {
  /** Every X509-SVID; the first is the default one (SPIFFE_Workload_API.md). */
  readonly svids: readonly X509Svid[];
  /** The own trust domain's bundle (from the SVIDs) and every federated bundle. */
  readonly bundles: BundleSet<X509Bundle>;
  /** Certificate revocation lists, DER, as the agent sent them (SPIRE sends none today). */
  readonly crls: readonly Uint8Array[];
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface ValidatedJwtSvid {
  readonly svid: JwtSvid;
  /** The claims as the agent returned them after validating the token. */
  readonly claims: Readonly<Record<string, JsonValue>>;
}

/**
 * What the previous message of a stream parsed, for the next one. Every message repeats every SVID and
 * bundle, and between two messages most are unchanged (an agent rotates its SVIDs one by one), so the
 * documents of a message byte-identical to the previous one's are taken over instead of parsed and
 * validated again: they passed the same checks. Only the latest message's documents are kept.
 */
export class ParsedDocuments {
  #svids: { readonly item: X509SVID; readonly svid: X509Svid }[] = [];
  #authorities = new Map<string, x509.X509Certificate>();
  #nextSvids: { readonly item: X509SVID; readonly svid: X509Svid }[] = [];
  #nextAuthorities = new Map<string, x509.X509Certificate>();

  /** Returns the SVID parsed from an identical item of the previous message, if there was one. */
  svid(item: X509SVID): X509Svid | undefined {
    return this.#svids.find(
      (known) =>
        known.item.spiffe_id === item.spiffe_id &&
        known.item.hint === item.hint &&
        Buffer.compare(known.item.x509_svid, item.x509_svid) === 0 &&
        Buffer.compare(known.item.x509_svid_key, item.x509_svid_key) === 0,
    )?.svid;
  }

  /**
   * Returns the previous message's certificates for the concatenated DER `bundle`, or undefined when any
   * is new (or the DER is malformed, which X509Bundle.fromDer then reports).
   */
  authorities(bundle: Uint8Array): x509.X509Certificate[] | undefined {
    let ders: Uint8Array[];
    try {
      ders = splitConcatenatedDer(bundle);
    } catch {
      return undefined;
    }
    if (ders.length === 0) return undefined;
    const certs: x509.X509Certificate[] = [];
    for (const der of ders) {
      const cert = this.#authorities.get(Buffer.from(der).toString('base64'));
      if (cert === undefined) return undefined;
      certs.push(cert);
    }
    return certs;
  }

  /** Records what the message being mapped holds (kept once the whole message has been mapped). */
  remember(item: X509SVID, svid: X509Svid): void {
    this.#nextSvids.push({ item, svid });
  }

  rememberAuthorities(bundle: X509Bundle): void {
    for (const cert of bundle.authorities) {
      this.#nextAuthorities.set(Buffer.from(cert.rawData).toString('base64'), cert);
    }
  }

  /** Makes what was recorded the previous message, or (after a message that failed) drops it. */
  settle(options: { mapped: boolean }): void {
    if (options.mapped) {
      this.#svids = this.#nextSvids;
      this.#authorities = this.#nextAuthorities;
    }
    this.#nextSvids = [];
    this.#nextAuthorities = new Map();
  }
}

/**
 * Returns the X.509 context of a FetchX509SVID message; no SVIDs means no identity (NO_IDENTITY). A stream
 * passes `previous` so that documents it has already parsed are not parsed again.
 */
export async function x509ContextFromResponse(
  response: X509SVIDResponse,
  site: CallSite,
  previous?: ParsedDocuments,
): Promise<X509Context> {
  let mapped = false;
  try {
    const context = await mapX509Context(response, site, previous);
    mapped = true;
    return context;
  } finally {
    previous?.settle({ mapped });
  }
}

async function mapX509Context(
  response: X509SVIDResponse,
  site: CallSite,
  previous: ParsedDocuments | undefined,
): Promise<X509Context> {
  if (response.svids.length === 0) throw noIdentityError(site, 'X509-SVIDs');
  const svids: X509Svid[] = [];
  const ownBundles: X509Bundle[] = [];
  const seenHints = new Set<string>();
  // Every SVID carries its trust domain's bundle, nearly always the same bytes: parse each distinct one once.
  const parsedBundles: { td: TrustDomain; der: Uint8Array; bundle: X509Bundle }[] = [];
  const ownBundle = (td: TrustDomain, der: Uint8Array, what: string): X509Bundle => {
    const known = parsedBundles.find((b) => b.td.equals(td) && Buffer.compare(der, b.der) === 0);
    if (known !== undefined) return known.bundle;
    const bundle = x509Bundle(td, der, site, what, previous);
    parsedBundles.push({ td, der, bundle });
    return bundle;
  };
  for (const [index, item] of response.svids.entries()) {
    // SPIFFE_Workload_API.md: among SVIDs sharing a hint, the first in the list SHOULD be selected.
    if (item.hint !== '' && seenHints.has(item.hint)) continue;
    seenHints.add(item.hint);
    const what = `X509-SVID #${index} (${JSON.stringify(item.spiffe_id)})`;
    let svid = previous?.svid(item);
    if (svid === undefined) {
      try {
        svid = await parseX509Svid(item.x509_svid, item.x509_svid_key, { hint: item.hint });
      } catch (err) {
        throw invalidResponseError(err, site, what);
      }
      if (svid.id.toString() !== item.spiffe_id) {
        throw invalidResponseError(
          new Error(`its spiffe_id field does not match the certificate's URI SAN ${svid.id.toString()}`),
          site,
          what,
        );
      }
    }
    previous?.remember(item, svid);
    svids.push(svid);
    ownBundles.push(ownBundle(svid.id.trustDomain, item.bundle, `the bundle of ${what}`));
  }
  const bundles = new BundleSet<X509Bundle>();
  for (const [key, der] of Object.entries(response.federated_bundles)) {
    bundles.set(
      x509Bundle(trustDomain(key, site), der, site, `federated bundle ${JSON.stringify(key)}`, previous),
    );
  }
  // The SVIDs' own bundle is authoritative for their trust domain, so it is set last.
  for (const bundle of ownBundles) bundles.set(bundle);
  return { svids, bundles, crls: response.crl.map((der) => new Uint8Array(der)) };
}

/** Returns the bundle set of a FetchX509Bundles message. */
export function x509BundlesFromResponse(
  response: X509BundlesResponse,
  site: CallSite,
): BundleSet<X509Bundle> {
  const bundles = new BundleSet<X509Bundle>();
  for (const [key, der] of Object.entries(response.bundles)) {
    bundles.set(x509Bundle(trustDomain(key, site), der, site, `X.509 bundle ${JSON.stringify(key)}`));
  }
  return bundles;
}

/** Returns the bundle set of a FetchJWTBundles message (JWKS per trust domain). */
export function jwtBundlesFromResponse(response: JWTBundlesResponse, site: CallSite): BundleSet<JwtBundle> {
  const bundles = new BundleSet<JwtBundle>();
  for (const [key, jwks] of Object.entries(response.bundles)) {
    const td = trustDomain(key, site);
    try {
      bundles.set(JwtBundle.fromJwks(td, jwks));
    } catch (err) {
      throw invalidResponseError(err, site, `JWT bundle ${JSON.stringify(key)}`);
    }
  }
  return bundles;
}

/** Returns the JWT-SVIDs of a FetchJWTSVID answer (first one is the default); none means NO_IDENTITY. */
export function jwtSvidsFromResponse(
  response: JWTSVIDResponse,
  audience: readonly string[],
  site: CallSite,
): JwtSvid[] {
  if (response.svids.length === 0) throw noIdentityError(site, 'JWT-SVIDs');
  const svids: JwtSvid[] = [];
  const seenHints = new Set<string>();
  for (const [index, item] of response.svids.entries()) {
    if (item.hint !== '' && seenHints.has(item.hint)) continue;
    seenHints.add(item.hint);
    const what = `JWT-SVID #${index} (${JSON.stringify(item.spiffe_id)})`;
    let svid: JwtSvid;
    try {
      svid = parseJwtSvidInsecure(item.svid, audience, { hint: item.hint });
    } catch (err) {
      throw invalidResponseError(err, site, what);
    }
    if (svid.id.toString() !== item.spiffe_id) {
      throw invalidResponseError(
        new Error(`its spiffe_id field does not match the token's subject ${svid.id.toString()}`),
        site,
        what,
      );
    }
    svids.push(svid);
  }
  return svids;
}

/** Returns the token as a JWT-SVID with the claims the agent validated. */
export function validatedJwtSvidFromResponse(
  response: ValidateJWTSVIDResponse,
  token: string,
  audience: string,
  site: CallSite,
): ValidatedJwtSvid {
  let svid: JwtSvid;
  try {
    svid = parseJwtSvidInsecure(token, [audience]);
    if (response.spiffe_id !== '') SpiffeId.parse(response.spiffe_id);
  } catch (err) {
    throw invalidResponseError(err, site, 'a validation answer');
  }
  if (response.spiffe_id !== '' && response.spiffe_id !== svid.id.toString()) {
    throw invalidResponseError(
      new Error(`the agent validated ${response.spiffe_id} but the token's subject is ${svid.id.toString()}`),
      site,
      'a validation answer',
    );
  }
  return { svid, claims: response.claims === null ? {} : structToJson(response.claims) };
}

function trustDomain(key: string, site: CallSite): TrustDomain {
  try {
    return TrustDomain.parse(key);
  } catch (err) {
    throw invalidResponseError(err, site, `a bundle keyed ${JSON.stringify(key)}`);
  }
}

function x509Bundle(
  td: TrustDomain,
  der: Uint8Array,
  site: CallSite,
  what: string,
  previous?: ParsedDocuments,
): X509Bundle {
  let bundle: X509Bundle;
  try {
    // Certificates the previous message had are taken over; the bundle itself is always a new object.
    const known = previous?.authorities(der);
    bundle = known === undefined ? X509Bundle.fromDer(td, der) : X509Bundle.fromCertificates(td, known);
  } catch (err) {
    throw invalidResponseError(err, site, what);
  }
  previous?.rememberAuthorities(bundle);
  return bundle;
}

function structToJson(struct: Struct): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(struct.fields)) out[key] = valueToJson(value);
  return out;
}

function valueToJson(value: Value): JsonValue {
  switch (value.kind) {
    case 'numberValue':
      return value.numberValue ?? 0;
    case 'stringValue':
      return value.stringValue ?? '';
    case 'boolValue':
      return value.boolValue ?? false;
    case 'structValue':
      return value.structValue == null ? {} : structToJson(value.structValue);
    case 'listValue':
      return (value.listValue?.values ?? []).map(valueToJson);
    case 'nullValue':
    case undefined:
      return null;
  }
  return null;
}

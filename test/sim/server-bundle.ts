// bundle.v1 and trustdomain.v1 of the SPIRE test double. Sources (facts only):
//   pkg/server/api/bundle/v1/service.go        RPC flow, messages, delete modes, applyBundleMask
//   pkg/server/api/bundle.go                   ProtoToBundle, ParseX509Authorities, ParseJWTAuthorities
//   pkg/server/api/trustdomain/v1/service.go   relationship RPCs, RefreshBundle
//   pkg/server/api/trustdomain.go              ProtoToFederationRelationship, FederationRelationshipToProto
//   pkg/server/datastore/sqlstore/sqlstore.go  createBundle, updateBundle, setBundle, appendBundle,
//                                              deleteBundle, listBundles, *FederationRelationship
//   pkg/server/bundle/client/updater.go        what RefreshBundle does with a fetched bundle
import { X509Certificate as NodeX509Certificate, createPublicKey } from 'node:crypto';
import type { Bundle } from '../../src/core/generated/spire/api/types/Bundle.js';
import type { BundleMask } from '../../src/core/generated/spire/api/types/BundleMask.js';
import type { JWTKey } from '../../src/core/generated/spire/api/types/JWTKey.js';
import type { X509Certificate } from '../../src/core/generated/spire/api/types/X509Certificate.js';
import type { Status } from '../../src/core/generated/spire/api/types/Status.js';
import type { FederationRelationship } from '../../src/core/generated/spire/api/types/FederationRelationship.js';
import type { FederationRelationshipMask } from '../../src/core/generated/spire/api/types/FederationRelationshipMask.js';
import type { GetBundleRequest } from '../../src/core/generated/spire/api/server/bundle/v1/GetBundleRequest.js';
import type { AppendBundleRequest } from '../../src/core/generated/spire/api/server/bundle/v1/AppendBundleRequest.js';
import type { CountBundlesResponse__Input } from '../../src/core/generated/spire/api/server/bundle/v1/CountBundlesResponse.js';
import type { ListFederatedBundlesRequest } from '../../src/core/generated/spire/api/server/bundle/v1/ListFederatedBundlesRequest.js';
import type { ListFederatedBundlesResponse__Input } from '../../src/core/generated/spire/api/server/bundle/v1/ListFederatedBundlesResponse.js';
import type { GetFederatedBundleRequest } from '../../src/core/generated/spire/api/server/bundle/v1/GetFederatedBundleRequest.js';
import type { BatchCreateFederatedBundleRequest } from '../../src/core/generated/spire/api/server/bundle/v1/BatchCreateFederatedBundleRequest.js';
import type { BatchCreateFederatedBundleResponse__Input } from '../../src/core/generated/spire/api/server/bundle/v1/BatchCreateFederatedBundleResponse.js';
import type { BatchUpdateFederatedBundleRequest } from '../../src/core/generated/spire/api/server/bundle/v1/BatchUpdateFederatedBundleRequest.js';
import type { BatchUpdateFederatedBundleResponse__Input } from '../../src/core/generated/spire/api/server/bundle/v1/BatchUpdateFederatedBundleResponse.js';
import type { BatchSetFederatedBundleRequest } from '../../src/core/generated/spire/api/server/bundle/v1/BatchSetFederatedBundleRequest.js';
import type { BatchSetFederatedBundleResponse__Input } from '../../src/core/generated/spire/api/server/bundle/v1/BatchSetFederatedBundleResponse.js';
import type { BatchDeleteFederatedBundleRequest } from '../../src/core/generated/spire/api/server/bundle/v1/BatchDeleteFederatedBundleRequest.js';
import type { BatchDeleteFederatedBundleResponse__Input } from '../../src/core/generated/spire/api/server/bundle/v1/BatchDeleteFederatedBundleResponse.js';
import type { ListFederationRelationshipsRequest } from '../../src/core/generated/spire/api/server/trustdomain/v1/ListFederationRelationshipsRequest.js';
import type { ListFederationRelationshipsResponse__Input } from '../../src/core/generated/spire/api/server/trustdomain/v1/ListFederationRelationshipsResponse.js';
import type { GetFederationRelationshipRequest } from '../../src/core/generated/spire/api/server/trustdomain/v1/GetFederationRelationshipRequest.js';
import type { BatchCreateFederationRelationshipRequest } from '../../src/core/generated/spire/api/server/trustdomain/v1/BatchCreateFederationRelationshipRequest.js';
import type { BatchCreateFederationRelationshipResponse__Input } from '../../src/core/generated/spire/api/server/trustdomain/v1/BatchCreateFederationRelationshipResponse.js';
import type { BatchUpdateFederationRelationshipRequest } from '../../src/core/generated/spire/api/server/trustdomain/v1/BatchUpdateFederationRelationshipRequest.js';
import type { BatchUpdateFederationRelationshipResponse__Input } from '../../src/core/generated/spire/api/server/trustdomain/v1/BatchUpdateFederationRelationshipResponse.js';
import type { BatchDeleteFederationRelationshipRequest } from '../../src/core/generated/spire/api/server/trustdomain/v1/BatchDeleteFederationRelationshipRequest.js';
import type { BatchDeleteFederationRelationshipResponse__Input } from '../../src/core/generated/spire/api/server/trustdomain/v1/BatchDeleteFederationRelationshipResponse.js';
import type { RefreshBundleRequest } from '../../src/core/generated/spire/api/server/trustdomain/v1/RefreshBundleRequest.js';
import { firstRowAfter, type StoredRelationship } from './datastore.js';
import { RuleError, goQuote, idFromString, trustDomainFromString } from './server-rules.js';
import { Code, causeOf, makeErr, makeStatus, okStatus, type ServerContext } from './server-context.js';
import { parsePageToken } from './server-entry.js';

// ---- conversions (pkg/server/api/bundle.go) -----------------------------------------------------------

/** Returns the authorities as SPIRE stores them (tainted dropped), or throws Go's parse error text. */
function parseX509Authorities(authorities: readonly X509Certificate[]): X509Certificate[] {
  return authorities.map((authority) => {
    // x509.ParseCertificates accepts a concatenation of DER certificates (and an empty one).
    for (const der of splitDer(authority.asn1)) {
      try {
        new NodeX509Certificate(der);
      } catch {
        throw new RuleError('x509: malformed certificate');
      }
    }
    return { asn1: Buffer.from(authority.asn1), tainted: false };
  });
}

/** Returns the DER elements of a concatenation; throws when the framing is broken. */
function splitDer(data: Uint8Array): Buffer[] {
  const out: Buffer[] = [];
  let offset = 0;
  while (offset < data.length) {
    const start = offset;
    if (data[offset] !== 0x30) throw new RuleError('x509: malformed certificate');
    offset++;
    const first = data[offset++] ?? 0;
    let length = first;
    if (first & 0x80) {
      const count = first & 0x7f;
      if (count === 0 || count > 4) throw new RuleError('x509: malformed certificate');
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + (data[offset++] ?? 0);
    }
    offset += length;
    if (offset > data.length) throw new RuleError('x509: malformed certificate');
    out.push(Buffer.from(data.subarray(start, offset)));
  }
  return out;
}

/**
 * Returns the keys as SPIRE stores them (tainted dropped), or throws: the key must parse as PKIX
 * (x509.ParsePKIXPublicKey; Go's exact ASN.1 error text is approximated) and the key ID is required.
 */
function parseJwtAuthorities(keys: readonly JWTKey[]): JWTKey[] {
  return keys.map((key) => {
    if (key.public_key.length === 0) throw new RuleError('asn1: syntax error: sequence truncated');
    try {
      createPublicKey({ key: Buffer.from(key.public_key), format: 'der', type: 'spki' });
    } catch {
      throw new RuleError("asn1: structure error: tags don't match");
    }
    if (key.key_id === '') throw new RuleError('missing key ID');
    return {
      public_key: Buffer.from(key.public_key),
      key_id: key.key_id,
      expires_at: key.expires_at,
      tainted: false,
    };
  });
}

/** Returns the bundle as SPIRE stores it (pkg/server/api/bundle.go ProtoToBundle); throws the cause text. */
function protoToBundle(b: Bundle): Bundle {
  let td: string;
  try {
    td = trustDomainFromString(b.trust_domain);
  } catch (error) {
    throw new RuleError(`invalid trust domain: ${causeOf(error)}`);
  }
  let x509Authorities: X509Certificate[];
  try {
    x509Authorities = parseX509Authorities(b.x509_authorities);
  } catch (error) {
    throw new RuleError(`unable to parse X.509 authority: ${causeOf(error)}`);
  }
  let jwtAuthorities: JWTKey[];
  try {
    jwtAuthorities = parseJwtAuthorities(b.jwt_authorities);
  } catch (error) {
    throw new RuleError(`unable to parse JWT authority: ${causeOf(error)}`);
  }
  return {
    trust_domain: td,
    x509_authorities: x509Authorities,
    jwt_authorities: jwtAuthorities,
    refresh_hint: b.refresh_hint,
    sequence_number: b.sequence_number,
  };
}

/** Returns a copy with masked-out fields zeroed (bundle/v1/service.go applyBundleMask). */
export function applyBundleMask(bundle: Bundle, mask: BundleMask | null | undefined): Bundle {
  const out: Bundle = {
    ...bundle,
    x509_authorities: bundle.x509_authorities.map((a) => ({ ...a })),
    jwt_authorities: bundle.jwt_authorities.map((k) => ({ ...k })),
  };
  if (mask === null || mask === undefined) return out;
  if (!mask.refresh_hint) out.refresh_hint = 0;
  if (!mask.sequence_number) out.sequence_number = 0;
  if (!mask.x509_authorities) out.x509_authorities = [];
  if (!mask.jwt_authorities) out.jwt_authorities = [];
  return out;
}

// ---- bundle.v1 -----------------------------------------------------------------------------------------

type BundleResult = { status: Status; bundle?: Bundle };

export interface BundleServiceImpl {
  GetBundle(req: GetBundleRequest): Bundle;
  AppendBundle(req: AppendBundleRequest): Bundle;
  CountBundles(req: Record<string, never>): CountBundlesResponse__Input;
  ListFederatedBundles(req: ListFederatedBundlesRequest): ListFederatedBundlesResponse__Input;
  GetFederatedBundle(req: GetFederatedBundleRequest): Bundle;
  BatchCreateFederatedBundle(
    req: BatchCreateFederatedBundleRequest,
  ): BatchCreateFederatedBundleResponse__Input;
  BatchUpdateFederatedBundle(
    req: BatchUpdateFederatedBundleRequest,
  ): BatchUpdateFederatedBundleResponse__Input;
  BatchSetFederatedBundle(req: BatchSetFederatedBundleRequest): BatchSetFederatedBundleResponse__Input;
  BatchDeleteFederatedBundle(
    req: BatchDeleteFederatedBundleRequest,
  ): BatchDeleteFederatedBundleResponse__Input;
}

/** Returns the bundle.v1 implementation over the shared datastore. */
export function bundleService(ctx: ServerContext): BundleServiceImpl {
  const { ds, trustDomain: td } = ctx;

  /** Returns the parsed trust domain of a federated-bundle item, or the failing status. */
  function federatedTrustDomain(name: string, verb: string): string | Status {
    let parsed: string;
    try {
      parsed = trustDomainFromString(name);
    } catch (error) {
      return makeStatus(Code.INVALID_ARGUMENT, 'trust domain argument is not valid', causeOf(error));
    }
    if (parsed === td) {
      return makeStatus(
        Code.INVALID_ARGUMENT,
        `${verb} a federated bundle for the server's own trust domain is not allowed`,
      );
    }
    return parsed;
  }

  function convert(b: Bundle): Bundle | Status {
    try {
      return protoToBundle(b);
    } catch (error) {
      return makeStatus(Code.INVALID_ARGUMENT, 'failed to convert bundle', causeOf(error));
    }
  }

  function createFederatedBundle(b: Bundle, outputMask: BundleMask | null): BundleResult {
    const parsedTd = federatedTrustDomain(b.trust_domain, 'creating');
    if (typeof parsedTd !== 'string') return { status: parsedTd };
    const bundle = convert(b);
    if ('code' in bundle) return { status: bundle };
    // The trust_domain column is unique: a second create is AlreadyExists.
    if (ds.getFederatedBundle(bundle.trust_domain) !== undefined) {
      return { status: makeStatus(Code.ALREADY_EXISTS, 'bundle already exists') };
    }
    ds.putFederatedBundle(bundle);
    return { status: okStatus(), bundle: applyBundleMask(bundle, outputMask) };
  }

  function updateFederatedBundle(
    b: Bundle,
    inputMask: BundleMask | null,
    outputMask: BundleMask | null,
  ): BundleResult {
    const parsedTd = federatedTrustDomain(b.trust_domain, 'updating');
    if (typeof parsedTd !== 'string') return { status: parsedTd };
    const bundle = convert(b);
    if ('code' in bundle) return { status: bundle };
    const existing = ds.getFederatedBundle(bundle.trust_domain);
    if (existing === undefined) return { status: makeStatus(Code.NOT_FOUND, 'bundle not found') };
    // sqlstore.go applyBundleMask: nil mask = every field.
    const mask = inputMask ?? {
      x509_authorities: true,
      jwt_authorities: true,
      refresh_hint: true,
      sequence_number: true,
    };
    const updated: Bundle = {
      trust_domain: existing.trust_domain,
      x509_authorities: mask.x509_authorities ? bundle.x509_authorities : existing.x509_authorities,
      jwt_authorities: mask.jwt_authorities ? bundle.jwt_authorities : existing.jwt_authorities,
      refresh_hint: mask.refresh_hint ? bundle.refresh_hint : existing.refresh_hint,
      sequence_number: mask.sequence_number ? bundle.sequence_number : existing.sequence_number,
    };
    ds.putFederatedBundle(updated);
    return { status: okStatus(), bundle: applyBundleMask(updated, outputMask) };
  }

  function setFederatedBundle(b: Bundle, outputMask: BundleMask | null): BundleResult {
    const parsedTd = federatedTrustDomain(b.trust_domain, 'setting');
    if (typeof parsedTd !== 'string') return { status: parsedTd };
    const bundle = convert(b);
    if ('code' in bundle) return { status: bundle };
    ds.putFederatedBundle(bundle);
    return { status: okStatus(), bundle: applyBundleMask(bundle, outputMask) };
  }

  function deleteFederatedBundle(name: string, mode: 'RESTRICT' | 'DELETE' | 'DISSOCIATE'): Status {
    let parsed: string;
    try {
      parsed = trustDomainFromString(name);
    } catch (error) {
      return makeStatus(Code.INVALID_ARGUMENT, 'trust domain argument is not valid', causeOf(error));
    }
    if (parsed === td) {
      return makeStatus(
        Code.INVALID_ARGUMENT,
        'removing the bundle for the server trust domain is not allowed',
      );
    }
    if (ds.getFederatedBundle(parsed) === undefined) return makeStatus(Code.NOT_FOUND, 'bundle not found');
    // sqlstore.go deleteBundle: entries federating with the bundle decide what the mode does.
    const federating = ds.listAllEntries().filter((entry) => entry.federates_with.includes(parsed));
    if (federating.length > 0) {
      switch (mode) {
        case 'DELETE':
          for (const entry of federating) ds.deleteEntry(entry.id);
          break;
        case 'DISSOCIATE':
          // The association rows are cleared; the entries' revision numbers stay as they were.
          for (const entry of federating) {
            ds.replaceEntry({
              ...entry,
              federates_with: entry.federates_with.filter((name) => name !== parsed),
            });
          }
          break;
        case 'RESTRICT':
          return makeStatus(
            Code.FAILED_PRECONDITION,
            'failed to delete federated bundle',
            `datastore-sql: cannot delete bundle; federated with ${federating.length} registration entries`,
          );
      }
    }
    ds.deleteFederatedBundle(parsed);
    return okStatus();
  }

  return {
    GetBundle(req) {
      return applyBundleMask(ds.ownBundle(), req.output_mask);
    },

    AppendBundle(req) {
      if (req.jwt_authorities.length === 0 && req.x509_authorities.length === 0) {
        throw makeErr(Code.INVALID_ARGUMENT, 'no authorities to append');
      }
      let jwt: JWTKey[];
      try {
        jwt = parseJwtAuthorities(req.jwt_authorities);
      } catch (error) {
        throw makeErr(Code.INVALID_ARGUMENT, 'failed to convert JWT authority', causeOf(error));
      }
      let x509: X509Certificate[];
      try {
        x509 = parseX509Authorities(req.x509_authorities);
      } catch (error) {
        throw makeErr(Code.INVALID_ARGUMENT, 'failed to convert X.509 authority', causeOf(error));
      }
      ds.appendOwnAuthorities(x509, jwt);
      return applyBundleMask(ds.ownBundle(), req.output_mask);
    },

    CountBundles() {
      // countBundles counts every bundle row, the server's own included.
      return { count: ds.bundleRows().length };
    },

    ListFederatedBundles(req) {
      // listBundles pages over every bundle row; the service then drops the own trust domain, so a
      // page that held it comes back one short.
      const rows = ds.bundleRows();
      let selected = rows;
      let token = '';
      if (req.page_size > 0) {
        const after = parsePageToken(req.page_token, (t) =>
          makeErr(Code.INTERNAL, 'failed to list bundles', `could not parse token '${t}'`),
        );
        const start = firstRowAfter(rows, after);
        selected = rows.slice(start, start + req.page_size);
        const last = selected[selected.length - 1];
        token = last === undefined ? '' : String(last.seq);
      }
      return {
        bundles: selected
          .filter((row) => row.value.trust_domain !== td)
          .map((row) => applyBundleMask(row.value, req.output_mask)),
        next_page_token: token,
      };
    },

    GetFederatedBundle(req) {
      let parsed: string;
      try {
        parsed = trustDomainFromString(req.trust_domain);
      } catch (error) {
        throw makeErr(Code.INVALID_ARGUMENT, 'trust domain argument is not valid', causeOf(error));
      }
      if (parsed === td) {
        throw makeErr(
          Code.INVALID_ARGUMENT,
          "getting a federated bundle for the server's own trust domain is not allowed",
        );
      }
      const bundle = ds.getFederatedBundle(parsed);
      if (bundle === undefined) throw makeErr(Code.NOT_FOUND, 'bundle not found');
      return applyBundleMask(bundle, req.output_mask);
    },

    BatchCreateFederatedBundle(req) {
      const injected = ctx.controls.takeBatchFailures('BatchCreateFederatedBundle');
      return ds.batch(() => ({
        results: req.bundle.map((b, i) => {
          const status = injected.get(i);
          return status !== undefined ? { status } : createFederatedBundle(b, req.output_mask);
        }),
      }));
    },

    BatchUpdateFederatedBundle(req) {
      const injected = ctx.controls.takeBatchFailures('BatchUpdateFederatedBundle');
      return ds.batch(() => ({
        results: req.bundle.map((b, i) => {
          const status = injected.get(i);
          return status !== undefined
            ? { status }
            : updateFederatedBundle(b, req.input_mask, req.output_mask);
        }),
      }));
    },

    BatchSetFederatedBundle(req) {
      const injected = ctx.controls.takeBatchFailures('BatchSetFederatedBundle');
      return ds.batch(() => ({
        results: req.bundle.map((b, i) => {
          const status = injected.get(i);
          return status !== undefined ? { status } : setFederatedBundle(b, req.output_mask);
        }),
      }));
    },

    BatchDeleteFederatedBundle(req) {
      const mode = req.mode as unknown;
      if (mode !== 'RESTRICT' && mode !== 'DELETE' && mode !== 'DISSOCIATE') {
        // Go %q of a proto enum prints its String(): the number for an unknown value.
        throw makeErr(
          Code.INVALID_ARGUMENT,
          'failed to parse deletion mode',
          `unhandled delete mode ${goQuote(String(mode))}`,
        );
      }
      const injected = ctx.controls.takeBatchFailures('BatchDeleteFederatedBundle');
      return ds.batch(() => ({
        results: req.trust_domains.map((name, i) => ({
          trust_domain: name,
          status: injected.get(i) ?? deleteFederatedBundle(name, mode),
        })),
      }));
    },
  };
}

// ---- trustdomain.v1 -------------------------------------------------------------------------------------

const ALL_TRUE_RELATIONSHIP_MASK: FederationRelationshipMask = {
  bundle_endpoint_url: true,
  bundle_endpoint_profile: true,
  trust_domain_bundle: true,
};

interface ConvertedRelationship {
  relationship: StoredRelationship;
  bundle: Bundle | undefined;
}

/**
 * Returns the parsed bundle endpoint URL checks of pkg/server/api/trustdomain.go (Go net/url semantics
 * for the parts that matter: scheme, host, user info); throws the cause text.
 */
function checkBundleEndpointUrl(raw: string): void {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(raw)) {
    throw new RuleError(
      `failed to parse bundle endpoint URL: parse ${goQuote(raw)}: net/url: invalid control character in URL`,
    );
  }
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(raw);
  const scheme = schemeMatch?.[1]?.toLowerCase() ?? '';
  if (scheme !== 'https') throw new RuleError('bundle endpoint URL must use the https scheme');
  const rest = raw.slice(scheme.length + 1);
  let authority = '';
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/);
    authority = end === -1 ? rest.slice(2) : rest.slice(2, 2 + end);
  }
  const at = authority.lastIndexOf('@');
  const host = at === -1 ? authority : authority.slice(at + 1);
  if (host === '') throw new RuleError('bundle endpoint URL must specify the host');
  if (at !== -1) throw new RuleError('bundle endpoint URL must not contain user info');
}

/** SPIRE pkg/server/api/trustdomain.go ProtoToFederationRelationship (always with the all-true mask). */
function protoToRelationship(f: FederationRelationship): ConvertedRelationship {
  let trustDomain: string;
  try {
    trustDomain = trustDomainFromString(f.trust_domain);
  } catch (error) {
    throw new RuleError(`failed to parse trust domain: ${causeOf(error)}`);
  }
  checkBundleEndpointUrl(f.bundle_endpoint_url);
  let profile: StoredRelationship['profile'];
  if (f.bundle_endpoint_profile === 'https_spiffe') {
    const spiffe = f.https_spiffe;
    if (spiffe === null || spiffe === undefined)
      throw new RuleError('bundle endpoint profile does not contain "HttpsSpiffe"');
    try {
      profile = { kind: 'https_spiffe', endpointSpiffeId: idFromString(spiffe.endpoint_spiffe_id).id };
    } catch (error) {
      throw new RuleError(`failed to parse endpoint SPIFFE ID: ${causeOf(error)}`);
    }
  } else if (f.bundle_endpoint_profile === 'https_web') {
    profile = { kind: 'https_web' };
  } else {
    // Go %T of a nil interface.
    throw new RuleError('unsupported bundle endpoint profile type: <nil>');
  }
  let bundle: Bundle | undefined;
  if (f.trust_domain_bundle !== null) {
    try {
      bundle = protoToBundle(f.trust_domain_bundle);
    } catch (error) {
      throw new RuleError(`failed to parse bundle: ${causeOf(error)}`);
    }
    if (bundle.trust_domain !== trustDomain) {
      throw new RuleError(
        `trust domain bundle (${goQuote(f.trust_domain_bundle.trust_domain)}) must match the trust domain of the federation relationship (${goQuote(trustDomain)})`,
      );
    }
  }
  return { relationship: { trustDomain, bundleEndpointUrl: f.bundle_endpoint_url, profile }, bundle };
}

export interface TrustDomainServiceImpl {
  ListFederationRelationships(
    req: ListFederationRelationshipsRequest,
  ): ListFederationRelationshipsResponse__Input;
  GetFederationRelationship(req: GetFederationRelationshipRequest): FederationRelationship;
  BatchCreateFederationRelationship(
    req: BatchCreateFederationRelationshipRequest,
  ): BatchCreateFederationRelationshipResponse__Input;
  BatchUpdateFederationRelationship(
    req: BatchUpdateFederationRelationshipRequest,
  ): BatchUpdateFederationRelationshipResponse__Input;
  BatchDeleteFederationRelationship(
    req: BatchDeleteFederationRelationshipRequest,
  ): BatchDeleteFederationRelationshipResponse__Input;
  RefreshBundle(req: RefreshBundleRequest): Record<string, never>;
}

/** Returns the trustdomain.v1 implementation over the shared datastore. */
export function trustDomainService(ctx: ServerContext): TrustDomainServiceImpl {
  const { ds, trustDomain: td } = ctx;

  /** SPIRE pkg/server/api/trustdomain.go FederationRelationshipToProto; the bundle is read live. */
  function toProto(
    relationship: StoredRelationship,
    mask: FederationRelationshipMask | null,
  ): FederationRelationship {
    const m = mask ?? ALL_TRUE_RELATIONSHIP_MASK;
    const out: FederationRelationship = {
      trust_domain: relationship.trustDomain,
      bundle_endpoint_url: m.bundle_endpoint_url ? relationship.bundleEndpointUrl : '',
      trust_domain_bundle: null,
    };
    if (m.bundle_endpoint_profile) {
      if (relationship.profile.kind === 'https_web') out.https_web = {};
      else out.https_spiffe = { endpoint_spiffe_id: relationship.profile.endpointSpiffeId };
    }
    const bundle = ds.getFederatedBundle(relationship.trustDomain);
    if (m.trust_domain_bundle && bundle !== undefined)
      out.trust_domain_bundle = applyBundleMask(bundle, null);
    return out;
  }

  function parseTrustDomain(name: string): string {
    try {
      return trustDomainFromString(name);
    } catch (error) {
      throw makeErr(Code.INVALID_ARGUMENT, 'failed to parse trust domain', causeOf(error));
    }
  }

  function create(f: FederationRelationship, outputMask: FederationRelationshipMask | null) {
    let converted: ConvertedRelationship;
    try {
      converted = protoToRelationship(f);
    } catch (error) {
      return {
        status: makeStatus(
          Code.INVALID_ARGUMENT,
          'failed to convert federation relationship',
          causeOf(error),
        ),
      };
    }
    if (converted.relationship.trustDomain === td) {
      return {
        status: makeStatus(
          Code.INVALID_ARGUMENT,
          'unable to create federation relationship for server trust domain',
        ),
      };
    }
    // The trust_domain column is unique; the service reports every datastore failure as Internal.
    if (ds.getRelationship(converted.relationship.trustDomain) !== undefined) {
      return {
        status: makeStatus(
          Code.INTERNAL,
          'failed to create federation relationship',
          'datastore-sql: UNIQUE constraint failed: federated_trust_domains.trust_domain',
        ),
      };
    }
    if (converted.bundle !== undefined) ds.putFederatedBundle(converted.bundle);
    ds.putRelationship(converted.relationship);
    return { status: okStatus(), federation_relationship: toProto(converted.relationship, outputMask) };
  }

  function update(
    f: FederationRelationship,
    inputMask: FederationRelationshipMask | null,
    outputMask: FederationRelationshipMask | null,
  ) {
    // The service converts without the mask, so every field must be valid even when masked out.
    let converted: ConvertedRelationship;
    try {
      converted = protoToRelationship(f);
    } catch (error) {
      return {
        status: makeStatus(
          Code.INVALID_ARGUMENT,
          'failed to convert federation relationship',
          causeOf(error),
        ),
      };
    }
    const mask = inputMask ?? ALL_TRUE_RELATIONSHIP_MASK;
    const existing = ds.getRelationship(converted.relationship.trustDomain);
    if (existing === undefined) {
      return {
        status: makeStatus(
          Code.INTERNAL,
          'failed to update federation relationship',
          'unable to fetch federation relationship: record not found',
        ),
      };
    }
    const updated: StoredRelationship = {
      trustDomain: existing.trustDomain,
      bundleEndpointUrl: mask.bundle_endpoint_url
        ? converted.relationship.bundleEndpointUrl
        : existing.bundleEndpointUrl,
      profile: mask.bundle_endpoint_profile ? converted.relationship.profile : existing.profile,
    };
    if (mask.trust_domain_bundle && converted.bundle !== undefined) ds.putFederatedBundle(converted.bundle);
    ds.putRelationship(updated);
    return { status: okStatus(), federation_relationship: toProto(updated, outputMask) };
  }

  function remove(name: string): { trust_domain: string; status: Status } {
    if (name === '')
      return { trust_domain: name, status: makeStatus(Code.INVALID_ARGUMENT, 'missing trust domain') };
    let parsed: string;
    try {
      parsed = trustDomainFromString(name);
    } catch (error) {
      return {
        trust_domain: name,
        status: makeStatus(Code.INVALID_ARGUMENT, 'failed to parse trust domain', causeOf(error)),
      };
    }
    if (!ds.deleteRelationship(parsed)) {
      return {
        trust_domain: parsed,
        status: makeStatus(Code.NOT_FOUND, 'federation relationship not found'),
      };
    }
    return { trust_domain: parsed, status: okStatus() };
  }

  return {
    ListFederationRelationships(req) {
      const rows = ds.relationshipRows();
      let selected = rows;
      let token = '';
      if (req.page_size > 0) {
        const after = parsePageToken(req.page_token, (t) =>
          makeErr(Code.INTERNAL, 'failed to list federation relationships', `could not parse token '${t}'`),
        );
        const start = firstRowAfter(rows, after);
        selected = rows.slice(start, start + req.page_size);
        const last = selected[selected.length - 1];
        token = last === undefined ? '' : String(last.seq);
      }
      return {
        federation_relationships: selected.map((row) => toProto(row.value, req.output_mask)),
        next_page_token: token,
      };
    },

    GetFederationRelationship(req) {
      const parsed = parseTrustDomain(req.trust_domain);
      const relationship = ds.getRelationship(parsed);
      if (relationship === undefined) throw makeErr(Code.NOT_FOUND, 'federation relationship does not exist');
      return toProto(relationship, req.output_mask);
    },

    BatchCreateFederationRelationship(req) {
      const injected = ctx.controls.takeBatchFailures('BatchCreateFederationRelationship');
      return ds.batch(() => ({
        results: req.federation_relationships.map((f, i) => {
          const status = injected.get(i);
          return status !== undefined ? { status } : create(f, req.output_mask);
        }),
      }));
    },

    BatchUpdateFederationRelationship(req) {
      const injected = ctx.controls.takeBatchFailures('BatchUpdateFederationRelationship');
      return ds.batch(() => ({
        results: req.federation_relationships.map((f, i) => {
          const status = injected.get(i);
          return status !== undefined ? { status } : update(f, req.input_mask, req.output_mask);
        }),
      }));
    },

    BatchDeleteFederationRelationship(req) {
      const injected = ctx.controls.takeBatchFailures('BatchDeleteFederationRelationship');
      return ds.batch(() => ({
        results: req.trust_domains.map((name, i) => {
          const status = injected.get(i);
          return status !== undefined ? { trust_domain: name, status } : remove(name);
        }),
      }));
    },

    RefreshBundle(req) {
      const parsed = parseTrustDomain(req.trust_domain);
      const relationship = ds.getRelationship(parsed);
      if (relationship === undefined) {
        throw makeErr(Code.NOT_FOUND, `no relationship with trust domain ${goQuote(parsed)}`);
      }
      // The double has no network federation: a test preloads what the endpoint serves
      // (sim.controls.setFederationEndpointBundle). Without it the fetch fails as for an unreachable
      // endpoint (the text after "failed to fetch bundle: " is Go's HTTP client error, approximated).
      const served = ds.getEndpointBundle(parsed);
      if (served === undefined) {
        throw makeErr(
          Code.INTERNAL,
          'failed to refresh bundle',
          `failed to fetch federated bundle from endpoint: failed to fetch bundle: Get ${goQuote(relationship.bundleEndpointUrl)}: dial tcp: connect: connection refused`,
        );
      }
      // updater.go UpdateBundle: store the fetched bundle unless it equals the local one.
      ds.putFederatedBundle({ ...served, trust_domain: parsed });
      return {};
    },
  };
}

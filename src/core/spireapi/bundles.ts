// Trust bundles, the server's own and federated ones: spire.api.server.bundle.v1.Bundle
// (spire-api-sdk bundle.proto).
import { X509Bundle } from '../bundle/index.js';
import { CoreError } from '../errors/index.js';
import { TrustDomain } from '../spiffeid/index.js';
import { parseCertificates } from '../x509/index.js';
import { loadProto, protoFiles } from '../proto/index.js';
import type { ProtoGrpcType } from '../generated/bundle.js';
import type { BundleDefinition } from '../generated/spire/api/server/bundle/v1/Bundle.js';
import type {
  Bundle as ProtoBundle,
  Bundle__Input as ProtoBundleInput,
} from '../generated/spire/api/types/Bundle.js';
import type { JWTKey__Input } from '../generated/spire/api/types/JWTKey.js';
import type { X509Certificate__Input } from '../generated/spire/api/types/X509Certificate.js';
import { runBatch } from './batch.js';
import type { BatchOptions, ItemResult } from './batch.js';
import { maskToProto, trustDomainName } from './convert.js';
import { collect, pages, validPageSize } from './paging.js';
import { MODULE } from './status.js';
import type { CallOptions, Transport } from './transport.js';
import type { Bundle, BundleField, BundleInput, BundleMask, FederatedBundleDeleteMode } from './types.js';

// BundleMask flags (types/bundle.proto).
const BUNDLE_MASK_FIELDS = {
  x509Authorities: 'x509_authorities',
  jwtAuthorities: 'jwt_authorities',
  refreshHint: 'refresh_hint',
  sequenceNumber: 'sequence_number',
} as const satisfies Record<BundleField, string>;

// BatchDeleteFederatedBundleRequest.Mode: RESTRICT 0, DELETE 1, DISSOCIATE 2.
const DELETE_MODES = {
  restrict: 'RESTRICT',
  delete: 'DELETE',
  dissociate: 'DISSOCIATE',
} as const satisfies Record<FederatedBundleDeleteMode, string>;

export interface ListFederatedBundlesOptions extends CallOptions {
  /** Bundles per page; default 500. */
  pageSize?: number;
  outputMask?: BundleMask;
}

export interface AppendBundleOptions extends CallOptions {
  x509Authorities?: BundleInput['x509Authorities'];
  jwtAuthorities?: BundleInput['jwtAuthorities'];
  outputMask?: BundleMask;
}

export class BundleClient {
  readonly #transport: Transport;
  readonly #service: BundleDefinition;

  constructor(transport: Transport) {
    this.#transport = transport;
    this.#service = (
      loadProto(protoFiles.bundle) as unknown as ProtoGrpcType
    ).spire.api.server.bundle.v1.Bundle.service;
  }

  /** Returns the server's own trust bundle. */
  async getBundle(options: CallOptions & { outputMask?: BundleMask } = {}): Promise<Bundle> {
    const response = await this.#transport.unary(
      this.#service.GetBundle,
      { output_mask: maskToProto(options.outputMask, BUNDLE_MASK_FIELDS, 'outputMask') },
      'GetBundle',
      options,
    );
    return bundleFromProto(response);
  }

  /** Returns the server's bundle after adding the given authorities to it. */
  async appendBundle(options: AppendBundleOptions): Promise<Bundle> {
    const response = await this.#transport.unary(
      this.#service.AppendBundle,
      {
        x509_authorities: x509AuthoritiesToProto(options.x509Authorities),
        jwt_authorities: jwtAuthoritiesToProto(options.jwtAuthorities),
        output_mask: maskToProto(options.outputMask, BUNDLE_MASK_FIELDS, 'outputMask'),
      },
      'AppendBundle',
      options,
    );
    return bundleFromProto(response);
  }

  /** Returns the number of bundles the server holds, its own included. */
  async count(options: CallOptions = {}): Promise<number> {
    return (await this.#transport.unary(this.#service.CountBundles, {}, 'CountBundles', options)).count;
  }

  /** Returns an async iterator over pages of federated bundles. */
  listFederatedBundles(options: ListFederatedBundlesOptions = {}): AsyncGenerator<Bundle[], void, undefined> {
    const outputMask = maskToProto(options.outputMask, BUNDLE_MASK_FIELDS, 'outputMask');
    const pageSize = validPageSize(options.pageSize, 'ListFederatedBundles');
    return pages(async (pageToken) => {
      const response = await this.#transport.unary(
        this.#service.ListFederatedBundles,
        { output_mask: outputMask, page_size: pageSize, page_token: pageToken },
        'ListFederatedBundles',
        options,
      );
      return { items: response.bundles.map(bundleFromProto), nextPageToken: response.next_page_token };
    }, 'ListFederatedBundles');
  }

  /** Returns every federated bundle, across all pages. */
  async listAllFederatedBundles(options: ListFederatedBundlesOptions = {}): Promise<Bundle[]> {
    return collect(this.listFederatedBundles(options));
  }

  /** Returns the bundle of federated trust domain `trustDomain`; SPIRE_API_NOT_FOUND when absent. */
  async getFederatedBundle(
    trustDomain: string,
    options: CallOptions & { outputMask?: BundleMask } = {},
  ): Promise<Bundle> {
    const name = trustDomainName(trustDomain, 'trustDomain');
    const response = await this.#transport.unary(
      this.#service.GetFederatedBundle,
      { trust_domain: name, output_mask: maskToProto(options.outputMask, BUNDLE_MASK_FIELDS, 'outputMask') },
      `GetFederatedBundle(${name})`,
      options,
    );
    return bundleFromProto(response);
  }

  /** Returns one result per bundle, in input order; an existing trust domain fails with ALREADY_EXISTS. */
  async batchCreateFederatedBundles(
    bundles: readonly BundleInput[],
    options: BatchOptions & { outputMask?: BundleMask } = {},
  ): Promise<ItemResult<Bundle>[]> {
    const outputMask = maskToProto(options.outputMask, BUNDLE_MASK_FIELDS, 'outputMask');
    return this.#writeBatch(
      'BatchCreateFederatedBundle',
      bundles,
      options,
      async (chunk) =>
        (
          await this.#transport.unary(
            this.#service.BatchCreateFederatedBundle,
            { bundle: chunk, output_mask: outputMask },
            'BatchCreateFederatedBundle',
            options,
          )
        ).results,
    );
  }

  /**
   * Returns one result per bundle, in input order. Only the fields in `inputMask` change; without a mask
   * SPIRE replaces every field.
   */
  async batchUpdateFederatedBundles(
    bundles: readonly BundleInput[],
    options: BatchOptions & { inputMask?: BundleMask; outputMask?: BundleMask } = {},
  ): Promise<ItemResult<Bundle>[]> {
    const inputMask = maskToProto(options.inputMask, BUNDLE_MASK_FIELDS, 'inputMask');
    const outputMask = maskToProto(options.outputMask, BUNDLE_MASK_FIELDS, 'outputMask');
    return this.#writeBatch(
      'BatchUpdateFederatedBundle',
      bundles,
      options,
      async (chunk) =>
        (
          await this.#transport.unary(
            this.#service.BatchUpdateFederatedBundle,
            { bundle: chunk, input_mask: inputMask, output_mask: outputMask },
            'BatchUpdateFederatedBundle',
            options,
          )
        ).results,
    );
  }

  /** Returns one result per bundle, in input order: each is created or replaced (upsert). */
  async batchSetFederatedBundles(
    bundles: readonly BundleInput[],
    options: BatchOptions & { outputMask?: BundleMask } = {},
  ): Promise<ItemResult<Bundle>[]> {
    const outputMask = maskToProto(options.outputMask, BUNDLE_MASK_FIELDS, 'outputMask');
    return this.#writeBatch(
      'BatchSetFederatedBundle',
      bundles,
      options,
      async (chunk) =>
        (
          await this.#transport.unary(
            this.#service.BatchSetFederatedBundle,
            { bundle: chunk, output_mask: outputMask },
            'BatchSetFederatedBundle',
            options,
          )
        ).results,
    );
  }

  /**
   * Returns one result per trust domain, in input order; the value is the trust domain name. `mode`
   * says what happens to entries federating with a deleted bundle: 'restrict' (default) refuses while
   * any does, 'delete' deletes those entries, 'dissociate' removes the relationship and keeps them.
   */
  async batchDeleteFederatedBundles(
    trustDomains: readonly string[],
    options: BatchOptions & { mode?: FederatedBundleDeleteMode } = {},
  ): Promise<ItemResult<string>[]> {
    const mode = options.mode ?? 'restrict';
    const wireMode = (
      DELETE_MODES as Record<string, (typeof DELETE_MODES)[FederatedBundleDeleteMode] | undefined>
    )[mode];
    if (wireMode === undefined) {
      throw new CoreError(
        'SPIRE_API_INVALID_ARGUMENT',
        MODULE,
        `BatchDeleteFederatedBundle: mode must be restrict, delete or dissociate; got "${mode}"`,
      );
    }
    return runBatch({
      what: 'BatchDeleteFederatedBundle',
      items: trustDomains,
      chunkSize: options.chunkSize,
      describe: (td, index) => `bundle ${index} (${td})`,
      details: (td, index) => ({ index, trustDomain: td }),
      encode: (td) => trustDomainName(td, 'trustDomain'),
      send: async (chunk) =>
        (
          await this.#transport.unary(
            this.#service.BatchDeleteFederatedBundle,
            { trust_domains: chunk, mode: wireMode },
            'BatchDeleteFederatedBundle',
            options,
          )
        ).results,
      decode: (result, td) =>
        result.trust_domain === '' ? trustDomainName(td, 'trustDomain') : result.trust_domain,
    });
  }

  #writeBatch<Res extends { status: { code: number; message: string } | null; bundle: ProtoBundle | null }>(
    what: string,
    bundles: readonly BundleInput[],
    options: BatchOptions,
    send: (chunk: ProtoBundleInput[]) => Promise<readonly Res[]>,
  ): Promise<ItemResult<Bundle>[]> {
    return runBatch({
      what,
      items: bundles,
      chunkSize: options.chunkSize,
      describe: (bundle, index) => `bundle ${index} (${bundle.trustDomain})`,
      details: (bundle, index) => ({ index, trustDomain: bundle.trustDomain }),
      encode: bundleToProto,
      send,
      decode: (result) => {
        if (result.bundle === null) {
          throw new CoreError(
            'SPIRE_API_FAILED',
            MODULE,
            'the server returned an OK result without the bundle',
          );
        }
        return bundleFromProto(result.bundle);
      },
    });
  }
}

/** Returns the X.509 authorities of `bundle` as an X509Bundle (tainted ones included). */
export function x509BundleOf(bundle: Bundle): X509Bundle {
  return X509Bundle.fromCertificates(
    TrustDomain.parse(bundle.trustDomain),
    bundle.x509Authorities.flatMap((authority) => parseCertificates(authority.der)),
  );
}

export function bundleFromProto(bundle: ProtoBundle): Bundle {
  return {
    trustDomain: bundle.trust_domain,
    x509Authorities: bundle.x509_authorities.map((cert) => ({
      der: new Uint8Array(cert.asn1),
      tainted: cert.tainted,
    })),
    jwtAuthorities: bundle.jwt_authorities.map((key) => ({
      keyId: key.key_id,
      publicKey: new Uint8Array(key.public_key),
      expiresAt: key.expires_at,
      tainted: key.tainted,
    })),
    refreshHint: bundle.refresh_hint,
    sequenceNumber: bundle.sequence_number,
  };
}

export function bundleToProto(bundle: BundleInput): ProtoBundleInput {
  return {
    trust_domain: trustDomainName(bundle.trustDomain, 'trustDomain'),
    x509_authorities: x509AuthoritiesToProto(bundle.x509Authorities),
    jwt_authorities: jwtAuthoritiesToProto(bundle.jwtAuthorities),
    refresh_hint: bundle.refreshHint ?? 0,
    sequence_number: bundle.sequenceNumber ?? 0,
  };
}

function x509AuthoritiesToProto(authorities: BundleInput['x509Authorities']): X509Certificate__Input[] {
  return (authorities ?? []).map((authority) =>
    authority instanceof Uint8Array
      ? { asn1: authority, tainted: false }
      : { asn1: authority.der, tainted: authority.tainted ?? false },
  );
}

function jwtAuthoritiesToProto(authorities: BundleInput['jwtAuthorities']): JWTKey__Input[] {
  return (authorities ?? []).map((key) => ({
    key_id: key.keyId,
    public_key: key.publicKey,
    expires_at: key.expiresAt ?? 0,
    tainted: key.tainted ?? false,
  }));
}

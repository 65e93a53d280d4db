// Federation relationships: spire.api.server.trustdomain.v1.TrustDomain (spire-api-sdk trustdomain.proto).
// Relationships configured statically in server.conf are not visible here (SPIRE doc/spire_server.md).
import { CoreError } from '../errors/index.js';
import { loadProto, protoFiles } from '../proto/index.js';
import type { ProtoGrpcType } from '../generated/trustdomain.js';
import type { TrustDomainDefinition } from '../generated/spire/api/server/trustdomain/v1/TrustDomain.js';
import type {
  FederationRelationship as ProtoRelationship,
  FederationRelationship__Input as ProtoRelationshipInput,
} from '../generated/spire/api/types/FederationRelationship.js';
import { runBatch } from './batch.js';
import type { BatchOptions, ItemResult } from './batch.js';
import { bundleFromProto, bundleToProto } from './bundles.js';
import { canonicalSpiffeId, maskToProto, trustDomainName } from './convert.js';
import { collect, pages, validPageSize } from './paging.js';
import { MODULE } from './status.js';
import type { CallOptions, Transport } from './transport.js';
import type {
  BundleEndpointProfile,
  FederationRelationship,
  FederationRelationshipField,
  FederationRelationshipInput,
  FederationRelationshipMask,
  FederationRelationshipUpdate,
} from './types.js';

// FederationRelationshipMask flags (types/federationrelationship.proto).
const RELATIONSHIP_MASK_FIELDS = {
  bundleEndpointUrl: 'bundle_endpoint_url',
  profile: 'bundle_endpoint_profile',
  trustDomainBundle: 'trust_domain_bundle',
} as const satisfies Record<FederationRelationshipField, string>;

export interface ListFederationRelationshipsOptions extends CallOptions {
  /** Relationships per page; default 500. */
  pageSize?: number;
  outputMask?: FederationRelationshipMask;
}

export class FederationClient {
  readonly #transport: Transport;
  readonly #service: TrustDomainDefinition;

  constructor(transport: Transport) {
    this.#transport = transport;
    this.#service = (
      loadProto(protoFiles.trustdomain) as unknown as ProtoGrpcType
    ).spire.api.server.trustdomain.v1.TrustDomain.service;
  }

  /** Returns an async iterator over pages of federation relationships. */
  list(
    options: ListFederationRelationshipsOptions = {},
  ): AsyncGenerator<FederationRelationship[], void, undefined> {
    const outputMask = maskToProto(options.outputMask, RELATIONSHIP_MASK_FIELDS, 'outputMask');
    const pageSize = validPageSize(options.pageSize, 'ListFederationRelationships');
    return pages(async (pageToken) => {
      const response = await this.#transport.unary(
        this.#service.ListFederationRelationships,
        { output_mask: outputMask, page_size: pageSize, page_token: pageToken },
        'ListFederationRelationships',
        options,
      );
      return {
        items: response.federation_relationships.map(relationshipFromProto),
        nextPageToken: response.next_page_token,
      };
    }, 'ListFederationRelationships');
  }

  /** Returns every federation relationship, across all pages. */
  async listAll(options: ListFederationRelationshipsOptions = {}): Promise<FederationRelationship[]> {
    return collect(this.list(options));
  }

  /** Returns the relationship with `trustDomain`; SPIRE_API_NOT_FOUND when there is none. */
  async get(
    trustDomain: string,
    options: CallOptions & { outputMask?: FederationRelationshipMask } = {},
  ): Promise<FederationRelationship> {
    const name = trustDomainName(trustDomain, 'trustDomain');
    const response = await this.#transport.unary(
      this.#service.GetFederationRelationship,
      {
        trust_domain: name,
        output_mask: maskToProto(options.outputMask, RELATIONSHIP_MASK_FIELDS, 'outputMask'),
      },
      `GetFederationRelationship(${name})`,
      options,
    );
    return relationshipFromProto(response);
  }

  /** Returns one result per relationship, in input order. */
  async batchCreate(
    relationships: readonly FederationRelationshipInput[],
    options: BatchOptions & { outputMask?: FederationRelationshipMask } = {},
  ): Promise<ItemResult<FederationRelationship>[]> {
    const outputMask = maskToProto(options.outputMask, RELATIONSHIP_MASK_FIELDS, 'outputMask');
    return this.#writeBatch(
      'BatchCreateFederationRelationship',
      relationships,
      options,
      async (chunk) =>
        (
          await this.#transport.unary(
            this.#service.BatchCreateFederationRelationship,
            { federation_relationships: chunk, output_mask: outputMask },
            'BatchCreateFederationRelationship',
            options,
          )
        ).results,
    );
  }

  /** Returns one result per relationship, in input order; only the fields in `inputMask` change. */
  async batchUpdate(
    relationships: readonly FederationRelationshipUpdate[],
    options: BatchOptions & {
      inputMask: FederationRelationshipMask;
      outputMask?: FederationRelationshipMask;
    },
  ): Promise<ItemResult<FederationRelationship>[]> {
    const inputMask = maskToProto(options.inputMask, RELATIONSHIP_MASK_FIELDS, 'inputMask');
    const outputMask = maskToProto(options.outputMask, RELATIONSHIP_MASK_FIELDS, 'outputMask');
    return this.#writeBatch(
      'BatchUpdateFederationRelationship',
      relationships,
      options,
      async (chunk) =>
        (
          await this.#transport.unary(
            this.#service.BatchUpdateFederationRelationship,
            { federation_relationships: chunk, input_mask: inputMask, output_mask: outputMask },
            'BatchUpdateFederationRelationship',
            options,
          )
        ).results,
    );
  }

  /** Returns one result per trust domain, in input order; the value is the trust domain name. */
  async batchDelete(
    trustDomains: readonly string[],
    options: BatchOptions = {},
  ): Promise<ItemResult<string>[]> {
    return runBatch({
      what: 'BatchDeleteFederationRelationship',
      items: trustDomains,
      chunkSize: options.chunkSize,
      describe: (td, index) => `relationship ${index} (${td})`,
      details: (td, index) => ({ index, trustDomain: td }),
      encode: (td) => trustDomainName(td, 'trustDomain'),
      send: async (chunk) =>
        (
          await this.#transport.unary(
            this.#service.BatchDeleteFederationRelationship,
            { trust_domains: chunk },
            'BatchDeleteFederationRelationship',
            options,
          )
        ).results,
      decode: (result, td) =>
        result.trust_domain === '' ? trustDomainName(td, 'trustDomain') : result.trust_domain,
    });
  }

  /** Asks the server to fetch the bundle of `trustDomain` from its bundle endpoint now. */
  async refreshBundle(trustDomain: string, options: CallOptions = {}): Promise<void> {
    const name = trustDomainName(trustDomain, 'trustDomain');
    await this.#transport.unary(
      this.#service.RefreshBundle,
      { trust_domain: name },
      `RefreshBundle(${name})`,
      options,
    );
  }

  #writeBatch<
    Res extends {
      status: { code: number; message: string } | null;
      federation_relationship: ProtoRelationship | null;
    },
  >(
    what: string,
    relationships: readonly FederationRelationshipUpdate[],
    options: BatchOptions,
    send: (chunk: ProtoRelationshipInput[]) => Promise<readonly Res[]>,
  ): Promise<ItemResult<FederationRelationship>[]> {
    return runBatch({
      what,
      items: relationships,
      chunkSize: options.chunkSize,
      describe: (relationship, index) => `relationship ${index} (${relationship.trustDomain})`,
      details: (relationship, index) => ({ index, trustDomain: relationship.trustDomain }),
      encode: relationshipToProto,
      send,
      decode: (result) => {
        if (result.federation_relationship === null) {
          throw new CoreError(
            'SPIRE_API_FAILED',
            MODULE,
            'the server returned an OK result without the relationship',
          );
        }
        return relationshipFromProto(result.federation_relationship);
      },
    });
  }
}

function relationshipFromProto(relationship: ProtoRelationship): FederationRelationship {
  const out: FederationRelationship = {
    trustDomain: relationship.trust_domain,
    bundleEndpointUrl: relationship.bundle_endpoint_url,
  };
  if (relationship.bundle_endpoint_profile === 'https_web') out.profile = { type: 'https_web' };
  else if (relationship.bundle_endpoint_profile === 'https_spiffe') {
    out.profile = {
      type: 'https_spiffe',
      endpointSpiffeId: relationship.https_spiffe?.endpoint_spiffe_id ?? '',
    };
  }
  if (relationship.trust_domain_bundle !== null)
    out.trustDomainBundle = bundleFromProto(relationship.trust_domain_bundle);
  return out;
}

function relationshipToProto(relationship: FederationRelationshipUpdate): ProtoRelationshipInput {
  const out: ProtoRelationshipInput = {
    trust_domain: trustDomainName(relationship.trustDomain, 'trustDomain'),
    bundle_endpoint_url: relationship.bundleEndpointUrl ?? '',
    trust_domain_bundle:
      relationship.trustDomainBundle === undefined ? null : bundleToProto(relationship.trustDomainBundle),
  };
  if (relationship.profile !== undefined) Object.assign(out, profileToProto(relationship.profile));
  return out;
}

function profileToProto(
  profile: BundleEndpointProfile,
): Pick<ProtoRelationshipInput, 'https_web' | 'https_spiffe'> {
  switch (profile.type) {
    case 'https_web':
      return { https_web: {} };
    case 'https_spiffe':
      return {
        https_spiffe: {
          endpoint_spiffe_id: canonicalSpiffeId(profile.endpointSpiffeId, 'profile.endpointSpiffeId'),
        },
      };
  }
}

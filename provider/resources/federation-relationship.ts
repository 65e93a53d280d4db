// spire_federation_relationship: a dynamic federation relationship with a foreign trust domain
// (trustdomain.v1, spire-api-sdk trustdomain.proto). Relationships from server.conf's static
// `federation.federates_with` are not visible through this API (SPIRE doc/spire_server.md).
import { isCoreError } from '../../src/core/errors/index.js';
import type {
  BundleEndpointProfile,
  FederationRelationship,
  FederationRelationshipField,
  FederationRelationshipInput,
} from '../../src/core/spireapi/index.js';
import {
  attribute,
  defineSchema,
  frameworkFor,
  path,
  requiresReplace,
  validators,
} from '../framework/index.js';
import type { Validator } from '../framework/index.js';
import type { ProviderData } from '../provider-data.js';
import { bundleInputFromJson, validateBundleText } from '../bundle-formats.js';
import { spiffeId, trustDomainName, validationProblem } from '../validators.js';

const { defineResource } = frameworkFor<ProviderData>();

/** Returns why `value` cannot be a bundle endpoint URL, as SPIRE checks it, or undefined. */
export function bundleEndpointUrlProblem(value: string): string | undefined {
  // SPIRE pkg/server/api/trustdomain.go: the URL must parse, use https, name a host and carry no user info.
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `must be an absolute https:// URL such as "https://spire.partner.example:8443"; got ${JSON.stringify(value)}`;
  }
  if (url.protocol !== 'https:') return `must use the https scheme; got ${JSON.stringify(value)}`;
  if (url.hostname === '') return `must name a host; got ${JSON.stringify(value)}`;
  if (url.username !== '' || url.password !== '') return 'must not contain user info (user:password@)';
  return undefined;
}

export const bundleEndpointUrl: Validator<string> = validators.validator(
  'an https URL',
  bundleEndpointUrlProblem,
);

/** Private-state key set by an import: the next update adopts the configured bundle without sending it. */
const ADOPT_BUNDLE = 'adopt_bundle';

export const endpointProfiles = ['https_web', 'https_spiffe'] as const;

export const federationRelationshipSchema = defineSchema({
  description:
    'A federation relationship: the SPIRE server fetches the bundle of a foreign trust domain from its ' +
    'bundle endpoint and keeps it current.',
  attributes: {
    trust_domain: attribute.string({
      required: true,
      description:
        'The foreign trust domain, a bare name such as `partner.example`. Changing it replaces the resource.',
      validators: [trustDomainName],
      planModifiers: [requiresReplace()],
    }),
    bundle_endpoint_url: attribute.string({
      required: true,
      description: "The https URL of the foreign trust domain's bundle endpoint.",
      validators: [bundleEndpointUrl],
    }),
    bundle_endpoint_profile: attribute.string({
      required: true,
      description:
        'How the endpoint authenticates: `https_web` (Web PKI certificate) or `https_spiffe` (an ' +
        'X509-SVID, ID given by `endpoint_spiffe_id`, checked against the trust domain bundle).',
      validators: [validators.oneOf(...endpointProfiles)],
    }),
    endpoint_spiffe_id: attribute.string({
      optional: true,
      description:
        'The SPIFFE ID of the bundle endpoint server; required with `https_spiffe`, unset otherwise.',
      validators: [spiffeId],
    }),
    trust_domain_bundle: attribute.string({
      optional: true,
      description:
        'A SPIFFE bundle JSON document for the foreign trust domain, used to bootstrap `https_spiffe` ' +
        'until the first fetch. The server replaces it with every bundle it fetches, so this attribute ' +
        'keeps what was configured and never shows those refreshes as drift. A changed value is sent ' +
        'to the server; after an import the configured value is only recorded.',
    }),
  },
});

type RelationshipModel = {
  trust_domain: string;
  bundle_endpoint_url: string;
  bundle_endpoint_profile: string;
  endpoint_spiffe_id: string | null;
  trust_domain_bundle: string | null;
};

function profileOf(model: RelationshipModel): BundleEndpointProfile {
  if (model.bundle_endpoint_profile === 'https_spiffe') {
    return { type: 'https_spiffe', endpointSpiffeId: model.endpoint_spiffe_id ?? '' };
  }
  return { type: 'https_web' };
}

/** Returns the API form of the planned relationship; the bundle only when configured. */
export function relationshipInput(model: RelationshipModel): FederationRelationshipInput {
  const input: FederationRelationshipInput = {
    trustDomain: model.trust_domain,
    bundleEndpointUrl: model.bundle_endpoint_url,
    profile: profileOf(model),
  };
  if (model.trust_domain_bundle !== null) {
    input.trustDomainBundle = bundleInputFromJson(model.trust_domain, model.trust_domain_bundle);
  }
  return input;
}

/** Returns the fields an update must send: those whose planned value differs from the prior state. */
export function changedFields(
  plan: RelationshipModel,
  prior: RelationshipModel,
): FederationRelationshipField[] {
  const fields: FederationRelationshipField[] = [];
  if (plan.bundle_endpoint_url !== prior.bundle_endpoint_url) fields.push('bundleEndpointUrl');
  if (
    plan.bundle_endpoint_profile !== prior.bundle_endpoint_profile ||
    plan.endpoint_spiffe_id !== prior.endpoint_spiffe_id
  ) {
    fields.push('profile');
  }
  // A bundle removed from the configuration leaves the server's bundle alone: there is nothing to send.
  if (plan.trust_domain_bundle !== null && plan.trust_domain_bundle !== prior.trust_domain_bundle) {
    fields.push('trustDomainBundle');
  }
  return fields;
}

/**
 * Returns the state for the server's relationship. `trust_domain_bundle` comes from `prior`: the server
 * reports the latest fetched bundle there, which changes on its own (spire-api-sdk
 * federationrelationship.proto), so it is not drift the configuration could fix.
 */
export function relationshipState(
  prior: RelationshipModel,
  actual: FederationRelationship,
): RelationshipModel {
  const profile = actual.profile ?? { type: 'https_web' };
  return {
    trust_domain: actual.trustDomain,
    bundle_endpoint_url: actual.bundleEndpointUrl,
    bundle_endpoint_profile: profile.type,
    endpoint_spiffe_id: profile.type === 'https_spiffe' ? profile.endpointSpiffeId : null,
    trust_domain_bundle: prior.trust_domain_bundle,
  };
}

export const federationRelationshipResource = defineResource({
  typeName: 'spire_federation_relationship',
  schema: federationRelationshipSchema,
  validate(config, { diagnostics }) {
    const profile = config.bundle_endpoint_profile;
    const id = config.endpoint_spiffe_id;
    if (profile === 'https_spiffe' && id === null) {
      diagnostics.addError(
        'Missing endpoint SPIFFE ID',
        'bundle_endpoint_profile = "https_spiffe" needs endpoint_spiffe_id: the SPIFFE ID the bundle ' +
          'endpoint server presents.',
        path('endpoint_spiffe_id'),
      );
    }
    if (profile === 'https_web' && id !== null) {
      diagnostics.addError(
        'Unexpected endpoint SPIFFE ID',
        'endpoint_spiffe_id applies only to bundle_endpoint_profile = "https_spiffe"; remove it for "https_web".',
        path('endpoint_spiffe_id'),
      );
    }
    if (typeof config.trust_domain_bundle === 'string') {
      validateBundleText(
        'json',
        config.trust_domain_bundle,
        config.trust_domain,
        path('trust_domain_bundle'),
        diagnostics,
      );
    }
  },
  async create({ plan }, { provider }) {
    const [result] = await provider.client.federation.batchCreate([relationshipInput(plan)]);
    if (result === undefined) throw new Error('BatchCreateFederationRelationship returned no result');
    if (!result.ok) throw result.error;
    return plan;
  },
  async read({ state }, { provider }) {
    let actual: FederationRelationship;
    try {
      actual = await provider.client.federation.get(state.trust_domain, {
        outputMask: ['bundleEndpointUrl', 'profile'],
      });
    } catch (err) {
      if (isCoreError(err, 'SPIRE_API_NOT_FOUND')) return 'gone';
      throw err;
    }
    return relationshipState(state, actual);
  },
  async update({ plan, prior }, { provider, private: priv }) {
    let inputMask = changedFields(plan, prior);
    if (priv.get(ADOPT_BUNDLE) === true && prior.trust_domain_bundle === null) {
      // First apply after an import: the configured bundle only enters the state. Sending it would
      // replace the bundle the server has fetched since with this (older) bootstrap bundle.
      inputMask = inputMask.filter((field) => field !== 'trustDomainBundle');
    }
    priv.delete(ADOPT_BUNDLE);
    if (inputMask.length > 0) {
      // SPIRE converts the whole relationship before applying the mask, so every field is sent.
      const [result] = await provider.client.federation.batchUpdate([relationshipInput(plan)], { inputMask });
      if (result === undefined) throw new Error('BatchUpdateFederationRelationship returned no result');
      if (!result.ok) throw result.error;
    }
    return plan;
  },
  async delete({ prior }, { provider }) {
    const [result] = await provider.client.federation.batchDelete([prior.trust_domain]);
    if (result === undefined) throw new Error('BatchDeleteFederationRelationship returned no result');
    if (!result.ok && result.error.code !== 'SPIRE_API_NOT_FOUND') throw result.error;
  },
  async importState({ id }, { provider, private: priv }) {
    const problem = validationProblem(trustDomainName, id);
    if (problem !== undefined) throw new Error(`import ID ${problem}`);
    await provider.client.federation.get(id, { outputMask: [] });
    priv.set(ADOPT_BUNDLE, true);
    return { trust_domain: id };
  },
});

// spire_federated_bundle: the trust bundle of a foreign trust domain, stored on the SPIRE server
// (bundle.v1 BatchSetFederatedBundle / GetFederatedBundle / BatchDeleteFederatedBundle, spire-api-sdk
// bundle.proto). The bundle formats are in ../bundle-formats.ts, the validators in ../validators.ts.
import { isCoreError } from '../../src/core/errors/index.js';
import type { Bundle, BundleInput } from '../../src/core/spireapi/index.js';
import {
  bundleInputFromJson,
  bundleInputFromPem,
  bundleToPem,
  bundleToSpiffeJson,
  sameBundleContent,
  validateBundleText,
} from '../bundle-formats.js';
import {
  attribute,
  defineSchema,
  frameworkFor,
  path,
  requiresReplace,
  validators,
} from '../framework/index.js';
import type { ProviderData } from '../provider-data.js';
import { trustDomainName, validationProblem } from '../validators.js';

const { defineResource } = frameworkFor<ProviderData>();

export const deleteModes = ['restrict', 'dissociate', 'delete'] as const;

export const federatedBundleSchema = defineSchema({
  description:
    'The trust bundle of a foreign trust domain, stored on the SPIRE server so that registration entries ' +
    'can federate with it. Created and updated with BatchSetFederatedBundle (an upsert).',
  attributes: {
    trust_domain: attribute.string({
      required: true,
      description:
        'The foreign trust domain, a bare name such as `partner.example`. Changing it replaces the resource.',
      validators: [trustDomainName],
      planModifiers: [requiresReplace()],
    }),
    spiffe_bundle_json: attribute.string({
      optional: true,
      computed: true,
      description:
        'The bundle as a SPIFFE bundle JSON document (X.509 and JWT authorities, optional `spiffe_sequence` ' +
        'and `spiffe_refresh_hint`). Configure exactly one of `spiffe_bundle_json` and `x509_pem`; the ' +
        "other is filled in from the server's bundle.",
    }),
    x509_pem: attribute.string({
      optional: true,
      computed: true,
      description:
        'The X.509 authorities as PEM `CERTIFICATE` blocks. Configured, it writes a bundle without JWT ' +
        'authorities (and only X.509 changes count as drift). Configure exactly one of ' +
        "`spiffe_bundle_json` and `x509_pem`; the other is filled in from the server's bundle.",
    }),
    delete_mode: attribute.string({
      optional: true,
      computed: true,
      default: 'restrict',
      description:
        'What destroying the bundle does to registration entries that federate with it: `restrict` ' +
        '(default) refuses while any does, `dissociate` removes the trust domain from those entries, ' +
        '`delete` deletes them. Takes effect once applied, before the destroy.',
      validators: [validators.oneOf(...deleteModes)],
    }),
  },
});

type FederatedBundleModel = {
  trust_domain: string;
  spiffe_bundle_json: string | null;
  x509_pem: string | null;
  delete_mode: string | null;
};

/** Returns the server form of the configured bundle (exactly one format is configured, checked by validate). */
function configuredBundle(config: FederatedBundleModel): BundleInput {
  if (config.spiffe_bundle_json !== null) {
    return bundleInputFromJson(config.trust_domain, config.spiffe_bundle_json);
  }
  if (config.x509_pem !== null) return bundleInputFromPem(config.trust_domain, config.x509_pem);
  throw new Error('set exactly one of spiffe_bundle_json and x509_pem');
}

async function setBundle(data: ProviderData, input: BundleInput): Promise<Bundle> {
  const [result] = await data.client.bundles.batchSetFederatedBundles([input]);
  if (result === undefined) throw new Error('BatchSetFederatedBundle returned no result');
  if (!result.ok) throw result.error;
  return result.value;
}

/** The server's bundle reduced to what the PEM form can say: its X.509 authorities. */
function x509Only(bundle: Bundle): Bundle {
  return { ...bundle, jwtAuthorities: [], sequenceNumber: 0, refreshHint: 0 };
}

/**
 * Returns `text` when it says the same as the server's bundle (so formatting and order are not drift),
 * otherwise the server's bundle rendered in that form.
 */
function keptIfSame(
  text: string | null,
  parse: (text: string) => BundleInput,
  actual: Bundle,
  render: () => string,
): string {
  if (text === null) return render();
  try {
    return sameBundleContent(parse(text), actual) ? text : render();
  } catch {
    return render();
  }
}

/**
 * Returns the state for the server's bundle. Each form keeps the text in `prior` while it says the same
 * as the server; otherwise (drift, or nothing known yet after an import) it is rendered from the server.
 */
export function federatedBundleState(prior: FederatedBundleModel, actual: Bundle): FederatedBundleModel {
  const td = actual.trustDomain;
  return {
    trust_domain: td,
    spiffe_bundle_json: keptIfSame(
      prior.spiffe_bundle_json,
      (text) => bundleInputFromJson(td, text),
      actual,
      () => bundleToSpiffeJson(actual),
    ),
    x509_pem: keptIfSame(
      prior.x509_pem,
      (text) => bundleInputFromPem(td, text),
      x509Only(actual),
      () => bundleToPem(actual),
    ),
    delete_mode: prior.delete_mode ?? 'restrict',
  };
}

/** Private-state key: which form the configuration set at the last write ("json" or "pem"). */
const CONFIGURED_FORM = 'configured_form';

function configuredForm(config: FederatedBundleModel): 'json' | 'pem' {
  return config.spiffe_bundle_json !== null ? 'json' : 'pem';
}

/** Returns the state after a write: the configured form as configured, the other one rendered. */
function writtenState(config: FederatedBundleModel, actual: Bundle): FederatedBundleModel {
  return {
    trust_domain: config.trust_domain,
    spiffe_bundle_json: config.spiffe_bundle_json ?? bundleToSpiffeJson(actual),
    x509_pem: config.x509_pem ?? bundleToPem(actual),
    delete_mode: config.delete_mode ?? 'restrict',
  };
}

export const federatedBundleResource = defineResource({
  typeName: 'spire_federated_bundle',
  schema: federatedBundleSchema,
  validate(config, { diagnostics }) {
    const json = config.spiffe_bundle_json;
    const pem = config.x509_pem;
    if (json === null && pem === null) {
      diagnostics.addError(
        'Missing bundle',
        'Set exactly one of spiffe_bundle_json (SPIFFE bundle JSON) and x509_pem (PEM certificates).',
      );
      return;
    }
    if (json !== null && pem !== null) {
      diagnostics.addError(
        'Conflicting bundle attributes',
        'Set exactly one of spiffe_bundle_json and x509_pem, not both.',
        path('x509_pem'),
      );
      return;
    }
    if (typeof json === 'string') {
      validateBundleText('json', json, config.trust_domain, path('spiffe_bundle_json'), diagnostics);
    }
    if (typeof pem === 'string') {
      validateBundleText('pem', pem, config.trust_domain, path('x509_pem'), diagnostics);
    }
  },
  async create({ config }, { provider, private: priv }) {
    const written = writtenState(config, await setBundle(provider, configuredBundle(config)));
    priv.set(CONFIGURED_FORM, configuredForm(config));
    return written;
  },
  async read({ state }, { provider }) {
    let actual: Bundle;
    try {
      actual = await provider.client.bundles.getFederatedBundle(state.trust_domain);
    } catch (err) {
      if (isCoreError(err, 'SPIRE_API_NOT_FOUND')) return 'gone';
      throw err;
    }
    return federatedBundleState(state, actual);
  },
  async update({ config, prior }, { provider, private: priv }) {
    // The bundle is written unless the same form is configured with the same text as before (only
    // delete_mode changed). A form newly configured, even with the text the state already shows,
    // is written: configuring the PEM form means "these X.509 authorities and no JWT authorities".
    const form = configuredForm(config);
    const unchanged =
      priv.get(CONFIGURED_FORM) === form &&
      (form === 'json'
        ? config.spiffe_bundle_json === prior.spiffe_bundle_json
        : config.x509_pem === prior.x509_pem);
    const actual = unchanged
      ? await provider.client.bundles.getFederatedBundle(config.trust_domain)
      : await setBundle(provider, configuredBundle(config));
    priv.set(CONFIGURED_FORM, form);
    return writtenState(config, actual);
  },
  async delete({ prior }, { provider }) {
    const mode = (deleteModes as readonly string[]).includes(prior.delete_mode ?? '')
      ? (prior.delete_mode as (typeof deleteModes)[number])
      : 'restrict';
    const [result] = await provider.client.bundles.batchDeleteFederatedBundles([prior.trust_domain], {
      mode,
    });
    if (result === undefined) throw new Error('BatchDeleteFederatedBundle returned no result');
    if (result.ok) return;
    const { error } = result;
    if (error.code === 'SPIRE_API_NOT_FOUND') return;
    if (error.code === 'SPIRE_API_FAILED_PRECONDITION' && mode === 'restrict') {
      throw new Error(
        `registration entries still federate with ${prior.trust_domain}, and delete_mode = "restrict" ` +
          'keeps the bundle while any does. Set delete_mode = "dissociate" (remove the trust domain from ' +
          'those entries) or "delete" (delete those entries), apply, then destroy again',
        { cause: error },
      );
    }
    throw error;
  },
  async importState({ id }, { provider }) {
    const problem = validationProblem(trustDomainName, id);
    if (problem !== undefined) throw new Error(`import ID ${problem}`);
    // Fails early with SPIRE's NOT_FOUND, naming the trust domain, instead of an empty import.
    await provider.client.bundles.getFederatedBundle(id);
    return { trust_domain: id };
  },
});

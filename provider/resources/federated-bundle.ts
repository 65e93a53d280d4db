// spire_federated_bundle: the trust bundle of a foreign trust domain, stored on the SPIRE server
// (bundle.v1 BatchSetFederatedBundle / GetFederatedBundle / BatchDeleteFederatedBundle, spire-api-sdk
// bundle.proto). Also home of the bundle formats and validators that spire_federation_relationship and
// the spire_bundle data source share with it.
import { createPublicKey } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import {
  JwtBundle,
  X509Bundle,
  marshalSpiffeBundle,
  parseSpiffeBundle,
} from '../../src/core/bundle/index.js';
import type { PublicJwk } from '../../src/core/bundle/index.js';
import { isCoreError } from '../../src/core/errors/index.js';
import { SpiffeId, TrustDomain } from '../../src/core/spiffeid/index.js';
import type { Bundle, BundleInput } from '../../src/core/spireapi/index.js';
import { x509BundleOf } from '../../src/core/spireapi/index.js';
import {
  Diagnostics,
  attribute,
  defineSchema,
  errorDetail,
  frameworkFor,
  path,
  requiresReplace,
  validators,
} from '../framework/index.js';
import type { AttributePath, Validator } from '../framework/index.js';
import type { ProviderData } from '../provider-data.js';

const { defineResource } = frameworkFor<ProviderData>();

// ---------------------------------------------------------------------------------------------------
// Validators shared by the federation resources and data sources.

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

// ---------------------------------------------------------------------------------------------------
// Bundle formats: SPIFFE bundle JSON (SPIFFE_Trust_Domain_and_Bundle.md §4) and PEM, to and from the
// server's form (X.509 authorities as DER, JWT authorities as PKIX public keys with a key ID).

/** Returns the server form of a SPIFFE bundle JSON document; throws BUNDLE_INVALID naming the key and member. */
export function bundleInputFromJson(trustDomain: string, json: string): BundleInput {
  const td = TrustDomain.parse(trustDomain);
  const parsed = parseSpiffeBundle(td, json);
  const input: BundleInput = {
    trustDomain: td.name,
    x509Authorities: parsed.x509.authorities.map((cert) => new Uint8Array(cert.rawData)),
    jwtAuthorities: [...parsed.jwt.authorities].map(([keyId, jwk]) => ({
      keyId,
      publicKey: spkiFromJwk(jwk),
    })),
  };
  if (parsed.sequenceNumber !== undefined) input.sequenceNumber = parsed.sequenceNumber;
  if (parsed.refreshHintSeconds !== undefined) input.refreshHint = parsed.refreshHintSeconds;
  return input;
}

/** Returns the server form of PEM X.509 authorities; throws when there is no certificate or one is malformed. */
export function bundleInputFromPem(trustDomain: string, pem: string): BundleInput {
  const td = TrustDomain.parse(trustDomain);
  const bundle = X509Bundle.fromPem(td, pem);
  return {
    trustDomain: td.name,
    x509Authorities: bundle.authorities.map((cert) => new Uint8Array(cert.rawData)),
  };
}

/** Returns the bundle as SPIFFE bundle JSON (JWT expiry and tainted flags have no place in that format). */
export function bundleToSpiffeJson(bundle: Bundle): string {
  const td = TrustDomain.parse(bundle.trustDomain);
  const jwt = JwtBundle.fromAuthorities(
    td,
    new Map(bundle.jwtAuthorities.map((key) => [key.keyId, jwkFromSpki(key.publicKey)])),
  );
  return marshalSpiffeBundle({
    x509: x509BundleOf(bundle),
    jwt,
    sequenceNumber: bundle.sequenceNumber,
    refreshHintSeconds: bundle.refreshHint,
  });
}

/** Returns the X.509 authorities of the bundle as PEM "CERTIFICATE" blocks ("" when there is none). */
export function bundleToPem(bundle: Bundle): string {
  return x509BundleOf(bundle).toPem();
}

/** Returns the PEM "PUBLIC KEY" block of a PKIX (SubjectPublicKeyInfo) DER key. */
export function publicKeyPem(spki: Uint8Array): string {
  return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
}

function spkiFromJwk(jwk: PublicJwk): Uint8Array {
  // WebCrypto's JsonWebKey and node:crypto's differ only in typing; copy the members across.
  const key: JsonWebKey = Object.fromEntries(Object.entries(jwk));
  return new Uint8Array(createPublicKey({ key, format: 'jwk' }).export({ type: 'spki', format: 'der' }));
}

function jwkFromSpki(spki: Uint8Array): PublicJwk {
  return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }).export({ format: 'jwk' });
}

/**
 * Returns true when `configured` (a bundle input) says the same as the server's `actual` bundle: the same
 * X.509 authorities and JWT authorities in any order, and the same sequence number and refresh hint
 * where the configuration sets them. Formatting and order of the configured text never count as drift.
 */
export function sameBundleContent(configured: BundleInput, actual: Bundle): boolean {
  const hex = (der: Uint8Array): string => Buffer.from(der).toString('hex');
  const configuredX509 = new Set(
    (configured.x509Authorities ?? []).map((a) => hex(a instanceof Uint8Array ? a : a.der)),
  );
  const actualX509 = new Set(actual.x509Authorities.map((a) => hex(a.der)));
  const configuredJwt = new Set(
    (configured.jwtAuthorities ?? []).map((k) => `${k.keyId}=${hex(k.publicKey)}`),
  );
  const actualJwt = new Set(actual.jwtAuthorities.map((k) => `${k.keyId}=${hex(k.publicKey)}`));
  const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
    a.size === b.size && [...a].every((v) => b.has(v));
  return (
    sameSet(configuredX509, actualX509) &&
    sameSet(configuredJwt, actualJwt) &&
    (configured.sequenceNumber === undefined || configured.sequenceNumber === actual.sequenceNumber) &&
    (configured.refreshHint === undefined || configured.refreshHint === actual.refreshHint)
  );
}

/**
 * Adds an error at `at` when `text` is not a usable bundle of `trustDomain` in `format`. Skipped while
 * the trust domain is unknown or invalid (its own validator reports that; apply checks again).
 */
export function validateBundleText(
  format: 'json' | 'pem',
  text: string,
  trustDomain: unknown,
  at: AttributePath,
  diagnostics: Diagnostics,
): void {
  if (typeof trustDomain !== 'string') return;
  try {
    TrustDomain.parse(trustDomain);
  } catch {
    return;
  }
  try {
    if (format === 'json') bundleInputFromJson(trustDomain, text);
    else bundleInputFromPem(trustDomain, text);
  } catch (err) {
    diagnostics.addError(
      'Invalid Attribute Value',
      format === 'json'
        ? `must be a SPIFFE bundle JSON document (SPIFFE Trust Domain and Bundle §4): ${errorDetail(err)}`
        : `must hold one or more PEM "CERTIFICATE" blocks: ${errorDetail(err)}`,
      at,
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// The resource.

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

/** Returns the problem a validator finds with `value`, or undefined. */
export function validationProblem<T>(validator: Validator<T>, value: T): string | undefined {
  const diagnostics = new Diagnostics();
  validator.validate(value, { path: [], diagnostics });
  return diagnostics.items[0]?.detail;
}

// spire_bundle: the server's own trust bundle (bundle.v1 GetBundle, spire-api-sdk bundle.proto), as
// PEM for TLS configuration and as SPIFFE bundle JSON for federation peers.
import { attribute, defineSchema, frameworkFor } from '../framework/index.js';
import type { ModelOf } from '../framework/index.js';
import type { Bundle } from '../../src/core/spireapi/index.js';
import type { ProviderData } from '../provider-data.js';
import { bundleToPem, bundleToSpiffeJson, publicKeyPem } from '../bundle-formats.js';
import { rfc3339 } from '../validators.js';

const { defineDataSource } = frameworkFor<ProviderData>();

export const bundleSchema = defineSchema({
  description: "The SPIRE server's own trust bundle: the X.509 and JWT authorities of its trust domain.",
  attributes: {
    trust_domain: attribute.string({ computed: true, description: 'The trust domain of the bundle.' }),
    x509_pem: attribute.string({
      computed: true,
      description: 'The X.509 authorities (root CA certificates) as PEM `CERTIFICATE` blocks.',
    }),
    spiffe_bundle_json: attribute.string({
      computed: true,
      description:
        'The bundle as a SPIFFE bundle JSON document (X.509 and JWT authorities, `spiffe_sequence`, ' +
        '`spiffe_refresh_hint`), the form a federation peer configures.',
    }),
    sequence_number: attribute.number({
      computed: true,
      description: 'The bundle sequence number; SPIRE increases it whenever the bundle changes.',
    }),
    refresh_hint: attribute.number({
      computed: true,
      description: 'How often, in seconds, consumers should check for a new bundle (0: not set).',
    }),
    x509_authorities: attribute.listNested(
      {
        pem: attribute.string({ computed: true, description: 'The certificate as PEM.' }),
        tainted: attribute.bool({
          computed: true,
          description: 'True once the authority is tainted (being rotated out).',
        }),
      },
      { computed: true, description: 'The X.509 authorities one by one.' },
    ),
    jwt_authorities: attribute.listNested(
      {
        key_id: attribute.string({ computed: true, description: 'The key ID (`kid`).' }),
        public_key_pem: attribute.string({
          computed: true,
          description: 'The public key as a PEM `PUBLIC KEY` block.',
        }),
        expires_at: attribute.string({
          computed: true,
          description: 'When the key expires (RFC 3339); null for no expiry.',
        }),
        tainted: attribute.bool({ computed: true, description: 'True once the key is tainted.' }),
      },
      { computed: true, description: 'The JWT authorities (keys that sign JWT-SVIDs).' },
    ),
  },
});

/** Returns the data source's state for the server's bundle. */
export function bundleState(bundle: Bundle): ModelOf<typeof bundleSchema> {
  return {
    trust_domain: bundle.trustDomain,
    x509_pem: bundleToPem(bundle),
    spiffe_bundle_json: bundleToSpiffeJson(bundle),
    sequence_number: bundle.sequenceNumber,
    refresh_hint: bundle.refreshHint,
    x509_authorities: bundle.x509Authorities.map((authority) => ({
      pem: bundleToPem({ ...bundle, x509Authorities: [authority] }),
      tainted: authority.tainted,
    })),
    jwt_authorities: bundle.jwtAuthorities.map((key) => ({
      key_id: key.keyId,
      public_key_pem: publicKeyPem(key.publicKey),
      expires_at: rfc3339(key.expiresAt),
      tainted: key.tainted,
    })),
  };
}

export const bundleDataSource = defineDataSource({
  typeName: 'spire_bundle',
  schema: bundleSchema,
  async read(_request, { provider }) {
    return bundleState(await provider.client.bundles.getBundle());
  },
});

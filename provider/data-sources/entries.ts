// spire_entries: registration entries matching a filter (entry.v1 ListEntries, spire-api-sdk
// entry.proto), read page by page. Every entry the server returns is listed, whoever created it.
import type { Entry, EntryFilter, MatchBehavior } from '../../src/core/spireapi/index.js';
import { attribute, defineSchema, frameworkFor, path, types, validators } from '../framework/index.js';
import type { ModelOf } from '../framework/index.js';
import type { ProviderData } from '../provider-data.js';
import {
  matchBehaviors,
  parseSelector,
  rfc3339,
  selectors,
  spiffeId,
  trustDomainName,
} from '../validators.js';

const { defineDataSource } = frameworkFor<ProviderData>();

/** SPIRE's CLI compares selector and federates-with sets as a superset by default (`entry show`). */
export const DEFAULT_MATCH: MatchBehavior = 'superset';

const matchDescription = (what: string): string =>
  `How \`${what}\` is compared with each entry's set: \`exact\` (the same set), \`subset\` (the entry's ` +
  `set is within the given one), \`superset\` (the entry's set contains the given one; default) or ` +
  '`any` (at least one in common).';

export const entriesSchema = defineSchema({
  description:
    'Registration entries that match every given filter. With no filter, every entry on the server.',
  attributes: {
    spiffe_id: attribute.string({
      optional: true,
      description: 'Only entries with this SPIFFE ID.',
      validators: [spiffeId],
    }),
    parent_id: attribute.string({
      optional: true,
      description: 'Only entries with this parent ID.',
      validators: [spiffeId],
    }),
    selectors: attribute.set(types.string, {
      optional: true,
      description: 'Only entries whose selectors (`type:value`) match these, as `selector_match` says.',
      validators: [selectors],
    }),
    selector_match: attribute.string({
      optional: true,
      computed: true,
      description: matchDescription('selectors'),
      validators: [validators.oneOf(...matchBehaviors)],
    }),
    federates_with: attribute.set(types.string, {
      optional: true,
      description: 'Only entries federating with these trust domains, as `federates_with_match` says.',
      validators: [validators.eachElement(trustDomainName)],
    }),
    federates_with_match: attribute.string({
      optional: true,
      computed: true,
      description: matchDescription('federates_with'),
      validators: [validators.oneOf(...matchBehaviors)],
    }),
    hint: attribute.string({ optional: true, description: 'Only entries with this hint.' }),
    downstream: attribute.bool({
      optional: true,
      description: 'Only entries whose `downstream` flag has this value.',
    }),
    entries: attribute.listNested(
      {
        id: attribute.string({ computed: true, description: 'The entry ID.' }),
        spiffe_id: attribute.string({ computed: true, description: 'The SPIFFE ID the entry issues.' }),
        parent_id: attribute.string({ computed: true, description: 'The parent (agent or alias) ID.' }),
        selectors: attribute.list(types.string, {
          computed: true,
          description: 'The selectors as `type:value`.',
        }),
        x509_svid_ttl: attribute.number({
          computed: true,
          description: 'X509-SVID lifetime in seconds (0: server default).',
        }),
        jwt_svid_ttl: attribute.number({
          computed: true,
          description: 'JWT-SVID lifetime in seconds (0: server default).',
        }),
        federates_with: attribute.list(types.string, {
          computed: true,
          description: 'Trust domains whose bundles the workload receives.',
        }),
        admin: attribute.bool({ computed: true, description: 'Whether the SVID grants admin API access.' }),
        downstream: attribute.bool({
          computed: true,
          description: 'Whether the entry is for a downstream SPIRE server.',
        }),
        expires_at: attribute.string({
          computed: true,
          description: 'When the server deletes the entry (RFC 3339); null for never.',
        }),
        dns_names: attribute.list(types.string, { computed: true, description: 'DNS names in the SVID.' }),
        revision_number: attribute.number({ computed: true, description: 'Bumped on every change.' }),
        store_svid: attribute.bool({
          computed: true,
          description: 'Whether the SVID is stored by an SVIDStore plugin.',
        }),
        hint: attribute.string({ computed: true, description: 'The hint for workloads choosing an SVID.' }),
        created_at: attribute.string({
          computed: true,
          description: 'When the server created the entry (RFC 3339).',
        }),
        additional_attributes: attribute.singleNested(
          {
            disable_x509_svid_prefetch: attribute.bool({
              computed: true,
              description: 'Whether the agent mints the X509-SVID only when a workload asks.',
            }),
            jwt_svid_include_jti: attribute.bool({
              computed: true,
              description: 'Whether JWT-SVIDs carry a `jti` claim.',
            }),
          },
          { computed: true, description: 'Extra behaviour flags (SPIRE 1.15 and later).' },
        ),
      },
      { computed: true, description: 'The matching entries, in the order the server returns them.' },
    ),
  },
});

type EntriesModel = ModelOf<typeof entriesSchema>;

function present<T>(values: readonly (T | null)[] | null): T[] {
  return (values ?? []).filter((v): v is T => v !== null);
}

/** Returns the ListEntries filter of the configuration (an empty filter lists everything). */
export function entryFilter(config: EntriesModel): EntryFilter {
  const filter: EntryFilter = {};
  if (config.spiffe_id !== null) filter.bySpiffeId = config.spiffe_id;
  if (config.parent_id !== null) filter.byParentId = config.parent_id;
  if (config.selectors !== null) {
    filter.bySelectors = {
      selectors: present(config.selectors).map(parseSelector),
      match: (config.selector_match as MatchBehavior | null) ?? DEFAULT_MATCH,
    };
  }
  if (config.federates_with !== null) {
    filter.byFederatesWith = {
      trustDomains: present(config.federates_with),
      match: (config.federates_with_match as MatchBehavior | null) ?? DEFAULT_MATCH,
    };
  }
  if (config.hint !== null) filter.byHint = config.hint;
  if (config.downstream !== null) filter.byDownstream = config.downstream;
  return filter;
}

/** Returns the data source's model of one entry. */
export function entryModel(entry: Entry): NonNullable<EntriesModel['entries']>[number] {
  return {
    id: entry.id,
    spiffe_id: entry.spiffeId,
    parent_id: entry.parentId,
    selectors: entry.selectors.map((s) => `${s.type}:${s.value}`),
    x509_svid_ttl: entry.x509SvidTtl,
    jwt_svid_ttl: entry.jwtSvidTtl,
    federates_with: entry.federatesWith,
    admin: entry.admin,
    downstream: entry.downstream,
    expires_at: rfc3339(entry.expiresAt),
    dns_names: entry.dnsNames,
    revision_number: entry.revisionNumber,
    store_svid: entry.storeSvid,
    hint: entry.hint,
    created_at: rfc3339(entry.createdAt),
    additional_attributes: {
      disable_x509_svid_prefetch: entry.additionalAttributes?.disableX509SvidPrefetch ?? false,
      jwt_svid_include_jti: entry.additionalAttributes?.jwtSvidIncludeJti ?? false,
    },
  };
}

export const entriesDataSource = defineDataSource({
  typeName: 'spire_entries',
  schema: entriesSchema,
  validate(config, { diagnostics }) {
    if (config.selectors !== null && Array.isArray(config.selectors) && config.selectors.length === 0) {
      // SPIRE refuses an empty selector set in a filter ("empty selector set").
      diagnostics.addError(
        'Invalid Attribute Value',
        'must hold at least one selector when set',
        path('selectors'),
      );
    }
    if (
      config.federates_with !== null &&
      Array.isArray(config.federates_with) &&
      config.federates_with.length === 0
    ) {
      diagnostics.addError(
        'Invalid Attribute Value',
        'must hold at least one trust domain when set',
        path('federates_with'),
      );
    }
    if (config.selector_match !== null && config.selectors === null) {
      diagnostics.addError(
        'Missing selectors',
        'selector_match applies to the selectors filter; set selectors too, or remove selector_match.',
        path('selector_match'),
      );
    }
    if (config.federates_with_match !== null && config.federates_with === null) {
      diagnostics.addError(
        'Missing federates_with',
        'federates_with_match applies to the federates_with filter; set federates_with too, or remove it.',
        path('federates_with_match'),
      );
    }
  },
  async read({ config }, { provider }) {
    const entries = await provider.client.entries.listAll({ filter: entryFilter(config) });
    return {
      ...config,
      selector_match: config.selectors === null ? null : (config.selector_match ?? DEFAULT_MATCH),
      federates_with_match:
        config.federates_with === null ? null : (config.federates_with_match ?? DEFAULT_MATCH),
      entries: entries.map(entryModel),
    };
  },
});

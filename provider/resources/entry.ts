// spire_entry: one SPIRE registration entry (spire-api-sdk proto/spire/api/types/entry.proto), every
// field. Reads and writes go through the provider's EntryStore (one ListEntries snapshot per process,
// coalesced Batch* calls). IDs are `<entry_id_prefix><id_suffix>`, chosen by the provider so it can
// recognise its own entries; it never updates or deletes an entry outside the prefix.
//
// Choices:
// - selectors are a set of "type:value" strings, split at the first colon as `spire-server entry create
//   -selector` does: one line per selector in HCL, and what SPIRE users already write;
// - TTLs are whole seconds as in the API (0 = the server's default), so what is read back is exactly what
//   was written; expires_at and created_at are RFC 3339 timestamps;
// - fields SPIRE defaults (TTLs, flags, lists, hint, additional_attributes) default to SPIRE's zero value,
//   so leaving one out of the configuration means "SPIRE's default" and a change made outside Terraform
//   shows up in the plan;
// - every field can be changed in place: SPIRE's BatchUpdateEntry takes an input mask over all of them
//   (SPIRE pkg/server/api/entry/v1/service.go updateEntry); only the ID (id_suffix) forces a replacement.
import { randomBytes } from 'node:crypto';
import { isCoreError } from '../../src/core/errors/index.js';
import { SpiffeId, TrustDomain } from '../../src/core/spiffeid/index.js';
import type { Entry, EntryField, EntryInput, EntryUpdate, Selector } from '../../src/core/spireapi/index.js';
import type { AttributePath, ConfigModel, Diagnostics, ModelOf } from '../framework/index.js';
import {
  Unknown,
  attribute,
  defineSchema,
  frameworkFor,
  requiresReplace,
  types,
  useStateForUnknown,
  validators,
} from '../framework/index.js';
import type { ProviderData } from '../provider-data.js';

const { defineResource } = frameworkFor<ProviderData>();

const INT32_MAX = 2_147_483_647;
// SPIRE pkg/server/api/entry.go: hintMaximumLength.
const HINT_MAX_BYTES = 1024;
// SPIRE sqlstore.go validEntryIDChars.
const ENTRY_ID_CHARS = /^[A-Za-z0-9._-]+$/;
const ENTRY_ID_MAX_BYTES = 255;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}([Zz]|[+-]\d{2}:\d{2})$/;

/** Returns why `value` is not a SPIFFE ID with a path (`what` names it), or undefined. */
function spiffeIdProblem(value: string, options: { readonly workload: boolean }): string | undefined {
  let id: SpiffeId;
  try {
    id = SpiffeId.parse(value);
  } catch (err) {
    return `${JSON.stringify(value)} is not a valid SPIFFE ID: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (id.path === '') return `${JSON.stringify(value)} needs a path (spiffe://<trust domain>/<path>)`;
  // SPIRE pkg/common/idutil/spiffeid.go IsReservedPath: /spire/... belongs to servers and agents.
  if (options.workload && (id.path === '/spire' || id.path.startsWith('/spire/'))) {
    return `${JSON.stringify(value)} is in SPIRE's reserved /spire namespace; entry SPIFFE IDs cannot be there`;
  }
  return undefined;
}

/** Returns the selector of "type:value", split at the first colon, or a problem. */
export function parseSelector(text: string): Selector | string {
  const colon = text.indexOf(':');
  if (colon < 0) return `selector ${JSON.stringify(text)} must be "type:value" (for example "unix:uid:1000")`;
  const type = text.slice(0, colon);
  const value = text.slice(colon + 1);
  // SPIRE pkg/server/api/selector.go SelectorsFromProto.
  if (type === '') return `selector ${JSON.stringify(text)} is missing its type before ":"`;
  if (value === '') return `selector ${JSON.stringify(text)} is missing its value after "${type}:"`;
  return { type, value };
}

/** Returns why `name` is not a DNS name SPIRE accepts for an entry, or undefined. */
export function dnsNameProblem(name: string): string | undefined {
  // SPIRE pkg/common/x509util/dns.go ValidateLabel: ASCII, one wildcard as the whole first label, no
  // trailing dot, then idna's label rules (no empty label, no leading/trailing hyphen, 63 / 253 bytes).
  const quoted = JSON.stringify(name);
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(name)) return `DNS name ${quoted} must be ASCII (use punycode)`;
  let domain = name;
  if (domain.includes('*')) {
    if (!domain.startsWith('*.') || domain.indexOf('*', 1) >= 0) {
      return `DNS name ${quoted}: a wildcard is allowed only as the whole first label ("*.example.org")`;
    }
    domain = domain.slice(2);
  }
  if (domain.trim() === '' || domain !== domain.trim()) return `DNS name ${quoted} is empty or has spaces`;
  if (domain.endsWith('.')) return `DNS name ${quoted} must not end with a dot`;
  for (const label of domain.split('.')) {
    if (label === '') return `DNS name ${quoted} has an empty label`;
    if (label.startsWith('-') || label.endsWith('-'))
      return `DNS name ${quoted}: label "${label}" starts or ends with "-"`;
    if (label.length > 63) return `DNS name ${quoted}: label "${label}" is longer than 63 characters`;
    if (!/^[A-Za-z0-9_-]+$/.test(label)) return `DNS name ${quoted}: label "${label}" has invalid characters`;
  }
  if (domain.length > 253) return `DNS name ${quoted} is longer than 253 characters`;
  return undefined;
}

/** Returns epoch seconds of an RFC 3339 timestamp with whole seconds, or undefined. */
export function parseTimestamp(text: string): number | undefined {
  if (!RFC3339.test(text)) return undefined;
  const ms = Date.parse(text.toUpperCase());
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

/** Returns the RFC 3339 UTC form of epoch seconds ("2030-01-01T00:00:00Z"). */
export function formatTimestamp(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const spiffeIdValidator = (workload: boolean) =>
  validators.validator<string>('a SPIFFE ID', (value) => spiffeIdProblem(value, { workload }));
const ttlValidators = [validators.integerBetween(0, INT32_MAX)];

export const entrySchema = defineSchema({
  description:
    "A SPIRE registration entry. The provider chooses its ID under the provider's `entry_id_prefix`; " +
    'every field can be changed in place except `id_suffix`.',
  attributes: {
    id: attribute.string({
      computed: true,
      description: 'The entry ID: `entry_id_prefix` followed by `id_suffix`.',
      planModifiers: [useStateForUnknown()],
    }),
    id_suffix: attribute.string({
      optional: true,
      computed: true,
      description:
        "The part of the entry ID after the provider's `entry_id_prefix`. Set it for a predictable ID " +
        '(the same entry across re-creations of the state); by default a time-ordered random suffix. ' +
        'Changing it replaces the entry.',
      validators: [
        validators.matches(ENTRY_ID_CHARS, 'letters, digits, ".", "_" or "-" (SPIRE entry ID characters)'),
        validators.lengthBetween(1, ENTRY_ID_MAX_BYTES - 1),
      ],
      // useStateForUnknown first: the replacement check must see the kept value, not "unknown".
      planModifiers: [useStateForUnknown(), requiresReplace()],
    }),
    spiffe_id: attribute.string({
      required: true,
      description: 'The SPIFFE ID of the workload (or node alias) the entry identifies.',
      validators: [spiffeIdValidator(true)],
    }),
    parent_id: attribute.string({
      required: true,
      description:
        'The SPIFFE ID of the agent (or node alias, or `spiffe://<td>/spire/server` for a node entry) ' +
        'that may issue this identity.',
      validators: [spiffeIdValidator(false)],
    }),
    selectors: attribute.set(types.string, {
      required: true,
      description:
        'Selectors as `"type:value"` strings, split at the first colon (`"unix:uid:1000"`, ' +
        '`"aws_iid:tag:role:etcd"`). At least one.',
      validators: [
        validators.validator<(string | null)[]>('at least one selector', (v) =>
          v.length === 0
            ? 'needs at least one selector (SPIRE rejects entries without selectors)'
            : undefined,
        ),
        validators.eachElement(
          validators.validator<string>('type:value', (s) => {
            const parsed = parseSelector(s);
            return typeof parsed === 'string' ? parsed : undefined;
          }),
        ),
      ],
    }),
    x509_svid_ttl: attribute.number({
      optional: true,
      computed: true,
      default: 0,
      description: "X509-SVID lifetime in seconds; 0 means the server's `default_x509_svid_ttl`.",
      validators: ttlValidators,
    }),
    jwt_svid_ttl: attribute.number({
      optional: true,
      computed: true,
      default: 0,
      description: "JWT-SVID lifetime in seconds; 0 means the server's `default_jwt_svid_ttl`.",
      validators: ttlValidators,
    }),
    federates_with: attribute.set(types.string, {
      optional: true,
      computed: true,
      default: [],
      description:
        'Trust domain names (`"partner.org"`) whose bundles workloads of this entry receive. Each needs a ' +
        'federated bundle on the server (`spire_federated_bundle` or `spire_federation_relationship`).',
      validators: [
        validators.eachElement(
          validators.validator<string>('a trust domain name', (td) => {
            if (td.startsWith('spiffe://'))
              return `write the trust domain name ${JSON.stringify(td.slice('spiffe://'.length))}, not ${JSON.stringify(td)} (SPIRE returns names)`;
            try {
              TrustDomain.parse(td);
              return undefined;
            } catch (err) {
              return `${JSON.stringify(td)} is not a trust domain name: ${err instanceof Error ? err.message : String(err)}`;
            }
          }),
        ),
      ],
    }),
    admin: attribute.bool({
      optional: true,
      computed: true,
      default: false,
      description: 'Workloads with this identity may call the SPIRE Server admin API over TCP.',
    }),
    downstream: attribute.bool({
      optional: true,
      computed: true,
      default: false,
      description: 'The workload is a downstream SPIRE server (it may mint an intermediate CA).',
    }),
    expires_at: attribute.string({
      optional: true,
      description:
        'RFC 3339 time (`"2030-01-01T00:00:00Z"`) after which the server deletes the entry; unset for never.',
      validators: [
        validators.validator<string>('an RFC 3339 timestamp', (v) =>
          parseTimestamp(v) === undefined
            ? `must be an RFC 3339 timestamp with whole seconds, such as "2030-01-01T00:00:00Z", got ${JSON.stringify(v)}`
            : undefined,
        ),
      ],
    }),
    dns_names: attribute.list(types.string, {
      optional: true,
      computed: true,
      default: [],
      description: 'DNS names for the X509-SVID (the first one also becomes its subject common name).',
      validators: [validators.eachElement(validators.validator<string>('a DNS name', dnsNameProblem))],
    }),
    revision_number: attribute.number({
      computed: true,
      description: 'Bumped by the server on every change.',
    }),
    store_svid: attribute.bool({
      optional: true,
      computed: true,
      default: false,
      description:
        'The agent hands the SVID to a SVIDStore plugin instead of a workload. All selectors must then have the same type.',
    }),
    hint: attribute.string({
      optional: true,
      computed: true,
      default: '',
      description: 'A hint telling workloads which SVID to use when they have several (at most 1024 bytes).',
      validators: [
        validators.validator<string>('at most 1024 bytes', (v) =>
          Buffer.byteLength(v) > HINT_MAX_BYTES ? `must be at most ${HINT_MAX_BYTES} bytes` : undefined,
        ),
      ],
    }),
    created_at: attribute.string({
      computed: true,
      description: 'When the server created the entry (RFC 3339).',
      planModifiers: [useStateForUnknown()],
    }),
    additional_attributes: attribute.singleNested(
      {
        disable_x509_svid_prefetch: attribute.bool({
          optional: true,
          computed: true,
          default: false,
          description: 'The agent mints the X509-SVID when a workload asks, not ahead of time.',
        }),
        jwt_svid_include_jti: attribute.bool({
          optional: true,
          computed: true,
          default: false,
          description: 'JWT-SVIDs carry a unique `jti` claim (SPIRE 1.15.2 and later).',
        }),
      },
      {
        optional: true,
        computed: true,
        default: { disable_x509_svid_prefetch: false, jwt_svid_include_jti: false },
        description: 'Extra behaviour flags (SPIRE 1.15 and later).',
      },
    ),
  },
});

export type EntryModel = ModelOf<typeof entrySchema>;

const p = (name: string): AttributePath => [{ attribute: name }];

/** Cross-attribute rules SPIRE's datastore enforces (sqlstore.go validateRegistrationEntry). */
function validateEntry(
  config: ConfigModel<EntryModel>,
  { diagnostics }: { readonly diagnostics: Diagnostics },
): void {
  const selectors = config.selectors;
  if (config.store_svid === true && Array.isArray(selectors)) {
    const kinds = new Set(
      selectors.flatMap((s) => {
        const parsed = typeof s === 'string' ? parseSelector(s) : undefined;
        return parsed === undefined || typeof parsed === 'string' ? [] : [parsed.type];
      }),
    );
    if (kinds.size > 1) {
      diagnostics.addError(
        'Invalid selectors for store_svid',
        `With store_svid = true every selector must have the same type; got ${[...kinds].join(', ')}.`,
        p('selectors'),
      );
    }
  }
  const attrs = config.additional_attributes;
  if (
    config.store_svid === true &&
    !(attrs instanceof Unknown) &&
    attrs?.disable_x509_svid_prefetch === true
  ) {
    diagnostics.addError(
      'Incompatible store_svid',
      'store_svid = true cannot be combined with additional_attributes.disable_x509_svid_prefetch = true (SPIRE: "specifying cache behaviour is incompatible with storable SVIDs").',
      p('store_svid'),
    );
  }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Returns a ULID (26 characters, time-ordered, 80 random bits): the default ID suffix. */
export function ulid(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = (CROCKFORD[t % 32] ?? '0') + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let random = '';
  for (let i = 0; i < 16; i++) {
    random = (CROCKFORD[Number(bits & 31n)] ?? '0') + random;
    bits >>= 5n;
  }
  return time + random;
}

function selectorsOf(model: EntryModel): Selector[] {
  return model.selectors.flatMap((s) => {
    const parsed = s === null ? undefined : parseSelector(s);
    return parsed === undefined || typeof parsed === 'string' ? [] : [parsed];
  });
}

function strings(values: readonly (string | null)[] | null): string[] {
  return (values ?? []).filter((v): v is string => v !== null);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((v) => right.has(v));
}

/** Returns the wire fields of a planned model (the whole entry as Terraform wants it). */
function inputOf(model: EntryModel): Omit<EntryInput, 'id'> {
  const attrs = model.additional_attributes;
  return {
    spiffeId: model.spiffe_id,
    parentId: model.parent_id,
    selectors: selectorsOf(model),
    x509SvidTtl: model.x509_svid_ttl ?? 0,
    jwtSvidTtl: model.jwt_svid_ttl ?? 0,
    federatesWith: strings(model.federates_with),
    admin: model.admin ?? false,
    downstream: model.downstream ?? false,
    expiresAt: model.expires_at === null ? 0 : Math.floor(parseTimestamp(model.expires_at) ?? 0),
    dnsNames: strings(model.dns_names),
    storeSvid: model.store_svid ?? false,
    hint: model.hint ?? '',
    additionalAttributes: {
      disableX509SvidPrefetch: attrs?.disable_x509_svid_prefetch ?? false,
      jwtSvidIncludeJti: attrs?.jwt_svid_include_jti ?? false,
    },
  };
}

/** Returns the fields whose wire value differs between the prior state and the plan (the update mask). */
export function changedFields(prior: EntryModel, plan: EntryModel): EntryField[] {
  const before = inputOf(prior);
  const after = inputOf(plan);
  const changed: EntryField[] = [];
  if (before.spiffeId !== after.spiffeId) changed.push('spiffeId');
  if (before.parentId !== after.parentId) changed.push('parentId');
  const selectorKey = (s: readonly Selector[]): string[] => s.map((x) => `${x.type}:${x.value}`);
  if (!sameSet(selectorKey(before.selectors), selectorKey(after.selectors))) changed.push('selectors');
  if (before.x509SvidTtl !== after.x509SvidTtl) changed.push('x509SvidTtl');
  if (before.jwtSvidTtl !== after.jwtSvidTtl) changed.push('jwtSvidTtl');
  if (!sameSet(before.federatesWith ?? [], after.federatesWith ?? [])) changed.push('federatesWith');
  if (before.admin !== after.admin) changed.push('admin');
  if (before.downstream !== after.downstream) changed.push('downstream');
  if (before.expiresAt !== after.expiresAt) changed.push('expiresAt');
  if ((before.dnsNames ?? []).join('\n') !== (after.dnsNames ?? []).join('\n')) changed.push('dnsNames');
  if (before.storeSvid !== after.storeSvid) changed.push('storeSvid');
  if (before.hint !== after.hint) changed.push('hint');
  const a = before.additionalAttributes;
  const b = after.additionalAttributes;
  if (
    a?.disableX509SvidPrefetch !== b?.disableX509SvidPrefetch ||
    a?.jwtSvidIncludeJti !== b?.jwtSvidIncludeJti
  ) {
    changed.push('additionalAttributes');
  }
  return changed;
}

/**
 * Returns the model of a server entry. `keep` supplies values to keep when they mean the same as the
 * server's (an expires_at written with another offset, a SPIFFE ID spelled differently).
 */
export function modelOf(entry: Entry, prefix: string, keep: Partial<EntryModel> = {}): EntryModel {
  const expiresAt =
    entry.expiresAt === 0
      ? null
      : keep.expires_at !== undefined &&
          keep.expires_at !== null &&
          parseTimestamp(keep.expires_at) === entry.expiresAt
        ? keep.expires_at
        : formatTimestamp(entry.expiresAt);
  const owned = entry.id.startsWith(prefix) && entry.id.length > prefix.length;
  return {
    id: entry.id,
    id_suffix: owned ? entry.id.slice(prefix.length) : null,
    spiffe_id: entry.spiffeId,
    parent_id: entry.parentId,
    selectors: entry.selectors.map((s) => `${s.type}:${s.value}`),
    x509_svid_ttl: entry.x509SvidTtl,
    jwt_svid_ttl: entry.jwtSvidTtl,
    federates_with: [...entry.federatesWith],
    admin: entry.admin,
    downstream: entry.downstream,
    expires_at: expiresAt,
    dns_names: [...entry.dnsNames],
    revision_number: entry.revisionNumber,
    store_svid: entry.storeSvid,
    hint: entry.hint,
    created_at: entry.createdAt === 0 ? null : formatTimestamp(entry.createdAt),
    additional_attributes: {
      disable_x509_svid_prefetch: entry.additionalAttributes?.disableX509SvidPrefetch ?? false,
      jwt_svid_include_jti: entry.additionalAttributes?.jwtSvidIncludeJti ?? false,
    },
  };
}

/**
 * Returns the state after a write: the planned values (Terraform requires every value known in the plan
 * to come back unchanged, and an update only sent the changed fields, so the server may still hold a
 * change made elsewhere to another field; the next refresh shows it), plus what the server assigned.
 */
function writtenModel(entry: Entry, prefix: string, plan: EntryModel): EntryModel {
  const server = modelOf(entry, prefix, plan);
  return {
    ...plan,
    id: server.id,
    id_suffix: plan.id_suffix ?? server.id_suffix,
    revision_number: server.revision_number,
    created_at: server.created_at,
  };
}

/** Returns an Error for a failed write of `id`, carrying SPIRE's own status text (it names the field). */
function writeError(verb: string, id: string, err: unknown): Error {
  const text = err instanceof Error ? err.message : String(err);
  const status = /failed with ([A-Z_0-9]+): ([\s\S]*)$/.exec(text);
  const reason = status === null ? text : `${status[1] ?? ''}: ${status[2] ?? ''}`;
  // No `cause`: its text repeats the status and names the item by its position in a batch, which means
  // nothing to the person reading the diagnostic.
  const hint = isCoreError(err, 'SPIRE_API_ALREADY_EXISTS')
    ? '. SPIRE already has this entry, or one with the same spiffe_id, parent_id and selectors; ' +
      'if it belongs to this configuration, import it (terraform import <address> <entry ID>)'
    : '';
  return new Error(`SPIRE refused to ${verb} entry "${id}": ${reason}${hint}`);
}

/** Throws unless the provider may change the entry `id` (ownership prefix, or allowed foreign entries). */
function checkOwnership(id: string, data: ProviderData, verb: string): void {
  if (data.entries.owns(id) || data.allowForeignEntries) return;
  throw new Error(
    `entry "${id}" is outside this provider's entry_id_prefix "${data.entryIdPrefix}", so it will not ${verb} it. ` +
      'Set allow_foreign_entries = true in the provider block to manage it, or remove it from the state with `terraform state rm`.',
  );
}

/** Throws when a SPIFFE ID is outside the provider's trust domain (SPIRE would refuse it). */
function checkTrustDomain(model: EntryModel, data: ProviderData): void {
  for (const [name, value] of [
    ['spiffe_id', model.spiffe_id],
    ['parent_id', model.parent_id],
  ] as const) {
    const id = SpiffeId.parse(value);
    if (!id.memberOf(data.trustDomain)) {
      throw new Error(
        `${name} ${JSON.stringify(value)} is not in the server's trust domain "${data.trustDomain.name}"`,
      );
    }
  }
}

/** Returns the entry ID of a state; Terraform only keeps states that have one. */
function idOf(model: EntryModel): string {
  if (model.id === null || model.id === '')
    throw new Error('the state has no entry ID. This is a bug in the provider.');
  return model.id;
}

export const entryResource = defineResource({
  typeName: 'spire_entry',
  schema: entrySchema,
  validate: validateEntry,

  async create({ plan }, { provider }) {
    checkTrustDomain(plan, provider);
    const id = provider.entryIdPrefix + (plan.id_suffix ?? ulid());
    if (Buffer.byteLength(id) > ENTRY_ID_MAX_BYTES) {
      throw new Error(`entry ID "${id}" is longer than ${ENTRY_ID_MAX_BYTES} bytes; shorten id_suffix`);
    }
    let entry: Entry;
    try {
      entry = await provider.entries.create({ id, ...inputOf(plan) });
    } catch (err) {
      throw writeError('create', id, err);
    }
    return writtenModel(entry, provider.entryIdPrefix, plan);
  },

  async read({ state }, { provider }) {
    const entry = await provider.entries.get(idOf(state));
    if (entry === undefined) return 'gone';
    return modelOf(entry, provider.entryIdPrefix, state);
  },

  async update({ plan, prior }, { provider }) {
    const id = idOf(prior);
    checkOwnership(id, provider, 'change');
    checkTrustDomain(plan, provider);
    const mask = changedFields(prior, plan);
    if (mask.length === 0) {
      // Only computed values moved (nothing to send); keep what the server has.
      const entry = await provider.entries.get(id);
      if (entry === undefined) throw new Error(`entry "${id}" no longer exists`);
      return writtenModel(entry, provider.entryIdPrefix, plan);
    }
    const wanted = inputOf(plan);
    const update: EntryUpdate = { id };
    for (const field of mask) Object.assign(update, { [field]: wanted[field as keyof typeof wanted] });
    let entry: Entry;
    try {
      entry = await provider.entries.update(update, mask);
    } catch (err) {
      throw writeError('update', id, err);
    }
    return writtenModel(entry, provider.entryIdPrefix, plan);
  },

  async delete({ prior }, { provider }) {
    const id = idOf(prior);
    checkOwnership(id, provider, 'delete');
    try {
      await provider.entries.delete(id);
    } catch (err) {
      throw writeError('delete', id, err);
    }
  },

  async importState({ id }, { provider }) {
    if (!provider.entries.owns(id) && !provider.allowForeignEntries) {
      throw new Error(
        `entry "${id}" is outside this provider's entry_id_prefix "${provider.entryIdPrefix}". ` +
          'Importing it would let Terraform change and delete an entry something else manages; set ' +
          'allow_foreign_entries = true in the provider block if that is what you want.',
      );
    }
    let entry: Entry | undefined;
    try {
      entry = await provider.entries.get(id);
    } catch (err) {
      if (isCoreError(err)) throw new Error(`cannot read entry "${id}": ${err.message}`, { cause: err });
      throw err;
    }
    if (entry === undefined) throw new Error(`SPIRE has no entry with ID "${id}"`);
    return modelOf(entry, provider.entryIdPrefix);
  },
});

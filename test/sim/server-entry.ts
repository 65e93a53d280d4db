// entry.v1 of the SPIRE test double: the registration entry RPCs with SPIRE's validation order, status
// codes and messages. Sources (facts only, cited per rule):
//   pkg/server/api/entry/v1/service.go      RPC flow, filters, applyMask, per-item statuses
//   pkg/server/api/entry.go                 ProtoToRegistrationEntryWithMask (API-level validation)
//   pkg/server/datastore/sqlstore/sqlstore.go validateRegistrationEntry(ForUpdate), similar entries,
//                                           createRegistrationEntry, updateRegistrationEntry, paging
import { randomUUID } from 'node:crypto';
import type { Entry } from '../../src/core/generated/spire/api/types/Entry.js';
import type { EntryMask } from '../../src/core/generated/spire/api/types/EntryMask.js';
import type { Selector } from '../../src/core/generated/spire/api/types/Selector.js';
import type { Status } from '../../src/core/generated/spire/api/types/Status.js';
import type { SelectorMatch } from '../../src/core/generated/spire/api/types/SelectorMatch.js';
import type { ListEntriesRequest } from '../../src/core/generated/spire/api/server/entry/v1/ListEntriesRequest.js';
import type { ListEntriesResponse__Input } from '../../src/core/generated/spire/api/server/entry/v1/ListEntriesResponse.js';
import type { CountEntriesRequest } from '../../src/core/generated/spire/api/server/entry/v1/CountEntriesRequest.js';
import type { CountEntriesResponse__Input } from '../../src/core/generated/spire/api/server/entry/v1/CountEntriesResponse.js';
import type { GetEntryRequest } from '../../src/core/generated/spire/api/server/entry/v1/GetEntryRequest.js';
import type { BatchCreateEntryRequest } from '../../src/core/generated/spire/api/server/entry/v1/BatchCreateEntryRequest.js';
import type { BatchCreateEntryResponse__Input } from '../../src/core/generated/spire/api/server/entry/v1/BatchCreateEntryResponse.js';
import type { BatchUpdateEntryRequest } from '../../src/core/generated/spire/api/server/entry/v1/BatchUpdateEntryRequest.js';
import type { BatchUpdateEntryResponse__Input } from '../../src/core/generated/spire/api/server/entry/v1/BatchUpdateEntryResponse.js';
import type { BatchDeleteEntryRequest } from '../../src/core/generated/spire/api/server/entry/v1/BatchDeleteEntryRequest.js';
import type { BatchDeleteEntryResponse__Input } from '../../src/core/generated/spire/api/server/entry/v1/BatchDeleteEntryResponse.js';
import { entrySpiffeId, entryParentId, firstRowAfter, type SimDatastore } from './datastore.js';
import {
  RuleError,
  byteLength,
  goQuote,
  hasValidEntryIdChars,
  protoFromId,
  selectorsFromProto,
  trustDomainFromString,
  trustDomainId,
  trustDomainMemberIdFromProto,
  trustDomainWorkloadIdFromProto,
  validateDnsLabel,
  type GoSpiffeId,
} from './server-rules.js';
import {
  ApiError,
  Code,
  causeOf,
  makeErr,
  makeStatus,
  okStatus,
  type ServerContext,
} from './server-context.js';

type EntryMaskFields = Omit<EntryMask, never>;

const ALL_TRUE_ENTRY_MASK: EntryMaskFields = {
  spiffe_id: true,
  parent_id: true,
  selectors: true,
  x509_svid_ttl: true,
  federates_with: true,
  admin: true,
  downstream: true,
  expires_at: true,
  dns_names: true,
  revision_number: true,
  store_svid: true,
  jwt_svid_ttl: true,
  hint: true,
  created_at: true,
  additional_attributes: true,
};

// SPIRE pkg/server/api/entry.go hintMaximumLength.
const HINT_MAXIMUM_LENGTH = 1024;
// sqlstore.go validateRegistrationEntry: len(entry.EntryId) > 255 (bytes).
const ENTRY_ID_MAXIMUM_BYTES = 255;

/** An entry after SPIRE's API-level conversion (common.RegistrationEntry); masked-out fields are zero. */
interface ConvertedEntry {
  id: string;
  spiffeId: GoSpiffeId | undefined;
  parentId: GoSpiffeId | undefined;
  selectors: Selector[];
  x509SvidTtl: number;
  jwtSvidTtl: number;
  /** Trust domain IDs ("spiffe://td"), as SPIRE stores them. */
  federatesWith: string[];
  admin: boolean;
  downstream: boolean;
  expiresAt: number;
  dnsNames: string[];
  storeSvid: boolean;
  hint: string;
  additionalAttributes: { disable_x509_svid_prefetch: boolean; jwt_svid_include_jti: boolean } | undefined;
}

/**
 * Returns the converted entry or throws a RuleError with the text after "failed to convert entry: "
 * (SPIRE pkg/server/api/entry.go ProtoToRegistrationEntryWithMask; fields are checked in this order).
 */
function protoToRegistrationEntry(td: string, e: Entry, mask: EntryMaskFields): ConvertedEntry {
  let parentId: GoSpiffeId | undefined;
  if (mask.parent_id) {
    try {
      parentId = trustDomainMemberIdFromProto(td, e.parent_id);
    } catch (error) {
      throw new RuleError(`invalid parent ID: ${causeOf(error)}`);
    }
  }
  let spiffeId: GoSpiffeId | undefined;
  if (mask.spiffe_id) {
    try {
      spiffeId = trustDomainWorkloadIdFromProto(td, e.spiffe_id);
    } catch (error) {
      throw new RuleError(`invalid spiffe ID: ${causeOf(error)}`);
    }
  }
  const dnsNames: string[] = [];
  if (mask.dns_names) {
    for (const name of e.dns_names) {
      try {
        validateDnsLabel(name);
      } catch (error) {
        throw new RuleError(`invalid DNS name: ${causeOf(error)}`);
      }
      dnsNames.push(name);
    }
  }
  const federatesWith: string[] = [];
  if (mask.federates_with) {
    for (const name of e.federates_with) {
      try {
        federatesWith.push(trustDomainId(trustDomainFromString(name)));
      } catch (error) {
        throw new RuleError(`invalid federated trust domain: ${causeOf(error)}`);
      }
    }
  }
  let selectors: Selector[] = [];
  if (mask.selectors) {
    if (e.selectors.length === 0) throw new RuleError('selector list is empty');
    selectors = selectorsFromProto(e.selectors);
  }
  let hint = '';
  if (mask.hint) {
    // Go len(): bytes.
    if (byteLength(e.hint) > HINT_MAXIMUM_LENGTH) {
      throw new RuleError(`hint is too long, max length is ${HINT_MAXIMUM_LENGTH} characters`);
    }
    hint = e.hint;
  }
  const attributes = e.additional_attributes ?? null;
  return {
    id: e.id,
    spiffeId,
    parentId,
    selectors,
    x509SvidTtl: mask.x509_svid_ttl ? e.x509_svid_ttl : 0,
    jwtSvidTtl: mask.jwt_svid_ttl ? e.jwt_svid_ttl : 0,
    federatesWith,
    admin: mask.admin ? e.admin : false,
    downstream: mask.downstream ? e.downstream : false,
    expiresAt: mask.expires_at ? e.expires_at : 0,
    dnsNames,
    storeSvid: mask.store_svid ? e.store_svid : false,
    hint,
    additionalAttributes:
      mask.additional_attributes && attributes !== null
        ? {
            disable_x509_svid_prefetch: attributes.disable_x509_svid_prefetch,
            jwt_svid_include_jti: attributes.jwt_svid_include_jti,
          }
        : undefined,
  };
}

// sqlstore.go validateRegistrationEntry: the checks a create makes before touching the tables. The
// texts carry the "datastore-validation: " prefix of sqlcommon.ValidationError.
function validateRegistrationEntry(entry: ConvertedEntry): string | undefined {
  if (entry.selectors.length === 0) return 'invalid registration entry: missing selector list';
  if (entry.storeSvid) {
    if (entry.additionalAttributes?.disable_x509_svid_prefetch === true) {
      return 'specifying cache behaviour is incompatible with storable SVIDs';
    }
    if (!sameSelectorTypes(entry.selectors)) {
      return 'invalid registration entry: selector types must be the same when store SVID is enabled';
    }
  }
  if (byteLength(entry.id) > ENTRY_ID_MAXIMUM_BYTES) return 'invalid registration entry: entry ID too long';
  if (!hasValidEntryIdChars(entry.id))
    return 'invalid registration entry: entry ID contains invalid characters';
  if (entry.spiffeId === undefined) return 'invalid registration entry: missing SPIFFE ID';
  if (entry.x509SvidTtl < 0) return 'invalid registration entry: X509SvidTtl is not set';
  if (entry.jwtSvidTtl < 0) return 'invalid registration entry: JwtSvidTtl is not set';
  return undefined;
}

// sqlstore.go validateRegistrationEntryForUpdate.
function validateRegistrationEntryForUpdate(
  entry: ConvertedEntry,
  mask: EntryMaskFields,
): string | undefined {
  if (mask.selectors && entry.selectors.length === 0)
    return 'invalid registration entry: missing selector list';
  if (mask.spiffe_id && entry.spiffeId === undefined) return 'invalid registration entry: missing SPIFFE ID';
  if (mask.x509_svid_ttl && entry.x509SvidTtl < 0)
    return 'invalid registration entry: X509SvidTtl is not set';
  if (mask.jwt_svid_ttl && entry.jwtSvidTtl < 0) return 'invalid registration entry: JwtSvidTtl is not set';
  return undefined;
}

function sameSelectorTypes(selectors: readonly Selector[]): boolean {
  const first = selectors[0]?.type;
  return selectors.every((s) => s.type === first);
}

// The selectors table has a unique index on (registered_entry_id, type, value) (sqlstore models.go);
// SQLite's constraint message is what a repeated selector produces.
const DUPLICATE_SELECTOR_MESSAGE =
  'datastore-sql: UNIQUE constraint failed: selectors.registered_entry_id, selectors.type, selectors.value';
const DUPLICATE_ENTRY_ID_MESSAGE = 'datastore-sql: UNIQUE constraint failed: registered_entries.entry_id';

function hasDuplicateSelectors(selectors: readonly Selector[]): boolean {
  return new Set(selectors.map((s) => `${s.type}\u0000${s.value}`)).size !== selectors.length;
}

/**
 * Returns the federated trust domain names in the order SPIRE's association returns them (bundle row
 * order, duplicates dropped), or the text of the first unknown one (sqlstore.go makeFederatesWith). The
 * servers' own bundle is a bundle row too, so federating with the own trust domain is accepted.
 */
function resolveFederatesWith(
  ds: SimDatastore,
  ids: readonly string[],
): { names: string[] } | { error: string } {
  const rows = ds.bundleRows();
  const seqByName = new Map(rows.map((row) => [row.value.trust_domain, row.seq]));
  const names = new Set<string>();
  for (const id of ids) {
    const name = id.slice('spiffe://'.length);
    if (!seqByName.has(name)) return { error: `unable to find federated bundle ${goQuote(id)}` };
    names.add(name);
  }
  return { names: [...names].sort((a, b) => (seqByName.get(a) ?? 0) - (seqByName.get(b) ?? 0)) };
}

/** Returns `entry` with the fields the mask leaves out zeroed (service.go applyMask); a copy when masked. */
export function applyEntryMask(entry: Entry, mask: EntryMask | null | undefined): Entry {
  // Stored entries are never mutated (updates replace them), so without a mask the stored object is
  // sent as is; this keeps bulk creates cheap.
  if (mask === null || mask === undefined) return entry;
  const out: Entry = {
    ...entry,
    selectors: entry.selectors.map((s) => ({ ...s })),
    federates_with: [...entry.federates_with],
    dns_names: [...entry.dns_names],
  };
  if (!mask.spiffe_id) out.spiffe_id = null;
  if (!mask.parent_id) out.parent_id = null;
  if (!mask.selectors) out.selectors = [];
  if (!mask.federates_with) out.federates_with = [];
  if (!mask.admin) out.admin = false;
  if (!mask.downstream) out.downstream = false;
  if (!mask.expires_at) out.expires_at = 0;
  if (!mask.dns_names) out.dns_names = [];
  if (!mask.revision_number) out.revision_number = 0;
  if (!mask.store_svid) out.store_svid = false;
  if (!mask.x509_svid_ttl) out.x509_svid_ttl = 0;
  if (!mask.jwt_svid_ttl) out.jwt_svid_ttl = 0;
  if (!mask.hint) out.hint = '';
  if (!mask.additional_attributes) delete out.additional_attributes;
  if (!mask.created_at) out.created_at = 0;
  return out;
}

// ---- filters ------------------------------------------------------------------------------------

type MatchBehavior = SelectorMatch['match'] | number;

/** A parsed ListEntries/CountEntries filter (SPIRE's datastore.ListRegistrationEntriesRequest). */
export interface EntryFilter {
  bySpiffeId?: string;
  byParentId?: string;
  byHint?: string;
  bySelectors?: { match: MatchBehavior; selectors: Set<string> };
  /** Trust domain names. */
  byFederatesWith?: { match: MatchBehavior; trustDomains: Set<string> };
  byDownstream?: boolean;
}

type WireEntryFilter = NonNullable<ListEntriesRequest['filter']> | NonNullable<CountEntriesRequest['filter']>;

/** Returns the parsed filter or throws the InvalidArgument SPIRE's ListEntries/CountEntries sends. */
function parseEntryFilter(td: string, filter: WireEntryFilter | null): EntryFilter {
  const parsed: EntryFilter = {};
  if (filter === null) return parsed;
  // service.go ListEntries: by_hint, by_parent_id, by_spiffe_id, by_selectors, by_federates_with, by_downstream.
  if (filter.by_hint !== null && filter.by_hint.value !== '') parsed.byHint = filter.by_hint.value;
  if (filter.by_parent_id !== null) {
    parsed.byParentId = parseFilterId(
      () => trustDomainMemberIdFromProto(td, filter.by_parent_id),
      'malformed parent ID filter',
    );
  }
  if (filter.by_spiffe_id !== null) {
    parsed.bySpiffeId = parseFilterId(
      () => trustDomainWorkloadIdFromProto(td, filter.by_spiffe_id),
      'malformed SPIFFE ID filter',
    );
  }
  if (filter.by_selectors !== null) {
    let selectors: Selector[];
    try {
      selectors = selectorsFromProto(filter.by_selectors.selectors);
    } catch (error) {
      throw makeErr(Code.INVALID_ARGUMENT, 'malformed selectors filter', causeOf(error));
    }
    if (selectors.length === 0)
      throw makeErr(Code.INVALID_ARGUMENT, 'malformed selectors filter', 'empty selector set');
    parsed.bySelectors = {
      match: filter.by_selectors.match,
      selectors: new Set(selectors.map((s) => selectorKey(s))),
    };
  }
  if (filter.by_federates_with !== null) {
    const trustDomains = new Set<string>();
    for (const name of filter.by_federates_with.trust_domains) {
      try {
        trustDomains.add(trustDomainFromString(name));
      } catch (error) {
        throw makeErr(Code.INVALID_ARGUMENT, 'malformed federates with filter', causeOf(error));
      }
    }
    if (filter.by_federates_with.trust_domains.length === 0) {
      throw makeErr(Code.INVALID_ARGUMENT, 'malformed federates with filter', 'empty trust domain set');
    }
    parsed.byFederatesWith = { match: filter.by_federates_with.match, trustDomains };
  }
  if (filter.by_downstream !== null) parsed.byDownstream = filter.by_downstream.value;
  return parsed;
}

function parseFilterId(parse: () => GoSpiffeId, msg: string): string {
  try {
    return parse().id;
  } catch (error) {
    throw makeErr(Code.INVALID_ARGUMENT, msg, causeOf(error));
  }
}

export function selectorKey(s: Selector): string {
  return `${s.type}:${s.value}`;
}

/**
 * Returns whether an entry's set matches the requested set under SPIRE's match behaviours (sqlstore.go
 * appendListRegistrationEntriesFilterQuery + filterEntriesBySelectorSet): EXACT = same set, SUBSET =
 * entry ⊆ request (and not empty), SUPERSET = entry ⊇ request, ANY = at least one in common.
 */
export function setMatches(
  match: MatchBehavior,
  have: ReadonlySet<string>,
  want: ReadonlySet<string>,
): boolean {
  let common = 0;
  for (const item of want) if (have.has(item)) common++;
  const haveWithinWant = [...have].every((item) => want.has(item));
  switch (match) {
    case 'MATCH_EXACT':
      return have.size > 0 && haveWithinWant && common === want.size;
    case 'MATCH_SUBSET':
      return have.size > 0 && haveWithinWant && common > 0;
    case 'MATCH_SUPERSET':
      return common === want.size;
    case 'MATCH_ANY':
      return common > 0;
    default:
      throw makeErr(
        Code.INTERNAL,
        'failed to list entries',
        `datastore-sql: unhandled match behavior ${String(match)}`,
      );
  }
}

/** Returns whether `entry` passes every part of `filter`. */
export function entryMatches(entry: Entry, filter: EntryFilter): boolean {
  if (filter.bySpiffeId !== undefined && entrySpiffeId(entry) !== filter.bySpiffeId) return false;
  if (filter.byParentId !== undefined && entryParentId(entry) !== filter.byParentId) return false;
  if (filter.byHint !== undefined && entry.hint !== filter.byHint) return false;
  if (filter.byDownstream !== undefined && entry.downstream !== filter.byDownstream) return false;
  if (filter.bySelectors !== undefined) {
    const have = new Set(entry.selectors.map((s) => selectorKey(s)));
    if (!setMatches(filter.bySelectors.match, have, filter.bySelectors.selectors)) return false;
  }
  if (filter.byFederatesWith !== undefined) {
    // The SQL joins federated_registration_entries, so an entry federating with nothing never matches;
    // every mode of setMatches needs a non-empty set or an element in common, which gives the same.
    const have = new Set(entry.federates_with);
    if (!setMatches(filter.byFederatesWith.match, have, filter.byFederatesWith.trustDomains)) return false;
  }
  return true;
}

// ---- the service ----------------------------------------------------------------------------------

export interface EntryServiceImpl {
  ListEntries(req: ListEntriesRequest): ListEntriesResponse__Input;
  CountEntries(req: CountEntriesRequest): CountEntriesResponse__Input;
  GetEntry(req: GetEntryRequest): Entry;
  BatchCreateEntry(req: BatchCreateEntryRequest): BatchCreateEntryResponse__Input;
  BatchUpdateEntry(req: BatchUpdateEntryRequest): BatchUpdateEntryResponse__Input;
  BatchDeleteEntry(req: BatchDeleteEntryRequest): BatchDeleteEntryResponse__Input;
}

/** Returns the entry.v1 implementation over the shared datastore. */
export function entryService(ctx: ServerContext): EntryServiceImpl {
  const { ds, trustDomain: td } = ctx;

  function listEntries(req: ListEntriesRequest): ListEntriesResponse__Input {
    const filter = parseEntryFilter(td, req.filter);
    const rows = ds.entryRows();
    // service.go: page_size 0 means no pagination at all.
    if (req.page_size <= 0) {
      return {
        entries: rows
          .filter((row) => entryMatches(row.value, filter))
          .map((row) => applyEntryMask(row.value, req.output_mask)),
        next_page_token: '',
      };
    }
    // sqlstore.go: rows with id > token, page_size of them; the token is the last row id returned,
    // present whenever the page is not empty, so the listing ends with an empty page.
    const after = parsePageToken(req.page_token, (token) =>
      makeErr(
        Code.INTERNAL,
        'failed to list entries',
        `datastore-sql: rpc error: code = InvalidArgument desc = could not parse token '${token}'`,
      ),
    );
    const entries: Entry[] = [];
    let last = 0;
    for (let i = firstRowAfter(rows, after); i < rows.length && entries.length < req.page_size; i++) {
      const row = rows[i];
      if (row === undefined || !entryMatches(row.value, filter)) continue;
      entries.push(applyEntryMask(row.value, req.output_mask));
      last = row.seq;
    }
    return { entries, next_page_token: entries.length > 0 ? String(last) : '' };
  }

  function countEntries(req: CountEntriesRequest): CountEntriesResponse__Input {
    const filter = parseEntryFilter(td, req.filter);
    let count = 0;
    for (const row of ds.entryRows()) if (entryMatches(row.value, filter)) count++;
    return { count };
  }

  function getEntry(req: GetEntryRequest): Entry {
    if (req.id === '') throw makeErr(Code.INVALID_ARGUMENT, 'missing ID');
    const entry = ds.getEntry(req.id);
    if (entry === undefined) throw makeErr(Code.NOT_FOUND, 'entry not found');
    return applyEntryMask(entry, req.output_mask);
  }

  function createEntry(e: Entry, outputMask: EntryMask | null): { status: Status; entry?: Entry } {
    let converted: ConvertedEntry;
    try {
      converted = protoToRegistrationEntry(td, e, ALL_TRUE_ENTRY_MASK);
    } catch (error) {
      return { status: makeStatus(Code.INVALID_ARGUMENT, 'failed to convert entry', causeOf(error)) };
    }
    const invalid = validateRegistrationEntry(converted);
    if (invalid !== undefined) {
      return {
        status: makeStatus(
          Code.INVALID_ARGUMENT,
          'failed to create entry',
          `datastore-validation: ${invalid}`,
        ),
      };
    }
    const spiffeId = converted.spiffeId;
    const parentId = converted.parentId;
    if (spiffeId === undefined || parentId === undefined) throw new Error('unreachable: IDs are converted');
    const candidate = {
      spiffe_id: protoFromId(spiffeId),
      parent_id: protoFromId(parentId),
      selectors: converted.selectors,
    };
    // sqlstore.go createOrReturnRegistrationEntry: a similar entry is returned instead of a new one.
    const similar = ds.findSimilarEntry(candidate);
    if (similar !== undefined) {
      return {
        status: { code: Code.ALREADY_EXISTS, message: 'similar entry already exists' },
        entry: applyEntryMask(similar, outputMask),
      };
    }
    // createRegistrationEntry: the entry row (unique entry_id), then federates_with, then selectors.
    const id = converted.id === '' ? randomUUID() : converted.id;
    if (ds.getEntry(id) !== undefined) {
      return {
        status: makeStatus(Code.ALREADY_EXISTS, 'failed to create entry', DUPLICATE_ENTRY_ID_MESSAGE),
      };
    }
    const federation = resolveFederatesWith(ds, converted.federatesWith);
    if ('error' in federation) {
      // A plain error in the datastore becomes Unknown, which the entry service turns into Internal.
      return { status: makeStatus(Code.INTERNAL, 'failed to create entry', federation.error) };
    }
    if (hasDuplicateSelectors(converted.selectors)) {
      return {
        status: makeStatus(Code.ALREADY_EXISTS, 'failed to create entry', DUPLICATE_SELECTOR_MESSAGE),
      };
    }
    const entry: Entry = {
      id,
      ...candidate,
      x509_svid_ttl: converted.x509SvidTtl,
      federates_with: federation.names,
      admin: converted.admin,
      downstream: converted.downstream,
      expires_at: converted.expiresAt,
      dns_names: converted.dnsNames,
      // The create path never writes the caller's revision number or creation time.
      revision_number: 0,
      store_svid: converted.storeSvid,
      jwt_svid_ttl: converted.jwtSvidTtl,
      hint: converted.hint,
      created_at: ctx.now(),
    };
    if (converted.additionalAttributes !== undefined)
      entry.additional_attributes = converted.additionalAttributes;
    ds.insertEntry(entry);
    return { status: okStatus(), entry: applyEntryMask(entry, outputMask) };
  }

  function updateEntry(
    e: Entry,
    inputMask: EntryMask | null,
    outputMask: EntryMask | null,
  ): { status: Status; entry?: Entry } {
    const mask: EntryMaskFields = inputMask ?? ALL_TRUE_ENTRY_MASK;
    let converted: ConvertedEntry;
    try {
      converted = protoToRegistrationEntry(td, e, mask);
    } catch (error) {
      return { status: makeStatus(Code.INVALID_ARGUMENT, 'failed to convert entry', causeOf(error)) };
    }
    const invalid = validateRegistrationEntryForUpdate(converted, mask);
    if (invalid !== undefined) {
      return {
        status: makeStatus(
          Code.INVALID_ARGUMENT,
          'failed to update entry',
          `datastore-validation: ${invalid}`,
        ),
      };
    }
    const existing = ds.getEntry(e.id);
    // A missing row is gorm's RecordNotFound → NotFound, and NotFound statuses carry no cause.
    if (existing === undefined) return { status: makeStatus(Code.NOT_FOUND, 'failed to update entry') };
    const selectors = mask.selectors ? converted.selectors : existing.selectors;
    const storeSvid = mask.store_svid ? converted.storeSvid : existing.store_svid;
    // updateRegistrationEntry checks the final selectors against the final store_svid.
    if (storeSvid && !sameSelectorTypes(selectors)) {
      return {
        status: makeStatus(
          Code.INVALID_ARGUMENT,
          'failed to update entry',
          'datastore-validation: invalid registration entry: selector types must be the same when store SVID is enabled',
        ),
      };
    }
    if (mask.selectors && hasDuplicateSelectors(selectors)) {
      return {
        status: makeStatus(Code.ALREADY_EXISTS, 'failed to update entry', DUPLICATE_SELECTOR_MESSAGE),
      };
    }
    let federatesWith = existing.federates_with;
    if (mask.federates_with) {
      const federation = resolveFederatesWith(ds, converted.federatesWith);
      if ('error' in federation)
        return { status: makeStatus(Code.INTERNAL, 'failed to update entry', federation.error) };
      federatesWith = federation.names;
    }
    const updated: Entry = {
      ...existing,
      spiffe_id:
        mask.spiffe_id && converted.spiffeId !== undefined
          ? protoFromId(converted.spiffeId)
          : existing.spiffe_id,
      parent_id:
        mask.parent_id && converted.parentId !== undefined
          ? protoFromId(converted.parentId)
          : existing.parent_id,
      selectors: [...selectors],
      x509_svid_ttl: mask.x509_svid_ttl ? converted.x509SvidTtl : existing.x509_svid_ttl,
      federates_with: [...federatesWith],
      admin: mask.admin ? converted.admin : existing.admin,
      downstream: mask.downstream ? converted.downstream : existing.downstream,
      expires_at: mask.expires_at ? converted.expiresAt : existing.expires_at,
      dns_names: mask.dns_names ? converted.dnsNames : [...existing.dns_names],
      // "Revision number is increased by 1 on every update call" (updateRegistrationEntry).
      revision_number: existing.revision_number + 1,
      store_svid: storeSvid,
      jwt_svid_ttl: mask.jwt_svid_ttl ? converted.jwtSvidTtl : existing.jwt_svid_ttl,
      hint: mask.hint ? converted.hint : existing.hint,
    };
    if (mask.additional_attributes) {
      if (converted.additionalAttributes === undefined) delete updated.additional_attributes;
      else updated.additional_attributes = converted.additionalAttributes;
    }
    ds.replaceEntry(updated);
    return { status: okStatus(), entry: applyEntryMask(updated, outputMask) };
  }

  function deleteEntry(id: string): Status {
    if (id === '') return makeStatus(Code.INVALID_ARGUMENT, 'missing entry ID');
    if (ds.deleteEntry(id) === undefined) return makeStatus(Code.NOT_FOUND, 'entry not found');
    return okStatus();
  }

  return {
    ListEntries: listEntries,
    CountEntries: countEntries,
    GetEntry: getEntry,
    BatchCreateEntry(req) {
      const injected = ctx.controls.takeBatchFailures('BatchCreateEntry');
      return ds.batch(() => ({
        results: req.entries.map((e, index) => {
          const status = injected.get(index);
          return status !== undefined ? { status } : createEntry(e, req.output_mask);
        }),
      }));
    },
    BatchUpdateEntry(req) {
      const injected = ctx.controls.takeBatchFailures('BatchUpdateEntry');
      return ds.batch(() => ({
        results: req.entries.map((e, index) => {
          const status = injected.get(index);
          return status !== undefined ? { status } : updateEntry(e, req.input_mask, req.output_mask);
        }),
      }));
    },
    BatchDeleteEntry(req) {
      const injected = ctx.controls.takeBatchFailures('BatchDeleteEntry');
      return ds.batch(() => ({
        results: req.ids.map((id, index) => ({ id, status: injected.get(index) ?? deleteEntry(id) })),
      }));
    },
  };
}

/**
 * Returns the row number after which a page starts (0 for no token), or throws `onError(token)` when the
 * token is not a decimal uint64 (sqlstore.go parsePaginationToken).
 */
export function parsePageToken(token: string, onError: (token: string) => ApiError): number {
  if (token === '') return 0;
  if (!/^\d+$/.test(token) || BigInt(token) > 0xffffffffffffffffn) throw onError(token);
  return Number(token);
}

// Registration entries: spire.api.server.entry.v1.Entry (spire-api-sdk entry.proto).
import { CoreError } from '../errors/index.js';
import { loadProto, protoFiles } from '../proto/index.js';
import type { ProtoGrpcType } from '../generated/entry.js';
import type { EntryDefinition } from '../generated/spire/api/server/entry/v1/Entry.js';
import type { _spire_api_server_entry_v1_ListEntriesRequest_Filter__Input as ListEntriesRequest_Filter__Input } from '../generated/spire/api/server/entry/v1/ListEntriesRequest.js';
import type {
  Entry as ProtoEntry,
  Entry__Input as ProtoEntryInput,
} from '../generated/spire/api/types/Entry.js';
import { runBatch } from './batch.js';
import type { BatchOptions, ItemResult } from './batch.js';
import {
  int32,
  maskToProto,
  matchToProto,
  selectorsFromProto,
  selectorsToProto,
  spiffeIdFromProto,
  spiffeIdToProto,
  trustDomainName,
} from './convert.js';
import { collect, pages, validPageSize } from './paging.js';
import { MODULE } from './status.js';
import type { CallOptions, Transport } from './transport.js';
import type { Entry, EntryField, EntryFilter, EntryInput, EntryMask, EntryUpdate } from './types.js';

// EntryMask flags (entry.proto); the numbers match the Entry fields they select.
const ENTRY_MASK_FIELDS = {
  spiffeId: 'spiffe_id',
  parentId: 'parent_id',
  selectors: 'selectors',
  x509SvidTtl: 'x509_svid_ttl',
  federatesWith: 'federates_with',
  admin: 'admin',
  downstream: 'downstream',
  expiresAt: 'expires_at',
  dnsNames: 'dns_names',
  revisionNumber: 'revision_number',
  storeSvid: 'store_svid',
  jwtSvidTtl: 'jwt_svid_ttl',
  hint: 'hint',
  createdAt: 'created_at',
  additionalAttributes: 'additional_attributes',
} as const satisfies Record<EntryField, string>;

/** Every maskable entry field, for building masks ("all but …"). */
export const ENTRY_FIELDS = Object.keys(ENTRY_MASK_FIELDS) as readonly EntryField[];

export interface ListEntriesOptions extends CallOptions {
  filter?: EntryFilter;
  /** Entries per page; default 500. */
  pageSize?: number;
  outputMask?: EntryMask;
}

export class EntryClient {
  readonly #transport: Transport;
  readonly #service: EntryDefinition;

  constructor(transport: Transport) {
    this.#transport = transport;
    this.#service = (
      loadProto(protoFiles.entry) as unknown as ProtoGrpcType
    ).spire.api.server.entry.v1.Entry.service;
  }

  /**
   * Returns an async iterator over pages of entries (one ListEntries call per page). The filter and mask
   * are checked before the first call, so a bad one throws here rather than on iteration.
   */
  list(options: ListEntriesOptions = {}): AsyncGenerator<Entry[], void, undefined> {
    const filter = filterToProto(options.filter);
    const outputMask = maskToProto(options.outputMask, ENTRY_MASK_FIELDS, 'outputMask');
    const pageSize = validPageSize(options.pageSize, 'ListEntries');
    return pages(async (pageToken) => {
      const response = await this.#transport.unary(
        this.#service.ListEntries,
        { filter, output_mask: outputMask, page_size: pageSize, page_token: pageToken },
        'ListEntries',
        options,
      );
      return { items: response.entries.map(entryFromProto), nextPageToken: response.next_page_token };
    }, 'ListEntries');
  }

  /** Returns every entry matching the options, across all pages. */
  async listAll(options: ListEntriesOptions = {}): Promise<Entry[]> {
    return collect(this.list(options));
  }

  /** Returns the number of entries matching `filter`. */
  async count(filter?: EntryFilter, options: CallOptions = {}): Promise<number> {
    const response = await this.#transport.unary(
      this.#service.CountEntries,
      { filter: filterToProto(filter) },
      'CountEntries',
      options,
    );
    return response.count;
  }

  /** Returns the entry with `id`; throws CoreError SPIRE_API_NOT_FOUND when there is none. */
  async get(id: string, options: CallOptions & { outputMask?: EntryMask } = {}): Promise<Entry> {
    const response = await this.#transport.unary(
      this.#service.GetEntry,
      { id, output_mask: maskToProto(options.outputMask, ENTRY_MASK_FIELDS, 'outputMask') },
      `GetEntry("${id}")`,
      options,
    );
    return entryFromProto(response);
  }

  /**
   * Returns one result per input entry, in input order. A similar entry (same SPIFFE ID, parent ID and
   * selectors) fails with SPIRE_API_ALREADY_EXISTS and carries the existing entry in
   * `error.details.existingEntry` (SPIRE pkg/server/api/entry/v1/service.go createEntry).
   */
  async batchCreate(
    entries: readonly EntryInput[],
    options: BatchOptions & { outputMask?: EntryMask } = {},
  ): Promise<ItemResult<Entry>[]> {
    const outputMask = maskToProto(options.outputMask, ENTRY_MASK_FIELDS, 'outputMask');
    return runBatch({
      what: 'BatchCreateEntry',
      items: entries,
      chunkSize: options.chunkSize,
      describe: (entry, index) =>
        `entry ${index} (${entry.id !== undefined && entry.id !== '' ? `id "${entry.id}", ` : ''}${entry.spiffeId})`,
      details: (entry, index) => ({ index, id: entry.id ?? '', spiffeId: entry.spiffeId }),
      encode: (entry) => entryToProto(entry),
      send: async (chunk) =>
        (
          await this.#transport.unary(
            this.#service.BatchCreateEntry,
            { entries: chunk, output_mask: outputMask },
            'BatchCreateEntry',
            options,
          )
        ).results,
      decode: (result) => entryFromProto(required(result.entry)),
      failureDetails: (result) =>
        result.entry === null ? {} : { existingEntry: entryFromProto(result.entry) },
    });
  }

  /**
   * Returns one result per input, in input order. Only the fields named in `inputMask` are changed on
   * the server (SPIRE treats an absent mask as "all fields"; this client always sends one). A masked
   * field missing from an update is sent as its zero value (false, 0, empty), so it is cleared.
   */
  async batchUpdate(
    entries: readonly EntryUpdate[],
    options: BatchOptions & { inputMask: EntryMask; outputMask?: EntryMask },
  ): Promise<ItemResult<Entry>[]> {
    const inputMask = maskToProto(options.inputMask, ENTRY_MASK_FIELDS, 'inputMask');
    const outputMask = maskToProto(options.outputMask, ENTRY_MASK_FIELDS, 'outputMask');
    return runBatch({
      what: 'BatchUpdateEntry',
      items: entries,
      chunkSize: options.chunkSize,
      describe: (entry, index) => `entry ${index} (id "${entry.id}")`,
      details: (entry, index) => ({ index, id: entry.id }),
      encode: (entry) => entryToProto(entry),
      send: async (chunk) =>
        (
          await this.#transport.unary(
            this.#service.BatchUpdateEntry,
            { entries: chunk, input_mask: inputMask, output_mask: outputMask },
            'BatchUpdateEntry',
            options,
          )
        ).results,
      decode: (result) => entryFromProto(required(result.entry)),
    });
  }

  /** Returns one result per ID, in input order; the value is the deleted ID. */
  async batchDelete(ids: readonly string[], options: BatchOptions = {}): Promise<ItemResult<string>[]> {
    return runBatch({
      what: 'BatchDeleteEntry',
      items: ids,
      chunkSize: options.chunkSize,
      describe: (id, index) => `entry ${index} (id "${id}")`,
      details: (id, index) => ({ index, id }),
      encode: (id) => id,
      send: async (chunk) =>
        (
          await this.#transport.unary(
            this.#service.BatchDeleteEntry,
            { ids: chunk },
            'BatchDeleteEntry',
            options,
          )
        ).results,
      decode: (_result, id) => id,
    });
  }
}

function required<T>(value: T | null): T {
  if (value === null)
    throw new CoreError('SPIRE_API_FAILED', MODULE, 'the server returned an OK result without the entry');
  return value;
}

/** Returns the domain entry for a wire entry. */
export function entryFromProto(entry: ProtoEntry): Entry {
  const out: Entry = {
    id: entry.id,
    spiffeId: spiffeIdFromProto(entry.spiffe_id),
    parentId: spiffeIdFromProto(entry.parent_id),
    selectors: selectorsFromProto(entry.selectors),
    x509SvidTtl: entry.x509_svid_ttl,
    jwtSvidTtl: entry.jwt_svid_ttl,
    federatesWith: [...entry.federates_with],
    admin: entry.admin,
    downstream: entry.downstream,
    expiresAt: entry.expires_at,
    dnsNames: [...entry.dns_names],
    revisionNumber: entry.revision_number,
    storeSvid: entry.store_svid,
    hint: entry.hint,
    createdAt: entry.created_at,
  };
  const attributes = entry.additional_attributes;
  if (attributes !== null && attributes !== undefined) {
    out.additionalAttributes = {
      disableX509SvidPrefetch: attributes.disable_x509_svid_prefetch,
      jwtSvidIncludeJti: attributes.jwt_svid_include_jti,
    };
  }
  return out;
}

/** Returns the wire entry for a create or an update; absent fields are sent as their zero value. */
function entryToProto(entry: Partial<EntryInput>): ProtoEntryInput {
  const attributes = entry.additionalAttributes;
  return {
    id: entry.id ?? '',
    spiffe_id: entry.spiffeId === undefined ? null : spiffeIdToProto(entry.spiffeId, 'spiffeId'),
    parent_id: entry.parentId === undefined ? null : spiffeIdToProto(entry.parentId, 'parentId'),
    selectors: selectorsToProto(entry.selectors ?? []),
    x509_svid_ttl: int32(entry.x509SvidTtl ?? 0, 'x509SvidTtl', 0),
    jwt_svid_ttl: int32(entry.jwtSvidTtl ?? 0, 'jwtSvidTtl', 0),
    federates_with: [...(entry.federatesWith ?? [])],
    admin: entry.admin ?? false,
    downstream: entry.downstream ?? false,
    expires_at: entry.expiresAt ?? 0,
    dns_names: [...(entry.dnsNames ?? [])],
    store_svid: entry.storeSvid ?? false,
    hint: entry.hint ?? '',
    additional_attributes:
      attributes === undefined
        ? null
        : {
            disable_x509_svid_prefetch: attributes.disableX509SvidPrefetch ?? false,
            jwt_svid_include_jti: attributes.jwtSvidIncludeJti ?? false,
          },
  };
}

function filterToProto(filter: EntryFilter | undefined): ListEntriesRequest_Filter__Input | null {
  if (filter === undefined) return null;
  const { bySpiffeId, byParentId, bySelectors, byFederatesWith, byHint, byDownstream } = filter;
  return {
    by_spiffe_id: bySpiffeId === undefined ? null : spiffeIdToProto(bySpiffeId, 'filter.bySpiffeId'),
    by_parent_id: byParentId === undefined ? null : spiffeIdToProto(byParentId, 'filter.byParentId'),
    by_selectors:
      bySelectors === undefined
        ? null
        : { selectors: selectorsToProto(bySelectors.selectors), match: matchToProto(bySelectors.match) },
    by_federates_with:
      byFederatesWith === undefined
        ? null
        : {
            trust_domains: byFederatesWith.trustDomains.map((td) =>
              trustDomainName(td, 'filter.byFederatesWith'),
            ),
            match: matchToProto(byFederatesWith.match),
          },
    by_hint: byHint === undefined ? null : { value: byHint },
    by_downstream: byDownstream === undefined ? null : { value: byDownstream },
  };
}

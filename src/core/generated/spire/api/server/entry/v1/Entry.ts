// Original file: src/core/proto/spire/api/server/entry/v1/entry.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { BatchCreateEntryRequest__Input as _spire_api_server_entry_v1_BatchCreateEntryRequest__Input, BatchCreateEntryRequest as _spire_api_server_entry_v1_BatchCreateEntryRequest } from '../../../../../spire/api/server/entry/v1/BatchCreateEntryRequest.js';
import type { BatchCreateEntryResponse__Input as _spire_api_server_entry_v1_BatchCreateEntryResponse__Input, BatchCreateEntryResponse as _spire_api_server_entry_v1_BatchCreateEntryResponse } from '../../../../../spire/api/server/entry/v1/BatchCreateEntryResponse.js';
import type { BatchDeleteEntryRequest__Input as _spire_api_server_entry_v1_BatchDeleteEntryRequest__Input, BatchDeleteEntryRequest as _spire_api_server_entry_v1_BatchDeleteEntryRequest } from '../../../../../spire/api/server/entry/v1/BatchDeleteEntryRequest.js';
import type { BatchDeleteEntryResponse__Input as _spire_api_server_entry_v1_BatchDeleteEntryResponse__Input, BatchDeleteEntryResponse as _spire_api_server_entry_v1_BatchDeleteEntryResponse } from '../../../../../spire/api/server/entry/v1/BatchDeleteEntryResponse.js';
import type { BatchUpdateEntryRequest__Input as _spire_api_server_entry_v1_BatchUpdateEntryRequest__Input, BatchUpdateEntryRequest as _spire_api_server_entry_v1_BatchUpdateEntryRequest } from '../../../../../spire/api/server/entry/v1/BatchUpdateEntryRequest.js';
import type { BatchUpdateEntryResponse__Input as _spire_api_server_entry_v1_BatchUpdateEntryResponse__Input, BatchUpdateEntryResponse as _spire_api_server_entry_v1_BatchUpdateEntryResponse } from '../../../../../spire/api/server/entry/v1/BatchUpdateEntryResponse.js';
import type { CountEntriesRequest__Input as _spire_api_server_entry_v1_CountEntriesRequest__Input, CountEntriesRequest as _spire_api_server_entry_v1_CountEntriesRequest } from '../../../../../spire/api/server/entry/v1/CountEntriesRequest.js';
import type { CountEntriesResponse__Input as _spire_api_server_entry_v1_CountEntriesResponse__Input, CountEntriesResponse as _spire_api_server_entry_v1_CountEntriesResponse } from '../../../../../spire/api/server/entry/v1/CountEntriesResponse.js';
import type { Entry__Input as _spire_api_types_Entry__Input, Entry as _spire_api_types_Entry } from '../../../../../spire/api/types/Entry.js';
import type { GetEntryRequest__Input as _spire_api_server_entry_v1_GetEntryRequest__Input, GetEntryRequest as _spire_api_server_entry_v1_GetEntryRequest } from '../../../../../spire/api/server/entry/v1/GetEntryRequest.js';
import type { ListEntriesRequest__Input as _spire_api_server_entry_v1_ListEntriesRequest__Input, ListEntriesRequest as _spire_api_server_entry_v1_ListEntriesRequest } from '../../../../../spire/api/server/entry/v1/ListEntriesRequest.js';
import type { ListEntriesResponse__Input as _spire_api_server_entry_v1_ListEntriesResponse__Input, ListEntriesResponse as _spire_api_server_entry_v1_ListEntriesResponse } from '../../../../../spire/api/server/entry/v1/ListEntriesResponse.js';

export interface EntryClient extends grpc.Client {
  BatchCreateEntry(argument: _spire_api_server_entry_v1_BatchCreateEntryRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchCreateEntryResponse>): grpc.ClientUnaryCall;
  BatchCreateEntry(argument: _spire_api_server_entry_v1_BatchCreateEntryRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchCreateEntryResponse>): grpc.ClientUnaryCall;
  BatchCreateEntry(argument: _spire_api_server_entry_v1_BatchCreateEntryRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchCreateEntryResponse>): grpc.ClientUnaryCall;
  BatchCreateEntry(argument: _spire_api_server_entry_v1_BatchCreateEntryRequest__Input, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchCreateEntryResponse>): grpc.ClientUnaryCall;
  batchCreateEntry(argument: _spire_api_server_entry_v1_BatchCreateEntryRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchCreateEntryResponse>): grpc.ClientUnaryCall;
  batchCreateEntry(argument: _spire_api_server_entry_v1_BatchCreateEntryRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchCreateEntryResponse>): grpc.ClientUnaryCall;
  batchCreateEntry(argument: _spire_api_server_entry_v1_BatchCreateEntryRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchCreateEntryResponse>): grpc.ClientUnaryCall;
  batchCreateEntry(argument: _spire_api_server_entry_v1_BatchCreateEntryRequest__Input, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchCreateEntryResponse>): grpc.ClientUnaryCall;
  
  BatchDeleteEntry(argument: _spire_api_server_entry_v1_BatchDeleteEntryRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchDeleteEntryResponse>): grpc.ClientUnaryCall;
  BatchDeleteEntry(argument: _spire_api_server_entry_v1_BatchDeleteEntryRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchDeleteEntryResponse>): grpc.ClientUnaryCall;
  BatchDeleteEntry(argument: _spire_api_server_entry_v1_BatchDeleteEntryRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchDeleteEntryResponse>): grpc.ClientUnaryCall;
  BatchDeleteEntry(argument: _spire_api_server_entry_v1_BatchDeleteEntryRequest__Input, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchDeleteEntryResponse>): grpc.ClientUnaryCall;
  batchDeleteEntry(argument: _spire_api_server_entry_v1_BatchDeleteEntryRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchDeleteEntryResponse>): grpc.ClientUnaryCall;
  batchDeleteEntry(argument: _spire_api_server_entry_v1_BatchDeleteEntryRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchDeleteEntryResponse>): grpc.ClientUnaryCall;
  batchDeleteEntry(argument: _spire_api_server_entry_v1_BatchDeleteEntryRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchDeleteEntryResponse>): grpc.ClientUnaryCall;
  batchDeleteEntry(argument: _spire_api_server_entry_v1_BatchDeleteEntryRequest__Input, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchDeleteEntryResponse>): grpc.ClientUnaryCall;
  
  BatchUpdateEntry(argument: _spire_api_server_entry_v1_BatchUpdateEntryRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchUpdateEntryResponse>): grpc.ClientUnaryCall;
  BatchUpdateEntry(argument: _spire_api_server_entry_v1_BatchUpdateEntryRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchUpdateEntryResponse>): grpc.ClientUnaryCall;
  BatchUpdateEntry(argument: _spire_api_server_entry_v1_BatchUpdateEntryRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchUpdateEntryResponse>): grpc.ClientUnaryCall;
  BatchUpdateEntry(argument: _spire_api_server_entry_v1_BatchUpdateEntryRequest__Input, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchUpdateEntryResponse>): grpc.ClientUnaryCall;
  batchUpdateEntry(argument: _spire_api_server_entry_v1_BatchUpdateEntryRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchUpdateEntryResponse>): grpc.ClientUnaryCall;
  batchUpdateEntry(argument: _spire_api_server_entry_v1_BatchUpdateEntryRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchUpdateEntryResponse>): grpc.ClientUnaryCall;
  batchUpdateEntry(argument: _spire_api_server_entry_v1_BatchUpdateEntryRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchUpdateEntryResponse>): grpc.ClientUnaryCall;
  batchUpdateEntry(argument: _spire_api_server_entry_v1_BatchUpdateEntryRequest__Input, callback: grpc.requestCallback<_spire_api_server_entry_v1_BatchUpdateEntryResponse>): grpc.ClientUnaryCall;
  
  CountEntries(argument: _spire_api_server_entry_v1_CountEntriesRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_CountEntriesResponse>): grpc.ClientUnaryCall;
  CountEntries(argument: _spire_api_server_entry_v1_CountEntriesRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_entry_v1_CountEntriesResponse>): grpc.ClientUnaryCall;
  CountEntries(argument: _spire_api_server_entry_v1_CountEntriesRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_CountEntriesResponse>): grpc.ClientUnaryCall;
  CountEntries(argument: _spire_api_server_entry_v1_CountEntriesRequest__Input, callback: grpc.requestCallback<_spire_api_server_entry_v1_CountEntriesResponse>): grpc.ClientUnaryCall;
  countEntries(argument: _spire_api_server_entry_v1_CountEntriesRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_CountEntriesResponse>): grpc.ClientUnaryCall;
  countEntries(argument: _spire_api_server_entry_v1_CountEntriesRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_entry_v1_CountEntriesResponse>): grpc.ClientUnaryCall;
  countEntries(argument: _spire_api_server_entry_v1_CountEntriesRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_CountEntriesResponse>): grpc.ClientUnaryCall;
  countEntries(argument: _spire_api_server_entry_v1_CountEntriesRequest__Input, callback: grpc.requestCallback<_spire_api_server_entry_v1_CountEntriesResponse>): grpc.ClientUnaryCall;
  
  GetEntry(argument: _spire_api_server_entry_v1_GetEntryRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Entry>): grpc.ClientUnaryCall;
  GetEntry(argument: _spire_api_server_entry_v1_GetEntryRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_types_Entry>): grpc.ClientUnaryCall;
  GetEntry(argument: _spire_api_server_entry_v1_GetEntryRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Entry>): grpc.ClientUnaryCall;
  GetEntry(argument: _spire_api_server_entry_v1_GetEntryRequest__Input, callback: grpc.requestCallback<_spire_api_types_Entry>): grpc.ClientUnaryCall;
  getEntry(argument: _spire_api_server_entry_v1_GetEntryRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Entry>): grpc.ClientUnaryCall;
  getEntry(argument: _spire_api_server_entry_v1_GetEntryRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_types_Entry>): grpc.ClientUnaryCall;
  getEntry(argument: _spire_api_server_entry_v1_GetEntryRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Entry>): grpc.ClientUnaryCall;
  getEntry(argument: _spire_api_server_entry_v1_GetEntryRequest__Input, callback: grpc.requestCallback<_spire_api_types_Entry>): grpc.ClientUnaryCall;
  
  ListEntries(argument: _spire_api_server_entry_v1_ListEntriesRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_ListEntriesResponse>): grpc.ClientUnaryCall;
  ListEntries(argument: _spire_api_server_entry_v1_ListEntriesRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_entry_v1_ListEntriesResponse>): grpc.ClientUnaryCall;
  ListEntries(argument: _spire_api_server_entry_v1_ListEntriesRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_ListEntriesResponse>): grpc.ClientUnaryCall;
  ListEntries(argument: _spire_api_server_entry_v1_ListEntriesRequest__Input, callback: grpc.requestCallback<_spire_api_server_entry_v1_ListEntriesResponse>): grpc.ClientUnaryCall;
  listEntries(argument: _spire_api_server_entry_v1_ListEntriesRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_ListEntriesResponse>): grpc.ClientUnaryCall;
  listEntries(argument: _spire_api_server_entry_v1_ListEntriesRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_entry_v1_ListEntriesResponse>): grpc.ClientUnaryCall;
  listEntries(argument: _spire_api_server_entry_v1_ListEntriesRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_entry_v1_ListEntriesResponse>): grpc.ClientUnaryCall;
  listEntries(argument: _spire_api_server_entry_v1_ListEntriesRequest__Input, callback: grpc.requestCallback<_spire_api_server_entry_v1_ListEntriesResponse>): grpc.ClientUnaryCall;
  
}

export interface EntryHandlers extends grpc.UntypedServiceImplementation {
  BatchCreateEntry: grpc.handleUnaryCall<_spire_api_server_entry_v1_BatchCreateEntryRequest, _spire_api_server_entry_v1_BatchCreateEntryResponse__Input>;
  
  BatchDeleteEntry: grpc.handleUnaryCall<_spire_api_server_entry_v1_BatchDeleteEntryRequest, _spire_api_server_entry_v1_BatchDeleteEntryResponse__Input>;
  
  BatchUpdateEntry: grpc.handleUnaryCall<_spire_api_server_entry_v1_BatchUpdateEntryRequest, _spire_api_server_entry_v1_BatchUpdateEntryResponse__Input>;
  
  CountEntries: grpc.handleUnaryCall<_spire_api_server_entry_v1_CountEntriesRequest, _spire_api_server_entry_v1_CountEntriesResponse__Input>;
  
  GetEntry: grpc.handleUnaryCall<_spire_api_server_entry_v1_GetEntryRequest, _spire_api_types_Entry__Input>;
  
  ListEntries: grpc.handleUnaryCall<_spire_api_server_entry_v1_ListEntriesRequest, _spire_api_server_entry_v1_ListEntriesResponse__Input>;
  
}

export interface EntryDefinition extends grpc.ServiceDefinition {
  BatchCreateEntry: MethodDefinition<_spire_api_server_entry_v1_BatchCreateEntryRequest__Input, _spire_api_server_entry_v1_BatchCreateEntryResponse__Input, _spire_api_server_entry_v1_BatchCreateEntryRequest, _spire_api_server_entry_v1_BatchCreateEntryResponse>
  BatchDeleteEntry: MethodDefinition<_spire_api_server_entry_v1_BatchDeleteEntryRequest__Input, _spire_api_server_entry_v1_BatchDeleteEntryResponse__Input, _spire_api_server_entry_v1_BatchDeleteEntryRequest, _spire_api_server_entry_v1_BatchDeleteEntryResponse>
  BatchUpdateEntry: MethodDefinition<_spire_api_server_entry_v1_BatchUpdateEntryRequest__Input, _spire_api_server_entry_v1_BatchUpdateEntryResponse__Input, _spire_api_server_entry_v1_BatchUpdateEntryRequest, _spire_api_server_entry_v1_BatchUpdateEntryResponse>
  CountEntries: MethodDefinition<_spire_api_server_entry_v1_CountEntriesRequest__Input, _spire_api_server_entry_v1_CountEntriesResponse__Input, _spire_api_server_entry_v1_CountEntriesRequest, _spire_api_server_entry_v1_CountEntriesResponse>
  GetEntry: MethodDefinition<_spire_api_server_entry_v1_GetEntryRequest__Input, _spire_api_types_Entry__Input, _spire_api_server_entry_v1_GetEntryRequest, _spire_api_types_Entry>
  ListEntries: MethodDefinition<_spire_api_server_entry_v1_ListEntriesRequest__Input, _spire_api_server_entry_v1_ListEntriesResponse__Input, _spire_api_server_entry_v1_ListEntriesRequest, _spire_api_server_entry_v1_ListEntriesResponse>
}

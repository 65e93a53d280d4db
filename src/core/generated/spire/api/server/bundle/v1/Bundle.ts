// Original file: src/core/proto/spire/api/server/bundle/v1/bundle.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AppendBundleRequest__Input as _spire_api_server_bundle_v1_AppendBundleRequest__Input, AppendBundleRequest as _spire_api_server_bundle_v1_AppendBundleRequest } from '../../../../../spire/api/server/bundle/v1/AppendBundleRequest.js';
import type { BatchCreateFederatedBundleRequest__Input as _spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest__Input, BatchCreateFederatedBundleRequest as _spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest } from '../../../../../spire/api/server/bundle/v1/BatchCreateFederatedBundleRequest.js';
import type { BatchCreateFederatedBundleResponse__Input as _spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse__Input, BatchCreateFederatedBundleResponse as _spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse } from '../../../../../spire/api/server/bundle/v1/BatchCreateFederatedBundleResponse.js';
import type { BatchDeleteFederatedBundleRequest__Input as _spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest__Input, BatchDeleteFederatedBundleRequest as _spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest } from '../../../../../spire/api/server/bundle/v1/BatchDeleteFederatedBundleRequest.js';
import type { BatchDeleteFederatedBundleResponse__Input as _spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse__Input, BatchDeleteFederatedBundleResponse as _spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse } from '../../../../../spire/api/server/bundle/v1/BatchDeleteFederatedBundleResponse.js';
import type { BatchSetFederatedBundleRequest__Input as _spire_api_server_bundle_v1_BatchSetFederatedBundleRequest__Input, BatchSetFederatedBundleRequest as _spire_api_server_bundle_v1_BatchSetFederatedBundleRequest } from '../../../../../spire/api/server/bundle/v1/BatchSetFederatedBundleRequest.js';
import type { BatchSetFederatedBundleResponse__Input as _spire_api_server_bundle_v1_BatchSetFederatedBundleResponse__Input, BatchSetFederatedBundleResponse as _spire_api_server_bundle_v1_BatchSetFederatedBundleResponse } from '../../../../../spire/api/server/bundle/v1/BatchSetFederatedBundleResponse.js';
import type { BatchUpdateFederatedBundleRequest__Input as _spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest__Input, BatchUpdateFederatedBundleRequest as _spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest } from '../../../../../spire/api/server/bundle/v1/BatchUpdateFederatedBundleRequest.js';
import type { BatchUpdateFederatedBundleResponse__Input as _spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse__Input, BatchUpdateFederatedBundleResponse as _spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse } from '../../../../../spire/api/server/bundle/v1/BatchUpdateFederatedBundleResponse.js';
import type { Bundle__Input as _spire_api_types_Bundle__Input, Bundle as _spire_api_types_Bundle } from '../../../../../spire/api/types/Bundle.js';
import type { CountBundlesRequest__Input as _spire_api_server_bundle_v1_CountBundlesRequest__Input, CountBundlesRequest as _spire_api_server_bundle_v1_CountBundlesRequest } from '../../../../../spire/api/server/bundle/v1/CountBundlesRequest.js';
import type { CountBundlesResponse__Input as _spire_api_server_bundle_v1_CountBundlesResponse__Input, CountBundlesResponse as _spire_api_server_bundle_v1_CountBundlesResponse } from '../../../../../spire/api/server/bundle/v1/CountBundlesResponse.js';
import type { GetBundleRequest__Input as _spire_api_server_bundle_v1_GetBundleRequest__Input, GetBundleRequest as _spire_api_server_bundle_v1_GetBundleRequest } from '../../../../../spire/api/server/bundle/v1/GetBundleRequest.js';
import type { GetFederatedBundleRequest__Input as _spire_api_server_bundle_v1_GetFederatedBundleRequest__Input, GetFederatedBundleRequest as _spire_api_server_bundle_v1_GetFederatedBundleRequest } from '../../../../../spire/api/server/bundle/v1/GetFederatedBundleRequest.js';
import type { ListFederatedBundlesRequest__Input as _spire_api_server_bundle_v1_ListFederatedBundlesRequest__Input, ListFederatedBundlesRequest as _spire_api_server_bundle_v1_ListFederatedBundlesRequest } from '../../../../../spire/api/server/bundle/v1/ListFederatedBundlesRequest.js';
import type { ListFederatedBundlesResponse__Input as _spire_api_server_bundle_v1_ListFederatedBundlesResponse__Input, ListFederatedBundlesResponse as _spire_api_server_bundle_v1_ListFederatedBundlesResponse } from '../../../../../spire/api/server/bundle/v1/ListFederatedBundlesResponse.js';

export interface BundleClient extends grpc.Client {
  AppendBundle(argument: _spire_api_server_bundle_v1_AppendBundleRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  AppendBundle(argument: _spire_api_server_bundle_v1_AppendBundleRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  AppendBundle(argument: _spire_api_server_bundle_v1_AppendBundleRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  AppendBundle(argument: _spire_api_server_bundle_v1_AppendBundleRequest__Input, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  appendBundle(argument: _spire_api_server_bundle_v1_AppendBundleRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  appendBundle(argument: _spire_api_server_bundle_v1_AppendBundleRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  appendBundle(argument: _spire_api_server_bundle_v1_AppendBundleRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  appendBundle(argument: _spire_api_server_bundle_v1_AppendBundleRequest__Input, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  
  BatchCreateFederatedBundle(argument: _spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse>): grpc.ClientUnaryCall;
  BatchCreateFederatedBundle(argument: _spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse>): grpc.ClientUnaryCall;
  BatchCreateFederatedBundle(argument: _spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse>): grpc.ClientUnaryCall;
  BatchCreateFederatedBundle(argument: _spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest__Input, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse>): grpc.ClientUnaryCall;
  batchCreateFederatedBundle(argument: _spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse>): grpc.ClientUnaryCall;
  batchCreateFederatedBundle(argument: _spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse>): grpc.ClientUnaryCall;
  batchCreateFederatedBundle(argument: _spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse>): grpc.ClientUnaryCall;
  batchCreateFederatedBundle(argument: _spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest__Input, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse>): grpc.ClientUnaryCall;
  
  BatchDeleteFederatedBundle(argument: _spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse>): grpc.ClientUnaryCall;
  BatchDeleteFederatedBundle(argument: _spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse>): grpc.ClientUnaryCall;
  BatchDeleteFederatedBundle(argument: _spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse>): grpc.ClientUnaryCall;
  BatchDeleteFederatedBundle(argument: _spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest__Input, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse>): grpc.ClientUnaryCall;
  batchDeleteFederatedBundle(argument: _spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse>): grpc.ClientUnaryCall;
  batchDeleteFederatedBundle(argument: _spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse>): grpc.ClientUnaryCall;
  batchDeleteFederatedBundle(argument: _spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse>): grpc.ClientUnaryCall;
  batchDeleteFederatedBundle(argument: _spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest__Input, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse>): grpc.ClientUnaryCall;
  
  BatchSetFederatedBundle(argument: _spire_api_server_bundle_v1_BatchSetFederatedBundleRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchSetFederatedBundleResponse>): grpc.ClientUnaryCall;
  BatchSetFederatedBundle(argument: _spire_api_server_bundle_v1_BatchSetFederatedBundleRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchSetFederatedBundleResponse>): grpc.ClientUnaryCall;
  BatchSetFederatedBundle(argument: _spire_api_server_bundle_v1_BatchSetFederatedBundleRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchSetFederatedBundleResponse>): grpc.ClientUnaryCall;
  BatchSetFederatedBundle(argument: _spire_api_server_bundle_v1_BatchSetFederatedBundleRequest__Input, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchSetFederatedBundleResponse>): grpc.ClientUnaryCall;
  batchSetFederatedBundle(argument: _spire_api_server_bundle_v1_BatchSetFederatedBundleRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchSetFederatedBundleResponse>): grpc.ClientUnaryCall;
  batchSetFederatedBundle(argument: _spire_api_server_bundle_v1_BatchSetFederatedBundleRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchSetFederatedBundleResponse>): grpc.ClientUnaryCall;
  batchSetFederatedBundle(argument: _spire_api_server_bundle_v1_BatchSetFederatedBundleRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchSetFederatedBundleResponse>): grpc.ClientUnaryCall;
  batchSetFederatedBundle(argument: _spire_api_server_bundle_v1_BatchSetFederatedBundleRequest__Input, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchSetFederatedBundleResponse>): grpc.ClientUnaryCall;
  
  BatchUpdateFederatedBundle(argument: _spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse>): grpc.ClientUnaryCall;
  BatchUpdateFederatedBundle(argument: _spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse>): grpc.ClientUnaryCall;
  BatchUpdateFederatedBundle(argument: _spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse>): grpc.ClientUnaryCall;
  BatchUpdateFederatedBundle(argument: _spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest__Input, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse>): grpc.ClientUnaryCall;
  batchUpdateFederatedBundle(argument: _spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse>): grpc.ClientUnaryCall;
  batchUpdateFederatedBundle(argument: _spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse>): grpc.ClientUnaryCall;
  batchUpdateFederatedBundle(argument: _spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse>): grpc.ClientUnaryCall;
  batchUpdateFederatedBundle(argument: _spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest__Input, callback: grpc.requestCallback<_spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse>): grpc.ClientUnaryCall;
  
  CountBundles(argument: _spire_api_server_bundle_v1_CountBundlesRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_CountBundlesResponse>): grpc.ClientUnaryCall;
  CountBundles(argument: _spire_api_server_bundle_v1_CountBundlesRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_bundle_v1_CountBundlesResponse>): grpc.ClientUnaryCall;
  CountBundles(argument: _spire_api_server_bundle_v1_CountBundlesRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_CountBundlesResponse>): grpc.ClientUnaryCall;
  CountBundles(argument: _spire_api_server_bundle_v1_CountBundlesRequest__Input, callback: grpc.requestCallback<_spire_api_server_bundle_v1_CountBundlesResponse>): grpc.ClientUnaryCall;
  countBundles(argument: _spire_api_server_bundle_v1_CountBundlesRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_CountBundlesResponse>): grpc.ClientUnaryCall;
  countBundles(argument: _spire_api_server_bundle_v1_CountBundlesRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_bundle_v1_CountBundlesResponse>): grpc.ClientUnaryCall;
  countBundles(argument: _spire_api_server_bundle_v1_CountBundlesRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_CountBundlesResponse>): grpc.ClientUnaryCall;
  countBundles(argument: _spire_api_server_bundle_v1_CountBundlesRequest__Input, callback: grpc.requestCallback<_spire_api_server_bundle_v1_CountBundlesResponse>): grpc.ClientUnaryCall;
  
  GetBundle(argument: _spire_api_server_bundle_v1_GetBundleRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  GetBundle(argument: _spire_api_server_bundle_v1_GetBundleRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  GetBundle(argument: _spire_api_server_bundle_v1_GetBundleRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  GetBundle(argument: _spire_api_server_bundle_v1_GetBundleRequest__Input, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  getBundle(argument: _spire_api_server_bundle_v1_GetBundleRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  getBundle(argument: _spire_api_server_bundle_v1_GetBundleRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  getBundle(argument: _spire_api_server_bundle_v1_GetBundleRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  getBundle(argument: _spire_api_server_bundle_v1_GetBundleRequest__Input, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  
  GetFederatedBundle(argument: _spire_api_server_bundle_v1_GetFederatedBundleRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  GetFederatedBundle(argument: _spire_api_server_bundle_v1_GetFederatedBundleRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  GetFederatedBundle(argument: _spire_api_server_bundle_v1_GetFederatedBundleRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  GetFederatedBundle(argument: _spire_api_server_bundle_v1_GetFederatedBundleRequest__Input, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  getFederatedBundle(argument: _spire_api_server_bundle_v1_GetFederatedBundleRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  getFederatedBundle(argument: _spire_api_server_bundle_v1_GetFederatedBundleRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  getFederatedBundle(argument: _spire_api_server_bundle_v1_GetFederatedBundleRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  getFederatedBundle(argument: _spire_api_server_bundle_v1_GetFederatedBundleRequest__Input, callback: grpc.requestCallback<_spire_api_types_Bundle>): grpc.ClientUnaryCall;
  
  ListFederatedBundles(argument: _spire_api_server_bundle_v1_ListFederatedBundlesRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_ListFederatedBundlesResponse>): grpc.ClientUnaryCall;
  ListFederatedBundles(argument: _spire_api_server_bundle_v1_ListFederatedBundlesRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_bundle_v1_ListFederatedBundlesResponse>): grpc.ClientUnaryCall;
  ListFederatedBundles(argument: _spire_api_server_bundle_v1_ListFederatedBundlesRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_ListFederatedBundlesResponse>): grpc.ClientUnaryCall;
  ListFederatedBundles(argument: _spire_api_server_bundle_v1_ListFederatedBundlesRequest__Input, callback: grpc.requestCallback<_spire_api_server_bundle_v1_ListFederatedBundlesResponse>): grpc.ClientUnaryCall;
  listFederatedBundles(argument: _spire_api_server_bundle_v1_ListFederatedBundlesRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_ListFederatedBundlesResponse>): grpc.ClientUnaryCall;
  listFederatedBundles(argument: _spire_api_server_bundle_v1_ListFederatedBundlesRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_bundle_v1_ListFederatedBundlesResponse>): grpc.ClientUnaryCall;
  listFederatedBundles(argument: _spire_api_server_bundle_v1_ListFederatedBundlesRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_bundle_v1_ListFederatedBundlesResponse>): grpc.ClientUnaryCall;
  listFederatedBundles(argument: _spire_api_server_bundle_v1_ListFederatedBundlesRequest__Input, callback: grpc.requestCallback<_spire_api_server_bundle_v1_ListFederatedBundlesResponse>): grpc.ClientUnaryCall;
  
}

export interface BundleHandlers extends grpc.UntypedServiceImplementation {
  AppendBundle: grpc.handleUnaryCall<_spire_api_server_bundle_v1_AppendBundleRequest, _spire_api_types_Bundle__Input>;
  
  BatchCreateFederatedBundle: grpc.handleUnaryCall<_spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest, _spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse__Input>;
  
  BatchDeleteFederatedBundle: grpc.handleUnaryCall<_spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest, _spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse__Input>;
  
  BatchSetFederatedBundle: grpc.handleUnaryCall<_spire_api_server_bundle_v1_BatchSetFederatedBundleRequest, _spire_api_server_bundle_v1_BatchSetFederatedBundleResponse__Input>;
  
  BatchUpdateFederatedBundle: grpc.handleUnaryCall<_spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest, _spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse__Input>;
  
  CountBundles: grpc.handleUnaryCall<_spire_api_server_bundle_v1_CountBundlesRequest, _spire_api_server_bundle_v1_CountBundlesResponse__Input>;
  
  GetBundle: grpc.handleUnaryCall<_spire_api_server_bundle_v1_GetBundleRequest, _spire_api_types_Bundle__Input>;
  
  GetFederatedBundle: grpc.handleUnaryCall<_spire_api_server_bundle_v1_GetFederatedBundleRequest, _spire_api_types_Bundle__Input>;
  
  ListFederatedBundles: grpc.handleUnaryCall<_spire_api_server_bundle_v1_ListFederatedBundlesRequest, _spire_api_server_bundle_v1_ListFederatedBundlesResponse__Input>;
  
}

export interface BundleDefinition extends grpc.ServiceDefinition {
  AppendBundle: MethodDefinition<_spire_api_server_bundle_v1_AppendBundleRequest__Input, _spire_api_types_Bundle__Input, _spire_api_server_bundle_v1_AppendBundleRequest, _spire_api_types_Bundle>
  BatchCreateFederatedBundle: MethodDefinition<_spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest__Input, _spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse__Input, _spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest, _spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse>
  BatchDeleteFederatedBundle: MethodDefinition<_spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest__Input, _spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse__Input, _spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest, _spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse>
  BatchSetFederatedBundle: MethodDefinition<_spire_api_server_bundle_v1_BatchSetFederatedBundleRequest__Input, _spire_api_server_bundle_v1_BatchSetFederatedBundleResponse__Input, _spire_api_server_bundle_v1_BatchSetFederatedBundleRequest, _spire_api_server_bundle_v1_BatchSetFederatedBundleResponse>
  BatchUpdateFederatedBundle: MethodDefinition<_spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest__Input, _spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse__Input, _spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest, _spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse>
  CountBundles: MethodDefinition<_spire_api_server_bundle_v1_CountBundlesRequest__Input, _spire_api_server_bundle_v1_CountBundlesResponse__Input, _spire_api_server_bundle_v1_CountBundlesRequest, _spire_api_server_bundle_v1_CountBundlesResponse>
  GetBundle: MethodDefinition<_spire_api_server_bundle_v1_GetBundleRequest__Input, _spire_api_types_Bundle__Input, _spire_api_server_bundle_v1_GetBundleRequest, _spire_api_types_Bundle>
  GetFederatedBundle: MethodDefinition<_spire_api_server_bundle_v1_GetFederatedBundleRequest__Input, _spire_api_types_Bundle__Input, _spire_api_server_bundle_v1_GetFederatedBundleRequest, _spire_api_types_Bundle>
  ListFederatedBundles: MethodDefinition<_spire_api_server_bundle_v1_ListFederatedBundlesRequest__Input, _spire_api_server_bundle_v1_ListFederatedBundlesResponse__Input, _spire_api_server_bundle_v1_ListFederatedBundlesRequest, _spire_api_server_bundle_v1_ListFederatedBundlesResponse>
}

// Original file: src/core/proto/spiffe/workload/workload.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { JWTBundlesRequest__Input as _JWTBundlesRequest__Input, JWTBundlesRequest as _JWTBundlesRequest } from './JWTBundlesRequest.js';
import type { JWTBundlesResponse__Input as _JWTBundlesResponse__Input, JWTBundlesResponse as _JWTBundlesResponse } from './JWTBundlesResponse.js';
import type { JWTSVIDRequest__Input as _JWTSVIDRequest__Input, JWTSVIDRequest as _JWTSVIDRequest } from './JWTSVIDRequest.js';
import type { JWTSVIDResponse__Input as _JWTSVIDResponse__Input, JWTSVIDResponse as _JWTSVIDResponse } from './JWTSVIDResponse.js';
import type { ValidateJWTSVIDRequest__Input as _ValidateJWTSVIDRequest__Input, ValidateJWTSVIDRequest as _ValidateJWTSVIDRequest } from './ValidateJWTSVIDRequest.js';
import type { ValidateJWTSVIDResponse__Input as _ValidateJWTSVIDResponse__Input, ValidateJWTSVIDResponse as _ValidateJWTSVIDResponse } from './ValidateJWTSVIDResponse.js';
import type { X509BundlesRequest__Input as _X509BundlesRequest__Input, X509BundlesRequest as _X509BundlesRequest } from './X509BundlesRequest.js';
import type { X509BundlesResponse__Input as _X509BundlesResponse__Input, X509BundlesResponse as _X509BundlesResponse } from './X509BundlesResponse.js';
import type { X509SVIDRequest__Input as _X509SVIDRequest__Input, X509SVIDRequest as _X509SVIDRequest } from './X509SVIDRequest.js';
import type { X509SVIDResponse__Input as _X509SVIDResponse__Input, X509SVIDResponse as _X509SVIDResponse } from './X509SVIDResponse.js';

export interface SpiffeWorkloadAPIClient extends grpc.Client {
  FetchJWTBundles(argument: _JWTBundlesRequest__Input, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_JWTBundlesResponse>;
  FetchJWTBundles(argument: _JWTBundlesRequest__Input, options?: grpc.CallOptions): grpc.ClientReadableStream<_JWTBundlesResponse>;
  fetchJwtBundles(argument: _JWTBundlesRequest__Input, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_JWTBundlesResponse>;
  fetchJwtBundles(argument: _JWTBundlesRequest__Input, options?: grpc.CallOptions): grpc.ClientReadableStream<_JWTBundlesResponse>;
  
  FetchJWTSVID(argument: _JWTSVIDRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_JWTSVIDResponse>): grpc.ClientUnaryCall;
  FetchJWTSVID(argument: _JWTSVIDRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_JWTSVIDResponse>): grpc.ClientUnaryCall;
  FetchJWTSVID(argument: _JWTSVIDRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_JWTSVIDResponse>): grpc.ClientUnaryCall;
  FetchJWTSVID(argument: _JWTSVIDRequest__Input, callback: grpc.requestCallback<_JWTSVIDResponse>): grpc.ClientUnaryCall;
  fetchJwtsvid(argument: _JWTSVIDRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_JWTSVIDResponse>): grpc.ClientUnaryCall;
  fetchJwtsvid(argument: _JWTSVIDRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_JWTSVIDResponse>): grpc.ClientUnaryCall;
  fetchJwtsvid(argument: _JWTSVIDRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_JWTSVIDResponse>): grpc.ClientUnaryCall;
  fetchJwtsvid(argument: _JWTSVIDRequest__Input, callback: grpc.requestCallback<_JWTSVIDResponse>): grpc.ClientUnaryCall;
  
  FetchX509Bundles(argument: _X509BundlesRequest__Input, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_X509BundlesResponse>;
  FetchX509Bundles(argument: _X509BundlesRequest__Input, options?: grpc.CallOptions): grpc.ClientReadableStream<_X509BundlesResponse>;
  fetchX509Bundles(argument: _X509BundlesRequest__Input, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_X509BundlesResponse>;
  fetchX509Bundles(argument: _X509BundlesRequest__Input, options?: grpc.CallOptions): grpc.ClientReadableStream<_X509BundlesResponse>;
  
  FetchX509SVID(argument: _X509SVIDRequest__Input, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_X509SVIDResponse>;
  FetchX509SVID(argument: _X509SVIDRequest__Input, options?: grpc.CallOptions): grpc.ClientReadableStream<_X509SVIDResponse>;
  fetchX509Svid(argument: _X509SVIDRequest__Input, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_X509SVIDResponse>;
  fetchX509Svid(argument: _X509SVIDRequest__Input, options?: grpc.CallOptions): grpc.ClientReadableStream<_X509SVIDResponse>;
  
  ValidateJWTSVID(argument: _ValidateJWTSVIDRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ValidateJWTSVIDResponse>): grpc.ClientUnaryCall;
  ValidateJWTSVID(argument: _ValidateJWTSVIDRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_ValidateJWTSVIDResponse>): grpc.ClientUnaryCall;
  ValidateJWTSVID(argument: _ValidateJWTSVIDRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_ValidateJWTSVIDResponse>): grpc.ClientUnaryCall;
  ValidateJWTSVID(argument: _ValidateJWTSVIDRequest__Input, callback: grpc.requestCallback<_ValidateJWTSVIDResponse>): grpc.ClientUnaryCall;
  validateJwtsvid(argument: _ValidateJWTSVIDRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ValidateJWTSVIDResponse>): grpc.ClientUnaryCall;
  validateJwtsvid(argument: _ValidateJWTSVIDRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_ValidateJWTSVIDResponse>): grpc.ClientUnaryCall;
  validateJwtsvid(argument: _ValidateJWTSVIDRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_ValidateJWTSVIDResponse>): grpc.ClientUnaryCall;
  validateJwtsvid(argument: _ValidateJWTSVIDRequest__Input, callback: grpc.requestCallback<_ValidateJWTSVIDResponse>): grpc.ClientUnaryCall;
  
}

export interface SpiffeWorkloadAPIHandlers extends grpc.UntypedServiceImplementation {
  FetchJWTBundles: grpc.handleServerStreamingCall<_JWTBundlesRequest, _JWTBundlesResponse__Input>;
  
  FetchJWTSVID: grpc.handleUnaryCall<_JWTSVIDRequest, _JWTSVIDResponse__Input>;
  
  FetchX509Bundles: grpc.handleServerStreamingCall<_X509BundlesRequest, _X509BundlesResponse__Input>;
  
  FetchX509SVID: grpc.handleServerStreamingCall<_X509SVIDRequest, _X509SVIDResponse__Input>;
  
  ValidateJWTSVID: grpc.handleUnaryCall<_ValidateJWTSVIDRequest, _ValidateJWTSVIDResponse__Input>;
  
}

export interface SpiffeWorkloadAPIDefinition extends grpc.ServiceDefinition {
  FetchJWTBundles: MethodDefinition<_JWTBundlesRequest__Input, _JWTBundlesResponse__Input, _JWTBundlesRequest, _JWTBundlesResponse>
  FetchJWTSVID: MethodDefinition<_JWTSVIDRequest__Input, _JWTSVIDResponse__Input, _JWTSVIDRequest, _JWTSVIDResponse>
  FetchX509Bundles: MethodDefinition<_X509BundlesRequest__Input, _X509BundlesResponse__Input, _X509BundlesRequest, _X509BundlesResponse>
  FetchX509SVID: MethodDefinition<_X509SVIDRequest__Input, _X509SVIDResponse__Input, _X509SVIDRequest, _X509SVIDResponse>
  ValidateJWTSVID: MethodDefinition<_ValidateJWTSVIDRequest__Input, _ValidateJWTSVIDResponse__Input, _ValidateJWTSVIDRequest, _ValidateJWTSVIDResponse>
}

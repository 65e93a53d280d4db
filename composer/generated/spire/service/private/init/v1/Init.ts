// Original file: composer/proto/spire/service/private/init/v1/init.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DeinitRequest__Input as _spire_service_private_init_v1_DeinitRequest__Input, DeinitRequest as _spire_service_private_init_v1_DeinitRequest } from '../../../../../spire/service/private/init/v1/DeinitRequest.js';
import type { DeinitResponse__Input as _spire_service_private_init_v1_DeinitResponse__Input, DeinitResponse as _spire_service_private_init_v1_DeinitResponse } from '../../../../../spire/service/private/init/v1/DeinitResponse.js';
import type { InitRequest__Input as _spire_service_private_init_v1_InitRequest__Input, InitRequest as _spire_service_private_init_v1_InitRequest } from '../../../../../spire/service/private/init/v1/InitRequest.js';
import type { InitResponse__Input as _spire_service_private_init_v1_InitResponse__Input, InitResponse as _spire_service_private_init_v1_InitResponse } from '../../../../../spire/service/private/init/v1/InitResponse.js';

export interface InitClient extends grpc.Client {
  Deinit(argument: _spire_service_private_init_v1_DeinitRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_service_private_init_v1_DeinitResponse>): grpc.ClientUnaryCall;
  Deinit(argument: _spire_service_private_init_v1_DeinitRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_service_private_init_v1_DeinitResponse>): grpc.ClientUnaryCall;
  Deinit(argument: _spire_service_private_init_v1_DeinitRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_service_private_init_v1_DeinitResponse>): grpc.ClientUnaryCall;
  Deinit(argument: _spire_service_private_init_v1_DeinitRequest__Input, callback: grpc.requestCallback<_spire_service_private_init_v1_DeinitResponse>): grpc.ClientUnaryCall;
  deinit(argument: _spire_service_private_init_v1_DeinitRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_service_private_init_v1_DeinitResponse>): grpc.ClientUnaryCall;
  deinit(argument: _spire_service_private_init_v1_DeinitRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_service_private_init_v1_DeinitResponse>): grpc.ClientUnaryCall;
  deinit(argument: _spire_service_private_init_v1_DeinitRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_service_private_init_v1_DeinitResponse>): grpc.ClientUnaryCall;
  deinit(argument: _spire_service_private_init_v1_DeinitRequest__Input, callback: grpc.requestCallback<_spire_service_private_init_v1_DeinitResponse>): grpc.ClientUnaryCall;
  
  Init(argument: _spire_service_private_init_v1_InitRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_service_private_init_v1_InitResponse>): grpc.ClientUnaryCall;
  Init(argument: _spire_service_private_init_v1_InitRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_service_private_init_v1_InitResponse>): grpc.ClientUnaryCall;
  Init(argument: _spire_service_private_init_v1_InitRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_service_private_init_v1_InitResponse>): grpc.ClientUnaryCall;
  Init(argument: _spire_service_private_init_v1_InitRequest__Input, callback: grpc.requestCallback<_spire_service_private_init_v1_InitResponse>): grpc.ClientUnaryCall;
  init(argument: _spire_service_private_init_v1_InitRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_service_private_init_v1_InitResponse>): grpc.ClientUnaryCall;
  init(argument: _spire_service_private_init_v1_InitRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_service_private_init_v1_InitResponse>): grpc.ClientUnaryCall;
  init(argument: _spire_service_private_init_v1_InitRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_service_private_init_v1_InitResponse>): grpc.ClientUnaryCall;
  init(argument: _spire_service_private_init_v1_InitRequest__Input, callback: grpc.requestCallback<_spire_service_private_init_v1_InitResponse>): grpc.ClientUnaryCall;
  
}

export interface InitHandlers extends grpc.UntypedServiceImplementation {
  Deinit: grpc.handleUnaryCall<_spire_service_private_init_v1_DeinitRequest, _spire_service_private_init_v1_DeinitResponse__Input>;
  
  Init: grpc.handleUnaryCall<_spire_service_private_init_v1_InitRequest, _spire_service_private_init_v1_InitResponse__Input>;
  
}

export interface InitDefinition extends grpc.ServiceDefinition {
  Deinit: MethodDefinition<_spire_service_private_init_v1_DeinitRequest__Input, _spire_service_private_init_v1_DeinitResponse__Input, _spire_service_private_init_v1_DeinitRequest, _spire_service_private_init_v1_DeinitResponse>
  Init: MethodDefinition<_spire_service_private_init_v1_InitRequest__Input, _spire_service_private_init_v1_InitResponse__Input, _spire_service_private_init_v1_InitRequest, _spire_service_private_init_v1_InitResponse>
}

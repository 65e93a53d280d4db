// Original file: composer/proto/spire/service/common/config/v1/config.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ConfigureRequest__Input as _spire_service_common_config_v1_ConfigureRequest__Input, ConfigureRequest as _spire_service_common_config_v1_ConfigureRequest } from '../../../../../spire/service/common/config/v1/ConfigureRequest.js';
import type { ConfigureResponse__Input as _spire_service_common_config_v1_ConfigureResponse__Input, ConfigureResponse as _spire_service_common_config_v1_ConfigureResponse } from '../../../../../spire/service/common/config/v1/ConfigureResponse.js';
import type { ValidateRequest__Input as _spire_service_common_config_v1_ValidateRequest__Input, ValidateRequest as _spire_service_common_config_v1_ValidateRequest } from '../../../../../spire/service/common/config/v1/ValidateRequest.js';
import type { ValidateResponse__Input as _spire_service_common_config_v1_ValidateResponse__Input, ValidateResponse as _spire_service_common_config_v1_ValidateResponse } from '../../../../../spire/service/common/config/v1/ValidateResponse.js';

export interface ConfigClient extends grpc.Client {
  Configure(argument: _spire_service_common_config_v1_ConfigureRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_service_common_config_v1_ConfigureResponse>): grpc.ClientUnaryCall;
  Configure(argument: _spire_service_common_config_v1_ConfigureRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_service_common_config_v1_ConfigureResponse>): grpc.ClientUnaryCall;
  Configure(argument: _spire_service_common_config_v1_ConfigureRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_service_common_config_v1_ConfigureResponse>): grpc.ClientUnaryCall;
  Configure(argument: _spire_service_common_config_v1_ConfigureRequest__Input, callback: grpc.requestCallback<_spire_service_common_config_v1_ConfigureResponse>): grpc.ClientUnaryCall;
  configure(argument: _spire_service_common_config_v1_ConfigureRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_service_common_config_v1_ConfigureResponse>): grpc.ClientUnaryCall;
  configure(argument: _spire_service_common_config_v1_ConfigureRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_service_common_config_v1_ConfigureResponse>): grpc.ClientUnaryCall;
  configure(argument: _spire_service_common_config_v1_ConfigureRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_service_common_config_v1_ConfigureResponse>): grpc.ClientUnaryCall;
  configure(argument: _spire_service_common_config_v1_ConfigureRequest__Input, callback: grpc.requestCallback<_spire_service_common_config_v1_ConfigureResponse>): grpc.ClientUnaryCall;
  
  Validate(argument: _spire_service_common_config_v1_ValidateRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_service_common_config_v1_ValidateResponse>): grpc.ClientUnaryCall;
  Validate(argument: _spire_service_common_config_v1_ValidateRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_service_common_config_v1_ValidateResponse>): grpc.ClientUnaryCall;
  Validate(argument: _spire_service_common_config_v1_ValidateRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_service_common_config_v1_ValidateResponse>): grpc.ClientUnaryCall;
  Validate(argument: _spire_service_common_config_v1_ValidateRequest__Input, callback: grpc.requestCallback<_spire_service_common_config_v1_ValidateResponse>): grpc.ClientUnaryCall;
  validate(argument: _spire_service_common_config_v1_ValidateRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_service_common_config_v1_ValidateResponse>): grpc.ClientUnaryCall;
  validate(argument: _spire_service_common_config_v1_ValidateRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_service_common_config_v1_ValidateResponse>): grpc.ClientUnaryCall;
  validate(argument: _spire_service_common_config_v1_ValidateRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_service_common_config_v1_ValidateResponse>): grpc.ClientUnaryCall;
  validate(argument: _spire_service_common_config_v1_ValidateRequest__Input, callback: grpc.requestCallback<_spire_service_common_config_v1_ValidateResponse>): grpc.ClientUnaryCall;
  
}

export interface ConfigHandlers extends grpc.UntypedServiceImplementation {
  Configure: grpc.handleUnaryCall<_spire_service_common_config_v1_ConfigureRequest, _spire_service_common_config_v1_ConfigureResponse__Input>;
  
  Validate: grpc.handleUnaryCall<_spire_service_common_config_v1_ValidateRequest, _spire_service_common_config_v1_ValidateResponse__Input>;
  
}

export interface ConfigDefinition extends grpc.ServiceDefinition {
  Configure: MethodDefinition<_spire_service_common_config_v1_ConfigureRequest__Input, _spire_service_common_config_v1_ConfigureResponse__Input, _spire_service_common_config_v1_ConfigureRequest, _spire_service_common_config_v1_ConfigureResponse>
  Validate: MethodDefinition<_spire_service_common_config_v1_ValidateRequest__Input, _spire_service_common_config_v1_ValidateResponse__Input, _spire_service_common_config_v1_ValidateRequest, _spire_service_common_config_v1_ValidateResponse>
}

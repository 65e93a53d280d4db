import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ConfigClient as _spire_service_common_config_v1_ConfigClient, ConfigDefinition as _spire_service_common_config_v1_ConfigDefinition } from './spire/service/common/config/v1/Config.js';
import type { ConfigureRequest__Input as _spire_service_common_config_v1_ConfigureRequest__Input, ConfigureRequest as _spire_service_common_config_v1_ConfigureRequest } from './spire/service/common/config/v1/ConfigureRequest.js';
import type { ConfigureResponse__Input as _spire_service_common_config_v1_ConfigureResponse__Input, ConfigureResponse as _spire_service_common_config_v1_ConfigureResponse } from './spire/service/common/config/v1/ConfigureResponse.js';
import type { CoreConfiguration__Input as _spire_service_common_config_v1_CoreConfiguration__Input, CoreConfiguration as _spire_service_common_config_v1_CoreConfiguration } from './spire/service/common/config/v1/CoreConfiguration.js';
import type { ValidateRequest__Input as _spire_service_common_config_v1_ValidateRequest__Input, ValidateRequest as _spire_service_common_config_v1_ValidateRequest } from './spire/service/common/config/v1/ValidateRequest.js';
import type { ValidateResponse__Input as _spire_service_common_config_v1_ValidateResponse__Input, ValidateResponse as _spire_service_common_config_v1_ValidateResponse } from './spire/service/common/config/v1/ValidateResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  spire: {
    service: {
      common: {
        config: {
          v1: {
            Config: SubtypeConstructor<typeof grpc.Client, _spire_service_common_config_v1_ConfigClient> & { service: _spire_service_common_config_v1_ConfigDefinition }
            ConfigureRequest: MessageTypeDefinition<_spire_service_common_config_v1_ConfigureRequest__Input, _spire_service_common_config_v1_ConfigureRequest>
            ConfigureResponse: MessageTypeDefinition<_spire_service_common_config_v1_ConfigureResponse__Input, _spire_service_common_config_v1_ConfigureResponse>
            CoreConfiguration: MessageTypeDefinition<_spire_service_common_config_v1_CoreConfiguration__Input, _spire_service_common_config_v1_CoreConfiguration>
            ValidateRequest: MessageTypeDefinition<_spire_service_common_config_v1_ValidateRequest__Input, _spire_service_common_config_v1_ValidateRequest>
            ValidateResponse: MessageTypeDefinition<_spire_service_common_config_v1_ValidateResponse__Input, _spire_service_common_config_v1_ValidateResponse>
          }
        }
      }
    }
  }
}


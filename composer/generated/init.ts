import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { DeinitRequest__Input as _spire_service_private_init_v1_DeinitRequest__Input, DeinitRequest as _spire_service_private_init_v1_DeinitRequest } from './spire/service/private/init/v1/DeinitRequest.js';
import type { DeinitResponse__Input as _spire_service_private_init_v1_DeinitResponse__Input, DeinitResponse as _spire_service_private_init_v1_DeinitResponse } from './spire/service/private/init/v1/DeinitResponse.js';
import type { InitClient as _spire_service_private_init_v1_InitClient, InitDefinition as _spire_service_private_init_v1_InitDefinition } from './spire/service/private/init/v1/Init.js';
import type { InitRequest__Input as _spire_service_private_init_v1_InitRequest__Input, InitRequest as _spire_service_private_init_v1_InitRequest } from './spire/service/private/init/v1/InitRequest.js';
import type { InitResponse__Input as _spire_service_private_init_v1_InitResponse__Input, InitResponse as _spire_service_private_init_v1_InitResponse } from './spire/service/private/init/v1/InitResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  spire: {
    service: {
      private: {
        init: {
          v1: {
            DeinitRequest: MessageTypeDefinition<_spire_service_private_init_v1_DeinitRequest__Input, _spire_service_private_init_v1_DeinitRequest>
            DeinitResponse: MessageTypeDefinition<_spire_service_private_init_v1_DeinitResponse__Input, _spire_service_private_init_v1_DeinitResponse>
            Init: SubtypeConstructor<typeof grpc.Client, _spire_service_private_init_v1_InitClient> & { service: _spire_service_private_init_v1_InitDefinition }
            InitRequest: MessageTypeDefinition<_spire_service_private_init_v1_InitRequest__Input, _spire_service_private_init_v1_InitRequest>
            InitResponse: MessageTypeDefinition<_spire_service_private_init_v1_InitResponse__Input, _spire_service_private_init_v1_InitResponse>
          }
        }
      }
    }
  }
}


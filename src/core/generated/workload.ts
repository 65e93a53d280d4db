import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { JWTBundlesRequest__Input as _JWTBundlesRequest__Input, JWTBundlesRequest as _JWTBundlesRequest } from './JWTBundlesRequest.js';
import type { JWTBundlesResponse__Input as _JWTBundlesResponse__Input, JWTBundlesResponse as _JWTBundlesResponse } from './JWTBundlesResponse.js';
import type { JWTSVID__Input as _JWTSVID__Input, JWTSVID as _JWTSVID } from './JWTSVID.js';
import type { JWTSVIDRequest__Input as _JWTSVIDRequest__Input, JWTSVIDRequest as _JWTSVIDRequest } from './JWTSVIDRequest.js';
import type { JWTSVIDResponse__Input as _JWTSVIDResponse__Input, JWTSVIDResponse as _JWTSVIDResponse } from './JWTSVIDResponse.js';
import type { SpiffeWorkloadAPIClient as _SpiffeWorkloadAPIClient, SpiffeWorkloadAPIDefinition as _SpiffeWorkloadAPIDefinition } from './SpiffeWorkloadAPI.js';
import type { ValidateJWTSVIDRequest__Input as _ValidateJWTSVIDRequest__Input, ValidateJWTSVIDRequest as _ValidateJWTSVIDRequest } from './ValidateJWTSVIDRequest.js';
import type { ValidateJWTSVIDResponse__Input as _ValidateJWTSVIDResponse__Input, ValidateJWTSVIDResponse as _ValidateJWTSVIDResponse } from './ValidateJWTSVIDResponse.js';
import type { X509BundlesRequest__Input as _X509BundlesRequest__Input, X509BundlesRequest as _X509BundlesRequest } from './X509BundlesRequest.js';
import type { X509BundlesResponse__Input as _X509BundlesResponse__Input, X509BundlesResponse as _X509BundlesResponse } from './X509BundlesResponse.js';
import type { X509SVID__Input as _X509SVID__Input, X509SVID as _X509SVID } from './X509SVID.js';
import type { X509SVIDRequest__Input as _X509SVIDRequest__Input, X509SVIDRequest as _X509SVIDRequest } from './X509SVIDRequest.js';
import type { X509SVIDResponse__Input as _X509SVIDResponse__Input, X509SVIDResponse as _X509SVIDResponse } from './X509SVIDResponse.js';
import type { ListValue__Input as _google_protobuf_ListValue__Input, ListValue as _google_protobuf_ListValue } from './google/protobuf/ListValue.js';
import type { Struct__Input as _google_protobuf_Struct__Input, Struct as _google_protobuf_Struct } from './google/protobuf/Struct.js';
import type { Value__Input as _google_protobuf_Value__Input, Value as _google_protobuf_Value } from './google/protobuf/Value.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  JWTBundlesRequest: MessageTypeDefinition<_JWTBundlesRequest__Input, _JWTBundlesRequest>
  JWTBundlesResponse: MessageTypeDefinition<_JWTBundlesResponse__Input, _JWTBundlesResponse>
  JWTSVID: MessageTypeDefinition<_JWTSVID__Input, _JWTSVID>
  JWTSVIDRequest: MessageTypeDefinition<_JWTSVIDRequest__Input, _JWTSVIDRequest>
  JWTSVIDResponse: MessageTypeDefinition<_JWTSVIDResponse__Input, _JWTSVIDResponse>
  SpiffeWorkloadAPI: SubtypeConstructor<typeof grpc.Client, _SpiffeWorkloadAPIClient> & { service: _SpiffeWorkloadAPIDefinition }
  ValidateJWTSVIDRequest: MessageTypeDefinition<_ValidateJWTSVIDRequest__Input, _ValidateJWTSVIDRequest>
  ValidateJWTSVIDResponse: MessageTypeDefinition<_ValidateJWTSVIDResponse__Input, _ValidateJWTSVIDResponse>
  X509BundlesRequest: MessageTypeDefinition<_X509BundlesRequest__Input, _X509BundlesRequest>
  X509BundlesResponse: MessageTypeDefinition<_X509BundlesResponse__Input, _X509BundlesResponse>
  X509SVID: MessageTypeDefinition<_X509SVID__Input, _X509SVID>
  X509SVIDRequest: MessageTypeDefinition<_X509SVIDRequest__Input, _X509SVIDRequest>
  X509SVIDResponse: MessageTypeDefinition<_X509SVIDResponse__Input, _X509SVIDResponse>
  google: {
    protobuf: {
      ListValue: MessageTypeDefinition<_google_protobuf_ListValue__Input, _google_protobuf_ListValue>
      NullValue: EnumTypeDefinition
      Struct: MessageTypeDefinition<_google_protobuf_Struct__Input, _google_protobuf_Struct>
      Value: MessageTypeDefinition<_google_protobuf_Value__Input, _google_protobuf_Value>
    }
  }
}


// Original file: src/core/proto/spiffe/workload/workload.proto

import type { Struct__Input as _google_protobuf_Struct__Input, Struct as _google_protobuf_Struct } from './google/protobuf/Struct.js';

export interface ValidateJWTSVIDResponse__Input {
  'spiffe_id'?: (string);
  'claims'?: (_google_protobuf_Struct__Input | null);
}

export interface ValidateJWTSVIDResponse {
  'spiffe_id': (string);
  'claims': (_google_protobuf_Struct | null);
}

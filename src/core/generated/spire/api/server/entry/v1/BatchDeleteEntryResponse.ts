// Original file: src/core/proto/spire/api/server/entry/v1/entry.proto

import type { Status__Input as _spire_api_types_Status__Input, Status as _spire_api_types_Status } from '../../../../../spire/api/types/Status.js';

export interface _spire_api_server_entry_v1_BatchDeleteEntryResponse_Result__Input {
  'status'?: (_spire_api_types_Status__Input | null);
  'id'?: (string);
}

export interface _spire_api_server_entry_v1_BatchDeleteEntryResponse_Result {
  'status': (_spire_api_types_Status | null);
  'id': (string);
}

export interface BatchDeleteEntryResponse__Input {
  'results'?: (_spire_api_server_entry_v1_BatchDeleteEntryResponse_Result__Input)[];
}

export interface BatchDeleteEntryResponse {
  'results': (_spire_api_server_entry_v1_BatchDeleteEntryResponse_Result)[];
}

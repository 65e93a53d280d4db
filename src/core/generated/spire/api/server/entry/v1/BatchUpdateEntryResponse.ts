// Original file: src/core/proto/spire/api/server/entry/v1/entry.proto

import type { Status__Input as _spire_api_types_Status__Input, Status as _spire_api_types_Status } from '../../../../../spire/api/types/Status.js';
import type { Entry__Input as _spire_api_types_Entry__Input, Entry as _spire_api_types_Entry } from '../../../../../spire/api/types/Entry.js';

export interface _spire_api_server_entry_v1_BatchUpdateEntryResponse_Result__Input {
  'status'?: (_spire_api_types_Status__Input | null);
  'entry'?: (_spire_api_types_Entry__Input | null);
}

export interface _spire_api_server_entry_v1_BatchUpdateEntryResponse_Result {
  'status': (_spire_api_types_Status | null);
  'entry': (_spire_api_types_Entry | null);
}

export interface BatchUpdateEntryResponse__Input {
  'results'?: (_spire_api_server_entry_v1_BatchUpdateEntryResponse_Result__Input)[];
}

export interface BatchUpdateEntryResponse {
  'results': (_spire_api_server_entry_v1_BatchUpdateEntryResponse_Result)[];
}

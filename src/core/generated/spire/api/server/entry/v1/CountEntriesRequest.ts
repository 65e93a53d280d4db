// Original file: src/core/proto/spire/api/server/entry/v1/entry.proto

import type { SPIFFEID__Input as _spire_api_types_SPIFFEID__Input, SPIFFEID as _spire_api_types_SPIFFEID } from '../../../../../spire/api/types/SPIFFEID.js';
import type { SelectorMatch__Input as _spire_api_types_SelectorMatch__Input, SelectorMatch as _spire_api_types_SelectorMatch } from '../../../../../spire/api/types/SelectorMatch.js';
import type { FederatesWithMatch__Input as _spire_api_types_FederatesWithMatch__Input, FederatesWithMatch as _spire_api_types_FederatesWithMatch } from '../../../../../spire/api/types/FederatesWithMatch.js';
import type { StringValue__Input as _google_protobuf_StringValue__Input, StringValue as _google_protobuf_StringValue } from '../../../../../google/protobuf/StringValue.js';
import type { BoolValue__Input as _google_protobuf_BoolValue__Input, BoolValue as _google_protobuf_BoolValue } from '../../../../../google/protobuf/BoolValue.js';

export interface _spire_api_server_entry_v1_CountEntriesRequest_Filter__Input {
  'by_spiffe_id'?: (_spire_api_types_SPIFFEID__Input | null);
  'by_parent_id'?: (_spire_api_types_SPIFFEID__Input | null);
  'by_selectors'?: (_spire_api_types_SelectorMatch__Input | null);
  'by_federates_with'?: (_spire_api_types_FederatesWithMatch__Input | null);
  'by_hint'?: (_google_protobuf_StringValue__Input | null);
  'by_downstream'?: (_google_protobuf_BoolValue__Input | null);
}

export interface _spire_api_server_entry_v1_CountEntriesRequest_Filter {
  'by_spiffe_id': (_spire_api_types_SPIFFEID | null);
  'by_parent_id': (_spire_api_types_SPIFFEID | null);
  'by_selectors': (_spire_api_types_SelectorMatch | null);
  'by_federates_with': (_spire_api_types_FederatesWithMatch | null);
  'by_hint': (_google_protobuf_StringValue | null);
  'by_downstream': (_google_protobuf_BoolValue | null);
}

export interface CountEntriesRequest__Input {
  'filter'?: (_spire_api_server_entry_v1_CountEntriesRequest_Filter__Input | null);
}

export interface CountEntriesRequest {
  'filter': (_spire_api_server_entry_v1_CountEntriesRequest_Filter | null);
}

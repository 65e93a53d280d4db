// Original file: src/core/proto/spire/api/server/entry/v1/entry.proto

import type { Entry__Input as _spire_api_types_Entry__Input, Entry as _spire_api_types_Entry } from '../../../../../spire/api/types/Entry.js';

export interface ListEntriesResponse__Input {
  'entries'?: (_spire_api_types_Entry__Input)[];
  'next_page_token'?: (string);
}

export interface ListEntriesResponse {
  'entries': (_spire_api_types_Entry)[];
  'next_page_token': (string);
}

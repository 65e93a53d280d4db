// Original file: src/core/proto/spire/api/server/entry/v1/entry.proto

import type { EntryMask__Input as _spire_api_types_EntryMask__Input, EntryMask as _spire_api_types_EntryMask } from '../../../../../spire/api/types/EntryMask.js';

export interface GetEntryRequest__Input {
  'id'?: (string);
  'output_mask'?: (_spire_api_types_EntryMask__Input | null);
}

export interface GetEntryRequest {
  'id': (string);
  'output_mask': (_spire_api_types_EntryMask | null);
}

// Original file: src/core/proto/spire/api/server/entry/v1/entry.proto

import type { Entry__Input as _spire_api_types_Entry__Input, Entry as _spire_api_types_Entry } from '../../../../../spire/api/types/Entry.js';
import type { EntryMask__Input as _spire_api_types_EntryMask__Input, EntryMask as _spire_api_types_EntryMask } from '../../../../../spire/api/types/EntryMask.js';

export interface BatchUpdateEntryRequest__Input {
  'entries'?: (_spire_api_types_Entry__Input)[];
  'input_mask'?: (_spire_api_types_EntryMask__Input | null);
  'output_mask'?: (_spire_api_types_EntryMask__Input | null);
}

export interface BatchUpdateEntryRequest {
  'entries': (_spire_api_types_Entry)[];
  'input_mask': (_spire_api_types_EntryMask | null);
  'output_mask': (_spire_api_types_EntryMask | null);
}

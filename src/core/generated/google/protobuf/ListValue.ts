// Original file: null

import type { Value__Input as _google_protobuf_Value__Input, Value as _google_protobuf_Value } from '../../google/protobuf/Value.js';

export interface ListValue__Input {
  'values'?: (_google_protobuf_Value__Input)[];
}

export interface ListValue {
  'values': (_google_protobuf_Value)[];
}

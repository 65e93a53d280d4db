// Original file: null

import type { Value__Input as _google_protobuf_Value__Input, Value as _google_protobuf_Value } from '../../google/protobuf/Value.js';

export interface Struct__Input {
  'fields'?: ({[key: string]: _google_protobuf_Value__Input});
}

export interface Struct {
  'fields': ({[key: string]: _google_protobuf_Value});
}

// Original file: null

import type { NullValue__Input as _google_protobuf_NullValue__Input, NullValue as _google_protobuf_NullValue } from '../../google/protobuf/NullValue.js';
import type { Struct__Input as _google_protobuf_Struct__Input, Struct as _google_protobuf_Struct } from '../../google/protobuf/Struct.js';
import type { ListValue__Input as _google_protobuf_ListValue__Input, ListValue as _google_protobuf_ListValue } from '../../google/protobuf/ListValue.js';

export interface Value__Input {
  'nullValue'?: (_google_protobuf_NullValue__Input);
  'numberValue'?: (number | string);
  'stringValue'?: (string);
  'boolValue'?: (boolean);
  'structValue'?: (_google_protobuf_Struct__Input | null);
  'listValue'?: (_google_protobuf_ListValue__Input | null);
  'kind'?: "nullValue"|"numberValue"|"stringValue"|"boolValue"|"structValue"|"listValue";
}

export interface Value {
  'nullValue'?: (_google_protobuf_NullValue);
  'numberValue'?: (number);
  'stringValue'?: (string);
  'boolValue'?: (boolean);
  'structValue'?: (_google_protobuf_Struct | null);
  'listValue'?: (_google_protobuf_ListValue | null);
  'kind'?: "nullValue"|"numberValue"|"stringValue"|"boolValue"|"structValue"|"listValue";
}

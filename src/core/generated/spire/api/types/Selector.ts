// Original file: src/core/proto/spire/api/types/types.proto


export interface Selector__Input {
  'type'?: (string);
  'value'?: (string);
}

export interface Selector {
  'type': (string);
  'value': (string);
}

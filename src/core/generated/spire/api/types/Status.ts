// Original file: src/core/proto/spire/api/types/types.proto


export interface Status__Input {
  'code'?: (number);
  'message'?: (string);
}

export interface Status {
  'code': (number);
  'message': (string);
}

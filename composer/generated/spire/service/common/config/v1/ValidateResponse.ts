// Original file: composer/proto/spire/service/common/config/v1/config.proto


export interface ValidateResponse__Input {
  'valid'?: (boolean);
  'notes'?: (string)[];
}

export interface ValidateResponse {
  'valid': (boolean);
  'notes': (string)[];
}

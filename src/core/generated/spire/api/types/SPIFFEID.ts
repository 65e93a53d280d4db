// Original file: src/core/proto/spire/api/types/types.proto


export interface SPIFFEID__Input {
  'trust_domain'?: (string);
  'path'?: (string);
}

export interface SPIFFEID {
  'trust_domain': (string);
  'path': (string);
}

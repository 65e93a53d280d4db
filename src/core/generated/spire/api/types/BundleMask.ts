// Original file: src/core/proto/spire/api/types/types.proto


export interface BundleMask__Input {
  'x509_authorities'?: (boolean);
  'jwt_authorities'?: (boolean);
  'refresh_hint'?: (boolean);
  'sequence_number'?: (boolean);
}

export interface BundleMask {
  'x509_authorities': (boolean);
  'jwt_authorities': (boolean);
  'refresh_hint': (boolean);
  'sequence_number': (boolean);
}

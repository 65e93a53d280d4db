// Original file: src/core/proto/spire/api/types/types.proto


export interface X509Certificate__Input {
  'asn1'?: (Buffer | Uint8Array | string);
  'tainted'?: (boolean);
}

export interface X509Certificate {
  'asn1': (Buffer);
  'tainted': (boolean);
}

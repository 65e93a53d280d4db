// Original file: src/core/proto/spiffe/workload/workload.proto


export interface JWTSVIDRequest__Input {
  'audience'?: (string)[];
  'spiffe_id'?: (string);
}

export interface JWTSVIDRequest {
  'audience': (string)[];
  'spiffe_id': (string);
}

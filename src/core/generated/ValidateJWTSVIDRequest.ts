// Original file: src/core/proto/spiffe/workload/workload.proto


export interface ValidateJWTSVIDRequest__Input {
  'audience'?: (string);
  'svid'?: (string);
}

export interface ValidateJWTSVIDRequest {
  'audience': (string);
  'svid': (string);
}

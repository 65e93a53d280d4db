// Original file: src/core/proto/spiffe/workload/workload.proto


export interface JWTSVID__Input {
  'spiffe_id'?: (string);
  'svid'?: (string);
  'hint'?: (string);
}

export interface JWTSVID {
  'spiffe_id': (string);
  'svid': (string);
  'hint': (string);
}

// Original file: src/core/proto/spiffe/workload/workload.proto

import type { JWTSVID__Input as _JWTSVID__Input, JWTSVID as _JWTSVID } from './JWTSVID.js';

export interface JWTSVIDResponse__Input {
  'svids'?: (_JWTSVID__Input)[];
}

export interface JWTSVIDResponse {
  'svids': (_JWTSVID)[];
}

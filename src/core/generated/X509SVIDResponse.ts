// Original file: src/core/proto/spiffe/workload/workload.proto

import type { X509SVID__Input as _X509SVID__Input, X509SVID as _X509SVID } from './X509SVID.js';

export interface X509SVIDResponse__Input {
  'svids'?: (_X509SVID__Input)[];
  'crl'?: (Buffer | Uint8Array | string)[];
  'federated_bundles'?: ({[key: string]: Buffer | Uint8Array | string});
}

export interface X509SVIDResponse {
  'svids': (_X509SVID)[];
  'crl': (Buffer)[];
  'federated_bundles': ({[key: string]: Buffer});
}

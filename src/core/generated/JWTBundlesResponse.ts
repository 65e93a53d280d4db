// Original file: src/core/proto/spiffe/workload/workload.proto


export interface JWTBundlesResponse__Input {
  'bundles'?: ({[key: string]: Buffer | Uint8Array | string});
}

export interface JWTBundlesResponse {
  'bundles': ({[key: string]: Buffer});
}

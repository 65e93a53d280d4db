// Original file: src/core/proto/spiffe/workload/workload.proto


export interface JWTBundlesRequest__Input {
}

export interface JWTBundlesRequest {
}

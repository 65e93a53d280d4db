// Original file: src/core/proto/spiffe/workload/workload.proto


export interface X509BundlesRequest__Input {
}

export interface X509BundlesRequest {
}

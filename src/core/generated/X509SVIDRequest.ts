// Original file: src/core/proto/spiffe/workload/workload.proto


export interface X509SVIDRequest__Input {
}

export interface X509SVIDRequest {
}

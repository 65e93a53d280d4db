// Original file: src/core/proto/spire/api/server/bundle/v1/bundle.proto


export interface CountBundlesRequest__Input {
}

export interface CountBundlesRequest {
}

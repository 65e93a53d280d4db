// Original file: src/core/proto/spire/api/server/bundle/v1/bundle.proto


export interface CountBundlesResponse__Input {
  'count'?: (number);
}

export interface CountBundlesResponse {
  'count': (number);
}

// Original file: src/core/proto/spire/api/server/trustdomain/v1/trustdomain.proto


export interface RefreshBundleRequest__Input {
  'trust_domain'?: (string);
}

export interface RefreshBundleRequest {
  'trust_domain': (string);
}

// Original file: src/core/proto/spire/api/server/bundle/v1/bundle.proto

import type { Status__Input as _spire_api_types_Status__Input, Status as _spire_api_types_Status } from '../../../../../spire/api/types/Status.js';

export interface _spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse_Result__Input {
  'status'?: (_spire_api_types_Status__Input | null);
  'trust_domain'?: (string);
}

export interface _spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse_Result {
  'status': (_spire_api_types_Status | null);
  'trust_domain': (string);
}

export interface BatchDeleteFederatedBundleResponse__Input {
  'results'?: (_spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse_Result__Input)[];
}

export interface BatchDeleteFederatedBundleResponse {
  'results': (_spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse_Result)[];
}

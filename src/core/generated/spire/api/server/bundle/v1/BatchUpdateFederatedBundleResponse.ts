// Original file: src/core/proto/spire/api/server/bundle/v1/bundle.proto

import type { Status__Input as _spire_api_types_Status__Input, Status as _spire_api_types_Status } from '../../../../../spire/api/types/Status.js';
import type { Bundle__Input as _spire_api_types_Bundle__Input, Bundle as _spire_api_types_Bundle } from '../../../../../spire/api/types/Bundle.js';

export interface _spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse_Result__Input {
  'status'?: (_spire_api_types_Status__Input | null);
  'bundle'?: (_spire_api_types_Bundle__Input | null);
}

export interface _spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse_Result {
  'status': (_spire_api_types_Status | null);
  'bundle': (_spire_api_types_Bundle | null);
}

export interface BatchUpdateFederatedBundleResponse__Input {
  'results'?: (_spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse_Result__Input)[];
}

export interface BatchUpdateFederatedBundleResponse {
  'results': (_spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse_Result)[];
}

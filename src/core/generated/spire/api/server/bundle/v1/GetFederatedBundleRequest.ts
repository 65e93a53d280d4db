// Original file: src/core/proto/spire/api/server/bundle/v1/bundle.proto

import type { BundleMask__Input as _spire_api_types_BundleMask__Input, BundleMask as _spire_api_types_BundleMask } from '../../../../../spire/api/types/BundleMask.js';

export interface GetFederatedBundleRequest__Input {
  'trust_domain'?: (string);
  'output_mask'?: (_spire_api_types_BundleMask__Input | null);
}

export interface GetFederatedBundleRequest {
  'trust_domain': (string);
  'output_mask': (_spire_api_types_BundleMask | null);
}

// Original file: src/core/proto/spire/api/server/bundle/v1/bundle.proto

import type { BundleMask__Input as _spire_api_types_BundleMask__Input, BundleMask as _spire_api_types_BundleMask } from '../../../../../spire/api/types/BundleMask.js';

export interface ListFederatedBundlesRequest__Input {
  'output_mask'?: (_spire_api_types_BundleMask__Input | null);
  'page_size'?: (number);
  'page_token'?: (string);
}

export interface ListFederatedBundlesRequest {
  'output_mask': (_spire_api_types_BundleMask | null);
  'page_size': (number);
  'page_token': (string);
}

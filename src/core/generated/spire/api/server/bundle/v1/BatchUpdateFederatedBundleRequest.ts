// Original file: src/core/proto/spire/api/server/bundle/v1/bundle.proto

import type { Bundle__Input as _spire_api_types_Bundle__Input, Bundle as _spire_api_types_Bundle } from '../../../../../spire/api/types/Bundle.js';
import type { BundleMask__Input as _spire_api_types_BundleMask__Input, BundleMask as _spire_api_types_BundleMask } from '../../../../../spire/api/types/BundleMask.js';

export interface BatchUpdateFederatedBundleRequest__Input {
  'bundle'?: (_spire_api_types_Bundle__Input)[];
  'input_mask'?: (_spire_api_types_BundleMask__Input | null);
  'output_mask'?: (_spire_api_types_BundleMask__Input | null);
}

export interface BatchUpdateFederatedBundleRequest {
  'bundle': (_spire_api_types_Bundle)[];
  'input_mask': (_spire_api_types_BundleMask | null);
  'output_mask': (_spire_api_types_BundleMask | null);
}

// Original file: src/core/proto/spire/api/server/bundle/v1/bundle.proto

import type { Bundle__Input as _spire_api_types_Bundle__Input, Bundle as _spire_api_types_Bundle } from '../../../../../spire/api/types/Bundle.js';

export interface ListFederatedBundlesResponse__Input {
  'bundles'?: (_spire_api_types_Bundle__Input)[];
  'next_page_token'?: (string);
}

export interface ListFederatedBundlesResponse {
  'bundles': (_spire_api_types_Bundle)[];
  'next_page_token': (string);
}

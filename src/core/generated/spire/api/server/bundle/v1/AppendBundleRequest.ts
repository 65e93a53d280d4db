// Original file: src/core/proto/spire/api/server/bundle/v1/bundle.proto

import type { X509Certificate__Input as _spire_api_types_X509Certificate__Input, X509Certificate as _spire_api_types_X509Certificate } from '../../../../../spire/api/types/X509Certificate.js';
import type { JWTKey__Input as _spire_api_types_JWTKey__Input, JWTKey as _spire_api_types_JWTKey } from '../../../../../spire/api/types/JWTKey.js';
import type { BundleMask__Input as _spire_api_types_BundleMask__Input, BundleMask as _spire_api_types_BundleMask } from '../../../../../spire/api/types/BundleMask.js';

export interface AppendBundleRequest__Input {
  'x509_authorities'?: (_spire_api_types_X509Certificate__Input)[];
  'jwt_authorities'?: (_spire_api_types_JWTKey__Input)[];
  'output_mask'?: (_spire_api_types_BundleMask__Input | null);
}

export interface AppendBundleRequest {
  'x509_authorities': (_spire_api_types_X509Certificate)[];
  'jwt_authorities': (_spire_api_types_JWTKey)[];
  'output_mask': (_spire_api_types_BundleMask | null);
}

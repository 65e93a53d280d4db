// Original file: src/core/proto/spire/api/types/types.proto

import type { X509Certificate__Input as _spire_api_types_X509Certificate__Input, X509Certificate as _spire_api_types_X509Certificate } from '../../../spire/api/types/X509Certificate.js';
import type { JWTKey__Input as _spire_api_types_JWTKey__Input, JWTKey as _spire_api_types_JWTKey } from '../../../spire/api/types/JWTKey.js';
import type { Long } from '@grpc/proto-loader';

export interface Bundle__Input {
  'trust_domain'?: (string);
  'x509_authorities'?: (_spire_api_types_X509Certificate__Input)[];
  'jwt_authorities'?: (_spire_api_types_JWTKey__Input)[];
  'refresh_hint'?: (number | string | Long);
  'sequence_number'?: (number | string | Long);
}

export interface Bundle {
  'trust_domain': (string);
  'x509_authorities': (_spire_api_types_X509Certificate)[];
  'jwt_authorities': (_spire_api_types_JWTKey)[];
  'refresh_hint': (number);
  'sequence_number': (number);
}

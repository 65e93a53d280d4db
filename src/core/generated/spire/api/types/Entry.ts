// Original file: src/core/proto/spire/api/types/types.proto

import type { SPIFFEID__Input as _spire_api_types_SPIFFEID__Input, SPIFFEID as _spire_api_types_SPIFFEID } from '../../../spire/api/types/SPIFFEID.js';
import type { Selector__Input as _spire_api_types_Selector__Input, Selector as _spire_api_types_Selector } from '../../../spire/api/types/Selector.js';
import type { Long } from '@grpc/proto-loader';

export interface _spire_api_types_Entry_AdditionalAttributes__Input {
  'disable_x509_svid_prefetch'?: (boolean);
  'jwt_svid_include_jti'?: (boolean);
}

export interface _spire_api_types_Entry_AdditionalAttributes {
  'disable_x509_svid_prefetch': (boolean);
  'jwt_svid_include_jti': (boolean);
}

export interface Entry__Input {
  'id'?: (string);
  'spiffe_id'?: (_spire_api_types_SPIFFEID__Input | null);
  'parent_id'?: (_spire_api_types_SPIFFEID__Input | null);
  'selectors'?: (_spire_api_types_Selector__Input)[];
  'x509_svid_ttl'?: (number);
  'federates_with'?: (string)[];
  'admin'?: (boolean);
  'downstream'?: (boolean);
  'expires_at'?: (number | string | Long);
  'dns_names'?: (string)[];
  'revision_number'?: (number | string | Long);
  'store_svid'?: (boolean);
  'jwt_svid_ttl'?: (number);
  'hint'?: (string);
  'created_at'?: (number | string | Long);
  'additional_attributes'?: (_spire_api_types_Entry_AdditionalAttributes__Input | null);
  '_additional_attributes'?: "additional_attributes";
}

export interface Entry {
  'id': (string);
  'spiffe_id': (_spire_api_types_SPIFFEID | null);
  'parent_id': (_spire_api_types_SPIFFEID | null);
  'selectors': (_spire_api_types_Selector)[];
  'x509_svid_ttl': (number);
  'federates_with': (string)[];
  'admin': (boolean);
  'downstream': (boolean);
  'expires_at': (number);
  'dns_names': (string)[];
  'revision_number': (number);
  'store_svid': (boolean);
  'jwt_svid_ttl': (number);
  'hint': (string);
  'created_at': (number);
  'additional_attributes'?: (_spire_api_types_Entry_AdditionalAttributes | null);
  '_additional_attributes'?: "additional_attributes";
}

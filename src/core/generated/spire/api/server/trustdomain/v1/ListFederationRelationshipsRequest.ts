// Original file: src/core/proto/spire/api/server/trustdomain/v1/trustdomain.proto

import type { FederationRelationshipMask__Input as _spire_api_types_FederationRelationshipMask__Input, FederationRelationshipMask as _spire_api_types_FederationRelationshipMask } from '../../../../../spire/api/types/FederationRelationshipMask.js';

export interface ListFederationRelationshipsRequest__Input {
  'output_mask'?: (_spire_api_types_FederationRelationshipMask__Input | null);
  'page_size'?: (number);
  'page_token'?: (string);
}

export interface ListFederationRelationshipsRequest {
  'output_mask': (_spire_api_types_FederationRelationshipMask | null);
  'page_size': (number);
  'page_token': (string);
}

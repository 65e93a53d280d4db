// Original file: src/core/proto/spire/api/server/trustdomain/v1/trustdomain.proto

import type { FederationRelationshipMask__Input as _spire_api_types_FederationRelationshipMask__Input, FederationRelationshipMask as _spire_api_types_FederationRelationshipMask } from '../../../../../spire/api/types/FederationRelationshipMask.js';

export interface GetFederationRelationshipRequest__Input {
  'trust_domain'?: (string);
  'output_mask'?: (_spire_api_types_FederationRelationshipMask__Input | null);
}

export interface GetFederationRelationshipRequest {
  'trust_domain': (string);
  'output_mask': (_spire_api_types_FederationRelationshipMask | null);
}

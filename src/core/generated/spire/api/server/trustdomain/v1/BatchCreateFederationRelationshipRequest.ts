// Original file: src/core/proto/spire/api/server/trustdomain/v1/trustdomain.proto

import type { FederationRelationship__Input as _spire_api_types_FederationRelationship__Input, FederationRelationship as _spire_api_types_FederationRelationship } from '../../../../../spire/api/types/FederationRelationship.js';
import type { FederationRelationshipMask__Input as _spire_api_types_FederationRelationshipMask__Input, FederationRelationshipMask as _spire_api_types_FederationRelationshipMask } from '../../../../../spire/api/types/FederationRelationshipMask.js';

export interface BatchCreateFederationRelationshipRequest__Input {
  'federation_relationships'?: (_spire_api_types_FederationRelationship__Input)[];
  'output_mask'?: (_spire_api_types_FederationRelationshipMask__Input | null);
}

export interface BatchCreateFederationRelationshipRequest {
  'federation_relationships': (_spire_api_types_FederationRelationship)[];
  'output_mask': (_spire_api_types_FederationRelationshipMask | null);
}

// Original file: src/core/proto/spire/api/server/trustdomain/v1/trustdomain.proto

import type { FederationRelationship__Input as _spire_api_types_FederationRelationship__Input, FederationRelationship as _spire_api_types_FederationRelationship } from '../../../../../spire/api/types/FederationRelationship.js';
import type { FederationRelationshipMask__Input as _spire_api_types_FederationRelationshipMask__Input, FederationRelationshipMask as _spire_api_types_FederationRelationshipMask } from '../../../../../spire/api/types/FederationRelationshipMask.js';

export interface BatchUpdateFederationRelationshipRequest__Input {
  'federation_relationships'?: (_spire_api_types_FederationRelationship__Input)[];
  'input_mask'?: (_spire_api_types_FederationRelationshipMask__Input | null);
  'output_mask'?: (_spire_api_types_FederationRelationshipMask__Input | null);
}

export interface BatchUpdateFederationRelationshipRequest {
  'federation_relationships': (_spire_api_types_FederationRelationship)[];
  'input_mask': (_spire_api_types_FederationRelationshipMask | null);
  'output_mask': (_spire_api_types_FederationRelationshipMask | null);
}

// Original file: src/core/proto/spire/api/server/trustdomain/v1/trustdomain.proto

import type { FederationRelationship__Input as _spire_api_types_FederationRelationship__Input, FederationRelationship as _spire_api_types_FederationRelationship } from '../../../../../spire/api/types/FederationRelationship.js';

export interface ListFederationRelationshipsResponse__Input {
  'federation_relationships'?: (_spire_api_types_FederationRelationship__Input)[];
  'next_page_token'?: (string);
}

export interface ListFederationRelationshipsResponse {
  'federation_relationships': (_spire_api_types_FederationRelationship)[];
  'next_page_token': (string);
}

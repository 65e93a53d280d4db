// Original file: src/core/proto/spire/api/server/trustdomain/v1/trustdomain.proto

import type { Status__Input as _spire_api_types_Status__Input, Status as _spire_api_types_Status } from '../../../../../spire/api/types/Status.js';
import type { FederationRelationship__Input as _spire_api_types_FederationRelationship__Input, FederationRelationship as _spire_api_types_FederationRelationship } from '../../../../../spire/api/types/FederationRelationship.js';

export interface _spire_api_server_trustdomain_v1_BatchUpdateFederationRelationshipResponse_Result__Input {
  'status'?: (_spire_api_types_Status__Input | null);
  'federation_relationship'?: (_spire_api_types_FederationRelationship__Input | null);
}

export interface _spire_api_server_trustdomain_v1_BatchUpdateFederationRelationshipResponse_Result {
  'status': (_spire_api_types_Status | null);
  'federation_relationship': (_spire_api_types_FederationRelationship | null);
}

export interface BatchUpdateFederationRelationshipResponse__Input {
  'results'?: (_spire_api_server_trustdomain_v1_BatchUpdateFederationRelationshipResponse_Result__Input)[];
}

export interface BatchUpdateFederationRelationshipResponse {
  'results': (_spire_api_server_trustdomain_v1_BatchUpdateFederationRelationshipResponse_Result)[];
}

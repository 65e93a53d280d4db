// Original file: src/core/proto/spire/api/server/trustdomain/v1/trustdomain.proto

import type { Status__Input as _spire_api_types_Status__Input, Status as _spire_api_types_Status } from '../../../../../spire/api/types/Status.js';

export interface _spire_api_server_trustdomain_v1_BatchDeleteFederationRelationshipResponse_Result__Input {
  'status'?: (_spire_api_types_Status__Input | null);
  'trust_domain'?: (string);
}

export interface _spire_api_server_trustdomain_v1_BatchDeleteFederationRelationshipResponse_Result {
  'status': (_spire_api_types_Status | null);
  'trust_domain': (string);
}

export interface BatchDeleteFederationRelationshipResponse__Input {
  'results'?: (_spire_api_server_trustdomain_v1_BatchDeleteFederationRelationshipResponse_Result__Input)[];
}

export interface BatchDeleteFederationRelationshipResponse {
  'results': (_spire_api_server_trustdomain_v1_BatchDeleteFederationRelationshipResponse_Result)[];
}

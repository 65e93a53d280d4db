// Original file: src/core/proto/spire/api/server/agent/v1/agent.proto

import type { SPIFFEID__Input as _spire_api_types_SPIFFEID__Input, SPIFFEID as _spire_api_types_SPIFFEID } from '../../../../../spire/api/types/SPIFFEID.js';

export interface CreateJoinTokenRequest__Input {
  'ttl'?: (number);
  'token'?: (string);
  'agent_id'?: (_spire_api_types_SPIFFEID__Input | null);
}

export interface CreateJoinTokenRequest {
  'ttl': (number);
  'token': (string);
  'agent_id': (_spire_api_types_SPIFFEID | null);
}

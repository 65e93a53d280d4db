// Original file: src/core/proto/spire/api/server/agent/v1/agent.proto

import type { SPIFFEID__Input as _spire_api_types_SPIFFEID__Input, SPIFFEID as _spire_api_types_SPIFFEID } from '../../../../../spire/api/types/SPIFFEID.js';

export interface DeleteAgentRequest__Input {
  'id'?: (_spire_api_types_SPIFFEID__Input | null);
}

export interface DeleteAgentRequest {
  'id': (_spire_api_types_SPIFFEID | null);
}

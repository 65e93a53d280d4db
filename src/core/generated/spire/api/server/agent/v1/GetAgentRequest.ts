// Original file: src/core/proto/spire/api/server/agent/v1/agent.proto

import type { SPIFFEID__Input as _spire_api_types_SPIFFEID__Input, SPIFFEID as _spire_api_types_SPIFFEID } from '../../../../../spire/api/types/SPIFFEID.js';
import type { AgentMask__Input as _spire_api_types_AgentMask__Input, AgentMask as _spire_api_types_AgentMask } from '../../../../../spire/api/types/AgentMask.js';

export interface GetAgentRequest__Input {
  'id'?: (_spire_api_types_SPIFFEID__Input | null);
  'output_mask'?: (_spire_api_types_AgentMask__Input | null);
}

export interface GetAgentRequest {
  'id': (_spire_api_types_SPIFFEID | null);
  'output_mask': (_spire_api_types_AgentMask | null);
}

// Original file: src/core/proto/spire/api/server/agent/v1/agent.proto

import type { Agent__Input as _spire_api_types_Agent__Input, Agent as _spire_api_types_Agent } from '../../../../../spire/api/types/Agent.js';

export interface ListAgentsResponse__Input {
  'agents'?: (_spire_api_types_Agent__Input)[];
  'next_page_token'?: (string);
}

export interface ListAgentsResponse {
  'agents': (_spire_api_types_Agent)[];
  'next_page_token': (string);
}

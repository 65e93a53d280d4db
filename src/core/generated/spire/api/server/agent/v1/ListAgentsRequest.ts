// Original file: src/core/proto/spire/api/server/agent/v1/agent.proto

import type { AgentMask__Input as _spire_api_types_AgentMask__Input, AgentMask as _spire_api_types_AgentMask } from '../../../../../spire/api/types/AgentMask.js';
import type { SelectorMatch__Input as _spire_api_types_SelectorMatch__Input, SelectorMatch as _spire_api_types_SelectorMatch } from '../../../../../spire/api/types/SelectorMatch.js';
import type { BoolValue__Input as _google_protobuf_BoolValue__Input, BoolValue as _google_protobuf_BoolValue } from '../../../../../google/protobuf/BoolValue.js';

export interface _spire_api_server_agent_v1_ListAgentsRequest_Filter__Input {
  'by_attestation_type'?: (string);
  'by_selector_match'?: (_spire_api_types_SelectorMatch__Input | null);
  'by_banned'?: (_google_protobuf_BoolValue__Input | null);
  'by_can_reattest'?: (_google_protobuf_BoolValue__Input | null);
  'by_expires_before'?: (string);
}

export interface _spire_api_server_agent_v1_ListAgentsRequest_Filter {
  'by_attestation_type': (string);
  'by_selector_match': (_spire_api_types_SelectorMatch | null);
  'by_banned': (_google_protobuf_BoolValue | null);
  'by_can_reattest': (_google_protobuf_BoolValue | null);
  'by_expires_before': (string);
}

export interface ListAgentsRequest__Input {
  'filter'?: (_spire_api_server_agent_v1_ListAgentsRequest_Filter__Input | null);
  'output_mask'?: (_spire_api_types_AgentMask__Input | null);
  'page_size'?: (number);
  'page_token'?: (string);
}

export interface ListAgentsRequest {
  'filter': (_spire_api_server_agent_v1_ListAgentsRequest_Filter | null);
  'output_mask': (_spire_api_types_AgentMask | null);
  'page_size': (number);
  'page_token': (string);
}

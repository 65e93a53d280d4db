import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { BoolValue__Input as _google_protobuf_BoolValue__Input, BoolValue as _google_protobuf_BoolValue } from './google/protobuf/BoolValue.js';
import type { BytesValue__Input as _google_protobuf_BytesValue__Input, BytesValue as _google_protobuf_BytesValue } from './google/protobuf/BytesValue.js';
import type { DoubleValue__Input as _google_protobuf_DoubleValue__Input, DoubleValue as _google_protobuf_DoubleValue } from './google/protobuf/DoubleValue.js';
import type { Empty__Input as _google_protobuf_Empty__Input, Empty as _google_protobuf_Empty } from './google/protobuf/Empty.js';
import type { FloatValue__Input as _google_protobuf_FloatValue__Input, FloatValue as _google_protobuf_FloatValue } from './google/protobuf/FloatValue.js';
import type { Int32Value__Input as _google_protobuf_Int32Value__Input, Int32Value as _google_protobuf_Int32Value } from './google/protobuf/Int32Value.js';
import type { Int64Value__Input as _google_protobuf_Int64Value__Input, Int64Value as _google_protobuf_Int64Value } from './google/protobuf/Int64Value.js';
import type { StringValue__Input as _google_protobuf_StringValue__Input, StringValue as _google_protobuf_StringValue } from './google/protobuf/StringValue.js';
import type { UInt32Value__Input as _google_protobuf_UInt32Value__Input, UInt32Value as _google_protobuf_UInt32Value } from './google/protobuf/UInt32Value.js';
import type { UInt64Value__Input as _google_protobuf_UInt64Value__Input, UInt64Value as _google_protobuf_UInt64Value } from './google/protobuf/UInt64Value.js';
import type { AgentClient as _spire_api_server_agent_v1_AgentClient, AgentDefinition as _spire_api_server_agent_v1_AgentDefinition } from './spire/api/server/agent/v1/Agent.js';
import type { BanAgentRequest__Input as _spire_api_server_agent_v1_BanAgentRequest__Input, BanAgentRequest as _spire_api_server_agent_v1_BanAgentRequest } from './spire/api/server/agent/v1/BanAgentRequest.js';
import type { CountAgentsRequest__Input as _spire_api_server_agent_v1_CountAgentsRequest__Input, CountAgentsRequest as _spire_api_server_agent_v1_CountAgentsRequest } from './spire/api/server/agent/v1/CountAgentsRequest.js';
import type { CountAgentsResponse__Input as _spire_api_server_agent_v1_CountAgentsResponse__Input, CountAgentsResponse as _spire_api_server_agent_v1_CountAgentsResponse } from './spire/api/server/agent/v1/CountAgentsResponse.js';
import type { CreateJoinTokenRequest__Input as _spire_api_server_agent_v1_CreateJoinTokenRequest__Input, CreateJoinTokenRequest as _spire_api_server_agent_v1_CreateJoinTokenRequest } from './spire/api/server/agent/v1/CreateJoinTokenRequest.js';
import type { DeleteAgentRequest__Input as _spire_api_server_agent_v1_DeleteAgentRequest__Input, DeleteAgentRequest as _spire_api_server_agent_v1_DeleteAgentRequest } from './spire/api/server/agent/v1/DeleteAgentRequest.js';
import type { GetAgentRequest__Input as _spire_api_server_agent_v1_GetAgentRequest__Input, GetAgentRequest as _spire_api_server_agent_v1_GetAgentRequest } from './spire/api/server/agent/v1/GetAgentRequest.js';
import type { ListAgentsRequest__Input as _spire_api_server_agent_v1_ListAgentsRequest__Input, ListAgentsRequest as _spire_api_server_agent_v1_ListAgentsRequest } from './spire/api/server/agent/v1/ListAgentsRequest.js';
import type { ListAgentsResponse__Input as _spire_api_server_agent_v1_ListAgentsResponse__Input, ListAgentsResponse as _spire_api_server_agent_v1_ListAgentsResponse } from './spire/api/server/agent/v1/ListAgentsResponse.js';
import type { Agent__Input as _spire_api_types_Agent__Input, Agent as _spire_api_types_Agent } from './spire/api/types/Agent.js';
import type { AgentMask__Input as _spire_api_types_AgentMask__Input, AgentMask as _spire_api_types_AgentMask } from './spire/api/types/AgentMask.js';
import type { Bundle__Input as _spire_api_types_Bundle__Input, Bundle as _spire_api_types_Bundle } from './spire/api/types/Bundle.js';
import type { BundleMask__Input as _spire_api_types_BundleMask__Input, BundleMask as _spire_api_types_BundleMask } from './spire/api/types/BundleMask.js';
import type { Entry__Input as _spire_api_types_Entry__Input, Entry as _spire_api_types_Entry } from './spire/api/types/Entry.js';
import type { EntryMask__Input as _spire_api_types_EntryMask__Input, EntryMask as _spire_api_types_EntryMask } from './spire/api/types/EntryMask.js';
import type { FederatesWithMatch__Input as _spire_api_types_FederatesWithMatch__Input, FederatesWithMatch as _spire_api_types_FederatesWithMatch } from './spire/api/types/FederatesWithMatch.js';
import type { FederationRelationship__Input as _spire_api_types_FederationRelationship__Input, FederationRelationship as _spire_api_types_FederationRelationship } from './spire/api/types/FederationRelationship.js';
import type { FederationRelationshipMask__Input as _spire_api_types_FederationRelationshipMask__Input, FederationRelationshipMask as _spire_api_types_FederationRelationshipMask } from './spire/api/types/FederationRelationshipMask.js';
import type { HTTPSSPIFFEProfile__Input as _spire_api_types_HTTPSSPIFFEProfile__Input, HTTPSSPIFFEProfile as _spire_api_types_HTTPSSPIFFEProfile } from './spire/api/types/HTTPSSPIFFEProfile.js';
import type { HTTPSWebProfile__Input as _spire_api_types_HTTPSWebProfile__Input, HTTPSWebProfile as _spire_api_types_HTTPSWebProfile } from './spire/api/types/HTTPSWebProfile.js';
import type { JWTKey__Input as _spire_api_types_JWTKey__Input, JWTKey as _spire_api_types_JWTKey } from './spire/api/types/JWTKey.js';
import type { JoinToken__Input as _spire_api_types_JoinToken__Input, JoinToken as _spire_api_types_JoinToken } from './spire/api/types/JoinToken.js';
import type { SPIFFEID__Input as _spire_api_types_SPIFFEID__Input, SPIFFEID as _spire_api_types_SPIFFEID } from './spire/api/types/SPIFFEID.js';
import type { Selector__Input as _spire_api_types_Selector__Input, Selector as _spire_api_types_Selector } from './spire/api/types/Selector.js';
import type { SelectorMatch__Input as _spire_api_types_SelectorMatch__Input, SelectorMatch as _spire_api_types_SelectorMatch } from './spire/api/types/SelectorMatch.js';
import type { Status__Input as _spire_api_types_Status__Input, Status as _spire_api_types_Status } from './spire/api/types/Status.js';
import type { X509Certificate__Input as _spire_api_types_X509Certificate__Input, X509Certificate as _spire_api_types_X509Certificate } from './spire/api/types/X509Certificate.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      BoolValue: MessageTypeDefinition<_google_protobuf_BoolValue__Input, _google_protobuf_BoolValue>
      BytesValue: MessageTypeDefinition<_google_protobuf_BytesValue__Input, _google_protobuf_BytesValue>
      DoubleValue: MessageTypeDefinition<_google_protobuf_DoubleValue__Input, _google_protobuf_DoubleValue>
      Empty: MessageTypeDefinition<_google_protobuf_Empty__Input, _google_protobuf_Empty>
      FloatValue: MessageTypeDefinition<_google_protobuf_FloatValue__Input, _google_protobuf_FloatValue>
      Int32Value: MessageTypeDefinition<_google_protobuf_Int32Value__Input, _google_protobuf_Int32Value>
      Int64Value: MessageTypeDefinition<_google_protobuf_Int64Value__Input, _google_protobuf_Int64Value>
      StringValue: MessageTypeDefinition<_google_protobuf_StringValue__Input, _google_protobuf_StringValue>
      UInt32Value: MessageTypeDefinition<_google_protobuf_UInt32Value__Input, _google_protobuf_UInt32Value>
      UInt64Value: MessageTypeDefinition<_google_protobuf_UInt64Value__Input, _google_protobuf_UInt64Value>
    }
  }
  spire: {
    api: {
      server: {
        agent: {
          v1: {
            Agent: SubtypeConstructor<typeof grpc.Client, _spire_api_server_agent_v1_AgentClient> & { service: _spire_api_server_agent_v1_AgentDefinition }
            BanAgentRequest: MessageTypeDefinition<_spire_api_server_agent_v1_BanAgentRequest__Input, _spire_api_server_agent_v1_BanAgentRequest>
            CountAgentsRequest: MessageTypeDefinition<_spire_api_server_agent_v1_CountAgentsRequest__Input, _spire_api_server_agent_v1_CountAgentsRequest>
            CountAgentsResponse: MessageTypeDefinition<_spire_api_server_agent_v1_CountAgentsResponse__Input, _spire_api_server_agent_v1_CountAgentsResponse>
            CreateJoinTokenRequest: MessageTypeDefinition<_spire_api_server_agent_v1_CreateJoinTokenRequest__Input, _spire_api_server_agent_v1_CreateJoinTokenRequest>
            DeleteAgentRequest: MessageTypeDefinition<_spire_api_server_agent_v1_DeleteAgentRequest__Input, _spire_api_server_agent_v1_DeleteAgentRequest>
            GetAgentRequest: MessageTypeDefinition<_spire_api_server_agent_v1_GetAgentRequest__Input, _spire_api_server_agent_v1_GetAgentRequest>
            ListAgentsRequest: MessageTypeDefinition<_spire_api_server_agent_v1_ListAgentsRequest__Input, _spire_api_server_agent_v1_ListAgentsRequest>
            ListAgentsResponse: MessageTypeDefinition<_spire_api_server_agent_v1_ListAgentsResponse__Input, _spire_api_server_agent_v1_ListAgentsResponse>
          }
        }
      }
      types: {
        Agent: MessageTypeDefinition<_spire_api_types_Agent__Input, _spire_api_types_Agent>
        AgentMask: MessageTypeDefinition<_spire_api_types_AgentMask__Input, _spire_api_types_AgentMask>
        Bundle: MessageTypeDefinition<_spire_api_types_Bundle__Input, _spire_api_types_Bundle>
        BundleMask: MessageTypeDefinition<_spire_api_types_BundleMask__Input, _spire_api_types_BundleMask>
        Entry: MessageTypeDefinition<_spire_api_types_Entry__Input, _spire_api_types_Entry>
        EntryMask: MessageTypeDefinition<_spire_api_types_EntryMask__Input, _spire_api_types_EntryMask>
        FederatesWithMatch: MessageTypeDefinition<_spire_api_types_FederatesWithMatch__Input, _spire_api_types_FederatesWithMatch>
        FederationRelationship: MessageTypeDefinition<_spire_api_types_FederationRelationship__Input, _spire_api_types_FederationRelationship>
        FederationRelationshipMask: MessageTypeDefinition<_spire_api_types_FederationRelationshipMask__Input, _spire_api_types_FederationRelationshipMask>
        HTTPSSPIFFEProfile: MessageTypeDefinition<_spire_api_types_HTTPSSPIFFEProfile__Input, _spire_api_types_HTTPSSPIFFEProfile>
        HTTPSWebProfile: MessageTypeDefinition<_spire_api_types_HTTPSWebProfile__Input, _spire_api_types_HTTPSWebProfile>
        JWTKey: MessageTypeDefinition<_spire_api_types_JWTKey__Input, _spire_api_types_JWTKey>
        JoinToken: MessageTypeDefinition<_spire_api_types_JoinToken__Input, _spire_api_types_JoinToken>
        SPIFFEID: MessageTypeDefinition<_spire_api_types_SPIFFEID__Input, _spire_api_types_SPIFFEID>
        Selector: MessageTypeDefinition<_spire_api_types_Selector__Input, _spire_api_types_Selector>
        SelectorMatch: MessageTypeDefinition<_spire_api_types_SelectorMatch__Input, _spire_api_types_SelectorMatch>
        Status: MessageTypeDefinition<_spire_api_types_Status__Input, _spire_api_types_Status>
        X509Certificate: MessageTypeDefinition<_spire_api_types_X509Certificate__Input, _spire_api_types_X509Certificate>
      }
    }
  }
}


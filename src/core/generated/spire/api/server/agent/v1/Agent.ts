// Original file: src/core/proto/spire/api/server/agent/v1/agent.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Agent__Input as _spire_api_types_Agent__Input, Agent as _spire_api_types_Agent } from '../../../../../spire/api/types/Agent.js';
import type { BanAgentRequest__Input as _spire_api_server_agent_v1_BanAgentRequest__Input, BanAgentRequest as _spire_api_server_agent_v1_BanAgentRequest } from '../../../../../spire/api/server/agent/v1/BanAgentRequest.js';
import type { CountAgentsRequest__Input as _spire_api_server_agent_v1_CountAgentsRequest__Input, CountAgentsRequest as _spire_api_server_agent_v1_CountAgentsRequest } from '../../../../../spire/api/server/agent/v1/CountAgentsRequest.js';
import type { CountAgentsResponse__Input as _spire_api_server_agent_v1_CountAgentsResponse__Input, CountAgentsResponse as _spire_api_server_agent_v1_CountAgentsResponse } from '../../../../../spire/api/server/agent/v1/CountAgentsResponse.js';
import type { CreateJoinTokenRequest__Input as _spire_api_server_agent_v1_CreateJoinTokenRequest__Input, CreateJoinTokenRequest as _spire_api_server_agent_v1_CreateJoinTokenRequest } from '../../../../../spire/api/server/agent/v1/CreateJoinTokenRequest.js';
import type { DeleteAgentRequest__Input as _spire_api_server_agent_v1_DeleteAgentRequest__Input, DeleteAgentRequest as _spire_api_server_agent_v1_DeleteAgentRequest } from '../../../../../spire/api/server/agent/v1/DeleteAgentRequest.js';
import type { Empty__Input as _google_protobuf_Empty__Input, Empty as _google_protobuf_Empty } from '../../../../../google/protobuf/Empty.js';
import type { GetAgentRequest__Input as _spire_api_server_agent_v1_GetAgentRequest__Input, GetAgentRequest as _spire_api_server_agent_v1_GetAgentRequest } from '../../../../../spire/api/server/agent/v1/GetAgentRequest.js';
import type { JoinToken__Input as _spire_api_types_JoinToken__Input, JoinToken as _spire_api_types_JoinToken } from '../../../../../spire/api/types/JoinToken.js';
import type { ListAgentsRequest__Input as _spire_api_server_agent_v1_ListAgentsRequest__Input, ListAgentsRequest as _spire_api_server_agent_v1_ListAgentsRequest } from '../../../../../spire/api/server/agent/v1/ListAgentsRequest.js';
import type { ListAgentsResponse__Input as _spire_api_server_agent_v1_ListAgentsResponse__Input, ListAgentsResponse as _spire_api_server_agent_v1_ListAgentsResponse } from '../../../../../spire/api/server/agent/v1/ListAgentsResponse.js';

export interface AgentClient extends grpc.Client {
  BanAgent(argument: _spire_api_server_agent_v1_BanAgentRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_google_protobuf_Empty>): grpc.ClientUnaryCall;
  BanAgent(argument: _spire_api_server_agent_v1_BanAgentRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_google_protobuf_Empty>): grpc.ClientUnaryCall;
  BanAgent(argument: _spire_api_server_agent_v1_BanAgentRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_google_protobuf_Empty>): grpc.ClientUnaryCall;
  BanAgent(argument: _spire_api_server_agent_v1_BanAgentRequest__Input, callback: grpc.requestCallback<_google_protobuf_Empty>): grpc.ClientUnaryCall;
  banAgent(argument: _spire_api_server_agent_v1_BanAgentRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_google_protobuf_Empty>): grpc.ClientUnaryCall;
  banAgent(argument: _spire_api_server_agent_v1_BanAgentRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_google_protobuf_Empty>): grpc.ClientUnaryCall;
  banAgent(argument: _spire_api_server_agent_v1_BanAgentRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_google_protobuf_Empty>): grpc.ClientUnaryCall;
  banAgent(argument: _spire_api_server_agent_v1_BanAgentRequest__Input, callback: grpc.requestCallback<_google_protobuf_Empty>): grpc.ClientUnaryCall;
  
  CountAgents(argument: _spire_api_server_agent_v1_CountAgentsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_agent_v1_CountAgentsResponse>): grpc.ClientUnaryCall;
  CountAgents(argument: _spire_api_server_agent_v1_CountAgentsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_agent_v1_CountAgentsResponse>): grpc.ClientUnaryCall;
  CountAgents(argument: _spire_api_server_agent_v1_CountAgentsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_agent_v1_CountAgentsResponse>): grpc.ClientUnaryCall;
  CountAgents(argument: _spire_api_server_agent_v1_CountAgentsRequest__Input, callback: grpc.requestCallback<_spire_api_server_agent_v1_CountAgentsResponse>): grpc.ClientUnaryCall;
  countAgents(argument: _spire_api_server_agent_v1_CountAgentsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_agent_v1_CountAgentsResponse>): grpc.ClientUnaryCall;
  countAgents(argument: _spire_api_server_agent_v1_CountAgentsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_agent_v1_CountAgentsResponse>): grpc.ClientUnaryCall;
  countAgents(argument: _spire_api_server_agent_v1_CountAgentsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_agent_v1_CountAgentsResponse>): grpc.ClientUnaryCall;
  countAgents(argument: _spire_api_server_agent_v1_CountAgentsRequest__Input, callback: grpc.requestCallback<_spire_api_server_agent_v1_CountAgentsResponse>): grpc.ClientUnaryCall;
  
  CreateJoinToken(argument: _spire_api_server_agent_v1_CreateJoinTokenRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_JoinToken>): grpc.ClientUnaryCall;
  CreateJoinToken(argument: _spire_api_server_agent_v1_CreateJoinTokenRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_types_JoinToken>): grpc.ClientUnaryCall;
  CreateJoinToken(argument: _spire_api_server_agent_v1_CreateJoinTokenRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_JoinToken>): grpc.ClientUnaryCall;
  CreateJoinToken(argument: _spire_api_server_agent_v1_CreateJoinTokenRequest__Input, callback: grpc.requestCallback<_spire_api_types_JoinToken>): grpc.ClientUnaryCall;
  createJoinToken(argument: _spire_api_server_agent_v1_CreateJoinTokenRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_JoinToken>): grpc.ClientUnaryCall;
  createJoinToken(argument: _spire_api_server_agent_v1_CreateJoinTokenRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_types_JoinToken>): grpc.ClientUnaryCall;
  createJoinToken(argument: _spire_api_server_agent_v1_CreateJoinTokenRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_JoinToken>): grpc.ClientUnaryCall;
  createJoinToken(argument: _spire_api_server_agent_v1_CreateJoinTokenRequest__Input, callback: grpc.requestCallback<_spire_api_types_JoinToken>): grpc.ClientUnaryCall;
  
  DeleteAgent(argument: _spire_api_server_agent_v1_DeleteAgentRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_google_protobuf_Empty>): grpc.ClientUnaryCall;
  DeleteAgent(argument: _spire_api_server_agent_v1_DeleteAgentRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_google_protobuf_Empty>): grpc.ClientUnaryCall;
  DeleteAgent(argument: _spire_api_server_agent_v1_DeleteAgentRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_google_protobuf_Empty>): grpc.ClientUnaryCall;
  DeleteAgent(argument: _spire_api_server_agent_v1_DeleteAgentRequest__Input, callback: grpc.requestCallback<_google_protobuf_Empty>): grpc.ClientUnaryCall;
  deleteAgent(argument: _spire_api_server_agent_v1_DeleteAgentRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_google_protobuf_Empty>): grpc.ClientUnaryCall;
  deleteAgent(argument: _spire_api_server_agent_v1_DeleteAgentRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_google_protobuf_Empty>): grpc.ClientUnaryCall;
  deleteAgent(argument: _spire_api_server_agent_v1_DeleteAgentRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_google_protobuf_Empty>): grpc.ClientUnaryCall;
  deleteAgent(argument: _spire_api_server_agent_v1_DeleteAgentRequest__Input, callback: grpc.requestCallback<_google_protobuf_Empty>): grpc.ClientUnaryCall;
  
  GetAgent(argument: _spire_api_server_agent_v1_GetAgentRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Agent>): grpc.ClientUnaryCall;
  GetAgent(argument: _spire_api_server_agent_v1_GetAgentRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_types_Agent>): grpc.ClientUnaryCall;
  GetAgent(argument: _spire_api_server_agent_v1_GetAgentRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Agent>): grpc.ClientUnaryCall;
  GetAgent(argument: _spire_api_server_agent_v1_GetAgentRequest__Input, callback: grpc.requestCallback<_spire_api_types_Agent>): grpc.ClientUnaryCall;
  getAgent(argument: _spire_api_server_agent_v1_GetAgentRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Agent>): grpc.ClientUnaryCall;
  getAgent(argument: _spire_api_server_agent_v1_GetAgentRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_types_Agent>): grpc.ClientUnaryCall;
  getAgent(argument: _spire_api_server_agent_v1_GetAgentRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_types_Agent>): grpc.ClientUnaryCall;
  getAgent(argument: _spire_api_server_agent_v1_GetAgentRequest__Input, callback: grpc.requestCallback<_spire_api_types_Agent>): grpc.ClientUnaryCall;
  
  ListAgents(argument: _spire_api_server_agent_v1_ListAgentsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_agent_v1_ListAgentsResponse>): grpc.ClientUnaryCall;
  ListAgents(argument: _spire_api_server_agent_v1_ListAgentsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_agent_v1_ListAgentsResponse>): grpc.ClientUnaryCall;
  ListAgents(argument: _spire_api_server_agent_v1_ListAgentsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_agent_v1_ListAgentsResponse>): grpc.ClientUnaryCall;
  ListAgents(argument: _spire_api_server_agent_v1_ListAgentsRequest__Input, callback: grpc.requestCallback<_spire_api_server_agent_v1_ListAgentsResponse>): grpc.ClientUnaryCall;
  listAgents(argument: _spire_api_server_agent_v1_ListAgentsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_agent_v1_ListAgentsResponse>): grpc.ClientUnaryCall;
  listAgents(argument: _spire_api_server_agent_v1_ListAgentsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_spire_api_server_agent_v1_ListAgentsResponse>): grpc.ClientUnaryCall;
  listAgents(argument: _spire_api_server_agent_v1_ListAgentsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_spire_api_server_agent_v1_ListAgentsResponse>): grpc.ClientUnaryCall;
  listAgents(argument: _spire_api_server_agent_v1_ListAgentsRequest__Input, callback: grpc.requestCallback<_spire_api_server_agent_v1_ListAgentsResponse>): grpc.ClientUnaryCall;
  
}

export interface AgentHandlers extends grpc.UntypedServiceImplementation {
  BanAgent: grpc.handleUnaryCall<_spire_api_server_agent_v1_BanAgentRequest, _google_protobuf_Empty__Input>;
  
  CountAgents: grpc.handleUnaryCall<_spire_api_server_agent_v1_CountAgentsRequest, _spire_api_server_agent_v1_CountAgentsResponse__Input>;
  
  CreateJoinToken: grpc.handleUnaryCall<_spire_api_server_agent_v1_CreateJoinTokenRequest, _spire_api_types_JoinToken__Input>;
  
  DeleteAgent: grpc.handleUnaryCall<_spire_api_server_agent_v1_DeleteAgentRequest, _google_protobuf_Empty__Input>;
  
  GetAgent: grpc.handleUnaryCall<_spire_api_server_agent_v1_GetAgentRequest, _spire_api_types_Agent__Input>;
  
  ListAgents: grpc.handleUnaryCall<_spire_api_server_agent_v1_ListAgentsRequest, _spire_api_server_agent_v1_ListAgentsResponse__Input>;
  
}

export interface AgentDefinition extends grpc.ServiceDefinition {
  BanAgent: MethodDefinition<_spire_api_server_agent_v1_BanAgentRequest__Input, _google_protobuf_Empty__Input, _spire_api_server_agent_v1_BanAgentRequest, _google_protobuf_Empty>
  CountAgents: MethodDefinition<_spire_api_server_agent_v1_CountAgentsRequest__Input, _spire_api_server_agent_v1_CountAgentsResponse__Input, _spire_api_server_agent_v1_CountAgentsRequest, _spire_api_server_agent_v1_CountAgentsResponse>
  CreateJoinToken: MethodDefinition<_spire_api_server_agent_v1_CreateJoinTokenRequest__Input, _spire_api_types_JoinToken__Input, _spire_api_server_agent_v1_CreateJoinTokenRequest, _spire_api_types_JoinToken>
  DeleteAgent: MethodDefinition<_spire_api_server_agent_v1_DeleteAgentRequest__Input, _google_protobuf_Empty__Input, _spire_api_server_agent_v1_DeleteAgentRequest, _google_protobuf_Empty>
  GetAgent: MethodDefinition<_spire_api_server_agent_v1_GetAgentRequest__Input, _spire_api_types_Agent__Input, _spire_api_server_agent_v1_GetAgentRequest, _spire_api_types_Agent>
  ListAgents: MethodDefinition<_spire_api_server_agent_v1_ListAgentsRequest__Input, _spire_api_server_agent_v1_ListAgentsResponse__Input, _spire_api_server_agent_v1_ListAgentsRequest, _spire_api_server_agent_v1_ListAgentsResponse>
}

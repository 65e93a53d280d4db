// Original file: src/goplugin/proto/plugin/grpc_broker.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ConnInfo__Input as _plugin_ConnInfo__Input, ConnInfo as _plugin_ConnInfo } from '../plugin/ConnInfo.js';

export interface GRPCBrokerClient extends grpc.Client {
  StartStream(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_plugin_ConnInfo__Input, _plugin_ConnInfo>;
  StartStream(options?: grpc.CallOptions): grpc.ClientDuplexStream<_plugin_ConnInfo__Input, _plugin_ConnInfo>;
  startStream(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_plugin_ConnInfo__Input, _plugin_ConnInfo>;
  startStream(options?: grpc.CallOptions): grpc.ClientDuplexStream<_plugin_ConnInfo__Input, _plugin_ConnInfo>;
  
}

export interface GRPCBrokerHandlers extends grpc.UntypedServiceImplementation {
  StartStream: grpc.handleBidiStreamingCall<_plugin_ConnInfo, _plugin_ConnInfo__Input>;
  
}

export interface GRPCBrokerDefinition extends grpc.ServiceDefinition {
  StartStream: MethodDefinition<_plugin_ConnInfo__Input, _plugin_ConnInfo__Input, _plugin_ConnInfo, _plugin_ConnInfo>
}

import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AttributeTypeAndValue__Input as _spire_plugin_server_credentialcomposer_v1_AttributeTypeAndValue__Input, AttributeTypeAndValue as _spire_plugin_server_credentialcomposer_v1_AttributeTypeAndValue } from './spire/plugin/server/credentialcomposer/v1/AttributeTypeAndValue.js';
import type { ComposeAgentX509SVIDRequest__Input as _spire_plugin_server_credentialcomposer_v1_ComposeAgentX509SVIDRequest__Input, ComposeAgentX509SVIDRequest as _spire_plugin_server_credentialcomposer_v1_ComposeAgentX509SVIDRequest } from './spire/plugin/server/credentialcomposer/v1/ComposeAgentX509SVIDRequest.js';
import type { ComposeAgentX509SVIDResponse__Input as _spire_plugin_server_credentialcomposer_v1_ComposeAgentX509SVIDResponse__Input, ComposeAgentX509SVIDResponse as _spire_plugin_server_credentialcomposer_v1_ComposeAgentX509SVIDResponse } from './spire/plugin/server/credentialcomposer/v1/ComposeAgentX509SVIDResponse.js';
import type { ComposeWorkloadX509SVIDRequest__Input as _spire_plugin_server_credentialcomposer_v1_ComposeWorkloadX509SVIDRequest__Input, ComposeWorkloadX509SVIDRequest as _spire_plugin_server_credentialcomposer_v1_ComposeWorkloadX509SVIDRequest } from './spire/plugin/server/credentialcomposer/v1/ComposeWorkloadX509SVIDRequest.js';
import type { ComposeWorkloadX509SVIDResponse__Input as _spire_plugin_server_credentialcomposer_v1_ComposeWorkloadX509SVIDResponse__Input, ComposeWorkloadX509SVIDResponse as _spire_plugin_server_credentialcomposer_v1_ComposeWorkloadX509SVIDResponse } from './spire/plugin/server/credentialcomposer/v1/ComposeWorkloadX509SVIDResponse.js';
import type { CredentialComposerClient as _spire_plugin_server_credentialcomposer_v1_CredentialComposerClient, CredentialComposerDefinition as _spire_plugin_server_credentialcomposer_v1_CredentialComposerDefinition } from './spire/plugin/server/credentialcomposer/v1/CredentialComposer.js';
import type { DistinguishedName__Input as _spire_plugin_server_credentialcomposer_v1_DistinguishedName__Input, DistinguishedName as _spire_plugin_server_credentialcomposer_v1_DistinguishedName } from './spire/plugin/server/credentialcomposer/v1/DistinguishedName.js';
import type { X509Extension__Input as _spire_plugin_server_credentialcomposer_v1_X509Extension__Input, X509Extension as _spire_plugin_server_credentialcomposer_v1_X509Extension } from './spire/plugin/server/credentialcomposer/v1/X509Extension.js';
import type { X509SVIDAttributes__Input as _spire_plugin_server_credentialcomposer_v1_X509SVIDAttributes__Input, X509SVIDAttributes as _spire_plugin_server_credentialcomposer_v1_X509SVIDAttributes } from './spire/plugin/server/credentialcomposer/v1/X509SVIDAttributes.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  spire: {
    plugin: {
      server: {
        credentialcomposer: {
          v1: {
            AttributeTypeAndValue: MessageTypeDefinition<_spire_plugin_server_credentialcomposer_v1_AttributeTypeAndValue__Input, _spire_plugin_server_credentialcomposer_v1_AttributeTypeAndValue>
            ComposeAgentX509SVIDRequest: MessageTypeDefinition<_spire_plugin_server_credentialcomposer_v1_ComposeAgentX509SVIDRequest__Input, _spire_plugin_server_credentialcomposer_v1_ComposeAgentX509SVIDRequest>
            ComposeAgentX509SVIDResponse: MessageTypeDefinition<_spire_plugin_server_credentialcomposer_v1_ComposeAgentX509SVIDResponse__Input, _spire_plugin_server_credentialcomposer_v1_ComposeAgentX509SVIDResponse>
            ComposeWorkloadX509SVIDRequest: MessageTypeDefinition<_spire_plugin_server_credentialcomposer_v1_ComposeWorkloadX509SVIDRequest__Input, _spire_plugin_server_credentialcomposer_v1_ComposeWorkloadX509SVIDRequest>
            ComposeWorkloadX509SVIDResponse: MessageTypeDefinition<_spire_plugin_server_credentialcomposer_v1_ComposeWorkloadX509SVIDResponse__Input, _spire_plugin_server_credentialcomposer_v1_ComposeWorkloadX509SVIDResponse>
            CredentialComposer: SubtypeConstructor<typeof grpc.Client, _spire_plugin_server_credentialcomposer_v1_CredentialComposerClient> & { service: _spire_plugin_server_credentialcomposer_v1_CredentialComposerDefinition }
            DistinguishedName: MessageTypeDefinition<_spire_plugin_server_credentialcomposer_v1_DistinguishedName__Input, _spire_plugin_server_credentialcomposer_v1_DistinguishedName>
            X509Extension: MessageTypeDefinition<_spire_plugin_server_credentialcomposer_v1_X509Extension__Input, _spire_plugin_server_credentialcomposer_v1_X509Extension>
            X509SVIDAttributes: MessageTypeDefinition<_spire_plugin_server_credentialcomposer_v1_X509SVIDAttributes__Input, _spire_plugin_server_credentialcomposer_v1_X509SVIDAttributes>
          }
        }
      }
    }
  }
}


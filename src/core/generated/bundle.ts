import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AppendBundleRequest__Input as _spire_api_server_bundle_v1_AppendBundleRequest__Input, AppendBundleRequest as _spire_api_server_bundle_v1_AppendBundleRequest } from './spire/api/server/bundle/v1/AppendBundleRequest.js';
import type { BatchCreateFederatedBundleRequest__Input as _spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest__Input, BatchCreateFederatedBundleRequest as _spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest } from './spire/api/server/bundle/v1/BatchCreateFederatedBundleRequest.js';
import type { BatchCreateFederatedBundleResponse__Input as _spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse__Input, BatchCreateFederatedBundleResponse as _spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse } from './spire/api/server/bundle/v1/BatchCreateFederatedBundleResponse.js';
import type { BatchDeleteFederatedBundleRequest__Input as _spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest__Input, BatchDeleteFederatedBundleRequest as _spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest } from './spire/api/server/bundle/v1/BatchDeleteFederatedBundleRequest.js';
import type { BatchDeleteFederatedBundleResponse__Input as _spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse__Input, BatchDeleteFederatedBundleResponse as _spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse } from './spire/api/server/bundle/v1/BatchDeleteFederatedBundleResponse.js';
import type { BatchSetFederatedBundleRequest__Input as _spire_api_server_bundle_v1_BatchSetFederatedBundleRequest__Input, BatchSetFederatedBundleRequest as _spire_api_server_bundle_v1_BatchSetFederatedBundleRequest } from './spire/api/server/bundle/v1/BatchSetFederatedBundleRequest.js';
import type { BatchSetFederatedBundleResponse__Input as _spire_api_server_bundle_v1_BatchSetFederatedBundleResponse__Input, BatchSetFederatedBundleResponse as _spire_api_server_bundle_v1_BatchSetFederatedBundleResponse } from './spire/api/server/bundle/v1/BatchSetFederatedBundleResponse.js';
import type { BatchUpdateFederatedBundleRequest__Input as _spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest__Input, BatchUpdateFederatedBundleRequest as _spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest } from './spire/api/server/bundle/v1/BatchUpdateFederatedBundleRequest.js';
import type { BatchUpdateFederatedBundleResponse__Input as _spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse__Input, BatchUpdateFederatedBundleResponse as _spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse } from './spire/api/server/bundle/v1/BatchUpdateFederatedBundleResponse.js';
import type { BundleClient as _spire_api_server_bundle_v1_BundleClient, BundleDefinition as _spire_api_server_bundle_v1_BundleDefinition } from './spire/api/server/bundle/v1/Bundle.js';
import type { CountBundlesRequest__Input as _spire_api_server_bundle_v1_CountBundlesRequest__Input, CountBundlesRequest as _spire_api_server_bundle_v1_CountBundlesRequest } from './spire/api/server/bundle/v1/CountBundlesRequest.js';
import type { CountBundlesResponse__Input as _spire_api_server_bundle_v1_CountBundlesResponse__Input, CountBundlesResponse as _spire_api_server_bundle_v1_CountBundlesResponse } from './spire/api/server/bundle/v1/CountBundlesResponse.js';
import type { GetBundleRequest__Input as _spire_api_server_bundle_v1_GetBundleRequest__Input, GetBundleRequest as _spire_api_server_bundle_v1_GetBundleRequest } from './spire/api/server/bundle/v1/GetBundleRequest.js';
import type { GetFederatedBundleRequest__Input as _spire_api_server_bundle_v1_GetFederatedBundleRequest__Input, GetFederatedBundleRequest as _spire_api_server_bundle_v1_GetFederatedBundleRequest } from './spire/api/server/bundle/v1/GetFederatedBundleRequest.js';
import type { ListFederatedBundlesRequest__Input as _spire_api_server_bundle_v1_ListFederatedBundlesRequest__Input, ListFederatedBundlesRequest as _spire_api_server_bundle_v1_ListFederatedBundlesRequest } from './spire/api/server/bundle/v1/ListFederatedBundlesRequest.js';
import type { ListFederatedBundlesResponse__Input as _spire_api_server_bundle_v1_ListFederatedBundlesResponse__Input, ListFederatedBundlesResponse as _spire_api_server_bundle_v1_ListFederatedBundlesResponse } from './spire/api/server/bundle/v1/ListFederatedBundlesResponse.js';
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
  spire: {
    api: {
      server: {
        bundle: {
          v1: {
            AppendBundleRequest: MessageTypeDefinition<_spire_api_server_bundle_v1_AppendBundleRequest__Input, _spire_api_server_bundle_v1_AppendBundleRequest>
            BatchCreateFederatedBundleRequest: MessageTypeDefinition<_spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest__Input, _spire_api_server_bundle_v1_BatchCreateFederatedBundleRequest>
            BatchCreateFederatedBundleResponse: MessageTypeDefinition<_spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse__Input, _spire_api_server_bundle_v1_BatchCreateFederatedBundleResponse>
            BatchDeleteFederatedBundleRequest: MessageTypeDefinition<_spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest__Input, _spire_api_server_bundle_v1_BatchDeleteFederatedBundleRequest>
            BatchDeleteFederatedBundleResponse: MessageTypeDefinition<_spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse__Input, _spire_api_server_bundle_v1_BatchDeleteFederatedBundleResponse>
            BatchSetFederatedBundleRequest: MessageTypeDefinition<_spire_api_server_bundle_v1_BatchSetFederatedBundleRequest__Input, _spire_api_server_bundle_v1_BatchSetFederatedBundleRequest>
            BatchSetFederatedBundleResponse: MessageTypeDefinition<_spire_api_server_bundle_v1_BatchSetFederatedBundleResponse__Input, _spire_api_server_bundle_v1_BatchSetFederatedBundleResponse>
            BatchUpdateFederatedBundleRequest: MessageTypeDefinition<_spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest__Input, _spire_api_server_bundle_v1_BatchUpdateFederatedBundleRequest>
            BatchUpdateFederatedBundleResponse: MessageTypeDefinition<_spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse__Input, _spire_api_server_bundle_v1_BatchUpdateFederatedBundleResponse>
            Bundle: SubtypeConstructor<typeof grpc.Client, _spire_api_server_bundle_v1_BundleClient> & { service: _spire_api_server_bundle_v1_BundleDefinition }
            CountBundlesRequest: MessageTypeDefinition<_spire_api_server_bundle_v1_CountBundlesRequest__Input, _spire_api_server_bundle_v1_CountBundlesRequest>
            CountBundlesResponse: MessageTypeDefinition<_spire_api_server_bundle_v1_CountBundlesResponse__Input, _spire_api_server_bundle_v1_CountBundlesResponse>
            GetBundleRequest: MessageTypeDefinition<_spire_api_server_bundle_v1_GetBundleRequest__Input, _spire_api_server_bundle_v1_GetBundleRequest>
            GetFederatedBundleRequest: MessageTypeDefinition<_spire_api_server_bundle_v1_GetFederatedBundleRequest__Input, _spire_api_server_bundle_v1_GetFederatedBundleRequest>
            ListFederatedBundlesRequest: MessageTypeDefinition<_spire_api_server_bundle_v1_ListFederatedBundlesRequest__Input, _spire_api_server_bundle_v1_ListFederatedBundlesRequest>
            ListFederatedBundlesResponse: MessageTypeDefinition<_spire_api_server_bundle_v1_ListFederatedBundlesResponse__Input, _spire_api_server_bundle_v1_ListFederatedBundlesResponse>
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


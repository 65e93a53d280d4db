import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Empty__Input as _google_protobuf_Empty__Input, Empty as _google_protobuf_Empty } from './google/protobuf/Empty.js';
import type { BatchCreateFederationRelationshipRequest__Input as _spire_api_server_trustdomain_v1_BatchCreateFederationRelationshipRequest__Input, BatchCreateFederationRelationshipRequest as _spire_api_server_trustdomain_v1_BatchCreateFederationRelationshipRequest } from './spire/api/server/trustdomain/v1/BatchCreateFederationRelationshipRequest.js';
import type { BatchCreateFederationRelationshipResponse__Input as _spire_api_server_trustdomain_v1_BatchCreateFederationRelationshipResponse__Input, BatchCreateFederationRelationshipResponse as _spire_api_server_trustdomain_v1_BatchCreateFederationRelationshipResponse } from './spire/api/server/trustdomain/v1/BatchCreateFederationRelationshipResponse.js';
import type { BatchDeleteFederationRelationshipRequest__Input as _spire_api_server_trustdomain_v1_BatchDeleteFederationRelationshipRequest__Input, BatchDeleteFederationRelationshipRequest as _spire_api_server_trustdomain_v1_BatchDeleteFederationRelationshipRequest } from './spire/api/server/trustdomain/v1/BatchDeleteFederationRelationshipRequest.js';
import type { BatchDeleteFederationRelationshipResponse__Input as _spire_api_server_trustdomain_v1_BatchDeleteFederationRelationshipResponse__Input, BatchDeleteFederationRelationshipResponse as _spire_api_server_trustdomain_v1_BatchDeleteFederationRelationshipResponse } from './spire/api/server/trustdomain/v1/BatchDeleteFederationRelationshipResponse.js';
import type { BatchUpdateFederationRelationshipRequest__Input as _spire_api_server_trustdomain_v1_BatchUpdateFederationRelationshipRequest__Input, BatchUpdateFederationRelationshipRequest as _spire_api_server_trustdomain_v1_BatchUpdateFederationRelationshipRequest } from './spire/api/server/trustdomain/v1/BatchUpdateFederationRelationshipRequest.js';
import type { BatchUpdateFederationRelationshipResponse__Input as _spire_api_server_trustdomain_v1_BatchUpdateFederationRelationshipResponse__Input, BatchUpdateFederationRelationshipResponse as _spire_api_server_trustdomain_v1_BatchUpdateFederationRelationshipResponse } from './spire/api/server/trustdomain/v1/BatchUpdateFederationRelationshipResponse.js';
import type { GetFederationRelationshipRequest__Input as _spire_api_server_trustdomain_v1_GetFederationRelationshipRequest__Input, GetFederationRelationshipRequest as _spire_api_server_trustdomain_v1_GetFederationRelationshipRequest } from './spire/api/server/trustdomain/v1/GetFederationRelationshipRequest.js';
import type { ListFederationRelationshipsRequest__Input as _spire_api_server_trustdomain_v1_ListFederationRelationshipsRequest__Input, ListFederationRelationshipsRequest as _spire_api_server_trustdomain_v1_ListFederationRelationshipsRequest } from './spire/api/server/trustdomain/v1/ListFederationRelationshipsRequest.js';
import type { ListFederationRelationshipsResponse__Input as _spire_api_server_trustdomain_v1_ListFederationRelationshipsResponse__Input, ListFederationRelationshipsResponse as _spire_api_server_trustdomain_v1_ListFederationRelationshipsResponse } from './spire/api/server/trustdomain/v1/ListFederationRelationshipsResponse.js';
import type { RefreshBundleRequest__Input as _spire_api_server_trustdomain_v1_RefreshBundleRequest__Input, RefreshBundleRequest as _spire_api_server_trustdomain_v1_RefreshBundleRequest } from './spire/api/server/trustdomain/v1/RefreshBundleRequest.js';
import type { TrustDomainClient as _spire_api_server_trustdomain_v1_TrustDomainClient, TrustDomainDefinition as _spire_api_server_trustdomain_v1_TrustDomainDefinition } from './spire/api/server/trustdomain/v1/TrustDomain.js';
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
      Empty: MessageTypeDefinition<_google_protobuf_Empty__Input, _google_protobuf_Empty>
    }
  }
  spire: {
    api: {
      server: {
        trustdomain: {
          v1: {
            BatchCreateFederationRelationshipRequest: MessageTypeDefinition<_spire_api_server_trustdomain_v1_BatchCreateFederationRelationshipRequest__Input, _spire_api_server_trustdomain_v1_BatchCreateFederationRelationshipRequest>
            BatchCreateFederationRelationshipResponse: MessageTypeDefinition<_spire_api_server_trustdomain_v1_BatchCreateFederationRelationshipResponse__Input, _spire_api_server_trustdomain_v1_BatchCreateFederationRelationshipResponse>
            BatchDeleteFederationRelationshipRequest: MessageTypeDefinition<_spire_api_server_trustdomain_v1_BatchDeleteFederationRelationshipRequest__Input, _spire_api_server_trustdomain_v1_BatchDeleteFederationRelationshipRequest>
            BatchDeleteFederationRelationshipResponse: MessageTypeDefinition<_spire_api_server_trustdomain_v1_BatchDeleteFederationRelationshipResponse__Input, _spire_api_server_trustdomain_v1_BatchDeleteFederationRelationshipResponse>
            BatchUpdateFederationRelationshipRequest: MessageTypeDefinition<_spire_api_server_trustdomain_v1_BatchUpdateFederationRelationshipRequest__Input, _spire_api_server_trustdomain_v1_BatchUpdateFederationRelationshipRequest>
            BatchUpdateFederationRelationshipResponse: MessageTypeDefinition<_spire_api_server_trustdomain_v1_BatchUpdateFederationRelationshipResponse__Input, _spire_api_server_trustdomain_v1_BatchUpdateFederationRelationshipResponse>
            GetFederationRelationshipRequest: MessageTypeDefinition<_spire_api_server_trustdomain_v1_GetFederationRelationshipRequest__Input, _spire_api_server_trustdomain_v1_GetFederationRelationshipRequest>
            ListFederationRelationshipsRequest: MessageTypeDefinition<_spire_api_server_trustdomain_v1_ListFederationRelationshipsRequest__Input, _spire_api_server_trustdomain_v1_ListFederationRelationshipsRequest>
            ListFederationRelationshipsResponse: MessageTypeDefinition<_spire_api_server_trustdomain_v1_ListFederationRelationshipsResponse__Input, _spire_api_server_trustdomain_v1_ListFederationRelationshipsResponse>
            RefreshBundleRequest: MessageTypeDefinition<_spire_api_server_trustdomain_v1_RefreshBundleRequest__Input, _spire_api_server_trustdomain_v1_RefreshBundleRequest>
            TrustDomain: SubtypeConstructor<typeof grpc.Client, _spire_api_server_trustdomain_v1_TrustDomainClient> & { service: _spire_api_server_trustdomain_v1_TrustDomainDefinition }
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


import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

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


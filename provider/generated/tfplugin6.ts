import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ApplyResourceChange__Input as _tfplugin6_ApplyResourceChange__Input, ApplyResourceChange as _tfplugin6_ApplyResourceChange } from './tfplugin6/ApplyResourceChange.js';
import type { AttributePath__Input as _tfplugin6_AttributePath__Input, AttributePath as _tfplugin6_AttributePath } from './tfplugin6/AttributePath.js';
import type { ClientCapabilities__Input as _tfplugin6_ClientCapabilities__Input, ClientCapabilities as _tfplugin6_ClientCapabilities } from './tfplugin6/ClientCapabilities.js';
import type { ConfigureProvider__Input as _tfplugin6_ConfigureProvider__Input, ConfigureProvider as _tfplugin6_ConfigureProvider } from './tfplugin6/ConfigureProvider.js';
import type { Diagnostic__Input as _tfplugin6_Diagnostic__Input, Diagnostic as _tfplugin6_Diagnostic } from './tfplugin6/Diagnostic.js';
import type { DynamicValue__Input as _tfplugin6_DynamicValue__Input, DynamicValue as _tfplugin6_DynamicValue } from './tfplugin6/DynamicValue.js';
import type { GetMetadata__Input as _tfplugin6_GetMetadata__Input, GetMetadata as _tfplugin6_GetMetadata } from './tfplugin6/GetMetadata.js';
import type { GetProviderSchema__Input as _tfplugin6_GetProviderSchema__Input, GetProviderSchema as _tfplugin6_GetProviderSchema } from './tfplugin6/GetProviderSchema.js';
import type { ImportResourceState__Input as _tfplugin6_ImportResourceState__Input, ImportResourceState as _tfplugin6_ImportResourceState } from './tfplugin6/ImportResourceState.js';
import type { PlanResourceChange__Input as _tfplugin6_PlanResourceChange__Input, PlanResourceChange as _tfplugin6_PlanResourceChange } from './tfplugin6/PlanResourceChange.js';
import type { ProviderClient as _tfplugin6_ProviderClient, ProviderDefinition as _tfplugin6_ProviderDefinition } from './tfplugin6/Provider.js';
import type { RawState__Input as _tfplugin6_RawState__Input, RawState as _tfplugin6_RawState } from './tfplugin6/RawState.js';
import type { ReadDataSource__Input as _tfplugin6_ReadDataSource__Input, ReadDataSource as _tfplugin6_ReadDataSource } from './tfplugin6/ReadDataSource.js';
import type { ReadResource__Input as _tfplugin6_ReadResource__Input, ReadResource as _tfplugin6_ReadResource } from './tfplugin6/ReadResource.js';
import type { Schema__Input as _tfplugin6_Schema__Input, Schema as _tfplugin6_Schema } from './tfplugin6/Schema.js';
import type { ServerCapabilities__Input as _tfplugin6_ServerCapabilities__Input, ServerCapabilities as _tfplugin6_ServerCapabilities } from './tfplugin6/ServerCapabilities.js';
import type { StopProvider__Input as _tfplugin6_StopProvider__Input, StopProvider as _tfplugin6_StopProvider } from './tfplugin6/StopProvider.js';
import type { UpgradeResourceState__Input as _tfplugin6_UpgradeResourceState__Input, UpgradeResourceState as _tfplugin6_UpgradeResourceState } from './tfplugin6/UpgradeResourceState.js';
import type { ValidateDataResourceConfig__Input as _tfplugin6_ValidateDataResourceConfig__Input, ValidateDataResourceConfig as _tfplugin6_ValidateDataResourceConfig } from './tfplugin6/ValidateDataResourceConfig.js';
import type { ValidateProviderConfig__Input as _tfplugin6_ValidateProviderConfig__Input, ValidateProviderConfig as _tfplugin6_ValidateProviderConfig } from './tfplugin6/ValidateProviderConfig.js';
import type { ValidateResourceConfig__Input as _tfplugin6_ValidateResourceConfig__Input, ValidateResourceConfig as _tfplugin6_ValidateResourceConfig } from './tfplugin6/ValidateResourceConfig.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tfplugin6: {
    ApplyResourceChange: MessageTypeDefinition<_tfplugin6_ApplyResourceChange__Input, _tfplugin6_ApplyResourceChange>
    AttributePath: MessageTypeDefinition<_tfplugin6_AttributePath__Input, _tfplugin6_AttributePath>
    ClientCapabilities: MessageTypeDefinition<_tfplugin6_ClientCapabilities__Input, _tfplugin6_ClientCapabilities>
    ConfigureProvider: MessageTypeDefinition<_tfplugin6_ConfigureProvider__Input, _tfplugin6_ConfigureProvider>
    Diagnostic: MessageTypeDefinition<_tfplugin6_Diagnostic__Input, _tfplugin6_Diagnostic>
    DynamicValue: MessageTypeDefinition<_tfplugin6_DynamicValue__Input, _tfplugin6_DynamicValue>
    GetMetadata: MessageTypeDefinition<_tfplugin6_GetMetadata__Input, _tfplugin6_GetMetadata>
    GetProviderSchema: MessageTypeDefinition<_tfplugin6_GetProviderSchema__Input, _tfplugin6_GetProviderSchema>
    ImportResourceState: MessageTypeDefinition<_tfplugin6_ImportResourceState__Input, _tfplugin6_ImportResourceState>
    PlanResourceChange: MessageTypeDefinition<_tfplugin6_PlanResourceChange__Input, _tfplugin6_PlanResourceChange>
    Provider: SubtypeConstructor<typeof grpc.Client, _tfplugin6_ProviderClient> & { service: _tfplugin6_ProviderDefinition }
    RawState: MessageTypeDefinition<_tfplugin6_RawState__Input, _tfplugin6_RawState>
    ReadDataSource: MessageTypeDefinition<_tfplugin6_ReadDataSource__Input, _tfplugin6_ReadDataSource>
    ReadResource: MessageTypeDefinition<_tfplugin6_ReadResource__Input, _tfplugin6_ReadResource>
    Schema: MessageTypeDefinition<_tfplugin6_Schema__Input, _tfplugin6_Schema>
    ServerCapabilities: MessageTypeDefinition<_tfplugin6_ServerCapabilities__Input, _tfplugin6_ServerCapabilities>
    StopProvider: MessageTypeDefinition<_tfplugin6_StopProvider__Input, _tfplugin6_StopProvider>
    StringKind: EnumTypeDefinition
    UpgradeResourceState: MessageTypeDefinition<_tfplugin6_UpgradeResourceState__Input, _tfplugin6_UpgradeResourceState>
    ValidateDataResourceConfig: MessageTypeDefinition<_tfplugin6_ValidateDataResourceConfig__Input, _tfplugin6_ValidateDataResourceConfig>
    ValidateProviderConfig: MessageTypeDefinition<_tfplugin6_ValidateProviderConfig__Input, _tfplugin6_ValidateProviderConfig>
    ValidateResourceConfig: MessageTypeDefinition<_tfplugin6_ValidateResourceConfig__Input, _tfplugin6_ValidateResourceConfig>
  }
}


// Original file: provider/proto/tfplugin6/tfplugin6.proto

import type { Schema__Input as _tfplugin6_Schema__Input, Schema as _tfplugin6_Schema } from '../tfplugin6/Schema.js';
import type { Diagnostic__Input as _tfplugin6_Diagnostic__Input, Diagnostic as _tfplugin6_Diagnostic } from '../tfplugin6/Diagnostic.js';
import type { ServerCapabilities__Input as _tfplugin6_ServerCapabilities__Input, ServerCapabilities as _tfplugin6_ServerCapabilities } from '../tfplugin6/ServerCapabilities.js';

export interface _tfplugin6_GetProviderSchema_Request__Input {
}

export interface _tfplugin6_GetProviderSchema_Request {
}

export interface _tfplugin6_GetProviderSchema_Response__Input {
  'provider'?: (_tfplugin6_Schema__Input | null);
  'resource_schemas'?: ({[key: string]: _tfplugin6_Schema__Input});
  'data_source_schemas'?: ({[key: string]: _tfplugin6_Schema__Input});
  'diagnostics'?: (_tfplugin6_Diagnostic__Input)[];
  'provider_meta'?: (_tfplugin6_Schema__Input | null);
  'server_capabilities'?: (_tfplugin6_ServerCapabilities__Input | null);
}

export interface _tfplugin6_GetProviderSchema_Response {
  'provider': (_tfplugin6_Schema | null);
  'resource_schemas': ({[key: string]: _tfplugin6_Schema});
  'data_source_schemas': ({[key: string]: _tfplugin6_Schema});
  'diagnostics': (_tfplugin6_Diagnostic)[];
  'provider_meta': (_tfplugin6_Schema | null);
  'server_capabilities': (_tfplugin6_ServerCapabilities | null);
}

export interface GetProviderSchema__Input {
}

export interface GetProviderSchema {
}

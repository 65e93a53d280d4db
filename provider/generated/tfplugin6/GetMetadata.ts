// Original file: provider/proto/tfplugin6/tfplugin6.proto

import type { ServerCapabilities__Input as _tfplugin6_ServerCapabilities__Input, ServerCapabilities as _tfplugin6_ServerCapabilities } from '../tfplugin6/ServerCapabilities.js';
import type { Diagnostic__Input as _tfplugin6_Diagnostic__Input, Diagnostic as _tfplugin6_Diagnostic } from '../tfplugin6/Diagnostic.js';

export interface _tfplugin6_GetMetadata_DataSourceMetadata__Input {
  'type_name'?: (string);
}

export interface _tfplugin6_GetMetadata_DataSourceMetadata {
  'type_name': (string);
}

export interface _tfplugin6_GetMetadata_Request__Input {
}

export interface _tfplugin6_GetMetadata_Request {
}

export interface _tfplugin6_GetMetadata_ResourceMetadata__Input {
  'type_name'?: (string);
}

export interface _tfplugin6_GetMetadata_ResourceMetadata {
  'type_name': (string);
}

export interface _tfplugin6_GetMetadata_Response__Input {
  'server_capabilities'?: (_tfplugin6_ServerCapabilities__Input | null);
  'diagnostics'?: (_tfplugin6_Diagnostic__Input)[];
  'data_sources'?: (_tfplugin6_GetMetadata_DataSourceMetadata__Input)[];
  'resources'?: (_tfplugin6_GetMetadata_ResourceMetadata__Input)[];
}

export interface _tfplugin6_GetMetadata_Response {
  'server_capabilities': (_tfplugin6_ServerCapabilities | null);
  'diagnostics': (_tfplugin6_Diagnostic)[];
  'data_sources': (_tfplugin6_GetMetadata_DataSourceMetadata)[];
  'resources': (_tfplugin6_GetMetadata_ResourceMetadata)[];
}

export interface GetMetadata__Input {
}

export interface GetMetadata {
}

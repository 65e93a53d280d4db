// Original file: provider/proto/tfplugin6/tfplugin6.proto

import type { ClientCapabilities__Input as _tfplugin6_ClientCapabilities__Input, ClientCapabilities as _tfplugin6_ClientCapabilities } from '../tfplugin6/ClientCapabilities.js';
import type { DynamicValue__Input as _tfplugin6_DynamicValue__Input, DynamicValue as _tfplugin6_DynamicValue } from '../tfplugin6/DynamicValue.js';
import type { Diagnostic__Input as _tfplugin6_Diagnostic__Input, Diagnostic as _tfplugin6_Diagnostic } from '../tfplugin6/Diagnostic.js';

export interface _tfplugin6_ImportResourceState_ImportedResource__Input {
  'type_name'?: (string);
  'state'?: (_tfplugin6_DynamicValue__Input | null);
  'private'?: (Buffer | Uint8Array | string);
}

export interface _tfplugin6_ImportResourceState_ImportedResource {
  'type_name': (string);
  'state': (_tfplugin6_DynamicValue | null);
  'private': (Buffer);
}

export interface _tfplugin6_ImportResourceState_Request__Input {
  'type_name'?: (string);
  'id'?: (string);
  'client_capabilities'?: (_tfplugin6_ClientCapabilities__Input | null);
}

export interface _tfplugin6_ImportResourceState_Request {
  'type_name': (string);
  'id': (string);
  'client_capabilities': (_tfplugin6_ClientCapabilities | null);
}

export interface _tfplugin6_ImportResourceState_Response__Input {
  'imported_resources'?: (_tfplugin6_ImportResourceState_ImportedResource__Input)[];
  'diagnostics'?: (_tfplugin6_Diagnostic__Input)[];
}

export interface _tfplugin6_ImportResourceState_Response {
  'imported_resources': (_tfplugin6_ImportResourceState_ImportedResource)[];
  'diagnostics': (_tfplugin6_Diagnostic)[];
}

export interface ImportResourceState__Input {
}

export interface ImportResourceState {
}

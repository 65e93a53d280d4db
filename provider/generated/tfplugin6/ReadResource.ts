// Original file: provider/proto/tfplugin6/tfplugin6.proto

import type { DynamicValue__Input as _tfplugin6_DynamicValue__Input, DynamicValue as _tfplugin6_DynamicValue } from '../tfplugin6/DynamicValue.js';
import type { ClientCapabilities__Input as _tfplugin6_ClientCapabilities__Input, ClientCapabilities as _tfplugin6_ClientCapabilities } from '../tfplugin6/ClientCapabilities.js';
import type { Diagnostic__Input as _tfplugin6_Diagnostic__Input, Diagnostic as _tfplugin6_Diagnostic } from '../tfplugin6/Diagnostic.js';

export interface _tfplugin6_ReadResource_Request__Input {
  'type_name'?: (string);
  'current_state'?: (_tfplugin6_DynamicValue__Input | null);
  'private'?: (Buffer | Uint8Array | string);
  'provider_meta'?: (_tfplugin6_DynamicValue__Input | null);
  'client_capabilities'?: (_tfplugin6_ClientCapabilities__Input | null);
}

export interface _tfplugin6_ReadResource_Request {
  'type_name': (string);
  'current_state': (_tfplugin6_DynamicValue | null);
  'private': (Buffer);
  'provider_meta': (_tfplugin6_DynamicValue | null);
  'client_capabilities': (_tfplugin6_ClientCapabilities | null);
}

export interface _tfplugin6_ReadResource_Response__Input {
  'new_state'?: (_tfplugin6_DynamicValue__Input | null);
  'diagnostics'?: (_tfplugin6_Diagnostic__Input)[];
  'private'?: (Buffer | Uint8Array | string);
}

export interface _tfplugin6_ReadResource_Response {
  'new_state': (_tfplugin6_DynamicValue | null);
  'diagnostics': (_tfplugin6_Diagnostic)[];
  'private': (Buffer);
}

export interface ReadResource__Input {
}

export interface ReadResource {
}

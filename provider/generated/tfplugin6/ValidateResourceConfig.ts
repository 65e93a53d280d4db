// Original file: provider/proto/tfplugin6/tfplugin6.proto

import type { DynamicValue__Input as _tfplugin6_DynamicValue__Input, DynamicValue as _tfplugin6_DynamicValue } from '../tfplugin6/DynamicValue.js';
import type { ClientCapabilities__Input as _tfplugin6_ClientCapabilities__Input, ClientCapabilities as _tfplugin6_ClientCapabilities } from '../tfplugin6/ClientCapabilities.js';
import type { Diagnostic__Input as _tfplugin6_Diagnostic__Input, Diagnostic as _tfplugin6_Diagnostic } from '../tfplugin6/Diagnostic.js';

export interface _tfplugin6_ValidateResourceConfig_Request__Input {
  'type_name'?: (string);
  'config'?: (_tfplugin6_DynamicValue__Input | null);
  'client_capabilities'?: (_tfplugin6_ClientCapabilities__Input | null);
}

export interface _tfplugin6_ValidateResourceConfig_Request {
  'type_name': (string);
  'config': (_tfplugin6_DynamicValue | null);
  'client_capabilities': (_tfplugin6_ClientCapabilities | null);
}

export interface _tfplugin6_ValidateResourceConfig_Response__Input {
  'diagnostics'?: (_tfplugin6_Diagnostic__Input)[];
}

export interface _tfplugin6_ValidateResourceConfig_Response {
  'diagnostics': (_tfplugin6_Diagnostic)[];
}

export interface ValidateResourceConfig__Input {
}

export interface ValidateResourceConfig {
}

// Original file: provider/proto/tfplugin6/tfplugin6.proto

import type { DynamicValue__Input as _tfplugin6_DynamicValue__Input, DynamicValue as _tfplugin6_DynamicValue } from '../tfplugin6/DynamicValue.js';
import type { Diagnostic__Input as _tfplugin6_Diagnostic__Input, Diagnostic as _tfplugin6_Diagnostic } from '../tfplugin6/Diagnostic.js';

export interface _tfplugin6_ValidateDataResourceConfig_Request__Input {
  'type_name'?: (string);
  'config'?: (_tfplugin6_DynamicValue__Input | null);
}

export interface _tfplugin6_ValidateDataResourceConfig_Request {
  'type_name': (string);
  'config': (_tfplugin6_DynamicValue | null);
}

export interface _tfplugin6_ValidateDataResourceConfig_Response__Input {
  'diagnostics'?: (_tfplugin6_Diagnostic__Input)[];
}

export interface _tfplugin6_ValidateDataResourceConfig_Response {
  'diagnostics': (_tfplugin6_Diagnostic)[];
}

export interface ValidateDataResourceConfig__Input {
}

export interface ValidateDataResourceConfig {
}

// Original file: provider/proto/tfplugin6/tfplugin6.proto

import type { DynamicValue__Input as _tfplugin6_DynamicValue__Input, DynamicValue as _tfplugin6_DynamicValue } from '../tfplugin6/DynamicValue.js';
import type { Diagnostic__Input as _tfplugin6_Diagnostic__Input, Diagnostic as _tfplugin6_Diagnostic } from '../tfplugin6/Diagnostic.js';

export interface _tfplugin6_ApplyResourceChange_Request__Input {
  'type_name'?: (string);
  'prior_state'?: (_tfplugin6_DynamicValue__Input | null);
  'planned_state'?: (_tfplugin6_DynamicValue__Input | null);
  'config'?: (_tfplugin6_DynamicValue__Input | null);
  'planned_private'?: (Buffer | Uint8Array | string);
  'provider_meta'?: (_tfplugin6_DynamicValue__Input | null);
}

export interface _tfplugin6_ApplyResourceChange_Request {
  'type_name': (string);
  'prior_state': (_tfplugin6_DynamicValue | null);
  'planned_state': (_tfplugin6_DynamicValue | null);
  'config': (_tfplugin6_DynamicValue | null);
  'planned_private': (Buffer);
  'provider_meta': (_tfplugin6_DynamicValue | null);
}

export interface _tfplugin6_ApplyResourceChange_Response__Input {
  'new_state'?: (_tfplugin6_DynamicValue__Input | null);
  'private'?: (Buffer | Uint8Array | string);
  'diagnostics'?: (_tfplugin6_Diagnostic__Input)[];
}

export interface _tfplugin6_ApplyResourceChange_Response {
  'new_state': (_tfplugin6_DynamicValue | null);
  'private': (Buffer);
  'diagnostics': (_tfplugin6_Diagnostic)[];
}

export interface ApplyResourceChange__Input {
}

export interface ApplyResourceChange {
}

// Original file: provider/proto/tfplugin6/tfplugin6.proto

import type { DynamicValue__Input as _tfplugin6_DynamicValue__Input, DynamicValue as _tfplugin6_DynamicValue } from '../tfplugin6/DynamicValue.js';
import type { ClientCapabilities__Input as _tfplugin6_ClientCapabilities__Input, ClientCapabilities as _tfplugin6_ClientCapabilities } from '../tfplugin6/ClientCapabilities.js';
import type { AttributePath__Input as _tfplugin6_AttributePath__Input, AttributePath as _tfplugin6_AttributePath } from '../tfplugin6/AttributePath.js';
import type { Diagnostic__Input as _tfplugin6_Diagnostic__Input, Diagnostic as _tfplugin6_Diagnostic } from '../tfplugin6/Diagnostic.js';

export interface _tfplugin6_PlanResourceChange_Request__Input {
  'type_name'?: (string);
  'prior_state'?: (_tfplugin6_DynamicValue__Input | null);
  'proposed_new_state'?: (_tfplugin6_DynamicValue__Input | null);
  'config'?: (_tfplugin6_DynamicValue__Input | null);
  'prior_private'?: (Buffer | Uint8Array | string);
  'provider_meta'?: (_tfplugin6_DynamicValue__Input | null);
  'client_capabilities'?: (_tfplugin6_ClientCapabilities__Input | null);
}

export interface _tfplugin6_PlanResourceChange_Request {
  'type_name': (string);
  'prior_state': (_tfplugin6_DynamicValue | null);
  'proposed_new_state': (_tfplugin6_DynamicValue | null);
  'config': (_tfplugin6_DynamicValue | null);
  'prior_private': (Buffer);
  'provider_meta': (_tfplugin6_DynamicValue | null);
  'client_capabilities': (_tfplugin6_ClientCapabilities | null);
}

export interface _tfplugin6_PlanResourceChange_Response__Input {
  'planned_state'?: (_tfplugin6_DynamicValue__Input | null);
  'requires_replace'?: (_tfplugin6_AttributePath__Input)[];
  'planned_private'?: (Buffer | Uint8Array | string);
  'diagnostics'?: (_tfplugin6_Diagnostic__Input)[];
}

export interface _tfplugin6_PlanResourceChange_Response {
  'planned_state': (_tfplugin6_DynamicValue | null);
  'requires_replace': (_tfplugin6_AttributePath)[];
  'planned_private': (Buffer);
  'diagnostics': (_tfplugin6_Diagnostic)[];
}

export interface PlanResourceChange__Input {
}

export interface PlanResourceChange {
}

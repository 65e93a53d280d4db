// Original file: provider/proto/tfplugin6/tfplugin6.proto

import type { Long } from '@grpc/proto-loader';

export interface _tfplugin6_AttributePath_Step__Input {
  'attribute_name'?: (string);
  'element_key_string'?: (string);
  'element_key_int'?: (number | string | Long);
  'selector'?: "attribute_name"|"element_key_string"|"element_key_int";
}

export interface _tfplugin6_AttributePath_Step {
  'attribute_name'?: (string);
  'element_key_string'?: (string);
  'element_key_int'?: (number);
  'selector'?: "attribute_name"|"element_key_string"|"element_key_int";
}

export interface AttributePath__Input {
  'steps'?: (_tfplugin6_AttributePath_Step__Input)[];
}

export interface AttributePath {
  'steps': (_tfplugin6_AttributePath_Step)[];
}

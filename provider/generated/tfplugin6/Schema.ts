// Original file: provider/proto/tfplugin6/tfplugin6.proto

import type { StringKind__Input as _tfplugin6_StringKind__Input, StringKind as _tfplugin6_StringKind } from '../tfplugin6/StringKind.js';
import type { Long } from '@grpc/proto-loader';

export interface _tfplugin6_Schema_Attribute__Input {
  'name'?: (string);
  'type'?: (Buffer | Uint8Array | string);
  'nested_type'?: (_tfplugin6_Schema_Object__Input | null);
  'description'?: (string);
  'required'?: (boolean);
  'optional'?: (boolean);
  'computed'?: (boolean);
  'sensitive'?: (boolean);
  'description_kind'?: (_tfplugin6_StringKind__Input);
  'deprecated'?: (boolean);
  'deprecation_message'?: (string);
}

export interface _tfplugin6_Schema_Attribute {
  'name': (string);
  'type': (Buffer);
  'nested_type': (_tfplugin6_Schema_Object | null);
  'description': (string);
  'required': (boolean);
  'optional': (boolean);
  'computed': (boolean);
  'sensitive': (boolean);
  'description_kind': (_tfplugin6_StringKind);
  'deprecated': (boolean);
  'deprecation_message': (string);
}

export interface _tfplugin6_Schema_Block__Input {
  'version'?: (number | string | Long);
  'attributes'?: (_tfplugin6_Schema_Attribute__Input)[];
  'block_types'?: (_tfplugin6_Schema_NestedBlock__Input)[];
  'description'?: (string);
  'description_kind'?: (_tfplugin6_StringKind__Input);
  'deprecated'?: (boolean);
  'deprecation_message'?: (string);
}

export interface _tfplugin6_Schema_Block {
  'version': (number);
  'attributes': (_tfplugin6_Schema_Attribute)[];
  'block_types': (_tfplugin6_Schema_NestedBlock)[];
  'description': (string);
  'description_kind': (_tfplugin6_StringKind);
  'deprecated': (boolean);
  'deprecation_message': (string);
}

export interface _tfplugin6_Schema_NestedBlock__Input {
  'type_name'?: (string);
  'block'?: (_tfplugin6_Schema_Block__Input | null);
  'nesting'?: (_tfplugin6_Schema_NestedBlock_NestingMode__Input);
  'min_items'?: (number | string | Long);
  'max_items'?: (number | string | Long);
}

export interface _tfplugin6_Schema_NestedBlock {
  'type_name': (string);
  'block': (_tfplugin6_Schema_Block | null);
  'nesting': (_tfplugin6_Schema_NestedBlock_NestingMode);
  'min_items': (number);
  'max_items': (number);
}

// Original file: provider/proto/tfplugin6/tfplugin6.proto

export const _tfplugin6_Schema_NestedBlock_NestingMode = {
  INVALID: 'INVALID',
  SINGLE: 'SINGLE',
  LIST: 'LIST',
  SET: 'SET',
  MAP: 'MAP',
  GROUP: 'GROUP',
} as const;

export type _tfplugin6_Schema_NestedBlock_NestingMode__Input =
  | 'INVALID'
  | 0
  | 'SINGLE'
  | 1
  | 'LIST'
  | 2
  | 'SET'
  | 3
  | 'MAP'
  | 4
  | 'GROUP'
  | 5

export type _tfplugin6_Schema_NestedBlock_NestingMode = typeof _tfplugin6_Schema_NestedBlock_NestingMode[keyof typeof _tfplugin6_Schema_NestedBlock_NestingMode]

// Original file: provider/proto/tfplugin6/tfplugin6.proto

export const _tfplugin6_Schema_Object_NestingMode = {
  INVALID: 'INVALID',
  SINGLE: 'SINGLE',
  LIST: 'LIST',
  SET: 'SET',
  MAP: 'MAP',
} as const;

export type _tfplugin6_Schema_Object_NestingMode__Input =
  | 'INVALID'
  | 0
  | 'SINGLE'
  | 1
  | 'LIST'
  | 2
  | 'SET'
  | 3
  | 'MAP'
  | 4

export type _tfplugin6_Schema_Object_NestingMode = typeof _tfplugin6_Schema_Object_NestingMode[keyof typeof _tfplugin6_Schema_Object_NestingMode]

export interface _tfplugin6_Schema_Object__Input {
  'attributes'?: (_tfplugin6_Schema_Attribute__Input)[];
  'nesting'?: (_tfplugin6_Schema_Object_NestingMode__Input);
}

export interface _tfplugin6_Schema_Object {
  'attributes': (_tfplugin6_Schema_Attribute)[];
  'nesting': (_tfplugin6_Schema_Object_NestingMode);
}

export interface Schema__Input {
  'version'?: (number | string | Long);
  'block'?: (_tfplugin6_Schema_Block__Input | null);
}

export interface Schema {
  'version': (number);
  'block': (_tfplugin6_Schema_Block | null);
}

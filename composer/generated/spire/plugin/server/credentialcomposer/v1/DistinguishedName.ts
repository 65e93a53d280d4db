// Original file: composer/proto/spire/plugin/server/credentialcomposer/v1/credentialcomposer.proto

import type { AttributeTypeAndValue__Input as _spire_plugin_server_credentialcomposer_v1_AttributeTypeAndValue__Input, AttributeTypeAndValue as _spire_plugin_server_credentialcomposer_v1_AttributeTypeAndValue } from '../../../../../spire/plugin/server/credentialcomposer/v1/AttributeTypeAndValue.js';

export interface DistinguishedName__Input {
  'country'?: (string)[];
  'organization'?: (string)[];
  'organizational_unit'?: (string)[];
  'locality'?: (string)[];
  'province'?: (string)[];
  'street_address'?: (string)[];
  'postal_code'?: (string)[];
  'serial_number'?: (string);
  'common_name'?: (string);
  'extra_names'?: (_spire_plugin_server_credentialcomposer_v1_AttributeTypeAndValue__Input)[];
}

export interface DistinguishedName {
  'country': (string)[];
  'organization': (string)[];
  'organizational_unit': (string)[];
  'locality': (string)[];
  'province': (string)[];
  'street_address': (string)[];
  'postal_code': (string)[];
  'serial_number': (string);
  'common_name': (string);
  'extra_names': (_spire_plugin_server_credentialcomposer_v1_AttributeTypeAndValue)[];
}

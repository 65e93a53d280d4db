// Original file: composer/proto/spire/plugin/server/credentialcomposer/v1/credentialcomposer.proto


export interface AttributeTypeAndValue__Input {
  'oid'?: (string);
  'string_value'?: (string);
}

export interface AttributeTypeAndValue {
  'oid': (string);
  'string_value': (string);
}

// Original file: composer/proto/spire/plugin/server/credentialcomposer/v1/credentialcomposer.proto


export interface X509Extension__Input {
  'oid'?: (string);
  'value'?: (Buffer | Uint8Array | string);
  'critical'?: (boolean);
}

export interface X509Extension {
  'oid': (string);
  'value': (Buffer);
  'critical': (boolean);
}

// Original file: composer/proto/spire/plugin/server/credentialcomposer/v1/credentialcomposer.proto

import type { DistinguishedName__Input as _spire_plugin_server_credentialcomposer_v1_DistinguishedName__Input, DistinguishedName as _spire_plugin_server_credentialcomposer_v1_DistinguishedName } from '../../../../../spire/plugin/server/credentialcomposer/v1/DistinguishedName.js';
import type { X509Extension__Input as _spire_plugin_server_credentialcomposer_v1_X509Extension__Input, X509Extension as _spire_plugin_server_credentialcomposer_v1_X509Extension } from '../../../../../spire/plugin/server/credentialcomposer/v1/X509Extension.js';

export interface X509SVIDAttributes__Input {
  'subject'?: (_spire_plugin_server_credentialcomposer_v1_DistinguishedName__Input | null);
  'dns_sans'?: (string)[];
  'extra_extensions'?: (_spire_plugin_server_credentialcomposer_v1_X509Extension__Input)[];
}

export interface X509SVIDAttributes {
  'subject': (_spire_plugin_server_credentialcomposer_v1_DistinguishedName | null);
  'dns_sans': (string)[];
  'extra_extensions': (_spire_plugin_server_credentialcomposer_v1_X509Extension)[];
}
